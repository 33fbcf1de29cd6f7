"""The encoder adapters ``train`` fits, and the out-of-fold predictions it calibrates on.

The final adapter sees every train sentence, so heads over its features
score train articles far too confidently for calibration. Each half of the
train articles is therefore scored through an adapter fitted on the other
half (and the headlines and bank), with heads fitted out of fold as usual.
The two halves' adapters share nothing but their inputs, so they are
fitted side by side (``forked``), and so are their passes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from newsmine.classify import adapter
from newsmine.classify.data import Labelled
from newsmine.classify.encoder import Encoder, LowerLayers
from newsmine.classify.fits import out_of_fold
from newsmine.classify.forked import run_forked
from newsmine.classify.rows import ExtraText, encode_rows, narrative_matrix
from newsmine.taxonomy import NARRATIVES, SENTENCE_SENTIMENTS

ADAPTER_FOLDS = 2  # adapters fitted for the out-of-fold predictions (each costs most of a full adapter fit)

Predictions = list[tuple[np.ndarray, np.ndarray]]  # per article: (narrative probs, sentiment probs) per sentence


def halves(items: Sequence[Labelled]) -> list[list[Labelled]]:
    """For each fold ``f``, the train articles its adapter is fitted on: all but ``f``, ``f + ADAPTER_FOLDS``, ..."""
    return [[it for i, it in enumerate(items) if i % ADAPTER_FOLDS != f] for f in range(ADAPTER_FOLDS)]


def fit_adapters(
    base: Encoder, items: Sequence[Labelled], text: ExtraText, seed: int, epochs: int
) -> tuple[adapter.Adapter, list[adapter.Adapter]]:
    """The final adapter (every train article, on this process's threads) and one per cross-fitting fold ({} when off).

    The final fit computes the frozen blocks' states of every text; the
    folds' fits, whose texts are all among them, then run side by side and
    read those states. (All three side by side on two cores was slower: each
    fold's fit took 4 min 20 s instead of 2 min 35 s.)
    """
    if epochs <= 0:
        return {}, []
    lower = adapter.LowerStates(base.model, base.tokenizer)
    final = fit_adapter(base, items, text, seed, epochs, lower)
    return final, run_forked(lambda seen: fit_adapter(base, seen, text, seed, epochs, lower), halves(items))


def fit_adapter(
    base: Encoder, items: Sequence[Labelled], text: ExtraText, seed: int, epochs: int, lower: adapter.LowerStates | None = None
) -> adapter.Adapter:
    """The adapter fitted on ``items``' sentences, the headlines and the bank ({} when off or nothing to learn from).

    It learns sentence sentiment from all three and narratives from the
    sentences and the bank (headlines carry no narrative gold).
    """
    texts, gold, narratives = _training_set(items, text)
    if epochs <= 0 or len(set(gold)) < 2:
        return {}
    labels = [SENTENCE_SENTIMENTS.index(y) for y in gold]
    return adapter.fit(base.model, base.tokenizer, texts, labels, seed, epochs, narratives, lower=lower)


def _training_set(items: Sequence[Labelled], text: ExtraText) -> tuple[list[str], list[str], np.ndarray]:
    """The adapter's texts, their sentence sentiments and their narratives (a row of -1 for a headline)."""
    lines = [*text.headlines, *text.bank]
    texts = [s.text for it in items for s in it.scored] + [h.text for h in lines]
    gold = [y for it in items for y in it.sentiments] + [h.sentiment for h in lines]
    unknown = np.full((len(text.headlines), len(NARRATIVES)), -1, dtype=np.int8)
    narratives = np.concatenate([*(it.narratives for it in items), unknown, narrative_matrix(text.bank)])
    return texts, gold, narratives


def cross_fitted(
    items: Sequence[Labelled],
    everything: Sequence[Labelled],
    text: ExtraText,
    base: Encoder,
    fold_adapters: Sequence[adapter.Adapter],
    c: tuple[float, float],
    seed: int,
    layers: LowerLayers,
) -> Predictions:
    """Each train article's sentence probabilities through the fold adapter fitted without it, heads fitted out of fold.

    ``layers`` holds the final encoder's lower blocks for ``everything``
    (train then dev, in its batches), so each fold's encoder runs only its
    adapted blocks; the two folds run side by side.
    """

    def fold_pass(f: int) -> Predictions:
        enc = Encoder(base.folder, fold_adapters[f])  # used once: not cached
        vectors, svectors, extra = encode_rows(enc, everything, text, layers)
        predictions = out_of_fold(items, vectors, svectors, *c, seed, extra)
        return [predictions[i] for i in range(f, len(items), ADAPTER_FOLDS)]

    out: Predictions = [(np.zeros(0), np.zeros(0))] * len(items)
    for f, predictions in enumerate(run_forked(fold_pass, range(ADAPTER_FOLDS))):
        for i, prediction in zip(range(f, len(items), ADAPTER_FOLDS), predictions):
            out[i] = prediction
    return out
