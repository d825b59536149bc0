"""Chain-rule statements about names the notes never define (issue 9 §1), in
notes written here: a product of derivatives whose factors telescope is the
chain rule (proved, the reason naming the names it goes through); a product
that does not telescope is skipped with that reason, never called wrong."""
import pytest

from derive.check import check_text


def judged(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


def only(row: str) -> tuple[str, str]:
    """The verdict and reason of the one claim in a one-row note."""
    ((_, verdict, reason),) = judged(f"# own notes\n\n$${row}$$\n")
    return verdict, reason


D = "\\frac{\\partial %s}{\\partial %s}"


@pytest.mark.parametrize("product", [
    f"{D % ('C', 'p')}{D % ('p', 's')}{D % ('s', 'v')}",                      # juxtaposition
    f"{D % ('C', 'p')} \\cdot {D % ('p', 's')} \\cdot {D % ('s', 'v')}",      # \cdot
    f"{D % ('C', 'p')} \\times {D % ('p', 's')} \\times {D % ('s', 'v')}",    # \times
    f"{D % ('s', 'v')}{D % ('C', 'p')}{D % ('p', 's')}",                      # any order of the factors
])
def test_a_product_that_telescopes_is_the_chain_rule_through_its_names(product):
    verdict, reason = only(f"{D % ('C', 'v')} = {product}")
    assert verdict == "proved"
    assert reason.startswith("the chain rule through p, s")


def test_the_chain_rule_is_read_in_either_direction_and_with_d_or_partial():
    assert only(f"{D % ('C', 'p')}{D % ('p', 'v')} = {D % ('C', 'v')}")[0] == "proved"
    verdict, reason = only("\\frac{dC}{dv} = \\frac{dC}{d\\hat{p}} \\frac{d\\hat{p}}{dv}")
    assert verdict == "proved" and "through p\u0302" in reason


def test_each_link_of_a_chain_row_is_the_chain_rule_through_its_own_names():
    notes = f"# own notes\n\n$${D % ('C', 'v')} = {D % ('C', 'p')} \\cdot {D % ('p', 'v')} = {D % ('C', 's')}{D % ('s', 'v')}$$\n"
    (one, two) = judged(notes)
    assert one[1] == two[1] == "proved"
    assert one[2].startswith("the chain rule through p") and two[2].startswith("the chain rule through s")
    # a continuation row on its own line is a link of the same chain
    rows = f"# own notes\n\n$${D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'v')}$$\n\n$$= {D % ('C', 's')}{D % ('s', 'v')}$$\n"
    assert [(line, verdict) for line, verdict, _ in judged(rows)] == [(3, "proved"), (5, "proved")]


def test_names_in_korean_with_indices_telescope_as_they_are_read():
    row = ("\\frac{d손실q_{k}}{dv_{12}} = \\frac{d손실q_{k}}{dp_{2}} \\cdot \\frac{dp_{2}}{d합_{2}} "
           "\\cdot \\frac{d합_{2}}{dv_{12}}")
    verdict, reason = only(row)
    assert verdict == "proved" and "p_2, 합_2" in reason
    # the same function written with a bracket on one side only is still the same function
    assert only(row.replace("\\frac{d손실q_{k}}{dv_{12}}", "\\frac{d(손실q_{k})}{dv_{12}}"))[0] == "proved"


def test_a_sum_over_paths_is_the_chain_rule_when_every_path_telescopes():
    row = f"{D % ('C', 'h')} = {D % ('C', 'p_1')}{D % ('p_1', 'h')} + {D % ('C', 'p_2')}{D % ('p_2', 'h')}"
    verdict, reason = only(row)
    assert verdict == "proved" and reason.startswith("the chain rule summed over the paths through p_1; p_2")


@pytest.mark.parametrize("row", [
    f"{D % ('C', 'v')} = {D % ('C', 'p')}{D % ('s', 'v')}",                   # a link missing (p to s)
    f"{D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 's')}",                   # ends at s, not v
    f"{D % ('C', 'v')} = {D % ('q', 'p')}{D % ('p', 'v')}",                   # starts at q, not C
    f"{D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'C')}{D % ('C', 'v')}",   # goes round through C
    # one path of the sum does not reach h
    f"{D % ('C', 'h')} = {D % ('C', 'p_1')}{D % ('p_1', 'h')} + {D % ('C', 'p_2')}{D % ('p_1', 'h')}",
])
def test_a_product_that_does_not_telescope_is_skipped_with_that_reason_never_wrong(row):
    verdict, reason = only(row)
    assert verdict == "skipped"
    assert reason.startswith("a chain-rule product whose factors do not chain")


@pytest.mark.parametrize("row", [
    f"{D % ('C', 'v')} = 2{D % ('C', 'p')}{D % ('p', 'v')}",                  # a factor 2 besides the rule
    f"{D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'v')} + {D % ('C', 'v')}",  # the direct path added again
    # a sum of paths against another product: which set of paths is complete is not said
    f"{D % ('C', 'p')}{D % ('p', 'v')} = {D % ('C', 'p_1')}{D % ('p_1', 'v')} + {D % ('C', 'p_2')}{D % ('p_2', 'v')}",
    f"{D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'v')} \\cdot x",         # a stray factor
])
def test_near_misses_of_the_rule_stay_skipped(row):
    verdict, reason = only(row)
    assert verdict == "skipped" and not reason.startswith("the chain rule")


def test_a_defined_loss_is_still_judged_by_its_definition_not_by_the_rule():
    # C is defined: the rule's product is expanded and judged as before (a wrong product stays wrong)
    notes = ("# own notes\n\n$$C = (p - q)^2$$\n\n$$p = 3 v$$\n\n"
             f"$${D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'v')}$$\n\n"
             f"$${D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'v')} = 2(p - q)$$\n")
    got = [(line, verdict) for line, verdict, _ in judged(notes) if verdict != "definition"]
    assert got == [(7, "proved"), (9, "proved"), (9, "wrong")]


def test_a_loss_the_notes_define_is_routed_by_its_definitions_not_by_the_product():
    # C = (p - q)^2 with p = σ(k h): the definitions agree with the route C → p → h → v; only the
    # undefined h is routed by the rule
    notes = ("# own notes\n\n$$C = (p - q)^2$$\n\n$$p = \\sigma(k h)$$\n\n"
             f"$${D % ('C', 'v')} = {D % ('C', 'p')}{D % ('p', 'h')}{D % ('h', 'v')}$$\n")
    assert [j[:2] for j in judged(notes) if j[1] != "definition"] == [(7, "proved")]
    # a second output r of h and t: C reaches v through r too, which the product leaves out
    two = notes.replace("(p - q)^2$$", "(p - q)^2 + (r - q)^2$$").replace("\\sigma(k h)$$", "\\sigma(k h), \\quad r = h t$$")
    (line, verdict, reason), = [j for j in judged(two) if j[1] != "definition"]
    assert (line, verdict) == (7, "skipped") and not reason.startswith("the chain rule")


def test_a_factor_through_a_name_defined_without_its_variable_is_not_vouched_for():
    # r = a x holds no v: the product says C reaches v through r, which the definition denies
    notes = ("# own notes\n\n$$r = a x$$\n\n"
             f"$${D % ('C', 'v')} = {D % ('C', 'h')}{D % ('h', 'r')}{D % ('r', 'v')}$$\n\n"
             f"$${D % ('C', 'a')} = {D % ('C', 'h')}{D % ('h', 'r')}{D % ('r', 'a')}$$\n")
    got = [j for j in judged(notes) if j[1] != "definition"]
    assert got[0][:2] == (5, "skipped") and "the notes define r without v" in got[0][2]
    assert got[1][:2] == (7, "proved")
    assert check_text(notes).wrong == []


def test_a_function_written_as_two_undefined_names_side_by_side_is_still_undefined():
    # 손실y_2 is read as 손실·y_2; y_2 is an unknown function elsewhere, neither name is defined
    notes = ("# own notes\n\n$$합_{2} = v_{2} h + c$$\n\n$$\\frac{dy_{2}}{d합_{2}} = y_{2}(1 - y_{2})$$\n\n"
             "$$\\frac{d(손실y_{2})}{dh} = \\frac{d손실y_{2}}{d합_{2}} \\cdot \\frac{d합_{2}}{dh}$$\n")
    (line, verdict, reason) = judged(notes)[-1]
    assert (line, verdict) == (7, "proved") and reason.startswith("the chain rule through 합_2")


def test_a_route_between_two_inputs_of_one_definition_is_not_vouched_for():
    # s = p t + q writes p and q into one formula: q is an input beside p, so ∂q/∂p is 0 and
    # "C reaches p through q" is not the chain rule; through s (defined from p) it is
    notes = ("# own notes\n\n$$s = p t + q$$\n\n"
             f"$${D % ('C', 'p')} = {D % ('C', 'q')}{D % ('q', 'p')}$$\n\n"
             f"$${D % ('C', 'p')} = {D % ('C', 's')}{D % ('s', 'p')}$$\n\n"
             f"$${D % ('C', 'p')} = {D % ('C', 'u')}{D % ('u', 'p')}$$\n")
    got = [j for j in judged(notes) if j[1] != "definition"]
    assert got[0][:2] == (5, "skipped")
    assert "q and p are both inputs of s" in got[0][2] and "∂q/∂p is 0" in got[0][2]
    assert got[1][:2] == (7, "proved")
    assert got[2][:2] == (9, "proved")  # u appears in no definition beside p: the notes' own claim
    assert check_text(notes).wrong == []
