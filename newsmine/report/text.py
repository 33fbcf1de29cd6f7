"""Scraped text as rich ``Text``: sanitised piece by piece, with spans highlighted.

Highlight offsets index the *original* text, and sanitising removes
characters; so the text is cut at every span boundary first and each piece is
cleaned on its own. ``Text`` objects are never parsed as markup, so a title
holding ``[bold]`` prints literally; ``newsmine.terminal.clean`` removes the
control characters (ANSI/OSC sequences, bidi overrides) that ``Text`` would
pass through.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from rich.markup import escape
from rich.text import Text

from newsmine.terminal import clean, safe


def plain(value: object, *, limit: int | None = None, style: str = "") -> Text:
    """One line of scraped text, safe to print (None prints as an empty string)."""
    return Text(clean("" if value is None else value, limit=limit), style=style)


def highlighted(text: str, spans: Iterable[tuple[int | None, int | None, str]]) -> Text:
    """``text`` with each ``(start, end, style)`` span styled; overlapping spans combine their styles.

    Pieces keep their whitespace (collapsing it per piece would glue words
    together at span edges); callers replace newlines first for one-line use.
    """
    valid = [(max(s, 0), min(e, len(text)), style) for s, e, style in spans
             if s is not None and e is not None and s < e and s < len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in valid), *(e for _, e, _ in valid)})
    out = Text()
    where = {0: 0}  # original offset -> offset in the cleaned text
    for start, end in zip(cuts, cuts[1:]):
        out.append(clean(text[start:end], keep_newlines=True))
        where[end] = len(out)
    for start, end, style in valid:
        out.stylize(style, where[start], where[end])
    return out


def number(value: float | None, unit: str | None = None) -> str:
    """A figure for people: 135000000 USD -> "$135.0M", 4.5 percent -> "4.5%", 48000 -> "48,000".

    The result is a markup-safe string (tables render str cells as markup, and
    the unit comes from the text).
    """
    if value is None:
        return ""
    if unit == "percent":
        return f"{value:g}%"
    prefix = "$" if unit in ("USD", "usd") else ""
    suffix = f" {safe(unit)}" if unit and not prefix else ""
    size = abs(value)
    for threshold, letter in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if size >= threshold:
            return f"{prefix}{value / threshold:,.2f}{letter}{suffix}"
    # Small prices (XRP at 0.2117, ETH/BTC at 0.01766) keep four significant digits.
    decimals = 2 if size >= 100 or size == 0 else min(10, max(2, 3 - math.floor(math.log10(size))))
    return f"{prefix}{value:,.{decimals}f}".rstrip("0").rstrip(".") + suffix


def short_date(value: str | None) -> str:
    """``2021-02-23T23:30:00-05:00`` -> ``2021-02-23 23:30`` (the site's local time, as published).

    Markup-safe, like ``number``.
    """
    if not value:
        return ""
    return escape(clean(value)[:16].replace("T", " "))
