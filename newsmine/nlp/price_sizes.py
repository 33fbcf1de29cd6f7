"""Sizes, sums and things an amount may name instead of a price (GUIDE "Does not count").

Market caps, volumes, liquidations, flows, fees, sums put in or held, a plan's
instalment, "a 3-cent site": the words around an amount say it is a size, and
``price_filters.is_price`` asks here before its other filters.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount
from newsmine.nlp.price_cues import verb_cue
from newsmine.nlp.sentence import SentView

_SIZE = re.compile(
    r"market (?:cap|value|capitali[sz]ation)|volume|turnover|liquidat|open interest|inflow|outflow|"
    # ("for what it is worth" is an aside, "The panic spread:" a verb: neither sizes the amount)
    r"(?<!what it is )(?<!what it's )(?<!what it’s )\bworth\b|valued|valuation|raised?\b|\bfunds?\b|\bfine[ds]?\b|penalt|revenue|profit|"
    r"\bgains? of\b(?!\s*(?:about |roughly |some |nearly |almost )?\d[\d.,]*\s?(?:%|percent\b|per cent\b))|"
    r"\bloss(?:es)?\b(?!\s+to\b|,)|\bsums?\b|"
    # money moved or charged ("transfers above Rs 10,000", "charging as much as N1,000 to hand out N5,000")
    r"\b(?:transfers?|transactions?|payments?|deposits?|withdrawals?|sales)\b|\bcharg(?:e[sd]?|ing)\b|"
    r"\bhand(?:s|ed|ing)? (?:out|over)\b|\btak(?:e|es|ing|en) home\b|\bearn(?:s|ed|ing)?\b|"
    r"salary|savings|insured|stolen|\bprice tag\b|\bpaid\b|\bpay\b|\bcost(?:s|ing)?\b|\bfee|\bbond|\bloan|\bborrow(?:s|ed|ing)?\b|\blent\b|\bdebt|positions|\bnotional|\ballowances?\b|"
    r"\bbets?\b|\bbids?\b(?![^,.;$]{0,20}\bup\b)|premium|\bspread\b(?!\s*:)|\bgap\b|\bstretch of\b|\bspan(?:s|ned|ning)?\b|\bbought\b|\bsold\b(?! off)|round[- ]trips?\b[^,;]*$|\bswings? of\b|"
    # money put into the market or held there, not a level: not "spent the week above $X", not "puts
    # bitcoin at $X" ("had about €60,000 on the exchange")
    r"\b(?:spent|invested|put in|puts in|putting in|put|puts|putting|poured|had|has|have|contributed|deposited|set aside|sent|wired|makes|making)\s+"
    r"(?:about |around |some |nearly |roughly |over |more than |another |the whole |all )?$",
    re.I,
)
_THEN = re.compile(r",?\s+(?:and\s+)?then\s+|,\s+(?:climbing|rising|jumping|rallying|surging|soaring|falling|dropping|"
                   r"sliding|sinking|slipping|dipping|tumbling|plunging|easing|recovering|rebounding|touching|hitting|reaching|as (?:high|low) as)\b", re.I)
# Currencies in which a coin's price runs to millions ("₩23.5 million", "two million Turkish lira") or, in
# dong and rupiah, billions ("2.7 billion dong"): a scaled amount below the bound may be a price.
_SMALL_UNITS = {**dict.fromkeys(("KRW", "JPY", "CNY", "INR", "TRY", "NGN", "ZAR", "ARS", "PHP", "KES", "RUB", "THB", "PKR",
                                 "TWD"), 1e9),
                "VND": 1e10, "IDR": 1e10}
# Money spent on or held in a coin is a sum, not its price ("buy $500 of bitcoin", "$2 million worth of ether",
# "$1,000 in bitcoin"): the words after the amount lead straight to an asset.
_OF_COIN = re.compile(r"['’]?\s*(?:worth\s+of|of|in|into)\s+(?:the\s+)?")  # (also "ten dollars' worth of bitcoin")
# a compound that names a thing ("a 3-cent site"), unless a level or an extreme follows ("the 50-cent level")
_CENT_COMPOUND = re.compile(r"^[\d.]+-cents?$")
_MARK_AFTER = re.compile(r"\s+(?:level|mark|handle|line|barrier|threshold|top|high|low|peak|bottom|record|floor|close|open)\b")
# a sum ("spending about $1,140 in all"), or what power costs a miner ("spends $4,100 in electricity to produce one bitcoin")
_TOTAL_AFTER = re.compile(r"^\s*(?:in all|in total|all told|(?:in|of) (?:electricity|power)\b)", re.I)
# a sum named by what it is ("a ₹30,000 profit", "the first £12,000 of gains", "up to $3,000 of whatever is left")
_SUM_AFTER = re.compile(r"^\s*(?:(?:of|in) (?:(?:ordinary|taxable|other) )?(?:whatever|what\b|gains?|profits?|income|losses|earnings)|"
                        r"(?:profit|loss|gain|bonus|refund|deduction|prize|payout|tax bill|bount(?:y|ie)|reward|fine)s?|"
                        r"(?:(?:annual|yearly|tax-free) )?allowance\b|"  # "above a £3,000 annual allowance"
                        r"(?:IRA|portfolio|account|retirement account|pension|nest egg|savings|stake|position)s?\b|"  # "a $400,000 IRA"
                        # "a $25 weekly plan", "a $100-a-month plan"
                        r"(?:(?:daily|weekly|monthly|regular) |-an?-(?:day|week|month) )?(?:plan|purchases?|contributions?|budget)\b|"
                        # "the $250,000 insurance cap" (not a chart's "the $25 ceiling")
                        r"(?:(?:insurance|deposit|coverage|withdrawal|issuance) )?(?:cap|limit)s?\b|"
                        r"(?:insurance|deposit|coverage|withdrawal|issuance) ceilings?\b|"
                        r"(?:of )?(?:move|movement|upside|downside))\b", re.I)  # ("Analysts Flag $0.75 Upside")
# money held in coins, not a coin's price ("about $9,000 in crypto on Bybit")
_IN_COINS = re.compile(r"\s+(?:in|into|of) (?:crypto|cryptocurrenc\w+|digital assets|coins|tokens)\b", re.I)


# "finishing at $3,356 for a 5.6% weekly loss": the size after the amount is the move's, in percent
_PERCENT_SIZE = re.compile(r"\d\s?%")
# the preposition of a coin's move just before its amount ("dragged XRP down to", "pushed BTC below")
_MOVE_PREP = re.compile(r"(?:\s+(?:down|up|back|lower|higher|briefly|sharply))*\s+(?:to|into|below|above|under|past|"
                        r"through|toward|towards|as (?:low|high) as)\s+(?:(?:about|around|roughly|nearly|almost|some|just) )?$")


_VALUED_AT = re.compile(r"\bvalued\b[^$;]{0,50}\bat\s*(?:about |around |roughly )?$", re.I)
_PER_COIN = re.compile(r"\s*(?:per|a|each) (?:coin|token|unit|bitcoin|ether|BTC|ETH)\b", re.I)
# (or a participle's: "Chainlink's LINK, often grouped with the sector because of its services for tokenized funds,")
# (also an apposition holding one: "SLP, the reward token that many players earn every day, fell to")
_RELATIVE_ASIDE = re.compile(r",\s*(?:whose|which|who|(?:often |once |long |also )?[a-z]+ed|"
                             r"(?:the|a|an) [^,;$]*?\b(?:that|which|who|whose)\b)\b[^,;]*,\s*")


def is_size(a: Amount) -> bool:
    """A scaled amount ("$1.2 billion") is a size, unless a coin's price runs to millions in its currency."""
    return a.scaled and a.value >= _SMALL_UNITS.get(a.currency, 0.0)


