"""derive check on several files and folders: each file checked on its own
(no definition leaks from one to the next), in parallel or one by one with the
same results, a summary table per file, and the worst file's exit code."""
import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from derive.check.files import check_paths, collect
from derive.cli import main

BUNDLED_TEXT = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
COURSE = Path(__file__).parent / "notes" / "course"
DEFINES = "$$SE = (y - \\hat{y})^2$$\n\n$$\\hat{y} = w x + b$$\n"
USES = "$$\\frac{dSE}{dw} = -2(y - \\hat{y}) x$$\n"  # right only under the other file's definitions


@pytest.fixture
def course(tmp_path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(COURSE, root)
    (root / "week2").mkdir()
    (root / "week2" / "lecture.md").write_text(BUNDLED_TEXT, encoding="utf-8")
    (root / ".ipynb_checkpoints").mkdir()
    (root / ".ipynb_checkpoints" / "03-two-samples-checkpoint.ipynb").write_text("{}", encoding="utf-8")
    (root / "figure.png").write_bytes(b"\x89PNG")
    return root


def test_a_folder_means_every_note_file_under_it_in_order(course):
    found = [Path(p).relative_to(course).as_posix() for p in collect([str(course)])]
    assert found == ["01-absolute-error.md", "02-logistic.md", "03-two-samples.ipynb", "week2/lecture.md"]


def test_a_folder_without_notes_is_an_error(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "holds no notes" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_definitions_do_not_leak_from_one_file_to_the_next(tmp_path, jobs):
    (tmp_path / "a.md").write_text(DEFINES, encoding="utf-8")
    (tmp_path / "b.md").write_text(USES, encoding="utf-8")
    a, b = check_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")], jobs=jobs)
    (claim,) = b.result.verdicts
    # SE is undefined in b.md: an unknown function, so the step is skipped, never proved
    assert claim.verdict == "skipped" and "do not define" in claim.reason
    together = tmp_path / "ab.md"
    together.write_text(DEFINES + USES, encoding="utf-8")
    (_, _, joined), = [check_paths([str(together)], jobs=1)[0].result.verdicts]
    assert joined.verdict == "proved"  # the same claim with the definitions before it


def test_parallel_and_one_by_one_give_the_same_verdicts(course):
    paths = collect([str(course)])
    verdicts = lambda results: [(r.path, r.result.verdicts) for r in results]  # noqa: E731
    assert verdicts(check_paths(paths, jobs=2)) == verdicts(check_paths(paths, jobs=1))


def test_the_summary_table_has_a_row_per_file_and_the_exit_code_is_the_worst(course, capsys):
    (course / "notes.md").write_bytes(b"\xff\xfe bad")
    assert main(["check", str(course)]) == 2
    out = capsys.readouterr().out.splitlines()
    table = out[out.index("") + 1:]
    assert table[0].split() == ["file", "wrong", "numeric", "skipped", "proved", "definition", "status"]
    rows = {line.split()[0]: line.split()[1:] for line in table[1:-1]}
    assert rows[str(course / "03-two-samples.ipynb")][0] == "1" and rows[str(course / "03-two-samples.ipynb")][-1] == "wrong"
    assert rows[str(course / "02-logistic.md")][-1] == "ok"
    assert rows[str(course / "week2" / "lecture.md")][:5] == ["1", "0", "3", "13", "6"]
    assert "unreadable: it is not UTF-8 text (byte 0)" in " ".join(rows[str(course / "notes.md")])
    assert table[-1] == "5 files: 2 with wrong steps, 1 unreadable"


def test_exit_code_is_1_with_a_wrong_file_and_0_when_all_are_right(course, capsys):
    assert main(["check", str(course)]) == 1
    assert main(["check", str(course / "01-absolute-error.md"), str(course / "02-logistic.md")]) == 0


def test_json_for_several_files_lists_each_report(course, capsys):
    assert main(["check", str(course), "--json", "--jobs", "2"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [Path(f["file"]).name for f in out["files"]] == [
        "01-absolute-error.md", "02-logistic.md", "03-two-samples.ipynb", "lecture.md"]
    assert out["summary"]["wrong"] == 2 and out["exit_code"] == 1


def test_html_for_several_files_links_each_from_a_table(course, tmp_path, capsys):
    target = tmp_path / "course.html"
    assert main(["check", str(course), "--html", str(target)]) == 1
    page = target.read_text(encoding="utf-8")
    assert page.count('<a href="#f') == 4 + 2  # a row per file, a link per wrong step
    assert 'id="f3-cell-6-line-3"' in page and 'id="f4-report"' in page


def test_fix_takes_one_file(course, capsys):
    assert main(["check", str(course), "--fix"]) == 2
    assert "--fix takes one file" in capsys.readouterr().err


def test_jobs_must_be_positive(capsys):
    assert main(["check", "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


SUM_NOTES = ("$$L = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - w x_i)^2$$\n\n"
             "$$\\frac{\\partial L}{\\partial w} = -\\frac{2}{n} \\sum_{i=1}^{n} (y_i - w x_i) x_i$$\n")


def test_files_check_in_parallel_after_this_process_used_its_budget_worker(tmp_path):
    from derive.check import check_text

    # a sum goes to the budget's worker process; a long budget keeps a busy machine from making it "numeric"
    assert [v.verdict for v in check_text(SUM_NOTES, seconds=60).verdicts] == ["definition", "proved"]
    (tmp_path / "a.md").write_text(SUM_NOTES, encoding="utf-8")
    (tmp_path / "b.md").write_text(SUM_NOTES.replace("w", "v"), encoding="utf-8")
    results = check_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")], seconds=60, jobs=2)
    assert [[v.verdict for v in r.result.verdicts] for r in results] == [["definition", "proved"]] * 2


def test_html_of_a_folder_whose_notes_are_all_unreadable_is_still_written(tmp_path, capsys):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe")
    target = tmp_path / "report.html"
    assert main(["check", str(tmp_path), "--html", str(target)]) == 2
    page = target.read_text(encoding="utf-8")
    assert "derive check: 1 file<" in page and "unreadable: it is not UTF-8 text (byte 0)" in page
