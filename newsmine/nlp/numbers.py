"""Amounts as journalists write them: "$31,444", "31.4k", "US$4,328.42", "$1.2 billion",
"62 grand", "5 million reais"; percentages: "12%", "8 per cent", "twelve percent".

Regular expressions run on sentence text rather than tokens because spaCy
splits "$300m" and "28,154-$33,562" in ways that vary with context. Digit runs
are bounded (no 30-digit numbers, no exponents), and every value is checked to
be finite and below ``MAX_VALUE`` so that hostile text can never produce an
absurd or non-finite number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsmine.nlp.number_words import (CURRENCY_PATTERN, PERCENT_WORDS, find_spelled, find_spelled_percents,
                                       in_units, money_word, names_currency)
from newsmine.nlp.regex_guard import guarded

MAX_VALUE = 1e15  # above any real market figure; bigger numbers are noise

CURRENCY_SYMBOLS = {
    "US$": "USD", "USD": "USD", "$": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "JPY": "JPY", "₩": "KRW", "KRW": "KRW", "CNY": "CNY", "RMB": "CNY",
    "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "₹": "INR", "INR": "INR", "Rs": "INR", "Rs.": "INR",
    "R$": "BRL", "₦": "NGN", "NGN": "NGN", "N": "NGN", "R": "ZAR", "ZAR": "ZAR", "Dh": "AED", "AED": "AED",
    "ARS": "ARS", "₱": "PHP", "PHP": "PHP", "₺": "TRY", "TRY": "TRY", "KSh": "KES", "Sh": "KES", "KES": "KES",
    "Rp": "IDR", "IDR": "IDR", "VND": "VND", "฿": "THB", "THB": "THB", "₽": "RUB", "RUB": "RUB", "PKR": "PKR",
    "CHF": "CHF",
}
SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "t": 1e12, "tn": 1e12, "trn": 1e12, "trillion": 1e12,
    # Indian numbering (rupee prices): a lakh is 100,000, a crore 10 million
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

# Indian digit groups ("52,41,000") come first: the Western shape would stop at "52". Up to
# 12 decimals for micro-priced tokens ("$0.00001234"); never stop before ".digit" ("$2.3trn" is not $2).
# A comma before one or two digits and a scale, a percent sign or a currency word is a decimal comma in any copy
# ("23,5 million won", "1,1%", "2,47 dollars"): a thousands separator groups three.
_NUM = (r"(?<![\w.,])(?P<num>\d{1,2}(?:,\d{2}){1,3},\d{3}(?:\.\d{1,12})?|\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,12})?|"
        r"\d{1,3},\d{1,2}(?=\s?(?:%|percent\b|per cent\b|(?:million|billion|trillion|Million|Billion)\b|"
        r"(?:US |U\.S\. )?dollars?\b|euros?\b|reais\b|pesos\b|lira\b))|"
        r"\d{1,12}(?:\.\d{1,12})?)(?![\d]|\.\d|,\d{3})")  # (not "60" of "the mid-$60,000s")
# After a currency symbol, also a memecoin price in subscript-zero notation: "$0.0₅1742" is 0.000001742,
# the subscript counting the zeros after the point.
# Translated and regional copy groups thousands with points or spaces after the sign ("Rp1.000.000",
# "₽10 870 000", "US$ 62 140"; GUIDE, za- to zd-series): two or more such groups can be nothing else.
_BARE_NUM = _NUM.replace(r"(?<![\w.,])", "").replace("(?P<num>", "(?P<num>0\\.0[₀-₉]{1,2}\\d{1,8}|"
                                                      r"\d{1,3}(?:\.\d{3}){2,}(?![\d,]|\.\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|\.\d)|", 1)
_SUBSCRIPT = re.compile(r"0\.0(?P<zeros>[₀-₉]{1,2})")
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_GROUPING = re.compile(r"[,\s]")  # thousands separators: commas, or spaces before a currency word
_COMMA_DECIMAL = re.compile(r"\d{1,3},\d{1,2}")  # (what ``_NUM`` reads as a decimal comma)
# Headlines capitalise scale words ("$530 Million NEM Theft", "$1.2B"): read them as sizes too. Canadian and
# South African copy hyphenates them ("C$560-million").
_SCALE_WORDS = (r"k|K|mn|mln|MLN|Mln|m|M|bn|Bn|BN|bln|Bln|BLN|b|B|trn|tn|t|thousand|million|billion|trillion|Thousand|Million|"
                r"Billion|Trillion|[Ll]akhs?|[Cc]rores?")
_SCALE = rf"(?:[\s-]?(?P<scale>{_SCALE_WORDS})(?![A-Za-z]))?"
# A lettered dollar may stand apart from its number, as Brazilian and Hong Kong copy writes it ("R$ 268,400"),
# and Dutch copy the euro ("€ 58.420,15").
# Indian copy writes the rupee "Rs" or "Rs." ("Rs 52 lakh"), Gulf copy the dirham "Dh". Nigerian and South
# African copy write the naira "N" and the rand "R" ("N17.5 million", "R47,600"): read only before a
# number no letter-and-digit name has (grouped, scaled or of three digits or more; not "N95", "R2"). Kenyan
# copy writes the shilling "KSh" or "Sh" ("Sh13.2 million"), Indonesian the rupiah "Rp".
_LETTER_CUR = r"(?-i:N|R)(?=\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?[\s-]?(?:million|billion|m\b|bn\b)|\d{3,})"
_CUR = (r"(?P<cur>(?:US|HK|NT|A|C|S|R)\$\s?|\$|€\s?|£|¥|₩|₹\s?|₦|₱|₺|฿|₽\s?|(?-i:Rs)\.?\s?|(?-i:Dh)|(?-i:K?Sh|Rp)\s?|" + _LETTER_CUR
        + "|" r"(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|NGN|ZAR|AED|ARS|PHP|TRY|KES|IDR|VND|THB|RUB|PKR|CHF)\s?)")
# A currency word after the amount, from the one table amounts in words read (``number_words.MONEY_WORDS``:
# "45,000 euros", "62 grand", "300 million Turkish lira", "30,500 USD", "111,380 USDT"), also as a
# compound adjective ("a 48-cent top").
_WORD_CUR = rf"(?:[\s-]|(?=¢))(?i:{CURRENCY_PATTERN})"
# "paid back in 2022 dollars": a year before a currency word names the money's vintage (constant
# dollars), not an amount; "in 2020 won" is the verb. Read as written, "fell to 2024 dollars" stays
# an amount, as "$2,024" would be.
_YEAR = re.compile(r"(?:19|20)\d\d")
# (also after a month: "since the August 2024 yen unwind" dates the unwind)
_IN_YEAR = re.compile(r"\bin\s+$|\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$", re.I)

# A number ending a hyphenated word is part of a name, not an amount ("top-5 USD venues",
# "a top-10k wallet"): shapes without a currency sign never start after a letter and a hyphen, unless the
# letter is the "k" of a range's first end ("a 56k-58k range").
_NOT_IN_WORD = r"(?:(?<![A-Za-z]-)|(?<=\d[kK]-))"
# The first end of a range takes the scale written once after the second ("66.1-69.9k", "$1.2-1.5 billion"):
# any scale after a currency sign, only a "k" for bare numbers (as bare "30K" alone is read).
_SIGNS = r"(?:(?:US|HK|A|C|S|R)\$|\$|€|£|¥|₩|₹)"
_SHARED_SCALE = rf"(?=\s?[-–]\s?{_SIGNS}?\d{{1,3}}(?:,\d{{3}})*(?:\.\d{{1,12}})?[\s-]?(?P<scale>{_SCALE_WORDS})(?![A-Za-z]))"
_SHARED_K = r"(?=\s?[-–]\s?\d{1,3}(?:\.\d{1,12})?(?P<scale>[kK])(?![\w]))"
# Russian and French copy group thousands with a space ("43 200 dollars", "4 150 000 rubles"), and Turkish copy
# with points ("1.918.000 TL", in an article that also writes "0.8%"): read only before a currency word, where a
# run of three-digit groups can be nothing else (two points, for the points: "4.550 TL" alone is a decimal).
_UNNAMED_CURRENCY = re.sub(r"\(\?P<\w+>", "(?:", CURRENCY_PATTERN)  # for a lookahead: the shape names its own groups
_SPACED_NUM = _NUM.replace("(?P<num>", rf"(?P<num>(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|\d{{1,3}}(?:\.\d{{3}}){{2,}})"
                                      rf"(?=[\s-](?i:{_UNNAMED_CURRENCY}))|", 1)
# The first end of a range also takes the currency word written once after the second ("46-49 cents",
# "between 56,200 and 58,900 dollars"); "and" joins a range only after "between" ("fell 5 and 49 cents" is
# no range), and a rate ("from 366.5 to 800 pesos per dollar") is none.
_SECOND_END = r"\d{1,3}(?:,\d{3})*(?:\.\d{1,12})?" + _WORD_CUR + r"(?!\s+per\b)"
WORD_RANGE_RES = (
    guarded(rf"{_NOT_IN_WORD}{_NUM}(?=\s?[-–]\s?{_SECOND_END})"),
    guarded(rf"(?<=\bbetween ){_NUM}(?=\s+and\s+{_SECOND_END})"),
    guarded(rf"(?<=\bfrom ){_NUM}(?=\s+to\s+{_SECOND_END})"),  # "rose from 1,860 to 3,020 dollars"
)
# Translated Korean and Turkish copy spells a number in parts before the currency word ("18 million 600 thousand
# won", "73 thousand 600 dollars"): the parts add up (``_amount`` checks the scales fall).
_PARTS = rf"(?<![\w.,])(?P<num>\d{{1,3}}) (?P<scale>million|billion|thousand) (?P<rest>\d{{1,3}})(?P<rest_k> thousand)?"
# Six shapes, tried in this order (the two range shapes first); a later shape never overlaps an earlier one. (Guarded:
# most open with lookbehinds, which ``re`` would otherwise try at every character.)
MONEY_RES = (
    guarded(rf"{_PARTS}{_WORD_CUR}"),
    guarded(rf"(?<![\w$])(?P<sign>[-−])?{_CUR}{_BARE_NUM}{_SHARED_SCALE}"),
    guarded(rf"{_NOT_IN_WORD}{_NUM}{_SHARED_K}"),
    guarded(rf"(?<![\w$])(?P<sign>[-−])?{_CUR}{_BARE_NUM}{_SCALE}(?![\w])"),
    guarded(rf"{_NOT_IN_WORD}{_SPACED_NUM}{_SCALE}{_WORD_CUR}"),
    guarded(rf"{_NOT_IN_WORD}{_NUM}(?P<scale>[kK])(?![\w])"),
)
# What each shape needs in a sentence besides a digit: a dash between a range's ends, a currency word after the
# number, a "k". Most sentences lack all three, and plain substring tests spare them the long searches
# (finding every sentence's money was about a tenth of the rules' time).
_SHAPE_NEEDS = (
    *zip(WORD_RANGE_RES, (("dash", "word"), ("word",), ("word",))),
    *zip(MONEY_RES, (("word",), ("dash",), ("dash", "k"), (), ("word",), ("k",))),
)
# An amount in a crypto quote unit ("0.00158 BTC", "0.0527 ETH"): an altcoin's price in
# bitcoin or ether. Only fractions of a coin, or a token's price near one: whole coins ("12,000 BTC") are
# holdings and flows.
COIN_QUOTES = ("BTC", "ETH")
COIN_RE = re.compile(rf"{_NUM}\s?(?P<coin>{'|'.join(COIN_QUOTES)})\b")
# Satoshis (a hundred-millionth of a bitcoin) quote small coins in bitcoin ("roughly 450 sats").
SATS_RE = re.compile(rf"{_NUM}\s?(?P<million>million\s)?(?:sats|satoshis?)\b(?!/)")  # ether: "1.77 million sats"
SATOSHI = 1e-8
# Bitcoin in ounces of gold, a price in XAU (GUIDE), in a sentence about the metal ("one bitcoin now buys about
# 33 ounces of gold", "Priced in the metal, one bitcoin is worth about 26.9 ounces", "BTC/XAU: 27.6 oz")
OUNCES_RE = re.compile(rf"{_NUM}\s?(?:troy\s)?(?:ounces|oz)\b")
_GOLD_WORDS = re.compile(r"\b(?:gold|metal|XAU)\b", re.I)
# A quote with no currency sign ("to 43,780", "0.5810"): digit groups or decimals, no sign, not
# a percentage. ``prices`` reads these only in a ticker table, which states its currency once.
BARE_RE = guarded(r"(?<![\w.,$€£¥₩+−])(?P<num>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?|\d{1,6}\.\d{1,8})"
                     rf"(?![\d%]|\.\d|\s?(?:%|{PERCENT_WORDS})|\s(?:thousand|million|billion)\b)")  # ("4.1 million UNI": a count)
PERCENT_RE = guarded(rf"(?P<sign>[-−+])?{_NUM}\s?(?P<pct>%|{PERCENT_WORDS})")
# Basis points: a hundredth of a percent ("funding ran at 10 bps per eight hours")
BPS_RE = re.compile(rf"(?P<sign>[-−+])?{_NUM}\s?(?:bps|bp|basis points?)\b")
_SIGN_WORD = re.compile(r"(?<![\w-])(?:minus|negative)\s+$", re.I)  # the sign of a percentage, in words
# Every shape in digits needs a digit, and nearly half of a story's sentences have none: one cheap
# search spares them the long patterns above (the rules run on every sentence, and so does this test).
has_digit = re.compile(r"\d").search


@dataclass(frozen=True)
class Amount:
    """One amount found in a sentence; offsets are relative to that sentence."""

    value: float
    currency: str | None  # None for percentages
    start: int
    end: int
    scaled: bool  # written with million/billion/...: sizes, rarely prices
    explicit_currency: bool  # "$", "€", "dollars" were written; "31.4k" alone was not


def to_number(digits: str) -> float | None:
    """Parse "31,444.5" into a finite float, or None."""
    try:
        sub = _SUBSCRIPT.match(digits)
        if sub:
            digits = "0." + "0" * int(sub.group("zeros").translate(_SUBSCRIPT_DIGITS)) + digits[sub.end():]
        value = float(digits.replace(",", ".") if _COMMA_DECIMAL.fullmatch(digits) else _GROUPING.sub("", digits))
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) <= MAX_VALUE else None


@lru_cache(maxsize=4096)  # prices and figures both scan each sentence
def find_money(text: str) -> tuple[Amount, ...]:
    """Every currency amount (and bare "30K"-style amount, and amount in words) in ``text``, in order."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    has = {"dash": "-" in text or "–" in text, "word": names_currency(text), "k": "k" in text or "K" in text}
    patterns = [p for p, needs in _SHAPE_NEEDS if all(has[n] for n in needs)] if has_digit(text) else ()
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            amount = _amount(m)
            if amount is not None:
                found.append(amount)
                taken.append((m.start(), m.end()))
    found += _second_ends(text, found, taken)
    # amounts in words ("ninety-five thousand dollars") read like "95 thousand dollars"
    for w in find_spelled(text) if has["word"] else ():
        if w.value <= MAX_VALUE and not any(w.start < e and s < w.end for s, e in taken):
            found.append(Amount(w.value, w.currency, w.start, w.end, w.scaled, True))
    return tuple(sorted(found, key=lambda a: a.start))


