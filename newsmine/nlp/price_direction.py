"""Which way the market was moving when it reached a price: the side of a level it hit.

"hit $X" or "touched $X" names an extreme without saying which: at the end of
a fall it is a low, at the top of a rally a high. The words around the verb
tell the move (the clause before it, its own clause, a turn after it, or the
sentence before in the same paragraph); ``price_kinds`` asks here when its
verb or noun leaves the side open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmine.nlp.numbers import to_number
from newsmine.nlp.price_cues import DOWN_WORDS, TIME_ZONES, UP_WORDS, joined_word, noun_cue, verb_cue

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_HAND = frozenset({"hand", "hands", "handed", "handing"})  # "handed back its gains": a fall
_SIDES = {"below": "fall", "under": "fall", "beneath": "fall", "above": "rise", "over": "rise"}
_EXTREME_SIDE = {"low": "low", "bottom": "low", "high": "high", "peak": "high"}
# a clock's zone is no subject of its own ("printed $8,200 at 1:08 p.m. New York time, then snapped back")
_ZONES = TIME_ZONES | {"time"}

def _way(t: Token, extremes: bool = False) -> str | None:
    """The direction a word tells; with ``extremes``, a named extreme too ("to a low of")."""
    cls = verb_cue(t.lower_) if t.pos_ in ("VERB", "AUX") else noun_cue(joined_word(t))  # ("the sell-off")
    if t.pos_ == "VERB":
        # a move named as the subject says which way its verb went ("the sell-off ran for six hours")
        cls = next((m for c in t.children if c.dep_ == "nsubj" and (m := noun_cue(joined_word(c))) in ("fall", "rise")), cls)
    if t.lower_ in _HAND and any(c.dep_ == "prt" and c.lower_ == "back" for c in t.children):
        cls = "fall"  # "then handed back almost everything it had gained"
    if cls == "cross":  # a level crossed on the way down or up ("broke below $30,000", "cleared above")
        side = next((c.lower_ for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ in _SIDES), None)
        cls = _SIDES.get(side, cls)
    if cls == "fall" or t.lower_ in DOWN_WORDS or extremes and cls == "low" and t.pos_ == "NOUN":
        return "low"
    return "high" if cls == "rise" or t.lower_ in UP_WORDS or extremes and cls == "high" and t.pos_ == "NOUN" else None


def direction(verb: Token, extremes: bool = False) -> str | None:
    """A level hit at the end of a fall is a low, at the top of a rally a high. The
    move that led there (before the verb) or goes with it (its own clause) says
    which; failing those, a move after it ("touched $X before easing") turned from it."""
    turned = _turned_after(verb) or _moved_since(verb) or _against_now(verb)
    if turned:
        return turned
    # (not a later verb the parser hangs on it: "touched $3,000, then slid to" is a turn, not the same move)
    own = {t.i for t in verb.subtree} - {t.i for c in verb.children
                                         if c.dep_ == "conj" or c.dep_ == "dep" and c.pos_ == "VERB" for t in c.subtree}
    for t in verb.children:
        if t.dep_ == "prep" and t.lower_ in ("before", "after"):
            own -= {x.i for x in t.subtree}
    sent = verb.sent
    earlier = [w for t in sent if t.i < verb.i and (w := _way(t, extremes))]
    if earlier:
        return earlier[-1]
    within = [w for t in sent if t.i > verb.i and t.i in own and (w := _way(t, extremes))]
    if within:
        return within[0]
    # a participle joined to the verb tells the same move, not a turn from it ("hitting 41 cents for the first time
    # since 2021 and gaining 155% in a week"; "touching $X and then falling" is a turn)
    same = [w for t in verb.children if t.dep_ == "conj" and t.tag_ == "VBG" and verb.tag_ == "VBG"
            and not any(c.lower_ in ("then", "back") for c in t.children) and (w := _way(t, extremes))]
    if same:
        return same[0]
    # another venue's extreme told beside it is the same side ("touched $3,596 on BitMEX, while the lowest trade
    # on Coinbase was $3,858 and Bitstamp bottomed near $3,867")
    # on either side of the "while" ("Bitcoin bottoms at US$19,628, its lowest since mid-January, while ether
    # touches US$1,368")
    inside = {t.i for t in verb.subtree}
    other = [t for c in verb.children if _while(c) for t in c.subtree] + (
        [t for t in verb.head.subtree if t.i not in inside] if _while(verb) else [])
    beside = [w for t in other if (w := _EXTREME_SIDE.get(noun_cue(t.lower_) or verb_cue(t.lower_)))]
    if beside:
        return beside[0]
    # only a verb tells a move away from the level: "and SHIB up 40%" is another coin's move; a bounce
    # or a recovery after it is a move up ("touched $X before bouncing to")
    # (not another clause's own subject: "bitcoin touched roughly 30K and ether went as low as $1,900")
    later = [w for t in sent if t.i > verb.i and t.pos_ in ("VERB", "AUX") and not _own_subject(t, verb)
             and (w := _way(t, extremes) or _up_again(t) or _back_to(t, verb))]
    return {"low": "high", "high": "low"}[later[0]] if later else None


def _while(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "while" for m in clause.children)


def _turned_after(verb: Token) -> str | None:
    """A level touched before the move the clause tells, beyond where that move went ("slipping below
    $1,250 after touching $1,351": the top it turned from). A level past the move's own end ("lost 27%,
    to a close of $2,440, after touching $1,900") was part of it and is left to the other rules."""
    if not (verb.dep_ == "pcomp" and verb.head.lower_ == "after"):
        return None
    head = verb.head.head
    way = _way(head)
    # (the parser may hang the amount on a time word: "after touching $3,820 earlier on Tuesday")
    touched = [_number(t) for t in verb.subtree if t.dep_ in ("dobj", "pobj", "npadvmod")]
    if way is None or not touched or touched[0] is None:
        return None
    after = {t.i for t in verb.head.subtree}
    moved = [v for t in head.subtree if t.i not in after and (v := _number(t)) is not None]
    if any(v < touched[0] for v in moved) if way == "low" else any(v > touched[0] for v in moved):
        return {"low": "high", "high": "low"}[way]
    return None


def _against_now(verb: Token) -> str | None:
    """A level touched, told beside where the coin is quoted now ("XRP, which touched $2.90 on Tuesday, was
    trading at $2.38"; "was up 1.2% on the day at $4,310, having touched $4,065 overnight"; "hit $0.0280 that
    weekend and fetches about $0.0128 today"): above that quote it was the top, below it the bottom."""
    touched = next((v for t in verb.children
                    if t.dep_ in ("dobj", "npadvmod") or t.dep_ == "prep" and t.lower_ in ("at", "to")
                    for x in t.subtree if (v := _number(x))), None)
    if touched is None:
        return None
    holds = [c for c in verb.children if c.dep_ == "conj" and verb_cue(c.lower_) == "hold"]
    # (after a relative clause, the verb that follows it, however the parser hangs the two)
    head = next((t for t in verb.doc[verb.right_edge.i + 1:verb.sent.end] if t.pos_ == "VERB"), None) \
        if verb.dep_ == "relcl" else verb.head if verb.dep_ in ("advcl", "conj") else None
    if head is not None and verb_cue(head.lower_) == "hold":
        holds.append(head)
    inside = {t.i for t in verb.subtree}
    for hold in holds:
        now = next((v for t in hold.subtree if t.i not in inside and (v := _number(t))), None)
        # (the same currency: "touched 101.3 million won, or about $77,100" is one level)
        if now is not None and 0.2 < touched / now < 5 and now != touched:
            return "high" if touched > now else "low"
    return None


def against_the_rest(verb: Token) -> str | None:
    """The amount a relative clause says the coin reached, told above all the sentence's other prices ("far from
    the $70,000 it reached in July", "giving up the $4,090 it reached on Tuesday"): the top it came down from,
    whichever way the sentence's own move went. (One below them is as often a record passed, "topping the
    $68,990 it reached in 2021", or a lesser peak beside a record, so it is left to the other rules.)"""
    head = verb.head
    touched = _number(head) or next((v for c in head.children if c.dep_ == "nummod" and (v := _number(c))), None)
    if touched is None:
        return None
    # (the same currency and scale: a percentage or a date is no price beside it)
    others = [v for t in verb.sent
              if t.head.i != head.i and t.i != head.i and (v := _number(t)) and 0.2 < touched / v < 5]
    if not others:
        return None
    return "high" if touched > max(others) else None


def _moved_since(verb: Token) -> str | None:
    """A level hit where the clause's move started ("has risen every day since touching $53,600", "has
    fallen 8% since it hit $3,560"): the start of a rise is its low, of a fall its high."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "since":
        head = verb.head.head
    elif verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        head = verb.head
    else:
        return None
    way = _way(head)
    return {"low": "high", "high": "low"}[way] if way else None


def _back_to(later: Token, verb: Token) -> str | None:
    """A return with no direction of its own ("then snapped back to around $65,000") went the way from the level
    ``verb`` touched to the one it returned to."""
    if not any(c.lower_ == "back" for c in later.children):
        return None
    touched = next((v for t in verb.children if t.dep_ == "dobj" for x in t.subtree if (v := _number(x))), None)
    back = next((v for p in later.children if p.dep_ == "prep" and p.lower_ == "to" for t in p.subtree
                 if (v := _number(t))), None)
    if touched is None or back is None or back == touched:
        return None
    return "high" if back > touched else "low"


def _number(t: Token) -> float | None:
    """The value of a number token, not a percentage's ("lost 27%" moved no level to 27)."""
    if not t.like_num or t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("%", "percent", "per"):
        return None
    return to_number(t.text)


def _own_subject(later: Token, verb: Token) -> bool:
    """``later`` has a subject of its own, other than one pointing back ("it", "which") or the coin whose
    relative clause holds ``verb`` ("Ether, which touched $1,071, rose 14% from that low")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "which", "that", "who") and c.i != verb.head.i
               and c.lower_ not in _ZONES for c in later.children)


def _up_again(t: Token) -> str | None:
    """A recovery verb is a move up; "retrace" is the way back from a top."""
    return "high" if verb_cue(t.lower_) == "recover" and not t.lower_.startswith("retrac") else None


def previous_way(sent: Span) -> str | None:
    """The move the sentence before told, for a sentence that tells none: a thread or a report
    goes on about the same move ("... to a low of $104,780. On Binance the perp printed $102,000";
    "touched $28,470 before easing. In euro terms it hit €26,500")."""
    prev = sent
    while prev.start > 0 and (prev is sent or len(prev) < 3):  # past a post number ("6/")
        prev = _sentence_before(prev)
    lead = len(sent.text) - len(sent.text.lstrip())
    # the text from the sentence before up to this one's first word (``Doc.text`` would join the whole document)
    if prev is sent or "\n\n" in sent.doc[prev.start:sent.start].text_with_ws + sent.text[:lead]:
        return None  # a new paragraph starts a new story
    # (a verb joined to the root tells the sentence's move, not a turn from it: "Ethereum had an even worse
    # performance and lost the US$ 1.000"; "and then rebounded" does turn)
    joined = (w for c in prev.root.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and not any(x.lower_ in ("then", "back") for x in c.children) and (w := _way(c, extremes=True)))
    return _way(prev.root, extremes=True) or next(joined, None) or direction(prev.root, extremes=True)  # "Ether climbed above ..."


def _sentence_before(sent: Span) -> Span:
    """The sentence that ends where ``sent`` starts (``Token.sent`` would scan the whole document)."""
    doc, i = sent.doc, sent.start - 1
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return doc[i:sent.start]
