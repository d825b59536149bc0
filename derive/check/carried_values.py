r"""A number printed rounded as a link's result, then computed on as printed:
``u = \frac{0.7}{0.3} = 2.33``, ``v = \frac{0.3}{0.7} = 0.42``, then
``r = \frac{2.33}{0.42} = 5.44``. The notes wrote 2.33 and 0.42 for the exact
results 7/3 and 3/7 of the links that printed them, and 49/9 = 5.444 is the
figure they give; at the printed operands 2.33/0.42 = 5.548, and the last link
was called wrong though a teacher would not call it so.

A wrong claim is judged again with each decimal in the expression it computes
that matches, digit for digit, the result an earlier link printed rounded or cut
off (a step ``… = d`` judged right as written, in the same section, before the
claim, whose exact value differs from d) taken at that exact value. Right there, the claim is
``numeric``, naming the exact values used. A slip stays wrong (``= 6.1`` is wrong
both ways); a decimal never printed as a result, one printed in another section,
or a value the notes give (a definition, not a computed link) keeps its value.
Names printed rounded and reused by name (h ≈ 0.46, then 1 − h²) are
``printed_names.py``'s; this module is about the digits written again."""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..symbols import symbol
from .derivation import Derivation, Step
from .expansion import evaluate
from .sections import same_section

#: A decimal written in a link (not part of a longer number or a name).
_DECIMAL = re.compile(r"(?<![\w.}])(?<!\d,)(\d+\.\d+)(?![\d.])")


def printed_results(step: Step, derivation: Derivation, results: list) -> dict[str, tuple[sp.Expr, int]]:
    """decimal as printed → (exact value, line) for each positive decimal an earlier link in
    ``step``'s section printed rounded as the result of a number expression."""
    found: dict[str, tuple[sp.Expr, int]] = {}
    for claim, verdict in results:
        if not (isinstance(claim, Step) and claim.digits and isinstance(claim.claim, sp.Rational)
                and claim.claim > 0 and verdict.verdict in ("numeric", "proved") and claim.order < step.order
                and same_section(derivation.headings, claim.line, step.line)
                and "printed rounded" not in verdict.reason):  # right only at other readings: not a result
            continue
        source = claim.previous if claim.previous is not None else claim.first
        try:
            exact = evaluate(source, derivation.definitions_at(claim.order), unknown=derivation.unknown)
        except (ValueError, TypeError, ArithmeticError):
            continue
        if exact.free_symbols or not exact.is_number or exact == claim.claim:
            continue
        found[_printed(claim.claim, claim.digits)] = (exact, claim.line)
    return found


def carried_outcome(step: Step, verdict, derivation: Derivation, results: list, judge_step):
    """``verdict`` (a wrong claim) made ``numeric`` when the claim holds with the decimals it
    computes with that earlier links printed rounded taken at their exact values; else
    ``verdict``. ``judge_step(step, extra)`` is the outcome of ``step`` with the
    definitions ``extra`` added."""
    on_previous = step.previous is not None
    text = step.references[0] if on_previous else step.references[1]
    if not text or (not on_previous and step.first.free_symbols):
        return verdict
    printed = printed_results(step, derivation, results)
    if not printed:
        return verdict
    used: dict[str, tuple[sp.Symbol, sp.Expr, int]] = {}

    def carried(m: re.Match) -> str:
        if m.group(1) not in printed or len(used) >= 12:
            return m.group(0)
        if m.group(1) not in used:
            used[m.group(1)] = (symbol(f"zzqcarried{chr(ord('a') + len(used))}"),) + printed[m.group(1)]
        return rf" \left(zzqcarried{chr(ord('a') + list(used).index(m.group(1)))}\right) "

    rewritten = _DECIMAL.sub(carried, text)
    if not used:
        return verdict
    from .latex import parse_statement  # here: latex imports much of the checker
    try:
        (piece,) = parse_statement(rewritten).pieces
        (expr,) = piece.exprs
    except (ValueError, TypeError):
        return verdict
    again = (replace(step, previous=expr.value, references=(rewritten, step.references[1])) if on_previous
             else replace(step, first=expr.value, references=(step.references[0], rewritten)))
    outcome = judge_step(again, {name: exact for name, exact, _ in used.values()})
    if outcome.verdict not in ("proved", "numeric"):
        return verdict
    shown = ", ".join(f"{digits} as {sp.sstr(exact)} (line {line})" for digits, (_, exact, line) in used.items())
    return replace(verdict, verdict="numeric", expected=None, counterexample=None,
                   reason=f"{outcome.reason}, computed with the exact values of the numbers printed rounded "
                          f"before it: {shown}")


def _printed(value: sp.Rational, digits: int) -> str:
    """``value`` written with ``digits`` decimals, as the notes printed it (21/50, 2 → 0.42)."""
    scaled = value * 10**digits
    whole = str(scaled.p // scaled.q) if scaled.is_Integer else ""
    if not whole:
        return ""
    whole = whole.rjust(digits + 1, "0")
    return f"{whole[:-digits]}.{whole[-digits:]}"
