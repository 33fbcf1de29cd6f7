"""What one coin is worth, told in words around an amount: a price, or a sum of many coins.

"Bitcoin was valued at $27,140" and "the cost of one bitcoin exceeded 4 million
rubles" give the coin's price, though "worth", "valued" and "cost" name sizes
elsewhere; "28.9 ETH, or about $56,600" gives what that many coins are worth.
``price_filters.is_price`` asks this first, before the size words rule an
amount out.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import CURRENCY_SYMBOLS, Amount, to_number
from newsmine.nlp.view import SentView

# What one coin is worth is its price ("Bitcoin was valued at $27,140", "one bitcoin is worth about
# $64,300", "a single bitcoin cost roughly $13", "Ether, the number two, cost 2.770 Euro"), though
# "worth", "valued" and "cost" name sizes elsewhere; so does a snapshot that "valued bitcoin at $16,210".
_COIN_WORTH = re.compile(r"(?:(?:\b(?:one|a single|each|a|per)\s+)?(?P<coin>[\w$.-]+(?: \([A-Z]{2,6}\))?)(?:, [^,;$]{3,40},)?\s+"
                         r"(?:(?:is|was|were|are)\s+(?:now |currently |then |still |only )?(?:valued at|worth)|"
                         r"(?:now |currently |still )?costs?|was trading for|fetch(?:ed|es)?)|"
                         r"\b(?P<one>a|one|each) (?:coin|token|bitcoin|ether) worth|"  # "left a coin worth roughly £83,900"
                         r"\bvalu(?:ed|ing|es) (?:(?:its|the|client|customer|customers['’]|users['’]?|each|one|a single) )?(?P<valued>[\w$.-]+) at)\s*(?:only |just )?(?:about |around |roughly |nearly |some |just |"
                         r"over |under |more than |less than |almost )?$", re.I)
# "the cost of one bitcoin exceeded 4 million rubles", "the price of a single ether rose to": one coin's worth.
# (not a thing the coin names: "the average cost of a bitcoin transaction")
_ONE_COIN_COSTS = re.compile(r"\b(?:cost|price|value) of (?:one|a single|each|a) (?P<coin>[\w$.-]+)\b"
                             r"(?!\s+(?:transactions?|transfers?|payments?|fees?|trades?)\b)[^$,;]{0,30}$", re.I)
_FIAT_CODES = "(?:" + "|".join(code for code in CURRENCY_SYMBOLS if code.isalpha() and code.isupper()) + r")\b"
# A number of coins restated in money ("28.9 ETH, or about $56,600", "246.9 ether, about $117,700").
_COINS_RESTATED = re.compile(r"(?<![\w.,])(?P<qty>\d[\d,]*(?:\.\d+)?)\s?"
                             r"(?:(?!" + _FIAT_CODES + r")[A-Z]{2,6}|ether|bitcoins?|tokens?|coins?)"
                             r"\s*(?:,\s*(?:or\s+)?|\(\s*|\s+or\s+)(?:worth |about |around |roughly |some |nearly |approximately )*$")
_HELD_IN = re.compile(r"\b(?:stake|holding|position|investment|allocation)s? in\s+$", re.I)
_VALUED_AT = re.compile(r"\bvalued at\s*(?:about |around |roughly )?$", re.I)
_PER_COIN = re.compile(r"\s+(?:per|a|each) (?:coin|token|bitcoin|ether)\b", re.I)
# A coin named by what it is ("the digital currency cost 49.580 Euro") is worth its price as well.
_NAMED_COIN = (r"\b(?:the|a single|one) (?:digital |virtual |crypto |largest |biggest |original )?"
               r"(?:currency|cryptocurrency|coin|token)")
_THE_COIN = re.compile(_NAMED_COIN + "$", re.I)
_COIN_NAMED = re.compile(_NAMED_COIN + r"\b", re.I)


def coin_worth(sent: SentView, a: Amount, near: str) -> bool | None:
    """True when ``near`` (the words just before amount ``a`` in ``sent``) tells one coin's worth,
    False when it restates a number of coins in money, None when it says neither."""
    worth = _COIN_WORTH.search(near) or _ONE_COIN_COSTS.search(near)
    if worth and worth.groupdict().get("one") or _VALUED_AT.search(near) and _PER_COIN.match(sent.text, a.end):
        return True  # ("21,340 BTC valued at $57,020 per coin")
    coin_end = worth and worth.end("valued" if worth.groupdict().get("valued") else "coin")
    if worth and _HELD_IN.search(near, 0, worth.start("coin") if worth.groupdict().get("coin") else 0):
        return False  # "A lawmaker's stake in bitcoin is now worth about $250,000": what the holding is worth
    # (the coin may be named before the word "token": "each AXS token is now worth")
    ends = {coin_end, worth.start("coin") - 1} if worth and (worth.group("coin") or "").lower() in ("token", "coin") else {coin_end}
    if worth and (_THE_COIN.search(near, 0, coin_end) or any(
            m.end - sent.start == a.start - len(near) + end for m in sent.of("ASSET") for end in ends)
            or _it_the_coin(sent, a, worth)):
        return True
    held = _COINS_RESTATED.search(near)
    if held and to_number(held.group("qty")) != 1:
        return False  # "sold for 246.9 ether, about $117,700": what that many coins are worth
    return None


def _it_the_coin(sent: SentView, a: Amount, worth: re.Match[str]) -> bool:
    """"it" worth the amount is the coin the sentence is about ("FTT ... has shed 90% since Sunday, when it was
    worth about $22", "the cryptocurrency ... since the December low, when it was worth US$ 3,122"), unless a
    holding is what was named ("his stake ..., when it was worth $300")."""
    it = (worth.groupdict().get("coin") or "").lower() == "it"
    named = any(m.end - sent.start <= a.start for m in sent.of("ASSET")) or _COIN_NAMED.search(sent.text, 0, a.start)
    return it and bool(named) and not _HOLDING.search(sent.text[:a.start])


_HOLDING = re.compile(r"\b(?:stake|portfolio|holdings?|position|investment|savings|fund|account|wallet|bag)s?\b", re.I)
