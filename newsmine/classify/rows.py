"""Training rows for the heads: encoded article sentences plus the extra text, with sample weights.

``train`` encodes the corpus once per adapter (the final one and each
out-of-fold one) and fits many heads on the same rows; this module is that
encoding step and the records it returns, so ``train`` reads as the fitting
and calibration it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsmine.classify.data import Labelled
from newsmine.classify.encoder import Encoder, LowerLayers
from newsmine.classify.lexicon import sentiment_features
from newsmine.corpus.training_text import LabelledLine
from newsmine.taxonomy import NARRATIVES

# Sentiment head input, chosen on dev sentence macro-F1 and dev + out-of-fold article accuracy:
# the last two layers plus the price-direction lexicon carried over better than all six layers.
SENTIMENT_LAYERS = (4, 5)
LEXICON_SCALE = 1.0  # lexicon feature size next to the unit-norm embedding blocks


@dataclass
class Extra:
    """Training rows beyond the annotated articles, each with its sample weight.

    Sentiment rows come from the headlines and the sentence bank, narrative rows
    from the bank alone; they join every fit (final and out-of-fold) but are
    never scored, since they have no article to calibrate on.
    """

    sentiment_x: np.ndarray
    sentiment_y: list[str]
    sentiment_w: np.ndarray
    narrative_x: np.ndarray
    narrative_y: np.ndarray
    narrative_w: np.ndarray

    def sentiment_rows(self, xs: np.ndarray, ys: list[str]) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Article sentence features and labels (weight 1) followed by the extra ones with their weights."""
        return np.concatenate([xs, self.sentiment_x]), ys + self.sentiment_y, np.concatenate([np.ones(len(xs)), self.sentiment_w])

    def narrative_rows(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The same for the narrative heads."""
        return np.concatenate([x, self.narrative_x]), np.concatenate([y, self.narrative_y]), np.concatenate([np.ones(len(x)), self.narrative_w])


Encoded = tuple[dict[int, np.ndarray], dict[int, np.ndarray], Extra]


@dataclass(frozen=True)
class ExtraText:
    """The headlines and the sentence bank with their sample weights (the bank alone trains narratives too)."""

    headlines: Sequence[LabelledLine]
    bank: Sequence[LabelledLine]
    headline_weight: float
    bank_weight: float


def narrative_matrix(lines: Sequence[LabelledLine]) -> np.ndarray:
    """(n, len(NARRATIVES)) 0/1: each line's narratives."""
    return np.array([[label in h.narratives for label in NARRATIVES] for h in lines], dtype=np.int8).reshape(-1, len(NARRATIVES))


def line_rows(enc: Encoder, lines: Sequence[LabelledLine], lower: LowerLayers | None = None) -> tuple[np.ndarray, np.ndarray]:
    """All-layer vectors and sentiment features of standalone lines, encoded in their own batches so padding never mixes sets."""
    flat = enc.encode([h.text for h in lines], all_layers=True, lower=lower)
    return flat, sentiment_features(flat, [h.text for h in lines], SENTIMENT_LAYERS, LEXICON_SCALE, enc.dim)


def encode_rows(enc: Encoder, items: Sequence[Labelled], text: ExtraText, lower: LowerLayers | None = None) -> Encoded:
    """All-layer vectors and sentiment features per article (by ``id``), and the extra text's training rows
    (``lower``: lower blocks shared between encoders, see ``LowerLayers``)."""
    flat = enc.encode([s.text for it in items for s in it.scored], all_layers=True, lower=lower)
    vectors, lo = {}, 0
    for it in items:
        vectors[id(it)] = flat[lo : lo + len(it.scored)]
        lo += len(it.scored)
    svectors = {
        id(it): sentiment_features(vectors[id(it)], [s.text for s in it.scored], SENTIMENT_LAYERS, LEXICON_SCALE, enc.dim)
        for it in items
    }

    lines = [*text.headlines, *text.bank]
    hflat, hfeatures = line_rows(enc, text.headlines, lower)
    bflat, bfeatures = line_rows(enc, text.bank, lower)
    rows = Extra(
        np.concatenate([hfeatures, bfeatures]),
        [h.sentiment for h in lines],
        np.array([text.headline_weight] * len(text.headlines) + [text.bank_weight] * len(text.bank), dtype=float),
        bflat,
        narrative_matrix(text.bank),
        np.full(len(text.bank), float(text.bank_weight)),
    )
    return vectors, svectors, rows
