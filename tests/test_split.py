"""``neuron.split``: a held-out split with NumPy alone — ⌈fraction · n⌉ test
rows, every row in exactly one set, the same rows for the same seed, and
(stratified) each class held out in its own proportion."""
import math

import numpy as np
import pytest
from hypothesis import example, given, strategies as st

from derive.errors import InputError
from neuron.split import held_out_count, split_rows


def test_a_stratified_split_holds_out_each_class_in_proportion():
    y = np.array([1.0] * 30 + [0.0] * 70)
    train, test = split_rows(y, 0.2, seed=42, stratify=True)
    assert len(test) == 20 and len(train) == 80
    assert (y[test] == 1).sum() == 6 and (y[train] == 1).sum() == 24


def test_every_row_is_in_exactly_one_set():
    y = np.arange(57) % 2
    train, test = split_rows(y.astype(float), 0.3, seed=1, stratify=False)
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(57))


def test_the_same_seed_gives_the_same_split_and_another_seed_another():
    y = (np.arange(200) % 3 == 0).astype(float)
    first, again, other = (split_rows(y, 0.2, seed, True) for seed in (7, 7, 8))
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    assert not np.array_equal(first[1], other[1])


def test_both_sets_come_back_shuffled_not_in_file_order():
    """Per-sample descent in order on rows sorted by class would see one class, then the other."""
    y = np.array([0.0] * 50 + [1.0] * 50)
    train, _ = split_rows(y, 0.2, seed=0, stratify=True)
    assert not np.array_equal(train, np.sort(train))
    assert set(y[train[:20]]) == {0.0, 1.0}


def test_remainders_go_to_the_classes_with_the_largest_ones():
    # 3 test rows among classes of 3, 3 and 4 rows: exact shares 0.9, 0.9, 1.2 → 1, 1, 1
    y = np.array([0.0] * 3 + [1.0] * 3 + [2.0] * 4)
    _, test = split_rows(y, 0.25, seed=0, stratify=True)
    assert sorted(y[test].tolist()) == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("fraction, message", [
    (0.0, "between 0 and 1"), (1.0, "between 0 and 1"), (1.5, "between 0 and 1"), (float("nan"), "between 0 and 1"),
    (0.99, "leaves none to train on"),
])
def test_fractions_that_leave_no_split_are_refused(fraction, message):
    with pytest.raises(InputError, match=message):
        split_rows(np.arange(10.0) % 2, fraction, seed=0, stratify=False)


def test_a_class_of_one_row_cannot_be_stratified():
    with pytest.raises(InputError, match="class 1 has one"):
        split_rows(np.array([0.0, 0.0, 0.0, 1.0]), 0.5, seed=0, stratify=True)


@given(ones=st.integers(2, 60), zeros=st.integers(2, 60), fraction=st.floats(0.05, 0.6), seed=st.integers(0, 2**32))
@example(ones=2, zeros=2, fraction=0.5, seed=0)
@example(ones=2, zeros=60, fraction=0.05, seed=0)
def test_stratified_shares_are_within_one_row_of_the_class_proportion(ones, zeros, fraction, seed):
    y = np.array([1.0] * ones + [0.0] * zeros)
    n = len(y)
    if math.ceil(fraction * n) >= n:
        return
    train, test = split_rows(y, fraction, seed, stratify=True)
    assert len(test) == held_out_count(n, fraction) == math.ceil(fraction * n)
    assert abs((y[test] == 1).sum() - len(test) * ones / n) < 1
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(n))
