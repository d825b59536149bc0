"""Gradient source code for several languages, from SymPy's own printers.

One printer per target over one expression tree: common subexpressions are
pulled out once with ``cse`` and each target only decides how to wrap the
printed lines in a function.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .compile import PRINTERS
from .errors import InputError
from .printer import expression_text

if TYPE_CHECKING:
    from .gradient import Gradient


def emit(g: Gradient, target: str, name: str = "gradient") -> str:
    """Source of a function ``name`` of ``g.names`` returning the gradient
    in ``g.wrt`` order (C: written to the output array ``out``)."""
    if target not in PRINTERS:
        raise InputError(f"unknown target {target!r}; choose one of {', '.join(PRINTERS)}")
    if not name.isidentifier():
        raise InputError(f"the function name {name!r} is not an identifier")
    common, results = g.code()
    printer = PRINTERS[target]()
    if target == "c":
        return _c_function(printer, g, name, common, results)
    return _python_function(printer, g, name, common, results)


def _docstring(g: Gradient) -> str:
    return f"Gradient of {expression_text(g.loss)} with respect to {', '.join(g.wrt)}."


def _python_function(printer, g: Gradient, name: str, common, results) -> str:
    body = [f"    {printer.doprint(s)} = {printer.doprint(e)}" for s, e in common]
    returned = ", ".join(printer.doprint(r) for r in results) + ("," if len(results) == 1 else "")
    imports = [f"import {module}" for module in sorted(printer.module_imports)]
    lines = [
        *imports,
        *([""] * (2 if imports else 0)),
        f"def {name}({', '.join(g.names)}):",
        f'    """{_docstring(g)}"""',
        *body,
        f"    return ({returned})",
    ]
    return "\n".join(lines) + "\n"


def _c_function(printer, g: Gradient, name: str, common, results) -> str:
    params = ", ".join(f"double {n}" for n in g.names)
    body = [f"    const double {printer.doprint(s)} = {printer.doprint(e)};" for s, e in common]
    body += [f"    out[{i}] = {printer.doprint(r)};  /* d/d{p} */" for i, (p, r) in enumerate(zip(g.wrt, results))]
    lines = [
        "#include <math.h>",
        "",
        f"/* {_docstring(g)}",
        f"   Writes {_values(len(g.wrt))} to out, in the order {', '.join(g.wrt)}. */",
        f"void {name}({params}, double *out) {{",
        *body,
        "}",
    ]
    return "\n".join(lines) + "\n"


def _values(n: int) -> str:
    return "1 value" if n == 1 else f"{n} values"
