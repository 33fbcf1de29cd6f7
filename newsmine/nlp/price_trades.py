"""Deals, set values and costs are no market prices: what a buyer paid, a seller got or a desk filled,
what an estate or a court values a coin at, and what producing one costs (GUIDE "Does not count").

Columnists, fund letters and desks report their own trades ("we trimmed a third of our bitcoin
at", "her desk bought 400 coins between $4,100 and $4,300"), and readers what they paid. The
market traded there, but the amount is the trader's fill, not the coin's price, and so is a sale
above a level or a purchase below one (GUIDE: "a firm's own fills and limits"). Bankruptcy estates and courts
fix each coin's value for claims, and claims themselves trade as a share of face value.
"""

from __future__ import annotations

import re

from newsmine.nlp.number_words import currency_named
from newsmine.nlp.numbers import Amount
from newsmine.nlp.price_measures import left_clause
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import SentView

# What a buyer paid (or a trader's entry, or a token sale's price) or a bounty pays is no market price ("started
# buying bitcoin in 2013 at about $120", "a short with an entry near $125", "doubled the top reward in its bug bounty program to €500,000").
# the next lot of a purchase told before, past the clause's "and": "bought a first slice at $18,250 ... and a second at"
_NEXT_LOT = re.compile(r"\b(?:bought|sold)\b[^$;]{0,40}\$[\d,.]+[^$;]{0,40}\ba (?:second|third|fourth|final|further)"
                       r"(?: [\w-]+)? at\s*(?:about |around )?$")
