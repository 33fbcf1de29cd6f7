"""The polite, defensive HTTP client of the fetch stage.

One ``Fetcher`` wraps one ``httpx.Client`` (connection reuse, cookies) and
the per-run state that makes crawling polite: the robots.txt cache and the
per-host rate limiter. It is safe to use from several threads at once.

Redirects are followed by hand, one hop at a time, so that every hop gets the
same checks as the first URL: scheme, public address, robots.txt, rate limit.
Bodies are streamed and decoded here (not by httpx) so that size caps hold
for the bytes on the wire and for the decompressed bytes alike.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal
from urllib.parse import urldefrag, urljoin

import httpx

from newsmine.errors import FetchError
from newsmine.fetch.batch import run_by_host
from newsmine.fetch.charset import decode, split_content_type
from newsmine.fetch.config import FetchConfig
from newsmine.fetch.decompress import CappedDecoder, TooLarge, gunzip, human_size
from newsmine.fetch.ratelimit import HostLimiter
from newsmine.fetch.robots import RobotsCache
from newsmine.fetch.safety import check_public, check_scheme, host_of
from newsmine.fetch.transport import GuardedTransport, Overtime, request_scope
from newsmine.records import Page

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
XML_TYPES = frozenset(
    {"application/xml", "text/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml"}
)
FEED_TYPES = PAGE_TYPES | XML_TYPES | {"application/feed+json", "application/json"}
# Sitemaps are often served gzipped as a file, not with Content-Encoding.
SITEMAP_TYPES = PAGE_TYPES | XML_TYPES | {"application/gzip", "application/x-gzip", "application/octet-stream"}
ACCEPTS = {"page": PAGE_TYPES, "feed": FEED_TYPES, "sitemap": SITEMAP_TYPES}
REDIRECTS = (301, 302, 303, 307, 308)
ACCEPT_HEADER = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass
class _Reply:
    """One HTTP exchange: status, headers and the (decoded, capped) body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes


@dataclass
class _Request:
    """One hop to request, with what the checks before it decided."""

    url: str
    headers: dict[str, str]
    types: frozenset[str] | None  # acceptable content types; None: any (robots.txt)
    delay: float | None  # robots.txt Crawl-delay for this host, if any
    public: bool  # the address must be public (a found link or a hop to another host)


class _Transient(FetchError):
    """A network failure worth another attempt (timeouts, dropped connections)."""


