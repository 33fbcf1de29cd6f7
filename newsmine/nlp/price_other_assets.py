"""Amounts that belong to another asset than a coin: a stock, a fund's shares, a commodity or a currency.

"MicroStrategy shares rose 3% to $1,402", "gold at $2,390 an ounce", "the dollar fell to 142 yen": the
sentence names the other asset before the amount, or a unit after it says what it prices.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.lexicon import ASSETS, STOCK_TICKERS
from newsmine.nlp.number_words import currency_named
from newsmine.nlp.subjects import anaphor_owns

if TYPE_CHECKING:
    from newsmine.nlp.numbers import Amount
    from newsmine.nlp.sentence import SentView

_NON_CRYPTO = re.compile(
    r"\b(?:shares?|stocks?|equit\w+|nasdaq|s&p|dow|gold|ounce|oil|barrel|per share|ipo|bonds?|euro|yen|pound|"
    r"sterling|yuan|dollar index|futures on|hash ?price|"
    r"the dollar (?:had |has )?(?:fallen|fell|risen|rose|slid|slipped|dropped|climbed|jumped|sank) to)\b(?! terms)", re.I
)
# a sentence opened by another asset: its "it" is that asset ("Gold suffered ..., a week after it set a record of $2,067")
_OTHER_SUBJECT = re.compile(r"(?:the |spot )?(?:gold|silver|oil|crude|the dollar|stocks|shares|equities|the S&P 500|"
                            r"the Nasdaq|the yen|the euro|the pound|treasuries)\b", re.I)
# the currency of another amount that is a rate ("0.22 yuan per kilowatt-hour")
_UNIT_OF_NUMBER = re.compile(r"\d\s*$")
_RATE_AFTER = re.compile(r"\s+(?:per|an?|for each)\b", re.I)
# a unit of a commodity, a share or a fund's unit, or of miners' hash power ("hashprice at $0.06 per terahash per day")
# and a currency's exchange rate ("from 366.5 to 800 pesos per dollar"), banknotes ("the new N1,000 notes")
# and what a service charges ("₱200 per transfer")
_RIGHT_NON_CRYPTO = re.compile(
    r"^\s*(?:wide\b|(?:an?|per) (?:ounce|barrel|share|unit|troy ounce|(?:tera|peta|exa)hash|(?:kilo|mega)watt-hours?|[km]wh|"
    r"(?:US |U\.S\. )?dollar|greenback|euro|transfers?|transactions?|remittances?|"
    r"(?:hour|day|week|fortnight|month|year|shift)\b(?! (?:after|before|later|earlier|ago|on)\b))|to the (?:US )?dollar|"
    r"(?:bank)?notes?|bills?|(?:flat |transaction |network )?(?:fees?|surcharges?|commissions?))\b|"  # "a flat $2.50 fee"
    r"^\s*(?:/\s*|-per-|-)(?:[km]wh|(?:kilo|mega)watt)", re.I)  # power: "$44.75/MWh", "the $5,000-per-megawatt-hour cap"
# A stock, a fund's shares or a commodity named after the coin is what the amount belongs to ("BlackRock's
# bitcoin ETF shares rose 3% to $28.50"; "bitcoin miner stocks")
_NON_CRYPTO_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:shares?|stocks?|equit\w+|ETFs?|ETPs?)\b", re.I)


# a data row's label: a stock's ticker or a currency ("- MSTR: $1,312 (-6.0%)", "- Dollar: R$ 5,47", "GBP/USD: 1.2805",
# "- Naira (official): N1,508/$")
_ROW_LABEL = re.compile(r"^\W{0,3}(?P<label>[A-Za-z][A-Za-z/]{1,11})(?:\s*\([^)]{1,20}\))?\s*:\s")


# a list that leaves out the verb, its item a stock or a listed exchange ("Bitcoin rose 2% to $64,000 and Coinbase to
# $219"): the item's shares moved, not a coin
_GAPPED_ITEM = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<item>[A-Z][\w.-]*)\s+to\s+"
                          r"(?:about |around |roughly |nearly )?$")


def other_asset(sent: SentView, a: Amount, right: str) -> bool:
    """Amount ``a`` of ``sent`` (``right``: the words after it) prices a stock, a currency or a commodity."""
    text = sent.text
    row = _ROW_LABEL.match(text)
    if row and row.end() <= a.start and _not_a_coin_label(row.group("label")):
        return True
    item = _GAPPED_ITEM.search(text, 0, a.start)
    if item and (item.group("item") in STOCK_TICKERS or any(
            m.start - sent.start == item.start("item") for m in sent.of("EXCHANGE"))):
        return True
    last_asset = max((m.end - sent.start for m in (*sent.of("ASSET"), *sent.ranked) if m.end - sent.start <= a.start),
                     default=None)
    # a fund named after the coin owns the amount only in its own clause ("rallied after BlackRock filed for a
    # spot bitcoin ETF, ending June at $30,470" is bitcoin's close)
    fund = None if last_asset is None else _NON_CRYPTO_AFTER.match(text, last_asset, a.start)
    return bool(_RIGHT_NON_CRYPTO.match(right) or (
        _other_asset_before(text, a) and not (anaphor_owns(sent, a.start) and not _OTHER_SUBJECT.match(text))
        if last_asset is None
        else fund and "," not in text[fund.end():a.start]
    ))


def _other_asset_before(text: str, a: Amount) -> bool:
    """A stock, a commodity or a currency is named before amount ``a`` (the amount's own currency named in
    words, "Measured in sterling, ... £57,500 a coin", "the euro pair bottomed at €15,640", is no other asset)."""
    return any(_RATE_AFTER.match(text, m.end()) is not None if currency_named(m.group()) and _UNIT_OF_NUMBER.search(
        text, 0, m.start()) else currency_named(m.group()) != a.currency  # ("22.240 euro" is an amount, not the euro)
               for m in _NON_CRYPTO.finditer(text, 0, a.start))


def _not_a_coin_label(label: str) -> bool:
    # ("GBP/USD": both halves are currencies, and neither is a stablecoin the lexicon knows as a coin)
    return label in STOCK_TICKERS or all((code := currency_named(part)) and code not in ASSETS
                                         for part in label.split("/"))
