"""The reader of notes: Markdown segments, the LaTeX grammar, unreadable and
pathological input, and the time budget."""
import operator
import time
from importlib import resources

import pytest
import sympy as sp

from derive.check import check_text
from derive.worker import Overrun, run_with_budget
from derive.check.latex import parse_statement
from derive.check.latex_errors import LatexError
from derive.check.markdown import math_segments
from derive.symbols import sigmoid, symbol

w, b, x, y, z = (symbol(n) for n in ("w", "b", "x", "y", "z"))


def values(latex: str) -> list:
    return [[e.value for e in p.exprs] for p in parse_statement(latex).pieces]


def one(latex: str) -> sp.Expr:
    ((value,),) = values(latex)
    return value


def test_segments_carry_their_lines_and_split_aligned_rows():
    text = "intro $a = 1$ text\n\n$$\nL = 2\n$$\n$$\\begin{aligned} p &= q \\\\\n &= r \\end{aligned}$$\n"
    segs = math_segments(text)
    assert [(s.line, s.latex.split()) for s in segs] == [
        (1, ["a", "=", "1"]), (4, ["L", "=", "2"]), (6, ["p", "=", "q"]), (7, ["=", "r"])]
    for s in segs:  # every segment is a slice of the file, layout blanked
        assert len(text[s.start:s.start + len(s.latex)]) == len(s.latex)


def test_code_fences_are_not_math():
    assert math_segments("```\n$$a = b$$\n```\n$c = d$\n")[0].line == 4


def test_multi_letter_names_are_one_symbol():
    assert one("MSE") == symbol("MSE")
    assert one("SE x") == symbol("SE") * x
    assert one("w x") == one("wx") == w * x


def test_accents_subscripts_and_greek_letters_name_symbols():
    assert one(r"\hat{y}") == symbol("y_hat")
    assert one(r"w_{\text{new}}") == one("w_{new}") == symbol("w_new")
    assert one("w_1 x_1") == symbol("w_1") * symbol("x_1")
    assert one(r"\omega \eta") == symbol("omega") * symbol("eta")


def test_functions_fractions_and_roots():
    assert one(r"\frac{1}{2}(y - x)^2") == (y - x) ** 2 / 2
    assert one(r"\sqrt{x} + \ln x + \log(y)") == sp.sqrt(x) + sp.log(x) + sp.log(y)
    assert one(r"e^{-z} + \exp(z)") == sp.exp(-z) + sp.exp(z)
    assert one(r"|y - x| \operatorname{sign}(x)") == sp.Abs(y - x) * sp.sign(x)
    assert one(r"\left( w \cdot x + b \right)") == w * x + b


def test_sigma_applied_is_the_sigmoid_and_bare_is_a_symbol():
    assert one(r"\sigma(z)") == sigmoid(z)
    assert one(r"\sigma\left(w x\right)") == sigmoid(w * x)
    assert one(r"\sigma") == symbol("sigma")


def test_derivative_fractions_and_operators():
    assert one(r"\frac{dSE}{dw}") == sp.Derivative(symbol("SE"), w)
    assert one(r"\frac{\partial L}{\partial w_1}") == sp.Derivative(symbol("L"), symbol("w_1"))
    # d/dw applies to the rest of the product it stands in
    assert one(r"2 x \frac{d}{dw} \frac{1}{2} w^2") == 2 * x * sp.Derivative(w**2 / 2, w)


def test_boxes_text_and_arrows():
    (piece,) = [p for p in parse_statement(r"\rightarrow \boxed{a = b} \text{ (gradient)}").pieces]
    assert piece.after_arrow and [e.value for e in piece.exprs] == [symbol("a"), b]
    first, annotation = parse_statement(r"b_{new} = b - c \quad \Rightarrow w \cdot x + b").pieces
    assert len(first.exprs) == 2 and len(annotation.exprs) == 1 and annotation.after_arrow


def test_continuation_rows_start_with_equals():
    assert parse_statement("= 2x").pieces[0].continues


@pytest.mark.parametrize("latex, near", [
    (r"\frac{1}{2} @ x", "@"),
    (r"(y - x", None),
    (r"\frac{d^2 L}{dw^2}", None),
    (r"\frac{d}{dw}", None),
])
def test_unparsable_math_raises_with_a_position(latex, near):
    with pytest.raises(LatexError) as err:
        parse_statement(latex)
    assert err.value.pos is not None
    if near:
        assert latex[err.value.pos] == near


