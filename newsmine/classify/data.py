"""Gold corpus articles as the classifier sees them: selected sentences with their labels.

Training, calibration and evaluation all go through ``labelled`` so that they
score exactly the sentences ``classify`` would (same selection, same signals),
with facts built from the gold annotations (sentences and figure spans).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsmine.classify.sentences import Scored, select
from newsmine.corpus import GoldArticle
from newsmine.records import Facts, Figure, Sentence
from newsmine.taxonomy import NARRATIVES, SENTENCE_SENTIMENTS


@dataclass
class Labelled:
    """One gold article's scored sentences with gold sentence labels, and its article gold."""

    article: GoldArticle
    scored: list[Scored]
    narratives: np.ndarray  # (n, len(NARRATIVES)) 0/1 gold per scored sentence
    sentiments: list[str]  # gold sentence sentiment per scored sentence


def gold_facts(article: GoldArticle, nlp: Facts | None = None) -> Facts:
    """Facts the NLP stage would give, from the gold: sentence spans and figures located by span.

    With ``nlp`` (the NLP stage's facts on the same text) each gold sentence also
    carries the assets the stage found inside it, and the article its asset
    counts, so per-asset stances can be scored end to end.
    """
    figures = []
    for f in article.gold("figures"):
        start = article.text.find(str(f.get("span", "")))
        if start >= 0 and f.get("kind"):
            end = start + len(str(f["span"]))
            figures.append(Figure(f["kind"], float(f.get("value") or 0), f.get("unit") or "", f["span"], start, end))
    found = nlp.sentences if nlp else []
    sentences = [
        Sentence(s.text, s.start, s.end, list(dict.fromkeys(a for n in found if n.start < s.end and s.start < n.end for a in n.assets)))
        for s in article.sentences
    ]
    return Facts(sentences=sentences, figures=figures, assets=list(nlp.assets) if nlp else [])


def labelled(article: GoldArticle, limit: int | None = None, nlp: Facts | None = None) -> Labelled:
    """The article's selected sentences (headline first) with their gold labels (``nlp``: see ``gold_facts``)."""
    facts = gold_facts(article, nlp)
    scored = select(article.title, article.text, facts, limit) if limit else select(article.title, article.text, facts)
    by_start = {s.start: s for s in article.sentences}
    narr = np.zeros((len(scored), len(NARRATIVES)), dtype=np.int8)
    sents = []
    for i, s in enumerate(scored):
        labels, sentiment = (
            (article.title_narratives, article.title_sentiment) if s.is_title else (by_start[s.start].narratives, by_start[s.start].sentiment)
        )
        narr[i] = [label in labels for label in NARRATIVES]
        sents.append(sentiment if sentiment in SENTENCE_SENTIMENTS else "neutral")
    return Labelled(article, scored, narr, sents)