def names_a_thing(text: str, a: Amount) -> bool:
    """A compound names a thing: "a 3-cent site", "a 2.5-cent deal"; not "the 50-cent level"."""
    return bool(_CENT_COMPOUND.match(text[a.start:a.end]) and not _MARK_AFTER.match(text, a.end))


def sized(sent: SentView, a: Amount, left: str, near: str, right: str) -> bool:
    """Amount ``a`` of ``sent`` is a size or a sum, read from the words before it (``left``: its clause, ``near``:
    the end of that clause) and after it (``right``)."""
    # a size word after the amount must be in its own phrase ("$2 billion in fund flows"), not
    # past a comma ("$2,030 in mid-August, as funds positioned")
    after = re.split(r"[,;]|\b(?:as|while|when|after|before)\b", right[:40])[0]
    # (a size in a clause before "then" is that clause's: "as $400 million of longs were liquidated, then recovered to")
    then = max((m.end() for m in _THEN.finditer(near)), default=0)
    # (nor one in a relative clause about the coin: "Frax Share, whose lending platform holds part of the debt, dipped to")
    # (read in the sentence: the clause's window may open inside the aside)
    asides = _RELATIVE_ASIDE.finditer(sent.text, max(0, a.start - 200), a.start)
    aside = max((m.end() - a.start + len(near) for m in asides), default=0)
    # a holding valued at a price per coin is that price (GUIDE: a proof-of-reserves valuation price is `spot`)
    per_coin = _VALUED_AT.search(near) and _PER_COIN.match(right)
    if not per_coin and _SIZE.search(near, max(_moved_coin(sent, a, near), len(near) - 30, then, aside)) or re.match(
            r"^\s*(?:of|in|worth|from|for)\b", right) and _SIZE.search(after) and not _PERCENT_SIZE.search(after):
        return True
    if _IN_COINS.match(right) or _TOTAL_AFTER.match(right) or _SUM_AFTER.match(right):
        return True
    of_coin = _OF_COIN.match(right)
    return of_coin is not None and any(m.start - sent.start == a.end + of_coin.end() for m in sent.of("ASSET"))


def _moved_coin(sent: SentView, a: Amount, near: str) -> int:
    """Where in ``near`` the coin whose move ends at amount ``a`` is named ("A wave of liquidations dragged
    XRP to $0.41", "$1.1B liquidated as BTC dumps to"): the words before it are the move's cause, so a size word
    there does not size the amount (other words there still count: "targets for ether to $4,000" is a target)."""
    move = _MOVE_PREP.search(near)
    if move is None:
        return 0
    offset = sent.start + a.start - len(near)  # document offset of ``near``
    ends = {offset + move.start()}
    verb = re.search(r"\s+([a-z]+)$", near[:move.start()])
    if verb and verb_cue(verb.group(1)) in ("fall", "rise"):
        ends.add(offset + verb.start())  # the coin's own verb between it and the amount
    coin = next((m for m in sent.of("ASSET") if m.end in ends), None)
    return coin.start - offset if coin is not None else 0
