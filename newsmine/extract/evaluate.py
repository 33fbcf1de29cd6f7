"""Score article-body extraction with word 4-gram shingle precision/recall/F1.

This is the metric of the article-extraction benchmark (see the README of the
benchmark folder): texts become multisets of 4-token shingles, each page gets
its own precision and recall (so long pages weigh no more than short ones), the
corpus figures are the means of the per-page values, and F1 comes from those
two means. Keeping the metric here, separate from the runner, lets the tests
check it on tiny hand-made examples.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsmine.errors import InputError, NewsmineError
from newsmine.extract import extract_html

_WORD = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """Runs of Unicode word characters, case kept (punctuation and spaces drop out)."""
    return _WORD.findall(text)


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles; a short non-empty text is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


@dataclass
class PageScore:
    """One page's shingle overlap; ``None`` marks a value left out of the corpus mean."""

    precision: float | None
    recall: float | None
    exact: bool


def score_page(predicted: str, truth: str) -> PageScore:
    """Precision and recall of one prediction against its ground truth.

    A page with no predicted shingles has no precision (it cannot have been
    wrong, only incomplete), and one with an empty truth has no recall; both
    are left out of the respective means rather than counted as zero.
    """
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    exact = tokens(predicted) == tokens(truth)
    if fp == 0 and fn == 0:
        return PageScore(1.0, 1.0, exact)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return PageScore(precision, recall, exact)


@dataclass
class Scores:
    """Corpus figures: means of per-page values, with bootstrap standard deviations."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_sd: float = 0.0
    recall_sd: float = 0.0
    f1_sd: float = 0.0
    accuracy_sd: float = 0.0
    failures: int = 0  # pages the extractor rejected (scored as empty predictions)
    seconds: float = 0.0


def _mean(values: Iterable[float | None]) -> float:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else 0.0


def _figures(pages: list[PageScore]) -> tuple[float, float, float, float]:
    p = _mean(s.precision for s in pages)
    r = _mean(s.recall for s in pages)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(s.exact for s in pages) / len(pages) if pages else 0.0
    return p, r, f1, acc


def _sd(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def aggregate(pages: list[PageScore], resamples: int = 1000, seed: int = 0) -> Scores:
    """Corpus precision/recall/F1/accuracy, with ± from a seeded page bootstrap."""
    p, r, f1, acc = _figures(pages)
    scores = Scores(len(pages), p, r, f1, acc)
    if pages and resamples:
        rng = random.Random(seed)
        samples = [_figures(rng.choices(pages, k=len(pages))) for _ in range(resamples)]
        scores.precision_sd, scores.recall_sd, scores.f1_sd, scores.accuracy_sd = (
            _sd([s[i] for s in samples]) for i in range(4)
        )
    return scores


def load_benchmark(path: Path) -> list[tuple[str, str, str]]:
    """``(page id, url, expected body)`` for every page of a benchmark folder."""
    truth_file = path / "ground-truth.json"
    if not truth_file.is_file() or not (path / "html").is_dir():
        raise InputError(f"{path}: not a benchmark folder (needs ground-truth.json and html/)")
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{truth_file}: unreadable ground truth: {exc}") from None
    return [(key, entry.get("url", ""), entry.get("articleBody", "")) for key, entry in sorted(truth.items())]


def _extract_one(job: tuple[Path, str, str]) -> str | None:
    """Extract one benchmark page (in a worker process); None when extraction fails."""
    html_path, url, source = job
    try:
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace")
        return extract_html(html, url=url, source=source).text
    except (NewsmineError, OSError):
        return None


def evaluate(path: Path, workers: int = 2, limit: int | None = None) -> tuple[Scores, list[tuple[str, PageScore]]]:
    """Run ``newsmine.extract`` over a benchmark folder and score it."""
    entries = load_benchmark(path)[:limit]
    jobs = [(path / "html" / f"{key}.html.gz", url, key) for key, url, _ in entries]
    started = time.perf_counter()
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_extract_one, jobs, chunksize=4))
    else:
        results = [_extract_one(job) for job in jobs]
    per_page = [(key, score_page(text or "", body)) for (key, _, body), text in zip(entries, results)]
    scores = aggregate([s for _, s in per_page])
    scores.failures = sum(1 for text in results if text is None)
    scores.seconds = time.perf_counter() - started
    return scores, per_page
