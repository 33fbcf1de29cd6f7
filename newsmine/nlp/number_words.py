"""Amounts written in words: "ninety-five thousand dollars", "sixty-two grand",
"two point four billion dollars", "half a billion dollars", "one and a half million euros",
and percentages: "twelve percent", "three point five per cent", "half a percent".

Broadcast transcripts, podcasts, tabloids and translated editions spell amounts
out. ``numbers.find_money`` and ``numbers.find_percents`` add what this module
finds to the digit shapes, so the rules that decide price, figure or neither
read both alike. The currency words themselves (``MONEY_WORDS``,
``CURRENCY_PATTERN``, ``money_word``) are shared with the digit shapes, so
"62 grand" and "sixty-two grand" name the same currency by one table.

Every amount is anchored on its currency (or percent) word: a run of number words
is read only when money or "percent" follows it, so "one of the", "a million
reasons" and "ten-year Treasury" are never amounts. The run is read backwards from
that word and the longest tail that is one whole cardinal wins ("bitcoin and ten
thousand dollars" starts at "ten"). A scale word needs a number before it ("a couple of
thousand dollars", "several million dollars", "the first million dollars" and
"hundreds of millions of dollars" are no amounts: their size is not stated).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SMALL = {**UNITS, **TEENS}
DIGITS = {**UNITS, "zero": 0, "oh": 0}  # the digits after "point"
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMERALS = frozenset({*SMALL, *TENS, *DIGITS, *SCALE_WORDS, "hundred", "half"})
VOCABULARY = NUMERALS | {"and", "a", "an", "point"}

# currency word -> (currency, multiplier)
MONEY_WORDS = {
    "dollars": ("USD", 1.0), "dollar": ("USD", 1.0), "bucks": ("USD", 1.0), "buck": ("USD", 1.0),
    "grand": ("USD", 1e3), "cents": ("USD", 0.01), "cent": ("USD", 0.01),
    "euros": ("EUR", 1.0), "euro": ("EUR", 1.0), "pounds": ("GBP", 1.0), "yen": ("JPY", 1.0),
    "won": ("KRW", 1.0), "yuan": ("CNY", 1.0), "rupees": ("INR", 1.0), "rupee": ("INR", 1.0),
    "reais": ("BRL", 1.0), "lira": ("TRY", 1.0), "naira": ("NGN", 1.0),
    "usd": ("USD", 1.0), "eur": ("EUR", 1.0), "gbp": ("GBP", 1.0), "jpy": ("JPY", 1.0), "krw": ("KRW", 1.0),
    "cny": ("CNY", 1.0), "inr": ("INR", 1.0), "usdt": ("USDT", 1.0), "usdc": ("USDC", 1.0),
    "pesos": ("ARS", 1.0), "rand": ("ZAR", 1.0), "dong": ("VND", 1.0), "dirhams": ("AED", 1.0), "baht": ("THB", 1.0),
    "tether": ("USDT", 1.0), "ars": ("ARS", 1.0), "zar": ("ZAR", 1.0), "aed": ("AED", 1.0), "php": ("PHP", 1.0),
    "vnd": ("VND", 1.0), "ngn": ("NGN", 1.0), "brl": ("BRL", 1.0), "try": ("TRY", 1.0),
    "rubles": ("RUB", 1.0), "roubles": ("RUB", 1.0), "rub": ("RUB", 1.0), "tl": ("TRY", 1.0),
    # signs written after the number, as German and French copy write the euro ("52.340 €") and US copy the cent ("10.8¢")
    "€": ("EUR", 1.0), "¢": ("USD", 0.01),
}
# Pesos are Argentine unless the text names another country's ("48,000 Philippine pesos").
PESO_COUNTRIES = {"argentine": "ARS", "philippine": "PHP", "mexican": "MXN", "colombian": "COP", "chilean": "CLP"}
# Singular forms are amounts only after "one" ("XRP crossed one dollar"). Any other number
# before one is a compound adjective that names a thing, not money: "a million-dollar
# question", "a ten-dollar bill", "a billion-dollar company", and "a hundred-thousand-dollar
# bitcoin" is nearly always hypothetical. "pound" is left out: "one pound" is as often a weight.
SINGULAR = frozenset({"dollar", "buck", "cent", "euro", "rupee"})
# Dollars of other countries, and the country adjectives written before other currencies
# ("five thousand Turkish lira"), which change nothing.
DOLLAR_COUNTRIES = {"us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
                    "hong kong": "HKD", "singapore": "SGD"}
# The currency codes read after an amount, in capitals only (longest first: "USDT" before "USD").
_CODES = ("USDT", "USDC", "USD", "EUR", "GBP", "JPY", "KRW", "CNY", "INR", "ARS", "ZAR", "AED", "PHP", "VND", "NGN", "BRL",
          "TRY", "RUB", "TL")
# A currency word of ``MONEY_WORDS`` (group ``word``), with its country (group ``country``) when one
# is written; case-insensitive but for the codes. ``numbers`` writes it after digits ("45,000 euros").
CURRENCY_PATTERN = (
    r"(?:(?P<country>US|U\.S\.|American|Canadian|Australian|Hong Kong|Singapore)(?:\s+|-)(?=dollars?\b|cents?\b)|"
    r"(?P<peso_country>Argentine|Philippine|Mexican|Colombian|Chilean)\s+(?=pesos\b)|"
    r"(?:Turkish|Nigerian|Indian|Brazilian|Japanese|(?:South )?Korean|Chinese|South African|Vietnamese|UAE|Russian|Thai)\s+"
    r"(?=lira|naira|rupees?|reais|yen|won|yuan|rand|dong|dirhams|ro?ubles|baht))?"
    r"(?P<word>dollars?|bucks?|grand|cents?|euros?|pounds|yen|won|yuan|rupees?|reais|lira|naira|pesos|rand|dong|ro?ubles|baht|"
    rf"dirhams|tether|€|¢|(?-i:{'|'.join(_CODES)}))(?![\w-])")
_CURRENCY_RE = re.compile(rf"(?<![\w.])(?i:{CURRENCY_PATTERN})")
# Every currency word the pattern reads is one of these (the words in any case, the codes in capitals): most
# sentences hold none, and one search for any of them as a substring costs a fraction of the pattern's search.
_ANY_MONEY_WORD = re.compile("|".join(map(re.escape, sorted(w for w in MONEY_WORDS if w.upper() not in _CODES))))
_ANY_CODE = re.compile("|".join(_CODES))
# The words after a number that make it a percentage, as ``numbers.PERCENT_RE`` reads them after digits.
PERCENT_WORDS = r"(?i:percentage points?|percent|per cent|pct)\b"
_PERCENT_RE = re.compile(rf"(?<![\w.]){PERCENT_WORDS}")
# GUIDE "Prices" counts levels an asset traded at: "a one dollar coin" or "one-dollar bills"
# name pieces of cash, so a singular amount before them is no amount ("the one-dollar mark",
# "XRP hit one dollar on Monday" stay amounts). "Grand" before these nouns is the adjective.
_CASH_AFTER = re.compile(r"[\s-]+(?:coins?|bills?|notes?|banknotes?)\b", re.I)
_GRAND_ADJECTIVE = re.compile(
    r"\s+(?:total|prizes?|prix|jury|juries|slams?|finale|opening|scheme|canyon|central|theft)\b", re.I)
# Korean won needs a hundred or more: "which one won" is the verb.
MIN_WON = 100
_GAP = re.compile(r"\s+|-|\s*-\s*")  # between number words: "ninety-five", "two point four"
_WORD = re.compile(r"[A-Za-z]+")
_LOOKBACK = 160  # characters of number words before a currency word: far more than any amount
# "at one point" is an idiom, not the start of a decimal ("at one point twenty thousand dollars")
_AT_ONE_POINT = re.compile(r"\bat\s+$", re.I)


class Spelled(NamedTuple):
    """An amount or a percentage in words; offsets relative to the text searched."""

    value: float
    currency: str | None  # None for a percentage
    start: int
    end: int
    scaled: bool  # a scale of a million or more was written, as with "$1.2 million"


def names_currency(text: str) -> bool:
    """Whether ``text`` may hold a currency word that ``CURRENCY_PATTERN`` reads: a cheap test that rules out the
    most sentences before the patterns that need one run."""
    return _ANY_MONEY_WORD.search(text.lower()) is not None or _ANY_CODE.search(text) is not None


def find_spelled(text: str) -> list[Spelled]:
    """Every amount written in words in ``text``, in order."""
    found: list[Spelled] = []
    if not names_currency(text):
        return found
    for m in _CURRENCY_RE.finditer(text):
        read, money = _cardinal_before(text, m.start()), money_word(m)
        if read is None or money is None:
            continue
        value, largest, start = read
        if _accepts(text, m, m.group("word").lower(), value):
            found.append(Spelled(in_units(value, money[1]), money[0], start, m.end(), largest >= 1e6))
    return found


def find_spelled_percents(text: str) -> list[Spelled]:
    """Every percentage written in words in ``text`` ("twelve percent", "half a per cent"), in order."""
    found: list[Spelled] = []
    lowered = text.lower()
    if "per" not in lowered and "pct" not in lowered:  # every percent word holds one or the other
        return found
    for m in _PERCENT_RE.finditer(text):
        read = _cardinal_before(text, m.start())
        if read is not None:
            found.append(Spelled(read[0], None, read[2], m.end(), False))
    return found


# a currency named in the singular, as a market names it ("the pound steady at $1.28", "sterling", "the real")
_CURRENCY_NAMES = {"pound": "GBP", "sterling": "GBP", "real": "BRL"}


def currency_named(word: str) -> str | None:
    """The currency code a currency's name stands for ("euro" -> "EUR", "sterling" -> "GBP"), or None."""
    word = word.lower()
    return _CURRENCY_NAMES.get(word) or (MONEY_WORDS[word][0] if word in MONEY_WORDS else None)


