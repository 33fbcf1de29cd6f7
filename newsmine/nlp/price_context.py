"""Price kinds told by the words around an amount, where the parse gives none or a weaker one.

Copy often names a price's kind beside it rather than through the verb that governs it:
after it ("touched $1,551 before recovering", "$16,547 at the close of 2022", ", its highest
since March", "the $68,990 it reached in November 2021"), just before it ("At its worst the coin
changed hands at", "The new all-time high so far is", "the first PEPE/USDT trade printed at"),
or by what the sentence said of another price ("after touching $62,900"). ``refine_kind``
reads these phrases, each a genre's habit, and keeps the parsed kind when none applies.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount, find_money
from newsmine.nlp.price_cues import (BEST_MANAGED, CAUSATIVES, CROSSED_AFTER, NAMED_KINDS, broken_support, named_after,
                                     verb_cue)

# "hits $3,200 at the bottom of the flush", "quoting $1,242 at the height of the frenzy": the extreme of a move
# (the height of a panic is the end of the move that tells it: "plunged to $1,900 at the height of the panic" is the bottom)
_AT_EXTREME_OF = re.compile(r"\s+at the (?:height|peak) of the (?P<panic>panic|sell-?off|crash|rout|turmoil|chaos|capitulation|"
                            r"liquidations?|cascade|slide|rout|fear)\b|"
                            r"\s+at the (?:(?P<low>bottom|depth|low|trough|worst)|top|height|peak|high) of\b|"
                            r"\s+at the (?:(?P<lows>lows?)|highs?)\b|\s+(?:spike|peak)\b", re.I)  # "to 110.5 at the lows", "the 49k spike"
# A ranked row's "SOL +17% to $26.60" in a list after its title ("Biggest movers: ...") is where the coin
# stands, not how far it went (GUIDE); a thread's "$SOL -11.2% to $117", with no list, is still the move's low
_SIGNED_ROW = re.compile(r":[^:]*[\s,;(][+−-]\d[\d.,]*\s?%\s+to\s+(?:about |around )?$")
# "• ETH: a low of $1,038 on Wednesday, last at $1,092": where it stands now, after the extreme
_THEN_LISTED = re.compile(r"\s*,?\s*(?:and then|then|and)\s+(?:about |roughly |around )?$")
_LAST_AT = re.compile(r"\blast (?:at|seen at|traded at|quoted at|changed hands at|(?:trading|changing hands|quoted) at)\s+"
                      r"(?:about |around )?$", re.I)
# "dipping no lower than $0.997": the bottom of the dip
_NO_FURTHER = re.compile(r"\bno (?:(?P<low>lower)|higher) than\s+(?:about |around |roughly )?$", re.I)
# "finally passing the $68,789 peak it reached in 2021": a peak passed is the record then (GUIDE)
_PASS = r"(?:pass|clear|surpass|top|eclips|beat|exceed|break|broke|overt[ao]k)\w*"
_PASSED_BEFORE = re.compile(rf"\b(?:{_PASS}|past)\s+(?:for the first time\s+)?(?:the|its)\s+$", re.I)  # "clearing for the first time the $4,878 peak"
# "finally took out its November 2021 peak of $4,878": the record passed, named before its level (a high only
# with its year: "surpassing its January 2018 high of $1,432.88", not "took out the April high of $31,000")
_PASSED_PEAK_OF = re.compile(rf"\b(?:{_PASS}|took out|taking out|takes out)\s+(?:the|its)\s+(?:[\w,-]+\s+){{0,3}}"
                             r"(?:peak|record|record high|all-time high|(?<=\d{4} )high) of\s+(?:about |around |roughly )?$", re.I)
_PEAK_AFTER = re.compile(r"\s+(?:peak|record|all-time high|top)\b|\s+(?:it|that it|bitcoin|ether) (?:reached|hit|set|touched) "
                         r"(?:back )?in (?:\w+ )?\d{4}\b", re.I)  # "topping the $68,990 it reached in November 2021"
# "compared with $16,547 at the close of 2022", "the $93,400 at which it opened the year": a session's price
# (not "at the start of the year": the corpus writers read a time there, not the open)
_AT_SESSION = re.compile(r"\s+(?:at the (?:(?P<close>close|closing)|open|opening) of\b|at which (?:it|the coin|the price|\w+) (?:had )?"
                         r"(?:(?P<closed>closed|ended|finished)|opened|started|began)\b)", re.I)
_FROM_LEFT = re.compile(r"\bfrom\s+(?:about |around |roughly |some |nearly )?$", re.I)  # "up from $X at the start of": GUIDE's spot
# An extreme named after the amount ("• 0.0694: the ETH/BTC ratio, its lowest since July", "ETH/BTC .0519,
# lowest since the May 20 ETF gap") or by what the market did there ("below the US$71,900 it reached in June":
# a top the price now stands under; "above the $15,500 it fell to": a bottom).
_EXTREME_AFTER = re.compile(r"(?:\s+(?:early |late )?(?:on \w+day|in \w+|overnight)){0,2}"  # ("$97,900 early on Friday in Asia, its lowest")
                            r"\s*[,:]?\s*(?:the [^,.;$]{1,30},\s*)?(?:its |their |a |the )?(?P<side>lowest|highest|best|worst) "
                            r"(?:since|in|level|close|print)\b|"
                            # a numbers-of-the-week row: "$99,550: where it bottomed the same evening"
                            r"\s*:\s*where (?:it|the [\w\s-]{1,30}?|\w+) (?:(?P<bottomed>bottomed|troughed)|peaked|topped)\b", re.I)
# ... or a line the row says the market took or lost: "$65,000: bitcoin reclaimed that line on May 15"
_ROW_LINE = re.compile(r"\s*:\s*(?:it|\w+) (?:reclaimed|regained|lost|broke|crossed|retook) (?:that|the) (?:line|level|mark)\b",
                       re.I)
_REACHED_AFTER = re.compile(r"\s*(?:(?:level|mark|handle|price|area) )?(?:that |which )?(?!(?:and|or|but|then)\b)\w+ (?:had |has )?"
                            r"(?:reached|hit|touched|set|notched|posted|tagged|"
                            r"printed|fell to|dropped to|sank to|slid to|climbed to|rose to)\b", re.I)
_BELOW_LEFT = re.compile(r"\b(?P<side>below|under|beneath|above|over)\s+(?:the\s+)?(?:about\s+|roughly\s+|around\s+|some\s+)?$",
                         re.I)
# ... or a move measured from it: "has lost about 21% from the $49,000 it touched" (a top), "is up 27% from the $74,500
# it touched" (a bottom)
_MOVED_FROM = re.compile(r"\b(?:(?P<down>lost|down|fell|fallen|dropped|slid|off)|up|gained|rose|risen|climbed|rebounded)\s+"
                         r"(?:about |some |nearly |roughly |almost |more than )?\d[\d.]*\s?%\s+from\s+the\s+$", re.I)
# "the record it set on Monday, when it climbed as high as $123,100": the level of that record (GUIDE rule 1)
_RECORD_WHEN = re.compile(r"\brecord (?:it|that|which|\w+) (?:set|hit|reached|notched|posted)\b[^.;$]{0,40}\bwhen\b[^.;$]{0,50}$", re.I)
# A record told first and its level after ("climbed to a record, touching $73,800"), also past the round level it
# crossed ("set a new all-time high above $73,000 on Wednesday, reaching $73,750"): the level is the record
# (not after "a run at its record").
_RECORD_THEN = re.compile(r"\b(?:(?<!run )(?<!shot )(?<!stab )at|to|hit|set|reached|notched) (?:a |an |its |fresh |new )*(?:record|all-time high)\b"
                          r"(?: (?:above|over|past|beyond) [$€£]?[\d,.]+[kK]?)?[^.;$]{0,80},"
                          r"\s*(?:touching|hitting|reaching|tagging|printing|topping out at|peaking at|(?:climbing|rising|trading) as high as)\s+"
                          r"(?:about |around |roughly )?$", re.I)
# Where the market was turned back is a top ("sellers turned the price away at $71,950", "was rejected at");
# a round number lost or taken back is a level crossed ("lost the $55,000 handle", GUIDE rule 3).
_TURNED_AWAY = re.compile(r"\b(?:(?:turned|pushed|sent) (?:the price (?:of \w+ )?|it |the coin |bitcoin |ether )?(?:away|back)|"
                          r"(?:was |were |got )?rejected) (?:at|near|around)\s*(?:about |around |roughly )?$", re.I)
# (also a crossing named as a noun: "the break of the $10,000 mark had badly damaged sentiment")
_LOST_MARK = re.compile(r"\b(?:lost|losing|loses|gave up|giving up|surrendered|broke|breaking|breached|reclaimed|regained|"
                        r"retook|recaptured|(?:(?:break|breach|loss) (?:of|below|above|through)))(?: the| its)\s*$", re.I)
_MARK_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:handle|mark|level|line|threshold|support|resistance|floor)\b", re.I)
# "The new all-time high so far is $69,210", "the session low was $59,224", "the low print was $57,300": an
# extreme told as the subject
# (also a coin's own: "bitcoin's session low was $62,090 on Coinbase")
_EXTREME_IS = re.compile(r"\b(?:the|its|their|a|[a-z]+['’]s) (?:new |fresh |session |intraday |(?:day|session|week)['’]s )?(?P<what>all-time high|all-time low|"
                         r"record(?: high)?|high|low|peak|bottom)(?: print| tick)?"
                         r"(?: so far| of the day| of the session| for the day| today)?(?: on (?:[\w-]+ ){0,2}?[A-Z]\w+)? "
                         r"(?:is|was|stands at|stood at|came at|came in at)\s+(?:about |around |roughly |just )?$", re.I)
# ... or set beside it between commas: "The year's low so far, about $38,500, came on", "from its December high, near $4,100,"
_EXTREME_APPOSED = re.compile(r"\b(?:the|its|their) (?:[\w'’-]+ ){0,2}?(?P<what>all-time high|all-time low|record(?: high)?|"
                             r"high|low|peak|bottom)(?: so far)?,\s+(?:about |around |roughly |near |some |just )?$", re.I)
# a list that leaves out the verb after its first item: "XRP slipped to $0.2010 and litecoin to $42.60",
# "Solana sinks to $110.20, XRP to $0.43", "... to $64,200, and so did ether, to $3,150": every item moved the same way
# ... or the same extreme on another venue ("bitcoin's session low was $62,090 on Coinbase and $62,120 on Kraken")
_VENUE_LISTED = re.compile(r"\s+on [A-Z][\w.]*\s+and\s+(?:about |around |roughly |nearly )?$")
_GAPPED = re.compile(r"(?:\s+on [A-Z]\w+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?!(?:before|after|then|while)\b)"
                     r"(?:(?:so|as) did\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+,?\s+|"
                     r"(?:(?![\w'’-]*(?:ing|ed)\s)[\w'’-]+\s+){1,3})to\s+"
                     r"(?:about |around |roughly |nearly )?$")
# a move from a named extreme to the amount ends on the other side of it
_FROM_EXTREME_TO = re.compile(r"\bfrom (?:a|an|its|the|their) (?:[\w'’-]+ )?(?:record|high|peak|top|(?P<low>low|bottom))"
                              r"(?: of)? [^;$]{0,3}\$?[\d,.]+[kK]?(?: [^;$\d]{1,25}?)? to (?:about |around |roughly |nearly )?$", re.I)
# "The first PEPE/USDT trade printed at 0.00000285": a new pair's first trade is its open (GUIDE)
# ("changed hands for the first time on Binance at 13:00 UTC at $1.30", "first traded at", "first trade $0.8012")
# (a market's first prints after an outage are no new pair's first trade: GUIDE, "a new pair's first trade is open")
_FIRST_TRADE = re.compile(r"\b(?:first (?:[\w/-]+ ){0,3}(?:trades?|prints?|ticks?|swaps?)\b(?:(?!\bafter\b)[^.;$]){0,40}?\b(?:at|was|were|of|near|around)\s+|"
                          r"first (?:trade|print):?\s+|first (?:traded|printed|changed hands)\b[^.;$]{0,50}?\b(?:at|near|around)\s+|"
                          r"(?:changed hands|traded|printed) for the first time\b[^.;$]{0,50}?\bat\s+)(?:about |around )?$", re.I)
# "the month's lowest print, about $43,300": an extreme named just before the amount
_EXTREME_BEFORE = re.compile(r"\b(?P<side>lowest|highest) (?:print|trade|price|level|point|close)\b,?\s*"
                             r"(?:of |at |was |near |around )?(?:about |around |roughly |just )?$", re.I)
# A price that went past the old record is the new one ("rose to 69,200 dollars, surpassing the previous
# record of 69,000 dollars").
_PAST_OLD_RECORD = re.compile(r"[^.;$]{0,40}?\b(?:surpass|top|beat|exceed|eclips|break|smash|pass)\w*\s+(?:the |its |a )?"
                              r"(?:previous|prior|old|earlier|former) (?:all-time high|record|peak)", re.I)
# A sentence that opens at the extreme ("At the low point the digital currency cost 49.580 Euro", "At its
# peak, ether changed hands at $4,870", "At its worst the coin changed hands at") gives its first price that side.
_OPENS_AT_EXTREME = re.compile(r"\s*At (?:the|its|their) (?:(?P<low>low(?:est)?(?: point)?|bottom|trough|worst|weakest|depths?)|"
                               r"high(?:est)?(?: point)?|peak|top|best|strongest|height)\b(?! of (?:the )?(?:range|band|channel))", re.I)
_TOUCHED = r"(?:touching|hitting|tagging|reaching|testing)\s+(?:about |around |roughly )?$"
_TOUCHING = re.compile(rf"\b{_TOUCHED}", re.I)
_TURNED_AFTER = re.compile(r"[^.;$]{0,30}?\bbefore\s+(?:it\s+|the coin\s+|the price\s+|the (?:move|rally|gain|spike|jump|pop)\s+"
                           r"(?:was\s+)?)?(?:(?P<up>recover|rebound|bounc|climb|rall|paring)|given|"
                           r"retreat|slip|fall|falling|fell|drop|pull|sink|sank|easing|giving|retrac|revers|slid|fad|dipp|tumbl|plung)",
                           re.I)
# A move caused with no direction of its own ("briefly sent bitcoin to $47,900") turned after it ("and it fell to
# $45,500 once ...", "before the agency called the post false" is no turn): the top or bottom of that move
_SENT_TO = re.compile(rf"\b(?:{'|'.join(sorted(CAUSATIVES))})\s+(?:[\w-]+\s+){{1,3}}to\s+(?:about |around |roughly |nearly |almost )?$",
                      re.I)
_TURNED_THEN = re.compile(r"[^.;$]{0,30}?(?:,?\s+and\s+(?:then\s+)?(?:it|the coin|the price|[A-Z]\w+)|\s+then)\s+"
                          r"(?:(?P<up>recovered|rebounded|bounced|climbed|rallied)|fell|dropped|slid|sank|slipped|retreated|"
                          r"tumbled|plunged|eased)\b", re.I)
# "traded at $61,700 ... after touching $62,900 on Saturday": an extreme reached before the price the sentence
# gives, its top or bottom told by which side of that price it lies
_AFTER_REACHING = re.compile(rf"\bafter (?:{_TOUCHED}|(?:it|the coin|the price|[A-Z]\w+) (?:touched|hit|tagged|reached|tested)\s+"
                             r"(?:about |around |roughly )?$)", re.I)


# translated copy's move "until" a value; a coin "worth less/more than" a round level
_MOVED_UNTIL = re.compile(r"\b(?P<verb>[a-z]+)(?: back| again)? until\s*(?:about |around )?$", re.I)
_TRANSLATED_WAYS = {"increased": "rise", "decreased": "fall"}  # ("the price increased until 3.100 euros")
_WORTH_BEYOND = re.compile(r"\bworth (?:less|more) than\s*$", re.I)


# a session's price told by a clause after it ("up 163% from the $4,110 or so at which it opened on April 1", "double
# the $61 it began at", "the $3,330 it opened January at")
_FETCHED_AFTER = re.compile(r"(?:\s+or so)?\s+(?:that |which )?(?:it|the coin|the token|[\w ]{1,20}?) (?:had )?"
                            r"(?:fetched|traded at|changed hands at|commanded)\b", re.I)
_SESSION_AFTER = re.compile(r"(?:\s+or so)?\s+(?:(?:area|level|mark) where |at which |that |which )?(?:it|the coin|the token|(?-i:[A-Z]\w+)) (?:had )?"
                            r"(?:(?P<open>opened|began|started)|closed|ended|finished)\b", re.I)


# a period's closing price named by its end ("the year-end price of", "its quarter-end level of")
_PERIOD_END = re.compile(r"\b(?:year|quarter|month|week)[- ]end (?:price|level|value|close|print) (?:of )?"
                         r"(?:about |around |roughly |nearly )?$", re.I)


def refine_kind(text: str, a: Amount, kind: str, found: list[tuple[Amount, str, str, str]]) -> str:
    """``kind`` (from the parse) refined by the words around amount ``a`` of sentence ``text``;
    ``found``: the sentence's prices before it, as (amount, asset, currency, kind)."""
    if kind == "spot" and CROSSED_AFTER.match(text, a.end):
        return "level"  # "the $10,000 level, which bitcoin cleared last week"
    if kind == "level" and _FETCHED_AFTER.match(text, a.end):
        return "spot"  # "far below the $70 that bitcoin cash fetched": where the coin traded, a reference
    session = _SESSION_AFTER.match(text, a.end) if kind not in ("ath", "atl") else None
    if session:
        return "open" if session.group("open") else "close"
    if kind in ("spot", "level") and _PERIOD_END.search(text, max(0, a.start - 40), a.start):
        return "close"  # "at the year-end price of about $16,550": where the period closed
    if kind in ("high", "low") and _SIGNED_ROW.search(text, max(0, a.start - 200), a.start):
        return "spot"
    if kind in ("low", "high", "level") and _LAST_AT.search(text, max(0, a.start - 30), a.start):
        return "spot"
    # "through $35,000 and then $32,000": the level the amount is listed after is its kind too
    if kind in ("low", "high", "spot") and found and found[-1][3] == "level" and _THEN_LISTED.match(
            text, found[-1][0].end, a.start):
        return "level"
    gapped = (_GAPPED.match(text, found[-1][0].end, a.start) or _VENUE_LISTED.match(text, found[-1][0].end, a.start)
              ) if found and found[-1][3] in ("high", "low") else None
    if kind == "spot" and gapped:
        return found[-1][3]
    named = named_after(text, a.end)
    if named is not None and not (named == "high" and kind == "ath"):  # "a record $X, the high of the day" stays the record
        return named
    session = _AT_SESSION.match(text, a.end)
    if kind in ("spot", "level") and session and not _FROM_LEFT.search(text, max(0, a.start - 20), a.start):
        return "close" if session.group("close") or session.group("closed") else "open"
    if kind in ("spot", "high", "level") and (_PEAK_AFTER.match(text, a.end) and _PASSED_BEFORE.search(
            text, max(0, a.start - 50), a.start) or _PASSED_PEAK_OF.search(text, max(0, a.start - 80), a.start)):
        return "ath"
    extreme_of = _AT_EXTREME_OF.match(text, a.end)
    if kind in ("spot", "low", "high") and extreme_of:
        if extreme_of.group("panic"):
            return kind if kind != "spot" else "high"  # the move says which way the panic went ("plunged to")
        return "low" if extreme_of.group("low") or extreme_of.group("lows") else "high"
    further = _NO_FURTHER.search(text, max(0, a.start - 30), a.start)
    if kind in ("spot", "low", "high") and further:
        return "low" if further.group("low") else "high"
    if kind in ("spot", "high", "level") and _PAST_OLD_RECORD.match(text, a.end):
        return "ath"
    if kind in ("spot", "high", "low", "level") and _FIRST_TRADE.search(text, max(0, a.start - 80), a.start):
        return "open"
    told = _EXTREME_IS.search(text, max(0, a.start - 60), a.start)
    if kind == "spot" and told:
        return NAMED_KINDS[told.group("what").lower()]
    from_extreme = _FROM_EXTREME_TO.search(text, max(0, a.start - 70), a.start)
    if kind in ("high", "low") and from_extreme:  # "tumbled from a high of $69,170 to $59,224": the far end
        return "high" if from_extreme.group("low") else "low"
    apposed = _EXTREME_APPOSED.search(text, max(0, a.start - 60), a.start)
    if kind in ("spot", "low", "high") and apposed:
        return NAMED_KINDS[apposed.group("what").lower()]
    opens = _OPENS_AT_EXTREME.match(text)
    if kind == "spot" and opens and not found and not find_money(text[opens.end():a.start]):
        return "low" if opens.group("low") else "high"
    if kind in ("spot", "high", "level") and (_RECORD_THEN.search(text, max(0, a.start - 90), a.start)
                                              or _RECORD_WHEN.search(text, max(0, a.start - 120), a.start)):
        return "ath"
    after = _EXTREME_AFTER.match(text, a.end) or _EXTREME_BEFORE.search(text, max(0, a.start - 40), a.start)
    if kind in ("spot", "low", "high") and after:  # "touched £18,450, its highest in sterling terms"
        side = after.groupdict()
        return "low" if (side.get("side") or "").lower() in ("lowest", "worst") or side.get("bottomed") else "high"
    managed = BEST_MANAGED.search(text, max(0, a.start - 50), a.start) if kind == "spot" else None
    if managed:
        return "low" if managed.group("side").lower() in ("worst", "lowest") else "high"
    until = _MOVED_UNTIL.search(text, max(0, a.start - 30), a.start) if kind == "spot" else None
    way = (verb_cue(until.group("verb")) or _TRANSLATED_WAYS.get(until.group("verb").lower())) if until else None
    if way in ("rise", "fall"):  # GUIDE (za- to zd-series): "declined until 47,500 dollars" is a low
        return "high" if way == "rise" else "low"
    if kind in ("spot", "low", "high") and text.endswith("sub-", 0, a.start):
        return "level"  # "a third straight day sub-$60k": under it
    if kind == "spot" and _WORTH_BEYOND.search(text, max(0, a.start - 30), a.start):
        return "level"  # GUIDE (x- and y-series): "worth less than $X" is a level
    if kind == "spot" and _ROW_LINE.match(text, a.end):
        return "level"
    if kind in ("spot", "level") and _TURNED_AWAY.search(text, max(0, a.start - 45), a.start):
        return "high"
    # (not a price the coin is said to have reached: "giving up the $91 it reached on Tuesday" is the top)
    if kind in ("spot", "low", "high") and (_LOST_MARK.search(text, max(0, a.start - 25), a.start) and (
            _MARK_AFTER.match(text, a.end) or _round(a.value) and not _REACHED_AFTER.match(text, a.end))
            or broken_support(text, a.start, a.end)):
        return "level"
    side = _BELOW_LEFT.search(text, max(0, a.start - 20), a.start)
    if kind in ("level", "spot", "ath", "atl") and side and _REACHED_AFTER.match(text, a.end):
        return "high" if side.group("side").lower() in ("below", "under", "beneath") else "low"
    moved = _MOVED_FROM.search(text, max(0, a.start - 50), a.start) if kind in ("level", "spot") else None
    if moved and _REACHED_AFTER.match(text, a.end):
        return "high" if moved.group("down") else "low"
    before = next((f[0] for f in reversed(found) if f[3] == "spot" and f[0].currency == a.currency), None)
    if kind in ("spot", "low", "high") and before is not None and _AFTER_REACHING.search(text, max(0, a.start - 30), a.start):
        return "high" if a.value > before.value else "low"
    turn = _TURNED_AFTER.match(text, a.end)
    if kind in ("spot", "low", "high") and turn and _TOUCHING.search(text, max(0, a.start - 30), a.start):
        return "low" if turn.group("up") else "high"  # "touching $1,551 before recovering": the bottom of the dip
    turn = (_TURNED_AFTER.match(text, a.end) or _TURNED_THEN.match(text, a.end)) if kind == "spot" else None
    if turn and _SENT_TO.search(text, max(0, a.start - 50), a.start):
        return "low" if turn.group("up") else "high"
    return kind


