"""Whether the clause governing an amount reports what the market did.

Newsletters put forecasts in the writer's own voice ("I think $100,000 comes
fast"), in conditionals ("a drop under $80,000, the old breakout level, would
tell me ...", "Had bitcoin closed June above $71,000, ...") and in recalled calls
("I remember writing $80K"); interviews, in answers to hypothetical questions. The word that
makes them unreal is often far from the amount, at the head of its clause or of
the clause embedding it, so the test climbs the parse: from the amount to its
verb, then up through the verbs that take that clause as a complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import MODALS, verb_cue
from newsmine.nlp.price_kinds import amount_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsmine.nlp.view import ArticleView, SentView

_FINITE = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})  # "on rising volume" leaves a fragment verbless
_PAST = frozenset({"VBD", "VBN"})  # "I think bitcoin topped at $69,000" is a view of the past, still a price


def unreal(sent: SentView, start: int, end: int) -> bool:
    """The amount at ``start:end`` of ``sent`` is in a modal clause, is the object of a
    call ("writing $80K"), or is in a present or future clause under a verb of opinion."""
    found = amount_tokens(sent, start, end)
    clause = _clause(found[1]) if found else None
    if clause is None:
        return False
    node, verb = clause
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or _inverted_condition(verb):
        return True
    if node is found[1] and node.dep_ == "dobj" and verb_cue(verb.lower_) == "say":
        return True
    embedding = verb
    while embedding.dep_ in ("ccomp", "xcomp") and embedding.head.i != embedding.i:
        embedding = embedding.head
        if verb_cue(embedding.lower_) == "think" and verb.tag_ not in _PAST:
            return True
    return False


def answers_hypothetical(view: ArticleView, index: int) -> bool:
    """Sentence ``index`` has no finite verb and answers a question about what would (could, will)
    happen: an interview's scenario ("What would make you wrong?" "Osterberg:" "A fast
    rejection back under $28,500."), not an event. A speaker's label may stand between."""
    answer = view.sents[index]
    if answer.parse is None or any(t.tag_ in _FINITE for t in answer.parse):
        return False
    before = [s.text.rstrip() for s in view.sents[max(0, index - 2):index]]
    question = next((t for t in reversed(before) if not t.endswith(":")), "")
    return question.endswith("?") and not MODALS.isdisjoint(question.lower().split())


def told_past(sent: SentView, start: int, end: int) -> bool:
    """The amount at ``start:end`` is where a past-tense verb took the market ("slid to about $8 by the
    end of December"): a time adjunct of that clause dates a fact, it sets no horizon. An amount
    that is the subject is a view reported in the past ("said $150,000 by year-end was a base case")."""
    clause = _amount_clause(sent, start, end)
    return clause is not None and clause[1].tag_ == "VBD" and clause[0].dep_ not in ("nsubj", "nsubjpass")


def told_in_aside(sent: SentView, start: int, end: int) -> bool:
    """The amount at ``start:end`` is in a past-tense relative or adverbial clause ("ether, which began 2021 near
    $730, would have bought ...", "when bitcoin closed the day near $31,900, would have done better"): it tells what
    happened, whatever the main clause after it supposes."""
    clause = _amount_clause(sent, start, end)
    return clause is not None and clause[1].tag_ == "VBD" and clause[1].dep_ in ("relcl", "advcl")


def _inverted_condition(verb: Token) -> bool:
    """"Had bitcoin closed June above $71,000, it would have ...": an auxiliary "had" before the subject
    makes the clause a condition, not an event."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.dep_ == "aux" and c.lower_ == "had" and c.i < subject.i for c in verb.children)


def _amount_clause(sent: SentView, start: int, end: int) -> tuple[Token, Token] | None:
    """``_clause`` of the amount at ``start:end`` of ``sent``, or None without a parse."""
    found = amount_tokens(sent, start, end)
    return _clause(found[1]) if found else None


def _clause(node: Token) -> tuple[Token, Token] | None:
    """(the child on the path, the verb) of the clause that governs ``node``."""
    for _ in range(12):  # a clause is never deeper; the bound keeps odd parses cheap
        verb = node.head
        if verb.i == node.i:
            return None
        if verb.pos_ in ("VERB", "AUX"):
            return node, verb
        node = verb
    return None
