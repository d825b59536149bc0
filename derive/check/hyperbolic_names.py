r"""The hyperbolic functions in the spelling of Russian and other European notes:
``\operatorname{sh} x``, ``\mathrm{ch}^2 x``, ``\text{th}\, x``, ``\operatorname{cth}(x)``.

Such notes write sinh, cosh, tanh and coth as sh, ch, th and cth, in an upright
font. The reader did not know them: ``\operatorname{sh} x`` was refused, and
``\text{th}\, x`` was read as a name th times x, so that a true
``\frac{d}{dx} \text{th}\, x = \frac{1}{\text{ch}^2 x}`` was called wrong. Here
each upright spelling becomes ``\sinh``, ``\cosh``, ``\tanh`` or ``\coth`` (padded
with spaces after it, so every position stays right) and is read as that function.

Russian TeX styles also define them as commands, ``\sh x``, ``\ch^2 x``, ``\th x``, which
the reader stopped at ("unexpected '\\'"): such a command is the function too, through
the grammar's FUNC token (``COMMAND_PATTERN``, ``COMMANDS``), with the same refusals
as ``\sinh`` (``\sh x^2``, ``\ch 2x``: what the function takes is not bracketed).

Left as they were: the bare letters ``sh x``, ``ch(x)`` (a product of letters, or
c times a function h the notes define? see ``elementary_functions.py``), an
upright ``th`` or ``ch`` in a subscript or superscript (``w_{\text{th}}`` a
threshold, ``n^{\text{th}}`` an ordinal), a ``th`` glued to a letter or digit before it
(``k\text{th}``, an ordinal too), and one with no argument after it.
"""
from __future__ import annotations

import re

import sympy as sp

#: ``\sh``, ``\ch``, ``\th``, ``\cth`` as commands: an alternative of the grammar's FUNC token.
COMMAND_PATTERN = r"/\\(?:sh|ch|th|cth)(?![A-Za-z])/"
#: name of such a command → SymPy function (``latex_tree.py`` looks the name up here after its own table).
COMMANDS: dict[str, type[sp.Function]] = {"sh": sp.sinh, "ch": sp.cosh, "th": sp.tanh, "cth": sp.coth}
_FUNCTIONS = {"sh": r"\sinh", "ch": r"\cosh", "th": r"\tanh", "cth": r"\coth"}
#: ``\operatorname{sh}``, ``\mathrm{ ch }``, ``\text{th}``: an upright spelling of a hyperbolic function.
_UPRIGHT = re.compile(r"\\(?:operatorname|mathrm|text|textrm|textup|rm)\s*\{\s*(?P<name>sh|ch|th|cth)\s*\}")
#: What an applied function has after it: a bracket, a power, a name, a number, a command (``\,`` too).
_ARGUMENT_AFTER = re.compile(r"(?:\s|\\[,;:! ]|~)*(?:[(\[^A-Za-z0-9]|\\(?!text|mathrm|operatorname)[A-Za-z]+|\\left)")


def hyperbolic_read(latex: str) -> str:
    r"""``latex`` with ``\operatorname{sh}`` (and the others) as ``\sinh`` …, same length."""
    if "h" not in latex or not _UPRIGHT.search(latex):
        return latex
    return _UPRIGHT.sub(lambda m: _rewritten(latex, m), latex)


def _rewritten(latex: str, m: re.Match) -> str:
    command = _FUNCTIONS[m.group("name")]
    glued = m.group("name") == "th" and m.start() > 0 and latex[m.start() - 1].isalnum()  # k\text{th}: an ordinal
    if glued or _in_script(latex, m.start()) or not _ARGUMENT_AFTER.match(latex, m.end()):
        return m.group(0)
    return command + " " * (len(m.group(0)) - len(command))


def _in_script(latex: str, start: int) -> bool:
    """Whether ``start`` is in a subscript or superscript (``_{…}``, ``^{…}`` or right after ``_`` / ``^``)."""
    if latex[:start].rstrip().endswith(("_", "^")):
        return True
    depth = 0  # closing braces met walking back, not yet opened
    for i in range(start - 1, -1, -1):
        if latex[i] not in "{}" or _escaped(latex, i):
            continue
        if latex[i] == "}":
            depth += 1
        elif depth:
            depth -= 1
        elif latex[:i].rstrip().endswith(("_", "^")):
            return True  # an enclosing group that is a script
    return False


def _escaped(latex: str, i: int) -> bool:
    return i > 0 and latex[i - 1] == "\\"
