r"""An upright word as a superscript is a label (notes written here):
``\hat\mu^{\mathrm{ML}}`` was read as μ̂ to the power of a name ML, and
``w^{\text{new}}`` could not be read at all."""
from derive.check import check_text
from derive.check.superscript_labels import word_superscripts_as_labels

NOTES = r"""Let $m = 4$ and $s = 2$.

The estimate is $\hat\mu^{\mathrm{ML}} = m + s$.

So $\hat\mu^{\mathrm{ML}} - s = m$.

And $\hat\mu^{\mathrm{ML}} = 6$.

Also $w^{\text{new}} = m - s$ and $w^{\text{new}} = 2$.

Hence $w^{\text{new}} + s = m$.
"""


def _verdicts(notes):
    return {(v.line, v.latex): str(v.verdict) for v in check_text(notes).verdicts}


def test_a_word_superscript_names_the_estimate():
    got = _verdicts(NOTES)
    assert got[(5, r"\hat\mu^{\mathrm{ML}} - s = m")] == "proved"
    assert got[(7, r"\hat\mu^{\mathrm{ML}} = 6")] == "proved"
    assert got[(9, r"w^{\text{new}} = 2")] == "proved"
    assert got[(11, r"w^{\text{new}} + s = m")] == "proved"


def test_slips_about_a_labelled_name_are_wrong():
    got = _verdicts(NOTES.replace(r"\hat\mu^{\mathrm{ML}} - s = m", r"\hat\mu^{\mathrm{ML}} - s = s"))
    assert got[(5, r"\hat\mu^{\mathrm{ML}} - s = s")] == "wrong"
    got = _verdicts(NOTES.replace(r"w^{\text{new}} + s = m", r"w^{\text{new}} + s = s"))
    assert got[(11, r"w^{\text{new}} + s = s")] == "wrong"


def test_the_rewrite_keeps_positions_and_leaves_letters_and_transposes_alone():
    for latex in (r"\hat p^{\mathrm{MLE}} = a", r"w^\text{new} = b", r"x^{ \textrm{ OLS } } + 1"):
        out = word_superscripts_as_labels(latex)
        assert len(out) == len(latex) and "^{(" in out and "\\" not in out.split("^{(")[1].split(")")[0]
    assert word_superscripts_as_labels(r"\hat p^{\mathrm{MLE}} = a").startswith(r"\hat p^{(MLE)")
    for latex in (r"X^{\mathrm{T}} y", r"A^{\text{c}}", r"x^{2}", r"e^{\mathrm{x}}"):
        assert word_superscripts_as_labels(latex) == latex