def money_word(m: re.Match[str]) -> tuple[str, float] | None:
    """(currency, multiplier) of the currency word a ``CURRENCY_PATTERN`` match read, or None
    when the word is no money where it stands ("grand prizes", "a grand total")."""
    word = m.group("word").lower()
    if word == "grand" and _GRAND_ADJECTIVE.match(m.string, m.end()):
        return None
    currency, factor = MONEY_WORDS[word]
    if word in ("dollars", "dollar", "cents", "cent") and m.group("country"):
        currency = DOLLAR_COUNTRIES[" ".join(m.group("country").lower().split())]
    elif word == "pesos" and m.group("peso_country"):
        currency = PESO_COUNTRIES[m.group("peso_country").lower()]
    return currency, factor


def in_units(value: float, factor: float) -> float:
    """``value`` times a ``MONEY_WORDS`` multiplier; cents divide, so 57 cents is exactly 0.57."""
    return value * factor if factor >= 1 else value / round(1 / factor)


def _accepts(text: str, m: re.Match[str], word: str, value: float) -> bool:
    """Whether a number in words is an amount of this currency word (see ``SINGULAR``, ``MIN_WON``).
    For words alone: digits before these words read as their symbol forms do ("a 48-cent top" as
    "$0.48", "150 won" as "₩150")."""
    if word in SINGULAR:
        return value == 1 and not _CASH_AFTER.match(text, m.end())
    return value >= MIN_WON if word == "won" else True


