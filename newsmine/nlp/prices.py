"""Prices: levels an asset traded at, crossed or hit (GUIDE "Prices").

Every currency amount in a sentence is a candidate; ``price_filters`` drops
sizes, changes, targets, unreached levels and the like. What remains gets its kind
(spot, high, low, ath, atl, open, close, level) from the words that govern it in
the parse (``price_kinds``), except the ends of a quoted range, which are read
here as a low and a high, and a higher high after a record, which is a record.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.numbers import Amount, find_bare_numbers, find_coin_prices, find_money, find_percents, has_digit
from newsmine.nlp.price_context import refine_kind, restated
from newsmine.nlp.price_cues import OF_RECORD, PASSING_VERBS
from newsmine.nlp.price_filters import CORRECTION, band_not_reached, is_price, negated
from newsmine.nlp.price_kinds import parse_kind
from newsmine.nlp.price_labels import labelled_kinds
from newsmine.nlp.price_measures import is_change, left_clause
from newsmine.nlp.price_owners import PLAIN_LIST, paired_coins
from newsmine.nlp.price_quoted import told_as_fact
from newsmine.nlp.price_ranges import range_kind, range_rejected
from newsmine.nlp.price_rows import ranked_move
from newsmine.nlp.price_tables import FORECAST, LISTED_HEADER, column_kind, listed_column_kind
from newsmine.nlp.ratios import find_ratios, money_quote, pair_before, ratio_pair
from newsmine.nlp.timeref import resolve_date
from newsmine.nlp.view import ArticleView, SentView
from newsmine.records import Price

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAMED_HIGH = re.compile(r"\b(?:as high as|highs? of|peak\w*(?: \w+)?)\s*(?:about |around |near )?$", re.I)
# "rose as high as $69,170 on Coinbase, topping the $68,990 ...": a named high that passes the record after it
_PASSING = "|".join(sorted(v for v in PASSING_VERBS if v.endswith("ing")))
_BEFORE_RECORD = re.compile(rf"^[^;$]{{0,60}},\s+(?:{_PASSING}|edging past)\b", re.I)
# ... but a previous record that the market passed ("clearing its 2017 peak of $19,783, and touched $23,800 a day later")
# leaves the later high a high
_PASSED_RECORD = re.compile(rf"\b(?:{_PASSING}|leaving behind)\b[^$;]{{0,40}}$", re.I)
# A price glossed as a record after the fact ("ran up to about $64.9k overnight on Coinbase, which is an
# all-time high", "as high as $94,078 during U.S. hours, a new all-time high"): the record (GUIDE rule 1), not just
# the top of the move.
_WHICH_RECORD = re.compile(r"(?:[^.;$%]|(?<=\b[A-Z])\.){0,90}?[,–—]\s*"
                           r"(?:(?:which (?:is|was|marks|marked|set|became|remains)(?: still| then)?|also|itself|then) )?"
                           r"(?:a|an|its|the|their) (?:(?:new |fresh )?(?:all-time|record|lifetime)(?: (?P<side>high|low))?\b|"
                           # "0.0761 ETH, the highest reading on record"; "$0.8774, the weakest price in its history"
                           r"(?:(?:highest|strongest|best)|(?P<least>lowest|weakest|worst))(?: [\w-]+){0,2}? "
                           r"(?:on record|ever|in (?:its|the [\w-]+(?:'s|’s)) history)\b)", re.I)
# ... or named as such before it ("Its lowest price on record, $0.0028, dates back to 2014", "SOL's lowest price ever was")
_EVER_BEFORE = re.compile(r"\b(?P<side>lowest|highest|weakest|strongest)(?: (?:price|level|close|trade)s?)? (?:ever|on record)\b"
                          r"(?: (?:price|level|close|trade)s?\b)?"
                          r"[^$.;]{0,12}$", re.I)
# a record told by the clause, its amount in a participle or a "when" clause after it ("Ether also reached a record
# on Wednesday, climbing to Rp 69.4 million", "reached an all-time high in pesos this Wednesday, when it was quoted at")
_RECORD_CLAUSE = re.compile(r"\b(?:reached|set|hit|notched|touched|marked) (?:a|an|its|another) "
                            r"(?:new |fresh |string of |series of )?(?:records?|all-time highs?)\b[^.;$]{0,60}?,\s*"
                            r"(?:climbing|rising|jumping|trading|changing hands|when it (?:was )?(?:quoted|traded|changed hands)|"
                            r"the latest)\s+(?:at|to|near)\s*(?:about |around |roughly )?$", re.I)
# the price a period began at, named after the amount ("down 56% from the roughly $45,500 where it began April")
_WHERE_BEGAN = re.compile(r"\s+(?:where|at which) it (?:began|started|opened)\b")
# the day's extreme trade named before it ("the lowest BTC/USDT print on Binance on Monday was 74,508")
_EXTREME_TRADE = re.compile(r"\b(?P<side>lowest|highest) (?:[\w/]+ )?(?:print|trade)\b[^$.;]{0,40}\bwas\s*$", re.I)
# A move told by its two ends with a verb that gives no direction ("went from about $85,000 to
# nearly $95,000"): the values say which way it went, and the second end is its top or bottom.
_UNDIRECTED_FROM = re.compile(r"\b(?:went|go|goes|gone|going|moved?|moves|moving)\s+from\s+"
                              r"(?:about |around |roughly |nearly |some )?$", re.I)
_FROM_EXTREME = re.compile(r"\bfrom\b[^,;]{0,30}\b(?:high|low|peak|top|bottom|open|opening(?: price)?|close|"
                           r"closing(?: price)?)\s+(?:of|near|at|around)\s+"
                           r"(?:about |around |roughly |nearly |some )?$", re.I)
_MOVE_TO = re.compile(r"^\s*to\s+(?:about |around |roughly |nearly |almost )?$", re.I)
# Between two listed amounts, each possibly followed by its asset or unit ("$50,000 for bitcoin and $3,000 for
# ether"), or the start and end of a change ("rose to 7.4 cents per kilowatt-hour from 5.1 cents").
_LISTED = re.compile(
    # the unit may not run into a new clause ("$2,400 an ounce while bitcoin fell to $60,000")
    r"^\s*(?:(?:for|in|per|an?) (?:(?!\b(?:while|whereas|but|as|after|before|when|since)\b)[^,$;.]){1,25}?)?"
    r"(?:\s*(?:below|above|on the (?:downside|upside)))?"  # "$55,000 below and $60,000 above"
    # ("the next support at 3.400 euros, followed by the round mark of 3.000 euros", "about $82,600, against $61,000",
    # "bids layered from 69.5k down to 68k")
    r"\s*(?:,\s*)?(?:,|and|or|(?:down |up )?to|(?:up |down )?from|-|–|followed by(?: the [\w\s-]{1,25}? of)?|against|"
    r"versus|vs\.?|compared with)\s*(?:(?:then|even|perhaps|possibly|maybe)\s+)?(?:(?:about|roughly|around|almost|nearly)\s+)?$")
_FLOOR_FOUND = re.compile(r"\b(?:bounc\w*|rebound\w*) (?:off|from) (?:the |a |its )?(?:(?:lows?|support|[\w-]+ floor) (?:of|near|at|around) )?$|"
                          r"\b(?:found|finds|finding) (?:support|a floor|a bottom|buyers) (?:near|at|around|above)\s*"
                          r"(?:about |around |roughly )?$", re.I)
# a coin named right after the amount owns it ("$2,964 per ether", "the roughly $425 that bitcoin cash fetched")
_COIN_AFTER = re.compile(r"\s+(?:per|an?|for (?:one|each|a)|that|which)\s+")
_ROW_LABEL_END = re.compile(r":|\s+[-−+]\d[\d.]*\s?%")
_LISTED_LABEL = re.compile(r"\)?\s*[:·]")  # a row of a table under a listed header ("Bitcoin (BTC): $9,135 / ...")
# A terminal brief quotes a ticker with its last price and change, anywhere in a line ("ETH last 2,418,
# +3.9% d/d", "ALTS: SOL 145.10 (+5.2%)", "BTC -4.1% d/d @ 39,750"): the paragraph is a ticker table.
_TICKER_QUOTE = re.compile(r"\s+(?:last\s+\d|\d[\d,.]*[kK]?\s*(?:,\s*|\(\s*)[-−+]\d[\d.]*\s?%|"
                           r"[-−+]\d[\d.]*\s?%(?:\s+[a-z]/[a-z])?\s+@\s*\d)")  # a desk's "BTC -4.1% d/d @ 39,750"
# A coin named with its signed change, leading to the amount, is a move ("$SOL -11.2% to $117");
# a labelled table row ("ETH: +4.2% w/w to 2,218") quotes where the coin stands (GUIDE: a list is spot).
_SIGNED_MOVE = re.compile(r"\$?[A-Za-z]\w*\s+(?P<sign>[-−+])\d[\d.]*\s?%(?:\s+[\w/]+){0,3}\s+to\s*(?:about\s+)?$")
# "quoted at 1.475 dollars at the close of this edition": when the paper went to press, not a session's close
_AT_PRESS_TIME = re.compile(r"\s+at the close of (?:this|the|our) (?:edition|report|issue|writing|publication)\b", re.I)
# A table written with pipes or labelled rows whose header or title says its prices are closes ("Closing prices,
# Sunday 23:00 UTC Asset | Close (Sun) | Weekly change BTC | $26,270 | +11.9%", "Scorecard: closing price on
# March 31 ... Bitcoin (BTC): $82,548"): each row's price is a close.
_CLOSE_TABLE = re.compile(r"[|(]\s*(?:close|closing(?: price)?|last close|settle(?:ment)?)\b|\bclosing prices?\b|"
                          r"\(\w+day['’]s close\b", re.I)  # a letter's "The week in numbers (Friday's close, ...):"
# A wrap's list run on after its title ("Closing levels at 2100 GMT and change on the day: Bitcoin $72,130 +4.6% Ether ...")
_CLOSE_LIST = re.compile(r"^[^:]{0,60}\bclosing (?:prices?|levels?)\b[^:]{0,60}:|^\s*(?:close|closes|closing)\s*:", re.I)
_ROW_AMOUNT = re.compile(r"[\w)]:\s*$")  # a list row's amount, right after its label ("Bitcoin (BTC): $82,548")
_CNY_HINT = re.compile(r"\b(?:china|chinese|yuan|okcoin|huobi|btcc|btcchina)\b", re.I)


def _parsed_kind(sent: SentView, a: Amount) -> str:
    """The kind the parse gives; a sentence without a parse is a plain level."""
    found = parse_kind(sent, a.start, a.end)
    return found[0] if found else "spot"


def _currency(a: Amount, sentence: str) -> str:
    if a.currency == "JPY" and _CNY_HINT.search(sentence):
        return "CNY"
    if not a.explicit_currency:  # "Binance's BTC/USDT pair nuked to a wick at 52.1k": the pair's quote currency
        return money_quote(sentence[max(0, a.start - 40):a.start]) or a.currency or "USD"
    return a.currency or "USD"


_RECORD_OF = {"ath": "high", "atl": "low"}


def find_prices(view: ArticleView) -> list[Price]:
    """Distinct (asset, value, kind) prices, each with its first occurrence."""
    prices: list[Price] = []
    seen: set[tuple[str, float, str]] = set()
    quoted = [(q.start, q.end) for q in view.quotations]
    tables = _table_sentences(view)
    # the article's dollar amounts, the scale a desk's bare numbers are checked against (see ``_quoted_bare``)
    money = [find_money(sent.text) for sent in view.sents]  # (found once: each sentence's are read twice)
    dollars = [a.value for found in money for a in found if a.currency == "USD" and a.value]
    for index, sent in enumerate(view.sents):
        found = _sentence_prices(view, index, index in tables, dollars, money[index])
        lo, hi = _correction_span(sent.text) if found else (0, 0)
        for a, asset, currency, kind in found:
            if lo <= a.start < hi:
                continue
            if any(s <= sent.start + a.start < e for s, e in quoted) and not told_as_fact(sent, a.start, a.end):
                continue  # speakers forecast and reminisce: quoted levels are market facts only when told as such
            key = (asset, round(a.value, 8), kind)
            if key not in seen:
                seen.add(key)
                prices.append(Price(asset, a.value, currency, kind, sent.text, sent.start + a.start,
                                    sent.start + a.end, date=resolve_date(sent.text, view.published)))
    # a 24-hour extreme equal to the record is listed once, as the record (GUIDE, templated price posts)
    records = {(p.asset, round(p.value, 8), _RECORD_OF[p.kind]) for p in prices if p.kind in ("ath", "atl")}
    return [p for p in prices if (p.asset, round(p.value, 8), p.kind) not in records]


def _correction_span(text: str) -> tuple[int, int]:
    """Where a correction's words stand in ``text`` (empty when none): its clause gives the wrong value, or the
    right one beside it ("misstated the price of ether as $3,900"); a clause of its own after a semicolon tells
    the market ("; it traded at $2,990"), and so does the sentence around a correction in brackets ("rose to $152
    (an earlier version misstated the price as $125)")."""
    fixed = CORRECTION.search(text)
    if fixed is None:
        return 0, 0
    bracket = text.rfind("(", 0, fixed.start())
    if bracket >= 0 and ")" not in text[bracket:fixed.start()] and ";" not in text[bracket:fixed.start()]:
        close = text.find(")", fixed.end())
        return bracket, close if close >= 0 else len(text)
    end = text.find(";", fixed.end())
    return text.rfind(";", 0, fixed.start()) + 1, end if end >= 0 else len(text)


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
        header = LISTED_HEADER.search(sent.text)
        rows = rows or any(m.start - sent.start == lead and _ROW_LABEL_END.match(sent.text, m.end - sent.start)
                           or _TICKER_QUOTE.match(sent.text, m.end - sent.start)
                           or header and m.start - sent.start > header.start() and _LISTED_LABEL.match(sent.text, m.end - sent.start)
                           for m in sent.of("ASSET"))
    return found | (set(paragraph) if rows else set())


def _unread(found: list[Amount], extra: tuple[Amount, ...] | list[Amount]) -> list[Amount]:
    return [r for r in extra if not any(r.start < a.end and a.start < r.end for a in found)]


def _sentence_prices(view: ArticleView, index: int, table: bool, dollars: list[float],
                     money: tuple[Amount, ...]) -> list[tuple[Amount, str, str, str]]:
    """(amount, asset, currency, kind) of every price in one sentence; ``table``: the
    sentence belongs to a ticker table, whose bare numbers are quotes too; ``dollars``: the
    article's dollar amounts; ``money``: the sentence's money amounts (``find_money``)."""
    sent = view.sents[index]
    text = sent.text
    found = []
    amounts = [*money, *find_coin_prices(text)]
    if not amounts and not has_digit(text):
        return []  # no ratio and no bare quote either: both are digits
    pair = ratio_pair(view, index)
    if pair is not None:
        amounts += _unread(amounts, find_ratios(text))
    quoted_in = money_quote(text)
    # a table row may quote a pair and a dollar price ("ETH last 2,418 ... ETH/BTC 0.03875"); a pair
    # quoted in money ("BTC/USDT at 30,450") gives its bare numbers the pair's currency
    if table or quoted_in or sent.of("ASSET"):
        bare = _unread([*amounts, *find_percents(text)], find_bare_numbers(text))
        if table or quoted_in:
            amounts += [Amount(b.value, money_quote(text, b.start) or b.currency, b.start, b.end, b.scaled, False)
                        for b in bare if not _counts_units(sent, b)]
        else:
            amounts += [b for b in bare if _quoted_bare(sent, b) and _near_dollar(dollars, b.value)]
    amounts.sort(key=lambda x: x.start)
    prev_end, prev_rejected = 0, False
    unreached = {round(a.value, 8) for a in amounts if negated(text, a)}
    labels = labelled_kinds(text, amounts)
    # a table under a listed header, in this sentence or earlier in its paragraph (read once, not per amount)
    listed_table = ("·" in text or ":" in text) and LISTED_HEADER.search(
        view.text, view.sents[view.paragraph_start(index)].start, sent.start + len(text)) is not None
    rejected: list[bool] = []
    for j, a in enumerate(amounts):
        # "strikes of $70,000 and $75,000": a listed amount shares its neighbour's fate
        # ... but the level a move of a given size ended at is no listed amount ("fell $3,000 to $59,000")
        listed = prev_end and _LISTED.match(text[prev_end:a.start]) and not (
            is_change(text, amounts[j - 1]) and _MOVE_TO.match(text[prev_end:a.start]))
        kind = range_kind(text, amounts, j)
        if (listed and prev_rejected) or round(a.value, 8) in unreached or band_not_reached(text, amounts, j) or (
                kind is not None and range_rejected(view, index, a)):
            ok = False
        elif kind is None:
            # (a price restated in another currency is one too: "one bitcoin cost 11,920 dollars, or about 10,480 euros")
            again = restated(text, amounts, j)
            ok = again and bool(found) and found[-1][0] is amounts[j - 1] or is_price(view, index, a)
            kind = _parsed_kind(sent, a) if ok else None
            move = _SIGNED_MOVE.search(left_clause(text, a.start))
            if ok and ranked_move(view, index, a.start, prev_end):
                kind = "spot"
            elif kind == "spot" and move:
                kind = "high" if move.group("sign") == "+" else "low"
            elif kind in ("spot", "high", "low", "open", "close"):
                kind = _move_end(text, amounts, j, kind) or kind
            if kind == "spot" and _FLOOR_FOUND.search(left_clause(text, a.start)):
                kind = "low"  # "bounced off the $63,800 support", "found support near $3,320": the bottom of a dip
            kind = labels.get(j) or refine_kind(text, a, kind, found)
            if "|" in text and j not in labels:
                column = column_kind(_paragraph_so_far(view, index, a) + text[a.start:a.end])
                ok = ok and column != FORECAST  # GUIDE: prediction tables are no prices
                kind = column or kind
            elif listed_table and j not in labels:
                kind = listed_column_kind(_paragraph_so_far(view, index, a) + text[a.start:a.end]) or kind
            if again:
                kind = "spot"  # GUIDE: a price restated in another currency is a spot price
            if kind == "close" and _AT_PRESS_TIME.match(text, a.end):
                kind = "spot"
            close_list = _CLOSE_LIST.match(text)
            if kind == "spot" and (("|" in text or _ROW_AMOUNT.search(text, 0, a.start)) and _CLOSE_TABLE.search(
                    _paragraph_so_far(view, index, a)) or close_list and close_list.end() <= a.start):
                kind = "close"
            record = _WHICH_RECORD.match(text, a.end) if kind in ("spot", "high", "low") else None
            if record and not find_money(record.group()):
                kind = "atl" if (record.group("side") or "").lower() == "low" or record.group("least") else "ath"
            if kind in ("spot", "high", "low", "level") and OF_RECORD.match(text, a.end):
                kind = "ath"
            if kind in ("spot", "high") and _RECORD_CLAUSE.search(text, 0, a.start):
                kind = "ath"
            if kind in ("spot", "high", "low") and _WHERE_BEGAN.match(text, a.end):
                kind = "open"
            ever = _EVER_BEFORE.search(text, max(0, a.start - 60), a.start) if kind in ("spot", "high", "low") else None
            if ever:
                kind = "atl" if ever.group("side").lower() in ("lowest", "weakest") else "ath"
            extreme = _EXTREME_TRADE.search(text, max(0, a.start - 80), a.start) if kind == "spot" else None
            if extreme:
                kind = "low" if extreme.group("side").lower() == "lowest" else "high"
        else:
            ok = True
        prev_end, prev_rejected = a.end, not ok
        rejected.append(not ok)
        if not ok or a.value <= 0:
            continue
        if a.currency is None and pair is not None:
            base, quote = pair_before(text, a.start) or pair
            found.append((a, base, quote, kind))
            continue
        # a pair's quote currency may open the amount ("ETH/USD 2,710" is read as "USD 2,710"): the pair names the coin
        pos = next((m.end - sent.start for m in sent.of("ASSET") if m.start < sent.start + a.start < m.end), a.start)
        after = _COIN_AFTER.match(text, a.end)
        named = next((m.key for m in sent.of("ASSET") if after and m.start - sent.start == after.end()), None)
        currency = _currency(a, text)
        asset = named or view.price_owner(index, pos, a.value, currency)
        if asset is not None and asset != a.currency:  # "bitcoin at 0.5 BTC" misreads a count
            found.append((a, asset, currency, kind))
    found = _list_shares_fate(text, amounts, rejected, found)
    found = paired_coins(sent, found)
    return _beyond_record(text, found)


def _list_shares_fate(text: str, amounts: list[Amount], rejected: list[bool],
                      found: list[tuple[Amount, str, str, str]]) -> list[tuple[Amount, str, str, str]]:
    """A plain list of amounts ends with what they all are ("the new N200, N500 and N1,000 notes",
    "the $95, $100 and $110 strikes"): a list whose last amount is no price has none. A size after "and" starts a
    clause of its own ("fell to $56,000 and $300 million of longs were liquidated")."""
    dropped: set[int] = set()
    for j in range(len(amounts) - 2, -1, -1):
        if (rejected[j + 1] or j + 1 in dropped) and PLAIN_LIST.match(text[amounts[j].end:amounts[j + 1].start]) and not (
                amounts[j + 1].scaled and not amounts[j].scaled):
            dropped.add(j)
    ids = {id(amounts[j]) for j in dropped}
    return [f for f in found if id(f[0]) not in ids]


def _paragraph_so_far(view: ArticleView, index: int, a: Amount) -> str:
    """The text of sentence ``index``'s paragraph up to amount ``a`` (a table's header may be a sentence back)."""
    return view.text[view.sents[view.paragraph_start(index)].start:view.sents[index].start + a.start]


# A desk writes a coin's level as a bare number where a price goes ("breaking above 100,000", "marked at
# 97,850", "@ 39,750", "a record 103,900"): thousands grouped, right after the word that places it, and no
# unit after it ("8,000 ETH", "1,200 contracts" count things)
_PLACED_BEFORE = re.compile(r"(?:\b(?:at|to|near|above|below|under|from|around|about|record|through|past|toward|towards|"
                            r"handle|of|@)|@)\s*(?:the )?(?:about |around |roughly |nearly |just )?$", re.I)  # ("threshold of the 20.000")
_NO_UNIT_AFTER = re.compile(r"\s*(?:[,.;:)–—-]|$|\s(?:on|in|at|before|after|as|by|and|then|from|into|this|that|late|early|"
                            r"during|intraday|overnight|today|yesterday|earlier|while|with|when|amid|against|for)\b)")


def _quoted_bare(sent: SentView, b: Amount) -> bool:
    """A bare number placed as a coin's level (see ``_PLACED_BEFORE``), after a coin named in its sentence."""
    text = sent.text
    return ("," in text[b.start:b.end] and _PLACED_BEFORE.search(text, max(0, b.start - 30), b.start) is not None
            and _NO_UNIT_AFTER.match(text, b.end) is not None and any(m.end - sent.start <= b.start for m in sent.of("ASSET"))
            and not _counts_units(sent, b))


def _near_dollar(dollars: list[float], value: float) -> bool:
    """One of the article's ``dollars`` lies within half again of ``value`` ("92.1k" beside a bare
    "97,850"): the bare number is on the scale of its prices, not a count of coins or addresses."""
    return any(2 / 3 <= value / d <= 1.5 for d in dollars)


def _counts_units(sent: SentView, a: Amount) -> bool:
    """A bare number that modifies a noun counts something ("11,400 BTC", "1,000 contracts")."""
    if sent.parse is None:
        return False
    lo = sent.doc_start + a.start
    # the noun counted follows the number; a "nummod" pointing back is a misparse of a terse
    # line ("on Coinbase, now 151.2"), and a pair or a label after it starts the next table row ("462.0 DOGE/USD
    # 0.3702", "114,050 Ether: 2,485")
    return any(t.idx == lo and t.dep_ == "nummod" and t.head.i > t.i and not _is_pair(t.head) and not _is_label(t.head)
               for t in sent.parse)


def _is_label(t: Token) -> bool:
    return t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == ":"


def _is_pair(t: Token) -> bool:
    """A trading pair's token ("DOGE/USD", or either side of its slash)."""
    doc = t.doc
    return "/" in t.text or t.i + 1 < len(doc) and doc[t.i + 1].text == "/" or t.i > 0 and doc[t.i - 1].text == "/"


def _beyond_record(text: str, found: list[tuple[Amount, str, str, str]]) -> list[tuple[Amount, str, str, str]]:
    """A higher high than a record in the same sentence is a record too, after it ("rose to a record
    $44,800 and has since pushed on to $48,200") or before it ("rose as high as $69,170, topping the
    $68,990 it reached in November 2021"). Not after a previous record the market passed: that high is
    a `high` unless the text calls it a record ("clearing its 2017 peak of $19,783, and touched $23,800
    a day later"), and so is one after a round number crossed "for the first time"."""
    records = [(a.start, asset, a.value, _PASSED_RECORD.search(text, max(0, a.start - 60), a.start) is not None)
               for a, asset, _, kind in found if kind == "ath"]
    out = []
    for a, asset, currency, kind in found:
        named = _NAMED_HIGH.search(text[max(0, a.start - 30):a.start])  # guide rule 2 outranks the inference
        beyond = any(coin == asset and a.value > value and not (passed and start < a.start)
                     for start, coin, value, passed in records)
        if kind == "high" and beyond and (not named or _BEFORE_RECORD.match(text[a.end:])):
            kind = "ath"
        out.append((a, asset, currency, kind))
    return out


def _move_end(text: str, amounts: list[Amount], j: int, kind: str) -> str | None:
    """"high"/"low" when amount ``j`` ends an undirected move from the amount before it, or a move
    from a named extreme or session price, whose name the parser may hand on to the end ("fell 18%
    from Wednesday's high of $362 to $296": $296 is the low; "climbed from an open of $3,010 to $3,090")."""
    if j == 0:
        return None
    a, b = amounts[j - 1], amounts[j]
    left = text[max(0, a.start - 40):a.start]
    if not (_MOVE_TO.match(text[a.end:b.start]) and (
            _UNDIRECTED_FROM.search(left) or kind != "spot" and _FROM_EXTREME.search(left))):
        return None
    return "high" if b.value > a.value else "low" if b.value < a.value else None
