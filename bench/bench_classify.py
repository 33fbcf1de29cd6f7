"""Classifier cost against the raw encoder, in one run.

Encodes every corpus sentence with the plain fp32 encoder (no selection, no
heads), then runs ``newsmine.classify.classify`` on the same articles, and
prints both times, their ratio and the process's peak RSS. The classifier
should cost no more than the raw encoder: it skips sentences that carry
nothing and batches across articles.

    .venv/bin/python bench/bench_classify.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from newsmine.classify import classify
from newsmine.classify.encoder import get_encoder
from newsmine.classify.heads import default_heads
from newsmine.corpus import load
from newsmine.records import Article


def _timed(run) -> list[float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return [time.perf_counter() - wall, time.process_time() - cpu]


def _best(a: list[float], b: list[float]) -> list[float]:
    return [min(x, y) for x, y in zip(a, b)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed passes of each side (best is kept)")
    args = parser.parse_args()
    gold = load()
    articles = [Article(source=a.id, text=a.text, title=a.title) for a in gold]
    sentences = [a.title for a in gold] + [s.text for a in gold for s in a.sentences]
    encoder, heads = get_encoder(), default_heads()
    encoder.encode(sentences[:8])  # warm-up: first-call allocations are not the steady state
    classify(articles[:1], heads=heads)  # loads the adapted encoder (a load, like the raw side's, is not timed)
    # Wall time and CPU time (all threads): on a shared machine CPU time is the steadier figure.
    raw, ours = [float("inf")] * 2, [float("inf")] * 2
    for _ in range(args.repeat):
        raw = _best(raw, _timed(lambda: encoder.encode(sentences)))
        ours = _best(ours, _timed(lambda: classify(articles, heads=heads)))
    result = {
        "articles": len(articles),
        "sentences": len(sentences),
        "raw_encoder_s": round(raw[0], 3),
        "classify_s": round(ours[0], 3),
        "ratio": round(ours[0] / raw[0], 3),
        "raw_encoder_cpu_s": round(raw[1], 3),
        "classify_cpu_s": round(ours[1], 3),
        "cpu_ratio": round(ours[1] / raw[1], 3),
        "sentences_per_s_raw": round(len(sentences) / raw[0], 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