def _cardinal_before(text: str, end: int) -> tuple[float, float, int] | None:
    """(value, largest scale written, start) of the cardinal in words that ends just before
    ``end``: the longest tail of the run of number words there that is one whole number."""
    run = _words_before(text, end)
    for i in range(len(run)):
        words = [w for w, _ in run[i:]]
        if words[:2] == ["one", "point"] and _AT_ONE_POINT.search(text, 0, run[i][1]):
            continue
        parsed = parse_cardinal(words)
        if parsed is not None:
            # a number word left over before it makes the reading ambiguous: "nineteen
            # ninety-five dollars" is $1,995 or $19.95, never $95
            return None if i and run[i - 1][0] in NUMERALS else (parsed[0], parsed[1], run[i][1])
    return None


def _words_before(text: str, end: int) -> list[tuple[str, int]]:
    """(lowercased word, start) of the number words just before ``end``, in text order, each
    joined to the next by white space or a hyphen. A word glued to what comes before it is
    part of another word ("top-ten dollars", "x2one dollars") and ends the run."""
    floor = max(0, end - _LOOKBACK)
    words: list[tuple[str, int]] = []
    pos = end
    for m in reversed(list(_WORD.finditer(text, floor, end))):
        gap = text[m.end():pos]
        if m.group().lower() not in VOCABULARY or not _GAP.fullmatch(gap):
            if words and gap == "-":
                words.pop()
            break
        words.append((m.group().lower(), m.start()))
        pos = m.start()
    if words and words[-1][1] > 0 and (text[words[-1][1] - 1].isalnum() or text[words[-1][1] - 1] in "$'’_."):
        words.pop()
    return words[::-1]


