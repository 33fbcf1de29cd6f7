"""Listing queries: prices, figures, quotes, articles and exchanges, filtered and ordered.

Each function mirrors a ``newsmine query`` subcommand and returns plain
dataclasses. Every fact row carries its article (id, title, publication time,
site, URL) and the sentence it came from, so a number always leads back to
its source. Default order is newest article first.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from newsmine.query.db import Database, reader, rows
from newsmine.query.filters import Filters, conditions, order_sql

# The article columns every fact row carries, aliased to the dataclass fields.
_ARTICLE_COLUMNS = ("a.published_at AS published, a.title AS article_title, a.site, "
                    "coalesce(a.canonical_url, a.url, a.source) AS url")
_DATE = ("a.published_utc", True)


@dataclass
class FromArticle:
    """Where a fact row comes from: its id, and its article's id, time, title, site and URL."""

    id: int
    article_id: int
    published: str | None  # as the site wrote it (local offset)
    article_title: str | None
    site: str | None
    url: str | None


@dataclass
class PriceRow(FromArticle):
    asset: str
    value: float
    currency: str | None
    kind: str
    sentence: str | None
    start: int | None
    end: int | None


@dataclass
class FigureRow(FromArticle):
    kind: str
    value: float
    unit: str | None
    asset: str | None
    venue: str | None
    side: str | None
    period: str | None
    sentence: str | None
    start: int | None
    end: int | None


@dataclass
class QuoteRow(FromArticle):
    text: str
    speaker: str | None
    speaker_title: str | None
    organization: str | None
    start: int | None
    end: int | None


@dataclass
class ArticleRow:
    id: int
    title: str | None
    published: str | None
    site: str | None
    url: str | None
    sentiment: str | None
    sentiment_score: float | None
    narratives: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


@dataclass
class ExchangeRow:
    name: str
    articles: int
    mentions: int
    first: str | None  # earliest publication time (UTC) among those articles
    last: str | None


# How many matches make a filter "common": past this, walking articles newest
# first (and stopping at --limit) beats fetching every match and sorting it.
PROBE = 2000
# How many of the largest matching facts a listing by value with a date window tries first.
CANDIDATES = 1000


def _select(db: Database, columns: str, fact: str | None, on_articles: tuple[list[str], list[Any]],
            on_facts: tuple[list[str], list[Any]], order: str, f: Filters, newest_first: bool,
            selective: bool = False, largest_first: bool = False) -> list[sqlite3.Row]:
    """Run a listing, choosing the plan SQLite cannot choose without statistics.

    ``on_articles`` and ``on_facts`` are (conditions, parameters) on ``a`` and
    on the fact table. Selective fact filters (a speaker, a rare venue) are
    best served by their own index, then a sort of the few matches. Common
    ones (BTC prices), and article-level filters, with the default
    newest-first order are best served by walking ``articles_published_utc``
    from the end and stopping at the limit; the unary ``+`` stops SQLite from
    picking another index instead. A bounded count on the fact table alone
    tells the two cases apart; ``selective`` (a speaker name) skips it. A date
    window needs neither: its range index is selective on its own, though in
    a window of PROBE articles or more a listing by value (``largest_first``)
    tries its largest facts first.
    """
    where, params = _and(on_articles, on_facts)
    source = f.source(fact)
    with reader(db) as conn:
        if largest_first and fact and f.limit and (f.lower or f.upper) and _crowded(conn, f):
            found = _largest(conn, columns, fact, (where, params), on_facts, order, f)
            if found is not None:
                return found
        if newest_first and f.limit and not (f.lower or f.upper) and where and not selective:
            walk = True
            if fact and on_facts[0]:
                probe = f"SELECT count(*) FROM (SELECT 1 FROM {fact}{_where(on_facts[0])} LIMIT {PROBE})"
                walk = rows(conn, probe, on_facts[1])[0][0] >= PROBE
            if walk:
                where = [f"+{w}" for w in where]
                source = f.source(fact, articles_first=True)
            elif fact:
                # Sort the matches' ids by date through the narrow (id, published_utc)
                # index, then read the full rows of the page that is shown only.
                alias = fact.split()[1]
                by_date = f"{fact} JOIN articles a INDEXED BY articles_id_published ON a.id = {alias}.article_id"
                page = f"SELECT {alias}.id FROM {by_date}{_where(where)}{order}{f.limit_sql()}"
                return rows(conn, f"SELECT {columns} FROM {source} WHERE {alias}.id IN ({page}){order}", params)
        return rows(conn, f"SELECT {columns} FROM {source}{_where(where)}{order}{f.limit_sql()}", params)


