"""Settings of the fetch stage, in one place so the CLI and tests can tune them."""

from __future__ import annotations

from dataclasses import dataclass

from newsmine import __version__

MB = 1024 * 1024


@dataclass(frozen=True)
class FetchConfig:
    """How politely and how defensively newsmine talks to web servers.

    The defaults suit crawling news sites: one request per second per host,
    a few retries for overloaded servers, and caps that keep a hostile or
    broken server from exhausting time or memory.
    """

    user_agent: str = f"newsmine/{__version__} (+https://github.com/newsmine/newsmine)"
    robots_agent: str = "newsmine"  # the token matched against robots.txt User-agent lines
    rate: float = 1.0  # requests per second per host
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay above this is capped
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two reads
    total_timeout: float = 60.0  # one request, headers and body, from start to end
    retries: int = 3  # extra attempts after a 429, a 5xx or a transient network error
    backoff: float = 1.0  # first wait between attempts; doubles each time
    max_retry_after: float = 60.0  # a server's Retry-After above this is capped
    max_redirects: int = 5
    max_bytes: int = 10 * MB  # decoded (decompressed) body size cap
    max_raw_bytes: int = 10 * MB  # bytes on the wire, before decompression
    robots_max_bytes: int = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
    allow_private: bool = False  # let feed, sitemap and redirect links reach private networks
    workers: int = 8  # hosts fetched at once by fetch_all

    @property
    def interval(self) -> float:
        """Seconds between two requests to the same host."""
        return 1.0 / self.rate if self.rate > 0 else 0.0
