"""derive check --html: the notes rendered with every formula typeset as
MathML and every verdict marked beside its formula. Expected values are
written by hand from the lecture (the boxed step is wrong; it should read
dSE/dw = −(y − ŷ)x)."""
import re
from importlib import resources
from pathlib import Path

import pytest

from derive.check import check_text
from derive.check.cli import BUNDLED
from derive.check.html import render_page
from derive.check.mathml import to_mathml
from derive.check.sources import markdown_notes
from derive.cli import main
from html_tree import parse, prose_text

LECTURE = next((p / "shared" / "lecture" / "gradient-descent-lecture.md" for p in Path(__file__).resolve().parents
                if (p / "shared" / "lecture" / "gradient-descent-lecture.md").exists()), Path("missing"))
BUNDLED_TEXT = resources.files("derive").joinpath("data", BUNDLED).read_text(encoding="utf-8")
BUNDLED_WRONG_LINE = 1 + BUNDLED_TEXT.splitlines().index(
    r"$$\rightarrow \boxed{\frac{dSE}{dw} = -(y - \hat{y})} \text{ (gradient)}$$")
LATEX_LEFT = re.compile(r"\$|\\(frac|hat|cdot|boxed|begin|end|left|right|omega|text|rightarrow)\b")


def report(text: str, name: str = "notes.md") -> str:
    result = check_text(text, name)
    return render_page([(markdown_notes(name, text), result.verdicts, result.assumptions)])


@pytest.fixture(scope="module")
def bundled_page() -> str:
    return report(BUNDLED_TEXT, BUNDLED)


def test_every_formula_is_typeset_and_no_latex_is_left_as_text(bundled_page):
    root, _ = parse(bundled_page)
    math_in_notes = len(re.findall(r"\$\$.*?\$\$|\$[^$\n]+\$", BUNDLED_TEXT, re.DOTALL))
    notes = root.find_all("article")[0]
    formulas = [m for m in notes.find_all("math") if not any("mark" in a.classes for a in m.ancestors())]
    assert len(formulas) == math_in_notes
    assert not LATEX_LEFT.search(prose_text(bundled_page)), LATEX_LEFT.search(prose_text(bundled_page))


def test_the_boxed_step_is_marked_wrong_beside_its_formula(bundled_page):
    root, _ = parse(bundled_page)
    mark = root.by_id(f"line-{BUNDLED_WRONG_LINE}")
    assert mark is not None and mark.classes == {"mark", "wrong"}
    row = next(a for a in mark.ancestors() if "eq" in a.classes)
    assert "has-wrong" in row.classes
    (boxed,) = row.find_all(cls="boxed")  # the formula itself, box drawn
    assert boxed.text() == "dSEdw=−(y−y^)"


def test_the_wrong_mark_typesets_the_expected_expression_and_the_counterexample(bundled_page):
    root, _ = parse(bundled_page)
    mark = root.by_id(f"line-{BUNDLED_WRONG_LINE}")
    (expected,) = mark.find_all("math")
    assert expected.text() == "dSEdw=−(y−y^)x"
    text = mark.text()
    assert "wrong" in text and "at w = 2, b = 1, x = 3, y = 0" in text
    assert "left side 21, right side 7" in text  # −(0 − 7)·3 and −(0 − 7)


def test_the_summary_links_to_each_wrong_step(bundled_page):
    root, _ = parse(bundled_page)
    (summary,) = root.find_all("header", "summary")
    links = [a.attrs["href"] for a in summary.find_all("a")]
    assert links == [f"#line-{BUNDLED_WRONG_LINE}"]
    assert "1 wrong" in summary.text() and "13 proved" in summary.text()


def test_every_verdict_has_one_mark_with_its_kind(bundled_page):
    root, _ = parse(bundled_page)
    marks = root.find_all(cls="mark")
    kinds = [next(iter(m.classes - {"mark"})) for m in marks]
    assert sorted(kinds) == sorted(["proved"] * 13 + ["wrong"] + ["definition"] * 6 + ["skipped"] * 3)
    skipped = [m for m in marks if "skipped" in m.classes]
    assert all("rule statement" in m.text() for m in skipped)
    assert not root.find_all(cls="unplaced")


def test_the_page_is_self_contained(bundled_page):
    assert not re.search(r"<script|<link|<img|<iframe|src=|url\(|https?://", bundled_page)
    assert '<meta charset="utf-8">' in bundled_page


