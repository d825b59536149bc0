"""The lecture's HTML report in a real browser (headless Chromium; skipped
when it is not installed — .ci/run installs Debian's ``chromium``).

The page is loaded as written (``--dump-dom``: the DOM Chromium built), and
once more with a probe script appended that measures the layout: a fraction
is stacked (MathML is typeset natively, not shown as text), the wrong step's
mark sits to the right of its formula, and selecting the page selects its text.
"""
import json
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from derive.check import check_text
from derive.check.html import render_page
from derive.check.sources import markdown_notes
from html_tree import parse, prose_text

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")

LECTURE = next((p / "shared" / "lecture" / "gradient-descent-lecture.md" for p in Path(__file__).resolve().parents
                if (p / "shared" / "lecture" / "gradient-descent-lecture.md").exists()), None)
BUNDLED = resources.files("derive").joinpath("data", "lecture.md").read_text(encoding="utf-8")
BOXED = r"$$\rightarrow \boxed{\frac{dSE}{dw} = -(y - \hat{y})} \text{ (gradient)}$$"
LATEX_LEFT = re.compile(r"\$|\\(frac|hat|cdot|boxed|begin|end|left|right|omega|text|rightarrow)\b")

PROBE = """<script>
const mark = document.getElementById(%s);
const formula = mark.closest(".eq").querySelector(".eq-math math");
const [upper, lower] = formula.querySelector("mfrac").children;
const selection = window.getSelection();
selection.selectAllChildren(document.body);
const out = {
  stacked: upper.getBoundingClientRect().bottom <= lower.getBoundingClientRect().top + 1,
  markBeside: mark.getBoundingClientRect().left >= formula.getBoundingClientRect().right,
  markShown: mark.getBoundingClientRect().width > 0 && getComputedStyle(mark).visibility === "visible",
  selected: selection.toString(),
  unselectable: [...document.querySelectorAll("*")].filter(e => getComputedStyle(e).userSelect === "none").length,
};
const pre = document.createElement("pre");
pre.id = "probe";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>"""


@pytest.fixture(scope="module")
def lecture(tmp_path_factory):
    """(report file, the wrong line) for the shared lecture, or the bundled copy."""
    text, name = (LECTURE.read_text(encoding="utf-8"), LECTURE.name) if LECTURE else (BUNDLED, "lecture.md")
    result = check_text(text, name)
    page = render_page([(markdown_notes(name, text), result.verdicts, result.assumptions)])
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path, 1 + text.splitlines().index(BOXED)


def chromium_dom(path: Path, profile: Path) -> str:
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
         "--window-size=1200,1600", "--virtual-time-budget=5000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_lecture_line_is_67_when_the_shared_lecture_is_here(lecture):
    if LECTURE is None:
        pytest.skip("the shared lecture is not in this checkout")
    assert lecture[1] == 67


def test_chromium_builds_mathml_and_leaves_no_latex_as_text(lecture, tmp_path):
    path, wrong_line = lecture
    dom = chromium_dom(path, tmp_path)
    root, _ = parse(dom)
    assert len(root.find_all("math")) >= 20 and root.find_all("mfrac")
    assert not LATEX_LEFT.search(prose_text(dom))
    mark = root.by_id(f"line-{wrong_line}")
    assert mark is not None and "wrong" in mark.classes
    assert mark.find_all("math")[0].text() == "dSEdw=−(y−y^)x"  # the expected expression, typeset
    assert not root.find_all("img") and not root.find_all("canvas") and not root.find_all("svg")


def test_chromium_lays_out_the_math_and_the_mark_and_the_text_is_selectable(lecture, tmp_path):
    path, wrong_line = lecture
    probed = tmp_path / "probed.html"
    probed.write_text(path.read_text(encoding="utf-8") + PROBE % json.dumps(f"line-{wrong_line}"), encoding="utf-8")
    (found,) = re.findall(r'<pre id="probe">(.*?)</pre>', chromium_dom(probed, tmp_path / "profile"), re.DOTALL)
    out = json.loads(found.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert out["stacked"], "the fraction dSE/dw is not stacked: MathML was not typeset"
    assert out["markBeside"] and out["markShown"]
    assert out["unselectable"] == 0
    assert "1 wrong" in out["selected"] and "should read" in out["selected"]
    if LECTURE is not None:
        assert "경사하강법" in out["selected"]
