"""The cue table for price kinds: which words of market copy signal which kind.

Market reports say what a price was by the word that governs the amount: the
verb ("fell to", "traded at", "opened at", "topped"), a noun the amount belongs
to ("a low of", "a record $X", "the $50,000 mark") or a preposition ("above",
"from"). These are properties of the genre, not of any one writer, so they live
in one declarative table of lemmas; ``cue_of`` maps any inflected form back to
its class. ``price_kinds`` reads the classes along the dependency path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# class -> lemmas (verbs unless noted). Phrasal uses ("top out", "climb back") are
# resolved in price_kinds from the particle, so each lemma has one class here.
CUE_LEMMAS: dict[str, str] = {
    # a move down or up: "to $X" names where it ended, the bottom or top of the move
    "fall": "fall drop slide slip sink tumble plunge dip ease decline crash slump retreat sag skid plummet "
            "collapse tank nosedive dive crater lose shed weaken fade undercut wick correct give sell halve "
            # (the trading desk's words for a fall; "dragged bitcoin to")
            "nuke dump bleed puke drag knock flush cascade capitulate",
    "rise": "rise climb jump surge soar rally advance spike gain add push pop leap rocket rip zoom squeeze "
            "run extend firm lift shoot double triple quadruple race propel boost pump",
    # a return towards an earlier level: a plain level (GUIDE rule 5)
    "recover": "recover rebound bounce return recoup pare trim claw retrace",
    # a round level crossed (GUIDE rule 3) when the amount is the object
    "cross": "cross break breach clear reclaim retake regain surpass top exceed pierce flip crack smash "
             "overtake vault punch blow pass",
    # an extreme reached, its kind given by the move around it
    "reach": "hit touch reach tag test print notch post log scale",
    # an extreme named by the verb
    "peak": "peak crest max",
    "bottom": "bottom trough",
    "open": "open reopen start begin",
    "close": "close end finish",
    # a move brought to a stop, its top or bottom named by the move ("stopped April's rally at $X",
    # "the sell-off stalled near $X")
    "halt": "stop stall cap halt stem fizzle falter",
    # a level giving way, when the amount is the subject ("And $48,000 goes too")
    "yield": "go crumble cave yield",
    # the amount as said or thought, not traded: a call written or spoken ("I remember writing
    # $80K"), a view of what comes ("I think $100,000 comes fast"); see ``mood``
    "say": "say write call tweet pencil predict forecast",
    "think": "think believe reckon suspect guess expect figure doubt fear wager",
    "settle": "settle",  # "settled at" a settlement (close), "settled around" a drift (spot)
    # a level held or quoted (GUIDE rule 5)
    "hold": "trade change hover sit stand be hold stay remain quote price last consolidate stabilize stabilise "
            "linger idle fetch exchange drift float see",
}
# nouns: the amount as a part of a named thing
NOUN_LEMMAS: dict[str, str] = {
    # (a chart's "rejection at $X" is its top)
    "high": "high highest strongest best peak top max maximum zenith summit rejection",
    "low": "low lowest weakest bottom trough nadir minimum",
    "record": "record ath",
    "open": "open opening",
    "close": "close closing settlement",
    # words standing for the amount itself ("the $50,000 mark"): read through them
    "mark": "mark level threshold handle line figure price area region territory barrier milestone round number",
    # a candle's spike beyond the body ("nuked to a wick at 24.8k"): an extreme, its side told by the move
    "wick": "wick",
    # a move named as a noun ("the slide to $X", "a rally to a record")
    "fall": "fall drop slide slump plunge decline dip selloff sell-off crash correction retreat tumble loss losses "
            "drawdown selling pullback washout flush profit-taking rout capitulation dump",
    "rise": "rise rally climb jump surge run spike gain gains advance rebound squeeze covering buying race push",
}
RECORD_WORDS = re.compile(r"\b(?:all-time|all time|record|lifetime|ath|high-water|historic(?:al)?)\b", re.I)
FRESH_WORDS = re.compile(r"\b(?:new|fresh)\b", re.I)
# "a new 18-month high" is no record: a period narrows a fresh high
PERIOD_WORDS = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]"
                          r"(?:day|week|month|year|session)s?\b|\b(?:weekly|monthly|yearly|daily|intraday|session|"
                          r"week|month|year|\d{4})\b", re.I)
LEVEL_PREPS = frozenset("above below under beneath over past through thru beyond across north south".split())
DOWN_WORDS = frozenset("down lower downward".split())
UP_WORDS = frozenset("up higher upward".split())
# verbs that move a coin without saying which way: the cause named before them does ("the sell-off sent bitcoin to")
CAUSATIVES = frozenset("send sends sent sending take takes took taken taking drive drives drove driven driving carry carries "
                       "carried carrying push pushes pushed pushing pull pulls pulled pulling bring brings brought".split())
APPROXIMATORS = frozenset("roughly nearly almost some approximately just only circa well".split())
# prepositions that may stand between a word and its amount ("a high near $X", "to about $X")
SOFT_PREPS = frozenset("near around about of as at".split())
PREPS = LEVEL_PREPS | SOFT_PREPS | {"to", "into", "from", "toward", "towards"}
# auxiliaries of a clause that does not report what happened ("a drop under $80,000 would tell me")
MODALS = frozenset("would could might may will should shall 'd 'll wo".split())
# Verbs of passing a level: a dated peak passed is the record then ("clearing its December 2017 peak")
PASSING_VERBS = frozenset(f"{stem}{end}" for stem in ("clear", "pass", "surpass", "exceed", "eclips")
                          for end in ("", "e", "ed", "es", "ing", "s")) | {"broke", "breaking", "topped", "topping", "beat",
                                                                          "beating", "overtook", "overtaking"}
MONTHS = frozenset("january february march april may june july august september october november december".split())
_IRREGULAR = {
    "fall": "fell fallen", "sink": "sank sunk", "rise": "rose risen", "lose": "lost", "shed": "shed",
    "hit": "hit", "break": "broke broken", "set": "set", "hold": "held", "stand": "stood", "sit": "sat",
    "leap": "leapt", "begin": "began begun", "run": "ran", "shoot": "shot", "slide": "slid", "give": "gave given",
    "see": "saw seen", "be": "is are was were been being 's", "blow": "blew blown", "retake": "retook retaken",
    "overtake": "overtook overtaken", "undercut": "undercutting", "dive": "dove",
    "end": "ended", "go": "goes went gone", "bleed": "bled", "trough": "troughed", "sell": "sold", "write": "wrote written",
    "think": "thought", "propel": "propelled propelling",
}
_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][bdgklmnprt]$")  # drop -> dropped, slip -> slipping


def _forms(lemma: str) -> set[str]:
    """A lemma's inflected forms (over-generation is harmless: the table is a lookup)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if _DOUBLING.match(lemma):
        stem = lemma + lemma[-1]
    third = lemma + "es" if re.search(r"(?:s|sh|ch|x|z)$", lemma) else (
        lemma[:-1] + "ies" if re.search(r"[^aeiou]y$", lemma) else lemma + "s")
    past = lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma) else stem + "ed"
    return {lemma, third, past, stem + "ing", *_IRREGULAR.get(lemma, "").split()}


