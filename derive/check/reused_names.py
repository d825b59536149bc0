r"""Names that notes reuse with a new meaning, which a row must not be judged across.

* ``u(x) = 1 + e^{-x}`` after ``u = 3x + 1``: a name the notes define, written
  again as a function of one variable, is defined anew (u is 1 + e^{-x} from
  here on). Read as the product u·x with the old u, the row is "wrong", and so
  is every later row that uses u with its new meaning.
* ``f(x) = ((x+1)^3)^2 = f(g(h(x)))`` after ``f(v) = v^2``: the row defines f
  again and applies f on its right side to something else; that f may be the
  earlier one (the outer function of the composition) or the new one, so the
  links after the definition are not judged.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..symbols import symbol


def redefined_name(head_text: str, head: sp.Expr, body: sp.Expr, defined) -> sp.Symbol | None:
    """The name u of a row ``u(x) = body`` whose head was read as the product
    u·x, when u is a name the notes define, x a name the body uses and u not
    in the body (then it would be an update); None otherwise."""
    name, _, rest = head_text.partition("(")
    name, argument = name.strip(), rest.rstrip(" )").strip()
    if not (isinstance(head, sp.Mul) and len(head.args) == 2 and all(isinstance(a, sp.Symbol) for a in head.args)):
        return None
    names = {a.name: a for a in head.args}
    if name == argument or name not in names or argument not in names:
        return None
    u, x = names[name], names[argument]
    if symbol(name) not in defined or x not in body.free_symbols or u in body.free_symbols:
        return None
    return u


def reapplied_function(previous, function, rest: list[sp.Expr]) -> str:
    """Why the links after ``f(x) = body`` on one row are not judged, when f
    had another definition (``previous``) and the row applies f to anything but
    its own parameters; "" when neither holds."""
    if previous is None or previous.body == function.body:
        return ""
    for value in rest:
        for call in value.atoms(AppliedUndef):
            if call.func.__name__ == function.name and tuple(call.args) != function.params:
                params = ", ".join(str(p) for p in previous.params)
                return (f"{function.name} is defined again on this row (it was {function.name}({params}) = "
                        f"{previous.body}) and applied on it to {', '.join(str(a) for a in call.args)}: which "
                        f"{function.name} is meant there is not clear; not checked")
    return ""
