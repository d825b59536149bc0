"""The general affine proof (derive/descent/affine.py's AffineUpdate, for a loss that is not
f(w·x + b)) against a Hessian worked out by hand, and the curvature of both kinds in small
chunks, with non-finite data and no data at all. Each test names the bug it catches."""
import numpy as np
import pytest

from derive import gradient, parse_expression
from derive.descent.affine import AffineUpdate, LinearAffineUpdate, prove_affine

# ridge: ½(y − w·x − b)² + ½λ·w² with λ = 3, not a loss of the linear model alone
RIDGE = "(y - w*x - b)**2 / 2 + 3*w**2/2"
XS = np.array([0.5, -1.0, 2.0, 1.5, 0.25])
YS = np.array([1.0, 0.0, 3.0, -2.0, 0.5])


def ridge():
    update = prove_affine(gradient(parse_expression(RIDGE), ["w", "b"]))
    assert type(update) is AffineUpdate
    return update


def ridge_hessian(x):
    return np.array([[x * x + 3, x], [x, 1.0]])


def test_the_general_proof_finds_the_hessian_and_the_gradient_at_zero():
    update = ridge()
    assert update.data_names == ("x", "y") and update.size == 2
    H = update.hessians(XS, YS)
    assert H.shape == (5, 2, 2)
    for i, x in enumerate(XS):
        np.testing.assert_allclose(H[i], ridge_hessian(x), rtol=1e-15)


@pytest.mark.parametrize("lr", [0.1, 0.7])
def test_the_general_maps_are_one_step_of_descent(lr):
    """A·θ + c equals θ − lr·∇ℓ(θ) computed by hand: catches I + lr·H, the offset's sign,
    or the augmented row [0 … 0 1] changed."""
    A, c = ridge().maps(XS, YS, lr=lr)
    M = ridge().augmented(XS, YS, lr=lr)
    theta = np.array([0.4, -0.3])
    for i, (x, y) in enumerate(zip(XS, YS)):
        r = y - theta[0] * x - theta[1]
        step = theta - lr * np.array([-r * x + 3 * theta[0], -r])
        np.testing.assert_allclose(A[i] @ theta + c[i], step, rtol=1e-14)
        np.testing.assert_array_equal(M[i, 2], [0.0, 0.0, 1.0])
        np.testing.assert_allclose(M[i, :2, :2], np.eye(2) - lr * ridge_hessian(x), rtol=1e-15)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 1 << 16])
def test_the_curvature_is_the_same_in_any_chunk_size(chunk):
    """The largest eigenvalue over the samples and the mean Hessian: catches a chunk that
    skips samples, a sum divided by the chunk instead of n, or the max over one chunk only."""
    largest, mean = ridge().curvature(XS, YS, chunk=chunk)
    hessians = [ridge_hessian(x) for x in XS]
    assert largest == pytest.approx(max(np.linalg.eigvalsh(h).max() for h in hessians), rel=1e-14)
    np.testing.assert_allclose(mean, np.mean(hessians, axis=0), rtol=1e-14)


def test_the_largest_curvature_may_come_from_the_last_chunk():
    xs = np.array([0.1, 0.2, 0.3, 0.4, 5.0])
    largest, _ = ridge().curvature(xs, np.zeros(5), chunk=2)
    assert largest == pytest.approx(np.linalg.eigvalsh(ridge_hessian(5.0)).max(), rel=1e-14)


def test_a_non_finite_hessian_has_no_curvature():
    assert ridge().curvature(np.array([1.0, np.inf]), np.zeros(2), chunk=1) is None
    assert ridge().curvature(np.array([np.nan, 1.0]), np.zeros(2)) is None


def test_a_loss_without_data_is_one_map():
    """(w − 3)² + (b + 1)²: no data columns, one sample's map (n = 1)."""
    update = prove_affine(gradient(parse_expression("(w - 3)**2 + (b + 1)**2"), ["w", "b"]))
    assert update.data_names == ()
    A, c = update.maps(lr=0.25)
    np.testing.assert_allclose(A, [0.5 * np.eye(2)])
    np.testing.assert_allclose(c, [[1.5, -0.5]])  # θ − 0.25·2(θ − (3, −1)) = ½θ + (1.5, −0.5)
    np.testing.assert_allclose(update.hessians(), [2 * np.eye(2)])
    largest, mean = update.curvature()
    assert largest == pytest.approx(2.0) and np.allclose(mean, 2 * np.eye(2))


def test_the_wrong_number_of_columns_is_refused_by_name():
    with pytest.raises(TypeError, match="takes the data x, y in that order; got 1 arrays"):
        ridge().hessians(XS)
    with pytest.raises(TypeError, match=r"takes the data \(none\) in that order; got 1 arrays"):
        prove_affine(gradient(parse_expression("(w - 3)**2 + b**2"), ["w", "b"])).maps(XS, lr=0.1)


@pytest.mark.parametrize("text", ["(y - w*x - b)**2 + w**4", "(y - w*x - b)**2 * (1 + b**2)",
                                  "exp(w) + (y - b)**2"])
def test_a_loss_whose_hessian_depends_on_the_parameters_is_not_affine(text):
    assert prove_affine(gradient(parse_expression(text), ["w", "b"])) is None


def test_the_linear_models_curvature_in_closed_form_matches_its_hessians():
    """For f(z) of z = w·x + b: largest = max cᵢ‖x̃ᵢ‖², mean = X̃ᵀdiag(c)X̃/n. Catches the bias's
    input taken as 0 or a feature, or the mean divided by the number of parameters."""
    update = prove_affine(gradient(parse_expression("(y - w*x - b)**2"), ["w", "b"]))
    assert isinstance(update, LinearAffineUpdate)
    largest, mean = update.curvature(XS, YS)
    hessians = [2 * np.array([[x * x, x], [x, 1.0]]) for x in XS]
    assert largest == pytest.approx(max(np.linalg.eigvalsh(h).max() for h in hessians), rel=1e-14)
    np.testing.assert_allclose(mean, np.mean(hessians, axis=0), rtol=1e-14)
    np.testing.assert_allclose(update.hessians(XS, YS), hessians, rtol=1e-15)
    assert update.curvature(np.array([np.inf, 1.0]), np.zeros(2)) is None
    largest, mean = update.curvature(np.array([]), np.array([]))
    assert largest == 0.0 and np.array_equal(mean, np.zeros((2, 2)))


def test_the_reprs_name_the_parameters_and_the_hessian():
    assert repr(ridge()).startswith("AffineUpdate(params=(w, b), H=[[x**2 + 3, x], [x, 1]]")
    linear = prove_affine(gradient(parse_expression("(y - w*x - b)**2"), ["w", "b"]))
    assert repr(linear).startswith("LinearAffineUpdate(params=(w, b), H=(2)·x̃x̃ᵀ")
