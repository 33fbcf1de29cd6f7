"""An httpx transport that checks addresses when it connects, not only before.

``safety.check_public`` resolves a host before the request; httpcore then
resolves it again to connect. A hostile DNS server can answer "public" to
the first lookup and "127.0.0.1" to the second (DNS rebinding). Here the
address is resolved once, checked, and that same address is dialled; TLS
still verifies the certificate against the host name, since httpcore takes
SNI and Host from the URL, not from the dialled address.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import httpcore
import httpx

from newsmine.fetch.safety import public_address

_state = threading.local()


@contextmanager
def public_only(required: bool) -> Iterator[None]:
    """Within this block, new connections made by this thread must reach public addresses."""
    before = getattr(_state, "public_only", False)
    _state.public_only = required
    try:
        yield
    finally:
        _state.public_only = before


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
        return super().connect_tcp(host, port, timeout, local_address, socket_options)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's default transport with the connect-time address check.

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