def _largest(conn: sqlite3.Connection, columns: str, fact: str, on_all: tuple[list[str], list[Any]],
             on_facts: tuple[list[str], list[Any]], order: str, f: Filters) -> list[sqlite3.Row] | None:
    """A listing by value, largest first, in a date window, from the largest facts down (None: too few).

    Walking the window reads every article in it (20,000 for a year at
    100,000 articles); the CANDIDATES largest matching facts come from the
    value index without a sort, and when at least ``limit`` of them lie in
    the window they are the answer: every other match ranks below them all.
    """
    alias = fact.split()[1]
    largest = (f"SELECT {alias}.id FROM {fact}{_where(on_facts[0])} "
               f"ORDER BY {alias}.value DESC, {alias}.id DESC LIMIT {CANDIDATES}")
    where = [f"{alias}.id IN ({largest})", *on_all[0]]
    found = rows(conn, f"SELECT {columns} FROM {fact} JOIN articles a ON a.id = {alias}.article_id"
                       f"{_where(where)}{order}{f.limit_sql()}", [*on_facts[1], *on_all[1]])
    return found if len(found) == f.limit else None


def _crowded(conn: sqlite3.Connection, f: Filters) -> bool:
    """Whether the date window holds PROBE articles or more (fewer are quicker to walk than candidates)."""
    where, params = conditions([("published_utc >= ?", f.lower), ("published_utc < ?", f.upper)])
    probe = f"SELECT count(*) FROM (SELECT 1 FROM articles{_where(where)} LIMIT {PROBE})"
    return rows(conn, probe, params)[0][0] >= PROBE


def _newest_first(order: str | None, descending: bool | None) -> bool:
    return (order or "date") == "date" and descending is not False


def _largest_first(order: str | None, descending: bool | None) -> bool:
    return (order or "date").lower() == "value" and descending is not False


def _where(where: list[str]) -> str:
    return f" WHERE {' AND '.join(where)}" if where else ""


def _and(*parts: tuple[list[str], list[Any]]) -> tuple[list[str], list[Any]]:
    """Concatenate (conditions, parameters) pairs, keeping each parameter beside its condition."""
    return [w for ws, _ in parts for w in ws], [p for _, ps in parts for p in ps]


def prices(db: Database, *, order: str | None = None, descending: bool | None = None, **filters: Any) -> list[PriceRow]:
    """Price levels (``asset``, ``kind``, dates, ``site``, ``narrative``, ``sentiment``); order: date|value|asset."""
    f = Filters(**filters)
    f.reject("venue", "speaker", what="prices")
    on_facts = conditions([("p.asset = ?", f.asset), ("p.kind = ?", f.kind)])
    columns = f'p.id, p.article_id, p.asset, p.value, p.currency, p.kind, p.sentence, p.start, p."end", {_ARTICLE_COLUMNS}'
    by = order_sql(order, {"date": _DATE, "value": ("p.value", True), "asset": ("p.asset", False)},
                   "date", descending, "p.id")
    found = _select(db, columns, "prices p", f.articles_where(), on_facts, by, f, _newest_first(order, descending),
                    largest_first=_largest_first(order, descending))
    return [PriceRow(**dict(r)) for r in found]


def figures(db: Database, *, order: str | None = None, descending: bool | None = None,
            **filters: Any) -> list[FigureRow]:
    """Market figures (``kind``, ``asset``, ``venue``, dates, ...); order: date|value|kind."""
    f = Filters(**filters)
    f.reject("speaker", what="figures")
    on_facts = conditions([("x.kind = ?", f.kind), ("x.asset = ?", f.asset), ("x.venue = ?", f.venue)])
    columns = ('x.id, x.article_id, x.kind, x.value, x.unit, x.asset, x.venue, x.side, x.period, x.sentence, '
               f'x.start, x."end", {_ARTICLE_COLUMNS}')
    by = order_sql(order, {"date": _DATE, "value": ("x.value", True), "kind": ("x.kind", False)},
                   "date", descending, "x.id")
    found = _select(db, columns, "figures x", f.articles_where(), on_facts, by, f, _newest_first(order, descending),
                    largest_first=_largest_first(order, descending))
    return [FigureRow(**dict(r)) for r in found]


