"""The book's chapter-4 logistic neuron from the command line, as the README
documents it: breast-cancer data exported to CSV with scikit-learn, trained
with w = 1, b = 0, 100 epochs, one sample at a time, in order, and scored on
the held-out rows. Its test accuracy equals a plain loop of the book's
procedure written here."""
import json

import numpy as np
import pytest

from neuron.cli import main
from neuron.split import split_rows

pytest.importorskip("sklearn")


def book_logistic_neuron(X, y, epochs=100):
    """The book's LogisticNeuron: w = 1, b = 0; per sample z = x·w + b
    (clipped below at −100), a = σ(z), w −= x·(a − y), b −= (a − y)."""
    w, b = np.ones(X.shape[1]), 0.0
    for _ in range(epochs):
        for x_i, y_i in zip(X, y):
            z = max(np.sum(x_i * w) + b, -100.0)
            err = -(y_i - 1 / (1 + np.exp(-z)))
            w -= x_i * err
            b -= err
    return w, b


def book_accuracy(X_train, y_train, X_test, y_test):
    w, b = book_logistic_neuron(X_train, y_train)
    return float(np.mean(((X_test @ w + b) > 0) == y_test))


@pytest.fixture(scope="module")
def cancer_files(tmp_path_factory):
    """The README's recipe: the whole data as cancer.csv, and scikit-learn's
    stratified 80/20 split with seed 42 as cancer-train.csv and cancer-test.csv."""
    from sklearn.datasets import load_breast_cancer
    from sklearn.model_selection import train_test_split

    folder = tmp_path_factory.mktemp("cancer")
    d = load_breast_cancer()
    header = ",".join([*d.feature_names, "target"])
    np.savetxt(folder / "cancer.csv", np.c_[d.data, d.target], delimiter=",", header=header, comments="")
    train, test = train_test_split(np.c_[d.data, d.target], stratify=d.target, test_size=0.2, random_state=42)
    np.savetxt(folder / "cancer-train.csv", train, delimiter=",", header=header, comments="")
    np.savetxt(folder / "cancer-test.csv", test, delimiter=",", header=header, comments="")
    return folder, d.data, d.target.astype(float), train, test


def fit(capsys, *argv):
    code = main(["fit", *map(str, argv), "--loss", "logistic", "--init-w", "1", "--init-b", "0", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_scikit_learns_split_from_files_gives_the_books_accuracy(capsys, cancer_files):
    folder, _, _, train, test = cancer_files
    report = fit(capsys, folder / "cancer-train.csv", "--test", folder / "cancer-test.csv")
    expected = book_accuracy(train[:, :-1], train[:, -1], test[:, :-1], test[:, -1])
    assert expected == 0.8245614035087719
    assert report["test"]["accuracy"] == expected
    assert (report["samples"], report["test"]["samples"]) == (455, 114)
    assert report["start"] == {"w": [1.0] * 30, "b": 0.0} and len(report["history"]) == 100


def test_test_size_splits_stratified_and_matches_the_books_loop_on_that_split(capsys, cancer_files):
    folder, X, y, _, _ = cancer_files
    report = fit(capsys, folder / "cancer.csv", "--test-size", "0.2", "--seed", "42")
    train, test = split_rows(y, 0.2, 42, stratify=True)
    assert report["held_out"] == "20% of the rows, stratified, seed 42"
    assert (y[test] == 1).sum() == 72 and (y[train] == 1).sum() == 285  # 357 benign: 80/20 within a row
    assert report["test"]["accuracy"] == book_accuracy(X[train], y[train], X[test], y[test])
