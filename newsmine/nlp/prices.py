"""Prices: levels an asset traded at, crossed or hit (GUIDE "Prices").

Every currency amount in a sentence is a candidate. The words around it decide:
sizes (market caps, volumes, liquidations, flows), price changes ("shed
$2,000"), targets and predictions, unreached support/resistance, strikes,
averages and stock or commodity prices are dropped. What remains gets its kind
(spot, high, low, ath, atl, open, close, level) from the words that govern it in
the parse (``price_kinds``), except the ends of a quoted range, which are read
here as a low and a high, and a higher high after a record, which is a record.
"""

from __future__ import annotations

import re

from newsmine.nlp.mood import answers_hypothetical, told_past, unreal
from newsmine.nlp.numbers import Amount, find_bare_numbers, find_coin_prices, find_money, find_percents
from newsmine.nlp.price_kinds import parse_kind
from newsmine.nlp.quotes import quote_spans
from newsmine.nlp.ratios import find_ratios, money_quote, ratio_pair
from newsmine.nlp.timeref import resolve_date
from newsmine.nlp.view import BULLETS, ArticleView, SentView
from newsmine.records import Price

_SIZE = re.compile(
    r"market (?:cap|value|capitali[sz]ation)|volume|turnover|liquidat|open interest|inflow|outflow|"
    r"\bworth\b|valued|valuation|raised?\b|\bfunds?\b|\bfine[ds]?\b|penalt|revenue|profit|\bloss(?:es)?\b(?!\s+to\b)|"
    r"salary|stolen|\bpaid\b|\bpay\b|\bcosts?\b|\bfee|\bbond|\bloan|\bdebt|positions|\bnotional|"
    r"\bbets?\b|\bbids?\b|premium|\bspread\b|\bgap\b|\bbought\b|\bsold\b(?! off)|round[- ]trips?\b[^,;]*$|\bswings? of\b|"
    # money put into the market or held there, not a level: not "spent the week above $X", not "puts
    # bitcoin at $X" ("had about €60,000 on the exchange")
    r"\b(?:spent|invested|put|poured|had|has|have)\s+(?:about |some |nearly |roughly |over |more than |another )?$",
    re.I,
)
_NOT_REACHED = re.compile(
    r"\b(?:targets?|forecasts?|predict\w*|could|would|might|(?-i:may)|will|expects?|expected|expecting|"
    r"calls? for|calling for|whether|toward|towards|upside|downside|strikes?|average|averaging|cost basis|"
    r"(?:a|another|fresh|second|third) (?:run|shot|crack|stab|tilt) at|"
    r"invalidat\w*|stop[- ]loss|options?|calls|puts|if|unless|needs? to|aim\w*|eyes|eyeing|"
    r"projects?|projected|sees|see|bets? on|hopes?|reach|retarget\w*|stop|take-profit|goal|scenario|objective|"
    r"(?:base|bull|bear|best|worst)[- ]case|"
    r"point(?:s|ed|ing)? to|extensions?|per share|warn\w*|talk\w*|speculat\w*|rate of|fibonacci|"
    r"reaching(?! (?:an? )?(?:record|all-time|new|fresh|as high|as low|its|their|high|low|peak|top|bottom))|"
    r"retracement|moving average|bias|cluster\w*|concentrated|stacked|accumulat\w*|break-?even|max(?:imum)?[- ]pain|"
    r"(?:has|have|had) to|must|as long as|so long as|while the price holds)\b",
    re.I,
)
# What "sits at" a level is a described level (max pain, a Fibonacci line), unless it is an
# asset or a pair ("SOL/BTC sits at 0.00261").
_SITS = re.compile(r"\bsits (?:near|around|at)\s*(?:about |around |roughly )?$")
# with the abbreviations of terminal briefs ("BTC res 63.5k / 65k, sup 60k")
_SUPPORT = re.compile(r"\b(?:support|resistance|floor|ceiling|barrier|hurdle|zone|defen[cd]\w*|res|sup|supp|line in the sand)\b",
                      re.I)