# The second end of a range that writes its currency once, before the first ("$2,990–3,085"): the same
# grouping, no sign of its own, and not a smaller number ("$2,990-3" is no range)
_SECOND_BARE = re.compile(r"\s?[-–]\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,12})?|\d+\.\d{1,12})(?![\d%.,]|[\w$€£¥])")


def _second_ends(text: str, found: list[Amount], taken: list[tuple[int, int]]) -> list[Amount]:
    ends = []
    for a in found:
        m = _SECOND_BARE.match(text, a.end) if a.explicit_currency and not a.scaled else None
        value = to_number(m.group("num")) if m else None
        if m and value is not None and a.value < value < a.value * 1.5 and not any(
                m.start("num") < e and s < m.end() for s, e in taken):
            ends.append(Amount(value, a.currency, m.start("num"), m.end(), False, True))
    return ends


_WHOLE_CURRENCIES = frozenset({"IDR", "VND"})  # priced in thousands: a point before three digits groups them
# ... and no euro price is written to the tenth of a cent: a point before three digits of euros groups them too
_EURO_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_POINT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")


def _amount(m: re.Match[str]) -> Amount | None:
    groups = m.groupdict()
    digits = m.group("num")
    cur = CURRENCY_SYMBOLS.get((groups.get("cur") or "").strip())
    if digits.count(".") > 1 or cur in _WHOLE_CURRENCIES and _POINT_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")  # "Rp1.000.000"; "Rp 15.480" (a rupiah has no cents to write)
    base = to_number(digits)
    if base is None:
        return None
    scale = SCALES[groups["scale"].lower()] if groups.get("scale") else 1.0
    value = base * scale
    # "18 million 600 thousand", "73 thousand 600"; not "18 million 600" nor "7 thousand 6 thousand"
    if groups.get("rest"):
        if (scale > 1e3) != bool(groups["rest_k"]):
            return None
        value += int(groups["rest"]) * (1e3 if groups["rest_k"] else 1.0)
    currency, explicit = "USD", False
    if groups.get("cur"):
        currency, explicit = CURRENCY_SYMBOLS[groups["cur"].strip()], True
    elif groups.get("word"):
        money = money_word(m)
        if money is None or scale == 1 and _YEAR.fullmatch(m.group("num")) and _IN_YEAR.search(
                m.string, max(0, m.start() - 12), m.start()):
            return None
        currency, explicit = money[0], True
        value = in_units(value, money[1])
    if currency == "EUR" and scale == 1 and _EURO_THOUSANDS.fullmatch(digits):
        value = float(digits.replace(".", ""))  # "49.450 euros", "€ 98.000" in a story that writes "$53,550" too
    if groups.get("sign"):
        value = -value
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        return None
    return Amount(decimal_round(value), currency, m.start(), m.end(), scale >= 1e6, explicit)


