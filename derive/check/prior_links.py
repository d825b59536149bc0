r"""A wrong link between two rows of a chain whose first expression is unknown.

``∂L/∂z = (−y/a + (1−y)/(1−a))·a(1−a) = −y(1−a) + a(1−y) = a + y``: the
chain's first expression (∂L/∂z, with a defined only in prose) cannot be
read, so each row is compared with the row before it. Until now only a
proof of that link was kept, never a "wrong", because the next row may
substitute something the notes define in prose (``a − y`` then
``σ(z) − y``, or a value ``0.3 − y``) and differ from the row before it
only through that unread definition.

A link is called wrong here only when such a substitution cannot be
what happened: both rows are written in exactly the same names, with no
derivative or function the notes do not define, and the comparison found
a counterexample. ``a(1−a)·(…) = −y(1−a) − a(1−y)`` in ``a`` and ``y``
on both sides is then a slip, whatever ``a`` stands for (the identity
fails for a value of ``a``, and a definition of ``a`` in other names
would have changed the names of the row).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from .outcome import Outcome


def plain(expr: sp.Expr) -> bool:
    r"""No derivative, integral, limit or undefined function (nothing a prose definition could hide in),
    and, when it has names, no root (or |…|), logarithm or power by a name: ``\sqrt{x}\sqrt{x + h} = \sqrt{x^2 + xh}``
    holds where the notes mean it (x > 0) and fails only off that domain, which they do not say."""
    if expr.has(sp.Derivative) or expr.has(sp.Integral) or expr.has(sp.Limit) or expr.atoms(AppliedUndef):
        return False
    return not expr.free_symbols or not (expr.has(sp.log) or expr.has(sp.Abs)
                                         or any(not p.exp.is_integer for p in expr.atoms(sp.Pow)))


def wrong_link(previous: sp.Expr, claim: sp.Expr, link: Outcome, head_reason: str) -> Outcome | None:
    """``link`` (previous vs claim) as a wrong verdict when it can be trusted, else None."""
    if link.verdict != "wrong" or not head_reason.startswith("depends on "):
        return None
    names = previous.free_symbols
    if not names or names != claim.free_symbols or not (plain(previous) and plain(claim)):
        return None
    return Outcome("wrong", f"not equal to the row before it, which is written in the same names "
                            f"({link.reason}); the chain's first expression is not checked: {head_reason}",
                   link.expected, link.counterexample)


#: How the reasons of these links begin (here and in ``solving_links.py``).
LINK_REASONS = ("not equal to the row before it, which is written in the same names",
                "not equal to the expression before it (")


def unconfirmed(claim, verdict, results: list) -> str:
    """Why a wrong link of this module (or ``solving_links.py``) is not kept, or "".

    ``∂E/∂y = (t − y) \\ = −(t − y)``: when the row before is on another line and was not
    itself seen to agree with the row before it, either row may hold the slip (here the
    first does, and the second is right), so the line of the claim is not blamed. When the
    row before is on the same line, or agreed with its own row before, the claim is the odd
    one out."""
    if str(verdict.verdict) != "wrong" or not verdict.reason.startswith(LINK_REASONS) or not results:
        return ""
    before_claim, before = results[-1]
    if before_claim.line == claim.line or str(before.verdict) in ("proved", "numeric"):
        return ""
    return ("differs from the row before it, on another line that was not itself checked: which of the two "
            "rows holds the slip is not known; not judged")
