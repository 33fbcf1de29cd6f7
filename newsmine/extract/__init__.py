"""Extract stage: ``Page`` -> ``Article`` (main text plus metadata).

``extract(page)`` is the public entry point. HTML goes through trafilatura for
the body and through ``metadata`` for title, authors, dates, site, canonical URL
and language; plain-text pages (``Page.is_text``) keep their text, with a
leading Markdown "# " heading taken as the title. Every string is cleaned of
control characters and escape sequences before it leaves this stage, and a
page without usable text raises ``ExtractError`` with a one-line reason.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from newsmine.errors import ExtractError
from newsmine.extract.body import main_text
from newsmine.extract.clean import clean_line, clean_text, reject_binary, require_text
from newsmine.extract.metadata import Metadata, extract_metadata
from newsmine.extract.plain import plain_article
from newsmine.records import Article, Page

__all__ = ["ExtractError", "extract", "extract_html"]

MAX_HTML_CHARS = 8_000_000  # larger pages are cut: article text sits well before this


_UTF8_PARSER = lxml_html.HTMLParser(encoding="utf-8")
_LIST_ROW = re.compile(r"[-*•] ")


def extract(page: Page) -> Article:
    """The article in ``page``; raises ``ExtractError`` when it holds no usable text."""
    if page.is_text:
        return plain_article(page.html, source=page.source, url=page.url)
    return extract_html(page.html, url=page.url, source=page.source)


def extract_html(html: str, url: str | None = None, source: str | None = None) -> Article:
    """Extract from an HTML string (the benchmark and ``analyze`` on raw HTML use this)."""
    source = source if source is not None else (url or "-")
    reject_binary(html, source)
    html = html[:MAX_HTML_CHARS].replace("\x00", "")
    tree = _parse(html)
    meta = Metadata()
    if tree is not None:
        try:
            meta = extract_metadata(tree, url)
        except (RecursionError, ValueError):
            meta = Metadata()  # broken metadata must not cost us the text
    title = clean_line(meta.title)
    text = require_text(_paragraphs(clean_text(main_text(tree, html, url)), title), source)
    return Article(
        source=source,
        text=text,
        url=url,
        canonical_url=meta.canonical_url,
        title=title,
        authors=[a for a in (clean_line(a) for a in meta.authors) if a],
        published=meta.published,
        modified=meta.modified,
        site=clean_line(meta.site),
        lang=meta.lang,
    )


def _paragraphs(text: str, title: str | None) -> str:
    """One blank line between blocks (as in plain-text input), without a repeated headline.

    Extractors keep the ``<h1>`` as the first line; the title is already its
    own field, and leaving it in the body would make it the first "sentence".
    List rows (trafilatura writes an ``<li>`` as "- item") stay in one block,
    one per line, with the line that introduces them ("Movers as of 08:00
    UTC:"), so the NLP stage can read the header's period and date into them.
    """
    lines = [line for line in text.split("\n") if line]
    if lines and title and " ".join(lines[0].split()).casefold() == title.casefold():
        lines = lines[1:]
    blocks: list[str] = []
    for line in lines:
        if blocks and _LIST_ROW.match(line) and (_LIST_ROW.match(blocks[-1].rsplit("\n", 1)[-1]) or blocks[-1].endswith(":")):
            blocks[-1] += "\n" + line  # a list stays one block with the line that introduces it
        else:
            blocks.append(line)
    return "\n\n".join(blocks)


def _parse(html: str) -> lxml_html.HtmlElement | None:
    """An lxml tree, or None when lxml cannot make one (the text fallback still runs)."""
    try:
        return lxml_html.document_fromstring(html)
    except ValueError:
        pass  # a str with an XML encoding declaration: lxml wants bytes for that
    except (etree.ParserError, RecursionError):
        return None
    try:
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError, RecursionError):
        return None
