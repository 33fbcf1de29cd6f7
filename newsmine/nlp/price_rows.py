"""Kinds told by list rows: a row's label or a gloss after its amount.

Digests and "by the numbers" boxes set amounts in rows ("SOL: $258.90", "4. $119.18: the record
price of ...", "• $67,150: where bitcoin opened on Saturday", "High of the day so far: $48,969"):
no verb governs the amount, so the row's own words name its kind, and a plain row is a spot price.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.price_cues import noun_cue, verb_cue
from newsmine.nlp.price_extremes import RANK, extreme
from newsmine.nlp.view import ArticleView, is_row

if TYPE_CHECKING:
    from spacy.tokens import Token

# "SOL: $258.90", "Bitcoin (BTC): $82,548" (the tokenizer keeps "):" whole): a table or list row
_LIST_MARKS = frozenset({":", "):", "•", "|", "(", "-", "–", "—"})
_ENUMERATOR = re.compile(r"\d{1,2}[.)]")
_SPOT = ("spot", RANK["spot"])


def row_kind(first: Token, last: Token) -> tuple[str, int] | None:
    """(kind, GUIDE rank) of the amount from ``first`` to ``last`` when it opens a list row; None otherwise."""
    if first.i > first.sent.start and first.doc[first.i - 1].text in _LIST_MARKS or _enumerated(first):
        return _row_label(first) or _gloss(last) or _SPOT
    return None


def _enumerated(first: Token) -> bool:
    """The amount opens a numbered list row ("4. $119.18: the record price of ..."): only an
    enumerator stands before it, so the row is read like a bulleted one."""
    return 0 < first.i - first.sent.start <= 2 and _ENUMERATOR.fullmatch(
        first.doc[first.sent.start:first.i].text.replace(" ", "")) is not None


def _row_label(first: Token) -> tuple[str, int] | None:
    """An extreme named by the label of a list row ("High of the day so far: $48,969")."""
    doc, i = first.doc, first.i - 2
    while i >= first.sent.start and (doc[i].text not in _LIST_MARKS or doc[i].text == "(" and i > first.sent.start):
        # (past a bracketed period: "Open (24h): $0.4395")
        cue = noun_cue(doc[i].lower_)
        if cue in ("open", "close"):
            return cue, RANK[cue]  # (a label is a noun, whatever the parser tags "Open" at a line's start)
        if cue in ("high", "low", "record"):
            return extreme(doc[i]) or (("ath", RANK["ath"]) if cue == "record" else (cue, RANK["named"]))
        i -= 1
    return None


_GLOSS_VERBS = {"open": ("open", RANK["open"]), "close": ("close", RANK["close"]),
                "peak": ("high", RANK["named"]), "bottom": ("low", RANK["named"])}


def _gloss(last: Token) -> tuple[str, int] | None:
    """A "by the numbers" row glosses the amount after a colon ("• $67,150: where bitcoin
    opened on Saturday", "• $60,800: ether's low of the weekend"): its first phrase names the kind."""
    doc, end = last.doc, last.sent.end
    if last.i + 1 >= end or doc[last.i + 1].text != ":":
        return None
    for t in doc[last.i + 2:end]:
        if t.is_punct:
            return None
        named = _GLOSS_VERBS.get(verb_cue(t.lower_)) if t.pos_ in ("VERB", "AUX") else extreme(t)
        if named:
            return named
    return None


# a numbered row's enumerator, which the sentencizer often leaves at the end of the sentence before
_ROW_NUMBER = re.compile(r"(?:^|\s)\d{1,2}[.)]\s*$")
# ... or inside one sentence holding several rows ("...: 1. Mantle (MNT): -8.1% to $0.96 2. Celestia ...")
_ROW_OPENS = re.compile(r"(?:^|[\s:])\d{1,2}[.)]\s+[A-Z]")
# the row's move and the amount it ended at ("+38% to $X", "-3.0% to")
_ROW_MOVE = re.compile(r"[-−+]\d[\d.]*\s?%\s+to\s*$")
# ... or a row labelled with its coin and a colon, numbered or not ("...as of 08:00 UTC: Avalanche (AVAX): -23% to
# $18.62 Solana (SOL): -21% to $126.85")
_ROW_LABEL = re.compile(r"(?:^|[\s:])(?:[A-Z][\w.'-]* )*\(?[A-Z][A-Z0-9]{1,9}\)?:\s*[-−+]\d[\d.]*\s?%\s+to\s*$")


def ranked_move(view: ArticleView, index: int, start: int, since: int) -> bool:
    """The amount at ``start`` ends the move of a numbered row of a ranking ("3. Solana +8% to $148.20"),
    or of a bulleted movers row ("• PENDLE +8.3% to $6.12, LDO +4.0% to $2.27"): the za- to zd-series and
    rc-series writers read a ranked or listed row's "+8% to $X" as its price, spot (GUIDE: a list is spot).
    ``since``: where the row can begin (the end of the amount before)."""
    text = view.sents[index].text
    if not _ROW_MOVE.search(text, since, start):
        return False
    return _ROW_OPENS.search(text, since, start) is not None or _ROW_LABEL.search(text, since, start) is not None or (
        index > 0 and _ROW_NUMBER.search(view.sents[index - 1].text) is not None) or is_row(text)