class Fetcher:
    """Fetch pages politely. Use as a context manager so connections get closed."""

    def __init__(self, config: FetchConfig | None = None):
        self.config = cfg = config or FetchConfig()
        timeout = httpx.Timeout(
            connect=cfg.connect_timeout, read=cfg.read_timeout, write=cfg.read_timeout, pool=cfg.total_timeout
        )
        # Only encodings CappedDecoder handles; httpx would also offer br/zstd.
        headers = {"User-Agent": cfg.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": ACCEPT_HEADER}
        self._client = httpx.Client(
            transport=GuardedTransport(), timeout=timeout, headers=headers, follow_redirects=False
        )
        self._typed_hosts: set[str] = set()  # hosts the user typed: their robots.txt may be private
        self._limiter = HostLimiter(cfg.interval)
        self._robots = RobotsCache(cfg.robots_agent, self._load_robots)

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        typed: bool = True,
        accept: Literal["page", "feed", "sitemap"] = "page",
    ) -> Page:
        """GET ``url`` and return it decoded, or raise ``FetchError`` with a one-line reason.

        ``typed`` says the user gave this URL (it may reach private addresses);
        links found by newsmine pass ``typed=False``. ``etag``/``last_modified``
        make the request conditional: an unchanged page raises
        ``FetchError(outcome="not_modified")``. ``accept`` is "page", "feed" or
        "sitemap" and widens the allowed content types accordingly.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reply = self._follow(url, typed=typed, headers=headers, types=ACCEPTS[accept])
        if reply.status == 304:
            raise FetchError(f"{url}: not modified since last fetch", status=304, outcome="not_modified")
        if reply.status in REDIRECTS:
            raise FetchError(f"{url}: HTTP {reply.status} redirect without a Location", status=reply.status)
        if not 200 <= reply.status < 300:
            tried = f" after {_attempts_text(self.config.retries + 1)}" if _retryable(reply.status) else ""
            reason = httpx.codes.get_reason_phrase(reply.status)
            raise FetchError(f"{url}: HTTP {reply.status} {reason}{tried}".rstrip(), status=reply.status)
        mime, charset = split_content_type(reply.headers.get("content-type"))
        body = reply.body
        if accept != "page" and body[:2] == b"\x1f\x8b":
            body = self._gunzip(url, body)
        text, encoding = decode(body, charset)
        return Page(
            source=url,
            url=reply.url,
            html=text,
            is_text=mime == "text/plain",
            status=reply.status,
            content_type=mime,
            encoding=encoding,
            etag=reply.headers.get("etag"),
            last_modified=reply.headers.get("last-modified"),
            fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        )

    def fetch_all(
        self, urls: Iterable[str], *, typed: bool = True, ordered: bool = False
    ) -> Iterator[tuple[str, Page | FetchError]]:
        """Fetch many URLs: hosts in parallel, each host in turn at its rate.

        Yields ``(url, Page or FetchError)`` as fetches complete, or in input
        order with ``ordered=True`` (a slow host then holds back later results).
        """
        return run_by_host(list(urls), lambda u: self.fetch(u, typed=typed), self.config.workers, ordered)

    def _gunzip(self, url: str, body: bytes) -> bytes:
        try:
            return gunzip(body, self.config.max_bytes)
        except (TooLarge, ValueError) as err:  # a bomb, or not gzip after all
            raise FetchError(f"{url}: {err}") from None

    def _load_robots(self, robots_url: str) -> tuple[int, str]:
        # The page's host was vetted already; its robots.txt is as trusted as the page.
        typed = self.config.allow_private or host_of(robots_url) in self._typed_hosts
        reply = self._follow(robots_url, typed=typed, headers={}, types=None, check_robots=False)
        return reply.status, decode(reply.body, split_content_type(reply.headers.get("content-type"))[1])[0]

    def _follow(
        self, url: str, *, typed: bool, headers: dict[str, str], types: frozenset[str] | None, check_robots: bool = True
    ) -> _Reply:
        """Request ``url``, following redirects one checked hop at a time."""
        cfg = self.config
        start = url
        # Hops on the host the user typed stay trusted; any other host must be public.
        trusted = host_of(url) if typed else None
        if trusted:
            self._typed_hosts.add(trusted)
        seen: set[str] = set()
        for _ in range(cfg.max_redirects + 1):
            check_scheme(url)
            public = not cfg.allow_private and host_of(url) != trusted
            if public:
                check_public(url)
            delay = None
            if check_robots:
                self._robots.check(url)
                delay = self._robots.crawl_delay(url)
                delay = min(delay, cfg.max_crawl_delay) if delay is not None else None
            reply = self._attempts(_Request(url, headers, types, delay, public))
            location = reply.headers.get("location")
            if reply.status not in REDIRECTS or not location:
                return reply
            seen.add(url)
            url = urldefrag(urljoin(url, location.strip())).url
            if url in seen:
                raise FetchError(f"{start}: redirect loop at {url}", status=reply.status)
        raise FetchError(f"{start}: more than {cfg.max_redirects} redirects", status=reply.status)

    def _attempts(self, request: _Request) -> _Reply:
        """One request with retries: 429, 5xx and transient network errors back off and retry."""
        cfg = self.config
        for attempt in range(cfg.retries + 1):
            last = attempt == cfg.retries
            wait = cfg.backoff * 2**attempt
            try:
                reply = self._exchange(request)
            except _Transient as err:
                if last:
                    raise FetchError(f"{err} (after {_attempts_text(attempt + 1)})") from None
                time.sleep(wait)
                continue
            if last or not _retryable(reply.status):
                return reply
            after = _retry_after(reply.headers.get("retry-after"))
            time.sleep(min(after, cfg.max_retry_after) if after is not None else wait)
        raise AssertionError("unreachable: the last attempt always returns or raises")

    def _exchange(self, request: _Request) -> _Reply:
        """One GET: wait for the host's turn, send, and read a 2xx body within the caps."""
        cfg = self.config
        url, types = request.url, request.types
        self._limiter.wait(host_of(url), request.delay)
        # The transport re-checks the address when it connects and holds every read to the deadline.
        scope = request_scope(public_only=request.public, deadline=time.monotonic() + cfg.total_timeout)
        try:
            with scope, self._client.stream("GET", url, headers=request.headers) as response:
                body = b""
                if 200 <= response.status_code < 300:
                    mime, _ = split_content_type(response.headers.get("content-type"))
                    if types is not None and mime is not None and mime not in types:
                        raise FetchError(f"{url}: unsupported content type {mime}", status=response.status_code)
                    body = self._read(url, response, truncate=types is None)
                return _Reply(url, response.status_code, response.headers, body)
        except Overtime:
            raise FetchError(f"{url}: took longer than the {cfg.total_timeout:g} s total timeout") from None
        except httpx.ConnectTimeout:
            raise _Transient(f"{url}: timed out connecting (after {cfg.connect_timeout:g} s)") from None
        except httpx.ReadTimeout:
            raise _Transient(f"{url}: server stopped sending (nothing for {cfg.read_timeout:g} s)") from None
        except (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError) as err:
            raise _Transient(f"{url}: connection broken: {err or type(err).__name__}") from None
        except httpx.ConnectError as err:
            raise FetchError(f"{url}: cannot connect: {err}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as err:
            raise FetchError(f"{url}: {type(err).__name__}: {err}") from None

    def _read(self, url: str, response: httpx.Response, *, truncate: bool) -> bytes:
        """Stream the body, enforcing the raw cap and the decompressed cap.

        ``truncate`` keeps the first ``robots_max_bytes`` instead of failing
        (robots.txt: RFC 9309 says to parse what fits).
        """
        cfg = self.config
        cap = cfg.robots_max_bytes if truncate else cfg.max_bytes
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > cfg.max_raw_bytes:
            size, cap_size = human_size(int(declared)), human_size(cfg.max_raw_bytes)
            raise FetchError(f"{url}: body of {size} exceeds the {cap_size} cap")
        try:
            decoder = CappedDecoder(response.headers.get("content-encoding"), cap)
        except ValueError as err:
            raise FetchError(f"{url}: {err}") from None
        parts: list[bytes] = []
        raw = 0
        try:
            for chunk in response.iter_raw():
                raw += len(chunk)
                if raw > cfg.max_raw_bytes:
                    raise FetchError(f"{url}: body exceeds the {human_size(cfg.max_raw_bytes)} cap")
                parts.append(decoder.feed(chunk))
        except TooLarge as err:
            if not truncate:
                raise FetchError(f"{url}: {err}") from None
        except ValueError as err:
            raise FetchError(f"{url}: {err}") from None
        return b"".join(parts)[:cap]


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _attempts_text(n: int) -> str:
    return "1 attempt" if n == 1 else f"{n} attempts"
