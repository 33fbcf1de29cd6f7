"""Extraction of text and metadata: JSON-LD variants, meta conventions, bylines,
plain text, and hostile input (deep nesting, NUL bytes, escape sequences)."""

from __future__ import annotations

import json
import time

import pytest

from newsmine.errors import ExtractError
from newsmine.extract import extract, extract_html
from newsmine.extract.clean import clean_line
from newsmine.extract.dates import to_iso
from newsmine.records import Page

BODY = (
    "<p>Bitcoin rose 4% to $43,200 on Monday as traders returned after the holiday lull, "
    "with volumes on major exchanges climbing to their highest level in a month.</p>"
    "<p>Ether followed, adding 3% to $2,310, while smaller tokens lagged behind the majors "
    "for a third straight session according to market data.</p>"
    "<p>Analysts said the move was driven by short covering rather than fresh buying, "
    "and warned that funding rates remained elevated across perpetual futures venues.</p>"
)


def page(head: str = "", body: str = BODY, html_attrs: str = "") -> str:
    return f"<!DOCTYPE html><html {html_attrs}><head>{head}</head><body><article>{body}</article></body></html>"


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


NEWS = {"@type": "NewsArticle", "headline": "Bitcoin Climbs", "datePublished": "2024-01-08T14:05:00+01:00",
        "dateModified": "2024-01-08T16:00:00Z"}


@pytest.mark.parametrize(
    "doc",
    [
        {"@context": "https://schema.org", **NEWS, "author": {"@type": "Person", "name": "Jane Doe"}},
        {"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "Wrong"},
            {**NEWS, "author": [{"@id": "#jd"}]},
            {"@type": "Person", "@id": "#jd", "name": "Jane Doe"}]},
        [{"@type": "BreadcrumbList"}, {**NEWS, "@type": ["ReportageNewsArticle"], "author": ["Jane Doe"]}],
        {**NEWS, "@type": "BlogPosting", "author": [{"name": "Jane Doe"}, {"name": "https://x.example/jd"}]},
    ],
    ids=["object", "graph-with-id-refs", "array", "blogposting"],
)
def test_json_ld_variants(doc):
    article = extract_html(page(ld(doc) + "<title>Other | Site</title>"))
    assert article.title == "Bitcoin Climbs"
    assert article.authors == ["Jane Doe"]
    assert article.published == "2024-01-08T14:05:00+01:00"
    assert article.modified == "2024-01-08T16:00:00+00:00"


def test_broken_json_ld_falls_back_to_meta_tags():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
        '<meta property="og:title" content="From OpenGraph">'
        '<meta property="og:site_name" content="Coin Post">'
        '<meta name="parsely-author" content="Ann Lee">'
        '<meta name="sailthru.date" content="2023-05-01 10:00:00">'
        '<meta property="og:locale" content="pt_BR">'
        '<meta property="og:url" content="/story/1">'
    )
    article = extract_html(page(head), url="https://coinpost.example/a?utm=x")
    assert article.title == "From OpenGraph"
    assert article.site == "Coin Post"
    assert article.authors == ["Ann Lee"]
    assert article.published == "2023-05-01T10:00:00"  # naive stays naive
    assert article.lang == "pt"
    assert article.canonical_url == "https://coinpost.example/story/1"


def test_visible_byline_time_element_and_title_suffix():
    head = '<title>Bitcoin Climbs - Coin Post</title><meta name="application-name" content="Coin Post">'
    body = '<p class="meta">By Jane Doe and John Roe</p><time datetime="2022-02-03">Feb 3</time>' + BODY
    article = extract_html(page(head, body, 'lang="en-GB"'))
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published == "2022-02-03"
    assert article.title == "Bitcoin Climbs"
    assert article.lang == "en"
    assert "By Jane Doe" not in article.text


def test_commenters_are_not_authors():
    body = BODY + '<section class="comments"><span class="comment-author">Troll King</span><p>First!</p></section>'
    body = '<div class="comment-author">Early Bird</div>' + body + '<span class="author">Jane Doe</span>'
    assert extract_html(page(body=body)).authors == ["Jane Doe"]


