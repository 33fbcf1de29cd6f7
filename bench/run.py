"""Throughput of every stage, end to end, and the ratio to the raw model cost.

    .venv/bin/python bench/run.py [--copies N] [--json] [--cold]

Serves the rendered corpus (bench/workload.py) on 127.0.0.1, then times, in
one process: fetch, extract, nlp, classify and store on their own; the
analysis as ``newsmine.pipeline`` orchestrates it; ``newsmine analyze`` on the
pages saved as files (read + extract + analyse, the CLI's own function);
``newsmine ingest`` of the served URLs into a fresh database; and the raw
model cost on the same texts (bench/raw.py). Models are loaded (and timed)
once before the stages, so rows compare processing, not start-up; ``--cold``
adds one real ``newsmine analyze --json`` subprocess, start-up included.
Peak RSS is the process's high-water mark after each row.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raw import raw_cost
from workload import build, serve

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    stage: str
    items: int
    seconds: float
    rss_mb: float
    note: str = ""

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else float("inf")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def timed(rows: list[Row], stage: str, items: int, fn: Callable[[], Any], note: str = "") -> Any:
    started = time.perf_counter()
    result = fn()
    rows.append(Row(stage, items, time.perf_counter() - started, peak_rss_mb(), note))
    return result


def measure(copies: int, cold: bool) -> tuple[list[Row], dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="newsmine-bench-") as folder:
        return measure_in(Path(folder), copies, cold)


def measure_in(tmp: Path, copies: int, cold: bool) -> tuple[list[Row], dict[str, float]]:
    """All rows, with databases and page files under ``tmp``."""
    from newsmine.classify import classify
    from newsmine.cli.analyze import analyze_inputs
    from newsmine.extract import extract
    from newsmine.fetch.config import FetchConfig
    from newsmine.fetch.fetcher import Fetcher
    from newsmine.ingest import ingest
    from newsmine.nlp import extract_facts
    from newsmine.pipeline import analyze_articles
    from newsmine.records import Analysis
    from newsmine.store import Store

    workload = build(copies)
    n = len(workload.pages)
    rows: list[Row] = []
    with serve(workload) as base:
        urls = [base + path for path in workload.paths]
        config = FetchConfig(rate=10_000, retries=0)
        with Fetcher(config) as fetcher:
            fetched = timed(rows, "fetch", n, lambda: [r for _, r in fetcher.fetch_all(urls, ordered=True)])
        pages = [p for p in fetched if not isinstance(p, Exception)]
        articles = timed(rows, "extract", len(pages), lambda: [extract(p) for p in pages])
        timed(rows, "model load", 1, lambda: analyze_articles(articles[:1]), "spaCy + encoder, once per process")
        facts = timed(rows, "nlp", n, lambda: extract_facts(articles))
        classes = timed(rows, "classify", n, lambda: classify(articles, facts))
        analyses = [Analysis(a, f, c) for a, f, c in zip(articles, facts, classes)]
        with Store(tmp / "stage.db") as store:
            timed(rows, "store", n, lambda: [store.save(a, p) for a, p in zip(analyses, pages)])
        timed(rows, "analysis (pipeline)", n, lambda: analyze_articles(articles), "nlp + classify as orchestrated")
        files = tuple(str(f) for f in workload.write(tmp))
        timed(rows, "newsmine analyze", n, lambda: analyze_inputs(files), "end to end: files -> Analysis")
        report = timed(rows, "newsmine ingest", n,
                       lambda: ingest(urls, db=tmp / "ingest.db", rate=10_000), "end to end: URLs -> SQLite")
        assert report.totals["new"] == n, report.totals
    raw = timed(rows, "raw model cost", n, lambda: raw_cost([a.text for a in articles]))
    rows[-1].note = f"spaCy {raw.spacy_s:.2f}s + MiniLM fp32 {raw.encoder_s:.2f}s ({raw.sentences} sentences)"
    if cold:
        command = [sys.executable, "-m", "newsmine", "analyze", "--json", str(tmp)]
        timed(rows, "analyze (cold CLI)", n, lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT),
              "one subprocess, model load included")
    by_stage = {r.stage: r.seconds for r in rows}
    ratios = {
        "analyze_vs_raw": by_stage["newsmine analyze"] / raw.total_s,
        "ingest_vs_raw": by_stage["newsmine ingest"] / raw.total_s,
    }
    return rows, ratios


def show(rows: list[Row], ratios: dict[str, float], copies: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"newsmine benchmark ({rows[0].items} pages, corpus x{copies})")
    for column, justify in (("stage", "left"), ("items", "right"), ("seconds", "right"),
                            ("items/s", "right"), ("peak RSS MB", "right"), ("note", "left")):
        table.add_column(column, justify=justify)
    for r in rows:
        table.add_row(r.stage, str(r.items), f"{r.seconds:.2f}", f"{r.rate:.1f}", f"{r.rss_mb:.0f}", r.note)
    console = Console()
    console.print(table)
    console.print(f"newsmine analyze / raw model cost: [bold]{ratios['analyze_vs_raw']:.2f}x[/]   "
                  f"newsmine ingest / raw model cost: [bold]{ratios['ingest_vs_raw']:.2f}x[/]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="repeat the corpus N times (distinct URLs and titles)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--cold", action="store_true", help="also time one cold `newsmine analyze` subprocess")
    args = parser.parse_args()
    rows, ratios = measure(args.copies, args.cold)
    if args.json:
        print(json.dumps({"rows": [{**vars(r), "rate": r.rate} for r in rows], **ratios}, indent=2))
    else:
        show(rows, ratios, args.copies)


if __name__ == "__main__":
    main()
