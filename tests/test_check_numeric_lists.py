"""Lists of numbers compared component by component, in notes written here (issue 9).

``\\left[\\frac{1}{1+e^{-1.0}}, \\frac{1}{1+e^{-0.5}}\\right] \\approx [0.7311, 0.6225]`` claims
each component: each is checked at the precision printed, and a wrong one is wrong with its
component named (a number times a list scales each component); lists with names, of other
lengths, or in other products are left as they were.
"""
from derive.check import check_text

LAYER = r"""Hidden activations:

$h = \sigma(u) = \left[\frac{1}{1+e^{-1.0}}, \frac{1}{1+e^{-0.5}}\right] \approx [0.7311, 0.6225]$

Updated weights:

$V \leftarrow V - \eta g \approx [0.4 - 0.0031, 0.8 - 0.0007] = [0.3969, 0.7993]$
"""


def rows(notes: str):
    return check_text(notes).verdicts


def test_each_component_of_two_lists_of_numbers_is_checked():
    found = [(v.line, str(v.verdict), v.latex) for v in rows(LAYER)]
    assert (3, "numeric", r"\frac{1}{1+e^{-1.0}} ≈ 0.7311") in found
    assert (3, "numeric", r"\frac{1}{1+e^{-0.5}} ≈ 0.6225") in found
    assert (7, "numeric", "0.4 - 0.0031 = 0.3969") in found
    assert (7, "numeric", "0.8 - 0.0007 = 0.7993") in found
    assert not [1 for _, verdict, _ in found if verdict == "wrong"]
    # the rest of each row stays skipped, and says that its lists were compared
    skipped = [v for v in rows(LAYER) if str(v.verdict) == "skipped"]
    assert [v.line for v in skipped] == [3, 7]
    assert all("component by component" in v.reason for v in skipped)


def test_a_wrong_component_is_wrong_and_the_verdict_names_it():
    planted = LAYER.replace("[0.7311, 0.6225]", "[0.7311, 0.6525]")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 3 and wrong.latex == r"\frac{1}{1+e^{-0.5}} ≈ 0.6525"
    assert wrong.reason.startswith("component 2 of 2")
    assert wrong.expected.startswith("0.6224") and wrong.counterexample is not None
    planted = LAYER.replace("= [0.3969, 0.7993]", "= [0.3699, 0.7993]")
    (wrong,) = [v for v in rows(planted) if str(v.verdict) == "wrong"]
    assert wrong.line == 7 and wrong.reason.startswith("component 1 of 2")


def test_a_list_with_a_name_in_it_is_not_compared():
    notes = r"$[0.4, v_2] = [0.4, 0.9]$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]


def test_lists_of_different_lengths_are_not_compared():
    notes = r"$[0.4, 0.9] = [0.4, 0.9, 1.0]$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]


def test_a_number_times_a_list_is_each_component_scaled():
    notes = r"$q = 0.5 \times [0.4, 0.9] \approx [0.2, 0.45]$" + "\n"
    found = [(str(v.verdict), v.latex) for v in rows(notes) if str(v.verdict) != "skipped"]
    assert found == [("numeric", r"0.5 \cdot 0.4 ≈ 0.2"), ("numeric", r"0.5 \cdot 0.9 ≈ 0.45")]
    (wrong,) = [v for v in rows(notes.replace("0.45]", "0.54]")) if str(v.verdict) == "wrong"]
    assert wrong.reason.startswith("component 2 of 2") and wrong.expected.startswith("0.45")


def test_lists_multiplied_into_a_list_multiply_component_by_component():
    notes = r"$$= -0.5 \cdot [0.2, 0.4] \cdot [0.5(1-0.5), 0.8(1-0.8)] \approx [-0.025, -0.032]$$" + "\n"
    assert [str(v.verdict) for v in rows(notes) if str(v.verdict) != "skipped"] == ["numeric", "numeric"]
    planted = notes.replace("-0.032]", "-0.023]")
    assert [v.reason[:16] for v in rows(planted) if str(v.verdict) == "wrong"] == ["component 2 of 2"]


def test_a_product_that_is_not_numbers_times_lists_is_not_compared():
    for notes in (r"$w \times [0.4, 0.9] = [0.2, 0.45]$",  # a name times a list
                  r"$[0.2, 0.3] \cdot [0.5, 0.5] = 0.25$",  # a dot product: a number, not a list
                  r"$0.5 - 0.1 \times [0.4, 0.9] = [0.46, 0.41]$",  # a sum around the product
                  r"$[0.1, 0.2] = 2 \times [0.05, 0.1]$",  # the product on the side of the claim
                  r"$0.5 \times [0.4, 0.9, 1.0] = [0.2, 0.45]$",  # other lengths
                  r"$0.5 [0.4, 0.9] = [0.2, 0.45]$"):  # written side by side
        assert [str(v.verdict) for v in rows(notes + "\n")] == ["skipped"], notes


def test_values_in_round_brackets_are_not_compared():
    notes = r"$(0.4, 0.9) = (0.4, 0.8)$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]


def test_a_list_that_is_only_part_of_a_side_is_not_compared():
    notes = r"$[0.4, 0.9] + [0.1, 0.1] = [0.5, 1.0]$" + "\n"
    assert [str(v.verdict) for v in rows(notes)] == ["skipped"]


def test_a_chain_of_three_lists_compares_each_with_the_one_before_it():
    notes = r"$[2 \times 0.25, 1 - 0.7] = [0.5, 0.3] = [0.50, 0.30]$." + "\n"
    found = [(str(v.verdict), v.reason) for v in rows(notes) if str(v.verdict) != "skipped"]
    assert len(found) == 4 and all(verdict in ("proved", "numeric") for verdict, _ in found)
    planted = notes.replace("= [0.50, 0.30]", "= [0.50, 0.40]")
    assert [v.reason[:14] for v in rows(planted) if str(v.verdict) == "wrong"] == ["component 2 of"]