_PURCHASE = re.compile(
    # (a holding's decimals between: "built up 0.4 bitcoin for £6,000")
    r"\b(?:bought|buying|buys?|purchas\w*|acquir\w*|accumulat\w*|rebuil[dt]\w*|buil[dt]\w* up|longed|shorted|filled|executed)\b"
    r"(?:[^$.;,]|(?<=\d)\.(?=\d)){0,40}\b(?:at|below|under|near|for|between)\s*"
    r"(?:about |around |roughly )?$|"
    r"\bsold\b(?! off)[^$.;]{0,40}\bfor\s*(?:about |around |roughly )?$|"
    r"\b(?:placed|set|put|parked|left)\s+(?:\w+\s+){0,2}(?:limits?|orders?|stops?|bids?|offers?)\s+(?:at|near|around)\s*$|"  # "sold 600 of his coins for about £750"
    # a holder's sale at a price ("sold half of his spot bitcoin at $38,000", "selling bitcoin near $50,500"), not
    # the market's selling ("sold off to", "selling pressure near")
    r"(?<!the )\b(?:sold|selling|sells?)\b(?![- ]off| pressure)[^$.;,:]{0,40}\b(?:at|near|around)\s*(?:about |around |roughly )?$|"
    r"\bfill(?:ed|s|ing)\b[^$.;,:]{0,40}\b(?:order|block|trade)s?\s+at\s*$|"  # a desk's fill: "filled a 400-bitcoin block at"
    # a holder's sale above a level or purchase below one ("sold part of its bitcoin above $22,000", "sold it back
    # above $5,000 before London opened", "selling into strength above $2,050", "added modestly to its holdings
    # below US$20,000", "buyers who came in above $60")
    r"(?<!the )\b(?:sold|sell(?:s|ing)?|trimm(?:ed|ing)|bought|buy(?:s|ing)?|added|adding|filled|came in|got in|offloaded|"
    r"cashed out|exited|took profits?)\b"
    # (in its own clause: not "bought back after bitcoin dipped below", "sell orders pushed the perpetual below")
    r"(?![- ]off| pressure| orders)(?:(?!\b(?:after|when|once|as|while|until|which|that|since)\b)[^$.;:,]){0,50}"
    r"\b(?:above|below|under|over)\s*(?:about |around |roughly )?$|"
    r"\b(?:trimm(?:ed|ing) (?:\w+ ){0,2}(?:holdings?|positions?|stakes?|exposure|allocations?)|took profits?|taking profits?)\b"
    r"[^$.;,:]{0,20}\b(?:at|near|around|above)\s*$|"  # "trimmed holdings above $70,000"
    # a fund or a desk adding to a position ("Her fund added to its position between", "we added back bitcoin between")
    r"\b(?:we|I|he|she|they|fund|desk|clients?)\s+(?:\w+\s+){0,6}?add(?:ed|ing|s)?\b[^$.;%]{0,40}\b(?:at|near|between|below|under)\s*$|"
    # a short covered ("covered a short in bitcoin from $122,000 near $107,000"): where it was opened and closed
    r"\bcovered (?:a|his|her|their|our|the) shorts?(?: in [\w-]+)? from(?: [^.;]{1,20}?\s(?:at|near|around))?\s*"
    r"(?:about |around )?$|"
    # a writer's own trades: "we trimmed a third of our bitcoin at", "I have been long bitcoin since $22,400"
    # longs opened above a level, a block agreed at a price, what creditors are owed
    r"\bopened (?:\w+ )?(?:longs?|shorts?|positions?) (?:well |just |far )?(?:above|below|at|near)\s*$|"
    r"\b(?:blocks?|deals?)\b[^.;$]{0,30}\b(?:agreed|struck|done|priced)\s+at\s*(?:about |around )?$|"
    r"\bowe[sd]?\s+(?:less than |more than |up to |over |under |about |roughly )?$|"
    # a token sale's price ("from its initial token sale in 2021, at €2 a token")
    r"\b(?:pre-?sale|token sale|ico|private sale|public sale)\b[^.;$]{0,30}$|"
    r"\b(?:long|short|position)\b[^$.;]{0,40}\bopened at\s*$|"  # "a 25x long ... opened at"
    r"\b(?:trimmed|took profits?|(?:been|went|gone|stayed) (?:long|short))\b[^$.;]{0,40}\b(?:at|since|near)\s*"
    r"(?:about |around |roughly )?$|"
    r"\b(?:buyers?|sellers?) (?:of|near|around|below|above)\s*(?:\$?[\d.,]+[kK]?\s*/\s*)?$|"  # a desk's flow: "RM buyer of 68.5/69k topside", "sellers of $70,000 calls"
    r"\bentry(?: price| level)?\s+(?:of|at|near|around|about)\s*(?:about |around |roughly )?$|"
    r"\bpa(?:id|ying|ys)\s+(?:about |around |roughly |nearly |some )?$|"  # "paying around $97,000 a coin"
    r"\bnibbl(?:e|es|ed|ing) at\s*(?:about |around )?$|"  # a desk's slow buying ("has started nibbling at 75k")
    r"\bcovered\b[^.;$]{0,25}\b(?:near|at|around)\s*$|"  # "covered far too early near 77 grand"
    # a bitcoin ATM's own rate, marked up over the market ("the Vaultline kiosk priced bitcoin at $119,200")
    r"\b(?:kiosks?|ATMs?|machines?)\b[^.;$]{0,60}\b(?:quoted|quotes|priced|prices|listed|lists|showed|shows|displayed|"
    r"charged|charges)\b[^.;$]{0,25}$|"
    r"(?<!block )\b(?:rewards?|bount(?:y|ies)|prizes?|tickets?)\b[^$,;]{0,40}$|"  # not "cutting the block reward ... with the coin near $8,570"
    r"\baverage (?:acquisition )?(?:entry|cost|purchase|buying price)\b[^$]{0,60}$|\baverage (?:[\w-]+ ){0,2}price\b[^$.;]{0,80}$|"
    # a desk's orders and deals, not trades of the market ("size on the offer at 73k", "bids layered from 69.5k
    # down to 68k", "clients scaling in between 38.6k and 39.2k", "over-the-counter deals at $0.40 a token")
    r"\b(?:on the (?:offer|bid)|bids?|buyers of|scal(?:e|es|ed|ing) in|over-the-counter deals?|OTC (?:deals?|sales?))\b"
    r"[^.;$]{0,40}$|"
    # the price when someone bought is their purchase price ("put $2,000 in when the price was near $60,000"), but
    # a coin's own market then is a price ("made its first purchase in March, when bitcoin traded around $68,000")
    r"\b(?:bought|buying|purchas\w*|invested|put \S+ \S+ in(?:to)?)\b[^.;]{0,30}\bwhen the price "
    r"(?:was|traded|stood|sat)\b[^$.;]{0,12}$|"
    r"\b(?:offering|ico|pre-?sale|token sale|issue|subscription)\s+price\b[^$]{0,12}$|"
    # what a stake grew to ("turned a pretend $10,000 into about $31,000")
    r"\bturn(?:ed|s|ing)?\s+(?:(?:a|an|his|her|their|its|my|our|your)\s+(?:[\w-]+\s+)?|[^.;]{0,30}?\s+into\s+"
    r"(?:about |roughly |nearly |some |over |more than |almost )?)$", re.I)
