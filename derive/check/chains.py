"""Rows read in order into claims (``claims.py``): chains ``A = B = C`` and
the rows starting with ``=`` that continue them, definitions (worked
examples, updates, functions f(x) = …, pieces of a piecewise definition),
and the statements skipped with their reason."""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from .alias_chains import alias_name
from ..symbols import symbol
from .chain_links import _applications, _barrier, _Chain, _continued_chain, _domain, _rule_functions
from .decimals import printed_decimals, rounded_inputs, written_numbers
from .derivation import Definition, Derivation, Skip, Step
from .function_rows import FunctionRows
from .function_values import learn_function
from .primed_calls import unread_primed_calls
from .primed_links import read_primed_links
from .implied_functions import learn_implied, mark_implied_calls, read_implied_calls
from .greek_names import _show
from .latex import Expression, Piece
from .markdown import Segment
from .substitutions import learn_substituted
from .undefined_links import read_clean_links
from .reused_names import redefined_name
from .worded_heads import worded_head
from .rule_statements import calls_rule_function, rule_steps
from .squared_heads import root_of, squared_head
from .primes import applied, calls_defined, is_update_head


class _Reader(FunctionRows):
    """Reads pieces in order into claims, keeping the chains that a row
    starting with ``=`` may continue."""

    def __init__(self, derivation: Derivation, names, line_of):
        self.derivation, self.names, self.line_of = derivation, names, line_of
        self.chains: list[_Chain] = []
        self.seen: set = set()
        self.block_of: dict = {}
        self.functions: dict = {}  # name → primes.Function: f(x) = … read as a function
        self.forward: dict = {}  # the functions defined once in the notes, for rows before that definition
        self.domain: tuple = ()  # the sign condition of the row being read
        self.condition = ""  # the index condition it is read under (", i = j"), as shown
        self.branch: tuple[str, str] = ("", "")  # a condition said in the prose before the row (prose_branches.py)
        self.conditional: dict = {}  # name → its pieces so far: [(value, domain)]
        self.written: dict = {}  # name → its definition as written (z = w x + b, then z = 0.5·2 + 1)
        self.samples: dict = {}  # f → per_sample.PerSample: f(x_i) = body names the term of sample i
        self.primed: frozenset = frozenset()  # y' read as a name of its own (primed_names.py)
        self.function_lines: dict = {}  # f → the line of its latest definition f(x) = …
        self.bare_functions: set = set()  # f, whose bare name is its body (graph_functions.py)
        self.unsure_functions: set = set()  # f…, standing for an f restated differently: unknown
        self.abstract: frozenset = frozenset()  # functions of rule statements (f(g(x)), g'(x)): graph_functions.py

    @property
    def claims(self) -> list:
        return self.derivation.claims

    def skip(self, line: int, text: str, reason: str, barrier: bool = True) -> None:
        self.claims.append(Skip(len(self.claims), line, text, reason))
        if barrier:
            self.chains.append(_barrier(f"the row at line {line} was skipped"))

    def skip_all(self, pieces: list[Piece], seg: Segment, reason: str) -> None:
        # each piece as written: its relations (i < j, x \le 0) are not all "="
        text = ", ".join(" ".join(seg.latex[p.exprs[0].start:p.exprs[-1].end].split()) for p in pieces if p.exprs)
        self.skip(self.line_of(seg.start + pieces[0].exprs[0].start), text, reason)

    def read(self, piece: Piece, seg: Segment) -> None:
        start = len(self.claims)
        piece, said = read_implied_calls(piece, self.functions)  # y(3) after y = 2x
        self.read_piece(piece, seg)
        mark_implied_calls(self.claims, start, said)

    def read_piece(self, piece: Piece, seg: Segment) -> None:
        exprs = piece.exprs
        text = " = ".join(e.text for e in exprs)
        line = self.line_of(seg.start + exprs[0].start)
        if not piece.continues and len(exprs) > 1 and piece.relations[0] == "=" and \
                self.define_function(exprs, piece, seg, line):
            return
        if not piece.continues and len(exprs) == 2 and piece.relations[0] == "=" and \
                self.define_rule_function(exprs, line):
            return
        if self.name_function(piece, line):  # L = g(u) = -log(u): g is defined, and L is -log(u)
            piece = replace(piece, exprs=(exprs[0],) + exprs[2:], relations=piece.relations[1:])
            exprs, text = piece.exprs, " = ".join(e.text for e in piece.exprs)
        functions = {**self.forward, **self.functions}  # a function used before its one definition reads it
        if why := unread_primed_calls([e.value for e in exprs], functions):  # g_3'(g_2(g_1(x))): primed_calls.py
            self.skip(line, text, why)
            return
        if calls_rule_function([e.value for e in exprs], self.functions):  # f = g/h: about any g, h
            functions = dict(self.functions)
        if functions:
            exprs = tuple(Expression(applied(e.value, functions), e.start, e.end, e.text) for e in exprs)
        exprs = self.per_sample(piece, exprs)
        values = [e.value for e in exprs]
        used_before = set(self.seen)
        for v in values:
            self.seen |= v.free_symbols
        if _domain(piece):
            where = re.match(r"\\mathbb\s*\{\s*\w\s*\}(?:\s*\^\s*(?:\{[^{}]*\}|\w))?", seg.latex[piece.exprs[1].start:])
            self.skip(line, f"{piece.exprs[0].text} \\in {where.group(0) if where else ''}",
                      f"says where {piece.exprs[0].text} lives; not a claim", barrier=False)
            return
        if "≠" in piece.relations:  # shown with its relations as written (q < 1), not joined by "="
            text = " ".join(seg.latex[piece.exprs[0].start:piece.exprs[-1].end].split())
            self.skip(line, text, "an inequality or a condition (≠, <, ≤, ∈) is not checked")
            return
        if not piece.continues and len(values) > 1 and is_update_head(values[0], values[1]):
            self.define(values[0], exprs, piece, seg, line, piece.separator == "because")  # w' = w - η…
            return
        undefined = _rule_functions(values, self.primed)
        if undefined and not any(isinstance(v, AppliedUndef) for v in _applications(values)):
            primed = ", ".join(name.rstrip("'") for name in undefined)
            if read_primed_links(self, piece, exprs, seg, line, primed):  # R' = 0.1 + 0.6 = 0.7: primed_links.py
                return
            self.claims.append(Skip(len(self.claims), line, ("= " if piece.continues else "") + text,
                                    f"a prime on {primed}, a name rather than a function the notes define: "
                                    "by which variable it is differentiated is not said; not checked"))
            self.keep_tail(exprs, line)
            return
        if undefined and read_clean_links(self, piece, exprs, seg, line, undefined):
            return  # y = F(0.2) = \frac{1}{1 + e^{-0.2}} = 0.55: the links without F are checked
        if undefined:
            reason = f"a rule statement about {', '.join(undefined)}, which the notes do not define"
            if isinstance(values[0], sp.Symbol) and not piece.continues:
                reason += f"; not a definition of {_show(values[0].name)}"
                self.derivation.rule_stated.setdefault(values[0], len(self.claims))  # no forward definition
            known = self.names.defined | self.names.unknown | frozenset(self.derivation._definitions)
            steps = [] if piece.continues else rule_steps(exprs, len(self.claims), known, tuple(undefined), reason,
                                                          lambda e: self.line_of(seg.start + e.start))
            self.claims.extend(steps or [Skip(len(self.claims), line, ("= " if piece.continues else "") + text, reason)])
            self.keep_tail(exprs, line)
            return
        if piece.after_arrow and piece.separator == "arrow" and self.chains and self.chains[-1].first is None:
            self.skip(line, text, "a consequence (⇒, ∴) of a statement that was skipped")
            return
        if piece.continues and (words := worded_head(seg.latex, exprs[0].start)):
            self.chains.append(_barrier(f"its left side is named in words ({words})"))  # worded_heads.py
        if piece.continues:
            chain = _continued_chain(self.chains, exprs)
            if chain is None:
                self.skip(line, "= " + text, "continues a chain, but none comes before it", barrier=False)
                return
            if chain.first is None and chain.last is not None and chain is self.chains[-1]:
                # the row just before, skipped or unreadable, ended in a plain B: this row claims C = B
                tail = chain.last
                restart = _Chain(Expression(applied(tail.value, self.functions), tail.start, tail.end, tail.text),
                                 None, last=tail)
                self.chains.append(restart)
                self.add_steps(restart, exprs, ("=",) + piece.relations, seg)
                return
            if chain.first is None:
                self.skip(line, "= " + text,
                          f"continues a chain, but {chain.skipped}, so what it continues is not known", barrier=False)
                # X = A (X unknown) = B still says A = B: the rows after this one are checked against it
                restart = _Chain(exprs[0], None, last=exprs[0])
                self.chains.append(restart)
                self.add_steps(restart, exprs[1:], piece.relations, seg)
                return
            self.add_steps(chain, exprs, ("=",) + piece.relations, seg)
            return
        if len(exprs) == 1:
            # a bare expression: an annotation after an arrow, a mention of a
            # name, or the start of a chain that the next rows continue
            if not piece.after_arrow and not (values[0].is_Atom or isinstance(values[0], sp.Indexed)):
                self.chains.append(_Chain(exprs[0], None))
            return
        aside = piece.separator == "because"
        head = values[0]
        function_head = re.fullmatch(r"([A-Za-z])\s*\(\s*[A-Za-z](?:_\w+)?(?:\s*,\s*[A-Za-z](?:_\w+)?)*\s*\)",
                                     exprs[0].text)
        if function_head and (name := redefined_name(exprs[0].text, head, values[1], self.names.defined)):
            self.define(name, (replace(exprs[0], value=name),) + exprs[1:], piece, seg, line, aside)  # reused_names.py
            return
        if function_head and symbol(function_head.group(1)) not in self.names.defined and not head.is_Symbol:
            self.skip(line, text, f"defines a function {exprs[0].text}, which is read as a product; not checked")
            return
        if (not head.is_Atom and not head.has(sp.Derivative) and values[1].has(sp.Derivative)
                and not head.free_symbols & self.names.defined
                and not head.atoms(sp.Function) and not calls_defined(piece.exprs[0].value, functions)):
            self.skip(line, text, f"names {exprs[0].text} (a notation, not a name the checker holds); not checked")
            return
        if root := squared_head(head, values[1], piece.relations[0], piece.after_arrow, self.derivation._definitions):
            self.define(root, (exprs[0], replace(exprs[1], value=root_of(values[1]))) + exprs[2:], piece, seg, line, aside)
            return  # σ² = (1/m) Σ (x_i - μ)²: squared_heads.py
        if isinstance(head, sp.Symbol) and not isinstance(head, sp.Dummy) and piece.relations[0] == "=":
            if piece.after_arrow and head in used_before and head not in self.derivation._definitions:
                self.skip(line, text, f"solves for {_show(head.name)}: a consequence of an equation, not checked")
                return
            if alias := alias_name(exprs, piece.relations, set(self.derivation._definitions), used_before):
                self.define(alias, exprs[1:], replace(piece, relations=piece.relations[1:]), seg, line, aside)
                exprs = exprs[:2]  # ŷ = a = w x + b: a by its formula, ŷ by a (alias_chains.py)
            self.define(head, exprs, piece, seg, line, aside)
            return
        chain = _Chain(exprs[0], None)
        if not aside:
            self.chains.append(chain)
        self.add_steps(chain, exprs[1:], piece.relations, seg, consequence=piece.after_arrow)

    def keep_tail(self, exprs, line: int) -> None:
        """After a skipped row ``A = B`` whose B holds no unknown function or
        prime, a row ``= C`` claims C = B: the chain goes on from B."""
        if self.chains and self.chains[-1].passable:
            self.chains.pop()  # a second skipped row: the first one's end is not the row before any more
        if len(exprs) < 2:
            return
        tail = exprs[-1]
        if not (_rule_functions([tail.value], self.primed) or _applications([tail.value])):
            self.chains.append(_Chain(None, None, f"the row at line {line} was skipped", last=tail, passable=True))

    def define(self, head, exprs, piece: Piece, seg: Segment, line: int, aside: bool) -> None:
        if self.domain:  # y = x (x > 0): one piece of a piecewise definition, not y everywhere
            self.define_piece(head, exprs, line)
            return
        value = exprs[1].value
        update = head in value.free_symbols
        entries = self.derivation._definitions.get(head, [])
        if entries and not update and value.is_number and "(" in exprs[0].text and not entries[-1][1].is_number:
            # L(y, ŷ) = ½(1 - 0.5)² after L(y, ŷ) = ½(y - ŷ)²: the function at the example's values, not a new L
            first = Expression(entries[-1][1], exprs[0].start, exprs[0].end, exprs[0].text)
            chain = _Chain(first, None, last=Expression(entries[-1][1], exprs[0].start, exprs[0].end, exprs[0].text))
            if not aside:
                self.chains.append(chain)
            self.add_steps(chain, exprs[1:], piece.relations, seg)
            return
        if entries and not update and value.is_number and self.block_of.get(head) == seg.block:
            # a worked example: z = w x + b, z = 0.5·2 + 1, z = 2 in one block
            previous = Expression(entries[-1][1], exprs[0].start, exprs[0].end, exprs[0].text)
            written = Expression(entries[-1][1], exprs[0].start, exprs[0].end, self.written.get(head, ""))
            self.add_steps(_Chain(previous, None, last=written), exprs[1:2], piece.relations[:1], seg)
        self.claims.append(Definition(len(self.claims), line, f"{exprs[0].text} = {exprs[1].text}", head,
                                      value, update))
        if not update:
            self.derivation._definitions.setdefault(head, []).append((len(self.claims) - 1, value))
            self.block_of[head] = seg.block
            self.written[head] = exprs[1].text
            learn_function(self.functions, head, exprs[0].text, value, self.names.mapping)  # J(w) = w²: J(3)
            learn_implied(self.functions, head, exprs[0].text, value, self.names.defined)  # y = 2x: y(3)
        # w = w - η g = 0.5 - 0.1·3: the numbers are the new w, compared with w - η g, not with the old w
        chain = _Chain(exprs[1], None, last=exprs[1]) if update else _Chain(exprs[0], head, last=exprs[1])
        if not aside:
            self.chains.append(chain)
        self.add_steps(chain, exprs[2:], piece.relations[1:], seg)

    def add_steps(self, chain: _Chain, exprs, relations, seg: Segment, consequence: bool = False) -> None:
        for k, e in enumerate(exprs):
            relation, start = relations[k], seg.start + e.start
            line, end_line = self.line_of(start), self.line_of(seg.start + e.end - 1)
            if k == 0 and chain.last in (None, chain.first) and _written_in(seg, chain.first) \
                    and not seg.latex[:chain.first.start].rstrip().endswith("="):  # A (alone) &= B; not "= A" then "= B"
                line = self.line_of(seg.start + chain.first.start)
            end_line = end_line if end_line != line else None
            digits = printed_decimals(e.text)
            latex = f"{chain.first.text} {'≈' if relation == '≈' else '='} {e.text}"
            if relation == "≈" and digits is None:
                self.skip(line, latex, "an approximation (≈) to something other than a decimal number is not checked")
            elif self.names_it(chain, e):
                self.claims.append(Definition(len(self.claims), line, latex, e.value, chain.first.value))
                self.derivation._definitions.setdefault(e.value, []).append((len(self.claims) - 1, chain.first.value))
            else:
                learn_substituted(self.derivation, self.names, chain.last, e, line)  # x·w = 1.0·0.5
                previous = chain.last.value if chain.last is not None else None
                self.claims.append(Step(len(self.claims), line, latex, chain.first.value, e.value, start,
                                        seg.start + e.end, previous, digits, rounded_inputs(e.text),
                                        consequence,
                                        (chain.last.text if chain.last is not None else "", chain.first.text),
                                        written_numbers(e.text), self.domain, self.condition, end_line, self.branch))
            chain.last = e

    def names_it(self, chain: _Chain, e: Expression) -> bool:
        """``σ(z) = P`` with P never defined, used nowhere as an input and not
        on the left: the notes give σ(z) a name, they claim nothing."""
        v = e.value
        return (isinstance(v, sp.Symbol) and v not in self.names.defined and v not in self.names.inputs
                and v not in chain.first.value.free_symbols and not isinstance(chain.first.value, sp.Symbol)
                and not chain.first.value.has(sp.Derivative))


def _written_in(seg: Segment, e: Expression) -> bool:
    """Whether ``e`` was read from ``seg`` (its offsets are relative to its own segment)."""
    return e.start < e.end <= len(seg.latex) and " ".join(seg.latex[e.start:e.end].split()) == e.text
