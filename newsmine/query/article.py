"""One article with everything extracted from it: the data behind ``newsmine show``."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from newsmine.query.db import Database, QueryError, reader, rows
from newsmine.query.facts import FigureRow, PriceRow, QuoteRow, author_names, figures, prices, quotes


@dataclass
class EvidenceRow:
    sentence: str
    score: float | None
    start: int | None
    end: int | None


@dataclass
class NarrativeRow:
    label: str
    score: float | None
    evidence: list[EvidenceRow] = field(default_factory=list)


@dataclass
class Mention:
    name: str
    mentions: int
    symbol: str | None = None  # assets only
    stance: str | None = None  # assets only: the article's stance toward it, when scored


@dataclass
class ArticleCard:
    id: int
    title: str | None
    url: str | None
    canonical_url: str | None
    source: str
    authors: list[str]
    published: str | None
    published_utc: str | None
    modified: str | None
    site: str | None
    lang: str | None
    text: str
    sentiment: str | None
    sentiment_score: float | None
    narratives: list[NarrativeRow] = field(default_factory=list)
    prices: list[PriceRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    exchanges: list[Mention] = field(default_factory=list)
    assets: list[Mention] = field(default_factory=list)


def _find(conn: sqlite3.Connection, id_or_url: str | int) -> sqlite3.Row:
    key = str(id_or_url).strip()
    if key.isdigit():
        found = rows(conn, "SELECT * FROM articles WHERE id = ?", [int(key)])
    else:
        # One indexed lookup per column, in order of precedence (an OR of the
        # three makes SQLite scan the table).
        found = []
        for column in ("url", "canonical_url", "source"):
            found = found or rows(conn, f"SELECT * FROM articles WHERE {column} = ? ORDER BY id LIMIT 1", [key])
    if not found:
        raise QueryError(f"no article with id or URL {key!r}")
    return found[0]


def article(db: Database, id_or_url: str | int) -> ArticleCard:
    """The article with this id, URL, canonical URL or source, with its facts in text order."""
    with reader(db) as conn:
        row = _find(conn, id_or_url)
        aid = row["id"]
        card = ArticleCard(
            id=aid, title=row["title"], url=row["url"], canonical_url=row["canonical_url"], source=row["source"],
            authors=author_names(row["authors"]), published=row["published_at"], published_utc=row["published_utc"],
            modified=row["modified_at"], site=row["site"], lang=row["lang"], text=row["text"],
            sentiment=row["sentiment"], sentiment_score=row["sentiment_score"],
        )
        tags = rows(conn, "SELECT id, label, score FROM tags WHERE article_id = ? AND kind = 'narrative' "
                          "ORDER BY score DESC, id", [aid])
        for tag in tags:
            evidence = rows(conn, 'SELECT sentence, score, start, "end" FROM evidence WHERE tag_id = ? '
                                  "ORDER BY score DESC, id", [tag["id"]])
            card.narratives.append(NarrativeRow(tag["label"], tag["score"], [EvidenceRow(**dict(e)) for e in evidence]))
        card.exchanges = [Mention(r["name"], r["mentions"]) for r in rows(
            conn, "SELECT name, mentions FROM exchanges WHERE article_id = ? ORDER BY mentions DESC, name", [aid])]
        card.assets = [Mention(r["name"] or r["symbol"], r["mentions"], r["symbol"], r["stance"]) for r in rows(
            conn, "SELECT symbol, name, mentions, stance FROM assets WHERE article_id = ? ORDER BY mentions DESC, symbol",
            [aid])]
        card.prices = _by_offset(prices(conn, article=aid, limit=None))
        card.figures = _by_offset(figures(conn, article=aid, limit=None))
        card.quotes = _by_offset(quotes(conn, article=aid, limit=None))
    return card


def _by_offset(found: list) -> list:
    return sorted(found, key=lambda r: (r.start if r.start is not None else 1 << 62, r.id))
