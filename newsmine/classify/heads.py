"""The trained heads: two linear layers over sentence embeddings, the encoder adapter, and their settings.

Stored as ``models/<name>.npz`` (weights only, loaded with ``allow_pickle=False``)
and ``models/<name>.json`` (labels, thresholds, aggregation settings, encoder
hash, training metrics), so a checkout never runs pickled code and the files
stay a few dozen kilobytes.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsmine.classify.lexicon import sentiment_features
from newsmine.errors import InputError

HEADS_NAME = "classify_heads"
ADAPTER_PREFIX = "lora."  # npz keys of the encoder adapter's arrays


def models_dir() -> Path:
    """The ``models/`` folder of the source checkout."""
    return Path(__file__).resolve().parents[2] / "models"


@dataclass
class Heads:
    """Linear heads: multi-label narratives (sigmoid) and sentence sentiment (softmax)."""

    narratives: tuple[str, ...]
    sentiments: tuple[str, ...]
    narr_w: np.ndarray  # (labels, dim)
    narr_b: np.ndarray  # (labels,)
    sent_w: np.ndarray  # (3, sentiment features), see ``sentiment_input``
    sent_b: np.ndarray  # (3,)
    config: dict[str, Any] = field(default_factory=dict)  # thresholds, weights, provenance
    adapter: dict[str, np.ndarray] = field(default_factory=dict)  # the encoder's LoRA update (``adapter.py``); empty: plain encoder

    def narrative_probs(self, x: np.ndarray) -> np.ndarray:
        """(n, labels) independent probabilities per sentence."""
        return 1.0 / (1.0 + np.exp(-(x @ self.narr_w.T + self.narr_b)))

    def sentiment_input(self, x: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """The sentiment head's features for all-layer embeddings ``x`` of ``texts`` (settings in the JSON)."""
        f = self.config.get("sentiment_features", {})
        return sentiment_features(x, texts, f.get("layers"), f.get("lexicon_scale", 0.0), f.get("dim", 0))

    def sentiment_probs(self, x: np.ndarray) -> np.ndarray:
        """(n, 3) class probabilities per sentence from ``sentiment_input`` features, ordered as ``sentiments``."""
        z = x @ self.sent_w.T + self.sent_b
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def save(self, folder: Path, name: str = HEADS_NAME) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez(
            folder / f"{name}.npz",
            narr_w=self.narr_w.astype(np.float32),
            narr_b=self.narr_b.astype(np.float32),
            sent_w=self.sent_w.astype(np.float32),
            sent_b=self.sent_b.astype(np.float32),
            **{ADAPTER_PREFIX + k: v.astype(np.float32) for k, v in self.adapter.items()},
        )
        meta = {"narratives": list(self.narratives), "sentiments": list(self.sentiments), **self.config}
        (folder / f"{name}.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_heads(folder: Path | None = None, name: str = HEADS_NAME) -> Heads:
    """Read heads written by ``Heads.save``; a missing or broken file is a one-line ``InputError``."""
    folder = folder or models_dir()
    try:
        meta = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(folder / f"{name}.npz", allow_pickle=False) as data:
            arrays = {k: np.asarray(data[k], dtype=np.float32) for k in ("narr_w", "narr_b", "sent_w", "sent_b")}
            adapter = {k[len(ADAPTER_PREFIX) :]: np.asarray(data[k], dtype=np.float32) for k in data.files if k.startswith(ADAPTER_PREFIX)}
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot load classifier heads from {folder}: {exc}") from None
    narratives = tuple(meta.pop("narratives"))
    sentiments = tuple(meta.pop("sentiments"))
    return Heads(narratives, sentiments, config=meta, adapter=adapter, **arrays)


@functools.cache
def default_heads() -> Heads:
    """The committed heads in ``models/``, loaded once per process."""
    return load_heads()
