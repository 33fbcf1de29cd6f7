"""Market figures: price moves, liquidations, open interest, funding, volume,
ETF flows, basis and market caps (GUIDE "Figures").

Spans come from spaCy's Matcher (the figure cues: "open interest", "funding",
"liquidat*", ...) and from the amount finder; an amount takes the kind of the
nearest cue in its sentence, and its side, venue, asset and period from the
words around it. Percentages without a cue are price moves only when a
movement verb says which way (the sign comes from the verb).
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount, find_money, find_percents
from newsmine.nlp.timeref import resolve_date
from newsmine.nlp.view import ArticleView, SentView
from newsmine.records import Figure

# figure kind -> Matcher token patterns (lower-cased text)
CUE_PATTERNS: dict[str, list[list[dict]]] = {
    "liquidations": [[{"LOWER": {"REGEX": r"^liquidat"}}], [{"LOWER": {"IN": ["wiped", "wipeout", "rekt"]}}],
                     [{"LOWER": "forced"}, {"LOWER": {"IN": ["selling", "liquidations", "closures"]}}]],
    "open_interest": [[{"LOWER": "open"}, {"LOWER": "interest"}], [{"LOWER": "oi"}]],
    "funding_rate": [[{"LOWER": {"REGEX": r"^funding"}}]],
    "volume": [[{"LOWER": {"IN": ["volume", "volumes", "turnover"]}}]],
    "etf_flow": [[{"LOWER": {"REGEX": r"^(inflows?|outflows?|redemptions?)$"}}],
                 [{"LOWER": {"IN": ["net", "etf", "etfs", "fund", "funds"]}}, {"LOWER": {"IN": ["flows", "flow", "inflows", "outflows"]}}]],
    "basis": [[{"LOWER": "basis"}]],
    "market_cap": [[{"LOWER": "market"}, {"LOWER": {"IN": ["cap", "capitalization", "capitalisation", "value"]}}],
                   [{"LOWER": {"IN": ["market-cap", "mcap"]}}],
                   [{"LOWER": "total"}, {"LOWER": "value"}, {"LOWER": "of"}, {"LOWER": "all"}]],
}
PERCENT_KINDS = ("funding_rate", "basis")
_UP = r"rose|rising|rise|gained|gaining|gains?|jumped|jumping|jump|climbed|climbing|surged|surging|surge|soared|rallied|rallying|rally|added|adding|advanced|up|higher|increased|spiked|popped|rebounded|recovered|doubled|appreciated"
_DOWN = r"fell|falling|fall|dropped|dropping|drop|declined|declining|decline|slid|sliding|slide|slipped|slipping|tumbled|tumbling|plunged|plunging|plunge|sank|sinking|lost|losing|loss|losses|down|lower|shed|shedding|crashed|crash|slumped|slump|retreated|dipped|dip|below|off|drawdown|eased|slipped|sell-off|selloff|correction|cut"
_MOVE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
_NOT_MOVE = re.compile(
    r"\b(?:dominance|share|premium|discount|yields?|probability|chance|odds|of the total|of supply|stake|apy|apr|"
    r"rates?|inflation|cpi|unemployment|margin|fees?|tax|tariffs?|ownership|majority|accounted|made up|ratio|"
    r"hash ?rate|volume|open interest|supply|approval|polls?|respondents|survey|gdp|staff|workforce|"
    r"interest|bonds?|treasur\w+|equities|stocks?|shares|nasdaq|s&p|gold|dollar|dxy)\b",
    re.I,
)
_LONG = re.compile(r"\blongs?\b|long positions|bulls", re.I)
_SHORT = re.compile(r"\bshorts?\b|short positions|bears|short squeeze", re.I)
_FLOW_OUT = re.compile(r"outflow|redemption|pulled|withdrew|withdrawn|bled|exodus|left|leaving", re.I)
_PERIODS = (
    ("8h", re.compile(r"\b(?:every|per|each) (?:eight|8) hours\b|\b(?:eight|8)-hour\b", re.I)),
    ("24h", re.compile(r"\b24 hours\b|\b24-hour\b|\b24h\b|past day|a day earlier", re.I)),
    ("week", re.compile(r"(?<![\w-])week\b|\bweekly\b|seven days|7 days", re.I)),
    ("month", re.compile(r"(?<![\w-])month\b|\bmonthly\b|30 days", re.I)),
    ("ytd", re.compile(r"this year|year to date|year-to-date|\bytd\b|so far in \d{4}", re.I)),
    ("year", re.compile(r"annuali[sz]ed|\bannual\b|a year|per year", re.I)),
    ("day", re.compile(r"\bon the day\b|\bfor the day\b|\bin a day\b|\bone-day\b|\bdaily\b|\bon (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
)


def _cues(sent: SentView) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every figure cue in the sentence, sentence-relative."""
    return [(m.key, m.start - sent.start, m.end - sent.start) for m in sent.of("CUE")]


