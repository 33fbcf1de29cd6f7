"""What does training the encoder's adapter cost, and what does freezing the lower blocks save?

    .venv/bin/python bench/bench_adapter.py [--texts N] [--epochs E]

Fits the adapter on the first N training texts (train-split sentences, then
headlines and sentence bank) the way ``newsmine train`` does, once adapting
the blocks from ``adapter.FIRST_BLOCK`` on (lower blocks run once per batch
and reused) and once adapting all six blocks (every block runs forward and
backward every epoch), and prints both as multiples of the raw model cost
measured in the same run: one plain forward pass of the encoder over the
same texts. Wall time on a shared machine moves with its load; the ratios
move less, and the second ratio over the first is the saving.
"""

from __future__ import annotations

import argparse
import time

from newsmine.classify import adapter
from newsmine.classify.data import labelled
from newsmine.classify.encoder import get_encoder
from newsmine.corpus import load
from newsmine.corpus.training_text import load_bank, load_headlines
from newsmine.taxonomy import SENTENCE_SENTIMENTS


def training_texts(limit: int) -> tuple[list[str], list[int]]:
    """The first ``limit`` adapter training texts and their sentiment class indices."""
    items = [labelled(a) for a in load(None, "train")]
    pairs = [(s.text, y) for it in items for s, y in zip(it.scored, it.sentiments)]
    pairs += [(line.text, line.sentiment) for line in [*load_headlines(), *load_bank()]]
    pairs = pairs[:limit]
    return [t for t, _ in pairs], [SENTENCE_SENTIMENTS.index(y) for _, y in pairs]


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=1500, help="training texts to fit on")
    parser.add_argument("--epochs", type=int, default=adapter.EPOCHS)
    args = parser.parse_args()
    texts, labels = training_texts(args.texts)
    base = get_encoder()
    base.encode(texts[:64])  # warm the kernels
    raw = seconds(lambda: base.encode(texts))
    top = seconds(lambda: adapter.fit(base.model, base.tokenizer, texts, labels, 13, args.epochs, first=adapter.FIRST_BLOCK))
    every = seconds(lambda: adapter.fit(base.model, base.tokenizer, texts, labels, 13, args.epochs, first=0))
    print(f"{len(texts)} texts, {args.epochs} epochs; raw model cost (one forward pass) {raw:.1f} s")
    print(f"adapter from block {adapter.FIRST_BLOCK}: {top:.1f} s = {top / raw:.1f}x raw")
    print(f"adapter on all blocks:  {every:.1f} s = {every / raw:.1f}x raw")
    print(f"saving: {1 - top / every:.0%}")


if __name__ == "__main__":
    main()
