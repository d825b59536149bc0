r"""The links of a row that do not touch a function the notes leave undefined.

``y_3 = F(0.21) = \frac{1}{1 + e^{-0.21}} = 0.56`` with F never defined says
nothing checkable about F, but ``\frac{1}{1 + e^{-0.21}} = 0.56`` is a claim
of its own. Such a row used to be skipped whole as a rule statement about F;
here the links between expressions that hold no unknown function (and no
primed name) are read as a chain of their own and checked, and only the
links that touch F are skipped, with the reason.

A bare name at the head of the row (``y_3 = …``) is not part of any such
chain: it is neither a claim nor defined by a row that goes through F.
"""
from __future__ import annotations

import sympy as sp

from .chain_links import _applications, _Chain, _rule_functions
from .derivation import Skip
from .primes import Function


def _touches(value: sp.Expr) -> bool:
    return bool(_rule_functions([value]) or _applications([value]))


def _runs(exprs, first: int) -> list[tuple[int, int]]:
    """(start, end) of each stretch of two expressions or more, from
    ``first`` on, none of which touches an unknown function."""
    runs, start = [], None
    for k in range(first, len(exprs) + 1):
        clean = k < len(exprs) and not _touches(exprs[k].value)
        if clean and start is None:
            start = k
        elif not clean and start is not None:
            if k - start >= 2:
                runs.append((start, k))
            start = None
    return runs


def why_not_defined(names: list[str], calls: list, functions: dict[str, Function], defined: set[str]) -> str:
    """Why the calls (``calls``, AppliedUndef) of ``names`` are not read: no
    definition as a function (or none yet), or one the call does not fit."""
    said = []
    for name in names:
        function = functions.get(name)
        counts = sorted({len(c.args) for c in calls if c.func.__name__.rstrip("'") == name})
        if function is not None and counts and counts != [len(function.params)]:
            said.append(f"{name} is defined with {len(function.params)} argument"
                        f"{'s' if len(function.params) != 1 else ''}, and applied here to "
                        f"{' or '.join(map(str, counts))}")
        elif function is not None:
            said.append(f"{name} is defined, but not as a function whose derivative this call asks for")
        elif name in defined:
            said.append(f"{name} is defined as a name, not as a function of its arguments")
        else:
            said.append(f"{name} is a function the notes do not define (before this row)")
    return "; ".join(said)


def read_clean_links(reader, piece, exprs, seg, line: int, undefined: list[str]) -> bool:
    """Check the links of the row ``exprs`` that touch no unknown function and
    skip the others with the reason; False (nothing done) when no two
    neighbouring expressions are free of them, so the row is skipped whole."""
    head_is_name = not piece.continues and isinstance(exprs[0].value, sp.Symbol)
    runs = _runs(exprs, 1 if head_is_name else 0)
    if not runs:
        return False
    checked = {i for a, b in runs for i in range(a, b - 1)}  # link i: exprs[i] to exprs[i + 1]
    skipped = [f"{exprs[i].text} {'≈' if piece.relations[i] == '≈' else '='} {exprs[i + 1].text}"
               for i in range(len(exprs) - 1) if i not in checked]
    if piece.continues:
        skipped.insert(0, f"= {exprs[0].text}")
    defined = {s.name for s in reader.names.defined} | {s.name for s in reader.derivation._definitions}
    why = why_not_defined(undefined, _applications([e.value for e in exprs]), reader.functions, defined)
    reason = f"the links with {', '.join(undefined)}(…) are not checked: {why}; the links between the other " \
             "expressions are checked"
    reader.claims.append(Skip(len(reader.claims), line, "; ".join(skipped), reason))
    add_runs(reader, piece, exprs, seg, runs, f"the row at line {line} ends in a function the notes do not define")
    return True


def add_runs(reader, piece, exprs, seg, runs: list[tuple[int, int]], unread_end: str) -> None:
    """Check the links within each run of readable expressions as a chain of its own; a row
    ``= C`` after the row continues the last run, or, when the row ends unread, is not checked
    (``unread_end`` says why)."""
    for k, (start, end) in enumerate(runs):
        chain = _Chain(exprs[start], None, last=exprs[start])
        if k == len(runs) - 1 and end == len(exprs):
            reader.chains.append(chain)  # a row "= C" after it continues this chain
        reader.add_steps(chain, exprs[start + 1:end], piece.relations[start:end - 1], seg)
    if runs[-1][1] < len(exprs):
        reader.chains.append(_Chain(None, None, unread_end))