def decimal_round(value: float) -> float:
    """The value as written in decimal: "$64.9k" is 64900, not the 64900.00000000001 that
    64.9 * 1000 gives in binary floating point (15 significant digits hold any written amount)."""
    return float(f"{value:.15g}")


def find_coin_prices(text: str) -> tuple[Amount, ...]:
    """Every amount quoted in a coin or in gold ("0.0000087 BTC", "450 sats", "33 ounces" beside the metal), its currency the coin or XAU."""
    found: list[Amount] = []
    if not has_digit(text) or "BTC" not in text and "ETH" not in text and "sat" not in text and "oz" not in text and (
            "ounce" not in text):
        return ()
    for m in COIN_RE.finditer(text):
        value = to_number(m.group("num"))
        # (and a wrapped or staked token's price near one coin, written to the hundredth: "rETH changed hands
        # at 1.105 ETH"; "1.5 ETH" or "2 BTC" is a holding)
        near_one = value is not None and value < 1.3 and len(m.group("num").partition(".")[2]) >= 2 and (
            text[m.start() - 1:m.start()] not in ("$", "€", "£", "¥"))  # ("USDC: $1.006 ETH: $133.10": a row, then a label)
        if value is not None and 0 < value < 1 or near_one:
            found.append(Amount(value, m.group("coin"), m.start(), m.end(), False, True))
    for m in SATS_RE.finditer(text):
        value = to_number(m.group("num"))
        if value:
            sats = value * (1e6 if m.group("million") else 1)
            found.append(Amount(decimal_round(sats * SATOSHI), "BTC", m.start(), m.end(), False, True))
    for m in OUNCES_RE.finditer(text) if _GOLD_WORDS.search(text) else ():
        value = to_number(m.group("num"))
        if value:
            found.append(Amount(value, "XAU", m.start(), m.end(), False, True))
    return tuple(sorted(found, key=lambda a: a.start))


