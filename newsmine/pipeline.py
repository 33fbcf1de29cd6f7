"""The analysis half of the data flow: Article -> nlp -> classify -> Analysis.

Both ``newsmine analyze`` and ``newsmine ingest`` go through
``analyze_articles`` so that the two commands can never disagree. Stages are
imported here, on first call, so importing newsmine stays cheap; each stage
caches its model, so a process loads spaCy and the encoder once.

Speed: spaCy runs in the calling thread and the sentence encoder in a second
one, on consecutive groups of articles (group k is encoded while group k+1 is
parsed). torch releases the GIL inside its kernels, so on two cores the two
models overlap instead of taking turns; results are the same as running the
stages one after the other, because each group's classification only depends
on that group's facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from newsmine.records import Analysis, Article, Classification, Facts

GROUP = 8  # articles per hand-over: small enough to start encoding early, big enough to batch well


def analyze_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Analyse a batch of articles: facts from spaCy, then sentiment and narratives.

    The classifier reuses the NLP stage's sentence split and its
    high-precision signals (liquidation figures, ETF flows, ...).
    """
    if not articles:
        return []
    from newsmine.classify import classify
    from newsmine.nlp import extract_facts

    groups = [list(articles[i : i + GROUP]) for i in range(0, len(articles), GROUP)]
    if len(groups) == 1:  # nothing to overlap with: skip the thread hand-over
        facts = extract_facts(groups[0])
        return _join(groups[0], facts, classify(groups[0], facts))
    done: list[tuple[list[Article], list[Facts], Future[list[Classification]]]] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsmine-encoder") as encoder:
        for group in groups:
            facts = extract_facts(group)
            done.append((group, facts, encoder.submit(classify, group, facts)))
        return [analysis for group, facts, classes in done for analysis in _join(group, facts, classes.result())]


def _join(articles: Sequence[Article], facts: Sequence[Facts], classes: Sequence[Classification]) -> list[Analysis]:
    return [Analysis(article=a, facts=f, classification=c) for a, f, c in zip(articles, facts, classes)]


def analyze_document(html_or_text: str, *, url: str | None = None, is_text: bool | None = None) -> Analysis:
    """Analyse one HTML page or plain text held in memory (``newsmine.analyze``)."""
    from newsmine.extract import extract
    from newsmine.records import Page

    if is_text is None:
        is_text = "<" not in html_or_text[:2048]
    page = Page(source=url or "<string>", url=url, html=html_or_text, is_text=is_text)
    return analyze_articles([extract(page)])[0]