# A sentence about where support or resistance lies ("Resistance is $32,400, and above that there is
# mostly air up to $35,000"; "Analyst: Support sits at ..."): every level in it is one to watch.
_WATCH = re.compile(r"^(?:[\w .'-]{1,30}:\s*)?(?:(?:first|next|key|major|initial|immediate) )?(?:support|resistance) "
                    r"(?:is|sits|lies|comes|stands|remains)\b|"
                    r"^(?:(?:key|the) )?(?:levels|lines)(?: to watch)?\s*:", re.I)  # a desk note's "Levels: 25.2k is ..."
_REACHED = re.compile(r"\b(?:tested|testing|bounced|hit|touched|broke|breaking|reclaimed|held|found)\b", re.I)
_RIGHT_NOT_REACHED = re.compile(
    r"^[\s,]*(?:would|could|will|might|(?-i:may)|is seen|is the next|(?:price )?(?:forecast|prediction|projection|estimate)s?\b|"
    r"(?:(?:by|in|within|before|over) [^,.;$]{1,25}? )?"  # "a run at $X by the summer is plausible"
    r"(?:is|are|was|were|looks|seems|remains) [\"“]?(?:\w+ly )?(?:possible|likely|plausible|in play|on the cards|"
    r"achievable|reachable|attainable|realistic|doable)|(?:is|remains) (?:the|a) (?:[\w-]+ )?(?:line|level|mark|number) to\b|"
    r"(?:into|in) (?:view|play|focus|sight)\b(?! of)|within reach\b|"  # "would bring $33,000-$35,000 into view"
    r"(?:short )?of (?:its|their|the) (?:record|all-time|peak|high|low|top)|as the next|as an? (?:possible |potential |likely )?"
    r"(?:target|floor|ceiling|bottom|support|resistance)|as its target|target|strike|calls?\b|puts?\b|options?\b|"
    r"area|zone|region|level is|is key|is a key|"
    # a level the writer or an analyst names for a role ("$50 as the line that has to hold", "$100 as what
    # she labelled a stretch target"); an average ("$97,000 a coin on average")
    r"as (?:the|a|an) (?:[\w-]+ )?(?:line|level|mark|floor|ceiling|pivot) (?:that|which|to|where)\b|"
    r"as what \w+ (?:calls?|called|labels?|labell?ed|describe[sd]|dubs|dubbed|terms|termed)\b|"
    r"(?:(?:a|per) (?:coin|token|unit) )?on average\b|"
    r"(?<!,)(?<!, )(?:below|above|higher than|lower than|off) (?:its|the|where|[A-Z]\w*['’]s)\b)", re.I
)
# A named past extreme was reached even when the sentence around it is conditional
# ("a close below $1,250 would expose the June low near $880", "expects it to retest its March record of $X").
_CITED_EXTREME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}|"
    r"previous|prior|earlier|weekend|overnight|cycle|\d+-(?:day|week|month|year)) (?:lows?|highs?|peaks?|bottoms?|records?),?"
    r"\s*(?:near|of|at|around|about)?\s*(?:about |around |roughly |nearly )?$"
)
# What a buyer paid (or a trader's entry, or a token sale's price) or a bounty pays is no market price ("started
# buying bitcoin in 2013 at about $120", "a short with an entry near $125", "doubled the top reward in its bug bounty program to €500,000").
_PURCHASE = re.compile(
    r"\b(?:bought|buying|buy|purchas\w*|acquir\w*)\b[^$.;]{0,40}\b(?:at|below|under|near)\s*(?:about |around |roughly )?$|"
    r"\bentry(?: price| level)?\s+(?:of|at|near|around|about)\s*(?:about |around |roughly )?$|"
    r"\bpa(?:id|ying|ys)\s+(?:about |around |roughly |nearly |some )?$|"  # "paying around $97,000 a coin"
    r"\b(?:rewards?|bount(?:y|ies)|prizes?)\b|"
    # the market price when someone bought is their purchase price ("put $2,000 in when the price was near $60,000")
    r"\b(?:bought|buying|purchas\w*|invested|put \S+ \S+ in(?:to)?)\b[^.;]{0,30}\bwhen (?:the )?\w+ "
    r"(?:was|traded|stood|sat)\b[^$.;]{0,12}$|"
    r"\b(?:offering|ico|pre-?sale|token sale|issue|subscription)\s+price\b[^$]{0,12}$", re.I)