_HALF = (["half", "a"], ["half", "an"], ["a", "half"])  # "half a billion", "half a percent"


def parse_cardinal(words: Sequence[str]) -> tuple[float, float] | None:
    """(value, largest scale written, 1 if none) when all of ``words`` (lowercase) are one
    cardinal: "a hundred and twelve thousand", "two point four billion", "half a billion",
    "one and a half million", "a million and a half", "twenty-one hundred", "half a" (as in
    "half a percent"); else None.
    Scales must fall ("two million three hundred thousand"); a fraction ends the number."""
    total, top, i, n = 0.0, float("inf"), 0, len(words)
    largest = 1.0
    if list(words) in _HALF:
        return 0.5, largest
    while i < n:
        if words[i:i + 2] in _HALF and words[i + 2:i + 3] and (
                words[i + 2] in SCALE_WORDS):
            value, i, fraction = 0.5, i + 2, True
        elif words[i] in ("a", "an") and i + 1 < n and words[i + 1] in SCALE_WORDS:
            value, i, fraction = 1.0, i + 1, False
        else:
            group = _group(words, i)
            if group is None:
                return None
            value, i = group
            fraction = words[i:i + 1] == ["point"] or words[i:i + 3] == ["and", "a", "half"]
            if words[i:i + 1] == ["point"]:
                k = i + 1
                while k < n and words[k] in DIGITS:
                    k += 1
                if k == i + 1:
                    return None
                value, i = float(f"{int(value)}." + "".join(str(DIGITS[w]) for w in words[i + 1:k])), k
            elif fraction:
                value, i = value + 0.5, i + 3
        if i == n:
            return (total + value, largest) if value < top else None
        scale = SCALE_WORDS.get(words[i])
        if scale is None or scale >= top:
            return None
        top, i, largest = scale, i + 1, max(largest, scale)
        total += value * scale
        if words[i:i + 3] == ["and", "a", "half"]:
            total, i, fraction = total + scale / 2, i + 3, True
        if fraction:
            return (total, largest) if i == n else None
        if words[i:i + 1] == ["and"] and i + 1 < n and words[i + 1] not in SCALE_WORDS:
            i += 1  # "a thousand and twelve"
    return (total, largest) if n else None


def _group(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """A number said without a scale word from ``words[i]`` ("ninety-five", "a hundred and
    twelve", "fifteen hundred") and the index after it."""
    if words[i:i + 2] in (["a", "hundred"], ["an", "hundred"]):
        value, i = 1.0, i + 1
    else:
        head = _tens_units(words, i)
        if head is None:
            return None
        value, i = head
    if words[i:i + 1] == ["hundred"]:
        value, i = value * 100, i + 1
        rest = _tens_units(words, i + (words[i:i + 1] == ["and"]))
        if rest is not None:
            value, i = value + rest[0], rest[1]
    return value, i


def _tens_units(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """"ninety-five", "twelve", "seven" from ``words[i]``, and the index after it."""
    if i >= len(words):
        return None
    if words[i] in TENS:
        if i + 1 < len(words) and words[i + 1] in UNITS:
            return TENS[words[i]] + UNITS[words[i + 1]], i + 2
        return TENS[words[i]], i + 1
    return (SMALL[words[i]], i + 1) if words[i] in SMALL else None
