"""Remove what must never reach storage or a terminal from scraped strings.

Scraped titles and bylines can carry NUL bytes, ANSI/OSC escape sequences (a
title that retitles the user's terminal or hides text) and other control
characters. Extraction strips them once, here, so every later stage can trust
``Article`` strings to be plain printable text.
"""

from __future__ import annotations

import re
import unicodedata

from newsmine.errors import ExtractError

MIN_TEXT_CHARS = 20  # shorter "text" is a stub, an error page or noise, not an article

# ESC-introduced sequences: OSC (ESC ] ... BEL or ST), CSI (ESC [ ... final byte),
# DCS/SOS/PM/APC strings, and the two-byte escapes; plus their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
# Every remaining C0/C1 control except tab and newline, plus DEL and the
# bidirectional overrides that can visually reorder a line.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def strip_controls(text: str) -> str:
    """``text`` without escape sequences and control characters (tab/newline kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


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
    junk = len(_CONTROLS.findall(sample.replace("\t", " "))) + sample.count("\ufffd")
    if junk > len(sample) // 10:
        raise ExtractError(f"{source}: page looks binary, not HTML or text")


def require_text(text: str, source: str) -> str:
    """``text`` itself, or ``ExtractError`` when it is too short to be an article."""
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(f"{source}: no article text found ({len(text)} characters of text)")
    return text
