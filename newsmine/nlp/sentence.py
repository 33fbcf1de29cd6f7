"""A sentence as the rule families see it: its text, its entity mentions and its parse.

Offsets of mentions are absolute into ``Article.text``; ``token_at`` maps a sentence-relative
offset back to the parsed token, so rules can read the dependency tree for the few words they
look at.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newsmine.nlp.regex_guard import guarded

if TYPE_CHECKING:  # spaCy is imported lazily: the CLI must stay light
    from spacy.tokens import Span, Token

# Journalists name bitcoin and ether by rank ("the world's largest cryptocurrency rose to
# $44,950"): these descriptions stand for the asset, ahead of any asset named earlier.
# ("the largest altcoin" is ether; "the original cryptocurrency" bitcoin)
_BY_RANK = guarded(
    r"\b(?:(?:world['’]s )?(?P<second>second[- ])?(?:largest|biggest) (?:cryptocurrency|crypto asset|digital (?:asset|currency)|"
    r"token|coin)|(?:original|oldest) (?:cryptocurrency|crypto asset|digital currency)|(?P<alt>(?:largest|biggest) altcoin))"
    r"\b(?!\s+(?:exchange|lender|fund|market|holder|miner|compan|ETF)|s)", re.I)
_APPOSED = re.compile(r"(?:\s+(?:token|coin))?\s*,\s*(?:the\s+)?", re.I)  # "XRP token, the ", "Ether, "


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str  # ASSET, EXCHANGE, NOTEXCH, PERSON, ORG, ...
    key: str  # canonical id for ASSET/EXCHANGE, the text otherwise


@dataclass
class SentView:
    text: str
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    # The parsed sentence, kept (not copied) so that rules needing the dependency
    # tree (price kinds) can read it for the few tokens they look at; ``doc_start``
    # is the doc character offset of ``text[0]``.
    parse: Span | None = None
    doc_start: int = 0

    def of(self, label: str) -> Sequence[Mention]:
        return self._by_label.get(label, ())

    @cached_property
    def ranked(self) -> tuple[Mention, ...]:
        """Bitcoin and ether named by rank ("the world's largest cryptocurrency", "the second-largest token"); a
        rank in apposition to a coin just named describes that coin ("Ripple's XRP token, the second-biggest
        cryptocurrency by market value for much of the past month, slumped") and names none of its own."""
        named = [m.end - self.start for m in self.of("ASSET")]
        return tuple(Mention(self.start + m.start(), self.start + m.end(), "ASSET",
                             "ETH" if m.group("second") or m.group("alt") else "BTC")
                     for m in _BY_RANK.finditer(self.text)
                     if not any(_APPOSED.fullmatch(self.text, end, m.start()) for end in named if end <= m.start()))

    @cached_property
    def _by_label(self) -> dict[str, tuple[Mention, ...]]:
        # the rules ask for a sentence's assets or venues tens of times per amount: group them once
        groups: dict[str, list[Mention]] = {}
        for m in self.mentions:
            groups.setdefault(m.label, []).append(m)
        return {label: tuple(found) for label, found in groups.items()}

    @cached_property
    def _token_starts(self) -> list[int]:
        # sentence-relative start of each parsed token, for a binary search: the rules map offsets to tokens
        # tens of thousands of times per corpus, and a ``Doc.char_span`` per lookup cost a few percent of their time
        return [t.idx - self.doc_start for t in self.parse] if self.parse is not None else []

    def token_at(self, pos: int) -> Token | None:
        """The token holding the character at sentence-relative ``pos``; None in the space between tokens,
        past the sentence or without a parse."""
        if self.parse is None or not 0 <= pos < len(self.text):
            return None
        i = bisect_right(self._token_starts, pos) - 1
        token = self.parse[i] if i >= 0 else None
        return token if token is not None and pos < self._token_starts[i] + len(token) else None
