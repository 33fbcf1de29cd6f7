"""Sentiment and market narratives for articles, from sentence embeddings.

``classify(articles, facts)`` embeds the chosen sentences of every article in
one batch (all-MiniLM-L6-v2 through transformers, mean pooled per layer, see
``encoder``), scores them
with small linear heads trained by ``newsmine train`` (``models/``), and pools
the sentence scores into article-level narratives with evidence and an
article sentiment (``article``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np

from newsmine.classify.article import build
from newsmine.classify.encoder import get_encoder
from newsmine.classify.heads import Heads, default_heads
from newsmine.classify.sentences import Scored, select
from newsmine.errors import InputError
from newsmine.records import Article, Classification, Facts

__all__ = ["classify", "score_sentences"]


def score_sentences(
    groups: Sequence[Sequence[Scored]], heads: Heads, encoder: str | os.PathLike | None = None
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(narrative probs, sentiment probs) per group, encoding all sentences in one batch."""
    texts = [s.text for group in groups for s in group]
    vectors = get_encoder(encoder, heads.adapter).encode(texts, all_layers=True) if texts else np.zeros((0, heads.narr_w.shape[1]), np.float32)
    if vectors.shape[1] != heads.narr_w.shape[1]:
        raise InputError(f"the heads expect {heads.narr_w.shape[1]} features, the encoder gives {vectors.shape[1]}")
    narr, sent = heads.narrative_probs(vectors), heads.sentiment_probs(heads.sentiment_input(vectors, texts))
    out, lo = [], 0
    for group in groups:
        hi = lo + len(group)
        out.append((narr[lo:hi], sent[lo:hi]))
        lo = hi
    return out


def classify(
    articles: Sequence[Article],
    facts: Sequence[Facts] = (),
    *,
    encoder: str | os.PathLike | None = None,
    heads: Heads | None = None,
) -> list[Classification]:
    """Classify a batch of articles; ``facts`` (one per article, or empty) come from the NLP stage.

    ``encoder`` names a local model folder (default: ``$NEWSMINE_ENCODER`` or the
    bundled all-MiniLM-L6-v2); ``heads`` defaults to the committed ``models/``.
    """
    if facts and len(facts) != len(articles):
        raise InputError(f"classify got {len(articles)} articles but {len(facts)} facts")
    heads = heads or default_heads()
    groups = [select(a.title, a.text or "", facts[i] if facts else None) for i, a in enumerate(articles)]
    scores = score_sentences(groups, heads, encoder)
    return [
        build(group, narr, sent, heads.narratives, heads.config) for group, (narr, sent) in zip(groups, scores)
    ]
