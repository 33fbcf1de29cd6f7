"""From sentence scores to an article's narratives and sentiment.

Narratives: an article carries a label when its strongest few sentences do
(mean of the top-k sentence probabilities, so one stray sentence is not enough),
with the NLP stage's high-precision signals able to lift a sentence's score.
Sentiment: a weighted mix of sentence sentiment where the headline and lead
weigh more, with ``mixed`` for strong signals both ways. All settings come from
the heads' JSON, calibrated on dev by ``newsmine train``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from newsmine.classify.sentences import Scored
from newsmine.records import Classification, Evidence, Narrative, Sentiment, Stance

MAX_EVIDENCE = 3
NEUTRAL = Sentiment("neutral", 1.0)
_UP, _DOWN = np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0])  # (bullish, bearish, neutral) certainties


def signal_mask(scored: Sequence[Scored], labels: Sequence[str]) -> np.ndarray:
    """(n, labels) booleans: which sentence carries a signal for which label."""
    return np.array([[label in s.signals for label in labels] for s in scored], dtype=bool).reshape(len(scored), len(labels))


def narrative_scores(probs: np.ndarray, signals: np.ndarray, top_k: int, boost: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Boosted sentence probabilities (n, labels) and article scores (labels,)."""
    if boost is not None:
        probs = np.where(signals, np.maximum(probs, boost), probs)
    if len(probs) == 0:
        return probs, np.zeros(probs.shape[1])
    k = min(top_k, len(probs))
    top = -np.sort(-probs, axis=0)[:k]
    return probs, top.mean(axis=0)


def sentence_weights(scored: Sequence[Scored], params: Mapping[str, Any]) -> np.ndarray:
    """Headline and lead weigh more than the rest of the body."""
    return np.array(
        [
            params["title_weight"] if s.is_title else params["lead_weight"] if s.position < params["lead_n"] else 1.0
            for s in scored
        ]
    )


def sentiment_mix(sent_probs: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean of (bullish, bearish, neutral) sentence probabilities."""
    return (sent_probs * weights[:, None]).sum(axis=0) / weights.sum()


def decide_sentiment(mix: np.ndarray, params: Mapping[str, Any]) -> Sentiment:
    """bullish / bearish / neutral / mixed from the weighted mix."""
    bull, bear, neutral = (float(v) for v in mix)
    if min(bull, bear) >= params["mixed_min"] and abs(bull - bear) <= params["mixed_gap"]:
        return Sentiment("mixed", round(min(1.0, bull + bear), 4))
    if neutral - max(bull, bear) >= params["neutral_margin"]:
        return Sentiment("neutral", round(neutral, 4))
    return Sentiment("bullish", round(bull, 4)) if bull >= bear else Sentiment("bearish", round(bear, 4))


def asset_stances(
    scored: Sequence[Scored], sent_probs: np.ndarray, weights: np.ndarray, params: Mapping[str, Any]
) -> list[Stance]:
    """Each named asset's stance: the article-sentiment rule applied to the sentences that name it.

    The headline counts for the article's main asset (``select`` gives it
    that asset), so the main asset's stance follows the article's lead while
    an asset reported moving the other way further down gets its own label.
    A percent change the NLP stage found for the asset in a sentence speaks
    for that asset more plainly than the sentence's tone ("bitcoin fell 4%
    while ether rose 6%" is bearish for one, bullish for the other).
    Most-discussed assets come first.
    """
    rows: dict[str, list[tuple[np.ndarray, float]]] = {}
    for s, probs, weight in zip(scored, sent_probs, weights):
        for asset in s.assets:
            move = s.moves.get(asset)
            rows.setdefault(asset, []).append((probs if move is None else _UP if move > 0 else _DOWN, weight))
    stances = []
    for asset, pairs in rows.items():
        mix = sentiment_mix(np.array([p for p, _ in pairs]), np.array([w for _, w in pairs]))
        label = decide_sentiment(mix, params)
        stances.append(Stance(asset, label.label, label.score, len(pairs)))
    stances.sort(key=lambda x: -x.sentences)
    return stances


def build(
    scored: Sequence[Scored],
    narr_probs: np.ndarray,
    sent_probs: np.ndarray,
    labels: Sequence[str],
    config: Mapping[str, Any],
) -> Classification:
    """One article's Classification with evidence sentences for every narrative found."""
    if not scored:
        return Classification(sentiment=NEUTRAL)
    agg = config["article"]
    probs, scores = narrative_scores(narr_probs, signal_mask(scored, labels), agg["top_k"], agg["signal_boost"])
    narratives = []
    for j, label in enumerate(labels):
        if scores[j] < agg["thresholds"][label]:
            continue
        order = np.argsort(-probs[:, j], kind="stable")[:MAX_EVIDENCE]
        cut = config["sentence_thresholds"][label]
        evidence = [
            Evidence(scored[i].text, round(float(probs[i, j]), 4), scored[i].start, scored[i].end)
            for rank, i in enumerate(order)
            if rank == 0 or probs[i, j] >= cut
        ]
        narratives.append(Narrative(label, round(float(scores[j]), 4), evidence))
    narratives.sort(key=lambda n: -n.score)
    params = config["sentiment"]
    weights = sentence_weights(scored, params)  # the article's and each asset's mix weigh sentences alike
    sentiment = decide_sentiment(sentiment_mix(sent_probs, weights), params)
    return Classification(sentiment=sentiment, narratives=narratives, stances=asset_stances(scored, sent_probs, weights, params))
