"""An httpx transport that enforces two rules at the socket, where they cannot be dodged.

1. Addresses are checked when connecting, not only before. ``safety.check_public``
   resolves a host before the request; httpcore would resolve it again to
   connect, and a hostile DNS server can answer "public" first and
   "127.0.0.1" next (DNS rebinding). Here the address is resolved once,
   checked, and that same address is dialled; TLS still verifies the
   certificate against the host name (httpcore takes SNI and Host from the
   URL, not from the dialled address).
2. A request has a deadline. httpx only bounds each single read, so a server
   trickling one byte per second, in the headers or the body, could hold a
   worker for ever; every socket operation here waits at most until the
   request's deadline, then raises ``Overtime``.

Both rules are per request and per thread (``request_scope``), because one
connection pool serves typed URLs and found links alike.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from newsmine.fetch.safety import public_address

_state = threading.local()


class Overtime(Exception):
    """The request's deadline passed (headers or body still coming)."""


@contextmanager
def request_scope(*, public_only: bool, deadline: float | None) -> Iterator[None]:
    """Within this block, this thread's requests must reach public addresses
    (if ``public_only``) and finish by ``deadline`` (a ``time.monotonic()`` value)."""
    before = (getattr(_state, "public_only", False), getattr(_state, "deadline", None))
    _state.public_only, _state.deadline = public_only, deadline
    try:
        yield
    finally:
        _state.public_only, _state.deadline = before


def _bounded(timeout: float | None) -> float | None:
    """The socket timeout to use: the caller's, cut short by the request deadline."""
    deadline = getattr(_state, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise Overtime()
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        bounded = _bounded(timeout)
        try:
            return self._inner.read(max_bytes, bounded)
        except httpcore.ReadTimeout:
            _bounded(timeout)  # the deadline, not the read timeout, ran out: say so
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        if getattr(_state, "public_only", False):
            host = public_address(host, port)  # raises FetchError, which httpx passes through
        stream = super().connect_tcp(host, port, _bounded(timeout), local_address, socket_options)
        return _DeadlineStream(stream)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's default transport with the connect-time address check and request deadlines.

    httpx offers no public hook for the network backend (encode/httpx#3180),
    so the pool is rebuilt with the same public httpcore constructor httpx
    uses. Environment proxies are not used: through a proxy, the address
    newsmine checks would not be the one the proxy connects to.
    """

    def __init__(self) -> None:
        super().__init__(trust_env=False)
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(),
        )