def test_canonical_link_wins_and_is_resolved():
    head = '<link rel="canonical" href="/news/x.html"><meta property="og:url" content="https://other.example/y">'
    article = extract_html(page(head), url="http://127.0.0.1:8080/news/x.html?ref=feed")
    assert article.canonical_url == "http://127.0.0.1:8080/news/x.html"


def test_missing_metadata_stays_missing():
    article = extract_html(page())
    assert (article.title, article.authors, article.published, article.site, article.lang) == (None, [], None, None, None)
    assert "Ether followed" in article.text


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2017-12-18T06:30:00Z", "2017-12-18T06:30:00+00:00"),
        ("Mon, 18 Dec 2017 06:30:00 GMT", "2017-12-18T06:30:00+00:00"),
        ("2017-12-18 06:30:00 UTC", "2017-12-18T06:30:00+00:00"),
        ("2017-12-18T06:30:00", "2017-12-18T06:30:00"),
        ("December 18, 2017", "2017-12-18"),
        ("yesterday", None),
    ],
)
def test_dates_are_iso_without_invented_zones(raw, iso):
    assert to_iso(raw) == iso


def test_plain_text_and_markdown():
    md = "# Ether **Rallies**\n\nEther [rose](https://x.example) 5% on *heavy* volume today.\n\n## More\n\nSecond paragraph here.\n"
    article = extract(Page(source="note.md", url=None, html=md, is_text=True))
    assert article.title == "Ether Rallies"
    assert article.text.startswith("Ether rose 5% on *heavy* volume today.")
    assert "More\n\nSecond paragraph here." in article.text
    txt = "Bitcoin fell 3% overnight.\nNo heading here."
    assert extract(Page(source="a.txt", url=None, html=txt, is_text=True)).text == txt


def test_a_list_stays_one_block_with_the_line_that_introduces_it():
    body = BODY + "<p>Biggest movers as of 08:00 UTC:</p><ul><li>SOL: $141.20, down 6.1%</li><li>XRP: $0.52, down 4.4%</li></ul>"
    text = extract_html(page(body=body), url="https://news.example/movers").text
    assert "\n\nBiggest movers as of 08:00 UTC:\n- SOL: $141.20, down 6.1%\n- XRP: $0.52, down 4.4%" in text


@pytest.mark.parametrize("raw", ["", "   \n ", "\x00" * 500, "<html><body><nav>Home</nav></body></html>"])
def test_no_usable_text_is_a_one_line_error(raw):
    with pytest.raises(ExtractError) as info:
        extract(Page(source="bad.html", url=None, html=raw))
    assert "\n" not in str(info.value) and str(info.value).startswith("bad.html")


def test_deeply_nested_divs_finish_quickly_with_text():
    html = "<html><body>" + "<div>" * 200_000 + BODY + "</div>" * 200_000 + "</body></html>"
    started = time.perf_counter()
    article = extract_html(html)
    assert time.perf_counter() - started < 20
    assert "Ether followed" in article.text


def test_nul_bytes_and_escape_sequences_never_survive():
    head = ('<title>\x1b]0;pwned\x07Bitcoin\x1b[31m Up\x1b[0m\x00</title>'
            '<meta name="author" content="Eve\x1b[2J Hacker">')
    body = BODY.replace("Monday", "Mon\x00day\x1b[1m")
    article = extract_html(page(head, body))
    assert article.title == "Bitcoin Up"
    assert article.authors == ["Eve Hacker"]
    for field in (article.title, article.text, *article.authors):
        assert "\x1b" not in field and "\x00" not in field and "\x07" not in field
    assert "Monday" in article.text


def test_clean_line_removes_bidi_overrides_and_collapses_space():
    assert clean_line("  Safe\u202e title \x9b31m\n next ") == "Safe title next"


def test_huge_page_is_bounded():
    html = page(body=BODY + "<p>filler sentence for size.</p>" * 300_000)
    started = time.perf_counter()
    article = extract_html(html)
    assert time.perf_counter() - started < 20
    assert "Bitcoin rose 4%" in article.text
