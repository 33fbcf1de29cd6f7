"""The heads' fits: L2-regularised, class-balanced logistic regressions on sentence features.

``train`` fits them on the whole train split (over a grid of C) and, for
calibration, on folds of it (``out_of_fold``); both go through here so every
fit is made the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsmine.classify.data import Labelled
from newsmine.classify.heads import Heads
from newsmine.classify.rows import Extra
from newsmine.taxonomy import NARRATIVES, SENTENCE_SENTIMENTS

FOLDS = 5  # out-of-fold train predictions join dev for calibration
ABSENT_BIAS = -8.0  # a label or class the train split never shows is never predicted


def fit_binary(x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    if y.min() == y.max():
        return np.zeros(x.shape[1]), ABSENT_BIAS if y.max() == 0 else -ABSENT_BIAS
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed).fit(x, y, sample_weight=weight)
    return model.coef_[0], float(model.intercept_[0])


def fit_narratives(
    x: np.ndarray, y: np.ndarray, c: float, seed: int, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    pairs = [fit_binary(x, y[:, j], c, seed, weight) for j in range(y.shape[1])]
    return np.stack([w for w, _ in pairs]), np.array([b for _, b in pairs])


def fit_sentiment(
    x: np.ndarray, y: Sequence[str], c: float, seed: int, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    w, b = np.zeros((len(SENTENCE_SENTIMENTS), x.shape[1])), np.full(len(SENTENCE_SENTIMENTS), ABSENT_BIAS)
    present = sorted(set(y))
    if len(present) == 1:
        b[SENTENCE_SENTIMENTS.index(present[0])] = 0.0
        return w, b
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=seed).fit(x, list(y), sample_weight=weight)
    rows = model.coef_ if len(present) > 2 else np.stack([-model.coef_[0] / 2, model.coef_[0] / 2])
    bias = model.intercept_ if len(present) > 2 else np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2])
    for k, cls in enumerate(model.classes_):
        w[SENTENCE_SENTIMENTS.index(cls)], b[SENTENCE_SENTIMENTS.index(cls)] = rows[k], bias[k]
    return w, b


def stack(items: Sequence[Labelled], vectors: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    dim = next(iter(vectors.values())).shape[1]
    x = np.concatenate([vectors[id(it)] for it in items]) if items else np.zeros((0, dim))
    y = np.concatenate([it.narratives for it in items]) if items else np.zeros((0, len(NARRATIVES)))
    return x, y, [s for it in items for s in it.sentiments]


def out_of_fold(
    items: Sequence[Labelled],
    vectors: dict[int, np.ndarray],
    svectors: dict[int, np.ndarray],
    c_narr: float,
    c_sent: float,
    seed: int,
    extra: Extra,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each train article's sentence probabilities from heads fitted on the other folds (by article), ``extra`` joining every fold."""
    out: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0), np.zeros(0))] * len(items)
    folds = min(FOLDS, len(items))
    for k in range(folds):
        rest = [it for i, it in enumerate(items) if i % folds != k]
        if not rest:  # a single train article: no held-out heads possible, score it in-sample
            rest = list(items)
        x_art, y_art, y_sent = stack(rest, vectors)
        x, y_narr, wn = extra.narrative_rows(x_art, y_art)
        xs, ys, ws = extra.sentiment_rows(stack(rest, svectors)[0], y_sent)
        fold = Heads(NARRATIVES, SENTENCE_SENTIMENTS, *fit_narratives(x, y_narr, c_narr, seed, wn), *fit_sentiment(xs, ys, c_sent, seed, ws))
        for i in range(k, len(items), folds):
            out[i] = (fold.narrative_probs(vectors[id(items[i])]), fold.sentiment_probs(svectors[id(items[i])]))
    return out
