"""Amounts that measure something rather than stand where a coin traded, and the clause an amount sits in.

A move's size ("shed $2,000", "fell by $3,000"), a gap between two levels ("$6,000 lower",
"$10,000 under the afternoon peak", "within $200 of its record") and a prediction market's
contract terms ("the 'yes' side changed hands at 31 cents") are written with the same dollar
signs as prices. What decides is the few words before and after the amount, read in its own
clause (``left_clause``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsmine.nlp.numbers import Amount
from newsmine.nlp.regex_guard import guarded

# "trails the weekly buyer by more than $21,000": a gap between two sums, not a level
_BY_AMOUNT = re.compile(r"\b(?:(?:by|within)|(?:a|the) (?:(?:sudden|sharp|quick|brief|swift) )?"
                        r"(?:drop|fall|decline|slide|gain|rise|jump|discount|premium) of)\s+"
                        r"(?:a good |a mere |more than |less than |about |around |roughly |nearly |almost |some |over |just |only )?$",
                        re.I)  # "a drop of more than $2,300", "a discount of more than $700 to the spot index"
_CHANGE_VERB = guarded(
    r"\b(?:shed|shedding|lost|losing|gained|gaining|added|adding|up|down|rose|risen|rising|fell|fallen|falling|"
    r"dropped|dropping|jumped|jumping|climbed|climbing|surged|surging|slid|sliding|tumbled|tumbling|plunged|"
    r"plunging|sank|sinking|swung|swinging|moves?|moved|moving|gave back|giving back|gives back|give back|"
    r"save|saves|saving)\s+"  # a sponsor's discount: "viewers save $30 on any model"
    r"(?:(?:about|some|nearly|almost|roughly|around|"
    r"more than|over|by|another|an additional) ){0,2}$",
    re.I,
)
_PREDICTION = guarded(r"\b(?:Polymarket|Kalshi|prediction[- ]markets?|betting markets?)\b", re.I)
_CONTRACT_LEFT = re.compile(r"\b(?:contracts?|buckets?|paying|pays|odds|bets?)\b[^.;]{0,60}$", re.I)
# an amount measured from another: "$6,000 lower", "some $4,500 more than", "$10,000 under the afternoon peak"
_GAP_AFTER = re.compile(r"\s+(lower|higher|more|less|cheaper|dearer)\b|\s+(?:under|below|above|short of|shy of) "
                        r"(?:the|its|their|where|what|spot|[A-Z]\w+['’]s)\b", re.I)  # "$4,000 under Friday's settlement"
# ... unless a word before makes it the level itself ("fell to $59,000 below its average", "hit $X above")
_BE = frozenset({"is", "was", "were", "are", "be"})
_GOVERNED = re.compile(r"\b(to|at|near|from|of|hit|hits|touched|touches|tagged|reached|is|was|were|are|be)\s+"
                       r"(?:(?:about|around|roughly|nearly|almost|some|just) )?$", re.I)
_RANKING = re.compile(r"\b(?:by|in) market (?:cap\w*|value)\b", re.I)


_WITH_CLAUSE = re.compile(r", with (?=[A-Za-z])")


@lru_cache(maxsize=4096)  # the filters ask for an amount's clause several times each
def left_clause(text: str, pos: int) -> str:
    """The text before ``pos`` back to the previous clause break or amount (bounded);
    a ranking ("the largest cryptocurrency by market value") is blanked: it names no size."""
    left = _RANKING.sub(lambda m: " " * len(m.group()), text[max(0, pos - 90):pos])
    # (and an absolute clause: "calls with a $5,000 strike, with the coin trading near $3,800"; not a list of
    # levels, "..., with $4,000 above it")
    with_clause = max((m.start() for m in _WITH_CLAUSE.finditer(left)), default=-1)
    cut = max(left.rfind(";"), left.rfind(" while "), left.rfind(" but "), left.rfind(" and "), with_clause)
    return left[cut + 1:] if cut >= 0 else left


def contract_term(text: str, a: Amount) -> bool:
    """In a sentence about a prediction market, a contract's price in cents (or up to its $1 payout) and
    the levels it bets on are no coin prices ("the 'yes' side changed hands at 31 cents", "the bucket
    for a close between $95,000 and $99,999.99")."""
    if not _PREDICTION.search(text):
        return False
    return a.value <= 1.0 or bool(_CONTRACT_LEFT.search(left_clause(text, a.start)))


def is_change(text: str, a: Amount) -> bool:
    """The amount is the size of a move or a gap ("shed $2,000", "fell by $3,000", "trails it by more
    than $21,000", "ended the month $6,000 lower", "$10,000 under the afternoon peak"), not a level."""
    left = left_clause(text, a.start)
    gap = _GAP_AFTER.match(text, a.end)
    if gap and not (governed := _GOVERNED.search(left)):
        return True
    if gap and gap.group(1) and governed.group(1).lower() in _BE:
        return True  # "were about $150 lower at the time": a comparative after "to be" is the gap
    return bool(_CHANGE_VERB.search(left[-25:]) and not re.search(r"\b(?:to|at)\s*$", left) or _BY_AMOUNT.search(left[-30:]))