def _nearest(cues: list[tuple[str, int, int]], a: Amount, kinds: tuple[str, ...] | None = None) -> str | None:
    """Kind of the cue nearest the amount (left within 90 chars, right within 50)."""
    best, best_dist = None, 10**9
    for kind, s, e in cues:
        if kinds is not None and kind not in kinds:
            continue
        dist = a.start - e if e <= a.start else (s - a.end) * 1.8 if s >= a.end else 0
        if dist <= 90 and dist < best_dist:
            best, best_dist = kind, dist
    return best


def _period(text: str) -> str | None:
    return next((name for name, pattern in _PERIODS if pattern.search(text)), None)


def _move_sign(text: str, a: Amount) -> int | None:
    """+1/-1 from the movement word nearest the percentage, None when nothing moved."""
    left = text[max(0, a.start - 60):a.start]
    cut = max(left.rfind(";"), left.rfind(","))
    left_clause = left[cut + 1:] if cut >= 0 else left
    right = text[a.end:a.end + 30]
    candidates = [(len(left_clause) - m.end(), m) for m in _MOVE.finditer(left_clause)]
    candidates += [(m.start() + 3, m) for m in _MOVE.finditer(right) if m.start() < 20]
    if not candidates:
        return None
    if _NOT_MOVE.search(left_clause[-40:]) or _NOT_MOVE.search(right[:25]):
        return None
    _, m = min(candidates, key=lambda c: c[0])
    return 1 if m.group("up") else -1


def find_figures(view: ArticleView) -> list[Figure]:
    """Distinct (kind, value, asset) figures, each with its first occurrence."""
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for index, sent in enumerate(view.sents):
        found: list[tuple[Amount, str, float, str]] = []  # amount, kind, value, unit
        cues = _cues(sent)
        for a in find_percents(sent.text):
            kind = _nearest(cues, a, PERCENT_KINDS)
            value = a.value
            if kind is None:
                sign = _move_sign(sent.text, a)
                if sign is None:
                    continue
                kind, value = "percent_change", sign * abs(a.value)
            found.append((a, kind, value, "percent"))
        for a in find_money(sent.text):
            if not (a.scaled or abs(a.value) >= 1e6):
                continue
            kind = _nearest(cues, a, tuple(k for k in CUE_PATTERNS if k not in PERCENT_KINDS))
            if kind is not None:
                found.append((a, kind, abs(a.value), a.currency or "USD"))
        when = resolve_date(sent.text, view.published)
        for a, kind, value, unit in found:
            window = sent.text[max(0, a.start - 45):a.end + 45]
            side = None
            if kind == "liquidations":
                side = "long" if _LONG.search(window) else "short" if _SHORT.search(window) else None
            elif kind == "etf_flow":
                side = "out" if _FLOW_OUT.search(window) else "in"
            asset = view.asset_for(index, a.start)
            key = (kind, round(value, 6), asset)
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(kind, value, unit, sent.text, sent.start + a.start, sent.start + a.end,
                                  asset=asset, venue=view.venue_near(index, a.start), side=side,
                                  period=_period(window), date=when))
    return figures