# A coin that "sold for" an amount is the subject, and the amount its market price
# ("On Upbit, bitcoin sold for ₩81.2 million", "Bitcoin sold for as much as $64,900"), not a holder's sale
_COIN_SOLD_FOR = re.compile(r"\s+(?:briefly\s+|also\s+)?(?:sold|sells|(?:was|is|were|are)\s+selling)\s+for\s+"
                            r"(?:about |around |roughly |nearly |as (?:much|little|high|low) as )?$", re.I)
# A deal's price per coin ("put $13,500 into three ether, at about $4,500 each", "sold CRV in private deals
# at $0.40 a token"): what one buyer paid, not where the market traded.
_EACH = re.compile(r"\s*(?:each|apiece|a (?:token|coin|piece)|per (?:token|coin))\b", re.I)
_DEAL = re.compile(r"\b(?:put|puts|invested|paid|pays|spent|bought|buys|sold|sells|purchased|acquired|auctioned|auctions)\b", re.I)


# A bankruptcy estate's or a court's conversion table values every coin in its sentence ("Under the estate's
# schedule, each bitcoin counts for $16,871, each ether for $1,258"): compensation prices, not trades.
_COMPENSATION = guarded(r"\b(?:under|in|by|per) (?:the |its |their )?(?:estate|bankruptcy|court|claims?|compensation|"
                           r"repayment|distribution)(?:['’]s)? (?:schedule|plan|valuation|conversion table)\b", re.I)
# ... and so does an estate, a court or a trust that puts a value on each coin ("the estate's schedule put bitcoin at
# $20,847 and ether at $1,089", "values UST at 2.6 cents for claims purposes"), though not the market's price at the
# time ("values claims as of the petition date, when bitcoin was near $17,000")
_VALUED_BY = re.compile(r"\b(?:estate|court|schedule|trust)\b(?:[^.;]|\.(?=\s?\d|S\.)){0,120}\b(?:puts?|pegs?|values?|valued|"
                        r"set|sets|fix(?:es|ed)?)\b(?:(?!\b(?:when|while|as)\b)[^.;]){0,60}$", re.I)  # ("Nov. 11", "U.S.")
_FOR_CLAIMS = re.compile(r"^\s*(?:[\w,]+\s+){0,3}?for (?:claims|distribution) purposes\b", re.I)
# Bankruptcy claims and debt trade as a share of face value ("claims quoted at 38 to 40 cents on
# the dollar, up from about 10 cents"): a recovery rate, not a coin's price.
_CLAIM = re.compile(r"\bon the dollar\b|\b(?:of|to) (?:face|par)(?: value)?\b|\bpric(?:ed|es|ing) (?:\S+ ){0,2}claims at\s*$", re.I)


