"""derive check on the lecture: the shared notes (when present) and the copy
bundled with derive. The expected values are written here by hand."""
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import sympy as sp

from derive.check import check_text
from derive.check.latex import parse_statement
from derive.cli import main
from derive.symbols import symbol

LECTURE = Path(__file__).resolve().parents[2] / "shared" / "lecture" / "gradient-descent-lecture.md"
w, b, x, y, y_hat = (symbol(n) for n in ("w", "b", "x", "y", "y_hat"))


def latex_value(text: str) -> sp.Expr:
    (piece,) = parse_statement(text).pieces
    (expr,) = piece.exprs
    return expr.value


@pytest.fixture(scope="module")
def lecture():
    if not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    return check_text(LECTURE.read_text(encoding="utf-8"), str(LECTURE))


def test_exactly_one_wrong_claim_at_line_67(lecture):
    wrong = [v for v in lecture.verdicts if v.verdict == "wrong"]
    assert [v.line for v in wrong] == [67]


def test_the_expected_gradient_is_minus_error_times_x(lecture):
    (wrong,) = lecture.wrong
    expected = latex_value(wrong.expected).subs(y_hat, w * x + b)
    assert sp.expand(expected - (-(y - (w * x + b)) * x)) == 0


def test_the_counterexample_shows_both_sides_at_its_point(lecture):
    (wrong,) = lecture.wrong
    c = wrong.counterexample
    p = {k: sp.Integer(v) for k, v in c["point"].items()}
    prediction = p["w"] * p["x"] + p["b"]
    assert c["left"] == -(p["y"] - prediction) * p["x"]  # the true dSE/dw under SE = ½(y − ŷ)²
    assert c["right"] == -(p["y"] - prediction)  # what line 67 claims
    assert c["left"] != c["right"]


def test_every_other_derivation_step_is_proved(lecture):
    steps = {v.line for v in lecture.verdicts if v.verdict == "proved"}
    assert steps == {48, 57, 59, 61, 63, 73, 77, 83, 90, 92}
    assert not [v for v in lecture.verdicts if v.verdict == "numeric"]


def test_definitions_include_the_redefinition_of_se(lecture):
    lines = {v.line: v for v in lecture.verdicts if v.verdict == "definition"}
    assert set(lines) == {36, 46, 55, 65, 77, 89}
    assert "redefines" in lines[65].reason


def test_chain_rule_statements_are_skipped_with_a_reason(lecture):
    skipped = {v.line: v.reason for v in lecture.verdicts if v.verdict == "skipped"}
    assert set(skipped) == {50, 51, 53}
    assert all("rule statement" in reason for reason in skipped.values())


def test_omega_is_reported_as_w(lecture):
    assert any(a.startswith("ω ≡ w") for a in lecture.assumptions)


def test_text_report_names_file_line_and_counterexample(capsys):
    if not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    assert main(["check", str(LECTURE)]) == 1
    out = capsys.readouterr().out.splitlines()
    (line,) = [l for l in out if ": wrong: " in l]
    assert line.startswith(f"{LECTURE}:67: wrong: \\frac{{dSE}}{{dw}} = -(y - \\hat{{y}})")
    assert "expected" in line and "left" in line and "right" in line
    assert "1 wrong" in out[-1]


def test_json_report_has_the_issue_shape(capsys):
    if not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    assert main(["check", str(LECTURE), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"file", "summary", "assumptions", "steps"}
    assert report["summary"]["wrong"] == 1
    assert set(report["steps"][0]) == {"line", "latex", "verdict", "reason", "expected", "counterexample"}
    assert [s["line"] for s in report["steps"] if s["verdict"] == "wrong"] == [67]


def test_no_file_checks_the_bundled_lecture(capsys):
    bundled = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    (line,) = [l for l in out.splitlines() if ": wrong: " in l]
    number = int(line.split(":")[1])
    assert "\\boxed{\\frac{dSE}{dw} = -(y - \\hat{y})}" in bundled.splitlines()[number - 1]


def test_bundled_lecture_has_the_same_verdicts_as_the_shared_one(lecture):
    bundled = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
    mine = check_text(bundled)
    kinds = lambda r: [(v.verdict, v.latex, v.expected) for v in r.verdicts]  # noqa: E731
    assert kinds(mine) == kinds(lecture)


def test_fix_replaces_the_wrong_right_hand_side_only(capsys):
    if not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    main(["check", str(LECTURE), "--fix"])
    fixed = capsys.readouterr().out
    original = LECTURE.read_text(encoding="utf-8").splitlines()
    lines = fixed.splitlines()
    assert len(lines) == len(original)
    changed = [i + 1 for i, (a, c) in enumerate(zip(original, lines)) if a != c]
    assert changed == [67]
    assert check_text(fixed).wrong == []


def test_unreadable_file_exits_2_with_a_message(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing.md")]) == 2
    assert "derive: cannot read" in capsys.readouterr().err
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert main(["check", str(binary)]) == 2


def test_correct_notes_exit_0(tmp_path, capsys):
    notes = tmp_path / "ok.md"
    notes.write_text("$$\\hat{y} = w x + b$$\n$$\\frac{d\\hat{y}}{dw} = x$$\n", encoding="utf-8")
    assert main(["check", str(notes)]) == 0
    assert "1 proved" in capsys.readouterr().out


def test_installed_command_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "derive", "check", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["wrong"] == 1