def _plural(noun: str) -> set[str]:
    return {noun, noun + "es" if re.search(r"(?:s|sh|ch|x|z)$", noun) else noun + "s"}


def _table(lemmas: dict[str, str], forms: Callable[[str], set[str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for cls, words in lemmas.items():
        for word in words.split():
            for form in sorted(forms(word)):
                table.setdefault(form, cls)
    return table


_VERBS = _table(CUE_LEMMAS, _forms)
_NOUNS = _table(NOUN_LEMMAS, _plural)


def verb_cue(word: str) -> str | None:
    """The class of a verb form ("tumbled" -> "fall"), or None."""
    return _VERBS.get(word.lower())


def noun_cue(word: str) -> str | None:
    """The class of a noun or adjective form ("lows" -> "low", "highest" -> "high"), or None."""
    return _NOUNS.get(word.lower())


# A level the coin crossed, named after the amount ("the $10,000 level, which bitcoin cleared last week", "the
# $0.00006 level it broke through on Wednesday"): reached, and a `level`, whatever the sentence says of it next.
CROSSED_AFTER = re.compile(r"\s+(?:level|mark|line|threshold|handle),?\s+(?:which\s+|that\s+)?"
                           r"(?:it|the coin|the token|\w+) (?:had |has )?(?:cleared|broke|crossed|reclaimed|breached|topped|lost)\b",
                           re.I)


# An amount named in apposition as a past extreme or a session's price ("reclaim $78,370, the weekly open";
# "support at $1,330, the previous record"; "toward $10.10, the April 2025 low"; a list row's "$69,170:
# bitcoin's new all-time high"): the market was there, and the noun is its kind, even where the sentence
# around it watches the level. Only a definite article or a possessive names the amount: "above C$102,000,
# a record in local terms" tells what crossing it meant.
_NAMED_AFTER = re.compile(
    r"[,:]\s*(?:the|its|their|(?:last |this |previous )?[\w-]+['’]s(?: \([A-Z]{2,6}\))?) (?:(?:new|fresh|own|previous|prior|earlier|former|old|last|weekly|monthly|daily|yearly|annual|"
    r"quarterly|session|cycle|local|intraday|(?:early|mid|late)-[A-Z][a-z]+|[A-Z][a-z]+(?: \d{1,2})?|\d{4}|\d+-(?:day|week|month|year)|[\w-]+['’]s)\s+){0,3}"
    r"(?P<what>record(?: high)?|all-time high|high|peak|top|low|bottom|open|close)\b(?! (?:end|side|band|of the range))")
NAMED_KINDS = {"record": "ath", "record high": "ath", "all-time high": "ath", "all-time low": "atl", "high": "high",
               "peak": "high", "top": "high", "low": "low", "bottom": "low", "open": "open", "close": "close"}

# Time zones after a clock time ("09:10 UTC: The TRUMP memecoin slid"): a stamp, never a subject
TIME_ZONES = frozenset("utc gmt et est edt bst cet cest hkt jst kst sgt".split())

# A record's amount named as the record's, after the amount ("still below the 106.500 euros of the record set in
# January", "left behind the $3.40 of its January 2018 record"): the record, cited as reached.
OF_RECORD = re.compile(r"\s+of (?:its|the|their) (?:[\w-]+ ){0,3}?(?:record|all-time high)\b", re.I)

# the best or worst a coin managed, even in a hedged clause ("the best it could manage was $59,500"): a high or a low
BEST_MANAGED = re.compile(r"\bthe (?P<side>best|worst|highest|lowest) (?:it|the coin|\w+) (?:could|would) (?:manage|muster|do) was\s*$",
                          re.I)


def named_after(text: str, end: int) -> str | None:
    """The kind an apposition right after an amount ending at ``end`` names it by, or None."""
    m = _NAMED_AFTER.match(text, end)
    return NAMED_KINDS[m.group("what")] if m else None


# A support or floor the market broke is a level crossed (GUIDE, k- to m-series): told before the amount
# ("lost support at $3,000", "the breach of support at $130") or after it ("Support at $55,000 gave way",
# "the $140 floor gave way").
_SUPPORT_BROKEN = re.compile(r"\b(?:lost|losing|loses|broke|breaking|breached|breach of|cracked|cracking|sliced through|gave up|giving up)"
                             r" (?:its |the )?(?:[\w-]+ )?(?:support|floor)(?: level)? (?:at|near|around|of)\s*"
                             r"(?:about |around |roughly )?$|"
                             # a level the market could not hold ("failed to hold $3,000, slipping to $2,940")
                             r"\b(?:failed to|could not|couldn['’]t|did not|didn['’]t) hold(?: onto| on to)? (?:the )?"
                             r"(?:about |around )?$|"
                             # a side of one the market is on ("sank this Tuesday below the barrier of 6.000 dollars")
                             r"\b(?:below|above|through|under|beneath) (?:the |its )?(?:[\w-]+ )?(?:support|floor|barrier|"
                             r"resistance|ceiling)(?: level)? of\s*(?:about |around |roughly )?$", re.I)
_GAVE_WAY = re.compile(r"[\s,]+(?:(?:[\w-]+ )?(?:support|floor|level|mark|line|handle)(?: (?:on|for|in) [\w-]+)? )?"
                       r"(?:gave way|gives way|giving way|finally broke|cracked|failed to hold)\b", re.I)


def broken_support(text: str, start: int, end: int) -> bool:
    """The amount at ``start:end`` of ``text`` is a support or floor the market broke."""
    return bool(_SUPPORT_BROKEN.search(text, max(0, start - 45), start) or _GAVE_WAY.match(text, end))


def joined_word(t: Token) -> str:
    """The token with a hyphenated first half ("sell-off" is parsed as sell, -, off)."""
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_:
        return doc[t.i - 2:t.i + 1].text.lower()
    return t.lower_


def misread_verb(word: Token) -> bool:
    """A verb of a move or a crossing that the parser takes for a noun or an adjective: a headline's capitalised
    verb right after its coin ("Bitcoin Breaks $60,000", "Ether Slides $200"), or a verb after an emphatic "did"
    ("bitcoin did clear $70,000"). The verb still tells the kind."""
    if word.pos_ == "VERB" or word.i == word.sent.start or verb_cue(word.lower_) not in (
            "cross", "fall", "rise", "peak", "bottom"):
        return False
    before = word.doc[word.i - 1]
    return before.lower_ in ("did", "does", "do") or (
        before.ent_type_ == "ASSET" and word.text[:1].isupper() and word.lower_.endswith("s"))


_FORCED = frozenset({"squeeze", "squeezes", "liquidation", "liquidations", "flush", "wipeout"})


def named_move(noun: Token) -> str | None:
    """The move a noun names, itself or through "of" ("a wave of short covering", "a bout of selling")."""
    move = _squeezed(noun) or noun_cue(joined_word(noun))
    if move in ("fall", "rise"):
        return move
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (side := _squeezed(obj) or noun_cue(joined_word(obj))) in ("fall", "rise"):
                    return side
    return move


def _squeezed(noun: Token) -> str | None:
    """A squeeze or a wave of liquidations says which side was forced out: longs' is a fall ("a long squeeze
    sent it to $90,800", "a cascade of long liquidations"), shorts' a rise (the parse of "a squeeze on longs" is
    too loose to read)."""
    if noun.lower_ not in _FORCED:
        return None
    sides = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    return "fall" if sides & {"long", "longs"} else "rise" if sides & {"short", "shorts"} else None
