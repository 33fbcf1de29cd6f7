"""Politeness against a real loopback server: robots.txt and per-host rate limits."""

from __future__ import annotations

import threading
import time

import pytest
from loopback import Reply, loopback, loopback2  # noqa: F401  (pytest fixtures)

from newsmine.errors import FetchError
from newsmine.fetch import FetchConfig, Fetcher

HTML = {"Content-Type": "text/html"}
TEXT = {"Content-Type": "text/plain"}
FAST = FetchConfig(rate=100, retries=1, backoff=0.05, read_timeout=1)
ROBOTS = (
    "User-agent: news\nDisallow: /\n\n"  # another crawler's group: "news" is not "newsmine"
    "User-agent: *\nDisallow: /private\n\nUser-agent: NewsMine\nDisallow: /members\n"
)


def outcome(fetcher: Fetcher, url: str) -> str:
    try:
        fetcher.fetch(url)
    except FetchError as err:
        return err.outcome
    return "ok"


def test_robots_rules_obeyed_and_fetched_once(loopback):
    loopback.route("/robots.txt", Reply(200, ROBOTS, TEXT))
    for path in ("/news", "/private/x", "/members/y"):
        loopback.route(path, Reply(200, "<p>page</p>", HTML))
    with Fetcher(FAST) as fetcher:
        results = [outcome(fetcher, loopback.url(p)) for p in ("/news", "/members/y", "/news", "/private/x")]
    # Our own User-agent group applies (only /members is off limits for us).
    assert results == ["ok", "robots", "ok", "ok"]
    assert loopback.hits("/robots.txt") == 1 and loopback.hits("/members/y") == 0


def test_robots_longest_match_and_wildcards(loopback):
    rules = "User-agent: *\nDisallow: /private\nAllow: /private/open\nDisallow: /*.pdf$\nDisallow: /*?utm_\n"
    loopback.route("/robots.txt", Reply(200, rules, TEXT))
    paths = ["/private/a", "/private/open/b", "/doc.pdf", "/doc.pdf?page=2", "/story?utm_source=x", "/story?id=1"]
    for path in paths:
        loopback.route(path, Reply(200, "<p>x</p>", HTML))
    with Fetcher(FAST) as fetcher:
        results = [outcome(fetcher, loopback.url(p)) for p in paths]
    assert results == ["robots", "ok", "robots", "ok", "robots", "ok"]


def test_robots_checked_on_every_redirect_hop(loopback):
    loopback.route("/robots.txt", Reply(200, ROBOTS, TEXT))
    loopback.route("/go", Reply(302, b"", {"Location": "/members/secret"}))
    with Fetcher(FAST) as fetcher:
        assert outcome(fetcher, loopback.url("/go")) == "robots"
    assert loopback.hits("/members/secret") == 0


def test_robots_fetched_once_per_host_under_concurrency(loopback):
    loopback.route("/robots.txt", Reply(200, "User-agent: *\nDisallow: /no\n", TEXT))
    loopback.route("/yes", Reply(200, "<p>y</p>", HTML))
    urls = [loopback.url(p) for p in ("/yes", "/no", "/yes")] + [loopback.url("/yes", host="localhost")]
    with Fetcher(FAST) as fetcher:
        threads = [threading.Thread(target=outcome, args=(fetcher, u)) for u in urls]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert loopback.hits("/robots.txt") == 2  # once for 127.0.0.1, once for localhost
    assert loopback.hits("/no") == 0


@pytest.mark.parametrize("status", [503, 429])
def test_robots_404_allows_and_5xx_disallows(loopback, loopback2, status):
    loopback.route("/a", Reply(200, "<p>a</p>", HTML))  # no robots.txt route: 404
    loopback2.route("/robots.txt", Reply(status, "busy"))
    loopback2.route("/a", Reply(200, "<p>a</p>", HTML))
    with Fetcher(FAST) as fetcher:
        assert outcome(fetcher, loopback.url("/a")) == "ok"
        assert outcome(fetcher, loopback2.url("/a")) == "robots"
        with pytest.raises(FetchError, match=f"robots.txt answered HTTP {status}"):
            fetcher.fetch(loopback2.url("/a"))
    assert loopback2.hits("/a") == 0


def test_crawl_delay_slows_a_host(loopback):
    loopback.route("/robots.txt", Reply(200, "User-agent: *\nCrawl-delay: 1\n", TEXT))
    loopback.route("/p", Reply(200, "<p>p</p>", HTML))
    with Fetcher(FAST) as fetcher:
        start = time.monotonic()
        fetcher.fetch(loopback.url("/p"))
        fetcher.fetch(loopback.url("/p"))
        assert time.monotonic() - start >= 0.9


def test_rate_limit_per_host_with_hosts_in_parallel(loopback):
    starts: dict[str, list[float]] = {}

    def stamp(req):
        starts.setdefault(req.headers["Host"].split(":")[0], []).append(time.monotonic())
        return Reply(200, "<p>x</p>", HTML)

    for i in range(3):
        loopback.route(f"/{i}", stamp)
    urls = [loopback.url(f"/{i}", host=h) for i in range(3) for h in ("127.0.0.1", "localhost")]
    begin = time.monotonic()
    with Fetcher(FetchConfig(rate=1.0)) as fetcher:
        results = list(fetcher.fetch_all(urls))
    elapsed = time.monotonic() - begin
    assert sorted(u for u, _ in results) == sorted(urls)
    assert all(not isinstance(r, FetchError) for _, r in results)
    # Per host: robots.txt + 3 pages at 1/s is >= 3 s; both hosts together stay
    # well under the 6 s that fetching one host after the other would take.
    assert 2.8 <= elapsed < 5.5
    for host, times in starts.items():
        gaps = [b - a for a, b in zip(times, times[1:])]
        assert len(times) == 3 and min(gaps) >= 0.9, (host, gaps)


def test_fetch_all_orders_and_reports_errors(loopback):
    loopback.route("/slow", lambda req: (time.sleep(0.5), Reply(200, "<p>slow</p>", HTML))[1])
    loopback.route("/fast", Reply(200, "<p>fast</p>", HTML))
    urls = [loopback.url("/slow"), "ftp://nowhere/x", loopback.url("/fast", host="localhost")]
    with Fetcher(FAST) as fetcher:
        done = [u for u, _ in fetcher.fetch_all(urls)]
        ordered = list(fetcher.fetch_all(urls, ordered=True))
    assert done[-1] == urls[0]  # as completed: the slow page comes last
    assert [u for u, _ in ordered] == urls
    assert isinstance(ordered[1][1], FetchError) and ordered[2][1].html == "<p>fast</p>"


def test_fetch_all_stops_crawling_when_the_consumer_stops(loopback):
    for i in range(6):
        loopback.route(f"/{i}", Reply(200, "<p>x</p>", HTML))
    with Fetcher(FetchConfig(rate=4.0)) as fetcher:
        results = fetcher.fetch_all([loopback.url(f"/{i}") for i in range(6)])
        next(results)
        results.close()  # e.g. the user pressed Ctrl-C, or a caller only wanted one
        time.sleep(1.0)  # the remaining five would need 1.25 s at 4/s
    assert sum(loopback.hits(f"/{i}") for i in range(6)) <= 2
