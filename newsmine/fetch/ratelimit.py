"""Per-host spacing of requests, shared by every thread of one Fetcher."""

from __future__ import annotations

import threading
import time


class HostLimiter:
    """Lets at most one request start per ``interval`` seconds for each host.

    Each host has its own lock, held while a caller waits for its turn, so
    threads working on different hosts never wait for each other.
    """

    def __init__(self, interval: float):
        self.interval = interval
        self._next: dict[str, float] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def wait(self, host: str, interval: float | None = None) -> None:
        """Block until ``host`` may receive the next request, then book the slot.

        ``interval`` overrides the default spacing for this host (a robots.txt
        Crawl-delay larger than our own rate).
        """
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            delay = self._next.get(host, 0.0) - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            spacing = self.interval if interval is None else max(self.interval, interval)
            self._next[host] = time.monotonic() + spacing
