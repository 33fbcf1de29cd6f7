"""Where article URLs come from besides the command line: feeds, sitemaps, URL lists.

These functions only list links. The links come from servers, so whoever
fetches them must pass ``typed=False`` (``fetcher.fetch_all(links,
typed=False)``): that is what keeps a hostile feed from steering newsmine at
private addresses.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.html
from lxml import etree

from newsmine.errors import FetchError, InputError
from newsmine.fetch.fetcher import Fetcher
from newsmine.fetch.safety import host_of

log = logging.getLogger(__name__)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

MAX_LINKS = 50_000  # the sitemap protocol's own limit per file
MAX_SITEMAPS = 50  # child sitemaps read from indexes, in total
MAX_DEPTH = 3  # index -> index -> sitemap is already unusual
# <link rel="alternate" type="..."> values that point to a feed.
ADVERTISED_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json")


def feed_links(fetcher: Fetcher, url: str, *, typed: bool = True, discover: bool = True) -> list[str]:
    """Article links of an RSS, Atom or JSON Feed, in feed order, without duplicates.

    Given an HTML page instead (a site's home page), follows the page's
    ``<link rel="alternate">`` to its first feed, once (``discover``).
    """
    page = fetcher.fetch(url, typed=typed, accept="feed")
    base = page.url or url
    text = page.html.lstrip()
    if text.startswith("{") or (page.content_type or "").endswith("json"):
        return _json_feed_links(text, base, url)
    # A stream, never a str: feedparser fetches or opens a str that looks like a URL or a path.
    parsed = feedparser.parse(
        io.BytesIO(page.html.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8", "content-location": base},
    )
    if not parsed.get("version"):
        advertised = _advertised_feeds(page.html, base) if discover else []
        if advertised:
            return feed_links(fetcher, advertised[0], typed=_still_typed(typed, advertised[0], url), discover=False)
        # FetchError's str() folds a multi-line parser message onto one line.
        reason = parsed.get("bozo_exception") or "no RSS, Atom or JSON Feed here"
        raise FetchError(f"{url}: not a feed ({reason})")
    return _clean(base, (entry.get("link") for entry in parsed.entries))


def sitemap_links(fetcher: Fetcher, url: str, *, typed: bool = True) -> list[str]:
    """Page URLs of a sitemap (XML, news, or plain text) or a sitemap index (read recursively).

    A robots.txt URL works as an index of the sitemaps it declares.

    Indexes are followed at most ``MAX_DEPTH`` levels and ``MAX_SITEMAPS``
    child sitemaps; a child that fails is logged and skipped, so one broken
    child does not lose the rest. The first sitemap failing raises ``FetchError``.
    """
    walk = _SitemapWalk(fetcher)
    walk.read(url, typed, 0)
    return _clean(url, walk.links)


@dataclass
class _SitemapWalk:
    """One sitemap_links call: the links so far and the sitemaps already read."""

    fetcher: Fetcher
    links: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # an index listing itself is read once

    def read(self, url: str, typed: bool, depth: int) -> None:
        self.seen.add(url)
        page = self.fetcher.fetch(url, typed=typed, accept="sitemap")
        kind, locs = parse_sitemap(page.html, url)
        base = page.url or url
        if kind != "sitemapindex":
            self.links.extend(urljoin(base, loc) for loc in locs)
            return
        if depth >= MAX_DEPTH:
            log.warning("%s: sitemap index nested deeper than %d levels; not followed", url, MAX_DEPTH)
            return
        for child in (urljoin(base, loc) for loc in locs):
            if child in self.seen:
                continue
            if len(self.seen) > MAX_SITEMAPS or len(self.links) >= MAX_LINKS:
                log.warning("%s: sitemap limit reached (%d sitemaps, %d links)", url, MAX_SITEMAPS, MAX_LINKS)
                return
            try:
                self.read(child, _still_typed(typed, child, url), depth + 1)
            except FetchError as err:
                log.warning("skipped child sitemap: %s", err)


def parse_sitemap(text: str, url: str) -> tuple[str, list[str]]:
    """('urlset' | 'sitemapindex' | 'text', URLs) of one sitemap document.

    The XML parser neither expands entities nor touches the network, so
    billion-laughs and external-entity tricks get nowhere. A document that is
    not markup is a text sitemap, one URL per line (sitemaps.org allows it),
    or a robots.txt, whose ``Sitemap:`` lines make it an index: so a user who
    knows only the site can start from ``https://site/robots.txt``.
    """
    if not text.lstrip().startswith("<"):
        lines = [line.strip() for line in text.splitlines()]
        declared = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")]
        if declared:
            return "sitemapindex", declared
        return "text", [line for line in lines if line.lower().startswith(("http://", "https://"))]
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, encoding="utf-8")
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as err:
        raise FetchError(f"{url}: not a sitemap (XML error: {err})") from None
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise FetchError(f"{url}: not a sitemap (root element <{kind}>)")
    entry = "url" if kind == "urlset" else "sitemap"
    locs = []
    for element in root:
        if isinstance(element.tag, str) and etree.QName(element).localname == entry:
            for child in element:
                if isinstance(child.tag, str) and etree.QName(child).localname == "loc" and child.text:
                    locs.append(child.text.strip())
    return kind, locs


def read_url_file(path: str) -> list[str]:
    """URLs listed one per line in ``path`` ("-" for stdin); blank lines and # comments skipped."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read URL list: {err}") from None
    urls = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def _json_feed_links(text: str, base: str, url: str) -> list[str]:
    try:
        feed = json.loads(text)
    except json.JSONDecodeError as err:
        raise FetchError(f"{url}: not a JSON Feed ({err})") from None
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        raise FetchError(f"{url}: not a JSON Feed (no items list)")
    return _clean(base, (item.get("url") or item.get("external_url") for item in items if isinstance(item, dict)))


def _still_typed(typed: bool, link: str, listing: str) -> bool:
    """A found link counts as typed only if it stays on the host of a typed listing."""
    return typed and host_of(link) == host_of(listing)


def _advertised_feeds(html: str, base: str) -> list[str]:
    """Feed URLs a page advertises with <link rel="alternate" type="...">."""
    try:
        document = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    hrefs = (
        link.get("href")
        for link in document.iter("link")
        if "alternate" in (link.get("rel") or "").lower().split()
        and (link.get("type") or "").lower() in ADVERTISED_FEED_TYPES
    )
    return _clean(base, hrefs)


def _clean(base: str, links: Iterable[object]) -> list[str]:
    """Absolute http(s) links, fragments dropped, first occurrence kept, at most MAX_LINKS.

    Links with control characters are dropped: they are not valid URLs, and
    a link ends up in reports and terminals (an escape sequence in a feed
    must not reach the user's terminal through an error message).
    """
    out: dict[str, None] = {}
    for link in links:
        if not isinstance(link, str) or not link.strip() or _CONTROL.search(link.strip()):
            continue
        try:
            absolute = urldefrag(urljoin(base, link.strip())).url
            scheme = urlsplit(absolute).scheme
        except ValueError:  # e.g. an unclosed IPv6 bracket
            continue
        if scheme in ("http", "https"):
            out.setdefault(absolute, None)
        if len(out) >= MAX_LINKS:
            break
    return list(out)

