"""The .pre-commit-hooks.yaml at the repository root: pre-commit runs its
``entry`` with the changed notes as arguments."""
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")
ROOT = Path(__file__).resolve().parents[1]
COURSE = Path(__file__).parent / "notes" / "course"


@pytest.fixture(scope="module")
def hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def test_the_hook_runs_derive_check_on_markdown_and_notebooks(hook):
    assert hook["id"] == "derive-check" and hook["language"] == "python"
    assert hook["entry"] == "derive check"
    assert set(hook["types_or"]) == {"markdown", "jupyter"}
    assert "derive = \"derive.cli:main\"" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_hooks_command_fails_a_commit_with_a_wrong_step_and_passes_one_without(hook):
    command = [sys.executable, "-m", "derive", *hook["entry"].split()[1:]]
    wrong = subprocess.run(command + [str(COURSE / "02-logistic.md"), str(COURSE / "03-two-samples.ipynb")],
                           capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert wrong.returncode == 1, wrong.stderr
    assert "03-two-samples.ipynb:cell 6:line 3: wrong" in wrong.stdout
    right = subprocess.run(command + [str(COURSE / "01-absolute-error.md"), str(COURSE / "02-logistic.md")],
                           capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert right.returncode == 0, right.stdout + right.stderr
