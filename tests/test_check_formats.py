"""derive check --format: json is the --json report, github prints workflow
commands that GitHub turns into annotations on a pull request's diff."""
import json
from importlib import resources

from derive.check import check_text
from derive.check.formats import github_output
from derive.check.sources import markdown_notes
from derive.cli import main

BUNDLED_TEXT = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
WRONG_LINE = 1 + BUNDLED_TEXT.splitlines().index(
    r"$$\rightarrow \boxed{\frac{dSE}{dw} = -(y - \hat{y})} \text{ (gradient)}$$")


def test_format_json_is_the_json_report(capsys):
    assert main(["check", "--format", "json"]) == 1
    formatted = capsys.readouterr().out
    assert main(["check", "--json"]) == 1
    assert formatted == capsys.readouterr().out
    assert set(json.loads(formatted)) == {"file", "summary", "assumptions", "steps"}


def test_github_format_puts_an_error_on_the_wrong_line(capsys):
    assert main(["check", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    (error,) = [l for l in lines if l.startswith("::error ")]
    props, message = error[len("::error "):].split("::", 1)
    assert props.split(",")[:2] == ["file=lecture.md", f"line={WRONG_LINE}"]
    assert message.startswith(r"\frac{dSE}{dw} = -(y - \hat{y}) — should read \frac{dSE}{dw} = -(y - \hat{y}) x")
    assert "at w=2, b=1, x=3, y=0: left 21, right 7" in message
    notices = [l for l in lines if l.startswith("::notice ")]
    assert len(notices) == 3  # the three rule statements, skipped with their reason
    assert lines[-1].startswith("lecture.md: 13 proved, 1 wrong")


def test_github_commands_escape_what_would_end_them():
    notes = markdown_notes("dir,with:odd%name.md", "$$a = 50\\% b$$\n\n$$a = 1$$\n")
    result = check_text(notes.text, notes.path)
    out = github_output(notes, result.verdicts, result.assumptions)
    assert "file=dir%2Cwith%3Aodd%25name.md" in out
    assert "::a = 50\\%25 b (could not parse" in out  # a % in the message is escaped too
    for line in out.splitlines()[:-1]:
        assert line.count("::") == 2 and "\n" not in line


def test_json_and_another_format_is_an_error(capsys):
    assert main(["check", "--json", "--format", "github"]) == 2
    assert "choose one" in capsys.readouterr().err