def test_the_shared_lectures_boxed_step_is_marked_at_line_67():
    if not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    page = report(LECTURE.read_text(encoding="utf-8"), "gradient-descent-lecture.md")
    root, _ = parse(page)
    mark = root.by_id("line-67")
    assert "wrong" in mark.classes
    assert mark.find_all("math")[0].text() == "dSEdw=−(y−y^)x"
    assert "딥러닝 경사하강법 유도" in prose_text(page)  # prose in any language


def test_aligned_rows_become_a_table_not_ampersands():
    math = to_mathml(r"\begin{aligned} a &= b \\ &= c \end{aligned}", display=True)
    root, _ = parse(math)
    assert len(root.find_all("mtr")) == 2 and "&" not in root.text()


def test_a_formula_latex2mathml_cannot_read_is_shown_as_source_not_dropped():
    assert '<code class="tex-error"' in to_mathml("a^")


def test_raw_html_in_the_notes_is_shown_as_text_never_run():
    page = report("# Notes\n\n<script>alert(1)</script>\n\n$$a = 1$$\n")
    root, _ = parse(page)
    assert not root.find_all("script")
    assert "<script>alert(1)</script>" in prose_text(page)


def test_a_step_inside_a_code_span_is_marked_at_the_end_of_its_paragraph():
    page = report("Code: `$a = b + 1$` here.\n\n$$c = 2$$\n")  # the checker reads it; Markdown shows code
    root, _ = parse(page)
    mark = root.by_id("line-1")
    assert mark is not None and next(a for a in mark.ancestors() if a.tag == "p")


def test_several_formulas_on_one_line_each_get_their_own_mark():
    page = report("Let $u = 2 x$ and $v = 3 u$, so $\\frac{dv}{dx} = 7$.\n")
    root, _ = parse(page)
    (wrong,) = [m for m in root.find_all(cls="mark") if "wrong" in m.classes]
    math_before = wrong.parent.parent  # marks follow their formula
    previous = math_before.children[math_before.children.index(wrong.parent) - 1]
    assert previous.find_all("math")[0].text() == "dvdx=7"


def test_cli_writes_the_report_and_keeps_the_exit_code(tmp_path, capsys):
    target = tmp_path / "report.html"
    assert main(["check", "--html", str(target)]) == 1
    assert "wrong:" in capsys.readouterr().out
    root, _ = parse(target.read_text(encoding="utf-8"))
    assert root.by_id(f"line-{BUNDLED_WRONG_LINE}") is not None


def test_cli_says_when_the_report_cannot_be_written(tmp_path, capsys):
    assert main(["check", "--html", str(tmp_path / "no" / "such" / "report.html")]) == 2
    assert "derive: cannot write" in capsys.readouterr().err


def test_the_result_displays_as_html_in_a_notebook():
    result = check_text(BUNDLED_TEXT, BUNDLED)
    fragment = result._repr_html_()
    root, _ = parse(fragment)
    (mark,) = [m for m in root.find_all(cls="mark") if "wrong" in m.classes]
    assert mark.attrs["id"].endswith(f"line-{BUNDLED_WRONG_LINE}")
    assert [a.attrs["href"] for a in root.find_all("a")] == ["#" + mark.attrs["id"]]
    assert root.find_all("style") and "<html" not in fragment
    again, _ = parse(result._repr_html_())  # a second output in the same notebook: its own anchors
    assert not {e.attrs["id"] for e in again.iter() if "id" in e.attrs} & {e.attrs["id"] for e in root.iter() if "id" in e.attrs}
    assert result.summary == {"proved": 13, "numeric": 0, "wrong": 1, "definition": 6, "skipped": 3}


def test_bracket_delimiters_are_typeset_and_marked_at_their_lines():
    page = report("Inline \\(a = 2 b\\) here.\n\n\\[\n\\frac{da}{db} = 5\n\\]\n")
    root, _ = parse(page)
    assert not LATEX_LEFT.search(prose_text(page)) and "\\(" not in prose_text(page)
    mark = root.by_id("line-4")
    assert "wrong" in mark.classes
    row = next(a for a in mark.ancestors() if "eq" in a.classes)
    assert row.find_all("math")[0].text() == "dadb=5"
    assert "right side 5" in mark.text() and "at :" not in mark.text()
