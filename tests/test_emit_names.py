"""Generated code whatever the symbols are called: a symbol named like a
module, builtin, keyword or <math.h> name of the target is renamed in the
code (same argument order), and --name refuses what cannot name a function."""
import ctypes
import math
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from hypothesis import example, given, settings
from hypothesis import strategies as st

from derive import InputError, gradient, parse_expression

#: Names the reader accepts that clash with something in some target.
NASTY = ["math", "numpy", "np", "jax", "out", "int", "min", "max", "sum", "float", "print", "id", "type",
         "double", "void", "char", "static", "fabs", "fmin", "log1p", "pow", "exp2", "INFINITY", "NAN",
         "HUGE_VAL", "M_PI", "main", "minimum", "where", "t0", "z0", "gradient", "x", "w", "b", "y"]

#: The loss: every kind of printed function (σ prints with min/abs/exp).
TEMPLATE = "({A} - ({P}*{B} + {Q}))**2 + sigmoid({P}*{B} + {Q}) + log(1 + {A}**2)*abs({Q})"

needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler")


def nasty_loss(names):
    return parse_expression(TEMPLATE.format(**dict(zip("PQAB", names))))


def by_hand(loss, wrt, point):
    """The gradient evaluated by SymPy itself, at 30 digits."""
    values = {sp.Symbol(n, real=True): v for n, v in point.items()}
    return [float(sp.diff(loss, sp.Symbol(p, real=True)).subs(values).evalf(30)) for p in wrt]


names = st.lists(st.sampled_from(NASTY), min_size=4, max_size=4, unique=True)


@settings(deadline=None, max_examples=30)
@given(names=names, target=st.sampled_from(["python", "numpy"]))
@example(names=["math", "out", "numpy", "np"], target="python")
@example(names=["minimum", "where", "min", "float"], target="numpy")
def test_emitted_python_runs_and_matches_whatever_the_names(names, target):
    loss = nasty_loss(names)
    g = gradient(loss, names[:2])
    point = dict(zip(g.names, [0.5, -1.25, 2.0, 0.75]))
    namespace = {}
    exec(g.source(target), namespace)  # our own generated code
    got = namespace["gradient"](*point.values())
    assert np.allclose(np.asarray(got, dtype=float), by_hand(loss, g.wrt, point), rtol=1e-12)
    assert np.allclose(g.scalar(*point.values()), by_hand(loss, g.wrt, point), rtol=1e-12)
    assert np.allclose(np.asarray(g.numpy(*point.values()), dtype=float), by_hand(loss, g.wrt, point), rtol=1e-12)


@needs_cc
@settings(deadline=None, max_examples=8)
@given(names=names)
@example(names=["out", "double", "INFINITY", "fabs"])
@example(names=["int", "M_PI", "pow", "log1p"])
def test_emitted_c_compiles_strictly_and_matches_whatever_the_names(names):
    loss = nasty_loss(names)
    g = gradient(loss, names[:2])
    directory = Path(tempfile.mkdtemp(prefix="derive-names-"))
    (directory / "g.c").write_text(g.source("c"))
    library = directory / "g.so"
    done = subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-pedantic", "-shared", "-fPIC", "-o",
                           str(library), str(directory / "g.c"), "-lm"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    function = ctypes.CDLL(str(library)).gradient
    function.argtypes = [ctypes.c_double] * len(g.names) + [ctypes.POINTER(ctypes.c_double)]
    point = dict(zip(g.names, [0.5, -1.25, 2.0, 0.75]))
    out = (ctypes.c_double * len(g.wrt))()
    function(*point.values(), out)
    assert list(out) == pytest.approx(by_hand(loss, g.wrt, point), rel=1e-12)


def test_a_renamed_argument_keeps_its_place_and_is_documented():
    g = gradient(parse_expression("(y - (math*x + out))**2"), ["math", "out"])
    python = g.source("python")
    assert "def gradient(math_, out, x, y):" in python and "math as math_" in python
    c = g.source("c")
    assert "void gradient(double math, double out_, double x, double y, double *out)" in c
    assert "out as out_" in c


@pytest.mark.parametrize("name", ["lambda", "sin", "None", "int", "out", "math", "exp", "1st", "ω", "__x", ""])
def test_bad_function_names_are_refused(name):
    g = gradient(parse_expression("(y - w*x)**2"), ["w"])
    for target in ("python", "c"):
        with pytest.raises(InputError):
            g.source(target, name=name)


def test_good_function_names_are_kept():
    g = gradient(parse_expression("(y - w*x)**2"), ["w"])
    assert "def half_se_grad(" in g.source("python", name="half_se_grad")
    assert "void grad2(" in g.source("c", name="grad2")
    assert math.isfinite(g.scalar(1.0, 2.0, 3.0)[0])
