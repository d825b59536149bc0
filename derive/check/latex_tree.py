"""The parse tree of one math segment (``grammar.py``) → SymPy: names and
their spellings, calls, accents, primes, products, powers and fractions."""
from __future__ import annotations

import re
import unicodedata

import sympy as sp
from lark import Token, Transformer, v_args

from ..names import GREEK
from ..symbols import sigmoid, symbol
from .function_values import at_numbers
from .greek_functions import greek_function_name
from .indices import INDEX_JOIN
from .layer_names import LAYER_MARK
from .elementary_functions import ELEMENTARY, powered_call
from .latex_errors import LatexError
from .letter_functions import letter_name
from .log_bases import log_base
from .partial_subscripts import partial_variable
from .hyperbolic_names import COMMANDS
from .limits import limit_reach
from .over_fractions import over_fraction
from .primed_brackets import bracket_variable
from .products import ProductReading
from .latex_operators import D, PARTIAL, SUM_UPPER, _combine, _fraction, _Operator, _power, _value


_FUNCTIONS = {"ln": sp.log, "log": sp.log, "exp": sp.exp, "sin": sp.sin, "cos": sp.cos,
              "tanh": sp.tanh, "sgn": sp.sign, "sign": sp.sign, "sigmoid": sigmoid, "sqrt": sp.sqrt,
              "abs": sp.Abs} | ELEMENTARY
_ACCENTS = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
            "dot": "dot", "vec": "vec"}


def _show_name(e: sp.Expr) -> str:
    """Z for Z_i or Z[i]: what a max or min runs over, without its index."""
    return (str(e.base) if isinstance(e, sp.Indexed) else e.name).split("_")[0]


