"""A saved model's objective rebuilt from stored source (derive/descent/stored.py) and the
linear maps it runs the scan with (affine_maps.py), in this process, against the lecture's
loop written out here and the mean gradient worked out by hand. The warm-start tests run the
same code in fresh processes, where mutation testing cannot see which test reaches it; these
call it directly. Each test names the bug it catches."""
import copy
import math

import numpy as np
import pytest

from derive.descent.methods import train
from derive.descent.objective import objective
from derive.descent.schedule import Schedule
from derive.descent.stored import REQUIRED, StoredObjective, check_parts, stored_parts
from derive.parse import parse_expression

XS = np.array([0.5, -1.0, 2.0, 1.5, 0.25])
YS = np.array([1.0, 0.0, 3.0, -2.0, 0.5])


def derived(text="(y - (w*x + b))**2"):
    return objective(parse_expression(text))


def stored(text="(y - (w*x + b))**2"):
    sym = derived(text)
    return StoredObjective(stored_parts(sym), lambda: sym), sym


def lecture_loop(w, b, lr, epochs):
    """The lecture's per-sample loop for (y − (w·x + b))², written out."""
    history = [(w, b)]
    for _ in range(epochs):
        for x, y in zip(XS, YS):
            r = y - (w * x + b)
            w, b = w + lr * 2 * r * x, b + lr * 2 * r
        history.append((w, b))
    return np.array(history)


@pytest.mark.parametrize("method", ["loop", "scan", "compiled", "auto"])
def test_a_stored_objective_trains_as_the_lectures_loop(method):
    """Catches a stored part swapped (the loop's source, the scalars of the scan, the
    positions of x and the bias) or the parameters in another order."""
    if method == "compiled":
        pytest.importorskip("numba")
    obj, _ = stored()
    got = train(obj, [1.0, 1.0], [XS, YS], Schedule(epochs=4, lr=0.05), method).history
    np.testing.assert_allclose(got, lecture_loop(1.0, 1.0, 0.05, 4), rtol=1e-12, atol=1e-12)


def test_the_stored_linear_maps_are_one_step_of_descent_and_their_hessians_and_curvature():
    """Aᵢθ + cᵢ = θ − lr·∇ℓᵢ(θ) and Hᵢ = 2·x̃x̃ᵀ, by hand, for the maps a stored bundle builds
    (LinearMaps.stored). Catches the positions (which column is w's input) or the bias lost."""
    obj, _ = stored()
    maps = obj.affine
    assert maps.size == 2 and maps.data_names == ("x", "y") and repr(maps) == "LinearMaps(params=(w, b))"
    A, c = maps.maps(XS, YS, lr=0.1)
    theta = np.array([0.4, -0.3])
    for i, (x, y) in enumerate(zip(XS, YS)):
        r = y - theta[0] * x - theta[1]
        np.testing.assert_allclose(A[i] @ theta + c[i], theta - 0.1 * np.array([-2 * r * x, -2 * r]), rtol=1e-14)
    H = maps.hessians(XS, YS)
    for i, x in enumerate(XS):
        np.testing.assert_allclose(H[i], 2 * np.array([[x * x, x], [x, 1.0]]), rtol=1e-15)
    largest, mean = maps.curvature(XS, YS)
    assert largest == pytest.approx(max(2 * (x * x + 1) for x in XS), rel=1e-14)
    np.testing.assert_allclose(mean, 2 * np.array([[np.mean(XS ** 2), np.mean(XS)], [np.mean(XS), 1.0]]), rtol=1e-14)
    with pytest.raises(TypeError, match="takes the data x, y"):
        maps.maps(XS, lr=0.1)


def test_the_curvature_of_no_data_is_zero_and_of_infinite_data_none():
    obj, _ = stored()
    empty = np.array([])
    largest, mean = obj.affine.curvature(empty, empty)
    assert largest == 0.0 and mean.shape == (2, 2)
    assert obj.affine.curvature(np.array([np.inf]), np.array([1.0])) is None


@pytest.mark.filterwarnings("ignore:Mean of empty slice:RuntimeWarning")  # the no-data case's NaN means
def test_the_stored_mean_gradient_is_the_mean_of_the_per_sample_gradients():
    """∂/∂w = mean(−2(y − wx − b)x), ∂/∂b = mean(−2(y − wx − b)) at (0.4, −0.3); the data total is
    the sum of every value. Catches the numba pass and the blocked pass confused, or no-data means."""
    obj, _ = stored()
    w, b = 0.4, -0.3
    r = YS - (w * XS + b)
    means, total = obj.mean_gradient_and_total([w, b], [XS, YS])
    np.testing.assert_allclose(means, [np.mean(-2 * r * XS), np.mean(-2 * r)], rtol=1e-12)
    assert math.isclose(total, XS.sum() + YS.sum(), rel_tol=1e-12) or math.isclose(
        total, (XS.sum() + YS.sum()) / len(XS), rel_tol=1e-12)
    np.testing.assert_allclose(obj.mean_gradient([w, b], [XS, YS]), means, rtol=0)
    empty, zero = obj.mean_gradient_and_total([w, b], [np.array([]), np.array([])])
    assert all(math.isnan(v) for v in empty) and zero == 0.0


