"""Which amounts inside a quotation are market facts.

Speakers mostly forecast, set conditions and talk about their own trades ("until
$26,000 gives way", "I was a buyer at $44,000", "$150,000 is a reasonable base
case"), so a quoted amount is no price by default. A speaker telling what the
market did is reporting a fact like the writer would ("We went from 83K to 74K in
a weekend", "when ether bottomed at $1,385", "Bitcoin was at 76K when the post
landed"): a verb of movement or position in the simple past, governing the amount
directly, with the coin, "it" or "we" (the market) as its subject, and nothing
conditional or forward-looking in the sentence before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import verb_cue
from newsmine.nlp.price_kinds import amount_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsmine.nlp.view import SentView

_MOVES = frozenset({"fall", "rise", "reach", "peak", "bottom", "open", "close", "hold", "yield"})
_MARKET = frozenset({"it", "we"})
# words that make the rest a plan, a condition or a guess ("if", "until", "I'd", "will", "expect")
_HEDGED = re.compile(r"\b(?:if|until|unless|would|will|could|might|should|may|expect\w*|target\w*|bet|buy\w*|sell\w*|"
                     r"bought|sold|filled|paid|pay|claim\w*|insist\w*)\b|['’]d\b|['’]ll\b", re.I)


def told_as_fact(sent: SentView, start: int, end: int) -> bool:
    """The quoted amount at ``start:end`` of ``sent`` is what the market did, said in the past tense."""
    found = amount_tokens(sent, start, end)
    if found is None:
        return False
    _, head = found
    verb = _governing_verb(head)
    if verb is None or verb.tag_ != "VBD" or verb_cue(verb.lower_) not in _MOVES:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "ASSET" or subject.lower_ in _MARKET):
        return False
    return not _HEDGED.search(sent.text, 0, end)


def _governing_verb(head: Token) -> Token | None:
    """The verb the amount hangs on, directly or through one preposition ("went from 83K", "was at 76K");
    not through a noun ("was a buyer at $44,000"). (The parser may hang "from $3,900 to $3,100" on the second.)"""
    while head.dep_ == "quantmod" and head.head.i != head.i:
        head = head.head
    node = head.head if head.dep_ == "pobj" and head.head.pos_ == "ADP" else head
    if node.head.pos_ in ("VERB", "AUX") and node.dep_ in ("prep", "dobj", "npadvmod", "advmod"):
        return node.head
    return None
