"""derive check on Jupyter notebooks: the Markdown cells are the notes, code
cells and outputs are ignored, positions are cell N:line L, and --fix writes a
notebook nbformat accepts. The notebooks here are built from the lecture by
splitting it at its headings, so each line's cell and line are known."""
import json
from importlib import resources
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from derive.check import check_file, check_text
from derive.cli import main

BUNDLED_TEXT = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
LECTURE = next((p / "shared" / "lecture" / "gradient-descent-lecture.md" for p in Path(__file__).resolve().parents
                if (p / "shared" / "lecture" / "gradient-descent-lecture.md").exists()), Path("missing"))
COURSE = Path(__file__).parent / "notes" / "course"


def notebook_of(text: str) -> tuple[nbformat.NotebookNode, dict[int, tuple[int, int]]]:
    """``text`` as a notebook, a Markdown cell per heading with a code cell
    (whose source and output hold math) after each; and where each line went."""
    lines = text.split("\n")
    starts = [0] + [i for i, l in enumerate(lines) if l.startswith("#") and i > 0]
    cells, where = [], {}
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        cells.append(new_markdown_cell("\n".join(lines[start:end])))
        for i in range(start, end):
            where[i + 1] = (len(cells), i - start + 1)
        cells.append(new_code_cell(
            "# $$SE = 0$$ is a comment of code, not notes\nprint('$$x = 1$$')", execution_count=k + 1,
            outputs=[new_output("stream", name="stdout", text="$$x = 1$$\n"),
                     new_output("execute_result", data={"text/latex": "$$SE = 1$$"}, execution_count=k + 1)]))
    notebook = new_notebook(cells=cells)
    nbformat.validate(notebook)
    return notebook, where


def write(notebook, path: Path) -> Path:
    nbformat.write(notebook, str(path))
    return path


@pytest.mark.parametrize("source", ["bundled", "shared"])
def test_a_notebook_of_the_lecture_gives_the_markdowns_verdicts_at_the_same_places(source, tmp_path):
    if source == "shared" and not LECTURE.exists():
        pytest.skip("the shared lecture is not in this checkout")
    text = BUNDLED_TEXT if source == "bundled" else LECTURE.read_text(encoding="utf-8")
    notebook, where = notebook_of(text)
    markdown = check_text(text)
    result = check_file(str(write(notebook, tmp_path / "lecture.ipynb")))
    same = lambda v: (v.verdict, v.latex, v.expected, v.counterexample)  # noqa: E731
    assert [same(v) for v in result.verdicts] == [same(v) for v in markdown.verdicts]
    assert [result.notes.locate(v.line) for v in result.verdicts] == [where[v.line] for v in markdown.verdicts]
    assert len(result.wrong) == 1


def test_text_and_json_say_cell_and_line(tmp_path, capsys):
    notebook, where = notebook_of(BUNDLED_TEXT)
    path = write(notebook, tmp_path / "lecture.ipynb")
    wrong_line = 1 + BUNDLED_TEXT.splitlines().index(
        r"$$\rightarrow \boxed{\frac{dSE}{dw} = -(y - \hat{y})} \text{ (gradient)}$$")
    cell, line = where[wrong_line]
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:cell {cell}:line {line}: wrong: " in out
    assert main(["check", str(path), "--json"]) == 1
    (step,) = [s for s in json.loads(capsys.readouterr().out)["steps"] if s["verdict"] == "wrong"]
    assert (step["cell"], step["line"]) == (cell, line)
    assert list(step)[:2] == ["cell", "line"]


def test_a_reason_naming_a_line_names_the_cell(tmp_path):
    notebook, where = notebook_of(BUNDLED_TEXT)
    result = check_file(str(write(notebook, tmp_path / "lecture.ipynb")))
    first_se = 1 + BUNDLED_TEXT.splitlines().index("$$SE = (y - \\hat{y})^2$$")
    cell, line = where[first_se]
    redefinitions = [v.reason for v in result.verdicts if v.reason.startswith("redefines SE")]
    assert f"redefines SE (defined at cell {cell}, line {line}) from here on" in redefinitions


def test_fix_writes_a_valid_notebook_with_only_the_wrong_cell_changed(tmp_path, capsys):
    notebook, _ = notebook_of(BUNDLED_TEXT)
    path = write(notebook, tmp_path / "lecture.ipynb")
    assert main(["check", str(path), "--fix"]) == 1
    fixed = nbformat.reads(capsys.readouterr().out, as_version=4)
    nbformat.validate(fixed)
    changed = [i for i, (a, b) in enumerate(zip(notebook.cells, fixed.cells)) if a != b]
    assert len(changed) == 1 and fixed.cells[changed[0]].cell_type == "markdown"
    assert r"\boxed{\frac{dSE}{dw} = -(y - \hat{y}) x}" in fixed.cells[changed[0]].source
    fixed_path = write(fixed, tmp_path / "fixed.ipynb")
    assert check_file(str(fixed_path)).wrong == []


def test_code_cells_and_outputs_are_not_read(tmp_path):
    notebook = new_notebook(cells=[
        new_markdown_cell("$$a = 2 b$$"),
        new_code_cell("# $$\\frac{da}{db} = 5$$", outputs=[new_output("stream", name="stdout", text="$$a = 7$$")]),
        new_markdown_cell("$$\\frac{da}{db} = 2$$"),
    ])
    result = check_file(str(write(notebook, tmp_path / "n.ipynb")))
    assert [(v.verdict, result.notes.where(v.line)) for v in result.verdicts] == [
        ("definition", "cell 1:line 1"), ("proved", "cell 3:line 1")]


def test_github_annotations_point_at_the_line_of_the_notebooks_json():
    path = COURSE / "03-two-samples.ipynb"
    result = check_file(str(path))
    from derive.check.formats import github_output

    out = github_output(result.notes, result.verdicts, result.assumptions)
    (error,) = [l for l in out.splitlines() if l.startswith("::error ")]
    line = int(error.split("line=")[1].split(",")[0])
    raw = path.read_text(encoding="utf-8").split("\n")[line - 1]
    assert r"\\frac{dL}{dw} = w (x_1^2 + x_2^2) + (x_1 y_1 + x_2 y_2)" in raw
    assert "cell 6%2C line 3" in error


@pytest.mark.parametrize("content, says", [
    ("{not json", "invalid JSON at line 1"),
    ('{"nbformat": 3, "worksheets": []}', "no list of cells"),
    ('{"cells": [{"cell_type": "markdown", "source": 5}]}', "cell 1's source"),
])
def test_a_broken_notebook_exits_2_and_says_why(content, says, tmp_path, capsys):
    path = tmp_path / "broken.ipynb"
    path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"derive: cannot read {path}: ") and says in err


def test_github_annotation_of_a_notebook_storing_sources_as_strings_names_the_file_only(tmp_path):
    from derive.check.formats import github_output

    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "$$a = 2 b$$\n\n$$\\frac{da}{db} = 3$$"}]}),
        encoding="utf-8")
    result = check_file(str(path))
    (error,) = [l for l in github_output(result.notes, result.verdicts, []).splitlines() if l.startswith("::error")]
    assert error.startswith(f"::error file={path},title=derive check%3A wrong step at cell 1%2C line 3::")