# The same told after the amount: a sale round's stage, a price someone sold at, money someone sent
# ("$0.00046 in the sixth of twelve presale stages", "the $2 at which the clubs first sold them",
# "Of the $412,000 she sent")
_DEALT_AFTER = re.compile(
    r"^\s*(?:(?:a|per) (?:token|coin) )?(?:in|during) (?:the|its|a) (?:[\w-]+ ){0,4}(?:pre-?sale|token sale|ico)\b|"
    r"^\s*(?:at|for) which\b[^,;.]{0,40}\b(?:sold|bought|paid|issued|offered)\b|"
    r"^\s*(?:that |which )?(?:she|he|they|I|we|you|victims?)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:sent|lost|paid|invested|wired|transferred|deposited|handed over)\b|"
    # a sum that buys coins is spent, not a price ("the weekly $50 bought far more coin in the lean years")
    r"^\s*(?:(?:a|per|each|every) (?:week|month|day) )?(?:bought|buys|buy|would buy|will buy|purchased)\b", re.I)


def coin_sold_for(sent: SentView, a: Amount) -> bool:
    """A coin named right before "sold for" amount ``a`` of ``sent`` (``_COIN_SOLD_FOR``)."""
    return any(_COIN_SOLD_FOR.match(sent.text, m.end - sent.start, a.start) for m in sent.of("ASSET")
               if m.end - sent.start <= a.start)


def own_trade(text: str, a: Amount) -> bool:
    """Amount ``a`` of sentence ``text`` is a purchase, a sale or a desk's fill, not the market's price."""
    left = left_clause(text, a.start)
    right = text[a.end:a.end + 60]
    return bool(_PURCHASE.search(left) or _NEXT_LOT.search(text, 0, a.start) or (_EACH.match(right) and _DEAL.search(left))
                or _DEALT_AFTER.match(right))


def claim_value(text: str, a: Amount) -> bool:
    """Amount ``a`` of sentence ``text`` is a value an estate, a court or a claims market puts on a coin."""
    left = left_clause(text, a.start)
    right = text[a.end:a.end + 60]
    return bool(_COMPENSATION.search(text) or _VALUED_BY.search(text, max(0, a.start - 200), a.start)
                or _FOR_CLAIMS.match(right) or _CLAIM.search(left) or _CLAIM.search(right[:40]))


# What producing a coin costs a miner is no price either ("all-in cost to mine one bitcoin", "breakeven")
_RELATIVE_AFTER = re.compile(r"\s+(?:that|which)\b[^,;.]{0,100}")
_COST_OF_COIN = re.compile(r"\bcosts? (?:(?:an?|the|each) (?:[\w-]+ )?[\w-]+ )?(?:to|of) (?:mine|mining|produce|producing)(?: (?:one|a|each|every) [\w-]+)?\b|"
                           r"\b(?:all-in|production|mining|break-?even) costs?(?: (?:to|of) (?:mine|mining|produce|producing)"
                           r"(?: (?:one|a|each|every) [\w-]+)?)?\b|\bcosts? of production\b|"
                           r"\bproduc(?:e|ing) (?:one|a|each|every) [\w-]+ costs?\b|"
                           r"\breali[sz]ed price\b|\bcost per (?:coin|bitcoin|token)\b", re.I)


def production_cost(sent: SentView, a: Amount) -> bool:
    """Amount ``a`` is what producing a coin costs: a cost named in its clause, or before it with no coin
    named between ("Breakeven cost for the median public miner, including power, rose to about $53,000 per coin")."""
    if _COST_OF_COIN.search(left_clause(sent.text, a.start)):
        return True
    # or in a relative clause after it ("the roughly $7,000 that researchers estimate it costs a miner to produce one coin")
    after = _RELATIVE_AFTER.match(sent.text, a.end)
    if after and _COST_OF_COIN.search(after.group()):
        return True
    costs = list(_COST_OF_COIN.finditer(sent.text, 0, a.start))
    return bool(costs) and not any(costs[-1].end() <= m.start - sent.start < a.start for m in sent.of("ASSET"))


