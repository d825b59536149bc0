"""Rules of differentiation stated about functions the notes never define, in
notes written here.

A rule statement (the chain rule, the product and quotient rules) holds for any
functions, so it is proved with SymPy's undefined functions; a wrong rule is
skipped, never called wrong (a counterexample would need functions the notes did
not choose). ``f(x) = \\frac{G(x)}{H(x)}`` defines f in G and H from there on.
"""
from derive.check import check_text


def verdicts(notes: str) -> list[tuple[int, str]]:
    return [(v.line, str(v.verdict)) for v in check_text(notes).verdicts]


def reasons(notes: str) -> list[tuple[int, str, str]]:
    return [(v.line, str(v.verdict), v.reason) for v in check_text(notes).verdicts]


def test_a_rule_definition_ends_the_earlier_definition():
    # f = G/H with G, H unknown: the derivative of the earlier f is no longer f'
    notes = ("Take $f(x) = (x^2 + 1)^3$.\n\n"
             "If $f(x) = \\frac{G(x)}{H(x)}$, then $f'(x) = 6x(x^2 + 1)^2$.\n")
    assert verdicts(notes) == [(1, "definition"), (3, "definition"), (3, "skipped")]


# ------------------------------------------------ rule statements proved for any functions
def test_the_chain_rule_for_any_functions_is_proved():
    (line, verdict, reason), = reasons("Chain rule: $\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)$.\n")
    assert (line, verdict) == (1, "proved") and "any functions f, g" in reason
    assert verdicts("$$\\frac{d}{dx} F(3x) = 3 F'(3x)$$\n") == [(1, "proved")]


def test_the_product_and_quotient_rules_are_proved():
    product = "$$\\frac{d}{dx} \\left[f(x) g(x)\\right] = f'(x) g(x) + f(x) g'(x)$$\n"
    assert verdicts(product) == [(1, "proved")]
    quotient = ("If $f(x) = \\frac{g(x)}{h(x)}$, then "
                "$f'(x) = \\frac{g'(x)h(x) - h'(x)g(x)}{(h(x))^2}$.\n")
    assert verdicts(quotient) == [(1, "definition"), (1, "proved")]


def test_a_wrong_rule_is_skipped_not_called_wrong():
    for notes in ("$$\\frac{d}{dx} f(g(x)) = f'(x) g'(x)$$\n",
                  "$$\\frac{d}{dx} \\left[f(x) g(x)\\right] = f'(x) g'(x)$$\n",
                  "If $f(x) = \\frac{g(x)}{h(x)}$, then $f'(x) = \\frac{g'(x)h(x) + h'(x)g(x)}{(h(x))^2}$.\n"):
        last = reasons(notes)[-1]
        assert last[1] == "skipped" and "a rule statement about" in last[2]


def test_a_rule_statement_with_another_name_or_a_defined_name_is_skipped():
    # u may depend on x: d/dx f(u) = 0 is not an identity the notes can mean
    assert verdicts("$$\\frac{d}{dx} f(u) = 0$$\n") == [(1, "skipped")]
    # x is given a value: the statement is not about a free variable
    assert verdicts("$$x = 2$$\n$$\\frac{d}{dx} f(x)^2 = 2 f(x) f'(x)$$\n") == [(1, "definition"), (2, "skipped")]
    # a primed name (the lecture's y' = F'(g(x)) g'(x)): by which variable is not said
    assert verdicts("$$y = f(g(x))$$\n$$y' = f'(g(x)) g'(x)$$\n") == [(1, "skipped"), (2, "skipped")]


def test_a_rule_definition_counts_as_a_definition_so_f_is_not_read_forward():
    # f is defined twice (a rule, then an example): the chain rule before both is about any f
    notes = ("$$\\frac{d}{dx} f(g(x)) = f'(g(x)) g'(x)$$\n\n"
             "If $f(x) = \\frac{g(x)}{h(x)}$, then $f'(x) = \\frac{g'(x)h(x) - h'(x)g(x)}{h(x)^2}$.\n\n"
             "Take $f(x) = \\frac{2x}{3 + x}$: $f'(x) = \\frac{6}{(3 + x)^2}$.\n")
    got = reasons(notes)
    assert got[0][:2] == (1, "proved") and "any functions f, g" in got[0][2]
    assert [(line, verdict) for line, verdict, _ in got[1:]] == [(3, "definition"), (3, "proved"),
                                                               (5, "definition"), (5, "proved")]


QUOTIENT_EXAMPLE = """If $f(x) = \\frac{g(x)}{h(x)}$, then $f'(x) = \\frac{g'(x)h(x) - h'(x)g(x)}{h(x)^2}$.

Here $g(x) = 4x$ and $h(x) = 2 + x$, so

$$f'(x) = \\frac{4(2 + x) - 4x}{(2 + x)^2} = \\frac{8}{(2 + x)^2}$$
"""


def test_functions_defined_after_the_rule_definition_are_read_into_it():
    # f = g/h, then g and h: f'(x) is the derivative of 4x/(2 + x)
    assert verdicts(QUOTIENT_EXAMPLE) == [(1, "definition"), (1, "proved"), (3, "definition"), (3, "definition"),
                                          (5, "proved"), (5, "proved")]
    planted = QUOTIENT_EXAMPLE.replace("= \\frac{8}{(2 + x)^2}", "= \\frac{4}{(2 + x)^2}")
    assert verdicts(planted)[-1] == (5, "wrong")


def test_a_wrong_rule_is_not_judged_on_the_example_functions_defined_after_it():
    # the rule is read about any g, h (skipped), not with the later g = 4x, h = 2 + x (which would make it wrong)
    wrong_rule = QUOTIENT_EXAMPLE.replace("h(x) - h'(x)g(x)}", "h(x) + h'(x)g(x)}")
    assert verdicts(wrong_rule)[:2] == [(1, "definition"), (1, "skipped")]
    # a later definition that calls f (g = 2f) is circular: it stays a rule statement
    circular = "If $f(x) = \\frac{g(x)}{h(x)}$, then $f(1) = 2$.\n\nLet $g(x) = 2 f(x)$.\n"
    assert [verdict for _, verdict in verdicts(circular)] == ["definition", "skipped", "skipped"]
