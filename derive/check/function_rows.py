"""Rows that define a function (``chains.py``): ``f(x) = body``, a function
written in unknown functions (``f(x) = g(x)/h(x)``), a function named on the
way (``L = g(u) = -\\log u``), the term of one sample (``f(x_i) = …``) and one
piece of a piecewise definition (``y = x`` where x > 0). A mixin of the row
reader, which holds the claims, the chains, the functions in force and the
names seen."""
from __future__ import annotations

import sympy as sp

from ..symbols import symbol
from .chain_links import _Chain
from .derivation import Definition
from .graph_functions import RestatedStep, function_through_names, same_function
from .latex import Expression, Piece
from .markdown import Segment
from .primes import applied, function_definition, named_function
from .reused_names import reapplied_function
from .conditions import shown as shown_condition
from .greek_names import _show
from .per_sample import per_sample_applied, per_sample_definition
from .piecewise import conditional_pieces
from .rule_statements import rule_definition


class FunctionRows:
    """How the row reader (``chains._Reader``) reads rows that define functions."""

    def per_sample(self, piece: Piece, exprs: tuple) -> tuple:
        """f(x_i) and a bare f read as f_i once ``f(x_i) = body`` names the
        per-sample term (``per_sample.py``); that row's head becomes f_i."""
        if not piece.continues and len(exprs) > 1 and piece.relations[0] == "=":
            sample = per_sample_definition(exprs[0].value, exprs[1].value)
            if sample is not None and symbol(sample.function) not in self.names.defined:
                self.samples[sample.function] = sample
        if not self.samples:
            return exprs
        return tuple(Expression(per_sample_applied(e.value, self.samples), e.start, e.end, e.text) for e in exprs)

    def define_piece(self, head, exprs, line: int) -> None:
        """One piece of a piecewise definition; once pieces cover both signs
        of their variable, the name is defined as the Piecewise they make."""
        pieces = self.conditional.setdefault(head, [])
        pieces.append((exprs[1].value, self.domain))
        whole = conditional_pieces(pieces)
        text = f"{exprs[0].text} = {exprs[1].text}"
        if whole is None:
            self.skip(line, text, f"defines {_show(head.name)} only where {shown_condition(self.domain)} (a "
                                  "piece of a piecewise definition); not used until its other piece is given")
            # no earlier or later definition of the name stands in for it meanwhile
            pending = sp.Symbol(f"{head.name}\u2026piece", real=True)
            self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, pending))
            return
        self.claims.append(Definition(len(self.claims), line, text, head, whole))
        self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, whole))
        del self.conditional[head]

    def define_function(self, exprs, piece: Piece, seg: Segment, line: int) -> bool:
        """``f(x) = body``: f is a function from here on (``f'(a)`` is its
        derivative at a); the rest of the chain is checked against the body."""
        body = applied(exprs[1].value, self.functions)
        function = function_definition(exprs[0].value, body)
        through = None if function is not None or self.domain or _name(exprs[0].value) in self.abstract else \
            function_through_names(exprs[0].value, body, self.derivation.definitions_at(len(self.claims)))
        function = function or through  # f(x) = g + b after g = w x: graph_functions.py
        if function is None or self.domain:
            return False
        previous = self.functions.get(function.name)
        for e in exprs:
            self.seen |= e.value.free_symbols
        if through is not None and previous is not None:  # the same f, written through g: a claim too
            if not self.restate_function(previous, function, exprs, seg, line, body):
                return True
        self.functions[function.name] = function
        self.claims.append(Definition(len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}",
                                      symbol(function.name), function.body))
        self.function_lines[function.name] = line
        if function.name not in self.samples and function.name not in self.abstract:  # bare f: its body
            # (graph_functions.py); f of f(g(x)) may be the composite or the outer function: not read
            self.derivation._definitions.setdefault(symbol(function.name), []).append((len(self.claims) - 1, body))
            self.bare_functions.add(symbol(function.name))
        first = Expression(function.body, exprs[0].start, exprs[0].end, exprs[0].text)
        chain = _Chain(first, None, last=exprs[1])
        self.chains.append(chain)
        if exprs[2:] and exprs[1].value in function.params:  # φ(z) = z = Σ_j w_j x_j: says what z stands for
            shown = " = ".join(e.text for e in exprs[1:])
            self.skip(line, shown, f"says what {exprs[1].text}, the argument of {function.name}, stands for in "
                                   "these notes; not a claim about the function, not checked")
            return True
        if exprs[2:] and (why := reapplied_function(previous, function, [e.value for e in exprs[2:]])):
            self.skip(line, " = ".join(e.text for e in exprs[1:]), why)  # reused_names.py
            return True
        rest = tuple(Expression(applied(e.value, self.functions), e.start, e.end, e.text) for e in exprs[2:])
        self.add_steps(chain, rest, piece.relations[1:], seg)
        return True

    def restate_function(self, previous, function, exprs, seg: Segment, line: int, body) -> bool:
        """``f(x) = g + b`` after ``f(x) = w x + b``: a claim that the bodies agree; True when
        they were seen to agree (the row then defines f anew), else f is unknown from here
        on (a new function, or a slip in one of the two): its calls and bare name are not judged."""
        in_force = self.derivation.definitions_at(len(self.claims))
        kept = same_function(previous, function, in_force)
        self.claims.append(RestatedStep(
            len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}",
            previous.body.xreplace(dict(zip(previous.params, function.params))), body, seg.start + exprs[1].start,
            seg.start + exprs[1].end, name=function.name, defined_at=self.function_lines[function.name], kept=kept))
        if not kept:
            del self.functions[function.name]
            self.forward.pop(function.name, None)
            unsure = symbol(f"{function.name}\u2026")
            self.derivation._definitions.setdefault(symbol(function.name), []).append((len(self.claims) - 1, unsure))
            self.bare_functions.add(symbol(function.name))
            self.unsure_functions.add(unsure)
        return kept

    def define_rule_function(self, exprs, line: int) -> bool:
        """``f(x) = g(x)/h(x)`` with g, h undefined: f is that quotient from here
        on (rule_statements.py), in place of any earlier definition of f."""
        function = rule_definition(exprs[0].value, applied(exprs[1].value, self.functions))
        if function is None or self.domain:
            return False
        self.functions[function.name] = function
        self.claims.append(Definition(len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}",
                                      symbol(function.name), function.body))
        return True

    def name_function(self, piece: Piece, line: int) -> bool:
        """``L = g(u) = body``: g is defined (as a function, or as a name when
        the reader made ``g_1(u)`` a name) before L is defined as the body."""
        exprs = piece.exprs
        if piece.continues or self.domain or piece.relations[:2] != ("=", "="):
            return False
        middle = named_function(tuple(Expression(applied(e.value, self.functions), e.start, e.end, e.text)
                                      if i == 2 else e for i, e in enumerate(exprs)))
        text = f"{exprs[1].text} = {exprs[2].text}"
        if isinstance(middle, sp.Symbol):  # a second z = g_1(x) = … redefines g_1 from here on
            self.claims.append(Definition(len(self.claims), line, text, middle, exprs[2].value))
            self.derivation._definitions.setdefault(middle, []).append((len(self.claims) - 1, exprs[2].value))
            return True
        if middle is None:
            return False
        function = function_definition(middle, applied(exprs[2].value, self.functions))
        if function is None:
            return False
        self.functions[function.name] = function  # a second z = f(x, y) = … redefines f from here on
        self.claims.append(Definition(len(self.claims), line, text, symbol(function.name), function.body))
        return True


def _name(head: sp.Expr) -> str:
    """f for the head f(x) of a row, "" for any other head."""
    return head.func.__name__ if isinstance(head, sp.core.function.AppliedUndef) else ""
