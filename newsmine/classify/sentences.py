"""Which sentences the classifier scores, and the high-precision signals they carry.

Sentences come from the NLP stage (``Facts.sentences``); when it gave none, a
small regex splitter stands in so ``classify`` also works on its own. Scoring
is capped per article (headline + lead + sentences with signals) so a
10,000-sentence document costs about as much as a long article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsmine.records import Facts, Sentence

MAX_SENTENCES = 60  # scored per article, headline excluded
MIN_CHARS = 20  # shorter sentences ("Read more.", "Photo: Reuters") carry nothing
# A break after end punctuation (maybe closing a quote) before a capital, or a blank line;
# "U.S." and "Mr." style abbreviations are not sentence ends.
_SPLIT = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)"
    r"\s+(?=[\"'“‘(\[]?[A-Z0-9$€£])|\n\s*\n"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
# Hack words are explicit in the taxonomy (security_incident) and rarely used otherwise.
_HACK = re.compile(
    r"\b(hack(?:s|ed|er|ers)?|exploit(?:s|ed)?|stolen|steal(?:s|ing)?|theft|drain(?:ed|ing)?"
    r"|breach(?:ed)?|compromised|heist|attacker(?:s)?)\b",
    re.I,
)
# Figure kinds the NLP stage reports, mapped to the narrative they evidence.
FIGURE_SIGNALS = {
    "liquidations": "over_leverage",
    "funding_rate": "over_leverage",
    "open_interest": "over_leverage",
    "etf_flow": "institutional_flows",
    "basis": "institutional_flows",
}


@dataclass
class Scored:
    """One sentence to score: its text, span (None for the headline) and signals."""

    text: str
    start: int | None
    end: int | None
    is_title: bool = False
    position: int = 0  # index among the article's body sentences
    signals: set[str] = field(default_factory=set)
    assets: tuple[str, ...] = ()  # tickers the sentence names (from the NLP stage)
    moves: dict[str, float] = field(default_factory=dict)  # asset -> signed percent change reported here


def split_sentences(text: str) -> list[Sentence]:
    """A plain regex splitter (end punctuation + capital, or a blank line), with spans."""
    out: list[Sentence] = []
    pos = 0
    for match in list(_SPLIT.finditer(text)) + [None]:
        stop = match.start() if match else len(text)
        chunk = text[pos:stop]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append(Sentence(chunk, pos + lead, pos + lead + len(chunk)))
        if match:
            pos = match.end()
    return out


def informative(text: str) -> bool:
    """Worth an encoder pass: long enough and with at least three words."""
    return len(text) >= MIN_CHARS and len(_WORD.findall(text)) >= 3


def select(title: str | None, text: str, facts: Facts | None, limit: int = MAX_SENTENCES) -> list[Scored]:
    """Headline + the first informative body sentences, plus later ones with signals, up to ``limit``."""
    sentences = list(facts.sentences) if facts and facts.sentences else split_sentences(text)
    figures = facts.figures if facts else []
    figure_spans = [(f.start, f.end, FIGURE_SIGNALS[f.kind]) for f in figures if f.kind in FIGURE_SIGNALS]
    changes = [f for f in figures if f.kind == "percent_change" and f.asset and f.value]
    picked: list[Scored] = []
    if title and title.strip():
        # The NLP stage does not parse the headline; it is taken to be about the most-named asset.
        main = (facts.assets[0].symbol,) if facts and facts.assets else ()
        picked.append(Scored(title.strip(), None, None, is_title=True, signals=_signals(title, [], None, None), assets=main))
    lead_budget = limit * 2 // 3  # keep a third of the budget for signal sentences further down
    body = 0
    for i, s in enumerate(sentences):
        if body >= limit:
            break
        if not informative(s.text):
            continue
        signals = _signals(s.text, figure_spans, s.start, s.end)
        if body < lead_budget or signals:
            moves = {f.asset: f.value for f in changes if s.start <= f.start and f.end <= s.end}
            picked.append(Scored(s.text, s.start, s.end, position=i, signals=signals, assets=tuple(s.assets), moves=moves))
            body += 1
    return picked


def _signals(text: str, figure_spans: list[tuple[int, int, str]], start: int | None, end: int | None) -> set[str]:
    found = {label for fs, fe, label in figure_spans if start is not None and start <= fs and fe <= end}
    if _HACK.search(text):
        found.add("security_incident")
    return found
