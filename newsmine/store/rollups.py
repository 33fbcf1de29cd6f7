"""Summary roll-ups: per-day, per-month and per-year totals behind ``newsmine summary``.

The all-time dashboard would otherwise read every article and fact row (about
a second at 100,000 articles). Each roll-up table holds, per time bucket and
asset scope, what the dashboard adds up; ``newsmine.query.summary`` combines
whole years, months and days and a scan of partial edge days, so any date window
gives the same answer as a scan of the base rows.

A row's key starts with ``level`` (``'day'``: ``bucket`` is ``YYYY-MM-DD``;
``'month'``: ``YYYY-MM``; ``'year'``: ``YYYY``; an undated article is in
bucket ``''`` at every level) and ``asset`` (``''``: every article; a symbol: the articles that
name it, as ``--asset`` selects them). Every value column is a plain sum, min
or max over the base rows (``ROLLUPS`` says which), so one article's rows can
be merged in, and a bucket can be recomputed from the base rows alone.

Kept exact inside the writing transaction: the store merges a new article's
rows in (``add_article``); before replacing an article's facts it recomputes
the buckets the article is in without it (``remove_article``), then merges
the new rows; deleting an article (any writer, plain SQL too) does the same
in a trigger. A recomputation reads one day of base rows, then adds up that
day's month from its day rows and the year from its month rows. Recomputing
the undated bucket reads every undated article, so replacing undated articles
costs more than dated ones.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import sqlite_utils

LEVELS = {"day": 10, "month": 7, "year": 4}  # level -> length of the published_utc prefix naming its bucket
_BUCKET = "coalesce(substr(a.published_utc, 1, lv.width), '')"
# Articles matching {cond}, once per scope: '' (all) and every symbol they name (UNION: once per symbol).
_FROM = ("(SELECT a.id AS article_id, '' AS asset FROM articles a WHERE {cond} "
         "UNION SELECT x.article_id, x.symbol FROM articles a JOIN assets x ON x.article_id = a.id WHERE {cond}) s "
         "JOIN articles a ON a.id = s.article_id CROSS JOIN ("
         + " UNION ALL ".join(f"SELECT '{level}' AS level, {width} AS width" for level, width in LEVELS.items())
         + ") lv")
_HEAD = f"SELECT lv.level, {_BUCKET} AS bucket, s.asset"
DAYS = "lv.level = 'day'"  # the ``levels`` condition for day rows only


@dataclass(frozen=True)
class Rollup:
    """One roll-up table: its key columns after (level, bucket, asset), and how each value merges."""

    table: str
    keys: tuple[str, ...]
    values: dict[str, str]  # column -> "sum" | "min" | "max" (min/max ignore NULL, as SQL's do)
    select: str  # rows for the articles matching {cond}, levels {levels}, scopes {scopes}

    def sql(self, cond: str = "1", levels: str = "1", scopes: str = "1") -> str:
        """This table's rows computed from the base rows of the articles matching ``cond``."""
        return self.select.format(head=_HEAD, source=_FROM.format(cond=cond),
                                  where=f"({levels}) AND ({scopes})")

    @property
    def columns(self) -> tuple[str, ...]:
        return ("level", "bucket", "asset", *self.keys, *self.values)


ROLLUPS = (
    Rollup("summary_articles", (), {"articles": "sum", "first": "min", "last": "max"},
           "{head}, count(*), min(a.published_utc), max(a.published_utc) FROM {source} WHERE {where} "
           "GROUP BY 1, 2, 3"),
    # Sentiment from the article row (any value); narratives count tag rows (one per article and label).
    Rollup("summary_labels", ("kind", "label"), {"articles": "sum"},
           "{head}, 'sentiment', a.sentiment, count(*) FROM {source} WHERE {where} AND a.sentiment IS NOT NULL "
           "GROUP BY 1, 2, 3, 5 UNION ALL "
           "{head}, 'narrative', t.label, count(*) FROM {source} JOIN tags t ON t.article_id = a.id "
           "WHERE {where} AND t.kind = 'narrative' GROUP BY 1, 2, 3, 5"),
    # Under an asset scope only that asset's prices count (the dashboard's rule).
    Rollup("summary_prices", ("price_asset", "currency"),
           {"mentions": "sum", "low": "min", "high": "max", "last_date": "max"},
           "{head}, p.asset, p.currency, count(*), min(p.value), max(p.value), max(a.published_utc) "
           "FROM {source} JOIN prices p ON p.article_id = a.id WHERE {where} AND (s.asset = '' OR p.asset = s.asset) "
           "GROUP BY 1, 2, 3, 4, 5"),
    # An article lies in one bucket, so distinct-article counts add up across buckets.
    Rollup("summary_exchanges", ("name",), {"articles": "sum", "mentions": "sum", "first": "min", "last": "max"},
           "{head}, e.name, count(DISTINCT e.article_id), sum(e.mentions), min(a.published_utc), "
           "max(a.published_utc) FROM {source} JOIN exchanges e ON e.article_id = a.id WHERE {where} "
           "GROUP BY 1, 2, 3, 4"),
    Rollup("summary_speakers", ("speaker",), {"quotes": "sum", "articles": "sum", "organization": "max"},
           "{head}, q.speaker, count(*), count(DISTINCT q.article_id), max(q.organization) "
           "FROM {source} JOIN quotes q ON q.article_id = a.id WHERE {where} AND q.speaker IS NOT NULL "
           "GROUP BY 1, 2, 3, 4"),
)
BY_TABLE = {r.table: r for r in ROLLUPS}
_TYPES = {"sum": "INTEGER NOT NULL", "min": "", "max": ""}


