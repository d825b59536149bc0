r"""An entry written with round brackets inside a sum: ``\sum_i e^{h_m(i)}``.

The reader takes a named function's arguments as notation (``J(w, b)`` is
J), so ``h_m(i)`` became the one name h_m and a sum over i added the same
e^{h_m} every time: the softmax ``e^{h_m(α)} / \sum_i e^{h_m(i)}`` read as a
constant and its true derivatives were called wrong. When a name applied to
arguments has the index of a sum in the same row among them, the row is not
read, with that reason: the brackets pick an entry, which the reader does
not keep.
"""
from __future__ import annotations

import sympy as sp

from .latex_errors import LatexError


def refuse_summed_arguments(values: list[sp.Expr], applied: list[tuple[str, tuple]]) -> None:
    """Raise LatexError when a name in ``applied`` ((name, arguments) as read)
    was applied to the index of a sum among ``values``."""
    indices = {limit[0].name for value in values if isinstance(value, sp.Basic)
               for total in value.atoms(sp.Sum) for limit in total.limits}
    for name, args in applied:
        for arg in args:
            if isinstance(arg, sp.Symbol) and arg.name in indices:
                raise LatexError(f"{name}({arg.name}) inside a sum over {arg.name}: an entry picked with round "
                                 "brackets is not read (the reader keeps only the name)", 0)
