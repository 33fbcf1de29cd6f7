"""Whether the clause governing an amount reports what the market did.

Newsletters put forecasts in the writer's own voice ("I think $100,000 comes
fast"), in conditionals ("a drop under $80,000, the old breakout level, would
tell me ...") and in recalled calls ("I remember writing $80K"). The word that
makes them unreal is often far from the amount, at the head of its clause or of
the clause embedding it, so the test climbs the parse: from the amount to its
verb, then up through the verbs that take that clause as a complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import MODALS, verb_cue
from newsmine.nlp.price_kinds import amount_tokens

if TYPE_CHECKING:
    from newsmine.nlp.view import SentView

_PAST = frozenset({"VBD", "VBN"})  # "I think bitcoin topped at $69,000" is a view of the past, still a price


def unreal(sent: SentView, start: int, end: int) -> bool:
    """The amount at ``start:end`` of ``sent`` is in a modal clause, is the object of a
    call ("writing $80K"), or is in a present or future clause under a verb of opinion."""
    found = amount_tokens(sent, start, end)
    if found is None:
        return False
    node = found[1]
    for _ in range(12):  # a clause is never deeper; the bound keeps odd parses cheap
        verb = node.head
        if verb.i == node.i:
            return False
        if verb.pos_ in ("VERB", "AUX"):
            break
        node = verb
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    if node is found[1] and node.dep_ == "dobj" and verb_cue(verb.lower_) == "say":
        return True
    embedding = verb
    while embedding.dep_ in ("ccomp", "xcomp") and embedding.head.i != embedding.i:
        embedding = embedding.head
        if verb_cue(embedding.lower_) == "think" and verb.tag_ not in _PAST:
            return True
    return False