# A holder who sold (or trimmed) above a level reports that the market traded there, even
# in a quote ("We trimmed our ether position by a quarter above $4,500"): a `level`.
_SOLD_ABOVE = re.compile(
    r"\b(?:sold|trimmed|cut|reduced|offloaded|took profits?|cashed out|exited)\b[^$.;\"“”]{0,40}\b(?:above|over)\s*$", re.I)
# An appositive saying the market was there outweighs a hedge before the amount ("whether
# bitcoin can reclaim $6,000, the level it broke down through on Thursday").
_RIGHT_REACHED = re.compile(
    r"^,\s*(?:the|a) (?:[\w-]+ )?(?:level|mark|price|line|threshold) (?:that )?\w+ (?:had |has )?"
    r"(?:broke|fell|dropped|slipped|sank|lost|hit|touched|reached|crossed|traded|gave up)\b", re.I)
# A level the sentence says was never reached ("the $10,000 level was never tested",
# "fell short of $50,000") is no price anywhere in that sentence.
# Bankruptcy claims and debt trade as a share of face value ("claims quoted at 38 to 40 cents on
# the dollar, up from about 10 cents"): a recovery rate, not a coin's price.
_CLAIM = re.compile(r"\bon the dollar\b|\b(?:of|to) (?:face|par)(?: value)?\b", re.I)
# A horizon ("above $100,000 by the end of the year"), unless the clause tells the past ("slid to
# about $8 by the end of December"); the end of a session is no horizon.
_BY_END = re.compile(r"^[\s,]*by (?:the )?(?:end|year-end)\b(?! of (?:the )?(?:[\w-]+ )?(?:session|day|trading))", re.I)
# A year after publication names a forecast's horizon ("above $400K by 2030", "$180,000 in 2026").
_YEAR_AFTER = re.compile(r"^[^,.;$]{0,12}?\b(?:by|in|for|during|through) (?:(?:the )?end[- ](?:of )?)?(\d{4})\b")
# A correction repeats what the story wrongly said ("An earlier version of this story said ether
# fell to $2,520", "... misstated the price"): nothing in it is a fact.
_CORRECTION = re.compile(r"\b(?:earlier|previous|prior) version of this (?:story|article|report|post)\b|"
                         r"\b(?:misstated|misreported|incorrectly (?:said|stated|reported|gave))\b", re.I)
_NEGATED_LEFT = re.compile(
    r"\b(?:never|not|yet to|failed to|(?:fell|falls|falling|stopped|stops) short of)\s+(?:been\s+|even\s+|quite\s+)?"
    r"(?:(?:re)?tested|test|reached|reach|hit|touched|touch|seen|crossed|cross|broken|break|topped|top|reclaimed|reclaim)?"
    r"\s*(?:(?:above|below|through|past|over|under)\s+)?(?:the\s+)?$", re.I)
_NEGATED_RIGHT = re.compile(
    r"^\s*(?:level|mark|line|area|handle|threshold)?\s*(?:was|were|has|had|is|have)\s+(?:never|not|yet to)\b"
    r"(?!\s+(?:been\s+)?(?:seen|traded|hit) since)", re.I)
_NAMED_HIGH = re.compile(r"\b(?:as high as|highs? of|peak\w*(?: \w+)?)\s*(?:about |around |near )?$", re.I)
_FIRST_TIME = re.compile(r"^[^.;$]{0,12}\bfor the first time\b", re.I)
_RIGHT_SUPPORT = re.compile(r"^[^.;]{0,25}\b(?:support|resistance|line in the sand)\b", re.I)
# A stablecoin's peg or redemption value is a promise, not a trade ("lost its one-dollar peg",
# "redeemable for one dollar"); what it traded at off the peg still counts.
_PEG_RIGHT = re.compile(r"^[\s-]*peg\b", re.I)
_PEG_LEFT = re.compile(r"\b(?:peg(?:ged)?|redeemable|redeemed|backed(?: one-to-one| 1:1)?)\s+(?:to|for|at|by|of)\s*"
                       r"(?:about |roughly |exactly )?$|\bpeg of\s*$", re.I)
# A price glossed as a record after the fact ("ran up to about $64.9k overnight on Coinbase, which is an
# all-time high"): the record (GUIDE rule 1), not just the top of the move.
_WHICH_RECORD = re.compile(r"[^.;$]{0,40}?,\s*which (?:is|was|marks|marked|set|became) (?:a|an|its|the|their) "
                           r"(?:new |fresh )?(?:all-time|record|lifetime)(?: (?P<side>high|low))?\b", re.I)
