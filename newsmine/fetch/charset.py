"""Bytes -> text, trusting declarations only as far as the bytes agree.

Order of evidence, strongest first: a byte-order mark; the charset the
server declared; the document's own ``<meta charset>`` / http-equiv /
``<?xml encoding?>``; valid UTF-8; statistical detection (charset-normalizer);
windows-1252 as the last resort. A declaration is used only if the bytes
decode cleanly with it, and a legacy single-byte declaration on bytes that
are valid, non-ASCII UTF-8 is taken to be a mislabel: that is by far the most
common charset bug on news sites. Shared by HTTP fetches and local files.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([^;"'\s]+)""", re.IGNORECASE)
# Labels that browsers read as windows-1252 (a superset of latin-1's printable range).
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
# HTML markup is ASCII-readable, so BOM-less UTF-16/32 (and UTF-7) are never a good guess.
_WIDE = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
_CHAOS_SLACK = 0.05
_COHERENCE_SLACK = 0.15
_MIN_SIGNAL = 16  # non-ASCII bytes needed before statistics beat a plain windows-1252 guess
# Legacy encodings in rough order of use on the web (charset-normalizer's names).
_WEB_ORDER = (
    "cp1252", "cp1251", "cp1250", "iso8859_15", "gb18030", "gbk", "gb2312", "shift_jis", "cp932",
    "euc_jp", "euc_kr", "cp949", "big5", "koi8_r", "cp1256", "cp1253", "cp1254", "cp1255",
    "cp1257", "cp874", "iso8859_2", "iso8859_5", "koi8_u",
)


def split_content_type(header: str | None) -> tuple[str | None, str | None]:
    """'text/html; charset=UTF-8' -> ('text/html', 'UTF-8')."""
    if not header:
        return None, None
    mime = header.split(";", 1)[0].strip().lower() or None
    match = _HEADER_CHARSET.search(header)
    return mime, (match.group(1) if match else None)


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``raw`` to text; returns (text, name of the encoding used)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, errors="replace"), name
    candidates = [(declared, True), (_declared_inside(raw), False)]
    for label, from_header in candidates:
        name = _normalise(label)
        if name is None:
            continue
        if name.startswith(("utf-16", "utf-32")):
            # A meta tag readable as ASCII cannot be in UTF-16 (the HTML spec says: use UTF-8),
            # and real UTF-16 markup is full of NUL bytes.
            if not from_header or b"\x00" not in raw[:1024]:
                continue
        elif name != "utf-8" and not raw.isascii() and _strict(raw, "utf-8") is not None:
            return raw.decode("utf-8"), "utf-8"  # legacy label on UTF-8 bytes: a mislabel
        if name in _AS_CP1252:
            name = "cp1252"
        text = _strict(raw, name)
        if text is not None:
            return text, name
        if name == "cp1252":
            return raw.decode("latin-1"), "latin-1"  # bytes cp1252 leaves undefined
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    name = _detect(raw)
    return raw.decode(name, errors="replace"), name


def _detect(raw: bytes) -> str:
    """Guess a legacy encoding; among near-equally clean guesses, the one most used on the web.

    charset-normalizer alone often picks a rare code page (cp1257 for French,
    mac_cyrillic for Russian) when a common one reads the text just as
    cleanly. A few stray non-ASCII bytes give it no signal at all, and
    sparse accents are the mark of Western text, hence windows-1252 there.
    """
    if sum(1 for byte in raw if byte > 0x7F) < _MIN_SIGNAL:
        return "cp1252"
    matches = list(from_bytes(raw, cp_exclusion=_WIDE))
    if not matches:
        return "cp1252"
    least_chaos = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= least_chaos + _CHAOS_SLACK]
    # Of those, only the ones whose text looks like a language as much as the best one does.
    coherence = max(m.coherence for m in clean)
    clean = {m.encoding for m in clean if m.coherence >= coherence - _COHERENCE_SLACK}
    for name in _WEB_ORDER:
        if name in clean:
            return name
    return matches[0].encoding


def _declared_inside(raw: bytes) -> str | None:
    head = raw[:4096]
    match = _XML_DECL.search(head) or _META.search(head)
    return match.group(1).decode("ascii") if match else None


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None  # an unknown label is no evidence at all


def _strict(raw: bytes, name: str) -> str | None:
    try:
        return raw.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
