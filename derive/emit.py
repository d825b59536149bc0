"""Gradient source code for several languages, from SymPy's own printers.

One printer per target over one expression tree: common subexpressions are
pulled out once with ``cse`` and each target only decides how to wrap the
printed lines in a function.

A symbol whose name the target cannot use for an argument (a keyword, a
builtin, a module or a <math.h> name the code calls, C's ``out``:
:data:`derive.names.PYTHON_RESERVED`, :data:`derive.names.C_RESERVED`) is
renamed with a trailing ``_`` in the generated code only (``math`` →
``math_``), and the docstring says so; the argument order stays the same.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import sympy as sp

from .compile import PRINTERS
from .errors import InputError
from .names import C_RESERVED, PYTHON_RESERVED, code_name
from .printer import expression_text

if TYPE_CHECKING:
    from .gradient import Gradient


_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def emit(g: Gradient, target: str, name: str = "gradient") -> str:
    """Source of a function ``name`` of ``g.names`` returning the gradient
    in ``g.wrt`` order (C: written to the output array ``out``)."""
    if target not in PRINTERS:
        raise InputError(f"unknown target {target!r}; choose one of {', '.join(PRINTERS)}")
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
        raise InputError(f"the function name {name!r} is not an ASCII identifier starting with a letter")
    if name in PYTHON_RESERVED or name in C_RESERVED:
        raise InputError(f"the function name {name!r} is a keyword, builtin or library name of Python or C; "
                         "choose another (such as gradient)")
    common, results = g.code()
    renamed = _renamed(g, target, common)
    if renamed:
        common = [(s, e.xreplace(renamed)) for s, e in common]
        results = [r.xreplace(renamed) for r in results]
    args = [renamed.get(a, a).name for a in g.args]
    printer = PRINTERS[target]()
    if target == "c":
        return _c_function(printer, g, name, args, common, results, renamed)
    return _python_function(printer, g, name, args, common, results, renamed)


def _renamed(g: Gradient, target: str, common) -> dict[sp.Symbol, sp.Symbol]:
    """Each argument the target cannot name as it is → its new symbol."""
    reserved = C_RESERVED if target == "c" else PYTHON_RESERVED
    taken = {a.name for a in g.args} | {s.name for s, _ in common}
    renamed = {}
    for a in g.args:
        new = code_name(a.name, reserved, taken)
        if new != a.name:
            taken.add(new)
            renamed[a] = sp.Symbol(new, real=True)
    return renamed


def _docstring(g: Gradient, renamed: dict) -> str:
    text = f"Gradient of {expression_text(g.loss)} with respect to {', '.join(g.wrt)}."
    if renamed:
        text += " Arguments renamed here: " + ", ".join(f"{a.name} as {s.name}" for a, s in renamed.items()) + "."
    return text


def _python_function(printer, g: Gradient, name: str, args: list[str], common, results, renamed) -> str:
    body = [f"    {printer.doprint(s)} = {printer.doprint(e)}" for s, e in common]
    returned = ", ".join(printer.doprint(r) for r in results) + ("," if len(results) == 1 else "")
    imports = [f"import {module}" for module in sorted(printer.module_imports)]
    lines = [
        *imports,
        *([""] * (2 if imports else 0)),
        f"def {name}({', '.join(args)}):",
        f'    """{_docstring(g, renamed)}"""',
        *body,
        f"    return ({returned})",
    ]
    return "\n".join(lines) + "\n"


def _c_function(printer, g: Gradient, name: str, args: list[str], common, results, renamed) -> str:
    params = ", ".join(f"double {n}" for n in args)
    body = [f"    const double {printer.doprint(s)} = {printer.doprint(e)};" for s, e in common]
    body += [f"    out[{i}] = {printer.doprint(r)};  /* d/d{p} */" for i, (p, r) in enumerate(zip(g.wrt, results))]
    lines = [
        "#include <math.h>",
        "",
        f"/* {_docstring(g, renamed)}",
        f"   Writes {_values(len(g.wrt))} to out, in the order {', '.join(g.wrt)}. */",
        f"void {name}({params}, double *out) {{",
        *body,
        "}",
    ]
    return "\n".join(lines) + "\n"


def _values(n: int) -> str:
    return "1 value" if n == 1 else f"{n} values"
