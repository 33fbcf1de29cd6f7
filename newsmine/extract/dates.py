"""Turn the many date spellings found in pages into ISO 8601, without guessing.

A time zone is kept when the page gives one ("Z", "+02:00", "GMT"); a naive
time stays naive and a bare date stays a date, because inventing a zone or a
time of day would make "published" look more precise than the source is.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Spellings seen in meta tags that fromisoformat does not take.
_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y%m%d",
    "%B %d, %Y %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
)
_DATE_ONLY = ("%Y/%m/%d", "%Y%m%d", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y")
_UTC_NAMES = re.compile(r"\s*(?:\bUTC|\bGMT|\bZ)$", re.IGNORECASE)


def to_iso(value: str | None) -> str | None:
    """ISO 8601 for a date string, or None when it cannot be read exactly."""
    if not value:
        return None
    text = " ".join(str(value).split())[:64]
    if not text or not text[0].isalnum():
        return None
    utc = bool(_UTC_NAMES.search(text)) and not text.endswith("Z")
    if utc:
        text = _UTC_NAMES.sub("", text) + " +0000"
    parsed = _iso(text) or _strptime(text) or _rfc2822(text)
    return parsed


def _iso(text: str) -> str | None:
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace(" +0000", "+00:00")).isoformat()
    except ValueError:
        return None


def _strptime(text: str) -> str | None:
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if fmt in _DATE_ONLY else parsed.isoformat()
    return None


def _rfc2822(text: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # parsedate_to_datetime reads "-0000" as "zone unknown": that is naive.
    return parsed.isoformat() if parsed else None
