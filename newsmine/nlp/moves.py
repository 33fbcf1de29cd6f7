"""Price moves ("fell 8%", "+14.6%", "risen more than 1,000%") as signed percentages.

A percentage is a price move only when a movement word (or an explicit sign)
says which way, a crypto asset (or "it", "the token") is what moved, and the
thing measured is not a share, a yield, an index or a company's stock:
dominance, CPI prints and stock moves fill market copy with look-alikes.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import ArticleView

_UP = (
    r"rose|risen|rising|rise|gained|gaining|gains?|jumped|jumping|jump|climbed|climbing|surged|surging|surge|"
    r"soared|soaring|rallied|rallying|rally|added|adding|advanced|advancing|up|higher|increased|spiked|popped|"
    r"rebounded|recovered|doubled|appreciated|leaping|leapt|leaped|lifted|lifting|ballooned|extending|"
    r"rises|climbs|jumps|surges|soars|rallies|adds|advances|tack(?:ed|s|ing)? on|notched|piled on"
)
_DOWN = (
    r"fell|fallen|falling|fall|dropped|dropping|drop|declined|declining|decline|slid|sliding|slide|slipped|"
    r"slipping|tumbled|tumbling|plunged|plunging|plunge|sank|sinking|lost|losing|loss|losses|down|lower|shed|"
    r"shedding|crashed|crash|slumped|slump|retreated|dipped|dip|below|off|drawdown|eased|sell-off|selloff|"
    r"correction|collapsed|collapsing|giving back|gave back|given back|plummeted|tanked|erased|wiped|sagged|"
    r"falls|drops|declines|slides|slips|tumbles|plunges|sinks|loses|sheds|dips|crashes|slumps|retreats|eases|"
    r"under|beneath|short of"
)
_MOVE = guarded(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
# What is measured is not an asset's price (or the movers are unnamed: "mid caps printed -70% wicks").
_MEASURE = re.compile(
    r"\b(?:dominance|share|premium|discount|yields?|probability|chance|odds|stake|apy|apr|rates?|inflation|"
    r"cpi|consumer prices?|price index|core prices|unemployment|margins?|fees?|tax|tariffs?|ownership|"
    r"majority|ratio|hash ?rate|volume|open interest|(?-i:OI)|supply|issuance|approval|polls?|survey|gdp|staff|"
    r"workforce|bonds?|treasur\w+|equities|stocks?|shares|nasdaq|s&p|dow|nikkei|index|gold|dollar|dxy|"
    r"weighting|allocation|revenue|profits?|earnings|microstrategy|miners?|funds?|etfs?|hashrate|oil|crude|brent|copper|silver|"
    r"difficulty|turnover|basis|funding|volatility|vol|(?:mid|small|large)[- ]caps|altcoins|alts)\b",
    re.I,
)
# markets a pronoun may stand for in crypto copy (a currency named for terms, "in dollar terms it hit", is not one)
_OTHER_MARKET = re.compile(r"\b(?:nasdaq|s&p|dow|nikkei|index|stocks?|shares|equities|gold|oil|crude|brent|copper|silver|"
                           r"bonds?|treasur\w+|yields?)\b", re.I)
# "a 100% levy on imports"; a yield or a rate by the year ("paid close to 20% a year on UST", "more than
# 100 percent in annual rate") is no move either
_RIGHT_MEASURE = re.compile(r"^[^.;]{0,20}\b(?:share|dominance|of the total|of supply|of (?:its|their) )|"
                            r"^\s*(?:levy|levies|tariffs?|tax|taxes|duty|duties)\b|"
                            r"^\s*(?:a year|per year|per annum|annually|in annual)\b", re.I)
# A worked example moves nothing ("Imagine you buy $500 of bitcoin and the price drops 30% next month").
_SUPPOSE = re.compile(r"(?:imagine|suppose|say|let['’]s say|picture this)\b", re.I)
# A percentage of certainty or of the time measures no price ("she was 100 percent sure it would
# keep going", "bid it up a hundred percent of the time"), however near a movement verb.
_CERTAINTY = re.compile(r"\s*(?:sure|certain|confident|convinced|committed|of the time)\b", re.I)
_ANAPHOR = re.compile(
    r"\b(?:it|its|the (?:coin|token|price|cryptocurrency|pair|digital (?:currency|asset)|"
    r"(?:world's )?(?:second-)?(?:largest|biggest) (?:cryptocurrency|digital (?:currency|asset)|token)))\b",
    re.I,
)


# A sentence that sums up the one before ("Bitcoin fell to $19,800. That is a 28% fall in a fortnight.")
# is about the asset whose price that sentence reported.
_SUMMING_UP = re.compile(r"^(?:that|this) (?:is|was|marks|marked|leaves|left|puts|put|means|represents|amounts to)\b", re.I)


def _sums_up_a_price(view: ArticleView, index: int) -> bool:
    """The sentence opens "That is ..." after one that names an asset and no other measure."""
    if index == 0 or not _SUMMING_UP.match(view.sents[index].text):
        return False
    before = view.sents[index - 1]
    return bool(before.of("ASSET")) and not _MEASURE.search(before.text)


def signed_move(view: ArticleView, index: int, a: Amount, sign: str | None) -> float | None:
    """The signed percent change the amount reports, or None when it is no price move."""
    sent = view.sents[index]
    text = sent.text
    left = text[max(0, a.start - 120):a.start]
    left = left[left.rfind(";") + 1:]
    assets = [m for m in sent.of("ASSET") if m.end - sent.start <= a.start]
    subject_at = (assets[-1].end - sent.start) - (a.start - len(left)) if assets else None
    if subject_at is None:
        anaphor = list(_ANAPHOR.finditer(left))
        if anaphor:
            # a pronoun after a stock index or a commodity stands for it ("The Nasdaq ... leaving it down 25%")
            if anaphor[-1].group().lower() in ("it", "its") and _OTHER_MARKET.search(left, 0, anaphor[-1].start()):
                return None
            subject_at = anaphor[-1].end()
        elif _ANAPHOR.match(text) or _sums_up_a_price(view, index):
            subject_at = 0  # the sentence's subject, however far back ("It slipped under $3,400 ..., down 2.3%")
        else:
            return None
    between = left[max(0, subject_at):]
    if _SUPPOSE.match(text):
        return None
    if _MEASURE.search(between) or _RIGHT_MEASURE.search(text[a.end:a.end + 30]) or _CERTAINTY.match(text, a.end):
        return None
    if sign is not None:
        return a.value if sign == "+" else -abs(a.value)
    # clause commas only: "from $24,800 to $31,430, a 26% move" has one
    clause = between[between.rfind(", ") + 1:] if between.count(", ") > 1 else between
    right = text[a.end:a.end + 30]
    candidates = [(len(clause) - m.end(), m) for m in _MOVE.finditer(clause)]
    candidates += [(m.start() + 3, m) for m in _MOVE.finditer(right) if m.start() < 20]
    if not candidates:
        return None
    _, m = min(candidates, key=lambda c: c[0])
    return abs(a.value) if m.group("up") else -abs(a.value)
