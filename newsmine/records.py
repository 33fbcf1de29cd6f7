"""Typed records passed between the stages of the data flow.

fetch -> ``Page``; extract -> ``Article``; nlp -> ``Facts``; classify ->
``Classification``; together they make an ``Analysis``, whose ``to_json()`` is
the ``newsmine analyze --json`` contract of DESIGN.md. Character offsets
(``start``/``end``) always index into ``Article.text``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Page:
    """A fetched or read document, decoded to text."""

    source: str  # what the user gave: URL, path or "-"
    url: str | None  # final URL after redirects (None for local files)
    html: str  # decoded body (HTML, or plain text when ``is_text``)
    is_text: bool = False  # True for .txt/.md input and text/plain responses
    status: int | None = None
    content_type: str | None = None
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None  # ISO 8601, UTC


@dataclass
class Article:
    """Main text and metadata of one article."""

    source: str
    text: str
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO 8601 with offset when known
    modified: str | None = None
    site: str | None = None
    lang: str | None = None


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    assets: list[str] = field(default_factory=list)  # tickers named in the sentence, in order, once each


@dataclass
class Price:
    asset: str
    value: float
    currency: str
    kind: str  # spot, high, low, ath, atl, open, close, level
    sentence: str
    start: int
    end: int
    date: str | None = None  # ISO date the sentence refers to, resolved against Article.published


@dataclass
class Figure:
    kind: str  # percent_change, liquidations, open_interest, funding_rate, volume, etf_flow, basis, market_cap
    value: float
    unit: str  # "USD", "percent", ...
    sentence: str
    start: int
    end: int
    asset: str | None = None
    venue: str | None = None
    side: str | None = None  # long/short for liquidations, in/out for etf_flow
    period: str | None = None
    date: str | None = None  # ISO date the sentence refers to, resolved against Article.published


@dataclass
class ExchangeMention:
    name: str
    mentions: int


@dataclass
class AssetMention:
    symbol: str
    name: str
    mentions: int


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None
    title: str | None = None
    organization: str | None = None


@dataclass
class Facts:
    """What the NLP stage finds in one article's text."""

    sentences: list[Sentence] = field(default_factory=list)
    prices: list[Price] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    exchanges: list[ExchangeMention] = field(default_factory=list)
    assets: list[AssetMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Evidence:
    sentence: str
    score: float
    start: int | None = None
    end: int | None = None


@dataclass
class Narrative:
    label: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Sentiment:
    label: str  # bullish, bearish, neutral, mixed
    score: float


@dataclass
class Stance:
    """An article's market stance toward one asset it discusses (BTC bearish while ETH rallies)."""

    asset: str
    label: str  # bullish, bearish, neutral, mixed
    score: float
    sentences: int  # scored sentences that name the asset


@dataclass
class Classification:
    sentiment: Sentiment
    narratives: list[Narrative] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)


@dataclass
class Analysis:
    """One analysed article: the unit the store saves and ``analyze`` prints."""

    article: Article
    facts: Facts = field(default_factory=Facts)
    classification: Classification | None = None

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md contract, with only finite numbers (strict JSON)."""
        a = self.article
        out: dict[str, Any] = {
            "source": a.source,
            "url": a.url,
            "canonical_url": a.canonical_url,
            "title": a.title,
            "authors": list(a.authors),
            "published": a.published,
            "modified": a.modified,
            "site": a.site,
            "lang": a.lang,
            "text": a.text,
        }
        if self.classification is not None:
            out["sentiment"] = asdict(self.classification.sentiment)
            out["narratives"] = [asdict(n) for n in self.classification.narratives]
            out["stances"] = [asdict(x) for x in self.classification.stances]
        f = self.facts
        out["prices"] = [asdict(p) for p in f.prices]
        out["figures"] = [asdict(x) for x in f.figures]
        out["exchanges"] = [asdict(x) for x in f.exchanges]
        out["assets"] = [asdict(x) for x in f.assets]
        out["quotes"] = [asdict(q) for q in f.quotes]
        return finite(out)


def finite(value: Any) -> Any:
    """Replace NaN and infinities by None, recursively, so JSON stays strict."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value