def find_bare_numbers(text: str) -> tuple[Amount, ...]:
    """Every bare quote in ``text`` (currency USD, not explicit)."""
    found: list[Amount] = []
    for m in BARE_RE.finditer(text) if has_digit(text) else ():
        value = to_number(m.group("num"))
        if value:
            found.append(Amount(value, "USD", m.start(), m.end(), False, False))
    return tuple(found)


@lru_cache(maxsize=4096)
def find_percents(text: str) -> tuple[Amount, ...]:
    """Every percentage in ``text``, signed when written with a sign, in digits or in words
    ("fell twelve percent" reads as "fell 12 percent")."""
    found: list[Amount] = []
    for m in PERCENT_RE.finditer(text) if has_digit(text) else ():
        value = to_number(m.group("num"))
        if value is None:
            continue
        found.append(Amount(-value if _negative(text, m) else value, None, m.start(), m.end(), False, True))
    found += [Amount(-w.value if _signed_by_word(text, w.start) else w.value, None, w.start, w.end, False, True)
              for w in find_spelled_percents(text) if w.value <= MAX_VALUE]
    return tuple(sorted(found, key=lambda a: a.start))


def find_basis_points(text: str) -> tuple[Amount, ...]:
    """Every amount in basis points in ``text``, as a percentage ("10 bps" is 0.1)."""
    found = []
    if "bp" not in text and "basis point" not in text:  # the pattern's words, as cased there
        return ()
    for m in BPS_RE.finditer(text):
        value = to_number(m.group("num"))
        if value is not None:
            found.append(Amount(decimal_round((-value if _negative(text, m) else value) / 100), None, m.start(), m.end(),
                                False, True))
    return tuple(found)


