"""The span a figure covers (GUIDE "Periods"): "24h", "day", "week", "ytd", "9d", ...

Market copy packs several spans into one sentence ("up 12% over 24 hours and
roughly 215% for the year"), so the span cue nearest the amount wins rather
than the first in a fixed list. A bulleted table ("Top movers over 24 hours:
• LTC +33% • ETH +8.2%") gives its header's span to every row, and each row is
read on its own so one row's "year-to-date" does not leak into the next.
"""

from __future__ import annotations

import re

_I = re.I
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Checked in this order when two cues are equally near (and for table headers).
PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("8h", re.compile(r"\b(?:every|per|each) (?:eight|8) hours\b|\b(?:eight|8)-hour\b|/ ?8h\b", _I)),
    ("24h", re.compile(r"\b(?:24|twenty-four) hours\b|\b(?:24|twenty-four)-hour\b|\b24h\b|past day|a day earlier",
                       _I)),
    ("48h", re.compile(rf"\b(?:48|forty-eight) hours\b|\b(?:48|forty-eight)-hour\b|"
                       rf"(?<!between )\b(?:on |over )?{_WEEKDAY} and {_WEEKDAY}\b", _I)),
    ("1h", re.compile(r"\b(?:an|one|a single|the) hour\b|\b1h\b|\b60 minutes\b", _I)),
    ("14d", re.compile(r"\b(?:a|one|the past|the last) fortnight\b|\btwo weeks\b", _I)),
    ("week", re.compile(r"(?<![\w-])week\b|\bweekly\b|seven days|7 days|\bw/w\b", _I)),
    ("ytd", re.compile(r"this year|year to date|year-to-date|\bytd\b|so far in \d{4}|for the year|"
                       r"since (?:January\b(?! \d{4})|the (?:start|beginning) of (?:the|this) year)", _I)),
    ("month", re.compile(rf"(?<![\w-])month\b|\bmonthly\b|30 days|\bm/m\b|(?<!ed )(?<!ing )\bin {_MONTH}\b(?! \d)", _I)),
    ("year", re.compile(r"annuali[sz]ed|\bannual\b|(?<!than )\ba year\b|per year|(?:12|twelve) months|\by/y\b", _I)),
    ("day", re.compile(rf"\b(?:on|for|in) the day\b|\bthat day\b|\bin a (?:single )?day\b|\bone-day\b|\bdaily\b|"
                       rf"\b(?:single|first)[- ]day\b|\bon (?:its|their) debut\b|\bprevious day\b|"
                       rf"\bon {_WEEKDAY}\b|\b(?:early|late) {_WEEKDAY}\b|\bon {_MONTH_ABBR} \d{{1,2}}\b|\btoday\b|"
                       rf"\bon (?:its|their) (?:\w+ )?day\b|\bd/d\b", _I)),
    # desk shorthand dates a move by an abbreviated weekday ("+$158M net Wed"); cased, so "sat" stays a verb
    ("day", re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat)\b")),
)
# "in nine days", "in the five hours after the speech"
_N_DAYS = re.compile(
    r"\b(?:(?:in|over|within|across)(?: the)?|the (?:past|last|first)|(?:its|their) first)\s+(\d{1,2}|"
    + "|".join(_COUNTS) + r")\s+(days|hours)\b", _I)
_HEADER = re.compile(r"(?:^|\n)(?P<head>[^\n]{0,80}?):\s")
# "21% from its record on Tuesday", "some 20% below the record it set on Wednesday": the
# date belongs to the reference level, so only the words before the amount can give a span.
# "..., with longs accounting for $890 million", "..., of which shorts $221M" go on
_CLAUSE = re.compile(r", (?!with\b|of which\b|including\b)")
_FROM_LEVEL = re.compile(r"^\s*(?:below|from|off|under|above|short of)\b", _I)
# "lost 16% in November 2022 alone": a dated month right after the move is its span
_MONTH_AFTER = re.compile(rf"\s+in {_MONTH} \d{{4}}\b")
# "Wednesday's ETF tally so far: a net $510 million" dates what the header lists
_DAY_HEADER = re.compile(rf"\b{_WEEKDAY}['’]s\b")
_ANNUALISED_LEFT = re.compile(r"annuali[sz]ed[^,;]*$", _I)
# A span that opens the sentence scopes all of it ("Over the same 24 hours X saw $10 billion, Y $4.6
# billion and Z $2.4 billion"), even where the clause rule would cut it off.
_LEADING_SPAN = re.compile(r"^(?:Over|In|Within|During|Across|For)\b[^,]{0,50}")


def _n_days(match: re.Match[str]) -> str:
    word = match.group(1).lower()
    n = int(word) if word.isdigit() else _COUNTS[word]
    if match.group(2).lower() == "hours":
        return f"{n}h"
    return "week" if n == 7 else "month" if n == 30 else f"{n}d"


# every cue in one search, with each pattern's own flags: most windows hold none, and one search says so
_ANY_CUE = re.compile("|".join(f"(?{'i' if p.flags & _I else '-i'}:{p.pattern})" for _, p in PERIODS)
                      + f"|(?i:{_N_DAYS.pattern})")


def _nearest(window: str, start: int, end: int) -> str | None:
    """The period whose cue lies nearest the amount at [start, end) of ``window``."""
    if _ANY_CUE.search(window) is None:
        return None
    best: tuple[float, int, str] | None = None
    found = [(name, m) for name, pattern in PERIODS for m in pattern.finditer(window)]
    found += [(_n_days(m), m) for m in _N_DAYS.finditer(window)]
    for rank, (name, m) in enumerate(found):
        dist = start - m.end() if m.end() <= start else (m.start() - end) * 1.8 if m.start() >= end else 0
        if best is None or (dist, rank) < best[:2]:
            best = (dist, rank, name)
    return best[2] if best else None


def figure_period(text: str, start: int, end: int, kind: str) -> str | None:
    """The period of the figure at [start, end) of sentence ``text``; None when no span is given."""
    if kind in ("funding_rate", "basis") and _ANNUALISED_LEFT.search(text[max(0, start - 70):start]):
        return "year"  # "annualised funding ... above 100%, and eight-hour rates ... 0.15%"
    if kind == "basis":
        return "year" if re.search(r"annuali[sz]|\bann\.", text, _I) else None
    if _MONTH_AFTER.match(text, end):
        return "month"
    header = _HEADER.search(text, max(0, text.rfind("\n", 0, start)))  # the header of this line's table
    header = header if header and header.end() <= start else None
    lo, hi = text.rfind("•", 0, start) + 1, text.find("•", end)
    from_level = _FROM_LEVEL.match(text[end:])
    hi = end if from_level else len(text) if hi < 0 else hi
    # a span in an earlier clause is another fact's ("SOL fell 9% on Tuesday, ADA dropped 8%")
    clause = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    lo = max(lo, start - 70, clause, header.end() if header else 0)
    period = _nearest(text[lo:min(hi, end + 90)], start - lo, end - lo)
    if period is None and header and not from_level:  # a table's rows share its header's span
        head = header.group("head")
        period = next((name for name, pattern in PERIODS if pattern.search(head)), None)
        period = period or ("day" if _DAY_HEADER.search(head) else None)
    if period is None:
        lead = _LEADING_SPAN.match(text)
        if lead and lead.end() <= start:
            period = _nearest(lead.group(), lead.end(), lead.end())
    return period
