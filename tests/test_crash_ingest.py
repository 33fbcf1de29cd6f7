"""``kill -9`` in the middle of ``newsmine ingest``: the database stays consistent and a re-run completes it.

A real ``newsmine ingest`` subprocess crawls a real loopback server; the first
pages answer at once, the rest wait behind a gate, so the kill lands while the
first batch is being analysed and saved. The in-process re-run uses the
session's models (no second model load).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from loopback import Loopback, Reply, loopback  # noqa: F401  (pytest fixture)

from newsmine.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
OPEN_PAGES = 6
PAGES = 20


def article_html(i: int) -> str:
    """A distinct short market story per index (distinct text, so distinct content hashes)."""
    body = (f"Bitcoin rose {i + 1}% to ${30_000 + i * 37:,} on Binance on day {i} as short positions "
            f"worth ${i + 2} million were liquidated, traders said. Ether followed, gaining {i % 5 + 1}% "
            f"against the dollar in session {i}.")
    return (f"<html><head><title>Market wrap {i}</title></head><body><article><h1>Market wrap {i}</h1>"
            f"<p>{body}</p><p>{body.replace('rose', 'climbed')}</p></article></body></html>")


def serve_pages(server: Loopback, count: int, gate: threading.Event | None = None, open_pages: int = 0) -> list[str]:
    """Route ``/p/<i>`` for i < count; pages from ``open_pages`` on wait for ``gate`` first."""
    for i in range(count):
        reply = Reply(200, article_html(i))
        if gate is not None and i >= open_pages:
            server.route(f"/p/{i}", lambda request, reply=reply: (gate.wait(60), reply)[1])
        else:
            server.route(f"/p/{i}", reply)
    return [server.url(f"/p/{i}") for i in range(count)]


def start_ingest(db: Path, urls: list[str], tmp_path: Path, name: str) -> subprocess.Popen:
    """``newsmine --db DB ingest --from-file LIST`` as a real process (URLs typed: loopback allowed)."""
    listing = tmp_path / f"{name}.txt"
    listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    command = [sys.executable, "-m", "newsmine", "--db", str(db), "ingest", "--rate", "1000",
               "--from-file", str(listing)]
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process by the caller
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def query(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def assert_consistent(db: Path) -> int:
    """integrity_check ok, no duplicate URL, every article with its sentences and sentiment; article count."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    total, distinct = query(db, "SELECT count(*), count(DISTINCT url) FROM articles")[0]
    assert total == distinct
    bare = query(db, "SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
                     " OR NOT EXISTS (SELECT 1 FROM tags t WHERE t.article_id = a.id AND t.kind = 'sentiment')")
    assert bare == [], "an article was stored without its facts"
    return total


def wait_for_articles(db: Path, at_least: int, proc: subprocess.Popen, timeout: float = 180) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            count = query(db, "SELECT count(*) FROM articles")[0][0]
        except sqlite3.Error:
            count = 0  # not created or migrated yet
        if count >= at_least:
            return count
        time.sleep(0.01)
    raise AssertionError(f"ingest never stored {at_least} articles (exit code {proc.poll()})")


def test_sigkill_mid_ingest_leaves_a_consistent_db_and_rerun_completes(loopback, tmp_path):
    gate = threading.Event()
    urls = serve_pages(loopback, PAGES, gate, OPEN_PAGES)
    db = tmp_path / "crash.db"
    proc = start_ingest(db, urls, tmp_path, "crash")
    try:
        wait_for_articles(db, 1, proc)
        os.kill(proc.pid, signal.SIGKILL)  # while the first batch is being saved
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        gate.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stored = assert_consistent(db)
    assert 1 <= stored <= OPEN_PAGES  # killed mid-run: gated pages never arrived

    report = ingest(urls, db=db, rate=1000)
    assert report.totals["failed"] == 0, report.failures
    assert report.totals["new"] + report.totals["unchanged"] == PAGES
    assert report.totals["unchanged"] == stored  # what survived the kill is complete, not re-done
    assert assert_consistent(db) == PAGES
    assert query(db, "SELECT count(*) FROM sentences GROUP BY article_id HAVING count(*) != count(DISTINCT idx)") == []
