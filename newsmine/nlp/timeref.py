"""Relative dates ("Monday", "Jan. 2", "yesterday", "as of 21:00 UTC") as ISO dates.

News copy dates events relative to publication: "on Thursday" in a Friday
story is yesterday, never next week. Without a published date nothing is
resolved (None), because guessing would attach wrong dates to figures.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from newsmine.nlp.regex_guard import guarded

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_DAY = guarded(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:\s+(?P<year>(?:19|20)\d\d))?", re.I)
_WEEKDAY = guarded(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(today|yesterday|this morning|this afternoon|tonight|overnight|as of)\b", re.I)


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: date | None) -> str | None:
    """The ISO date the sentence's event refers to, or None when it cannot tell."""
    if published is None:
        return None
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.search(text)
        if m:
            resolved = _month_day(m, published)
            if resolved:
                return resolved.isoformat()
    m = _WEEKDAY.search(text)
    if m:
        back = (published.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
        return (published - timedelta(days=back)).isoformat()
    m = _RELATIVE.search(text)
    if m:
        shift = 1 if m.group(1).lower() in ("yesterday", "overnight") else 0
        return (published - timedelta(days=shift)).isoformat()
    return None


def _month_day(m: re.Match[str], published: date) -> date | None:
    month = MONTHS[m.group("month").lower()[:3]]
    year = int(m.group("year")) if m.group("year") else published.year
    try:
        resolved = date(year, month, int(m.group("day")))
    except ValueError:
        return None
    if not m.group("year") and resolved > published + timedelta(days=1):
        # "Dec. 30" in a January story is last year
        resolved = resolved.replace(year=year - 1) if not (month == 2 and resolved.day == 29) else None
    return resolved
