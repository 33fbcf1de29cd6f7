"""Full-text search (FTS5) over article titles and text, and over quotes and speakers.

The query is FTS5 syntax as the user typed it (words, "phrases", AND/OR/NOT,
prefix*, NEAR), so power users keep full control; a malformed one becomes a
one-line ``QueryError`` that says how to quote it. Snippets come back as plain
text with the matched spans listed separately: the renderer highlights them
without ever parsing markup out of scraped text.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from newsmine.query.db import Database, QueryError, reader
from newsmine.query.filters import Filters

# Marker characters for snippet(): control characters that the sanitiser
# removes anyway, so they cannot be confused with scraped text that survives.
_OPEN, _CLOSE = "\x02", "\x03"
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.DOTALL)
SNIPPET_TOKENS = 24
CANDIDATES = 250  # matches ranked per scope at most: the most recently stored


@dataclass
class SearchHit:
    """One match: an article (``quote_id`` None) or a quote inside an article."""

    kind: str  # "article" or "quote"
    article_id: int
    quote_id: int | None
    title: str | None
    published: str | None
    site: str | None
    url: str | None
    speaker: str | None
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched spans in ``snippet``
    rank: float = 0.0  # bm25: lower is better


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Split a snippet with markers into plain text and the offsets of the marked spans."""
    plain: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = last = 0
    for match in _MARKED.finditer(marked):
        before = marked[last:match.start()]
        plain.append(before)
        pos += len(before)
        plain.append(match[1])
        marks.append((pos, pos + len(match[1])))
        pos += len(match[1])
        last = match.end()
    plain.append(marked[last:])
    return "".join(plain).replace(_OPEN, "").replace(_CLOSE, ""), marks


def _hits(conn: sqlite3.Connection, sql: str, params: list[Any], text: str) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        reason = str(exc).removeprefix("fts5: ")
        raise QueryError(f"cannot search for {text!r}: {reason}; quote words with special characters, "
                         'e.g. "S&P 500" or "bitcoin-etf"') from None


# What each scope selects and joins; ``{snippet}`` is filled per FTS table.
_ARTICLE_COLS = "a.title, a.published_at AS published, a.site, coalesce(a.canonical_url, a.url, a.source) AS url"
SCOPES = {
    "articles": ("articles_fts", f"'article' AS kind, a.id AS article_id, NULL AS quote_id, {_ARTICLE_COLS}, "
                                 "NULL AS speaker", "JOIN articles a ON a.id = f.rowid"),
    "quotes": ("quotes_fts", f"'quote' AS kind, a.id AS article_id, q.id AS quote_id, {_ARTICLE_COLS}, q.speaker",
               "JOIN quotes q ON q.id = f.rowid JOIN articles a ON a.id = q.article_id"),
}


def search(db: Database, text: str, *, scope: str = "all", since: str | None = None, until: str | None = None,
           site: str | None = None, limit: int | None = 20) -> list[SearchHit]:
    """Best matches for ``text``: articles then quotes (``scope``: all, articles or quotes), each by rank.

    Ranking (bm25) costs time per match, and a common word matches most of a
    big database; so ranking runs over the ``CANDIDATES`` most recently stored
    matches (all of them when there are fewer). News readers want recent
    stories first anyway, and the answer stays fast at any size.
    """
    if not text.strip():
        raise QueryError("give something to search for")
    if scope not in ("all", *SCOPES):
        raise QueryError(f"unknown search scope {scope!r}: choose all, articles or quotes")
    f = Filters(since=since, until=until, site=site, limit=limit)
    where, params = f.articles_where()
    extra = "".join(f" AND {w}" for w in where)
    found: list[SearchHit] = []
    with reader(db) as conn:
        for name, (fts, columns, joins) in SCOPES.items():
            if scope not in ("all", name):
                continue
            match = f"FROM {fts} f {joins} WHERE {fts} MATCH ?{extra}"
            newest = _hits(conn, f"SELECT f.rowid {match} ORDER BY f.rowid DESC LIMIT {CANDIDATES}",
                           [text, *params], text)
            floor = newest[-1][0] if len(newest) == CANDIDATES else 0
            snippet = f"snippet({fts}, -1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS})"
            sql = (f"SELECT {columns}, {snippet} AS snippet, f.rank {match} AND f.rowid >= ? "
                   f"ORDER BY f.rank{f.limit_sql()}")
            found += [_hit(r) for r in _hits(conn, sql, [text, *params, floor], text)]
    return found


def _hit(row: sqlite3.Row) -> SearchHit:
    values = dict(row)
    values["snippet"], values["marks"] = unmark(values["snippet"] or "")
    return SearchHit(**values)