def _from_finer(r: Rollup, level: str, within: str) -> str:
    """``level``'s rows added up from the next finer level's rows whose bucket meets ``within``."""
    names = list(LEVELS)
    finer = names[names.index(level) - 1]
    keys = "".join(f", {k}" for k in r.keys)
    values = ", ".join(f"{op}({c})" for c, op in r.values.items())
    return (f"INSERT INTO {r.table} ({', '.join(r.columns)}) SELECT '{level}', substr(bucket, 1, {LEVELS[level]}), "
            f"asset{keys}, {values} FROM {r.table} WHERE level = '{finer}' AND {within} GROUP BY 2, asset{keys}")


def _recompute(published: str, without: str) -> list[str]:
    """Statements recomputing the buckets of an article published at ``published`` (SQL), without article ``without``.

    The day from the base rows, then its month from the day rows and its year
    from the month rows: exact, and it reads one day of articles. Only the
    article's own scopes ('' and the symbols it names) can change.
    """
    scopes = f"(SELECT '' UNION SELECT symbol FROM assets WHERE article_id = {without})"
    out = []
    for r in ROLLUPS:
        for level, width in LEVELS.items():
            bucket = f"substr({published}, 1, {width})"  # NULL for an undated article: bucket ''
            out.append(f"DELETE FROM {r.table} WHERE level = '{level}' AND bucket = coalesce({bucket}, '') "
                       f"AND asset IN {scopes}")
            if level == "day":
                cond = (f"a.id <> {without} AND ((a.published_utc >= {bucket} AND a.published_utc < {bucket} || '~') "
                        f"OR ({published} IS NULL AND a.published_utc IS NULL))")
                select = r.sql(cond, levels=DAYS, scopes=f"s.asset IN {scopes}")
                out.append(f"INSERT INTO {r.table} ({', '.join(r.columns)}) {select}")
            else:
                # char(0) sorts after '' and before every dated bucket.
                out.append(_from_finer(r, level, f"bucket >= coalesce({bucket}, '') AND "
                                                 f"bucket < coalesce({bucket} || '~', char(0)) AND asset IN {scopes}"))
    return out


def schema() -> list[str]:
    """Migration statements: the tables and indexes, a back-fill from the stored rows, the delete trigger."""
    out = []
    for r in ROLLUPS:
        columns = ", ".join(["level TEXT NOT NULL", "bucket TEXT NOT NULL", "asset TEXT NOT NULL",
                             *(f"{k} TEXT" for k in r.keys),
                             *(f"{c} {_TYPES[op]}".rstrip() for c, op in r.values.items())])
        out.append(f"CREATE TABLE {r.table} ({columns})")
        # Covering, values included: a window's rows are then one contiguous range of index pages.
        key = ("asset", "level", "bucket", *r.keys, *r.values)
        out.append(f"CREATE INDEX {r.table}_key ON {r.table}({', '.join(key)})")
        out.append(f"INSERT INTO {r.table} ({', '.join(r.columns)}) {r.sql(levels=DAYS)}")
        out.extend(_from_finer(r, level, "1") for level in list(LEVELS)[1:])
    # Before the delete, while the facts still exist: recompute the article's buckets without it.
    body = "; ".join(_recompute("old.published_utc", "old.id"))
    out.append(f"CREATE TRIGGER summary_ad BEFORE DELETE ON articles BEGIN {body}; END")
    return out


def add_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Merge one stored article's rows into the roll-ups (its facts must be written)."""
    for r in ROLLUPS:
        for row in db.execute(r.sql("a.id = :id"), {"id": article_id}).fetchall():
            _merge_row(db.conn, r, row)


def remove_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Recompute the buckets of a stored article as if it were gone (before replacing its facts)."""
    (published,) = db.execute("SELECT published_utc FROM articles WHERE id = ?", [article_id]).fetchone()
    for statement in _recompute(":published", ":without"):
        db.execute(statement, {"published": published, "without": article_id})


def _merge_row(conn: sqlite3.Connection, r: Rollup, row: tuple[Any, ...]) -> None:
    """Merge one computed row into its stored row (``IS``: a NULL currency is a key like any other)."""
    keys = ("level", "bucket", "asset", *r.keys)
    ops = {"sum": "{c} + ?", "min": "coalesce(min({c}, ?), {c}, ?)", "max": "coalesce(max({c}, ?), {c}, ?)"}
    sets, params = [], []
    for column, value in zip(r.values, row[len(keys):]):
        op = r.values[column]
        sets.append(f"{column} = " + ops[op].format(c=column))
        params.extend([value] if op == "sum" else [value, value])
    where = " AND ".join(f"{k} IS ?" for k in keys)
    cursor = conn.execute(f"UPDATE {r.table} SET {', '.join(sets)} WHERE {where}", [*params, *row[:len(keys)]])
    if cursor.rowcount == 0:
        conn.execute(f"INSERT INTO {r.table} ({', '.join(r.columns)}) VALUES ({', '.join('?' * len(row))})",
                     list(row))
