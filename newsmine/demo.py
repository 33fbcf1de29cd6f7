"""The offline demo: serve corpora/demo-site on loopback and ingest it through its feed.

Everything the demo shows goes through the real code paths (HTTP fetcher with
robots.txt and rate limiting, feed parsing, extraction, analysis, the SQLite
store); only the network is replaced by a stdlib HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newsmine.errors import InputError
from newsmine.ingest import IngestReport, Progress, ingest

SITE = Path(__file__).resolve().parent.parent / "corpora" / "demo-site"
DEMO_RATE = 50.0  # requests per second: the loopback site has ~10 pages, so seconds in all


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server naming)
        pass  # the demo prints its own progress; access logs would interleave with it


class DemoServer:
    """``corpora/demo-site`` served as is on 127.0.0.1, on a free port, in a daemon thread."""

    def __init__(self, root: Path = SITE) -> None:
        if not (root / "feed.xml").is_file():
            raise InputError(f"demo site not found at {root} (run from a newsmine checkout)")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="newsmine-demo-server", daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> DemoServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def run_demo(db: str | Path, progress: Progress | None = None, root: Path = SITE) -> tuple[str, IngestReport]:
    """Ingest the demo site's RSS feed into ``db``; returns the feed URL and the report.

    ``allow_private`` is needed because the feed's links point at 127.0.0.1,
    which the fetcher otherwise refuses for links it did not get from the user.
    """
    with DemoServer(root) as server:
        feed = server.url("/feed.xml")
        return feed, ingest(feeds=[feed], db=db, allow_private=True, rate=DEMO_RATE, progress=progress)


def stored_articles(db: str | Path, limit: int = 5) -> list[dict[str, Any]]:
    """The most recently published stored articles with their fact counts, for the demo's closing table."""
    from newsmine.store import Store

    sql = """
        SELECT a.id, a.title, a.published_at, a.site, a.sentiment,
               (SELECT count(*) FROM prices WHERE article_id = a.id) AS prices,
               (SELECT count(*) FROM figures WHERE article_id = a.id) AS figures,
               (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
               (SELECT group_concat(label, ', ') FROM (SELECT label FROM tags
                 WHERE article_id = a.id AND kind = 'narrative' ORDER BY score DESC)) AS narratives
        FROM articles a ORDER BY a.published_at DESC, a.id DESC LIMIT ?
    """
    with Store(db) as store:
        cursor = store.db.execute(sql, [limit])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
