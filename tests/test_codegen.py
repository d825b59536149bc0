"""derive.compile: one way from expressions to code, with σ and log σ that
do not overflow in any target, and C that is plain C99."""
import ctypes
import math
import shutil
import subprocess
import warnings

import numpy as np
import pytest
import sympy as sp

from derive import gradient, losses, parse_expression, symbol
from derive.compile import common_subexpressions, lambdify
from derive.symbols import sigmoid

w, b, x, y = (symbol(n) for n in "wbxy")
LOGISTIC = losses.logistic_cross_entropy()

needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler")


def exact_sigmoid(z: float) -> float:
    """σ(z) from the exact rationals, independent of the code under test."""
    return float(1 / (1 + sp.exp(-sp.Rational(z)))) if z > -700 else math.exp(z)


@pytest.mark.parametrize("z", [-800.0, -40.0, -1.0, 0.0, 2.5, 40.0, 800.0])
def test_the_logistic_scalar_gradient_is_finite_and_right_where_sigma_saturates(z):
    # w = 1, b = 0, x = z: the gradient is x·(σ(z) − y), for y = 1 and y = 0
    g = gradient(LOGISTIC, ["w", "b"])
    for label in (0.0, 1.0):
        dw, db = g.scalar(1.0, 0.0, z, label)
        expected = exact_sigmoid(z) - label
        assert db == pytest.approx(expected, rel=1e-12, abs=1e-300)
        assert dw == pytest.approx(z * expected, rel=1e-12, abs=1e-300)


def test_the_issue_example_does_not_raise_overflow():
    assert gradient(LOGISTIC, ["w", "b"]).scalar(1, 0, -800, 1) == (800.0, -1.0)


def test_sigma_keeps_its_relative_accuracy_far_in_the_tail():
    f = lambdify([x], sigmoid(x), "math")
    assert f(-700.0) == pytest.approx(math.exp(-700.0), rel=1e-12)
    assert f(-30.0) == pytest.approx(math.exp(-30.0) / (1 + math.exp(-30.0)), rel=1e-14)


def test_the_numpy_gradient_of_the_logistic_loss_does_not_warn_at_large_z():
    g = gradient(LOGISTIC, ["w", "b"])
    xs = np.array([-800.0, 800.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dw, db = g(w=1.0, b=0.0, x=xs, y=np.array([1.0, 0.0]))
    np.testing.assert_array_equal(dw, [800.0, 800.0])
    np.testing.assert_array_equal(db, [-1.0, 1.0])


@pytest.mark.parametrize("target", ["math", "numpy"])
def test_log_sigma_is_finite_where_sigma_rounds_to_0_or_1(target):
    # the loss of a confident wrong answer is |z|: log σ(−800) = −800, log(1 − σ(800)) = −800
    loss = lambdify([w, b, x, y], LOGISTIC, target)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert loss(1.0, 0.0, -800.0, 1.0) == pytest.approx(800.0, rel=1e-15)
        assert loss(1.0, 0.0, 800.0, 0.0) == pytest.approx(800.0, rel=1e-15)
        assert loss(1.0, 0.0, 800.0, 1.0) == pytest.approx(0.0, abs=1e-300)
        assert loss(1.0, 0.0, 0.0, 1.0) == pytest.approx(math.log(2), rel=1e-15)


def test_every_sympy_printer_knows_sigma_without_rewriting():
    for printed in (sp.pycode(sigmoid(x)), sp.ccode(sigmoid(x)), sp.printing.numpy.NumPyPrinter().doprint(sigmoid(x))):
        assert "sigmoid" not in printed and "exp(" in printed


@pytest.mark.parametrize("target", ["python", "numpy"])
def test_emitted_python_of_the_logistic_gradient_does_not_overflow(target):
    source = gradient(LOGISTIC, ["w", "b"]).source(target)
    namespace = {}
    exec(compile(source, "<emitted>", "exec"), namespace)  # our own generated code
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert tuple(map(float, namespace["gradient"](1.0, 0.0, -800.0, 1.0))) == (800.0, -1.0)


def compile_c(tmp_path, source, name="gradient"):
    (tmp_path / "g.c").write_text(source)
    library = tmp_path / "g.so"
    result = subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-pedantic", "-shared", "-fPIC", "-o",
                             str(library), str(tmp_path / "g.c"), "-lm"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return getattr(ctypes.CDLL(str(library)), name)


@needs_cc
def test_emitted_c_with_pi_and_e_is_strict_c99(tmp_path):
    g = gradient(parse_expression("pi*(y - (w*x + b))**2 + e*w"), ["w", "b"])
    source = g.source("c")
    assert "M_PI" not in source and "M_E" not in source
    function = compile_c(tmp_path, source)
    function.argtypes = [ctypes.c_double] * 4 + [ctypes.POINTER(ctypes.c_double)]
    out = (ctypes.c_double * 2)()
    function(2.0, 1.0, 3.0, 0.0, out)
    # by hand: d/dw = −2π·x·(y − ŷ) + e, d/db = −2π·(y − ŷ), ŷ = 7
    assert tuple(out) == pytest.approx((42 * math.pi + math.e, 14 * math.pi), rel=1e-15)


@needs_cc
def test_emitted_c_of_the_logistic_gradient_does_not_overflow(tmp_path):
    function = compile_c(tmp_path, gradient(LOGISTIC, ["w", "b"]).source("c"))
    function.argtypes = [ctypes.c_double] * 4 + [ctypes.POINTER(ctypes.c_double)]
    out = (ctypes.c_double * 2)()
    function(1.0, 0.0, -800.0, 1.0, out)
    assert tuple(out) == (800.0, -1.0)


def test_the_c_comment_counts_one_value_in_the_singular():
    source = gradient(parse_expression("(y - w*x)**2"), ["w"]).source("c")
    assert "Writes 1 value to out" in source
    assert "Writes 2 values to out" in gradient(LOGISTIC, ["w", "b"]).source("c")


def test_temporaries_never_take_a_name_the_expressions_use():
    t0, t1 = symbol("t0"), symbol("t1")
    exprs = [(t0 + t1 * w) ** 2 + sp.exp(t0 + t1 * w), (t0 + t1 * w) * w]
    shared, reduced = common_subexpressions(exprs)
    assert shared and all(s.name not in {"t0", "t1"} for s, _ in shared)
    f = lambdify([t0, t1, w], exprs, "math")
    assert f(1.0, 2.0, 3.0) == pytest.approx([49 + math.exp(7), 21])
