"""One way from SymPy expressions to code that runs.

Every generated function of the project comes through here:

- :data:`PRINTERS`: SymPy's own printer for each target (NumPy, plain Python
  ``math``, C99, JAX); the C one writes π and e as numbers (``M_PI`` is not
  C99). σ and log σ print in a form that does not overflow through their own
  printer hooks (:mod:`derive.symbols`), so every printer knows them.
- :func:`common_subexpressions`: the one ``cse`` configuration, with
  temporaries whose names no symbol of the expressions uses; it first writes
  log σ(z) and log(1 − σ(z)) as ``log_sigmoid`` (:func:`code_form`).
- :func:`lambdify`: SymPy's ``lambdify`` with those printers and that ``cse``.
- running what was generated (:func:`run_source`, :func:`load_cached_source`
  for numba, NumPy's namespace) needs no SymPy and lives in
  :mod:`derive.generated`; its names are imported here too.
"""
from __future__ import annotations

import math
from typing import Callable, Iterable, Iterator, Sequence

import sympy as sp
from sympy.printing.c import C99CodePrinter
from sympy.printing.numpy import JaxPrinter, NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from .names import PYTHON_RESERVED, code_name
from .symbols import log_sigmoid, sigmoid

# running generated code needs no SymPy: it lives in derive.generated (names kept here for callers)
from .generated import (GENERATED_NAMESPACE, NUMERIC_ERRORS, cache_directory, forget_cached_source,  # noqa: F401
                        load_cached_source, numba_available, numpy_function, numpy_namespace, run_source)


class CCode(C99CodePrinter):
    """C99 without the POSIX macros ``M_PI``/``M_E``: constants as numbers."""

    def __init__(self, settings: dict | None = None):
        super().__init__({"math_macros": {}, **(settings or {})})

    def _print_Pi(self, expr) -> str:
        return repr(math.pi)

    def _print_Exp1(self, expr) -> str:
        return repr(math.e)


class NumbaCode(PythonCodePrinter):
    """Python for numba (:mod:`derive.descent.compiled`): as the ``math``
    printer, except σ(z), printed with one exponential,
    ``(1.0 if z >= 0 else e)/(1 + e)`` with e = exp(−|z|) written twice (the
    same pure call, which LLVM computes once). The value is the Python
    printer's bit for bit: for z ≥ 0 it has e^min(z,0) = exp(0) = 1.0, and for
    z < 0, e^z with z = −|z| exactly; a NaN z gives NaN in both."""

    printmethod = "_numbacode"

    def __init__(self, settings: dict | None = None):
        super().__init__({"standard": "python3", "fully_qualified_modules": True, **(settings or {})})

    def _print_sigmoid(self, expr) -> str:
        z = self._print(expr.args[0])
        e = f"math.exp(-abs({z}))"
        return f"((1.0 if {z} >= 0 else {e})/(1 + {e}))"

    def _print_log_sigmoid(self, expr) -> str:
        return expr._pythoncode(self)


#: The printer of each target.
PRINTERS: dict[str, type] = {"numpy": NumPyPrinter, "python": PythonCodePrinter, "c": CCode, "jax": JaxPrinter}


def code_form(expr: sp.Expr) -> sp.Expr:
    """``expr`` with log σ(z) and log(1 − σ(z)) written as log_sigmoid(±z),
    whose printed form stays finite where σ rounds to 0 or 1. (The same
    value: only what the printers see changes.)"""
    def stable(arg: sp.Expr) -> sp.Expr:
        if isinstance(arg, sigmoid):
            return log_sigmoid(arg.args[0])
        if isinstance(1 - arg, sigmoid):  # 1 − (1 − σ(z)) evaluates to σ(z)
            return log_sigmoid(-(1 - arg).args[0])
        return sp.log(arg)

    return expr.replace(sp.log, stable) if expr.has(sigmoid) else expr


def temporaries(prefix: str, taken: Iterable[sp.Basic]) -> Iterator[sp.Symbol]:
    """``t0, t1, …`` (real symbols), skipping every name a symbol in ``taken`` has."""
    names = {s.name for e in taken for s in sp.sympify(e).free_symbols}
    i = 0
    while True:
        name = f"{prefix}{i}"
        if name not in names:
            yield sp.Symbol(name, real=True)
        i += 1


def common_subexpressions(exprs: Sequence[sp.Expr], prefix: str = "t",
                          avoid: Iterable[sp.Basic] = ()) -> tuple[list[tuple[sp.Symbol, sp.Expr]], list[sp.Expr]]:
    """``(shared, reduced)``: the subexpressions used more than once, each
    assigned to a temporary, and ``exprs`` written with them. Temporaries
    take no name that a symbol of ``exprs`` or ``avoid`` has."""
    exprs = [code_form(sp.sympify(e)) for e in exprs]
    return sp.cse(exprs, symbols=temporaries(prefix, [*exprs, *avoid]), optimizations="basic")


