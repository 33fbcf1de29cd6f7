"""Cross rates quoted in another crypto asset: "ETH/BTC slid to 0.01766", "against ether, SOL rose to 0.033".

Such prices carry no currency sign, so bare decimals count only while a pair
is in sight: named in the sentence, or in one of the few sentences before
("The ratio has halved ... 0.088"). The asset is the base of the pair and the
currency its quote asset. A pair quoted in money ("BTC/USDT at 30,450") names
the currency of the sentence's bare numbers in the same way.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount, to_number
from newsmine.nlp.regex_guard import guarded
from newsmine.nlp.view import ArticleView

_PAIR = re.compile(r"\b(?P<base>[A-Z]{2,6})/(?P<quote>BTC|ETH)\b")
# A pair quoted in money ("BTC/USDT at 30,450", "ETH-USD changed hands at 2,418"): trading desks
# drop the currency sign because the pair already names it.
# (a base with an issuer's prefix or suffix in lower case: "USDe/USDT", "stETH/USDT")
_MONEY_PAIR = re.compile(r"\b(?P<base>(?:[a-z]{1,3})?[A-Z][A-Z0-9]{1,5}[a-z]?)[/-](?P<quote>USDT|USDC|FDUSD|TUSD|BUSD|DAI|USD|EUR|GBP|JPY|KRW|TRY|BRL|NGN|ARS|"
                         r"INR|ZAR|RUB|KES|VND|IDR|PHP|THB|AUD|CAD)\b")
# ("the ether-bitcoin ratio", "the ether-to-bitcoin ratio", "ether's ratio to bitcoin", "the ratio of ether to bitcoin")
_NAMED_PAIR = re.compile(r"\b(?:ether|eth)(?:[- /]|-to-| to )(?:bitcoin|btc) (?:ratio|pair|cross)\b|"
                         r"\b(?:ether|eth)['’]s (?:ratio|cross) (?:to|against) (?:bitcoin|btc)\b|"
                         r"\bratio of (?:ether|eth) to (?:bitcoin|btc)\b", re.I)
# "Against ether, SOL rose to 0.033", "in bitcoin terms": the quote asset is named, the base is the
# asset the clause is about.
_AGAINST = guarded(r"\b(?:against|versus|vs\.?|relative to|(?:priced|quoted|denominated) in) (?P<quote>ether|eth|bitcoin|btc)\b|"
                      r"\bin (?P<terms>ether|eth|bitcoin|btc) terms\b", re.I)
_QUOTE_ASSET = {"ether": "ETH", "eth": "ETH", "bitcoin": "BTC", "btc": "BTC"}
_RATIO_WORDS = guarded(r"\b(?:ratio|pair|cross)\b", re.I)
_DECIMAL = re.compile(r"(?<![\w.,$€£¥₩])(?P<num>0?\.\d{2,8})(?![\d%]|\.\d|\w)")  # desk notes drop the zero: ".0519"
LOOKBACK = 4


def _pair_in(text: str) -> tuple[str, str] | None:
    m = _PAIR.search(text) if "/" in text else None
    if m and m.group("base") != m.group("quote"):
        return m.group("base"), m.group("quote")
    m = _NAMED_PAIR.search(text) if _RATIO_WORDS.search(text) else None
    return ("ETH", "BTC") if m else None


def ratio_pair(view: ArticleView, index: int) -> tuple[str, str] | None:
    """(base, quote) of the crypto pair the sentence quotes, if any."""
    text = view.sents[index].text
    pair = _pair_in(text)
    against = None if pair else _AGAINST.search(text)
    if against:
        quote = _QUOTE_ASSET[(against.group("quote") or against.group("terms")).lower()]
        # the coin of the first bare decimal, not of the sentence's end ("..., while bitcoin itself was at $29,180")
        first = _DECIMAL.search(text, against.end())
        base = view.asset_for(index, first.start() if first else len(text))
        return (base, quote) if base and base != quote else None
    if pair or not _RATIO_WORDS.search(text):
        return pair
    for prev in reversed(view.sents[max(0, index - LOOKBACK):index]):
        pair = _pair_in(prev.text)
        if pair:
            return pair
    return None


def money_quote(text: str, pos: int | None = None) -> str | None:
    """The quote currency of a pair quoted in money that ``text`` names ("BTC/USDT" -> "USDT"), if any; with
    ``pos``, of the last such pair before it ("ETH/USDC at 3,090 while ETH/USDT sat at 3,093")."""
    found = list(_MONEY_PAIR.finditer(text)) if "/" in text or "-" in text else []
    before = [m for m in found if pos is not None and m.end() <= pos]
    m = before[-1] if before else found[0] if found else None
    return m.group("quote") if m else None


def pair_before(text: str, pos: int) -> tuple[str, str] | None:
    """(base, quote) of the last crypto pair written before ``pos`` ("ETH/BTC at 0.0535, while SOL/ETH sat at
    0.043"): where a sentence quotes two pairs, each number is the pair's before it."""
    found = [m for m in _PAIR.finditer(text, 0, pos) if m.group("base") != m.group("quote")] if "/" in text else []
    return (found[-1].group("base"), found[-1].group("quote")) if found else None


def find_ratios(text: str) -> list[Amount]:
    """Bare decimals below one: the shape of a cross rate (currency None)."""
    found = []
    for m in _DECIMAL.finditer(text):
        value = to_number(m.group("num"))
        if value:
            found.append(Amount(value, None, m.start(), m.end(), False, False))
    return found
