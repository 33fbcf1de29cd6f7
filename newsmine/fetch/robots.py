"""robots.txt: fetched once per origin, cached for the life of a Fetcher.

Rules follow RFC 9309 and common crawler practice: a 4xx robots.txt (usually
404) means everything is allowed; a 5xx, a 429 or an unreachable robots.txt
means "disallow for now", since the site may be down or overloaded;
redirects are followed like any fetch.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urlsplit
from urllib.robotparser import Entry, RobotFileParser

from newsmine.errors import FetchError

# What the loader returns for a robots.txt URL: (HTTP status, decoded text).
Loader = Callable[[str], tuple[int, str]]


@dataclass
class _Cached:
    parser: RobotFileParser | None = None
    error: FetchError | None = None  # robots.txt was unreachable: repeat this reason


def origin(url: str) -> str:
    """scheme://host[:port], the scope of one robots.txt, normalised (default port left out)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    port = parts.port
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def allowed(parser: RobotFileParser, agent: str, url: str) -> bool:
    """RFC 9309 matching on the groups RobotFileParser read.

    RobotFileParser itself takes the first rule that matches, in file order,
    and reads ``*`` and ``$`` literally; RFC 9309 (and Google, Bing) take the
    longest matching rule, let Allow win a tie, and support both wildcards,
    which sites use a lot (``Disallow: /*?utm_``, ``Disallow: /*.pdf$``).
    """
    if parser.disallow_all:
        return False
    parts = urlsplit(url)
    if parser.allow_all or parts.path == "/robots.txt":  # RFC 9309: robots.txt itself is always allowed
        return True
    group = _group(parser, agent)
    if group is None:
        return True
    # Normalised the way RobotFileParser normalises its rule paths, so the two compare.
    target = quote(unquote(parts.path + (f"?{parts.query}" if parts.query else ""))) or "/"
    best_length, verdict = -1, True
    for rule in group.rulelines:
        pattern = rule.path.replace("%2A", "*").replace("%24", "$")
        if _pattern(pattern).match(target) and (
            len(pattern) > best_length or (len(pattern) == best_length and rule.allowance)
        ):
            best_length, verdict = len(pattern), rule.allowance
    return verdict


def _group(parser: RobotFileParser, agent: str) -> Entry | None:
    """Our User-agent group, else the ``*`` group.

    RFC 9309 matches the product token exactly (case aside); RobotFileParser
    matches substrings, so a group for "news" would wrongly bind "newsmine".
    """
    token = agent.lower()
    mine = (e for e in parser.entries if token in (a.lower() for a in e.useragents))
    return next(mine, parser.default_entry)


@lru_cache(maxsize=1024)
def _pattern(rule: str) -> re.Pattern[str]:
    anchored = rule.endswith("$")
    body = ".*".join(re.escape(piece) for piece in rule.rstrip("$").split("*"))
    return re.compile(body + ("$" if anchored else ""))


class RobotsCache:
    """Answers "may ``agent`` fetch this URL?", loading each origin's robots.txt once."""

    def __init__(self, agent: str, load: Loader):
        self.agent = agent
        self._load = load
        self._entries: dict[str, _Cached] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def check(self, url: str) -> None:
        """Raise ``FetchError(outcome="robots")`` if robots.txt forbids ``url``."""
        entry = self._entry(origin(url))
        if entry.error is not None:
            raise entry.error
        assert entry.parser is not None
        if not allowed(entry.parser, self.agent, url):
            raise FetchError(f"{url}: disallowed by robots.txt", outcome="robots")

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt asks of us for this URL's origin, if any."""
        entry = self._entry(origin(url))
        if entry.parser is None:
            return None
        group = _group(entry.parser, self.agent)
        delay = group.delay if group is not None else None
        return float(delay) if delay is not None else None

    def _entry(self, key: str) -> _Cached:
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        # One lock per origin: concurrent fetches to one host load robots.txt once.
        with lock:
            if key not in self._entries:
                self._entries[key] = self._fetch(key)
            return self._entries[key]

    def _fetch(self, key: str) -> _Cached:
        robots_url = f"{key}/robots.txt"
        try:
            status, text = self._load(robots_url)
        except FetchError as err:
            # Unreachable (the reason names robots.txt's URL): the host's pages are skipped for this run.
            return _Cached(error=err)
        parser = RobotFileParser(robots_url)
        if status >= 500 or status == 429:  # overloaded or asking us to slow down: not a "no robots.txt"
            message = f"robots.txt answered HTTP {status}; not fetching this host for now"
            return _Cached(error=FetchError(message, status=status, outcome="robots"))
        if status >= 400:
            parser.allow_all = True  # no robots.txt: everything is allowed
        else:
            parser.parse(text.splitlines())
        parser.modified()  # RobotFileParser refuses everything until it was "read"
        return _Cached(parser=parser)
