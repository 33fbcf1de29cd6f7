"""The benchmark workload: the annotated corpus as real news pages, served on loopback.

Every benchmark measures the same documents: each corpus article rendered by
the demo-site renderer (site chrome, JSON-LD, comments, ...) so fetch and
extract see realistic HTML. ``copies`` repeats the corpus with distinct titles
and URLs, so the store sees new articles rather than duplicates.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsmine.corpus import load
from newsmine.corpus.render import article_page, path_of


@dataclass
class Workload:
    """Rendered pages keyed by URL path, in a stable order."""

    pages: dict[str, str]

    @property
    def paths(self) -> list[str]:
        return list(self.pages)

    def write(self, folder: Path) -> list[Path]:
        """The pages as .html files (what ``newsmine analyze`` reads from disk)."""
        files = []
        for index, html in enumerate(self.pages.values()):
            file = folder / f"page{index:04d}.html"
            file.write_text(html, encoding="utf-8")
            files.append(file)
        return files


def build(copies: int = 1) -> Workload:
    """Every corpus article, ``copies`` times, as a full HTML page."""
    pages: dict[str, str] = {}
    for copy in range(copies):
        for variant, article in enumerate(load()):
            # the id keeps pages apart when two articles share a date and slug (b013, c005)
            path = path_of(article).replace(".html", f"-{article.id}-{copy}.html")
            if copy:
                article = replace(article, title=f"{article.title} ({copy})")
            pages[path] = article_page(article, path, [], variant)
    return Workload(pages)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients closing idle keep-alive connections is normal; anything else still prints.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(workload: Workload) -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1:0 serving the pages; yields its base URL."""
    bodies = {path: html.encode("utf-8") for path, html in workload.pages.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server naming)
            body = bodies.get(self.path)
            status = 200 if body is not None else 404
            body = body if body is not None else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
