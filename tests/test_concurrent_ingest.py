"""Concurrency: fetching overlaps analysis inside one ingest, and two ingests share one database."""

from __future__ import annotations

import threading

import pytest
from loopback import Reply, loopback, loopback2  # noqa: F401  (pytest fixtures)
from test_crash_ingest import article_html, assert_consistent, query, serve_pages, start_ingest

from newsmine.ingest import ingest

HOLD = 60.0  # the slow host's page waits at most this long for a fast article to be stored


@pytest.fixture(scope="module")
def warm_models():
    """Load spaCy and the encoder first (cached per process), so the test measures the pipeline."""
    import newsmine

    newsmine.analyze("Bitcoin rose 3% to $30,000 on Binance on Tuesday, traders said.")


def test_fast_host_is_analysed_and_stored_while_a_slow_host_is_still_fetching(warm_models, loopback, loopback2,
                                                                             tmp_path):
    """The slow host's page is held until an article from the fast host is stored.

    If ingest fetched everything before analysing, that page would only be
    released by the timeout, and ``released`` would record False.
    """
    fast = serve_pages(loopback, 3)
    stored_one = threading.Event()
    released: list[bool] = []

    def slow_page(request):
        released.append(stored_one.wait(HOLD))
        return Reply(200, article_html(100))

    loopback2.route("/slow", slow_page)
    slow = loopback2.url("/slow", host="localhost")  # another host name: hosts are grouped by name
    threads: set[str] = set()

    def progress(item, done, total):
        threads.add(threading.current_thread().name)
        if item.source in fast and item.status == "new":
            stored_one.set()

    report = ingest([slow, *fast], db=tmp_path / "n.db", rate=1000, progress=progress)
    assert report.totals["new"] == 4, report.items
    assert released == [True], "nothing was stored until every host had been fetched"
    # One writer: every save and log row comes from the calling thread, never a fetch worker.
    assert threads == {threading.current_thread().name}


def test_two_ingest_processes_on_one_database_lose_and_duplicate_nothing(loopback, tmp_path):
    urls = serve_pages(loopback, 16)
    db = tmp_path / "shared.db"
    procs = [start_ingest(db, urls, tmp_path, "one"), start_ingest(db, urls[::-1], tmp_path, "two")]
    codes = [p.wait(300) for p in procs]
    logs = [(tmp_path / f"{n}.log").read_text(errors="replace") for n in ("one", "two")]
    assert codes == [0, 0], logs
    assert assert_consistent(db) == 16
    outcomes = query(db, "SELECT outcome, count(*) FROM fetch_log GROUP BY outcome")
    # Each URL stored once ("new" in one process) and found "unchanged" by the other: no failure.
    assert dict(outcomes) == {"new": 16, "unchanged": 16}, logs
