"""The main text of an HTML page: trafilatura first, simpler readers as fallbacks.

trafilatura gives the best precision/recall balance measured on the
article-extraction benchmark (see ``newsmine eval extraction``). Pages it
cannot handle (nesting deeper than lxml keeps, recursion limits, odd markup)
fall back to the paragraphs lxml sees, and finally to a streaming reader built
on the standard library's ``html.parser``, which has no depth limit and runs in
linear time, so hostile pages still give text in bounded time.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser

import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import use_config

MIN_FALLBACK_CHARS = 40  # fallback output shorter than this is treated as no text
# trafilatura's time grows faster than linearly with the element count (a 300,000
# paragraph page took minutes); real articles have a few thousand elements (the
# benchmark's largest: 1,709), so past this bound the linear <p> reader is used.
MAX_TREE_ELEMENTS = 30_000

# Settings chosen by measurement on the benchmark (``newsmine eval extraction``,
# 181 pages, P/R/F1): defaults 0.941/0.972/0.956; favor_precision 0.957/0.964/0.961
# (kept); favor_recall 0.940/0.975/0.957; without tables 0.942/0.966/0.954;
# deduplicate 0.934/0.966/0.950; with comments 0.927/0.972/0.949.
_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "favor_recall": False,
    "deduplicate": False,
}
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signals: we may run off the main thread

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_SKIP = {"head", "title", "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "section", "article",
           "br", "tr", "td", "dd", "dt", "main"}


def main_text(tree: lxml_html.HtmlElement | None, html: str, url: str | None) -> str:
    """Best-effort article text; empty when nothing readable is found."""
    if tree is not None and _too_large(tree):
        text = paragraph_text(tree)
        if len(text) >= MIN_FALLBACK_CHARS:
            return text
    elif tree is not None:
        try:
            text = trafilatura.extract(tree, url=url, output_format="txt", config=_CONFIG, **_OPTIONS)
        except (RecursionError, ValueError, TypeError, AttributeError, IndexError, MemoryError):
            text = None  # trafilatura gave up on this markup: use a simpler reader
        if text:
            return text
        text = paragraph_text(tree)
        if len(text) >= MIN_FALLBACK_CHARS:
            return text
    return stream_text(html)


def _too_large(tree: lxml_html.HtmlElement) -> bool:
    return any(i >= MAX_TREE_ELEMENTS for i, _ in enumerate(tree.iter()))


def paragraph_text(tree: lxml_html.HtmlElement) -> str:
    """The text of ``<p>`` elements, one per line (iterative: no recursion)."""
    lines = []
    for el in tree.iter("p"):
        try:
            line = " ".join(el.text_content().split())
        except (RecursionError, ValueError):
            continue
        if line:
            lines.append(line)
    return "\n".join(lines)


class _StreamText(HTMLParser):
    """Collects visible text outside boilerplate elements, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_stack.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack and self.skip_stack[-1] == tag:
            self.skip_stack.pop()
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_stack:
            self.parts.append(data)


def stream_text(html: str) -> str:
    """Visible text by a linear scan of the markup, for pages a tree cannot hold."""
    reader = _StreamText()
    reader.feed(html)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return "\n".join(line for line in lines if line)
