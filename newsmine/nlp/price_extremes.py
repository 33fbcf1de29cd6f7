"""Extremes named by words: "a low of $X", "the June low", "its previous high", "$3,950, a record".

A noun or adjective naming a high, a low or a record, with its modifiers read,
gives the kind of the amount it belongs to or stands beside, ranked by the
GUIDE's order (``RANK``): a record before a named extreme, before a level
crossed, before a move, before a plain level. ``price_kinds`` finds these
words on the way from an amount to its verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import FRESH_WORDS, MONTHS, PASSING_VERBS, PERIOD_WORDS, RECORD_WORDS, noun_cue
from newsmine.nlp.price_direction import direction

if TYPE_CHECKING:
    from spacy.tokens import Token

# GUIDE order: lower rank wins
RANK = {"ath": 1, "atl": 1, "open": 1, "close": 1, "named": 2, "level": 3, "move": 4, "spot": 5}
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "ADV", "NUM", "PRON"})  # a word a noun phrase is built from
_TIME_OPENERS = frozenset({"last", "this", "early", "late", "overnight", "yesterday"})
_AGO = frozenset({"earlier", "ago", "before", "later"})
_WICK_SIDES = {"upper": "high", "top": "high", "lower": "low", "bottom": "low"}
_PRICE_NOUNS = frozenset({"value", "print", "trade"})  # nouns a price modifier names ("an opening print")
_FRACTIONS = frozenset({"half", "third", "quarter", "fraction", "twice", "double", "%", "percent"})


def extreme(noun: Token) -> tuple[str, int] | None:
    """A noun or adjective naming an extreme or a record, with its modifiers read
    ("all-time high", "lifetime high", "a fresh high", "the June low")."""
    cls = noun_cue(noun.lower_)
    if cls == "wick" and noun.pos_ == "NOUN":
        # "nuked to a wick at 24.8k": the bottom of the fall; an "upper" wick, or one marking "the top", is the top
        side = next((c.lower_ for c in noun.children if c.lower_ in _WICK_SIDES), None)
        return _WICK_SIDES.get(side) or _top_told(noun) or direction(noun) or "low", RANK["named"]
    if cls not in ("high", "low", "record", "open", "close"):
        return None
    phrase = noun.head if noun.dep_ in ("amod", "compound") and noun.head.pos_ in NOMINAL else noun
    first = min(noun.left_edge.i, phrase.left_edge.i)
    left = noun.doc[first:max(noun.i, phrase.i) + 1].text
    if cls == "record" or cls in ("high", "low") and RECORD_WORDS.search(left):
        return ("atl" if cls == "low" or " low" in left.lower() else "ath"), RANK["ath"]
    if cls == "high" and (FRESH_WORDS.search(left) and not PERIOD_WORDS.search(left) or _dated(noun)):
        return "ath", RANK["ath"]  # "a fresh high", "the April 2021 peak": the record then
    if cls in ("high", "low"):
        return cls, RANK["named"]
    # the parser may tag a session's price as an adjective after a possessive or an article ("the week's open near $96,200")
    return (cls, RANK[cls]) if noun.pos_ == "NOUN" or noun.i > 0 and noun.doc[noun.i - 1].tag_ in ("POS", "DT", "PRP$") else None


def _dated(noun: Token) -> bool:
    """"its previous high", or a dated peak the market passed ("clearing its December 2017 peak"):
    a record cited as such, also passed by a preposition ("edging past the November 2021 peak").
    A dated high alone ("its 2023 high", "its March 12 peak") is that
    period's high (GUIDE: a previous record is `ath` when the text calls it a record or says the
    market has now passed it)."""
    lefts = list(noun.lefts)
    holder = noun.head if noun.dep_ == "amod" and noun.head.like_num else noun  # "the $4,860 high": the amount holds it
    if any(t.lower_ in ("previous", "prior", "old") for t in lefts):
        return True
    # (the date may come in a clause after the noun: "topping the $68,789.63 high reached in November 2021")
    dated = any(t.like_num and len(t) == 4 or t.lower_ in MONTHS for t in lefts) or any(
        c.dep_ in ("acl", "relcl") and any(t.like_num and len(t) == 4 for t in c.subtree) for c in holder.children)
    # (also as the subject of a passive: "The November 2021 peak of US$ 69,000 ... was surpassed")
    passed = holder.dep_ in ("dobj", "nsubjpass") and holder.head.lower_ in PASSING_VERBS or (  # "climbed past its 2021 peak"
        noun.dep_ == "pobj" and noun.head.lower_ in ("past", "above", "beyond") and noun.head.head.pos_ == "VERB")
    return dated and passed


def named_price(noun: Token) -> tuple[str, int] | None:
    """A price noun named by its modifier ("its opening price of $93,425", "the closing level", "an opening print
    of")."""
    if noun_cue(noun.lower_) != "mark" and noun.lower_ not in _PRICE_NOUNS or noun.lower_ == "line" and any(
            c.lower_ == "bottom" for c in noun.lefts):
        return None  # "The bottom line: with ether back near $3,950" is a summing-up, no low
    if noun.lower_ == "mark" and RECORD_WORDS.search(noun.doc[noun.left_edge.i:noun.i].text):
        return "ath", RANK["ath"]  # "the previous high-water mark, $68,789": the record then
    return next(filter(None, (extreme(c) for c in noun.children if c.dep_ in ("amod", "compound"))), None)


def apposition(last: Token) -> tuple[str, int] | None:
    """"$3,950, a record", "$0.21 on Monday, its lowest since May", "at $X at the
    low": an extreme named just after (a short time adjunct may come between)."""
    doc, i, end = last.doc, last.i + 1, last.sent.end
    j = i
    for _ in range(2):  # up to two short adjuncts: "on Monday, its lowest", "on Binance on Sunday, another record"
        # (or a time with no preposition: "touched $15,632 last Wednesday, its lowest since 2020", "touched $3,122
        # a day earlier, its lowest level since September 2017")
        if j + 2 < end and doc[j].lower_ in ("a", "an", "one") and doc[j + 2].lower_ in _AGO:
            j += 3
            continue
        if j >= end or doc[j].pos_ != "ADP" and doc[j].lower_ not in _TIME_OPENERS:
            break
        j += 1
        while j < min(i + 9, end) and doc[j].pos_ in ("DET", "PROPN", "NOUN", "NUM", "ADJ") and not doc[j].is_currency:
            j += 1
    i = j if i < j < end and doc[j].text == "," else i
    if i >= end or doc[i].text != "," and doc[i].lower_ != "at":  # "changed hands at $X at the low"
        return None
    for t in doc[i + 1:min(i + 6, end)]:
        if t.is_punct and t.text != "-" or t.pos_ in ("VERB", "ADP", "SCONJ") or t.lower_ in _FRACTIONS:
            return None  # a fraction of an extreme is a comparison ("barely half its weekend peak"); a new clause
        named = extreme(t) if noun_cue(t.lower_) in ("high", "low", "record") else None
        k = t.i + 2 if t.i + 2 < end and doc[t.i + 1].lower_ == "of" else t.i + 1
        if named and k < end and (doc[k].text[:1].isdigit() or doc[k].is_currency):
            # "broke below 80k, low 76.6k", "..., while its 2011 high of $31.91": the extreme heads the next amount
            return None
        if named:
            return named
    return None


def _top_told(noun: Token) -> str | None:
    """"printed a wick at $0.52 ..., the top of the move": a wick the sentence calls a top or a bottom."""
    after = noun.doc[noun.i + 1:noun.sent.end].text.lower()
    return "high" if "the top of" in after else "low" if "the bottom of" in after else None


def record_context(verb: Token) -> tuple[str, int] | None:
    """A level hit in the clause of a record with no amount of its own is that record ("set its own
    record, tagging $4,460"; "New record: bitcoin hits $93,434")."""
    head = verb.head
    if head.i == verb.i or head.i > verb.i:
        return None
    named = [head] if head.pos_ in ("NOUN", "PROPN") else [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    for noun in named:
        between = noun.doc[noun.i + 1:verb.i]
        record = extreme(noun)
        if record and record[0] in ("ath", "atl") and not any(t.like_num or t.is_currency for t in between):
            return record
    return None
