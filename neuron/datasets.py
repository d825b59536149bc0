"""The diabetes data of the book, bundled so training needs no network and
no scikit-learn.

The raw files are scikit-learn's own (origin: Efron, Hastie, Johnstone,
Tibshirani, "Least Angle Regression", Annals of Statistics, 2004); the
scaling repeats scikit-learn's ``load_diabetes`` step by step so the numbers
match to the last bit.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

#: The bundled files, shipped as package data next to this module.
DATA_DIR = Path(__file__).parent / "data"

#: Column names, in order, as scikit-learn gives them.
DIABETES_FEATURES = ("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6")


def load_diabetes(scaled: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """``(X, y)``: X of shape (442, 10), y of shape (442,).

    Scaled (the default), each column of X is centred and divided by its
    standard deviation times √n, exactly as ``sklearn.datasets.load_diabetes``.
    """
    X = _load("diabetes_data_raw.csv.gz")
    y = _load("diabetes_target.csv.gz")
    if scaled:
        mean, std = np.nanmean(X, axis=0), np.nanstd(X, axis=0)
        X -= mean
        X /= std
        X /= X.shape[0] ** 0.5
    return X, y


def _load(filename: str) -> np.ndarray:
    with gzip.open(DATA_DIR / filename, "rt", encoding="utf-8") as text:
        return np.loadtxt(text)
