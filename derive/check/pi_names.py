r"""π as a name of the notes: a policy or a probability (``\pi = 0.25``, ``\pi = \sigma(\theta)``).

The reader takes ``\pi`` for the number 3.14159…, which is what most notes mean. Notes on
reinforcement learning or mixtures name a probability π and give it a value: then
``\pi = 0.25`` itself was "wrong, expected 3.1416", and every step through it was judged with
the number. When a row sets π to something that is not that number, a wrong step that holds
π is skipped with that reason.
"""
from __future__ import annotations

import sympy as sp

from .derivation import Derivation, Step
from .expansion import relevant_definitions

#: how far from 3.14159… a value set for π may be and still be the number, printed rounded (3.14, 22/7)
SLACK = 0.01


def naming_row(derivation: Derivation) -> Step | None:
    """The first row that sets π to something other than the number: ``\\pi = 0.25``, ``\\pi = \\sigma(\\theta)``."""
    for claim in derivation.claims:
        if isinstance(claim, Step) and claim.first == sp.pi and claim.claim != sp.pi:
            value = claim.claim
            if value.free_symbols or not value.is_number or abs(float(value) - float(sp.pi)) > SLACK:
                return claim
    return None


def pi_named(step: Step, derivation: Derivation) -> str:
    """Why a wrong ``step`` is skipped: it holds π, and the notes name π (see the module); "" otherwise."""
    named = naming_row(derivation)
    if named is None:
        return ""
    defs = relevant_definitions(derivation.definitions_at(step.order), (step.first, step.claim))
    if not any(e.has(sp.pi) for e in (step.first, step.claim, *defs.values())):
        return ""
    return (f"these notes set π to something other than the number 3.14159… (line {named.line}: {named.latex}), "
            "so π here may be their name; not checked")