_NON_CRYPTO = re.compile(
    r"\b(?:shares?|stocks?|equit\w+|nasdaq|s&p|dow|gold|ounce|oil|barrel|per share|ipo|bonds?|euro|yen|pound|"
    r"sterling|yuan|dollar index|futures on|hash ?price)\b(?! terms)", re.I  # "in sterling terms" restates a crypto price
)
# a unit of a commodity, a share or a fund's unit, or of miners' hash power ("hashprice at $0.06 per terahash per day")
_RIGHT_NON_CRYPTO = re.compile(
    r"^\s*(?:an?|per) (?:ounce|barrel|share|unit|troy ounce|(?:tera|peta|exa)hash|(?:kilo|mega)watt-hours?|[km]wh)\b", re.I)
# What it costs to make a coin, or what holders paid on average on-chain, is no traded price
# ("its all-in cost to mine one coin rose to $18,400", "the realised price of short-term holders")
_COST_OF_COIN = re.compile(r"\bcosts? (?:to|of) (?:mine|mining|produce|producing)\b|\b(?:all-in|production|mining) costs?\b|"
                           r"\breali[sz]ed price\b|\bcost per (?:coin|bitcoin|token)\b", re.I)
_CHANGE_VERB = re.compile(
    r"\b(?:shed|shedding|lost|losing|gained|gaining|added|adding|up|down|rose|risen|fell|fallen|dropped|"
    r"jumped|climbed|surged|slid|tumbled|plunged|sank|swung|moves?|moved)\s+(?:about |some |nearly |"
    r"almost |roughly |around |more than |over |by |another |an additional )?$",
    re.I,
)
_RESTATED = re.compile(r"^\s*(?:,\s*or|\(|,\s*(?:that is|i\.e\.))\s*(?:about |roughly |around |some |nearly |approximately )?$", re.I)
_RANGE_LEFT = re.compile(r"\b(?:range|band|between|traded from|swung from|swinging from)\b[^$]{0,25}$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
# A move told by its two ends with a verb that gives no direction ("went from about $85,000 to
# nearly $95,000"): the values say which way it went, and the second end is its top or bottom.
_UNDIRECTED_FROM = re.compile(r"\b(?:went|go|goes|gone|going|moved?|moves|moving)\s+from\s+"
                              r"(?:about |around |roughly |nearly |some )?$", re.I)
_MOVE_TO = re.compile(r"^\s*to\s+(?:about |around |roughly |nearly |almost )?$", re.I)
# Between two listed amounts, each possibly followed by its asset or unit ("$50,000 for bitcoin and $3,000 for
# ether"), or the start and end of a change ("rose to 7.4 cents per kilowatt-hour from 5.1 cents").
_LISTED = re.compile(
    r"^\s*(?:(?:for|in|per|an?) [^,$;.]{1,25}?)?\s*(?:,\s*)?(?:,|and|or|to|from|-|–)\s*(?:then\s+)?(?:about\s+)?$")
_ROW_LABEL_END = re.compile(r":|\s+[-−+]\d[\d.]*\s?%")
# A terminal brief quotes a ticker with its last price and change, anywhere in a line ("ETH last 2,418,
# +3.9% d/d", "ALTS: SOL 145.10 (+5.2%)"): the paragraph is a ticker table.
_TICKER_QUOTE = re.compile(r"\s+(?:last\s+\d|\d[\d,.]*[kK]?\s*(?:,\s*|\(\s*)[-−+]\d[\d.]*\s?%)")
# A coin named with its signed change, leading to the amount, is a move ("$SOL -11.2% to $117");
# a labelled table row ("ETH: +4.2% w/w to 2,218") quotes where the coin stands (GUIDE: a list is spot).
_SIGNED_MOVE = re.compile(r"\$?[A-Za-z]\w*\s+(?P<sign>[-−+])\d[\d.]*\s?%(?:\s+[\w/]+){0,3}\s+to\s*(?:about\s+)?$")
_RANKING = re.compile(r"\b(?:by|in) market (?:cap\w*|value)\b", re.I)
# Currencies in which a coin's price runs to millions ("₩23.5 million", "two million Turkish lira")
_SMALL_UNITS = ("KRW", "JPY", "CNY", "INR", "TRY", "NGN")
_CNY_HINT = re.compile(r"\b(?:china|chinese|yuan|okcoin|huobi|btcc|btcchina)\b", re.I)


def _left_clause(text: str, pos: int) -> str:
    """The text before ``pos`` back to the previous clause break or amount (bounded);
    a ranking ("the largest cryptocurrency by market value") is blanked: it names no size."""
    left = _RANKING.sub(lambda m: " " * len(m.group()), text[max(0, pos - 90):pos])
    cut = max(left.rfind(";"), left.rfind(" while "), left.rfind(" but "), left.rfind(" and "))
    return left[cut + 1:] if cut >= 0 else left


def _is_price(view: ArticleView, index: int, a: Amount) -> bool:
    text = view.sents[index].text
    if a.scaled and (a.currency not in _SMALL_UNITS or a.value >= 1e9):
        return False
    left = _left_clause(text, a.start)
    near = left[-45:]
    right = text[a.end:a.end + 60]
    if _SOLD_ABOVE.search(left):
        return True
    # a size word after the amount must be in its own phrase ("$2 billion in fund flows"), not
    # past a comma ("$2,030 in mid-August, as funds positioned")
    if _SIZE.search(near[-30:]) or re.match(r"^\s*(?:of|in|worth|from|for)\b", right) and _SIZE.search(
            re.split(r"[,;]", right[:40])[0]):
        return False
    if _COST_OF_COIN.search(left) or _CLAIM.search(left) or _CLAIM.search(right[:40]) or _future_year(view, right):
        return False
    if _PEG_RIGHT.match(right) or _PEG_LEFT.search(near):
        return False
    if _CHANGE_VERB.search(left[-25:]) and not re.search(r"\b(?:to|at)\s*$", left) or _PURCHASE.search(left):
        return False
    if _CITED_EXTREME.search(left) or _RIGHT_REACHED.match(right):
        return True
    if _NOT_REACHED.search(near) or _RIGHT_NOT_REACHED.search(right) or re.search(r"\bstrikes?\b", right[:25]):
        return False
    if _BY_END.match(right) and not told_past(view.sents[index], a.start, a.end):
        return False
    sent = view.sents[index]
    sits = _SITS.search(text, 0, a.start)
    if sits and not any(m.end - sent.start == sits.start() - 1 for m in sent.of("ASSET")):
        return False
    if unreal(sent, a.start, a.end) or answers_hypothetical(view, index):
        return False
    if (_SUPPORT.search(near) or _RIGHT_SUPPORT.search(right) or _WATCH.match(text)) and not _REACHED.search(near):
        return False
    if _RIGHT_NON_CRYPTO.match(right) or (
        not any(m.end - sent.start <= a.start for m in sent.of("ASSET")) and _NON_CRYPTO.search(text[:a.start])
    ):
        return False  # a stock, a currency or a commodity, not a crypto asset
    return True


def _future_year(view: ArticleView, right: str) -> bool:
    m = _YEAR_AFTER.match(right)
    return bool(m and view.published and int(m.group(1)) > view.published.year)


def _parsed_kind(sent: SentView, a: Amount) -> str:
    """The kind the parse gives; a sentence without a parse is a plain level."""
    found = parse_kind(sent, a.start, a.end)
    return found[0] if found else "spot"


def _currency(a: Amount, sentence: str) -> str:
    if a.currency == "JPY" and _CNY_HINT.search(sentence):
        return "CNY"
    return a.currency or "USD"


def find_prices(view: ArticleView) -> list[Price]:
    """Distinct (asset, value, kind) prices, each with its first occurrence."""
    prices: list[Price] = []
    seen: set[tuple[str, float, str]] = set()
    quoted = [(q.start, q.end) for q in quote_spans(view.text)]
    tables = _table_sentences(view)
    for index, sent in enumerate(view.sents):
        if _CORRECTION.search(sent.text):
            continue
        for a, asset, currency, kind in _sentence_prices(view, index, index in tables):
            if any(s <= sent.start + a.start < e for s, e in quoted) and not _SOLD_ABOVE.search(
                    _left_clause(sent.text, a.start)):
                continue  # speakers forecast and reminisce: quoted levels are not market facts, past sales aside
            key = (asset, round(a.value, 8), kind)
            if key not in seen:
                seen.add(key)
                prices.append(Price(asset, a.value, currency, kind, sent.text, sent.start + a.start,
                                    sent.start + a.end, date=resolve_date(sent.text, view.published)))
    return prices


def _table_sentences(view: ArticleView) -> set[int]:
    """Sentences of a ticker table: a paragraph with a row that starts "BTC:" or "ETH/BTC:", or
    a digest line that starts with a coin and its signed change ("🔴 $ETH -9.3% in 24h, wicked to 1,810"),
    or a terminal line quoting a coin's last price and change ("ETH last 2,418, +3.9% d/d").
    Such a table states its currency once, so its bare numbers are quotes ("BTC: +9.6% w/w
    to 43,780."), and so are those of a line between its rows ("Intraweek range 39,960-44,700")."""
    rows, paragraph, found = False, [], set()
    for index, sent in enumerate(view.sents):
        if view.new_paragraph(index):
            found.update(paragraph if rows else ())
            rows, paragraph = False, []
        paragraph.append(index)
        lead = next((i for i, ch in enumerate(sent.text) if ch.isalnum() or ch == "$"), 0)  # past bullets and emoji
        lead += sent.text.startswith("$", lead)  # a cashtag ("$ETH") names its coin
        rows = rows or any(m.start - sent.start == lead and _ROW_LABEL_END.match(sent.text, m.end - sent.start)
                           or _TICKER_QUOTE.match(sent.text, m.end - sent.start) for m in sent.of("ASSET"))
    return found | (set(paragraph) if rows else set())


def _unread(found: list[Amount], extra: tuple[Amount, ...] | list[Amount]) -> list[Amount]:
    return [r for r in extra if not any(r.start < a.end and a.start < r.end for a in found)]


def _sentence_prices(view: ArticleView, index: int, table: bool) -> list[tuple[Amount, str, str, str]]:
    """(amount, asset, currency, kind) of every price in one sentence; ``table``: the
    sentence belongs to a ticker table, whose bare numbers are quotes too."""
    text = view.sents[index].text
    found = []
    amounts = [*find_money(text), *find_coin_prices(text)]
    pair = ratio_pair(view, index)
    if pair is not None:
        amounts += _unread(amounts, find_ratios(text))
    quoted_in = money_quote(text)
    # a table row may quote a pair and a dollar price ("ETH last 2,418 ... ETH/BTC 0.03875"); a pair
    # quoted in money ("BTC/USDT at 30,450") gives its bare numbers the pair's currency
    if table or quoted_in:
        bare = _unread([*amounts, *find_percents(text)], find_bare_numbers(text))
        amounts += [Amount(b.value, quoted_in or b.currency, b.start, b.end, b.scaled, False)
                    for b in bare if not _counts_units(view.sents[index], b)]
    amounts.sort(key=lambda x: x.start)
    prev_end, prev_rejected = 0, False
    negated = {round(a.value, 8) for a in amounts if _negated(text, a)}
    for j, a in enumerate(amounts):
        # "strikes of $70,000 and $75,000": a listed amount shares its neighbour's fate
        listed = prev_end and _LISTED.match(text[prev_end:a.start])
        kind = _range_kinds(text, amounts, j)
        if (listed and prev_rejected) or round(a.value, 8) in negated or _band_not_reached(text, amounts, j) or (
                kind is not None and _NOT_REACHED.search(_left_clause(text, a.start)[-60:])):
            ok = False
        elif kind is None:
            ok = _is_price(view, index, a)
            kind = _parsed_kind(view.sents[index], a) if ok else None
            move = _SIGNED_MOVE.search(_left_clause(text, a.start))
            if kind == "spot" and move:
                kind = "high" if move.group("sign") == "+" else "low"
            elif kind == "spot":
                kind = _move_end(text, amounts, j) or kind
            if _restated(text, amounts, j):
                kind = "spot"  # GUIDE: a price restated in another currency is a spot price
            record = _WHICH_RECORD.match(text, a.end) if kind in ("spot", "high", "low") else None
            if record and not find_money(record.group()):
                kind = "atl" if (record.group("side") or "").lower() == "low" else "ath"
        else:
            ok = True
        prev_end, prev_rejected = a.end, not ok
        if not ok or a.value <= 0:
            continue
        if a.currency is None and pair is not None:
            found.append((a, pair[0], pair[1], kind))
            continue
        asset = view.asset_for(index, a.start)
        if asset is not None and asset != a.currency:  # "bitcoin at 0.5 BTC" misreads a count
            found.append((a, asset, _currency(a, text), kind))
    return _beyond_record(text, found)


def _counts_units(sent: SentView, a: Amount) -> bool:
    """A bare number that modifies a noun counts something ("11,400 BTC", "1,000 contracts")."""
    if sent.parse is None:
        return False
    lo = sent.doc_start + a.start
    # the noun counted follows the number; a "nummod" pointing back is a misparse of a terse
    # line ("on Coinbase, now 151.2")
    return any(t.idx == lo and t.dep_ == "nummod" and t.head.i > t.i for t in sent.parse)


def _negated(text: str, a: Amount) -> bool:
    """The sentence says the level was not reached; its other mentions of the value are
    then approaches to it ("buyers showed up just above $10,000"), not prices either."""
    return bool(_NEGATED_LEFT.search(text[max(0, a.start - 40):a.start]) or _NEGATED_RIGHT.match(text[a.end:a.end + 40]))


def _band_not_reached(text: str, amounts: list[Amount], j: int) -> bool:
    """The first end of a band the sentence names as a target ("the $5,500 to $6,000 zone in play")."""
    if j + 1 >= len(amounts):
        return False
    a, b = amounts[j], amounts[j + 1]
    return bool(_RANGE_JOIN.match(text[a.end:b.start]) and _RIGHT_NOT_REACHED.search(text[b.end:b.end + 60]))


def _beyond_record(text: str, found: list[tuple[Amount, str, str, str]]) -> list[tuple[Amount, str, str, str]]:
    """A higher high after a record in the same sentence is a record too ("rose to a record
    $44,800 and has since pushed on to $48,200"; "pushed through $100,000 for the first time,
    and by the next morning had touched $103,900")."""
    record: dict[str, float] = {}
    out = []
    for a, asset, currency, kind in found:
        named = _NAMED_HIGH.search(text[max(0, a.start - 30):a.start])  # guide rule 2 outranks the inference
        if kind == "high" and not named and a.value > record.get(asset, float("inf")):
            kind = "ath"
        if kind == "ath" or _FIRST_TIME.match(text[a.end:]):
            record[asset] = max(a.value, record.get(asset, 0.0))
        out.append((a, asset, currency, kind))
    return out


def _restated(text: str, amounts: list[Amount], j: int) -> bool:
    """Amount ``j`` gives the one before it in another currency ("touched 101.3 million won, or about $77,100")."""
    if j == 0 or amounts[j - 1].currency in (None, amounts[j].currency):
        return False
    return _RESTATED.match(text[amounts[j - 1].end:amounts[j].start]) is not None


def _move_end(text: str, amounts: list[Amount], j: int) -> str | None:
    """"high"/"low" when amount ``j`` ends an undirected move from the amount before it."""
    if j == 0:
        return None
    a, b = amounts[j - 1], amounts[j]
    if not (_MOVE_TO.match(text[a.end:b.start]) and _UNDIRECTED_FROM.search(text[max(0, a.start - 40):a.start])):
        return None
    return "high" if b.value > a.value else "low" if b.value < a.value else None


def _range_kinds(text: str, amounts: list[Amount], j: int) -> str | None:
    """"low"/"high" when amount ``j`` is one end of a range ("$28,154-$33,562")."""
    a = amounts[j]
    if j + 1 < len(amounts):
        b = amounts[j + 1]
        if _RANGE_JOIN.match(text[a.end:b.start]) and _RANGE_LEFT.search(text[max(0, a.start - 40):a.start]):
            return "low" if a.value <= b.value else "high"
    if j > 0:
        b = amounts[j - 1]
        if _RANGE_JOIN.match(text[b.end:a.start]) and _RANGE_LEFT.search(text[max(0, b.start - 40):b.start]):
            return "high" if a.value >= b.value else "low"
    return None
