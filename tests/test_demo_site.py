"""The demo site: rendered from the corpus, served over loopback, extracted back.

Every article page must give back the corpus article (text, title, authors,
time, site, canonical URL, language) and none of the boilerplate around it; the
feed, sitemap and robots.txt must set up the demo's robots skip and failure.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import httpx
import pytest

from newsmine.corpus import load
from newsmine.corpus.render import BOILERPLATE, BROKEN, PRIVATE, SITE, render
from newsmine.errors import ExtractError
from newsmine.extract import extract
from newsmine.records import Page

COMMITTED = Path(__file__).resolve().parents[1] / "corpora" / "demo-site"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site rendered from today's corpus, served on 127.0.0.1:<free port>."""
    root = tmp_path_factory.mktemp("demo-site")
    articles = load()
    paths = render(root, articles)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield base, paths, {a.title: a for a in articles}
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str) -> Page:
    response = httpx.get(url, timeout=10)
    response.raise_for_status()
    return Page(source=url, url=str(response.url), html=response.text, status=response.status_code)


def test_feed_lists_every_page_with_root_relative_links(site):
    base, paths, _ = site
    feed = feedparser.parse(httpx.get(urljoin(base, "feed.xml"), timeout=10).text)
    links = [entry.link for entry in feed.entries]
    assert links == paths and all(link.startswith("/") for link in links)
    assert BROKEN in links and sum(link.startswith(PRIVATE) for link in links) == 1
    sitemap = httpx.get(urljoin(base, "sitemap.xml"), timeout=10).text
    assert all(f"<loc>{p}</loc>" in sitemap for p in paths)
    robots = httpx.get(urljoin(base, "robots.txt"), timeout=10).text
    assert f"Disallow: {PRIVATE}" in robots.splitlines()


def test_article_pages_extract_to_the_corpus_article(site):
    base, paths, gold = site
    articles = [p for p in paths if p != BROKEN]
    assert len(articles) >= 8
    for path in articles:
        url = urljoin(base, path)
        article = extract(fetch(url))
        expected = gold[article.title]
        assert article.text == expected.text
        assert all(s.text in article.text for s in expected.sentences)
        assert article.authors == list(expected.meta["authors"])
        assert article.published == expected.meta["published"]
        assert article.published[-6] in "+-"  # time zone kept
        assert article.site == SITE
        assert article.canonical_url == url
        assert article.lang == "en"
        for noise in (BOILERPLATE["cookie"], BOILERPLATE["newsletter"], BOILERPLATE["footer"],
                      "Related stories", "Advertisement", "Trade crypto with zero fees"):
            assert noise not in article.text
        for who, said in BOILERPLATE["comments"]:
            assert who not in article.text and said not in article.text
        assert not any(title in article.text for title in gold if title != article.title and len(title) > 20)


def test_broken_page_is_a_one_line_failure(site):
    base, _, _ = site
    with pytest.raises(ExtractError, match="no article text found") as info:
        extract(fetch(urljoin(base, BROKEN)))
    assert "\n" not in str(info.value)


def test_committed_site_is_complete():
    for name in ("index.html", "feed.xml", "sitemap.xml", "robots.txt", "README.md", BROKEN.lstrip("/")):
        assert (COMMITTED / name).is_file(), name
    pages = sorted(COMMITTED.glob("news/**/*.html")) + sorted(COMMITTED.glob("private/**/*.html"))
    assert len(pages) >= 9
    for page_file in pages:
        if page_file.name == Path(BROKEN).name:
            continue
        article = extract(Page(source=page_file.name, url="http://127.0.0.1:1/x", html=page_file.read_text()))
        assert article.title and article.authors and article.published and len(article.text) > 500