def _negative(text: str, m: re.Match[str]) -> bool:
    """A percentage or basis-point match written negative: "-3.1%", "minus 12%", "negative 0.5 bps"."""
    return m.group("sign") in ("-", "−") or (m.group("sign") is None and _signed_by_word(text, m.start()))


def _signed_by_word(text: str, start: int) -> bool:
    """Whether the number at ``start`` has its minus sign in words: "a basis of minus 12%",
    "funding at negative 0.01%", "minus twelve percent"."""
    return _SIGN_WORD.search(text, max(0, start - 12), start) is not None


# Outlets in continental Europe and Latin America write "0,39 euros" and "4.000 euros" for 0.39 and 4,000.
# An article with a decimal comma ("32,6 percent", "2.810,50 euros") or a euro, real or lira amount grouped
# with points ("52.400 euros", "€52.400": no English desk writes a euro price to the tenth of a cent), and no
# decimal point, is read in that convention (GUIDE, za- to zd-series).
_DECIMAL_COMMA = guarded(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d{1,2}(?!\d|[.,]\d)|"
                         r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)\s?(?:(?:euros?|Euro|reais|lira|ro?ubles|pesos|dollars|"
                         r"US-Dollars?|US dollars)\b|€)|"
                         r"(?:€|R\$)\s?[1-9]\d{0,2}(?:\.\d{3})+(?![\d,]|\.\d)")
_DECIMAL_POINT = guarded(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}(?!\d|[.,]\d)")
_SEPARATED = re.compile(r"\d[\d.,]*\d")
_COMMA_GROUPS = guarded(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3}){2,}(?![\d,])")
# a dollar price grouped the English way ("$53,550"): a European edition that converts the wire's dollar prices and
# keeps its own style for the rest ("49.450 euros", "7,2 %") is read number by number, not swapped whole
_DOLLAR_GROUPS = guarded(r"(?:US)?\$\s?[1-9]\d{0,2}(?:,\d{3})+(?![\d,]|\.\d)")


# Translated copy writes a day and month with a point ("on 28.02", "Monday, 28.02"): no decimal point.
_DAY_MONTH = re.compile(r"(?:\b(?:on|since|until|till)|day,)\s+(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])$", re.I)


def decimal_comma(text: str) -> bool:
    """Whether ``text`` writes its decimals with a comma and its thousands with a point."""
    # every decimal point written must be a day and a month in fact, and no number groups its thousands with two
    # commas (translated copy may mix "88,266,000 won" with "88,8 million won": a decimal comma there is read alone)
    return _DECIMAL_COMMA.search(text) is not None and _COMMA_GROUPS.search(text) is None and (
        _DOLLAR_GROUPS.search(text) is None) and all(
        _DAY_MONTH.search(text, max(0, m.start() - 8), m.end()) for m in _DECIMAL_POINT.finditer(text))


def swap_separators(text: str) -> str:
    """``text`` with points and commas inside numbers swapped ("4.000,5" <-> "4,000.5"); its own inverse,
    and the same length, so every offset into one is an offset into the other."""
    return _SEPARATED.sub(lambda m: m.group().translate(_SWAP), text)


_SWAP = str.maketrans(".,", ",.")
