"""Feeds, sitemaps and URL lists, served by a real loopback server."""

from __future__ import annotations

import gzip
import io
import json
import logging

import pytest
from loopback import Reply, loopback, loopback2  # noqa: F401  (pytest fixtures)

from newsmine.errors import FetchError, InputError
from newsmine.fetch import FetchConfig, Fetcher, feed_links, read_url_file, sitemap_links

CONFIG = FetchConfig(rate=100, retries=0)
PRIVATE_OK = FetchConfig(rate=100, retries=0, allow_private=True)
XML = {"Content-Type": "application/xml"}

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><link>https://news.example/2024/one</link></item>
<item><title>Two</title><link>/2024/two</link></item>
<item><title>One again</title><link>https://news.example/2024/one#comments</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>A</title><link rel="alternate" href="https://news.example/a"/><id>1</id></entry>
<entry><title>B</title><link href="https://news.example/b"/><id>2</id></entry>
</feed>"""
URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>"""
NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/n1</loc><news:news><news:title>N1</news:title></news:news></url>
<url><loc>https://news.example/n2</loc><news:news><news:title>N2</news:title></news:news></url>
</urlset>"""


def test_rss_links_absolute_and_deduplicated(loopback):
    loopback.route("/rss", Reply(200, RSS, {"Content-Type": "application/rss+xml"}))
    with Fetcher(CONFIG) as fetcher:
        links = feed_links(fetcher, loopback.url("/rss"))
    assert links == ["https://news.example/2024/one", loopback.url("/2024/two")]


def test_atom_and_json_feed(loopback):
    loopback.route("/atom", Reply(200, ATOM, {"Content-Type": "application/atom+xml"}))
    items = [
        {"id": "1", "url": "https://news.example/j1"},
        {"id": "2", "external_url": "https://other.example/j2"},
        {"id": "3", "url": "https://news.example/\x1b[31mred"},  # a terminal escape: dropped
        {"id": "4", "url": "http://[::1/broken"},
        {"id": "5", "url": "mailto:desk@news.example"},
    ]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": items}
    loopback.route("/feed.json", Reply(200, json.dumps(feed), {"Content-Type": "application/feed+json"}))
    loopback.route("/page", Reply(200, "<html><p>not a feed</p></html>", {"Content-Type": "text/html"}))
    with Fetcher(CONFIG) as fetcher:
        assert feed_links(fetcher, loopback.url("/atom")) == ["https://news.example/a", "https://news.example/b"]
        assert feed_links(fetcher, loopback.url("/feed.json")) == ["https://news.example/j1", "https://other.example/j2"]
        with pytest.raises(FetchError, match="not a feed"):
            feed_links(fetcher, loopback.url("/page"))


def test_feed_autodiscovered_from_html_page(loopback):
    home = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Hi</body></html>'
    loopback.route("/", Reply(200, home, {"Content-Type": "text/html"}))
    loopback.route("/rss", Reply(200, RSS, XML))
    with Fetcher(CONFIG) as fetcher:  # same origin as the typed page: no allow_private needed
        assert feed_links(fetcher, loopback.url("/")) == ["https://news.example/2024/one", loopback.url("/2024/two")]


def test_feed_link_to_private_address_refused_unless_allowed(loopback):
    loopback.route("/article", Reply(200, "<p>internal</p>", {"Content-Type": "text/html"}))
    rss = RSS.replace("https://news.example/2024/one", loopback.url("/article", host="localhost"))
    loopback.route("/rss", Reply(200, rss, XML))
    for config, refused in ((CONFIG, True), (PRIVATE_OK, False)):
        with Fetcher(config) as fetcher:
            link = feed_links(fetcher, loopback.url("/rss"))[0]
            (_, result), = fetcher.fetch_all([link], typed=False)
        assert isinstance(result, FetchError) is refused
        if refused:
            assert "non-public address 127.0.0.1" in str(result)


def test_sitemap_index_news_and_gzip_children(loopback):
    plain = URLSET.format("<url><loc>https://news.example/p1</loc></url><url><loc>https://news.example/p2</loc></url>")
    index = URLSET.replace("urlset", "sitemapindex").format(
        f"<sitemap><loc>{loopback.url('/news.xml')}</loc></sitemap>"
        "<sitemap><loc>/plain.xml.gz</loc></sitemap>"
        "<sitemap><loc>/missing.xml</loc></sitemap>"
        "<sitemap><loc>/index.xml</loc></sitemap>"  # itself: read once, not in a loop
    )
    loopback.route("/index.xml", Reply(200, index, XML))
    loopback.route("/news.xml", Reply(200, NEWS, XML))
    loopback.route("/plain.xml.gz", Reply(200, gzip.compress(plain.encode()), {"Content-Type": "application/x-gzip"}))
    with Fetcher(CONFIG) as fetcher:  # children on the typed index's own origin are trusted
        links = sitemap_links(fetcher, loopback.url("/index.xml"))
    assert links == [f"https://news.example/{p}" for p in ("n1", "n2", "p1", "p2")]
    assert loopback.hits("/index.xml") == 1 and loopback.hits("/missing.xml") == 1


def test_sitemap_children_on_other_private_hosts_skipped(loopback, caplog):
    child = loopback.url("/news.xml", host="localhost")  # another origin than the typed index
    index = URLSET.replace("urlset", "sitemapindex").format(f"<sitemap><loc>{child}</loc></sitemap>")
    loopback.route("/index.xml", Reply(200, index, XML))
    loopback.route("/news.xml", Reply(200, NEWS, XML))
    with caplog.at_level(logging.WARNING), Fetcher(CONFIG) as fetcher:
        assert sitemap_links(fetcher, loopback.url("/index.xml")) == []
    assert loopback.hits("/news.xml") == 0 and "non-public address" in caplog.text


def test_text_sitemap(loopback):
    listing = "https://news.example/t1\n\nnot a url\nhttps://news.example/t2\n"
    loopback.route("/sitemap.txt", Reply(200, listing, {"Content-Type": "text/plain"}))
    with Fetcher(CONFIG) as fetcher:
        assert sitemap_links(fetcher, loopback.url("/sitemap.txt")) == ["https://news.example/t1", "https://news.example/t2"]


def test_robots_txt_as_sitemap_index(loopback, loopback2):
    for server, rule in ((loopback, "/private"), (loopback2, "/")):
        robots = f"User-agent: *\nDisallow: {rule}\n\nSitemap: {server.url('/news.xml')}\n"
        server.route("/robots.txt", Reply(200, robots, {"Content-Type": "text/plain"}))
        server.route("/news.xml", Reply(200, NEWS, XML))
    with Fetcher(CONFIG) as fetcher:
        assert sitemap_links(fetcher, loopback.url("/robots.txt")) == ["https://news.example/n1", "https://news.example/n2"]
        # Disallow: / still lets robots.txt itself be read, but not the sitemap it names.
        assert sitemap_links(fetcher, loopback2.url("/robots.txt")) == []
    assert loopback2.hits("/robots.txt") == 2 and loopback2.hits("/news.xml") == 0


def test_sitemap_parser_expands_no_entities(loopback, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    laughs = "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefg", "bcdefgh"))
    head = f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">{laughs}'
    xxe = f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example/{}</loc></url></urlset>'
    loopback.route("/bomb.xml", Reply(200, head + "]>" + body.format("&h;"), XML))
    loopback.route("/xxe.xml", Reply(200, head + xxe + body.format("&xxe;"), XML))
    with Fetcher(CONFIG) as fetcher:
        try:
            links = sitemap_links(fetcher, loopback.url("/bomb.xml"))
        except FetchError as err:
            links = [str(err)]
        assert sum(len(link) for link in links) < 1000  # refused or left unexpanded, never 10**8 bytes
        assert sitemap_links(fetcher, loopback.url("/xxe.xml")) == ["https://news.example/"]


def test_read_url_file(tmp_path, monkeypatch):
    listing = tmp_path / "urls.txt"
    listing.write_text("# wires\nhttps://a.example/1\n\n  https://b.example/2  \n#https://c.example/3\n")
    assert read_url_file(str(listing)) == ["https://a.example/1", "https://b.example/2"]
    monkeypatch.setattr("sys.stdin", io.StringIO("https://d.example/4\n"))
    assert read_url_file("-") == ["https://d.example/4"]
    with pytest.raises(InputError, match="cannot read URL list"):
        read_url_file(str(tmp_path / "missing.txt"))