def speaker_match(name: str) -> str:
    """An FTS5 query for ``name`` in the speaker column: every word, in order, any case.

    Full-text matching lets "lau" find "Jason Lau" and uses the index, where
    ``LIKE '%lau%'`` would scan every quote.
    """
    words = [w for w in name.replace('"', " ").split() if w]
    return "speaker : " + '"' + " ".join(words) + '"'


def quotes(db: Database, *, order: str | None = None, descending: bool | None = None, **filters: Any) -> list[QuoteRow]:
    """Quotations (``speaker`` by name words, ``asset`` named in the article, dates, ...); order: date|speaker."""
    f = Filters(**filters)
    f.reject("venue", "kind", what="quotes")
    speaker = speaker_match(f.speaker) if f.speaker and f.speaker.strip(' "') else None
    on_facts = conditions([("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", speaker)])
    columns = ('q.id, q.article_id, q.text, q.speaker, q.title AS speaker_title, q.organization, q.start, '
               f'q."end", {_ARTICLE_COLUMNS}')
    by = order_sql(order, {"date": _DATE, "speaker": ("q.speaker", False)}, "date", descending, "q.id")
    found = _select(db, columns, "quotes q", f.articles_where(asset_named=True), on_facts, by, f,
                    _newest_first(order, descending), selective=speaker is not None)
    return [QuoteRow(**dict(r)) for r in found]


def articles(db: Database, *, order: str | None = None, descending: bool | None = None,
             **filters: Any) -> list[ArticleRow]:
    """Articles (``asset`` named, ``venue`` named, dates, ``site``, ``narrative``, ``sentiment``).

    order: date|score (sentiment score)|title.
    """
    f = Filters(**filters)
    f.reject("kind", "speaker", what="articles")
    columns = ("a.id, a.title, a.published_at AS published, a.site, coalesce(a.canonical_url, a.url, a.source) "
               "AS url, a.sentiment, a.sentiment_score, a.authors, (SELECT group_concat(label, ',') FROM tags t "
               "WHERE t.article_id = a.id AND t.kind = 'narrative') AS narratives")
    by = order_sql(order, {"date": _DATE, "score": ("a.sentiment_score", True), "title": ("a.title", False)},
                   "date", descending, "a.id")
    found = _select(db, columns, None, f.articles_where(asset_named=True, venue_named=True), ([], []), by, f,
                    _newest_first(order, descending))
    return [ArticleRow(**{**dict(r), "narratives": (r["narratives"] or "").split(",") if r["narratives"] else [],
                          "authors": author_names(r["authors"])}) for r in found]


def author_names(authors: str | None) -> list[str]:
    """The stored JSON author list as strings; a malformed cell reads as no authors rather than failing a query."""
    try:
        names = json.loads(authors or "[]")
    except ValueError:
        return []
    return [str(n) for n in names] if isinstance(names, list) else []


def exchanges(db: Database, *, order: str | None = None, descending: bool | None = None,
              **filters: Any) -> list[ExchangeRow]:
    """Trading venues by the number of articles naming them (``asset``, dates, ...); order: articles|mentions|name."""
    f = Filters(**filters)
    f.reject("kind", "speaker", what="exchanges")
    where, params = _and(f.articles_where(asset_named=True), conditions([("e.name = ?", f.venue)]))
    sql = ("SELECT e.name, count(DISTINCT e.article_id) AS articles, sum(e.mentions) AS mentions, "
           "min(a.published_utc) AS first, max(a.published_utc) AS last "
           f"FROM {f.source('exchanges e', articles_first=not f.venue)}{_where(where)} GROUP BY e.name"
           + order_sql(order, {"articles": ("articles", True), "mentions": ("mentions", True),
                               "name": ("e.name", False)}, "articles", descending, "e.name")
           + f.limit_sql())
    with reader(db) as conn:
        return [ExchangeRow(**dict(r)) for r in rows(conn, sql, params)]
