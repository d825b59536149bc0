"""A held-out split of the rows: ``neuron fit --test-size 0.2 --seed 42``.

Written with NumPy alone, so neuron needs no scikit-learn. The test set has
⌈fraction · n⌉ rows, as scikit-learn's ``train_test_split`` counts them; with
``stratify`` each class gets its share of them (largest remainders first, ties
to the class listed first), so both sets hold the classes in about the
proportion of the whole file. Both sets come back in a random order drawn
from ``numpy.random.default_rng(seed)``, as ``train_test_split`` shuffles.

The rows chosen are not scikit-learn's (its generator and tie-breaking are
its own); to train on exactly scikit-learn's split, export the two sets and
pass them as ``DATA.csv`` and ``--test TEST.csv``.
"""
from __future__ import annotations

import math

import numpy as np

from derive.errors import InputError


def held_out_count(samples: int, fraction: float) -> int:
    """How many of ``samples`` rows a ``fraction`` in (0, 1) holds out: ⌈fraction · samples⌉."""
    if not (isinstance(fraction, float) and 0.0 < fraction < 1.0):
        raise InputError(f"--test-size must be a fraction between 0 and 1, such as 0.2; got {fraction!r}")
    count = math.ceil(fraction * samples)
    if count >= samples:
        raise InputError(f"--test-size {fraction:g} of {samples} samples leaves none to train on; "
                         "use a smaller fraction or more data")
    return count


def split_rows(y: np.ndarray, fraction: float, seed: int | None,
               stratify: bool) -> tuple[np.ndarray, np.ndarray]:
    """``(train, test)``: row indices of a random held-out split of ``len(y)`` rows.

    With ``stratify``, y holds class labels and every class is split in the
    same proportion (each class needs at least two rows)."""
    n = len(y)
    count = held_out_count(n, fraction)
    rng = np.random.default_rng(seed)
    if not stratify:
        order = rng.permutation(n)
        return order[count:], order[:count]
    classes, members = np.unique(y, return_inverse=True)
    sizes = np.bincount(members)
    if sizes.min() < 2:
        lonely = classes[int(np.argmin(sizes))]
        raise InputError(f"a stratified split needs at least two rows of every class; class {lonely:g} "
                         "has one: remove that row, or drop --test-size and pass --test TEST.csv")
    shares = _class_shares(sizes, count)
    train, test = [], []
    for label, share in enumerate(shares):
        rows = rng.permutation(np.flatnonzero(members == label))
        test.append(rows[:share])
        train.append(rows[share:])
    return rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))


def _class_shares(sizes: np.ndarray, count: int) -> np.ndarray:
    """``count`` test rows shared among classes of ``sizes`` in proportion:
    each class its whole part, then one more to the largest remainders."""
    exact = sizes * count / sizes.sum()
    shares = np.floor(exact).astype(int)
    remainders = exact - shares
    for label in np.argsort(-remainders, kind="stable")[: count - shares.sum()]:
        shares[label] += 1
    return shares
