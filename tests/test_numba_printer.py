"""The numba loop's σ, printed with one exponential, is the Python printer's
stable σ bit for bit (so the compiled loop keeps the loop's last digit)."""
import math

import sympy as sp
from hypothesis import example, given
from hypothesis import strategies as st
from sympy.printing.pycode import PythonCodePrinter

from derive.compile import GENERATED_NAMESPACE, NumbaCode
from derive.symbols import log_sigmoid, sigmoid

z = sp.Symbol("z")


def function(printer, expr):
    namespace = dict(GENERATED_NAMESPACE)
    exec(f"def f(z):\n    return {printer.doprint(expr)}\n", namespace)  # our own printed expression
    return namespace["f"]


PYTHON = PythonCodePrinter({"standard": "python3", "fully_qualified_modules": True})
PAIRS = [(function(PYTHON, e), function(NumbaCode(), e)) for e in (sigmoid(z), log_sigmoid(z), sigmoid(3 * z + 1))]


@given(st.floats(allow_nan=True, allow_infinity=True))
@example(0.0)
@example(-0.0)
@example(745.2)  # exp(745.2) overflows: the naive σ would raise
@example(-745.2)
@example(-1000.0)
@example(5e-324)
@example(math.inf)
@example(-math.inf)
@example(math.nan)
def test_numba_sigma_is_the_python_sigma_bit_for_bit(value):
    for python, numba in PAIRS:
        a, b = python(value), numba(value)
        assert (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def test_numba_sigma_has_one_distinct_exponential():
    printed = NumbaCode().doprint(sigmoid(z))
    assert printed.count("math.exp(-abs(z))") == 2 and "min(" not in printed
