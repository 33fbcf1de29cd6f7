"""``Store``: saves analysed articles into SQLite, one transaction per article.

The store is the only place that writes the database, and it is meant to be
used by a single writer (``newsmine ingest`` funnels every save through one
thread). Readers can run alongside thanks to WAL mode.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from newsmine.errors import NewsmineError
from newsmine.records import Analysis, Article, Page
from newsmine.store.rollups import add_article, remove_article
from newsmine.store.schema import FACT_TABLES, SCHEMA_VERSION, migrate

SaveStatus = Literal["new", "updated", "unchanged"]

BUSY_TIMEOUT_MS = 10_000  # a reader holding the file briefly must not fail a save


class StoreError(NewsmineError):
    """The database cannot be opened or written; nothing partial was stored."""


def utc_now() -> str:
    """Now, ISO 8601 UTC to the second: the one timestamp format the store writes."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def content_hash(article: Article) -> str:
    """SHA-256 of the whitespace-normalised title and text.

    Whitespace is normalised so that a re-render of the same story (new
    indentation, other line breaks) counts as unchanged.
    """
    title = " ".join((article.title or "").split())
    text = " ".join(article.text.split())
    return hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()


def _num(value: float | None) -> float | None:
    """SQLite stores NaN as NULL silently; make that explicit (and infinities too)."""
    return value if value is None or math.isfinite(value) else None