# a wire's note on a fix, "(corrects price in first paragraph from $53,600)": the wrong value, or the right one restated
_CORRECTS = re.compile(r"\(\s*(?:corrects?|updates?|fixes)\b[^)]*(?:\bfrom|\bremov\w*[^)]*|\bnot)\s*$", re.I)
# what an event charges, the dollar's own rate, a futures premium or an on-chain average beside the coin
# (GUIDE: ticket prices, fiat-to-fiat rates, realized price are no prices): "Tickets ..., priced at $2,100 for a full
# pass", "the dollar's 1,386 won official rate", "a $1,100 premium over spot", "$210 above Coinbase spot"
_NOT_A_TRADE = re.compile(r"\b(?:tickets?|admission|entry to)\b[^.;$]{0,50}\b(?:priced|costs?|sells?|sold)\b[^.;$]{0,10}$|"
                          r"\bthe dollar['’]s\s+(?:official\s+)?$|\bbook value\b[^.;$]{0,30}$|"
                          r"\b(?:stake|holding|position|portfolio)s?\b[^.;$]{0,40}\bworth\s*(?:about |roughly |some )?$|"
                          r"\b(?:distance|gap|spread|difference) between\b[^.;$]{0,50}\bat\s*(?:more than |about |roughly )?$", re.I)
_NOT_A_TRADE_RIGHT = re.compile(r"\s+(?:premium|discount)\b|\s+(?:above|below|over|under) (?:the )?(?:\w+ )?spot\b|"
                                r"\s+(?:above|below) (?:it|that|them)\b|\s+liquidation (?:price|level|trigger)\b|"  # a distance: "some $7,500 above it"
                                r"\s+(?:official |exchange )+(?:rate|fixing)\b|\s+reali[sz]ed price\b(?!\s*:)", re.I)
_WITH_FIAT = re.compile(r"\bwith (?:the )?(?P<fiat>pound|sterling|euro|yen|yuan|rupee|lira|real|rand|dollar)\b[^.;$,]{0,25}$", re.I)
# a book's cover price (GUIDE, x- and y-series): "the book, which retails for $28", "priced at $32 in hardback"
_COVER_PRICE = re.compile(r"\bretail(?:s|ing)? (?:for|at)\s*(?:about )?$|\b(?:book|novel|memoir)\b[^.;$]{0,40}\b(?:sells|costs?|"
                          r"priced) (?:for|at)?\s*$", re.I)
_EDITION = re.compile(r"\s+(?:in|for the) (?:hardback|paperback|hardcover|e-?book)\b", re.I)
# a mean over a period is no level traded at (GUIDE: averages): "Bitcoin averaged $65,800 in June"
_AVERAGED = re.compile(r"\baverag(?:ed|es|ing)\s+(?:about |around |roughly |nearly |just )?$", re.I)


def no_trade(text: str, a: Amount, left: str, right: str) -> bool:
    """Amount ``a`` of ``text`` (``left``: its clause before it, ``right``: the words after) is no level the coin traded
    at: a mean, a wire's fixed value, a ticket, a cover price, a futures premium, a distance, the dollar's own rate."""
    return bool(_AVERAGED.search(left) or _CORRECTS.search(text, 0, a.start) or _COVER_PRICE.search(left)
                or _EDITION.match(right) or _NOT_A_TRADE.search(left) or _NOT_A_TRADE_RIGHT.match(right) or _other_fiat(left, a))


def _other_fiat(left: str, a: Amount) -> bool:
    """A currency's own rate in a "with" clause ("bitcoin traded near £44,600, with the pound steady at $1.28"), not
    the coin's price in that currency ("with the euro near parity, ... €15,590")."""
    fiat = _WITH_FIAT.search(left)
    return fiat is not None and currency_named(fiat.group("fiat")) != a.currency
