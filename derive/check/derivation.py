"""What a set of notes claims, in reading order: steps, definitions and
skipped statements, and the table of definitions in force at each claim."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import sympy as sp

from .solutions import is_solution


@dataclass(frozen=True)
class Step:
    """The claim ``first = claim``; ``start``/``end`` locate ``claim`` in the file.
    ``previous`` is the expression just before the claim in its chain (a
    number claimed for a number is compared with it); ``digits`` is how many
    decimals the claim is printed with, when it is a decimal number;
    ``rounding`` says how many rounded decimals the claim computes with;
    ``consequence`` marks a claim after ⇒ or ∴ (it may solve an equation)."""

    order: int
    line: int
    latex: str
    first: sp.Expr
    claim: sp.Expr
    start: int
    end: int
    previous: sp.Expr | None = None
    digits: int | None = None
    rounding: tuple[int, int] | None = None
    consequence: bool = False
    references: tuple[str, str] = ("", "")  # the texts of previous and first, for rounding slack
    literals: tuple | None = None  # the numbers an arithmetic claim (0.5 · 4 + 1) is written with
    domain: tuple = ()  # a sign condition the claim holds under: (("x", 1, ">"),) for (x > 0)
    condition: str = ""  # an index condition it was read under (", i = j"), as shown
    end_line: int | None = None  # the last line of a claim written over several lines
    branch: tuple[str, str] = ("", "")  # a condition the prose before it names (prose_branches.py)


@dataclass(frozen=True)
class Definition:
    order: int
    line: int
    latex: str
    name: sp.Symbol
    value: sp.Expr
    update: bool = False
    given: str = ""  # why, when not written as NAME = value (a value read from a substitution)


@dataclass(frozen=True)
class Skip:
    order: int
    line: int
    latex: str
    reason: str


Claim = Step | Definition | Skip


@dataclass
class Derivation:
    """Everything a set of notes claims, in reading order."""

    claims: list[Claim]
    spellings: dict[str, str]
    assumptions: list[str]
    _definitions: dict[sp.Symbol, list[tuple[int, sp.Expr]]] = field(default_factory=dict)
    #: Names the notes use as functions (differentiated as a bare name, or
    #: ŷ-like outputs, or the head of a definition that could not be read)
    #: without a definition the checker could read: unknown functions.
    unknown: frozenset = frozenset()
    variables: frozenset = frozenset()
    headings: tuple[int, ...] = ()  # the lines of the notes' Markdown headings (sections.py)
    euler_powers: frozenset = frozenset()  # e^k the notes may mean as a power of their name e (euler_names.py)
    #: Names a rule statement gave as an unknown function (``y = f(u)``), by the order of its first one.
    rule_stated: dict[sp.Symbol, int] = field(default_factory=dict)
    #: Definitions the prose sets as a case ("If $m = 0$"), by order: (its words, the last line of its paragraph).
    cases: dict[int, tuple[str, int]] = field(default_factory=dict)

    def defined_names(self) -> frozenset[str]:
        """The names the notes define anywhere (as the checker holds them)."""
        return frozenset(name.name for name in self._definitions)

    def definitions_at(self, order: int) -> dict[sp.Symbol, sp.Expr]:
        """Definitions in force at claim ``order``: the latest one before it,
        else (a forward reference) the first one after it, unless that one
        is a number (the values of a worked example further on) or the notes
        gave the name before the claim as an unknown function (``y = f(u)``:
        the general rule, with a concrete y only in an example further on)."""
        result = {}
        for name, entries in self._definitions.items():
            k = bisect.bisect_right(entries, order, key=lambda entry: entry[0])
            if k:
                if not self._solution(name, entries[k - 1][1]):
                    result[name] = entries[k - 1][1]
            elif self.rule_stated.get(name, order + 1) < order:
                continue
            elif not entries[0][1].is_number and (name not in self.variables
                                                  or self._intermediate(name, entries[0][1])):
                # neither the values of a later worked example nor a later solution
                # for a parameter (w = Σxy / Σx²) are read back
                result[name] = entries[0][1]
        return result

    def _solution(self, name: sp.Symbol, value: sp.Expr) -> bool:
        """A parameter the notes differentiate by, given as a closed form over the data
        (``a = \\frac{n \\sum x_i y_i - …}{…}`` stated before the derivation): the value at
        which the gradient vanishes. Put in for a, every gradient formula, right or wrong,
        would be 0 there: it is not read as a's value (``solutions.py``)."""
        return is_solution(name, value, self.variables)

    def _intermediate(self, name: sp.Symbol, value: sp.Expr) -> bool:
        """A differentiation variable defined later by a formula in other
        variables and no sum (z_i = w x_i + b, read in ``\\frac{df}{dz_i}``
        before it): a step of the chain rule, not a solution for a parameter."""
        return not value.has(sp.Sum) and bool(value.free_symbols & (self.variables - {name}))
