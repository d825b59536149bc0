"""What the checker's report promises a reader: verdicts are an Enum that
still compares with its string, each step carries its span in the file, a
file where everything was skipped says so, and --strict fails on skips."""
import json
import subprocess
import sys

from derive.check import Verdict, check_text


def run_check(tmp_path, notes: str, *options: str) -> subprocess.CompletedProcess:
    path = tmp_path / "notes.md"
    path.write_text(notes, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "derive", "check", str(path), *options],
                          capture_output=True, text=True, timeout=120)


def test_verdicts_are_an_enum_that_compares_with_its_string():
    result = check_text("$$\\frac{d}{dw} w^2 = 3w$$\n")
    (step,) = result.verdicts
    assert step.verdict is Verdict.WRONG and step.verdict == "wrong"
    assert f"{step.verdict}" == "wrong" and json.dumps(step.verdict) == '"wrong"'


def test_a_step_carries_the_span_of_its_claim_in_the_file():
    notes = "intro\n$$\\frac{d}{dw} w^2 = 3w$$\n"
    (step,) = check_text(notes).verdicts
    start, end = step.span
    assert notes[start:end] == "3w"


ALL_SKIPPED = "$$y = f(g(x))$$\n$$= \\unknowncommand{x}$$\n"


def test_a_file_where_everything_was_skipped_says_nothing_was_checked(tmp_path):
    done = run_check(tmp_path, ALL_SKIPPED)
    assert done.returncode == 0
    assert "nothing was checked" in done.stdout.splitlines()[-1]


def test_strict_exits_1_when_anything_was_skipped(tmp_path):
    assert run_check(tmp_path, ALL_SKIPPED, "--strict").returncode == 1
    proved_only = "$$\\frac{d}{dw} w^2 = 2w$$\n"
    assert run_check(tmp_path, proved_only, "--strict").returncode == 0


def test_a_wrong_component_says_which_one_in_the_text_and_in_json(tmp_path):
    """A row of several claims (a list, a matrix) has each part judged; a wrong
    line must say which part it is, or the reader cannot find the number."""
    notes = tmp_path / "row.md"
    notes.write_text("$[1 + 2, 2 \\cdot 3, 4 - 1] = [3, 5, 3]$\n")
    run = subprocess.run([sys.executable, "-m", "derive", "check", str(notes)], capture_output=True, text=True)
    (wrong,) = [line for line in run.stdout.splitlines() if ": wrong: " in line]
    assert wrong.startswith(f"{notes}:1: wrong: 2 \\cdot 3 = 5") and wrong.endswith("(component 2 of 3)")
    run = subprocess.run([sys.executable, "-m", "derive", "check", str(notes), "--json"],
                         capture_output=True, text=True)
    steps = json.loads(run.stdout)["steps"]
    assert [s["where"] for s in steps if s["verdict"] == "wrong"] == ["component 2 of 3"]
    assert "where" not in [s for s in steps if s["verdict"] == "skipped"][0]
