r"""``\hat{y} = a = wx + b``: a row that names one thing twice defines both names.

Notes introduce a quantity with its two names at once: ``\hat{y} = a =
\sigma(z)``, ``J = L = \frac{1}{2}(y - \hat{y})^2``. The reader took the
first name as defined by the second (ŷ = a) and the rest as a claim about
them, ``ŷ = wx + b``, in names the notes never tied together: the row was
skipped, and every derivative of ŷ or a after it too ("a derivative of
something the notes do not define"). Here such a row defines the second
name by what follows it and the first by the second; the rest of the chain,
if any, is checked against the second name's definition as usual.

Only when the second name is a plain new name: not defined before, not used
in an earlier row (a variable differentiated by, a given input), not in the
expression it is defined by, and both links are ``=``. Anything else is read
as before.
"""
from __future__ import annotations

import sympy as sp


def alias_name(exprs, relations, defined: set, used_before: set) -> sp.Symbol | None:
    """The second name of ``head = name = expression …`` when the row defines both, else None."""
    if len(exprs) < 3 or tuple(relations[:2]) != ("=", "="):
        return None
    head, name, value = exprs[0].value, exprs[1].value, exprs[2].value
    if not isinstance(name, sp.Symbol) or isinstance(name, sp.Dummy) or name == head:
        return None
    if name in defined or name in used_before or name in value.free_symbols or head in value.free_symbols:
        return None
    return name