def _round(value: float) -> bool:
    """A round number, as marks are ("lost the $1,000", "regained the 50,000 euros"): two significant digits at most."""
    return value >= 10 and float(f"{value:.2g}") == value


# An amount that gives the one before it in another currency is a spot price (GUIDE): "or about", "equivalent to"
# (a venue, a time or a gloss without numbers may come between: "$104,780 on Binance (about €90,300)", "$3,122 on
# Bitstamp, or roughly €2,760", "$2,720 on Thursday, its highest since February, or around Rs7.67 lakh", "US$ 4,060,
# its highest level since December 2021, equivalent to about R$ 20,180")
# (or set off by a comma and a rounding word alone: "to €2,930, roughly $3,185")
_RESTATED = re.compile(r"^(?:,?\s+(?:[^$€£¥;()\d]|(?:19|20)\d\d\b){1,60}?)?\s*(?:,\s*or|\(|,\s*(?:that is|i\.e\.|(?:the )?equivalent (?:to|of)|equal to|which works out to)|"
                       r",(?=\s*(?:about|roughly|around|nearly|approximately|some)\s))"
                       r"\s*(?:about |roughly |around |some |nearly |approximately )?$", re.I)
# ... or at the day's exchange rate ("US$52,080 ..., roughly €48,300 at current exchange rates")
_PERCENT = re.compile(r"\d[\d.,]*\s?(?:%|per ?cent\b)")
_AT_RATES = re.compile(r"\s+at (?:current|today['’]s|the current|prevailing|the day['’]s|the going) (?:exchange )?rates?\b", re.I)


def restated(text: str, amounts: list[Amount], j: int) -> bool:
    """Amount ``j`` gives the one before it in another currency ("touched 101.3 million won, or about $77,100"), also
    a local dollar's after a US dollar's ("touching about US$17,600, or roughly $25,400" in Australian copy)."""
    if j == 0:
        return False
    before, this = amounts[j - 1], amounts[j]
    local = text.startswith("US$", before.start) and text.startswith("$", this.start)
    if before.currency is None or before.currency == this.currency and not local:
        return False
    # a move may stand between them: "$101,400, up more than 3% from Sunday's trough, or roughly £75,400"
    gap = _PERCENT.sub("x", text[before.end:this.start])
    return _RESTATED.match(gap) is not None or _AT_RATES.match(text, this.end) is not None
