"""Numbers claimed in worked examples: which expression a number is compared
with, how far a value may move when its printed decimals were rounded, and
the verdict on a decimal claim or on arithmetic with rounded decimals."""
from __future__ import annotations

import re

import sympy as sp

from ..symbols import symbol
from .digit_groups import digit_groups_joined
from .expansion import evaluate
from .latex import parse_statement
from .outcome import Outcome
from .points import _plain, value_at


#: A value written again as printed (``0.622`` for σ(0.5)) may be this many
#: units of its last place from the exact value, when the checker asks whether
#: a number the notes wrote is a value they gave (``_printed_as``).
ROUNDING_UNITS = 3


def _numeric_reference(left: sp.Expr, right: sp.Expr, previous, defs: dict, unknown: frozenset,
                       written: sp.Expr | None = None):
    """A number claimed for an expression: compared with the expression just
    before it when that is a number (a worked example's previous line) and
    the claim is written as a number, else with the chain's first: (reference, "previous" / "first" / None
    when the claim is not a number), or (None, the Outcome of a skip).
    A claim written in names that the notes give no value (``∂(y - wx - b)/∂b``,
    which is -1) is symbolic, not a worked example's number."""
    if right.free_symbols or right == 0:  # "= 0" may be an equation: see verdicts
        return left, None
    in_names = written is not None and bool(written.free_symbols)  # -(t - ŷ) with t, ŷ given: not a worked number
    if previous is not None and not in_names:
        before = evaluate(previous, defs, unknown=unknown)
        if not before.free_symbols:
            return before, "previous"
    if not left.free_symbols:
        return left, "first"
    if _symbolic(written, defs) or any(s.name.startswith("\u2202") for s in left.free_symbols):
        return left, None  # an opaque derivative in it: skipped as such, not as a worked example's number
    names = ", ".join(sorted(s.name.replace("_hat", "\u0302") for s in left.free_symbols))
    return None, Outcome("skipped", f"a number claimed for an expression in {names}, whose values the notes "
                                    "do not give where the checker could read them")


def _symbolic(written: sp.Expr | None, defs: dict) -> bool:
    """A claim written with names, none of which the notes define, and not a bare name."""
    return (written is not None and not isinstance(written, sp.Symbol) and bool(written.free_symbols)
            and not any(s in defs for s in written.free_symbols))


_PRINTED = re.compile(r"(?<![\w.])(\d*)\.(\d+)")


def rounding_slack(reference: str, defs: dict, unknown: frozenset) -> sp.Expr:
    """How far the value of the expression ``reference`` may move when its
    decimals of three significant digits or more (values rounded for print,
    such as 0.7514; 0.01 or 0.7 are taken as exact) move by half a unit of
    their last place: the sum of |∂value/∂decimal| · ½·10⁻ᵏ."""
    found = []

    def placeholder(m: re.Match) -> str:
        significant = (m.group(1) + m.group(2)).lstrip("0")
        if len(significant) < 3 or len(found) >= 12:
            return m.group(0)
        found.append((sp.Rational(m.group(0)), len(m.group(2))))
        return f" zzqrounded{chr(ord('a') + len(found) - 1)} "

    text = _PRINTED.sub(placeholder, digit_groups_joined(reference))
    if not found:
        return sp.Integer(0)
    try:
        (piece,) = parse_statement(text).pieces
        value = evaluate(piece.exprs[0].value, defs, unknown=unknown)
    except (ValueError, TypeError, ArithmeticError):
        return sp.Integer(0)
    slack = sp.Integer(0)
    point = {symbol(f"zzqrounded{chr(ord('a') + k)}"): c for k, (c, _) in enumerate(found)}
    for k, (c, places) in enumerate(found):
        change = value_at(sp.diff(value, symbol(f"zzqrounded{chr(ord('a') + k)}")), point)
        if change is not None:
            slack += abs(change) * sp.Rational(1, 2 * 10**places)
    return slack


def _other_values(reference: sp.Expr | None, literals: tuple | None, defs: dict) -> str:
    """Names of ``reference`` with a value given by the notes that an
    arithmetic claim does not write: it substitutes other values."""
    if reference is None or literals is None:
        return ""
    written = {abs(n) for n in literals}
    names = set(reference.free_symbols)
    if isinstance(reference, sp.Symbol) and reference in defs and not defs[reference].is_number \
            and not any(_printed_as(v, n) for v in _values(reference, defs) for n in written):
        names |= defs[reference].free_symbols  # P = e^{β₀}/(1 + e^{β₀}) = P = …: β₀'s value, one definition deep
    other = [s.name for s in names
             if s in defs and defs[s].is_number and not any(_printed_as(defs[s], n) for n in written)]
    return ", ".join(sorted(other))


