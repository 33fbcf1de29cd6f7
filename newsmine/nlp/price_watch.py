"""Levels to watch: support and resistance, lists of levels and of forecasts.

Technical copy names levels the market has not reached ("Support sits at $52,000", "Our lines for
the week: $1,280 and $1,542 above", "Levels: ..."), and desks list forecasts by year or by firm.
None of them is a price, unless the sentence says the market got there ("broke support at $3,000",
"bounced off support at", "with bitcoin at $56,700"). ``price_filters.is_price`` asks here.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount
from newsmine.nlp.price_cues import broken_support
from newsmine.nlp.price_owners import coin_at
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import ArticleView, SentView, is_row

# with the abbreviations of terminal briefs ("BTC res 63.5k / 65k, sup 60k")
_SUPPORT = re.compile(r"\b(?:support|resistance|floor|ceiling|barrier|hurdle|zone|defen[cd]\w*|res|sup|supp|line in the sand)\b",
                      re.I)
# A sentence about where support or resistance lies ("Resistance is $32,400, and above that there is
# mostly air up to $35,000"; "Analyst: Support sits at ..."): every level in it is one to watch.
_WATCH = re.compile(r"^(?:[\w .'-]{1,30}:\s*)?(?:(?:first|next|key|major|initial|immediate) )?(?:support|resistance) "
                    r"(?:is|sits|lies|comes|stands|remains)\b|^(?:support|resistance)s?\s*:|"
                    # a desk note's "Levels: 25.2k is ...", a letter's "Levels we are watching this week: ..."
                    r"^(?:[A-Z]{2,6} )?(?:(?:key|the|our|my) )?(?:levels|lines)(?: \([A-Z]{2,6}\)| for [A-Z]\w+)?"
                    r"(?: to watch| (?:we are|we're|traders are|desks are|I am|I'm) watching)?"
                    r"(?: this week| today| next week| for (?:the|this|next) week| for today)?\s*:|"
                    r"^(?-i:(?:KEY )?LEVELS)\b|"  # its capitalised heading, run into the line below it
                    # a listicle's "Our prediction: $200 by the end of September, with $130 the level to defend"
                    r"^(?:(?:our|my|the) )?(?:price )?(?:predictions?|forecasts?|targets?|outlook|call)\s*:|"
                    # a prediction page's table ("DOGE price prediction (Year | Minimum | Average | Maximum) 2025 | $0.18")
                    r"^[\w .'()-]{0,40}\bprice (?:predictions?|forecasts?)\b[^.;:]{0,20}\(", re.I)
# a levels box run into one line: every amount after "Resistance:" or "Support:" up to the next label is one to watch
# ("Resistance: $0.8000, $0.8530 Support: $0.7040 (50% Fib), $0.5500 Bias: bullish while above $0.6490")
# (and a list of forecasts by firm: "Year-end forecasts for bitcoin: Halden Research $95,000, Trevi Capital $80,000")
# (and labels of what is no traded price: "0.618 Fib: $55,700", "NAV per unit: C$14.22", "Avg purchase price: $39,800")
_LABELLED_LEVEL = guarded(r"\b(?:supports?|resistances?|targets?|forecasts?|predictions?|invalidation|bias|pivots?|fib(?:onacci)?|"
                             r"nav(?: per (?:unit|share))?|avg\.? purchase price|average purchase price|cost to mine|hash ?price|eps)"
                             r"(?: for [\w -]{1,45})?\s*:[^:]*$", re.I)
# (not after a negation: "nobody has tested resistance at $28,800 yet")
_REACHED = re.compile(r"(?<!nobody has )(?<!no one has )(?<!has not )(?<!have not )(?<!never )"
                      r"\b(?:tested|testing|bounced|bouncing|hit|hitting|touched|touching|broke|breaking|reclaimed|"
                      r"breach\w*|pierc\w*|gave way|gives way|giving way|crack(?:ed|ing)|"
                      r"reclaiming|held|holding|found|finding|lost|losing|gave up|giving up|surrendered)\b", re.I)
_LEVELS_ARE = re.compile(r"\bkey levels?\b[^.;$]{0,30}\b(?:include|are|is)\b(?:(?!\btrad\w*|\bchanged hands)[^.;])*$|"
                         r"\b(?:levels?|lines?) (?:to watch|on (?:our|the|my) (?:screens?|charts?|radar)|"
                         r"we(?:['’]re| are) watching)\b[^.;$]{0,20}\b(?:are|is|:)\s[^.;]*$", re.I)
_AS_LEVELS = re.compile(r"(?:\s*(?:,|and|or)\s*(?:\$|US\$|€|£)?\d[\d,.]*[kK]?)*\s+as (?:the |its |their )?(?:[\w-]+ ){0,2}"
                        r"(?:levels?|lines?) to (?:watch|defend|hold)\b", re.I)
_RIGHT_SUPPORT = re.compile(r"^[^.;]{0,25}\b(?:supports?|resistances?|line in the sand)\b(?!\s*:)|"
                            r"^[^.;,]{0,25}\b(?:floors?|hurdles?|ceilings?|barriers?|psychological (?:level|mark|threshold))\b|"
                            r"^\s+as the line\b|"
                            r"^\s+(?:has become|became|remains|remained) (?:the|a|an) (?:[\w-]+ ){0,2}line of (?:support|defen[cs]e)\b", re.I)
# The rows of a list of forecasts ("The forecasts for the Dec. 31 close included: • Bank X: $95,000") and
# the lines under a desk note's "LEVELS" heading ("S 66.0k / 65.1k; R 68.5k / 70.0k.") are levels to watch.
# a row labelled by a year ("• 2026: $2.65 / $4.15 / $6.00"), the last label before the amount
_YEAR_ROW = re.compile(r"\b((?:19|20)\d\d):(?=[^:]*$)")
_YEAR_LABEL = re.compile(r"\b((?:19|20)\d\d):")
_FORECAST_HEADER = re.compile(r"\b(?:forecasts?|predictions?|targets?|projections?|estimates?|calls|levels? to watch|"
                              r"key levels?|support levels?|resistance levels?)\b", re.I)
_LEVELS_HEADING = re.compile(r"^(?:(?:key|the) )?levels(?: to watch)?:?$", re.I)
# a chart line as the sentence's subject ("The 200-week moving average, which marked the 2018 bottom, is above price
# at roughly $1,230"): its value is a level on the chart, no trade
_INDICATOR_SUBJECT = re.compile(r"^(?:The|Its|Their|A|An)\s+(?:[\w.-]+\s+){0,3}(?:moving average|trend ?line|retracement|"
                                r"Fibonacci (?:level|line)|EMA|SMA|VWAP|Bollinger band)s?\b", re.I)
# a further line named after a support or a resistance ("She puts first support near $4,200, ..., with the more
# important line at the round $4,000 mark")
_LINE_AT = re.compile(r"\b(?:line|level)s? (?:at|near|around)\s+(?:the\s+)?(?:round\s+)?$", re.I)


def support_watched(sent: SentView, a: Amount, near: str, right: str) -> bool:
    """Amount ``a`` of ``sent`` is a support or resistance named (``near``: the words just before it, ``right``:
    those after it), a level in a sentence about where support lies, or one under a "Support:" label; unless
    the market reached it or a coin is said to trade there ("with bitcoin at $56,700")."""
    text = sent.text
    return bool(_SUPPORT.search(near) or _RIGHT_SUPPORT.search(right) or _WATCH.match(text)
                or _LABELLED_LEVEL.search(text, 0, a.start) or _LINE_AT.search(near) and _SUPPORT.search(text, 0, a.start)
                or _INDICATOR_SUBJECT.match(text)) and not (
        _REACHED.search(near) or coin_at(sent, a) or broken_support(text, a.start, a.end))


def labelled_level(text: str, a: Amount) -> bool:
    """Amount ``a`` of ``text`` comes after a "Support:" or "Resistance:" label."""
    return _LABELLED_LEVEL.search(text, 0, a.start) is not None


def named_to_watch(left: str, right: str) -> bool:
    """Levels told as ones to watch, in the clause before them or after them ("the levels on our screens are
    $4,600 on the downside", "flag $3,200 and $3,450 as the ether levels to watch")."""
    return bool(_LEVELS_ARE.search(left) or _AS_LEVELS.match(right))


def listed_to_watch(view: ArticleView, index: int) -> bool:
    """Sentence ``index`` is a row of a forecast list or a line under a "Levels" heading in its paragraph."""
    header = view.list_header(index)
    if header is not None:
        return bool(_FORECAST_HEADER.search(header.text))
    # the heading may close the paragraph before ("LEVELS" on a line of its own), so the search starts there
    first = view.paragraph_start(index - 1) if index else 0
    row = is_row(view.sents[index].text)
    for k in range(index - 1, first - 1, -1):
        if _LEVELS_HEADING.match(view.sents[k].text):
            return True
        if not row and is_row(view.sents[k].text):
            return False  # the heading's list ended before this sentence ("- $60,000 / Ether ended the week at")
    return False


def forecast_row(view: ArticleView, index: int, a: Amount) -> bool:
    """A row labelled by a year to come ("• 2026: $2.65 / $4.15 / $6.00"), or by the year of publication
    under a prediction heading ("ETH price prediction 2022–2025 2022: $800 – $2,100") or before a row of a year
    to come: a forecast."""
    sent = view.sents[index]
    row = _YEAR_ROW.search(sent.text, 0, a.start)
    if row is None or view.published is None:
        return False
    year = int(row.group(1))
    if year != view.published.year:
        return year > view.published.year
    heading = view.text[view.sents[view.paragraph_start(index)].start:sent.start + a.start]
    # (the next row may share the sentence: "- 2023: $0.62 to $1.05 - 2025: $0.90 to $2.10")
    after = sent.text[a.end:] + " " + (view.sents[index + 1].text if index + 1 < len(view.sents) else "")
    following = _YEAR_LABEL.search(after)
    return bool(_FORECAST_HEADER.search(heading)) or following is not None and int(following.group(1)) > year