class _Sentences:
    """Maps a character span to the id of the stored sentence that contains it."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.rows: list[tuple[int, int, int]] = []  # (start, end, id), sorted by start
        self.by_text: dict[str, int] = {}

    def add(self, start: int, end: int, text: str, sentence_id: int) -> None:
        index = bisect.bisect(self.starts, start)
        self.starts.insert(index, start)
        self.rows.insert(index, (start, end, sentence_id))
        self.by_text.setdefault(" ".join(text.split()), sentence_id)

    def find(self, start: int | None, end: int | None, text: str | None = None) -> int | None:
        if start is not None and end is not None:
            index = bisect.bisect(self.starts, start) - 1
            if index >= 0:
                s_start, s_end, sentence_id = self.rows[index]
                if s_start <= start and end <= s_end:
                    return sentence_id
            return None
        # Evidence may come without offsets: fall back to the sentence text.
        return self.by_text.get(" ".join(text.split())) if text else None


class Store:
    """A newsmine SQLite database file (created and migrated on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            conn = sqlite3.connect(str(self.path))
            self.db = sqlite_utils.Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._use_wal()
            # In WAL mode NORMAL never corrupts and keeps every commit atomic; it
            # only skips an fsync per commit (a power cut may lose the last saves).
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if self.version != SCHEMA_VERSION:
                with self._write():  # two processes opening a new file must not both create it
                    self.version = migrate(self.db)
        except (sqlite3.Error, ValueError, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from None

    def _use_wal(self) -> None:
        """Put the file in WAL mode (once: the mode is stored in the file).

        The switch needs the file to itself, and two processes that open a new
        file at once can each hold a read lock while asking for that, which
        SQLite answers with "database is locked" at once, without the busy
        timeout. So the mode is read first (after the first open there is
        nothing to do) and the switch is retried within ``BUSY_TIMEOUT_MS``;
        another process finishing it meanwhile counts as done.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.01
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                    return
                if self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            if time.monotonic() > deadline:
                raise sqlite3.OperationalError("database is locked (could not switch it to WAL mode)")
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    @contextmanager
    def _write(self) -> Iterator[None]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred transaction would read first and then fail to upgrade (busy,
        with no wait) when another process wrote meanwhile; worse, two ingests
        could both find an article missing and both insert it. Taking the lock
        first makes the identity check and the write one atomic step; other
        writers wait up to ``BUSY_TIMEOUT_MS``. sqlite-utils' nested
        ``atomic()`` blocks become savepoints inside it.
        """
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def save(self, analysis: Analysis, page: Page | None = None) -> SaveStatus:
        """Store one article with all its facts, atomically.

        Identity is the canonical URL, then the URL, then the content hash. A
        known article with the same content is ``"unchanged"`` (only its HTTP
        validators are refreshed); with new content it is ``"updated"`` in
        place: same id, fact rows replaced. Any error rolls the whole article
        back, leaving rows stored before intact, and raises ``StoreError``.
        """
        article = analysis.article
        digest = content_hash(article)
        row = self._article_row(analysis, page, digest)
        try:
            with self._write():
                found = self._find(article, digest)
                if found is None:
                    article_id = self._insert("articles", row)
                    status: SaveStatus = "new"
                elif found["content_hash"] == digest:
                    self._refresh_validators(found, row)
                    return "unchanged"
                else:
                    article_id = found["id"]
                    # The summary roll-ups of the buckets it leaves, recomputed without it.
                    remove_article(self.db, article_id)
                    row["url"] = found["url"] or row["url"]  # the stored identity stays put
                    self._update("articles", article_id, row)
                    for table in FACT_TABLES[::-1]:  # sentences last: facts point to them
                        self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                    status = "updated"
                self._write_facts(article_id, analysis)
                add_article(self.db, article_id)
        except sqlite3.Error as exc:
            where = article.url or article.source
            raise StoreError(f"could not store {where}: {exc}") from None
        return status

    def unchanged(self, article: Article, page: Page | None = None) -> bool:
        """True when ``article`` is already stored with this content (validators refreshed).

        Lets ingest skip analysing what it would only find ``"unchanged"``.
        """
        digest = content_hash(article)
        try:
            with self._write():
                found = self._find(article, digest)
                if found is None or found["content_hash"] != digest:
                    return False
                row = {"url": page.url, "etag": page.etag, "last_modified": page.last_modified,
                       "fetched_at": page.fetched_at} if page else {}
                self._refresh_validators(found, row)
                return True
        except sqlite3.Error as exc:
            raise StoreError(f"could not read {article.url or article.source}: {exc}") from None

    def log_fetch(
        self,
        url: str,
        outcome: str,
        *,
        status: int | None = None,
        reason: str | None = None,
        elapsed: float | None = None,
    ) -> None:
        """Record one fetch attempt or input (its own small transaction)."""
        row = {"url": url, "time": utc_now(), "status": status, "outcome": outcome,
               "reason": reason, "elapsed": _num(elapsed)}
        try:
            with self._write():
                self._insert("fetch_log", row)
        except sqlite3.Error as exc:
            raise StoreError(f"could not write the fetch log: {exc}") from None

    # -- reading -----------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """``(etag, last_modified)`` of the stored article at ``url``, for conditional GET."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM articles WHERE url = ? OR canonical_url = ? "
            "ORDER BY url = ? DESC LIMIT 1",
            [url, url, url],
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def counts(self) -> dict[str, int]:
        """Row count of every table (FTS shadow tables excluded)."""
        tables = ("articles", "fetch_log", *FACT_TABLES, "evidence")
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    # -- internals ---------------------------------------------------------

    def _find(self, article: Article, digest: str) -> dict[str, Any] | None:
        lookups: list[tuple[str, list[Any]]] = []
        for url in (article.canonical_url, article.url):
            if url:
                lookups.append(("url = ? OR canonical_url = ?", [url, url]))
        lookups.append(("content_hash = ?", [digest]))
        for where, params in lookups:
            cursor = self.db.execute(
                f"SELECT id, url, content_hash FROM articles WHERE {where} ORDER BY id LIMIT 1", params
            )
            found = cursor.fetchone()
            if found:
                return dict(zip(("id", "url", "content_hash"), found))
        return None

    def _article_row(self, analysis: Analysis, page: Page | None, digest: str) -> dict[str, Any]:
        a = analysis.article
        sentiment = analysis.classification.sentiment if analysis.classification else None
        return {
            "url": a.url, "canonical_url": a.canonical_url, "content_hash": digest,
            "source": a.source, "title": a.title, "authors": json.dumps(list(a.authors)),
            "published_at": a.published, "modified_at": a.modified,
            "fetched_at": page.fetched_at if page else None, "stored_at": utc_now(),
            "site": a.site, "lang": a.lang, "text": a.text,
            "sentiment": sentiment.label if sentiment else None,
            "sentiment_score": _num(sentiment.score) if sentiment else None,
            "etag": page.etag if page else None,
            "last_modified": page.last_modified if page else None,
        }

    def _refresh_validators(self, found: dict[str, Any], row: dict[str, Any]) -> None:
        """Keep the HTTP validators current, but only from a fetch of the stored URL itself.

        The same text found at a mirror (matched by content hash) carries the
        mirror's ETag, which means nothing to the stored URL's server.
        """
        if not row.get("url") or row["url"] != found["url"]:
            return
        fresh = {k: row[k] for k in ("etag", "last_modified", "fetched_at") if row.get(k) is not None}
        if fresh:
            self._update("articles", found["id"], fresh)

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        return cursor.lastrowid

    def _update(self, table: str, row_id: int, row: dict[str, Any]) -> None:
        sets = ", ".join(f'"{c}" = ?' for c in row)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*row.values(), row_id])

    def _write_facts(self, article_id: int, analysis: Analysis) -> None:
        facts = analysis.facts
        spans = _Sentences()
        for idx, s in enumerate(facts.sentences):
            sid = self._insert("sentences", {"article_id": article_id, "idx": idx,
                                             "start": s.start, "end": s.end, "text": s.text})
            spans.add(s.start, s.end, s.text, sid)

        def fact(table: str, row: dict[str, Any]) -> None:
            sid = spans.find(row.get("start"), row.get("end"), row.get("sentence"))
            self._insert(table, {"article_id": article_id, "sentence_id": sid, **row})

        for p in facts.prices:
            fact("prices", {"asset": p.asset, "value": _num(p.value), "currency": p.currency, "kind": p.kind,
                            "sentence": p.sentence, "start": p.start, "end": p.end})
        for f in facts.figures:
            fact("figures", {"kind": f.kind, "value": _num(f.value), "unit": f.unit, "asset": f.asset,
                             "venue": f.venue, "side": f.side, "period": f.period,
                             "sentence": f.sentence, "start": f.start, "end": f.end})
        for q in facts.quotes:
            fact("quotes", {"text": q.text, "speaker": q.speaker, "title": q.title,
                            "organization": q.organization, "start": q.start, "end": q.end})
        for e in facts.exchanges:
            self._insert("exchanges", {"article_id": article_id, "name": e.name, "mentions": e.mentions})
        stances = {x.asset: x for x in (analysis.classification.stances if analysis.classification else [])}
        for m in facts.assets:
            stance = stances.get(m.symbol)
            self._insert("assets", {"article_id": article_id, "symbol": m.symbol, "name": m.name,
                                    "mentions": m.mentions, "stance": stance.label if stance else None,
                                    "stance_score": _num(stance.score) if stance else None})
        self._write_tags(article_id, analysis, spans)

    def _write_tags(self, article_id: int, analysis: Analysis, spans: _Sentences) -> None:
        c = analysis.classification
        if c is None:
            return
        self._insert("tags", {"article_id": article_id, "kind": "sentiment",
                              "label": c.sentiment.label, "score": _num(c.sentiment.score)})
        for n in c.narratives:
            tag_id = self._insert("tags", {"article_id": article_id, "kind": "narrative",
                                           "label": n.label, "score": _num(n.score)})
            for ev in n.evidence:
                self._insert("evidence", {
                    "tag_id": tag_id, "sentence_id": spans.find(ev.start, ev.end, ev.sentence),
                    "sentence": ev.sentence, "score": _num(ev.score), "start": ev.start, "end": ev.end,
                })
