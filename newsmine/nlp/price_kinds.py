"""The kind of a price (spot, high, low, ath, atl, open, close, level) from the parse.

Whatever the outlet, a market report says what a price was through the words
that govern the amount, not through its neighbours: in "bitcoin, which had
drifted for a week, dropped sharply on Tuesday in Asia to $31,444" the cue is
"dropped ... to", six words away. So the rules climb the dependency tree from
the amount, through its preposition and any noun it belongs to ("a low of",
"the $50,000 mark"), to the verb of its clause, and read each word's class in
``price_cues``. The first decisive word on the way wins, and competing signals
are ranked in the GUIDE's order: a record (or open/close) before a named
extreme, before a level crossed, before the direction of a move, before a plain
level (spot).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import (APPROXIMATORS, CAUSATIVES, DOWN_WORDS, LEVEL_PREPS, PREPS, SOFT_PREPS, UP_WORDS, joined_word,
                                     misread_verb, named_move, noun_cue, verb_cue)
from newsmine.nlp.price_direction import against_the_rest, direction, previous_way
from newsmine.nlp.price_extremes import NOMINAL, RANK, apposition, extreme, named_price, record_context
from newsmine.nlp.price_rows import row_kind
from newsmine.nlp.price_sessions import by_the_close, is_session, opened, opened_session
from newsmine.nlp.subjects import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsmine.nlp.view import SentView

SPOT = ("spot", RANK["spot"])
_PLAIN_AT = frozenset({"at", "near", "around", "about"})
_NAMED = frozenset({"high", "low", "record", "open", "close", "wick"})
# "traded for as little as $0.08", "quoting as much as $1,242", "as cheap as 0.935 ETH": how far a price went, like "as low as"
_AS_FAR = {"little": ("low", RANK["named"]), "cheap": ("low", RANK["named"]), "much": ("high", RANK["named"])}
_COIN_NOUNS = frozenset("the token tokens coin coins".split())

_COIN_SUBJECTS = frozenset({"it", "token", "coin"})  # "the $3,020 the token traded at"
_DESTINATION = frozenset({"to", "into", "as", None})  # "fell to", "sank as low as", "topped $X"
_TURNS = frozenset({"reverse", "reversed", "reversing", "rejected", "turned", "retreated", "pulled"})
_PULLS = frozenset({"pull", "pulls", "pulled", "pulling"})
_WHEN = frozenset("yesterday today week month year quarter session day weekend".split())
_NOW = frozenset({"now", "currently", "current", "present"})  # ("..., now 79.2k", "well below its current $57,000")


def amount_tokens(sent: SentView, start: int, end: int) -> tuple[list[Token], Token] | None:
    """The tokens of the amount at ``start:end`` of ``sent`` and the one heading them
    ("$", "80", "K" is headed by "K"); None without a parse."""
    if sent.parse is None:
        return None
    # every token the amount overlaps: an amount starts and ends on a character of a token
    span = sent.parse.doc.char_span(sent.doc_start + start, sent.doc_start + end, alignment_mode="expand")
    if not span:
        return None
    tokens = list(span)
    inside = {t.i for t in tokens}
    return tokens, next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def parse_kind(sent: SentView, start: int, end: int) -> tuple[str, int] | None:
    """(kind, GUIDE rank) of the amount at ``start:end`` of ``sent``; None without a parse."""
    found_tokens = amount_tokens(sent, start, end)
    if found_tokens is None:
        return None
    tokens, head = found_tokens
    found = _walk(head, tokens, {t.i for t in tokens})
    after = apposition(tokens[-1])
    if found and found[0] == "level" and after and (after[0] in ("ath", "atl") or tokens[-1].nbor(1).lower_ == "at"):
        # "traded above C$102,000, a record", "dipped below $100 at Monday's lows": the level crossed; the
        # record or the low lies beyond it
        after = None
    kind = min(filter(None, (found, after)), key=lambda kr: kr[1], default=SPOT)
    if kind == SPOT or kind[1] == RANK["move"] and _noun_move_before(tokens[0]):
        # (a move named as a noun just before "to" is the amount's, whatever the clause's verb: "gold's gain
        # contrasted with bitcoin's slide to $55,800")
        return _move_before(tokens[0]) or kind
    return kind


def _told_return(word: Token) -> bool:
    """A headline's verb of return that the parser takes for a noun ("Bitcoin Rebounds to $57K"): the GUIDE's
    "rebounded to" is a plain level, not the top of a rise."""
    return verb_cue(word.lower_) == "recover" and word.lower_.endswith(("s", "ed"))


def _noun_move_before(first: Token) -> bool:
    surface, _ = _before(first)
    return surface is not None and surface.lower_ in ("to", "into") and surface.i > first.sent.start and (
        surface.doc[surface.i - 1].pos_ == "NOUN" and noun_cue(surface.doc[surface.i - 1].lower_) in ("fall", "rise"))


def _before(first: Token) -> tuple[Token | None, Token | None]:
    """(preposition, noun) written just before the amount: "fell to about $X" gives
    "to"; "a weekend high near $X", "a record $X", "as low as $X" give the noun."""
    doc, i, floor = first.doc, first.i - 1, first.sent.start
    while i >= floor and doc[i].lower_ in APPROXIMATORS:
        i -= 1
    if i < floor:
        return None, None
    if doc[i].lower_ in SOFT_PREPS:
        j = i - 1
        while j >= floor and doc[j].lower_ in APPROXIMATORS:
            j -= 1
        if j >= floor and doc[j].lower_ in PREPS - SOFT_PREPS:
            return doc[j], None  # "to near $X", "from about $X"
        if j > floor and doc[j].text == "," and noun_cue(doc[j - 1].lower_) in ("high", "low", "record"):
            j -= 1  # the GUIDE's "the June lows, near $17,600": the extreme, then where it was
        if j >= floor and (noun_cue(doc[j].lower_) in ("high", "low", "record", "open", "close", "wick")
                           or doc[i].lower_ == "as" and doc[j].lower_ in _AS_FAR):
            return doc[i], doc[j]
        return doc[i], None
    if doc[i].lower_ in PREPS and doc[i].pos_ in ("ADP", "PART", "SCONJ", "ADV"):
        # "printed a wick to $3,596": the wick's end, whatever the parser hangs the amount on
        wick = doc[i - 1] if i > floor and doc[i].lower_ in ("to", "into") else None
        return doc[i], wick if wick is not None and noun_cue(wick.lower_) == "wick" and wick.pos_ == "NOUN" else None
    # a row's "record $126,200" or "high $3.65" names the amount whatever tag the parser gives the word
    # (not a verb that reads like one: "Solana tops $150" crosses it)
    named = doc[i].pos_ in ("NOUN", "ADJ", "PROPN") or noun_cue(doc[i].lower_) in ("record", "high", "low") and not (
        doc[i].pos_ == "VERB" and verb_cue(doc[i].lower_))
    return None, doc[i] if named else None


def _walk(head: Token, tokens: list[Token], inside: set[int]) -> tuple[str, int] | None:
    """Climb from the amount to its clause's verb. A named extreme or record on the
    way is kept and weighed against the verb by GUIDE rank ("closed off the lows at
    $X" is a close); a level preposition met before any of them ends the climb ("a
    record above $X" is the level crossed)."""
    first = tokens[0]
    row = row_kind(first, tokens[-1])
    if row is not None:
        return row
    surface, noun = _before(first)
    if surface is not None and surface.lower_ in _PLAIN_AT and (_with_coin(surface) or _coin_trading(surface)):
        return SPOT  # "..., with the token at $0.11": where a coin stands, not the clause's record or close
    if surface is None and first.i > first.sent.start and first.doc[first.i - 1].lower_ in _NOW:
        return SPOT  # a digest fragment "..., now 79.2k": where it stands, whatever verb came before
    if noun is not None and misread_verb(noun):
        return _by_class(verb_cue(noun.lower_), None, noun)
    best = (_AS_FAR.get(noun.lower_) or extreme(noun)) if noun is not None else None
    for t in tokens:
        # (also right after it: "topping the $4,860 high reached in 2021")
        for child in (*t.lefts, *(c for c in t.rights if c.i == tokens[-1].i + 1)):
            if best is None and child.i not in inside and child.dep_ in ("amod", "compound", "nmod", "npadvmod"):
                best = extreme(child)
    reached = next((c for c in head.rights if c.dep_ == "relcl" and verb_cue(c.lower_) == "reach"), None)
    if reached is not None and (side := against_the_rest(reached)):
        return _better(best, (side, RANK["move"]))  # "far from the $70,000 it reached in July"
    link = surface.lower_ if surface is not None else None
    node = prep = surface or head
    for _ in range(12):  # a clause is never deeper; the bound keeps odd parses cheap
        if link in LEVEL_PREPS:
            if opened_session(clause_head(head)):
                return "open", RANK["open"]  # GUIDE rule 1 before rule 3: "opening the year just under $10"
            measured = _measured(prep) or _told_by_clause(prep, head)
            return _better(best, _reference(head, link) if measured else ("level", RANK["level"]))
        parent = node.head
        if parent.i == node.i:
            return best
        if parent.pos_ == "VERB" and parent.dep_ == "pobj" and noun_cue(parent.lower_) == "mark":
            pass  # a mark the parser takes for a verb ("back above the $4,000 handle"): on to its preposition
        elif parent.pos_ == "ADP" and parent.i not in inside:
            prep = prep if link else parent
            link = link or parent.lower_
        elif parent.pos_ in ("VERB", "AUX"):
            if node.dep_ == "nsubj" and verb_cue(parent.lower_) in ("yield", "fall", "cross"):
                return _better(best, ("level", RANK["level"]))  # "$48,000 goes too", "the $30,000 mark fell"
            return _better(best, _verb_kind(parent, link, first))
        elif parent.pos_ in NOMINAL and parent.i not in inside:
            # (or its extreme told after it, which the parser may hang on a word between: "a $53,550 intraday low")
            own = extreme(parent) or named_price(parent) or next(
                (e for c in parent.rights if c.dep_ == "amod" and (e := extreme(c))), None)
            if own is None and link == "of" and parent.lower_ in ("price", "level") and any(
                    c.dep_ == "poss" or c.lower_ in _NOW for c in parent.children):
                return _better(best, SPOT)  # "well above Monday's price of $0.43": the price named as such
            # a session's verb whose "at" holds the extreme ("closed at the day's low of $2,960"): GUIDE rule 1 first
            verb = parent.head.head if parent.dep_ == "pobj" and parent.head.lower_ in ("at", "near", "around") else None
            if own is not None and own[0] in ("high", "low") and verb is not None and (
                    verb_cue(verb.lower_) in ("open", "close") or verb.lower_ in ("finished", "ended", "settled")):
                return ("close", RANK["close"]) if verb_cue(verb.lower_) != "open" else ("open", RANK["open"])
            if own is not None and link == "from" and own[0] in ("high", "low"):
                return _better(best, SPOT)  # "tumbled as low as $3,010 from around $3,950": where the move began
            if own is not None:  # the amount belongs to a named extreme ("high $3.65", "its opening price of $X")
                return _better(best, own)
            if parent.pos_ == "ADJ" and verb_cue(parent.lower_) in ("fall", "rise", "peak", "bottom"):
                # a participle the parser tags as an adjective ("wBETH, wicked to about $430", "the pair bottomed at")
                return _better(best, _verb_kind(parent, link, first))
            cls = noun_cue(parent.lower_)
            if cls == "mark" and link == "of":
                link = None  # "below the mark of 4,000 euros" reads as "below the 4,000-euro mark"
            if cls == "rise" and _told_return(parent):
                return _better(best, SPOT)
            if cls in ("fall", "rise") and link in ("to", "into"):
                return _better(best, ("low" if cls == "fall" else "high", RANK["move"]))
        node = parent
    return best


def _with_coin(prep: Token) -> bool:
    """``prep`` ends an absolute phrase "with <a few words> at" ("with ADA at", "with the token near"): the
    parser may hang the preposition on the main verb, so the words are read as written."""
    doc, floor = prep.doc, prep.sent.start
    for i in range(prep.i - 1, max(floor, prep.i - 4) - 1, -1):
        if doc[i].lower_ == "with":  # a phrase of its own, after a comma or opening the sentence ("We hit record
            return i < prep.i - 1 and (i == floor or doc[i - 1].is_punct)  # with BTC at $90.5K" is the record)
        if doc[i].like_num or doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX") or noun_cue(doc[i].lower_) in _NAMED:
            return False  # (nor a named extreme: "with the January low near $28,800")
    return False


def _coin_trading(prep: Token) -> bool:
    """A coin "trading" at the amount ("and bitcoin trading around $57,900"), which the parser may join to
    another coin's record or to an extreme the move started from ("ether climbing to a record $4,190 ... and
    bitcoin trading around"; "up 24 percent from its low and trading near $3,680")."""
    doc = prep.doc
    return prep.i >= 2 and doc[prep.i - 1].lower_ == "trading" and (
        doc[prep.i - 2].ent_type_ == "ASSET" or doc[prep.i - 2].lower_ in ("and", ","))


def _measured(prep: Token) -> bool:
    """"some 11% below the $71,900 it reached", "$2,000 above": a distance from a reference level,
    which the market did not cross."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else prep
    return before.text in ("%", "percent") or before.like_num


def _told_by_clause(prep: Token, head: Token) -> bool:
    """"far below the roughly $21,000 it fetched": a relative clause about the coin says where the market
    was; the amount is a reference, not a level crossed ("off the levels above $70,000 it had held" crossed one)."""
    after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else prep
    about_coin = (c for c in head.children if c.dep_ == "relcl")
    return after.lower_ == "the" and any(s.dep_ == "nsubj" and (s.lower_ in _COIN_SUBJECTS or s.ent_type_ == "ASSET")
                                         for c in about_coin for s in c.children)


def _reference(head: Token, link: str) -> tuple[str, int]:
    """The kind of a level a price is measured from: one the market reached (its relative clause
    says so: "the $71,900 it reached") is the top it is now below, or the bottom it is now above."""
    reached = any(c.dep_ == "relcl" and verb_cue(c.lower_) in ("reach", "peak", "bottom", "rise", "fall")
                  for c in head.children)
    if not reached:
        return SPOT
    return ("high" if link in ("below", "under", "beneath", "south") else "low"), RANK["move"]


def _moved_to_extreme(verb: Token, first: Token) -> tuple[str, int] | None:
    """The extreme a move went to, named before its amount ("dropped to its lowest since March at"), or
    the one a coin stood at after a fronted amount ("At $53,900, bitcoin was at its lowest since")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    return extreme(noun) or named_price(noun)
    if first.i < verb.i and verb_cue(verb.lower_) not in ("open", "close"):
        # (a session's verb keeps GUIDE rule 1: "At $X, bitcoin closed at its highest since May" is the close)
        return next((e for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "at" and prep.i > verb.i
                     for noun in prep.children if noun.dep_ == "pobj" and (e := extreme(noun))), None)
    return None


def _move_before(first: Token) -> tuple[str, int] | None:
    """A move written just before "to" and its amount, whatever the parse made of it ("bitcoin's slide to
    $17,600" with "to" hung on another verb, "ether spiked briefly to $148" with "spiked" read as an adjective)."""
    surface, _ = _before(first)
    if surface is None or surface.lower_ not in ("to", "into"):
        return None
    doc, i = first.doc, surface.i - 1
    while i > first.sent.start and doc[i].lower_.endswith("ly") and not verb_cue(doc[i].lower_) and not noun_cue(
            doc[i].lower_):
        i -= 1  # "spiked briefly to"
    j = i
    while j > first.sent.start and (doc[j].like_num or doc[j].is_currency or doc[j].lower_ in APPROXIMATORS | {"around", "about"}):
        j -= 1
    if j < i and doc[j].lower_ == "from":
        i = j - 1  # "dragged bitcoin from around $54,800 to about $46,000": the move before its start
    if i < first.sent.start:
        return None
    if doc[i].ent_type_ == "ASSET" or doc[i].lower_ in _COIN_NOUNS and i > first.sent.start and doc[i - 1].ent_type_ == "ASSET":
        return _caused_move(doc[first.sent.start:i + 1])
    if _told_return(doc[i]):
        return None
    # (a coin's verb the parser takes for a noun: "SOL rips to $152")
    cls = (noun_cue if doc[i].pos_ == "NOUN" else verb_cue)(doc[i].lower_) or (
        verb_cue(doc[i].lower_) if i > first.sent.start and doc[i - 1].ent_type_ == "ASSET" else None)
    return ("low" if cls == "fall" else "high", RANK["move"]) if cls in ("fall", "rise") else None


def _caused_move(words: Span) -> tuple[str, int] | None:
    """A move that ``words`` (a sentence up to the coin moved, "A late rally lifted the SOL token") say
    something caused, whatever the parse: a move named before a causative verb ("the sell-off sent
    bitcoin to"), else the verb before the coin if it has a direction ("dragged cardano to")."""
    i = words.end - 1
    while i > words.start and (words.doc[i].ent_type_ == "ASSET" or words.doc[i].lower_ in _COIN_NOUNS):
        i -= 1  # back over "the SOL token"
    verb = words.doc[i]
    cls = verb_cue(verb.lower_)
    if verb.lower_ in CAUSATIVES:  # "the sell-off pushed bitcoin to": the cause over the verb
        causes = (noun_cue(joined_word(t)) for t in reversed(words.doc[words.start:i]))
        cls = next((m for m in causes if m in ("fall", "rise")), cls)
    return ("low" if cls == "fall" else "high", RANK["move"]) if cls in ("fall", "rise") else None


def _better(a: tuple[str, int] | None, b: tuple[str, int]) -> tuple[str, int]:
    return b if a is None or b[1] < a[1] else a


def _verb_kind(verb: Token, link: str | None, first: Token) -> tuple[str, int]:
    """What the amount's verb and its preposition say."""
    cls = verb_cue(verb.lower_)
    children = list(verb.children)  # (spaCy walks the verb's whole subtree span for them: once, not twice)
    words = {c.lower_ for c in children if c.dep_ in ("prt", "advmod", "acomp")}
    for c in children:
        role = c.dep_
        if c.tag_ in ("WDT", "WP") and role == "nsubj" and c.i > 0 and c.doc[c.i - 1].pos_ == "NOUN":
            c = c.doc[c.i - 1]  # "a rally that had carried it to $88,500": the rally is the subject
        if role == "nsubj" and cls in ("open", "close") and named_move(c) in ("fall", "rise"):
            cls = None  # "The slide began on Thursday with the coin near $7,900": a move began, no session opened
            continue
        if role == "nsubj" and link in ("to", "into") and noun_cue(c.lower_) == "wick" and (named := extreme(c)):
            return named  # "the wick went deeper still, to $101,500": where the wick ended
        if verb.i < c.i < first.i and c.lower_.endswith("ing") and verb_cue(c.lower_) in ("fall", "rise"):
            cls = verb_cue(c.lower_)  # "sent cardano tumbling to $0.38": the participle is the move
            continue
        # a move that is the subject says which way the clause went, whatever a rising or plain verb says
        # ("the sell-off sent bitcoin to $X", "a wave of short covering pushed ether to", "the slide extended to")
        if role == "dobj" and c.i < first.i or role in ("nsubj", "nsubjpass") and cls in (None, "hold", "halt", "rise"):
            # (or its superlative: "hit its lowest level of the year at 33.9 cents"; an extreme told with
            # its time, "Solana's low yesterday was"; a session's price, "Bitcoin's opening price for the year was")
            named = extreme(c) or next((e for x in c.children if x.dep_ == "amod" and (
                x.tag_ == "JJS" or c.lower_ in _WHEN) and (e := extreme(x))), None) or (
                named_price(c) if role == "nsubj" and link is None else None)
            if named and link in (None, "at", "near", "around", "of", "about"):
                return named  # "set a record at $X", "the low was $3,120", "its high was $X"
            move = named_move(c)
            if move in ("fall", "rise") and cls == "halt":
                cls = "bottom" if move == "fall" else "peak"  # "capped the rally at", "the slide stalled near"
            elif move in ("fall", "rise") and cls in (None, "rise"):
                cls = move  # "extended losses to", "the sell-off took the price to"
    if link in (None, "at", "near", "around", "about"):
        clause = verb.dep_ in ("acl", "relcl")
        named = extreme(verb.head) if clause else _moved_to_extreme(verb, first) if link is not None else None
        if named:
            # "bitcoin's record, set in January at about $109,000", "fell to its lowest since March at $X":
            # the amount is that extreme
            return named
    what = opened(verb) if cls in ("open", "close") else None
    if what is not None and what.pos_ == "NOUN" and (what.i < first.i or verb.i > first.i) and not is_session(what):
        # "would open a run toward the June low", "closed the segment with bitcoin at": no session; nor the
        # door a breach of support "at $130 ... opened" after its amount
        cls = None
    if "out" in words and cls in ("cross", "peak", "bottom"):
        cls = "bottom" if cls == "bottom" else "peak"  # "topped out at", "bottomed out near"
    if cls == "cross" and verb.lower_.startswith("top") and link in ("at", "near", "around"):
        cls = "peak"  # "topped at $X" names the top
    if "last" in words and cls == "reach":
        cls = None  # "last printed 148.62", "last touched": where it was last (GUIDE: "was last at" is `spot`)
    if "back" in words and cls in ("rise", "recover", "settle"):
        cls = "recover"  # "climbed back to", "settled back near": a return, not a top
    elif "back" in words and verb.lower_ in _PULLS:
        # "pulling back to US$2.70": a pullback, down to its low; "buyers pulled it back to $5,640": a return,
        # unless a fall is what pulled it ("profit-taking pulled it back to")
        pulled = any(c.dep_ == "dobj" and (c.lower_ in _COIN_SUBJECTS | {"price"} or c.ent_type_ == "ASSET")
                     for c in children)
        by_fall = any(c.dep_ == "nsubj" and named_move(c) == "fall" for c in children)
        cls = "recover" if pulled and not by_fall else "fall"
    if link in ("to", "into") and cls in (None, "hold", "reach", "yield", "rise"):
        # "ticks up to $X", "pushed bitcoin down to $X": the particle says which way (it may be parsed as
        # the amount's modifier); a fall stays one ("gave up $2,400 to $61,150")
        heads = words | {c.lower_ for c in first.doc[verb.i:first.i] if c.dep_ in ("advmod", "prt", "quantmod", "prep")}
        cls = "fall" if heads & DOWN_WORDS else "rise" if heads & UP_WORDS else cls
    kind = _by_class(cls, link, verb)
    if kind[0] in ("low", "high", "spot") and by_the_close(verb, first, kind == SPOT):
        return "close", RANK["close"]
    return kind


def _by_class(cls: str | None, link: str | None, verb: Token) -> tuple[str, int]:
    if link == "from":
        return ("high", RANK["named"]) if verb.lower_ in _TURNS else SPOT  # "reversed from $69,050": a top
    if cls in ("open", "close") or cls == "settle" and link == "at":
        return ("open", RANK["open"]) if cls == "open" else ("close", RANK["close"])
    if cls == "peak":
        return "high", RANK["named"]
    if cls == "bottom":
        return "low", RANK["named"]
    if cls == "cross":
        return "level", RANK["level"]
    if cls == "reach":
        return record_context(verb) or (direction(verb) or previous_way(verb.sent) or "high", RANK["move"])
    if cls in ("fall", "rise") and link in _DESTINATION:
        return ("low" if cls == "fall" else "high"), RANK["move"]
    return SPOT
