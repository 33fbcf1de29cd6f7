"""Remove what must never reach storage or a terminal from scraped strings.

Scraped titles and bylines can carry NUL bytes, ANSI/OSC escape sequences (a
title that retitles the user's terminal or hides text) and other control
characters. Extraction strips them once, here (with ``newsmine.controls``, the
same stripping terminal output uses), so every later stage can trust
``Article`` strings to be plain printable text.
"""

from __future__ import annotations

import re
import unicodedata

from newsmine.controls import CONTROLS, strip_controls
from newsmine.errors import ExtractError

MIN_TEXT_CHARS = 20  # shorter "text" is a stub, an error page or noise, not an article

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Article body: no controls, single spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", strip_controls(text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str | None) -> str | None:
    """A one-line field (title, author, site): controls removed, spaces collapsed."""
    if text is None:
        return None
    line = " ".join(unicodedata.normalize("NFC", strip_controls(text)).split())
    return line or None


def reject_binary(raw: str, source: str) -> None:
    """``ExtractError`` for empty input or input that looks binary (controls, U+FFFD)."""
    if not raw or not raw.strip():
        raise ExtractError(f"{source}: empty page")
    sample = raw[:4096]
    # Text and markup have almost no control or undecodable characters; binary has many.
    junk = len(CONTROLS.findall(sample.replace("\t", " "))) + sample.count("\ufffd")
    if junk > len(sample) // 10:
        raise ExtractError(f"{source}: page looks binary, not HTML or text")


def require_text(text: str, source: str) -> str:
    """``text`` itself, or ``ExtractError`` when it is too short to be an article."""
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(f"{source}: no article text found ({len(text)} characters of text)")
    return text