def _values(name: sp.Symbol, defs: dict) -> list:
    """The value of ``name`` at the numbers the notes gave, when it has one (else none)."""
    value = defs[name].xreplace({s: defs[s] for s in defs[name].free_symbols if s in defs and defs[s].is_number})
    return [value] if value.is_number else []


def _printed_as(value: sp.Expr, printed: sp.Rational) -> bool:
    """Whether ``printed`` (0.596) is ``value`` (σ(0.39) = 0.59628…) as printed: within
    :data:`ROUNDING_UNITS` units of its last decimal when it has three significant digits
    or more (as :func:`rounding_slack` counts them), else exactly (2, 0.5, 0.01)."""
    exact = value_at(abs(value), {})
    places = next((k for k in range(13) if (printed * 10**k).is_Integer), 12)
    if exact is None or len(str(printed * 10**places).lstrip("0")) < 3:
        return exact == printed
    return abs(exact - printed) <= sp.Rational(ROUNDING_UNITS, 10**places)


def printed_interval(printed: sp.Rational, digits: int) -> tuple[sp.Rational, sp.Rational]:
    """The exact values that print as ``printed`` with ``digits`` decimals: rounded
    (half a unit of the last place either way) or cut off (less than a whole unit
    further from zero), as people do both: 0.5523 prints 0.55, never 0.56. The end
    a whole unit away is open (0.5 cut off is 0.500, not 0.499): see :func:`_inside`."""
    unit = sp.Rational(1, 10**digits)
    if printed >= 0:
        return printed - unit / 2, printed + unit
    return printed - unit, printed + unit / 2


def _inside(value: sp.Expr, printed: sp.Rational, digits: int, slack: sp.Expr) -> bool:
    """Whether ``value`` prints as ``printed`` (:func:`printed_interval`), widened by ``slack``."""
    low, high = printed_interval(printed, digits)
    if printed >= 0:
        return bool(low - slack <= value < high + slack)
    return bool(low - slack < value <= high + slack)


def printed_precision(left: sp.Expr, right: sp.Expr, digits: int, slack: sp.Expr = sp.Integer(0)) -> Outcome:
    """A decimal claim (``= 0.246`` or ``≈ 0.246``) is right when the exact value
    prints as it (:func:`printed_interval`), widened by ``slack``: how far the
    value moves when the rounded decimals it is computed from move by half a unit
    (:func:`rounding_slack`), as notes carry rounded values from row to row."""
    value = value_at(left, {})
    if value is None:
        return Outcome("skipped", "could not evaluate the value the decimal number stands for")
    if _inside(value, right, digits, slack):
        return Outcome("numeric", f"equal to the {digits} decimals printed")
    shown = f"{float(value):.{max(digits + 2, 4)}g}" if abs(value) >= 10**6 else f"{float(value):.{digits + 2}f}"
    return Outcome("wrong", f"differs from the exact value beyond the {digits} decimals printed", shown,
                   {"point": {}, "left": _plain(value), "right": _plain(right)})


def within_rounding(left: sp.Expr, right: sp.Expr, rounding: tuple) -> Outcome:
    """Arithmetic on decimals rounded to k places (``0.5498 \\cdot 0.4502``)
    is right when within count·10⁻ᵏ (relative, above 1) of the exact value; with
    a power of ten p on the coarsest decimal (``7.5 \\times 10^{-4}``, powers_of_ten.py),
    within count·10^(p − k), as that number is printed."""
    lv, rv = value_at(left, {}), value_at(right, {})
    if lv is None or rv is None:
        return Outcome("skipped", "could not evaluate the numbers")
    count, k, power = (*rounding, 0)[:3]
    unit = sp.Integer(10) ** (power - k)
    if abs(lv - rv) <= count * unit * (max(1, abs(lv)) if not power else 1):
        exact = lv == rv
        scaled = f" times 10^{power}" if power else ""
        return Outcome("proved" if exact else "numeric",
                       "equal" if exact else f"equal within the rounding of its {k}-decimal numbers{scaled}")
    shown = f"{float(lv):.{k + 2}f}" if not power else f"{float(lv):.{k + 2}e}"
    return Outcome("wrong", "differs by more than the rounding of its decimal numbers",
                   shown, {"point": {}, "left": _plain(lv), "right": _plain(rv)})
