"""Plain-text and Markdown input: the text is the article, with light unmarking.

Users feed saved ``.txt``/``.md`` files and ``text/plain`` responses. The text
is kept as written (offsets computed later must match what the user sees);
only Markdown syntax that would otherwise pollute sentences is removed: heading
markers, emphasis, link targets, images and code fences. A first "# " heading
becomes the title.
"""

from __future__ import annotations

import re

from newsmine.extract.clean import clean_line, clean_text, reject_binary, require_text
from newsmine.records import Article

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_FENCE = re.compile(r"^```.*$", re.MULTILINE)


def plain_article(raw: str, source: str, url: str | None = None) -> Article:
    """An ``Article`` from plain text or Markdown; ``ExtractError`` when it is empty or binary."""
    reject_binary(raw, source)
    text = clean_text(raw)
    title = None
    first, _, rest = text.partition("\n")
    if first.startswith("# "):
        title, text = clean_line(unmark(first[2:])), rest.strip()
    text = require_text(unmark(text), source)
    return Article(source=source, text=text, url=url, title=title)


def unmark(text: str) -> str:
    """Strip the Markdown syntax that is not prose, keeping every word."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _HEADING.sub("", text)
    return _FENCE.sub("", text).strip()
