"""Which session an amount opens or closes: "opened the year at $X", "fell to $20,150 by the close".

The GUIDE ranks a session's open and close first among kinds (rule 1), so the words that name a
session, and the markets whose close is no coin's (stocks, Wall Street), live together here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import noun_cue, verb_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

# a close that is another market's ("by the close of US equities")
_OTHER_MARKET = re.compile(r"of (?:(?:US |U\.S\. |European |Asian )?(?:equities|stocks|Wall Street|trading in)|"
                           r"(?:US|U\.S\.|European|Asian|London|New York|Tokyo) trading)", re.I)
# what a market opens or closes ("opened the year at $X", "opens the Asian session near", "closed the weekly candle at")
_SESSIONS = frozenset("day week month year quarter session trading candle bar".split())


def opened_session(verb: Token | None) -> bool:
    """The amount's verb opens a session ("opened the year just under $10")."""
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb_cue(verb.lower_) != "open":
        return False
    what = opened(verb)
    return what is not None and is_session(what)


def opened(verb: Token) -> Token | None:
    """What an "open" verb opens: "the year" in "opened the year at $X", "a run" in "would open a run toward"."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def is_session(noun: Token) -> bool:
    """A noun naming a trading session or a span of time ("the year", "the weekly candle", "Monday")."""
    return noun.lower_ in _SESSIONS or noun.ent_type_ in ("DATE", "TIME")


def by_the_close(verb: Token, first: Token, plain: bool) -> bool:
    """"fell to $20,150 by the close": the move's end is the session's close. A ``plain`` level at a
    market's close ("trading around $3,150 at the New York close") is where the coin stood then (GUIDE:
    "a plain verb at a session time" is `spot`)."""
    return any(c.dep_ == "prep" and c.i > first.i and c.lower_ in ("by", "at", "into")
               and any(noun_cue(g.lower_) == "close" and not _OTHER_MARKET.match(g.doc[g.i + 1:g.i + 4].text)
                       and not (plain and c.lower_ == "at" and any(
                           m.dep_ in ("compound", "amod") and m.text[:1].isupper() for m in g.children))
                       for g in c.children)
               for c in verb.children)