class _ToSympy(ProductReading, Transformer):
    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.spellings: dict[str, str] = {}
        self.applied_names: set[str] = set()
        self.applied_arguments: list[tuple[str, tuple]] = []  # h_m(i): applied_indices.py
        self.cases: tuple = ()
        self.euler_powers: list = []  # exponents of e^{…} read as exp: a name e may mean them (euler_names.py)

    def piecewise_mark(self, items):  # a cases environment, read by piecewise.py
        return self.cases[int(str(items[0])[1:].rstrip("\ue005"))]

    def number(self, items):
        return sp.Rational(str(items[0])) if "." in items[0] else sp.Integer(str(items[0]))

    def constant(self, items):
        return sp.pi

    def letter(self, items):
        return str(items[0])

    def letter_digits(self, items):
        text = str(items[0])
        return f"{text[0]}_{text[1:]}"

    def greek(self, items):
        return str(items[0])[1:]

    def unicode_greek(self, items):
        return _UNICODE_GREEK.get(str(items[0]), str(items[0]))

    def unicode_hat(self, items):
        return unicodedata.normalize("NFD", str(items[0]))[0] + "_hat"

    def power_unicode(self, items):
        return _power(items[0], sp.Integer({"²": 2, "³": 3}[str(items[1])]))

    def rel(self, items):
        return items[0]

    def sep(self, items):
        return items[0]

    def arguments(self, items):
        return _Arguments(_value(i) for i in items if not isinstance(i, Token))

    def partial(self, items):
        return PARTIAL

    def opname(self, items):
        return re.search(r"\{\s*([A-Za-z][A-Za-z0-9]*)", items[0]).group(1)

    def accent(self, items):
        base = items[1]
        if not isinstance(base, str):
            raise LatexError("an accent needs a name under it")
        name = f"{base}_{_ACCENTS[str(items[0])[1:]]}"
        return name + ("_" + items[2] if len(items) > 2 and items[2] else "")

    def subscript(self, items):
        text = "".join(str(i) if not str(i).startswith("\\") else str(i)[1:] for i in items if str(i) != ",")
        return text.replace(INDEX_JOIN, "_")  # x_j^{(i)}: the name x_j_i

    def shifted_subscript(self, items):  # w_{t+1}, a_{l-1}: one name, never a sum's running index
        return "".join(str(i) for i in items).replace("−", "-")

    @v_args(meta=True)
    def name(self, meta, items):
        base = items[0]
        if not isinstance(base, str):
            return base  # \partial
        mark = items[-1] if isinstance(items[-1], Token) and items[-1].type == "MARK" else None
        scripts = [i for i in items[1:] if i is not mark]
        full = base + ("_" + scripts[0] if scripts else "")
        if mark is not None and mark.startswith(LAYER_MARK):  # b_j^l, w^{l+1}: a layer (layer_names.py)
            layer = mark[1:].strip("{}")
            full += "^" + (layer if len(layer) == 1 else "{" + layer + "}")
        elif mark is not None:  # w^*, w_5^{+}: the names w_star, w_5_plus
            full += "_star" if ("*" in mark or "star" in mark) else "_plus"
        spelled = " ".join(self.source[meta.start_pos:meta.end_pos].replace(LAYER_MARK, "^").split())
        spelled = re.sub(r"^([^{}\s]+)\s*\}\s*(?=[_^])", r"\1", spelled)  # { p }_{ i }: the { was blanked
        self.spellings.setdefault(full, spelled)
        return symbol(full)

    def add(self, items):
        limit_reach(_value(items[0]), _value(items[2]))
        return _value(items[0]) + _value(items[2])

    def sub(self, items):
        limit_reach(_value(items[0]), _value(items[2]))
        return _value(items[0]) - _value(items[2])

    def negated_factor(self, items):  # 2 * -x
        return -_value(items[1])

    def neg(self, items):
        return -_value(items[1])

    def pos(self, items):
        return _value(items[1])

    def product(self, items):
        _refuse_slash_derivative(items)
        factors, divide = [], False
        for item in items:
            if isinstance(item, Token) and item.type == "MULOP":
                divide = item.value == "/"
                continue
            factors.append((divide, item))
            divide = False
        return _combine(factors)

    def power(self, items):
        return _power(items[0], items[1])

    def exp_power(self, items):
        self.euler_powers.append(_value(items[-1]))
        return sp.exp(_value(items[-1]))

    def partial_sub(self, items):
        """``\\partial_{v} F``: ∂F/∂v (partial_subscripts.py refused the unclear ones)."""
        return sp.Derivative(_value(items[1]), partial_variable(str(items[0])))

    def paren(self, items):
        return [i for i in items if not isinstance(i, Token)][0]

    def group(self, items):
        return items[0]

    def sqrt(self, items):
        return sp.sqrt(_value(items[0]))

    def abs(self, items):
        return sp.Abs(_value(items[1]))

    def call(self, items):
        name = re.sub(r"^\\(?:operatorname|mathrm|text)?\s*\{?\s*", "", str(items[0])).strip("\\{} ")
        args = items[1] if isinstance(items[1], _Arguments) else _Arguments([_value(items[1])])
        name = name.lower()
        if name in ("max", "min"):
            if len(args) == 1 and isinstance(args[0], (sp.Symbol, sp.Indexed)):
                return self.extreme(name, args[0])
            if len(args) < 2:
                raise LatexError(f"{name} needs two arguments or more")
            return (sp.Max if name == "max" else sp.Min)(*args)
        if len(args) != 1:
            raise LatexError(f"{name} takes one argument; got {len(args)}")
        if name == "relu":
            return sp.Max(0, args[0])
        return (_FUNCTIONS.get(name) or COMMANDS[name])(args[0])  # \ch x: hyperbolic_names.py

    def call_power(self, items):
        return powered_call(self.call([items[0], items[-1]]), items[1])

    @v_args(meta=True)
    def applied(self, meta, items):
        token, args = items
        name = re.sub(r"^\\[A-Za-z]+\s*\{\s*|\s*\}$", "", str(token)).strip()
        if token.type == "APPLIED_SUB":  # L_\delta(a), J_{1}(w)
            name = re.sub(r"[\\{}\s]", "", str(token))
        if token.type == "GREEK_APPLIED":  # \Phi(0), Λ(z): greek_functions.py
            name = greek_function_name(str(token))
        if name.lower() in _FUNCTIONS or name.lower() in ("relu", "max", "min"):
            return self.call([name, args])
        if not all(isinstance(a, (sp.Symbol, sp.Indexed)) for a in args):
            if token.type == "APPLIED_SUB" and len(args) == 1:  # a_i(1 - a_i) is a product
                return self.name_product(name, args[0])
            if token.type in ("APPLIED", "GREEK_APPLIED") and (call := at_numbers(name, args)) is not None:
                return call  # J(3): the function J at 3, read against its definition (function_values.py)
            raise LatexError(f"{name}(…) applies a function the notes name to values; not checked")
        self.spellings.setdefault(name, " ".join(str(token).split()))
        self.applied_names.add(name)
        self.applied_arguments.append((name, tuple(args)))
        return symbol(name)

    def extreme(self, name: str, over: sp.Expr) -> sp.Expr:
        """``max(Z_i)``: the largest of the components, a name of its own that
        depends on all of them (an unknown function: its derivatives stay opaque)."""
        label = f"{name}_{_show_name(over)}"
        self.applied_names.add(label)
        return symbol(label)

    def name_product(self, name: str, factor: sp.Expr) -> sp.Expr:
        return symbol(name) * factor

    def sigma_primed(self, items):
        s = sigmoid(_value(items[-1]))
        return s * (1 - s)

    def log_base(self, items):  # \log_2 x: log_bases.py
        return log_base(str(items[0]), _value(items[1]))

    def sigmoid(self, items):
        return sigmoid(_value(items[1]))

    def undefined_call(self, items):
        primes = sum(1 for i in items if isinstance(i, Token) and i.type == "PRIME")
        args = items[-1] if isinstance(items[-1], _Arguments) else [_value(items[-1])]
        name = re.sub(r"[{},\s]", "", str(items[0]))  # f_{w,b}(x): the function f_wb, its parameters w, b
        name = letter_name(name)  # s'(x) after s(x) = …: letter_functions.py
        return sp.Function(name + "'" * primes)(*args)

    def primed_call_power(self, items):
        """``f'^{2}(x)`` (TeX's ``f^{'2}(x)``): the power of the call, (f'(x))²."""
        call = self.undefined_call([i for i in items[:-2]] + [items[-1]])
        return _power(call, items[-2])

    def primed(self, items):
        return sp.Symbol(str(items[0]) + "'" * (len(items) - 1))

    def primed_paren(self, items):
        """``(…)'``: the derivative by the one name inside; with several, by which is not said."""
        value = _value(items[0])
        variable = bracket_variable(value)  # (x^n)': by x beside constants, primed_brackets.py
        if variable is None:
            raise LatexError("a prime on a bracket of one bare name, several names or none: by which name "
                             "it is differentiated is not said; "
                             "not read", notation=True)
        return sp.Derivative(value, variable)

    def primed_sum(self, items):
        raise LatexError("a prime on a sum (\\sum'): what is summed and by what it is differentiated are not "
                         "written; not checked", notation=True)

    def function_primed(self, items):
        """``\\text{ReLU}'(z)``, ``\\tanh'(z)``: the known function's derivative at the argument."""
        name = re.sub(r"^\\(?:operatorname|mathrm|text)?\s*\{?\s*", "", str(items[0])).strip("\\{} ").lower()
        arg = _value(items[-1])
        if name == "relu":
            return sp.Heaviside(arg, sp.nan)  # no derivative at 0: points there are not judged
        u = sp.Dummy("u", real=True)
        return sp.diff(_FUNCTIONS[name](u), u).subs(u, arg)

    def frac(self, items):
        return _fraction(_value(items[1]), _value(items[2]))

    def over_group(self, items):
        return over_fraction(items)  # {a \over b}: over_fractions.py

    def short_frac(self, items):
        """``\\frac12`` (``\\tfrac 3 4``): TeX takes one digit for each argument, so it is 1/2."""
        top, bottom = re.findall(r"\d", str(items[0]))
        return _fraction(sp.Integer(top), sp.Integer(bottom))

    def sum_op(self, items):
        index, low, high = items[0], _value(items[2]), _value(items[3])
        return _Operator("sum", sp.Symbol(index.name, integer=True), low, high)

    def sum_op_short(self, items):
        index, high = items[0], _value(items[1])
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high)

    def sum_op_index(self, items):
        index = items[0]
        high = _value(items[1]) if len(items) > 1 and items[1] is not None else SUM_UPPER
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high)

    def sum_op_except(self, items):
        index, excluded = items[0], items[2]
        high = _value(items[3]) if len(items) > 3 and items[3] is not None else SUM_UPPER
        return _Operator("sum", sp.Symbol(index.name, integer=True), sp.Integer(1), high, excluded)

    def lim_op(self, items):
        return _Operator("limit", _value(items[0]), _value(items[2]))

    def sum_op_bare(self, items):
        high = _value(items[0]) if items and items[0] is not None else SUM_UPPER
        return _Operator("sum", None, sp.Integer(1), high, bare=True)


def _refuse_slash_derivative(items) -> None:
    """``dx/dz`` or ``∂L/∂w`` (d next to a name, a slash, d next to a name) is a
    derivative written inline, not the quotient (d·x)/(d·z) (∂L/∂w was read as L·w):
    refuse rather than read it."""
    kinds = ["/" if isinstance(i, Token) and i.type == "MULOP" and i.value == "/" else
             "d" if isinstance(i, sp.Basic) and i in (D, PARTIAL) else "name" if isinstance(i, sp.Symbol) else "op"
             if isinstance(i, Token) else "other" for i in items]
    text = " ".join(kinds)
    if re.search(r"\bd name\b.*/ d name\b", text):
        raise LatexError("d…/d… or ∂…/∂… written with a slash (a derivative, or a quotient of products with d?) "
                         "is not read")


class _Arguments(list):
    """The arguments of a call ``f(a, b)``."""


#: Greek letter → its LaTeX name (ω → omega, Σ → Sigma), from derive's one
#: table; the final sigma ς is read as sigma.
_UNICODE_GREEK = {letter: name for name, letter in GREEK.items()} | {"ς": "sigma"}
