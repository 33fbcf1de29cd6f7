"""Ranges: two amounts that are a low and a high ("a 24-hour range of $28,154-$33,562", "between
$17,600 and $19,900", "pinned in a $29,000-$29,500 band").

The GUIDE counts a quoted range as one ``low`` and one ``high``; a range of something else (a cost, a
chart's gap, a forecast, a level under a "Support:" label) gives no price at either end.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount
from newsmine.nlp.price_filters import LIQUIDATION_LEVELS, NOT_REACHED, RANGE_JOIN
from newsmine.nlp.price_measures import contract_term, left_clause
from newsmine.nlp.price_sizes import is_size
from newsmine.nlp.price_trades import own_trade, production_cost
from newsmine.nlp.price_watch import forecast_row, labelled_level, support_watched
from newsmine.nlp.view import ArticleView

# a chart's gap between two prices ("an older gap from the November sell-off, between roughly $58,000 and $59,400")
_GAP_LEFT = re.compile(r"\bgaps?\b[^.;$]{0,90}$", re.I)
_COSTS_LEFT = re.compile(r"\bcosts? of (?:between )?$", re.I)  # "direct costs of between $26,000 and $34,000 per coin"
_RANGE_LEFT = re.compile(r"\b(?:range|rng|band|between|traded from|swung from|swinging from|rang(?:ed|ing)(?: from)?)\b[^$]{0,35}$", re.I)
_RANGE_RIGHT = re.compile(r"\s+(?:trading\s+)?(?:range|band|channel)\b", re.I)
# each end with its day ("the week's range ran from $92,450 on Monday to $99,890 on Thursday")
_DAY_JOIN = re.compile(r"^\s+(?:early |late )?on\s+(?:\w+day|[A-Z][a-z]{2,8}\.? \d{1,2})\s+(?:to|and)\s*$")


def range_kind(text: str, amounts: list[Amount], j: int) -> str | None:
    """"low"/"high" when amount ``j`` is one end of a range ("$28,154-$33,562"), named before it
    ("a 24-hour range of") or after it ("pinned in a $29,000-$29,500 band")."""
    a = amounts[j]
    if j + 1 < len(amounts):
        b = amounts[j + 1]
        if _joined(text[a.end:b.start]) and _is_range(text, a, b):
            return "low" if a.value <= b.value else "high"
    if j > 0:
        b = amounts[j - 1]
        if _joined(text[b.end:a.start]) and _is_range(text, b, a):
            return "high" if a.value >= b.value else "low"
    return None


def range_rejected(view: ArticleView, index: int, a: Amount) -> bool:
    """One end of a range that is no market's: unreached, a size, a trader's fill, a forecast row, a contract's term,
    a cost, a chart's gap, a cluster of liquidations, a support or resistance band."""
    text = view.sents[index].text
    left = left_clause(text, a.start)
    return bool(NOT_REACHED.search(left[-60:]) or LIQUIDATION_LEVELS.search(left) or is_size(a) or own_trade(text, a)
                or forecast_row(view, index, a) or contract_term(text, a) or production_cost(view.sents[index], a)
                or _COSTS_LEFT.search(text, max(0, a.start - 30), a.start) or _GAP_LEFT.search(text, max(0, a.start - 110), a.start)
                or support_watched(view.sents[index], a, left[-45:], text[a.end:a.end + 60])
                or labelled_level(text, a))


def _joined(between: str) -> bool:
    return bool(RANGE_JOIN.match(between) or _DAY_JOIN.match(between))


def _is_range(text: str, first: Amount, second: Amount) -> bool:
    return bool(_RANGE_LEFT.search(text[max(0, first.start - 40):first.start]) or _RANGE_RIGHT.match(text, second.end))
