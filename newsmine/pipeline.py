"""The analysis half of the data flow: Article -> nlp -> classify -> Analysis.

Both ``newsmine analyze`` and ``newsmine ingest`` go through
``analyze_articles`` so that the two commands can never disagree. Stages are
imported here, on first call, so importing newsmine stays cheap; each stage
caches its model, so a process loads spaCy and the encoder once.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmine.records import Analysis, Article


def analyze_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Analyse a batch of articles: facts from spaCy, then sentiment and narratives.

    The classifier reuses the NLP stage's sentence split and its
    high-precision signals (liquidation figures, ETF flows, ...).
    """
    if not articles:
        return []
    from newsmine.classify import classify
    from newsmine.nlp import extract_facts

    facts = extract_facts(articles)
    classes = classify(articles, facts)
    return [Analysis(article=a, facts=f, classification=c) for a, f, c in zip(articles, facts, classes)]


def analyze_document(html_or_text: str, *, url: str | None = None, is_text: bool | None = None) -> Analysis:
    """Analyse one HTML page or plain text held in memory (``newsmine.analyze``)."""
    from newsmine.extract import extract
    from newsmine.records import Page

    if is_text is None:
        is_text = "<" not in html_or_text[:2048]
    page = Page(source=url or "<string>", url=url, html=html_or_text, is_text=is_text)
    return analyze_articles([extract(page)])[0]
