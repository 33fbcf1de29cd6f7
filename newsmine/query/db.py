"""Read-only access to a newsmine database, and the one error queries raise.

Queries never write: the file is opened with SQLite's ``mode=ro`` URI, so a
typo in ``newsmine sql`` (or a bug here) cannot damage what ingest stored. The
one exception is a database written by an older newsmine: it is migrated once
(through ``Store``, the only writer) so that columns such as
``articles.published_utc`` exist.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsmine.errors import NewsmineError
from newsmine.store import SCHEMA_VERSION

# What the API accepts as ``db``: a path, or a connection from ``connect()``
# (reused across calls, as the benchmark and notebooks do).
Database = str | Path | sqlite3.Connection


class QueryError(NewsmineError):
    """A query cannot be answered: missing database, bad filter, malformed search or SQL."""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open ``path`` read-only (migrating an older schema first); rows are ``sqlite3.Row``."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"no database at {path}: run `newsmine ingest` first (or pass --db)")
    conn = _open_ro(path)
    if _version(conn, path) < SCHEMA_VERSION:
        conn.close()
        from newsmine.store import Store, StoreError  # the only writer does the upgrade

        try:
            Store(path).close()
        except StoreError as exc:
            raise QueryError(f"{path} needs a schema upgrade that could not be written: {exc}") from None
        conn = _open_ro(path)
    return conn


def _open_ro(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # No ATTACH: `newsmine sql` may read this database, not open (or create) others.
        conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    except sqlite3.Error as exc:
        raise QueryError(f"cannot open database {path}: {exc}") from None
    conn.row_factory = sqlite3.Row
    return conn


def _version(conn: sqlite3.Connection, path: Path) -> int:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise QueryError(f"{path} is not a newsmine database: {exc}") from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise QueryError(f"{path} was written by a newer newsmine (schema {version}); upgrade newsmine")
    return version


@contextmanager
def reader(db: Database) -> Iterator[sqlite3.Connection]:
    """A connection for one API call: the caller's, or a fresh one closed afterwards."""
    if isinstance(db, sqlite3.Connection):
        yield db
        return
    conn = connect(db)
    try:
        yield conn
    finally:
        conn.close()


def rows(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """Run one statement; SQLite errors become a one-line QueryError."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        raise QueryError(f"query failed: {exc}") from None


@dataclass
class SqlResult:
    """The answer to ``sql()``: column names and rows as plain tuples."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # True when ``limit`` cut the result


def sql(db: Database, query: str, params: tuple[Any, ...] = (), *, limit: int | None = None) -> SqlResult:
    """Run one read-only SQL statement (``newsmine sql``); writes are refused by SQLite itself.

    ``limit`` caps the rows fetched (``truncated`` says whether more were there),
    so ``SELECT * FROM articles`` on a big database stays responsive.
    """
    with reader(db) as conn:
        try:
            cursor = conn.execute(query, params)
            fetched = cursor.fetchmany(limit + 1) if limit else cursor.fetchall()
        except (sqlite3.Error, sqlite3.Warning) as exc:
            raise QueryError(f"SQL error: {exc}") from None
        columns = [d[0] for d in cursor.description or ()]
    truncated = bool(limit) and len(fetched) > limit
    kept = fetched[:limit] if limit else fetched
    return SqlResult(columns, [tuple(r) for r in kept], truncated)
