"""Issue 2's property tests, written with derive.testing: every generated
gradient (the NumPy function, the scalar fast path and the emitted source)
is the derivative of its loss, by central differences and, where the loss
is analytic, by the complex step."""
import ctypes
import importlib.util
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from derive import gradient, losses, parse_expression
from derive.testing import check_gradient, gradient_cases

#: name → (loss, parameters, analytic?, drawn values for some names, bound on the rest)
LOSSES = {
    "se": (losses.squared_error(), ["w", "b"], True, {}, 10.0),
    "half-se": (losses.half_squared_error(), ["w", "b"], True, {}, 10.0),
    "abs": (losses.absolute_error(), ["w", "b"], False, {}, 10.0),
    # |w·x + b| ≤ 12 keeps 1 − σ well above rounding, so the loss itself is accurate
    "logistic": (losses.logistic_cross_entropy(), ["w", "b"], True, {"y": st.sampled_from([0.0, 1.0])}, 3.0),
    "two-features": (losses.squared_error(losses.linear(2)), ["w_1", "w_2", "b"], True, {}, 10.0),
    # the constants π and e, which C99 has no names for
    "pi-and-e": (parse_expression("pi/2*(y - (w*x + b))**2 + e*w**2"), ["w", "b"], True, {}, 10.0),
}


def draw_point(data, name):
    loss, wrt, _, values, largest = LOSSES[name]
    g = gradient(loss, wrt)
    point = data.draw(gradient_cases(g.names, largest=largest, values=values), label="point")
    if name == "abs":  # away from the kink at y = ŷ, where there is no derivative
        assume(abs(point["y"] - (point["w"] * point["x"] + point["b"])) > 1e-2)
    return loss, g, point


def methods(name):
    return ["central", "complex"] if LOSSES[name][2] else ["central"]


def scalar_path(g):
    return lambda **point: g.scalar(*[point[n] for n in g.names])


@pytest.mark.parametrize("name", LOSSES)
@given(data=st.data())
def test_the_numpy_function_is_the_derivative(name, data):
    loss, g, point = draw_point(data, name)
    for method in methods(name):
        check_gradient(loss, g, point, g.wrt, method=method)


@pytest.mark.parametrize("name", LOSSES)
@given(data=st.data())
def test_the_scalar_fast_path_is_the_derivative(name, data):
    loss, g, point = draw_point(data, name)
    for method in methods(name):
        check_gradient(loss, scalar_path(g), point, g.wrt, method=method)


@pytest.mark.parametrize("name", ["half-se", "logistic"])
@given(data=st.data())
def test_the_numpy_function_is_the_derivative_per_sample_on_arrays(name, data):
    loss, wrt, _, values, largest = LOSSES[name]
    g = gradient(loss, wrt)
    point = data.draw(gradient_cases(wrt, data=["x", "y"], largest=largest, values=values))
    check_gradient(loss, g, point, g.wrt)


# --- emitted source ---------------------------------------------------------------------------------------------------

def python_source_function(g, target):
    source = g.source(target)
    namespace = {}
    exec(compile(source, f"<derive {target} source>", "exec"), namespace)  # our own generated code
    function = namespace["gradient"]
    assert function.__code__.co_varnames[: function.__code__.co_argcount] == g.names
    return function


@pytest.mark.parametrize("target", ["numpy", "python"])
@pytest.mark.parametrize("name", LOSSES)
@given(data=st.data())
def test_emitted_python_source_agrees_with_the_generated_function(name, target, data):
    loss, g, point = draw_point(data, name)
    emitted = python_source_function(g, target)
    result = emitted(**point)
    assert isinstance(result, tuple) and len(result) == len(g.wrt)
    np.testing.assert_allclose(result, g(**point), rtol=1e-12, atol=1e-300)
    check_gradient(loss, emitted, point, g.wrt, method=methods(name)[-1])


@lru_cache(maxsize=None)
def compiled_c_gradient(name):
    """The emitted C for one loss, compiled as strict C99 (any warning fails)
    and loaded with ctypes, as a function of the point by name."""
    loss, wrt, *_ = LOSSES[name]
    g = gradient(loss, wrt)
    source = g.source("c")
    directory = Path(tempfile.mkdtemp(prefix="derive-c-"))
    (directory / "gradient.c").write_text(source)
    library = directory / "gradient.so"
    subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-pedantic", "-shared", "-fPIC", "-O2", "-o", str(library), str(directory / "gradient.c"), "-lm"],
                   check=True, capture_output=True)
    function = ctypes.CDLL(str(library)).gradient
    function.argtypes = [ctypes.c_double] * len(g.names) + [ctypes.POINTER(ctypes.c_double)]
    function.restype = None

    def c_gradient(**point):
        out = (ctypes.c_double * len(g.wrt))()
        function(*[point[n] for n in g.names], out)
        return tuple(out)

    return source, c_gradient


needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler")


@needs_cc
def test_emitted_c_has_the_lecture_signature():
    source, _ = compiled_c_gradient("half-se")
    assert re.search(r"void gradient\(double w, double b, double x, double y, double \*out\)", source)


@needs_cc
@pytest.mark.parametrize("name", LOSSES)
@given(data=st.data())
def test_emitted_c_agrees_with_the_generated_function(name, data):
    loss, g, point = draw_point(data, name)
    _, c_gradient = compiled_c_gradient(name)
    np.testing.assert_allclose(c_gradient(**point), g(**point), rtol=1e-12, atol=1e-300)
    check_gradient(loss, c_gradient, point, g.wrt, method=methods(name)[-1])


@pytest.mark.skipif(importlib.util.find_spec("jax") is None, reason="jax is not installed")
@pytest.mark.parametrize("name", LOSSES)
def test_emitted_jax_source_agrees_with_the_generated_function(name):
    import jax

    jax.config.update("jax_enable_x64", True)
    loss, wrt, *_ = LOSSES[name]
    g = gradient(loss, wrt)
    emitted = python_source_function(g, "jax")
    point = {n: 0.5 + 0.25 * i for i, n in enumerate(g.names)}
    if name == "logistic":
        point["y"] = 1.0
    np.testing.assert_allclose([float(v) for v in emitted(**point)], g(**point), rtol=1e-12)
    check_gradient(loss, emitted, point, g.wrt, method="central")
