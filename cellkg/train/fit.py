"""Fit the relation scorer: L2 logistic regression (scikit-learn, lbfgs) on the examples, the threshold
chosen by cross-validation over documents, the result rounded so that the same data gives the same bytes.

The threshold maximises the F1 of the final decision (a rule's pair is kept, another pair is kept at the
threshold or above) on out-of-fold probabilities, where each fold leaves out whole documents.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cellkg.extract.learned.scorer import Scorer
from cellkg.train.dataset import Example

C = 1.0  # inverse regularisation strength: few documents, many features
MIN_COUNT = 2  # a feature seen fewer times in the training examples gets no weight
FOLDS = 5
DIGITS = 4  # weights are rounded: the file stays small and retraining reproduces it byte for byte
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(4, 19))  # 0.20 … 0.90


def _vocabulary(data: Sequence[Example]) -> list[str]:
    counts: dict[str, int] = {}
    for example in data:
        for name in example.features:
            counts[name] = counts.get(name, 0) + 1
    return sorted(name for name, count in counts.items() if count >= MIN_COUNT)


def _matrix(data: Sequence[Example], vocabulary: list[str]) -> np.ndarray:
    index = {name: i for i, name in enumerate(vocabulary)}
    matrix = np.zeros((len(data), len(vocabulary)), dtype=np.float64)
    for row, example in enumerate(data):
        for name in example.features:
            if name in index:
                matrix[row, index[name]] = 1.0
    return matrix


def _fit_weights(data: Sequence[Example]) -> tuple[dict[str, float], float]:
    from sklearn.linear_model import LogisticRegression  # training only: extraction never imports scikit-learn

    vocabulary = _vocabulary(data)
    labels = np.array([e.label for e in data], dtype=np.int64)
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=5000, tol=1e-8)
    model.fit(_matrix(data, vocabulary), labels)
    weights = {name: round(float(w), DIGITS) for name, w in zip(vocabulary, model.coef_[0], strict=True)}
    return {k: w for k, w in weights.items() if w != 0.0}, round(float(model.intercept_[0]), DIGITS)


def decision_f1(data: Sequence[Example], probabilities: Sequence[float], threshold: float) -> float:
    tp = fp = fn = 0
    for example, probability in zip(data, probabilities, strict=True):
        kept = example.by_rule or probability >= threshold
        tp += kept and example.label
        fp += kept and not example.label
        fn += not kept and example.label
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _folds(data: Sequence[Example]) -> list[list[int]]:
    docs = sorted({(e.set_name, e.doc_id) for e in data})
    fold_of = {doc: i % FOLDS for i, doc in enumerate(docs)}
    folds: list[list[int]] = [[] for _ in range(FOLDS)]
    for row, example in enumerate(data):
        folds[fold_of[example.set_name, example.doc_id]].append(row)
    return folds


def choose_threshold(data: Sequence[Example]) -> float:
    probabilities = [0.0] * len(data)
    for held in _folds(data):
        held_set = set(held)
        weights, intercept = _fit_weights([e for row, e in enumerate(data) if row not in held_set])
        fold_model = Scorer(weights, intercept, threshold=1.0)
        for row in held:
            probabilities[row] = fold_model.probability(data[row].features)
    return max(THRESHOLDS, key=lambda t: (decision_f1(data, probabilities, t), -t))


def fit(data: Sequence[Example], meta: dict) -> Scorer:
    """The scorer for ``data``; ``meta`` (sets, documents, counts) is written into the model file."""
    weights, intercept = _fit_weights(data)
    threshold = choose_threshold(data)
    positives = sum(e.label for e in data)
    meta = meta | {"examples": len(data), "positives": positives, "C": C, "min_count": MIN_COUNT, "folds": FOLDS}
    return Scorer(weights, intercept, threshold, meta=meta)
