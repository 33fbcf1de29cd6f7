"""Would int8 help? Speed and agreement of a dynamically quantised encoder, before anyone ships it.

    .venv/bin/python bench/bench_quantise.py

Classifies every corpus article twice, with the fp32 encoder newsmine ships
and with the same model after ``torch.ao.quantization.quantize_dynamic``
(int8 weights for every Linear layer), and prints the encoder time of each,
how many articles keep their sentiment label and their narrative set, and
both against the gold labels. The heads were calibrated on fp32 embeddings,
so quantisation is only worth shipping if agreement stays at (or near) 100%.
"""

from __future__ import annotations

import time

import torch

from newsmine.classify import classify
from newsmine.classify.encoder import get_encoder
from newsmine.classify.heads import default_heads
from newsmine.corpus import load
from newsmine.nlp import extract_facts
from newsmine.records import Article


def timed_classify(articles, facts):
    started = time.perf_counter()
    result = classify(articles, facts)
    return result, time.perf_counter() - started


def main() -> None:
    gold = load()
    articles = [Article(source=g.id, text=g.text, title=g.title) for g in gold]
    facts = extract_facts(articles)
    encoder = get_encoder(None, default_heads().adapter)  # the instance classify uses
    classify(articles[:1], facts[:1])  # load heads and warm the kernels
    fp32, fp32_s = timed_classify(articles, facts)
    fp32_model = encoder.model
    encoder.model = torch.ao.quantization.quantize_dynamic(fp32_model, {torch.nn.Linear}, dtype=torch.qint8)
    try:
        classify(articles[:1], facts[:1])
        int8, int8_s = timed_classify(articles, facts)
    finally:
        encoder.model = fp32_model
    same_sentiment = sum(a.sentiment.label == b.sentiment.label for a, b in zip(fp32, int8))
    same_narratives = sum({n.label for n in a.narratives} == {n.label for n in b.narratives} for a, b in zip(fp32, int8))
    n = len(articles)
    print(f"articles: {n}")
    print(f"classify fp32: {fp32_s:.2f}s   int8: {int8_s:.2f}s   speed-up {fp32_s / int8_s:.2f}x")
    print(f"int8 keeps the sentiment label of {same_sentiment}/{n} and the narrative set of {same_narratives}/{n}")
    for name, result in (("fp32", fp32), ("int8", int8)):
        right = sum(c.sentiment.label == g.sentiment for c, g in zip(result, gold))
        exact = sum({x.label for x in c.narratives} == set(g.narratives) for c, g in zip(result, gold))
        print(f"{name}: sentiment accuracy {right}/{n}, exact narrative sets {exact}/{n}")


if __name__ == "__main__":
    main()
