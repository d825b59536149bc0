r"""TeX's own fraction, ``{a \over b}``: the braced group split at ``\over``.

Notes written in plain TeX style (common in Russian and other European
lecture notes, and in copies of older TeX sources) write a fraction as
``{e^x - e^{-x} \over 2}`` or ``{1 \over \sqrt{1 - x^2}}`` instead of
``\frac{…}{…}``. The reader did not know ``\over`` and stopped at it, so every
row with such a fraction was skipped. In TeX, ``\over`` divides everything
before it in its group by everything after it; here a group ``{ … \over … }``
reads the same way, as ``\frac`` would (so ``{dy \over dx}`` is a derivative).

Left unread as before: an ``\over`` outside braces (``a \over b`` at the top
of the formula: what it divides depends on the whole formula's layout), two
``\over`` in one group (TeX refuses it too), and ``\atop`` or ``\choose``,
which are not fractions. ``\overline`` and ``\overrightarrow`` are other commands.
"""
from __future__ import annotations

import sympy as sp

from .latex_operators import _fraction, _value

#: The grammar's OVER token: ``\over`` as a whole command (not ``\overline``).
OVER_PATTERN = r"/\\over(?![A-Za-z])/"


def over_fraction(items: list) -> sp.Expr:
    """The value of ``{num \\over den}`` from its parse items (num, the token, den)."""
    num, den = items[0], items[-1]
    return _fraction(_value(num), _value(den))
