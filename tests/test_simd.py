"""The vectorisable exponential of the one-pass means (derive.descent.simd)
is within 2 ulp of math.exp everywhere, with its infinities, zeros,
subnormals and NaN; the generated mean kernels are vectorised; strided
columns copied chunk by chunk give the per-sample means. Skipped without numba."""
import math
import re
import types

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")

from derive.descent import numba_loop  # noqa: E402
from derive.descent.compiled import loop_source  # noqa: E402
from derive.descent.simd import HELPERS  # noqa: E402
from neuron.problem import build_problem  # noqa: E402
from training_data import data  # noqa: E402


def fresh_module(source: str) -> types.ModuleType:
    """``source`` run as a module compiled here (no disk cache), so numba
    keeps the LLVM IR of what it compiles."""
    module = types.ModuleType("simd_under_test")
    exec(compile(source.replace("cache=True", "cache=False"), "<generated>", "exec"), module.__dict__)
    return module


EXP = fresh_module(f"""import math
import numpy as np
from numba import njit

{HELPERS}

@njit(error_model="numpy")
def exp_all(x, out):
    for i in range(x.shape[0]):
        out[i] = _exp(x[i])
""")


def fast_exp(values) -> np.ndarray:
    x = np.asarray(values, dtype=float)
    out = np.empty_like(x)
    EXP.exp_all(x, out)
    return out


def reference(v: float) -> float:
    """e^v by the C library, with its overflow as +inf."""
    try:
        return math.exp(v)
    except OverflowError:
        return math.inf


def ulps(got: float, expected: float) -> float:
    return abs(got - expected) / math.ulp(expected)


@settings(max_examples=400, deadline=None)
@given(st.floats(-760.0, 720.0))
@example(0.0)
@example(-0.0)
@example(5e-324)
@example(1e-20)
@example(0.5 * math.log(2))  # the edge of the reduced range
@example(-0.5 * math.log(2))
@example(709.782712893384)  # the largest finite e^x
@example(709.7827128933841)  # the smallest overflowing one
@example(-708.3964185322641)  # the smallest normal e^x
@example(-708.4)  # subnormal from here
@example(-744.44)
@example(-745.1332191019411)  # the last non-zero e^x
@example(-745.1332191019412)
@example(-746.0)  # the clamp
@example(710.0)
def test_exp_is_within_two_ulp_of_math_exp(v):
    expected = reference(v)
    (got,) = fast_exp([v])
    if math.isinf(expected) or expected == 0.0:
        assert got == expected
    elif expected < 2.2250738585072014e-308:  # subnormal: rounded once, like the C library
        assert abs(got - expected) <= 5e-324
    else:
        assert ulps(got, expected) <= 2.0


def test_exp_of_the_non_finite_values():
    got = fast_exp([math.inf, -math.inf, math.nan, 1e300, -1e300])
    assert got[0] == math.inf and got[1] == 0.0 and math.isnan(got[2]) and got[3] == math.inf and got[4] == 0.0


def test_exp_on_a_dense_grid_is_within_two_ulp():
    x = np.linspace(-708.0, 709.0, 2_000_003)
    got = fast_exp(x)
    expected = np.exp(x)  # NumPy's own to within an ulp: the bound here is 3
    assert np.max(np.abs(got - expected) / np.spacing(expected)) <= 3.0


@pytest.mark.parametrize("loss", ["logistic", "half-se"])
def test_the_mean_gradient_kernel_is_vectorised(loss):
    """The kernel's loop holds vectors of doubles: it fails if the generated
    source calls math.exp in the loop again, or indexes the columns from
    ``start`` (a possibly negative index, loaded by gathers or one by one)."""
    module = fresh_module(loop_source(build_problem(loss).gradient))
    x = np.linspace(-3, 3, 100)
    module.mean_gradient(0.5, -0.2, x, (x > 0).astype(float))
    ir = "\n".join(module.mean_gradient.inspect_llvm().values())
    assert re.search(r"<\d+ x double>", ir), "the mean gradient's loop was not vectorised"
    assert "@llvm.exp" not in ir and "@exp(" not in ir
    assert "gather" not in ir  # contiguous loads, not one address per lane


@pytest.mark.parametrize("features", [1, 3])
@pytest.mark.parametrize("loss", ["logistic", "half-se"])
def test_strided_columns_in_several_chunks_give_the_per_sample_mean(loss, features, monkeypatch):
    monkeypatch.setattr(numba_loop, "CHUNK_BYTES", 8 * 4 * 1024)  # 1,024 samples a chunk
    samples = 5 * 1024 + 17
    X, y = data(loss, samples, features, seed=features)
    problem = build_problem(loss, features)
    columns = problem.data_columns(X, y)  # columns of a row-major matrix: strided views
    assert features == 1 or not columns[0].flags.c_contiguous
    params = list(np.random.default_rng(1).normal(size=features + 1))
    with np.errstate(all="ignore"):
        expected = [float(np.mean(g)) for g in problem.gradient.numpy(*params, *columns)]
        expected_loss = float(np.mean(problem.objective.loss_numpy(*params, *columns)))
    kernels = problem.objective.compiled
    means, total = kernels.mean_gradient_and_total(params, columns)
    np.testing.assert_allclose(means, expected, rtol=1e-12, atol=1e-13)
    assert total == pytest.approx(float(np.sum(X) + np.sum(y)) / samples, rel=1e-12)
    assert kernels.mean_loss(params, columns) == pytest.approx(expected_loss, rel=1e-12)


def test_only_kernels_that_vectorise_copy_strided_columns(monkeypatch):
    kernels = build_problem("logistic", 3).objective.compiled
    assert kernels._vectorised("mean_gradient")  # σ by _exp: no call per sample
    assert not kernels._vectorised("mean_loss")  # log1p: numba calls it per sample, reading rows is cheaper
    assert not kernels._vectorised("no_such_kernel")
    copies, copyto = [], np.copyto
    monkeypatch.setattr(numba_loop.np, "copyto", lambda *args: copies.append(args) or copyto(*args))
    X, y = data("logistic", 3000, 3, seed=4)
    columns = build_problem("logistic", 3).data_columns(X, y)
    kernels.mean_loss([0.1] * 4, columns)
    assert not copies
    kernels.mean_gradient([0.1] * 4, columns)
    assert copies


def test_a_nan_in_a_late_chunk_makes_the_data_total_nan(monkeypatch):
    monkeypatch.setattr(numba_loop, "CHUNK_BYTES", 8 * 3 * 1024)
    X, y = data("half-se", 4 * 1024, 2, seed=3)
    X[-1, 1] = math.nan
    problem = build_problem("half-se", 2)
    _, total = problem.objective.compiled.mean_gradient_and_total([0.1, 0.2, 0.3], problem.data_columns(X, y))
    assert math.isnan(total)