def _lambdify_cse(exprs):
    return _shaped(exprs, *common_subexpressions(exprs if isinstance(exprs, (list, tuple)) else [exprs]))


def _shaped(exprs, shared: list, reduced: list) -> tuple[list, object]:
    """``(shared, reduced)`` with ``reduced`` in the shape of ``exprs``."""
    if isinstance(exprs, tuple):
        return shared, tuple(reduced)
    if isinstance(exprs, list):
        return shared, list(reduced)
    (single,) = reduced
    return shared, single


_MODULES = {"numpy": numpy_namespace(), "math": "math"}
_LAMBDIFY_PRINTERS = {"numpy": NumPyPrinter, "math": PythonCodePrinter}


def lambdify(args: Sequence[sp.Symbol], exprs, target: str = "numpy",
             common: tuple[list, list] | None = None, order: str | None = None) -> Callable[..., object]:
    """A Python function of positional ``args`` computing ``exprs`` (one
    expression, or a tuple or list of them, returned in that shape).

    ``target`` is ``"numpy"`` (arrays broadcast) or ``"math"`` (plain
    floats, the fast path for one sample). ``common``, if given, is
    ``(shared, reduced)`` already worked out for ``exprs`` (see
    :meth:`derive.Gradient.code`), used instead of running ``cse``.
    ``order="none"`` prints sums in their stored order instead of sorting
    them (sorting a d-term sum costs SymPy O(d²) work)."""
    if target not in _MODULES:
        raise ValueError(f"unknown target {target!r}; choose numpy or math")
    # an argument named like a name of the function's namespace (minimum,
    # min, math) would shadow it inside the function: renamed minimum_, …
    reserved = PYTHON_RESERVED | _namespace_names(target)
    taken = {a.name for a in args}
    plain = {a: sp.Symbol(code_name(a.name, reserved, taken), **a.assumptions0)
             for a in args if a.name in reserved}
    if plain:
        args, exprs = [plain.get(a, a) for a in args], _replaced(exprs, plain)
        if common is not None:
            common = ([(t, e.xreplace(plain)) for t, e in common[0]], [e.xreplace(plain) for e in common[1]])
    cse = _lambdify_cse if common is None else (lambda e: _shaped(e, *common))
    printer = _LAMBDIFY_PRINTERS[target]({"fully_qualified_modules": False, "inline": True,
                                         "allow_unknown_functions": True, "user_functions": {},
                                         "order": order})
    return sp.lambdify(list(args), exprs, modules=_MODULES[target], printer=printer,
                       cse=cse, docstring_limit=0, use_imps=False)


def lambdify_source(args: Sequence[sp.Symbol], exprs, target: str = "numpy",
                    common: tuple[list, list] | None = None, order: str | None = None) -> str:
    """The Python source :func:`lambdify` generates, defining
    ``_lambdifygenerated`` (run it with :func:`function_from_source`)."""
    import inspect

    return inspect.getsource(lambdify(args, exprs, target, common, order))


def function_from_source(source: str, target: str = "numpy") -> Callable[..., object]:
    """The function that :func:`lambdify_source` printed, run in the
    namespace :func:`lambdify` gives it (NumPy's names, or ``math``'s)."""
    from sympy.utilities.lambdify import _get_namespace

    import hashlib
    import linecache

    if target == "numpy":
        return numpy_function(source)
    namespace = dict(_get_namespace("math"))
    filename = f"<derive {target} function {hashlib.sha256(source.encode()).hexdigest()[:16]}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # inspect.getsource reads it
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - our own generated source
    return namespace["_lambdifygenerated"]


def positions_source(values: Sequence[int]) -> str:
    """A Python expression for the tuple of ints ``values``, with each run of
    three or more consecutive values (up or down) printed as ``*range(a, b)``:
    ``(*range(0, 1000), -1)``. Generated code holds argument positions of
    wide models, and Python takes 4 µs a number to compile 1000 of them
    written out, in every process that runs the code."""
    parts, i = [], 0
    while i < len(values):
        j = i + 1
        step = values[j] - values[i] if j < len(values) else 0
        while step in (1, -1) and j + 1 < len(values) and values[j + 1] - values[j] == step:
            j += 1
        if step in (1, -1) and j - i >= 2:  # values[i..j], three or more
            parts.append(f"*range({values[i]}, {values[j] + step}{'' if step == 1 else ', -1'})")
            i = j + 1
        else:
            parts.append(str(values[i]))
            i += 1
    return f"({', '.join(parts)}{',' if len(parts) == 1 else ''})"


def _namespace_names(target: str) -> frozenset[str]:
    """The names lambdify's generated function can see for ``target``."""
    import numpy

    return frozenset(dir(numpy) if target == "numpy" else dir(math))


def _replaced(exprs, mapping: dict):
    """``exprs`` (one expression, a tuple or a list) with ``mapping`` applied."""
    if isinstance(exprs, (list, tuple)):
        return type(exprs)(sp.sympify(e).xreplace(mapping) for e in exprs)
    return sp.sympify(exprs).xreplace(mapping)
