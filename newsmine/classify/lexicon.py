"""A small price-direction lexicon: words that say a market went up or down.

Written as domain knowledge (market-report vocabulary), not fitted to any data
set. The embedding head learns the corpus authors' style; these cues are the
same in every outlet's headlines, so adding them as two extra features helps
the sentiment head carry over to real news. A negator shortly before a cue
("failed to rally", "no sign of a sell-off") flips it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_UP = (
    r"ris(?:e|es|ing)|rose|surg(?:e|es|ed|ing)|rall(?:y|ies|ied|ying)|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?"
    r"|gain(?:s|ed|ing)?|climb(?:s|ed|ing)?|rebound(?:s|ed|ing)?|recover(?:s|ed|ing|y)?|spik(?:e|es|ed|ing)"
    r"|record highs?|all-time highs?|new highs?|breakouts?|break(?:s|ing)? out|bull(?:s|ish)?|boom(?:s|ed|ing)?"
    r"|skyrocket(?:s|ed|ing)?|outperform(?:s|ed|ing)?|inflows?|adopt(?:s|ed|ion)|approv(?:e|es|ed|al)"
    r"|launch(?:es|ed)?|partner(?:s|ship|ships)?|upgrade(?:s|d)?|optimis(?:m|tic)|strong(?:er)?|boost(?:s|ed)?"
)
_DOWN = (
    r"fall(?:s|ing)?|fell|drop(?:s|ped|ping)?|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?|crash(?:es|ed|ing)?"
    r"|tumbl(?:e|es|ed|ing)|slid(?:e|es|ing)?|sell-?offs?|selloffs?|liquidat(?:ed|ion|ions)|hack(?:s|ed|ers?)?"
    r"|exploit(?:s|ed)?|stolen|theft|scam(?:s|med)?|fraud|bans?|banned|lawsuits?|su(?:e|es|ed|ing)|charged"
    r"|fined|crackdown|sink(?:s|ing)?|sank|slip(?:s|ped|ping)?|declin(?:e|es|ed|ing)|loss(?:es)?|los(?:e|es|ing)|lost"
    r"|bear(?:s|ish)?|outflows?|dump(?:s|ed|ing)?|collaps(?:e|es|ed|ing)|bankrupt(?:cy)?|insolven(?:t|cy)|halt(?:s|ed)?"
    r"|delist(?:s|ed|ing)?|weak(?:er|ness)?|fears?|panic|warn(?:s|ed|ing)?|lows?|down(?:turn)?|red"
)
_NEGATOR = r"not|no|never|fail(?:s|ed)?\s+to|failed|without|unable\s+to|didn't|doesn't|don't|isn't|wasn't|won't|cannot|can't"
_CUE = re.compile(rf"\b(?:(?P<neg>{_NEGATOR})\s+(?:\w+\s+){{0,2}})?(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)

def direction_counts(text: str) -> tuple[int, int]:
    """(up, down) cue counts in ``text``, with negated cues counted the other way."""
    up = down = 0
    for m in _CUE.finditer(text):
        is_up = m.group("up") is not None
        if m.group("neg"):
            is_up = not is_up
        up, down = (up + 1, down) if is_up else (up, down + 1)
    return up, down


def lexicon_features(texts: Sequence[str], scale: float) -> np.ndarray:
    """(n, 2) float32: squashed up and down cue counts (1 cue ~ 0.63 of the max), times ``scale``."""
    counts = np.array([direction_counts(t) for t in texts], dtype=np.float32).reshape(len(texts), 2)
    return (scale * (1.0 - np.exp(-counts))).astype(np.float32)


def sentiment_features(vectors: np.ndarray, texts: Sequence[str], layers: Sequence[int] | None, scale: float, dim: int) -> np.ndarray:
    """The sentiment head's input: the chosen layers' blocks of the all-layer embedding, plus lexicon cues.

    Later layers alone carry over to real headlines better than all six (the
    lower layers let the head memorise the corpus authors' wording), and the
    cues add what the embedding blurs: which way the price went.
    """
    blocks = [vectors[:, k * dim : (k + 1) * dim] for k in layers] if layers is not None else [vectors]
    if scale:
        blocks.append(lexicon_features(texts, scale))
    return np.concatenate(blocks, axis=1).astype(np.float32)
