"""The fetch stage: polite, defensive HTTP and local input, producing ``Page`` records.

Public API (everything a caller needs is exported here)::

    from newsmine.fetch import FetchConfig, Fetcher, feed_links, sitemap_links, read_local, read_url_file

    with Fetcher(FetchConfig(rate=1.0)) as fetcher:
        page = fetcher.fetch("https://example.com/news/1")          # -> Page, or raises FetchError
        links = feed_links(fetcher, "https://example.com/feed.xml")  # RSS, Atom, JSON Feed
        links += sitemap_links(fetcher, "https://example.com/sitemap.xml")  # urlset, index, news
        for url, result in fetcher.fetch_all(links, typed=False):   # Page | FetchError
            ...

- ``FetchConfig``: user agent, per-host rate, timeouts (connect, read, total),
  retries and backoff (429/5xx honour Retry-After, capped), max redirects,
  body caps (raw and decompressed), ``allow_private``, worker count.
- ``Fetcher.fetch(url, *, etag=None, last_modified=None, typed=True,
  accept="page")`` -> ``Page`` (decoded text in ``.html``, final ``.url``,
  ``.etag``/``.last_modified``, ``.fetched_at`` ISO UTC; ``.is_text`` for
  text/plain). Failures raise ``FetchError`` with a one-line ``str()``,
  ``.status`` (HTTP status or None) and ``.outcome``: "failed", "robots"
  (robots.txt forbids, or answers 5xx/429) or "not_modified" (conditional
  GET got 304).
- ``Fetcher.fetch_all(urls, *, typed=True, ordered=False)`` -> iterator of
  ``(url, Page | FetchError)``. Hosts are fetched concurrently (one worker per
  host, ``workers`` hosts at once), each host at its rate. Results come **as
  they complete** by default; ``ordered=True`` yields them in input order.
- ``typed``: True for URLs the user gave (they may reach private or loopback
  addresses); pass ``typed=False`` for links newsmine found (feed and
  sitemap links): those, like every redirect hop to another host, must
  resolve to public addresses unless ``FetchConfig(allow_private=True)``.
- ``run_by_host(urls, fetch_one, workers, ordered)``: the scheduler behind
  ``fetch_all``, for callers that need per-URL arguments (validators, typed).
- ``feed_links(fetcher, url)``, ``sitemap_links(fetcher, url)`` -> list of
  absolute http(s) URLs, deduplicated, in document order. ``feed_links`` on
  an HTML page follows its ``<link rel="alternate">`` feed (autodiscovery);
  ``sitemap_links`` reads XML, news and plain-text sitemaps and follows
  indexes (bounded depth and count). Child sitemaps and discovered feeds on
  the typed listing's own host are trusted like it; others must be public.
- ``read_local(path)`` -> iterator of ``Page | InputError`` for a file, a
  folder (recursively: .html, .htm, .html.gz, .txt, .md) or "-" (stdin).
- ``read_url_file(path)`` -> URLs from a file ("-" for stdin), one per line,
  blank lines and # comments skipped (the CLI's ``--from-file``).

Every request honours robots.txt (fetched once per origin and cached; 4xx
means allow all, 5xx/429/unreachable means disallow for now; rules matched
per RFC 9309: exact User-agent token, longest match, ``*`` and ``$``), the
per-host rate (raised to a robots.txt Crawl-delay, capped), http/https only, and HTML/XHTML/text
content types (plus XML/JSON for feeds and sitemaps). The transport
(``transport.py``) checks addresses again at connect time (no DNS-rebinding
window) and holds every socket operation to the request's total deadline.
Environment proxies (HTTP_PROXY, ...) are not used.

``python -m newsmine.fetch.charset_eval DIR`` measures the charset decoder on
a folder of UTF-8 ``*.html.gz`` pages served mislabelled and re-encoded.
"""

from newsmine.fetch.batch import run_by_host
from newsmine.fetch.config import FetchConfig
from newsmine.fetch.fetcher import Fetcher
from newsmine.fetch.local import read_local
from newsmine.fetch.sources import feed_links, read_url_file, sitemap_links

__all__ = ["FetchConfig", "Fetcher", "feed_links", "read_local", "read_url_file", "run_by_host", "sitemap_links"]
