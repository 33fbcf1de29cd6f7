"""A real HTTP server on 127.0.0.1 for tests: no mocks, no network beyond loopback.

Usage in a test module::

    from loopback import Loopback, Reply, loopback  # noqa: F401  (``loopback`` is a fixture)

    def test_something(loopback):
        loopback.route("/a", Reply(200, "<p>hi</p>"))
        loopback.route("/slow", lambda req: (time.sleep(2), Reply(200, "late"))[1])
        url = loopback.url("/a")
        ...
        assert loopback.hits("/a") == 1

A route is either a ``Reply`` (served as is, every time), a list of ``Reply``
(served in turn, the last one repeats: handy for "500 then 200"), or a callable
``handler(request) -> Reply | None`` that gets the ``http.server`` request
handler; returning ``None`` means the callable wrote the response itself (for
endless or dripping bodies). Unknown paths answer 404 (so a server without a
``/robots.txt`` route allows every crawl). Each server runs in its own daemon
thread on port 0; the ``loopback2`` fixture gives a second server (another
host:port), and ``loopback.url(path, host="localhost")`` addresses the same
server by another host name. ``loopback.requests`` records every request
(method, path, headers) and ``loopback.hits(path)`` counts them.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    """One canned response. ``body`` as str is sent UTF-8 encoded."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})

    def send(self, request: BaseHTTPRequestHandler) -> None:
        data = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        request.send_response(self.status)
        for name, value in self.headers.items():
            request.send_header(name, value)
        if not any(name.lower() == "content-length" for name in self.headers):
            request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        if request.command != "HEAD":
            request.wfile.write(data)


Handler = Callable[[BaseHTTPRequestHandler], "Reply | None"]
Route = Reply | list[Reply] | Handler


@dataclass
class Seen:
    """A request the server received (for assertions on headers and counts)."""

    method: str
    path: str
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in a slow or endless reply must not block shutdown

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients hanging up (caps, timeouts) are what many tests provoke; other errors still print.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class Loopback:
    """A ThreadingHTTPServer on 127.0.0.1:0 with a mutable route table."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._turns: dict[str, int] = {}
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def route(self, path: str, route: Route) -> None:
        """Serve ``route`` at ``path`` (the path with its query string, if any)."""
        self.routes[path] = route

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        """How many requests reached ``path`` so far."""
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "Loopback":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _dispatch(self, request: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append(Seen(request.command, request.path, dict(request.headers.items())))
            route = self.routes.get(request.path)
            if isinstance(route, list):
                # Serve the replies in turn; the last one keeps answering.
                turn = self._turns.get(request.path, 0)
                self._turns[request.path] = turn + 1
                route = route[min(turn, len(route) - 1)]
        if route is None:
            Reply(404, "not found", {"Content-Type": "text/plain"}).send(request)
        elif isinstance(route, Reply):
            route.send(request)
        else:
            reply = route(request)
            if reply is not None:
                reply.send(request)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        dispatch = self._dispatch

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server naming)
                try:
                    dispatch(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a cap or a timeout): expected in tests

            do_HEAD = do_GET  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # keep test output quiet

        return _Handler


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    """A fresh loopback server per test, shut down afterwards."""
    with Loopback() as server:
        yield server


@pytest.fixture
def loopback2() -> Iterator[Loopback]:
    """A second, independent server (a second host:port) for multi-host tests."""
    with Loopback() as server:
        yield server