def test_the_stored_gradient_reads_names_and_falls_back_to_the_derived_one():
    obj, sym = stored()
    assert obj.gradient.params == ("w", "b") and obj.data_names == ("x", "y")
    assert obj.gradient.wrt == ("w", "b") and repr(obj.gradient) == "StoredGradient(wrt=('w', 'b'))"
    # not stored: the per-sample gradient is the derived one's
    assert obj.gradient.numpy is sym.gradient.numpy
    np.testing.assert_allclose(obj.loss_numpy(0.4, -0.3, XS, YS), (YS - 0.4 * XS + 0.3) ** 2, rtol=1e-14)
    assert obj.symbolic is sym and obj.moments is sym.moments
    assert repr(obj) == "StoredObjective(wrt=('w', 'b'))"
    with pytest.raises(AttributeError):
        obj._nothing_stored_here


def test_stored_parts_keep_what_training_runs():
    """The parts of the squared loss: a linear scan with x as w's input and no input for b,
    the loop's source, the loss's origin text; no per-sample gradient (never on a default path)."""
    parts = stored_parts(derived())
    assert set(REQUIRED) <= set(parts)
    assert parts["params"] == ["w", "b"] and parts["names"] == ["w", "b", "x", "y"]
    assert parts["affine"]["kind"] == "linear" and parts["affine"]["positions"] == [0, None]
    assert parts["gradient"] is None and parts["vectorised"] is False
    assert "def epoch(" in parts["loop"] and "def epoch_checked(" in parts["loop"]
    assert parts["expansion"] is not None and all(isinstance(t, list) for t in parts["expansion"]["terms"])
    check_parts(parts)


def test_a_loss_with_no_affine_step_stores_none_and_a_logistic_loss_is_vectorised():
    parts = stored_parts(derived("log(1 + exp(-y*(w*x + b)))"))
    assert parts["affine"] is None
    check_parts(parts)


def _broken(change):
    parts = copy.deepcopy(stored_parts(derived()))
    change(parts)
    return parts


@pytest.mark.parametrize("change, what", [
    (lambda p: p.pop("loop"), "a part is missing"),
    (lambda p: p.update(params=[]), "params and names"),
    (lambda p: p.update(params=["w", 1]), "params and names"),
    (lambda p: p.update(names=["w", "b"]), "params and names"),
    (lambda p: p.update(names=["b", "w", "x", "y"]), "names start with the params"),
    (lambda p: p.update(loss=None), "loss"),
    (lambda p: p.update(loop=b"x"), "loop"),
    (lambda p: p.update(origin=3), "origin"),
    (lambda p: p.update(gradient=1), "gradient"),
    (lambda p: p.update(compiled=[]), "compiled"),
    (lambda p: p.update(vectorised=1), "vectorised"),
    (lambda p: p.update(affine={"kind": "other"}), "affine"),
    (lambda p: p.update(affine=[]), "affine"),
    (lambda p: p["affine"].update(positions=[0]), "affine positions"),
    (lambda p: p["affine"].update(positions=[2, None]), "affine positions"),
    (lambda p: p["affine"].update(positions=[-1, None]), "affine positions"),
    (lambda p: p["affine"].update(positions=[True, None]), "affine positions"),
    (lambda p: p["affine"].update(positions=(0, None)), "affine positions"),
    (lambda p: p["affine"].update(scalars=None), "affine positions"),
    (lambda p: p["expansion"].update(source=None), "expansion"),
    (lambda p: p["expansion"].update(terms=[[2]]), "expansion"),
    (lambda p: p["expansion"].update(terms=[[-1]]), "expansion"),
    (lambda p: p["expansion"].update(terms=[(0,)]), "expansion"),
    (lambda p: p["expansion"].update(terms=None), "expansion"),
    (lambda p: p.update(expansion=[]), "expansion"),
])
def test_parts_not_of_the_shape_stored_parts_writes_are_refused_saying_which(change, what):
    """One wrong part at a time, each at the edge of its check (index = the number of data
    columns, −1, a bool for an int, a tuple for a list). Catches a check dropped or loosened."""
    with pytest.raises(ValueError, match=f"^stored parts: {what}$"):
        check_parts(_broken(change))
    with pytest.raises(ValueError):
        StoredObjective(_broken(change), derived)


@pytest.mark.parametrize("change", [
    lambda p: p["affine"].update(positions=[1, None]),  # the last data column is still a column
    lambda p: p.update(affine={"kind": "symbolic"}, expansion=None, compiled=None),
])
def test_parts_at_the_edge_of_the_checks_are_taken(change):
    check_parts(_broken(change))


def test_an_affine_step_not_of_the_linear_model_is_stored_as_symbolic_and_taken_from_the_derived():
    """Ridge ½(y − wx − b)² + 3w²/2 is affine but not a loss of the linear model alone: its
    part says "symbolic" and the stored objective asks the derived one for the step. Catches
    another kind written (the bundle would be refused, and re-derived, every time)."""
    ridge = "(y - w*x - b)**2 / 2 + 3*w**2/2"
    parts = stored_parts(derived(ridge))
    assert parts["affine"] == {"kind": "symbolic"}
    check_parts(parts)
    obj, sym = stored(ridge)
    assert obj.affine is sym.affine and obj.affine is not None