def test_unparsable_notes_are_skipped_with_the_place():
    result = check_text("ok $a = 1$\n\n$$L = \\frac{1}{2} @ (y - x)^2$$\n")
    (skipped,) = [v for v in result.verdicts if v.verdict == "skipped"]
    assert skipped.line == 3
    assert "line 3, column 19" in skipped.reason and "'@" in skipped.reason


def test_continuation_without_a_chain_is_skipped():
    (v,) = check_text("$$= x$$").verdicts
    assert v.verdict == "skipped"


def test_pathological_input_finishes_with_a_sensible_verdict():
    notes = "\n".join([
        "$$L = 9^{9^{9^{9}}}$$",
        "$$" + "(" * 80 + "x" + ")" * 80 + " = x$$",
        "$$" + " + ".join(f"x^{{{k}}}" for k in range(1500)) + " = 0$$",
        "$$L = (w x + b)^{60}$$",
        r"$$\frac{dL}{dw} = 60 (w x + b)^{59} x$$",
        r"$$\frac{d}{dw} e^{e^{e^{w x}}} = x e^{w x} e^{e^{w x}} e^{e^{e^{w x}}}$$",
    ])
    result = check_text(notes, seconds=2.0)
    lines = {v.line: v for v in result.verdicts}
    assert lines[1].verdict == lines[2].verdict == lines[3].verdict == "skipped"
    assert lines[5].verdict in ("proved", "numeric")
    assert lines[6].verdict in ("proved", "numeric")


def test_a_step_over_budget_falls_back_to_numbers():
    notes = "$$L = (w x + b)^{40} (x - w)^{30}$$\n$$\\frac{dL}{dw} = \\frac{d}{dw} (x - w)^{30} (w x + b)^{40}$$\n"
    (step,) = [v for v in check_text(notes, seconds=0.001).verdicts if v.verdict != "definition"]
    assert step.verdict in ("numeric", "skipped", "proved")
    if step.verdict != "proved":
        assert "s" in step.reason


def test_the_worker_is_killed_on_overrun_and_restarted():
    with pytest.raises(Overrun):
        run_with_budget(time.sleep, (30,), 0.5)
    assert run_with_budget(operator.add, (2, 3), 60) == 5


def test_a_megabyte_of_notes_is_checked():
    lecture = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
    copy = lecture + "\n\nProse between copies, with inline $x$ and $w$.\n\n"
    text = copy * (1_000_000 // len(copy) + 1)
    result = check_text(text)
    copies = text.count("\\boxed")
    assert len(result.wrong) == copies
    assert {v.verdict for v in result.verdicts} == {"proved", "wrong", "definition", "skipped"}


def test_a_file_that_is_not_utf8_text_exits_2_and_says_so(tmp_path, capsys):
    from derive.cli import main

    notes = tmp_path / "notes.md"
    notes.write_bytes(b"$x = 1$ \xff\xfe")
    assert main(["check", str(notes)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_a_display_inside_a_blockquote_is_read_without_the_quote_marks():
    notes = ("Some prose.\n\n"
             "> $$\n"
             "> \\frac{d}{dt} (t^2 + 4t) =\n"
             "> 2t + 4\n"
             "> $$\n"
             ">\n"
             "> $$\n"
             "> \\begin{aligned}\n"
             "> q &= 3t^2 \\\\\n"
             "> \\frac{dq}{dt} &= 5t\n"
             "> \\end{aligned}\n"
             "> $$\n")
    result = check_text(notes)
    # the first claim is written from line 4 (its left side) to line 5
    assert [(v.line, str(v.verdict)) for v in result.verdicts] == [(4, "proved"), (10, "definition"), (11, "wrong")]
    assert result.verdicts[0].end_line == 5


def test_a_greater_than_sign_at_the_start_of_a_row_outside_a_blockquote_is_kept():
    notes = "$$\nt^2 + 1\n> 0\n$$\n"
    assert [str(v.verdict) for v in check_text(notes).verdicts] == ["skipped"]
