"""Score extracted facts against the annotated corpus (``newsmine eval facts``).

Matching is one-to-one and greedy, in gold order:
- prices on (asset, value, kind) with a relative value tolerance, and a looser
  score on (asset, value);
- figures on (kind, value), then the matched pairs' attributes (asset, venue,
  side, period, unit) are scored by accuracy;
- exchanges and assets as sets of names per article;
- quotes by text overlap; speaker (and title, organization) accuracy on the
  quotes found.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsmine.records import Facts

VALUE_TOLERANCE = 0.005  # relative: a rounded "31.4k" still matches 31,444
QUOTE_OVERLAP = 0.6
FIGURE_ATTRIBUTES = ("asset", "venue", "side", "period", "unit")


@dataclass
class Score:
    """Precision/recall/F1 counts, plus the misses and false alarms for reading."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, detail: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.errors.append(detail)


def close(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= VALUE_TOLERANCE * max(abs(x), abs(y)) + 1e-9


def norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def quote_overlap(a: str, b: str) -> float:
    """Share of the shorter quote's words found in the longer one (multiset)."""
    wa, wb = norm_words(a), norm_words(b)
    if not wa or not wb:
        return 0.0
    pool: dict[str, int] = {}
    for w in wb:
        pool[w] = pool.get(w, 0) + 1
    common = 0
    for w in wa:
        if pool.get(w):
            pool[w] -= 1
            common += 1
    return common / max(len(wa), len(wb))


def match(gold: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool],
          score: Score, label: Callable[[Any], str], where: str) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching; updates ``score`` and returns the matched pairs."""
    free = list(found)
    pairs = []
    for g in gold:
        hit = next((f for f in free if same(g, f)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{where}: {label(g)}")
        else:
            free.remove(hit)
            pairs.append((g, hit))
            score.tp += 1
    score.fp += len(free)
    score.false_alarms.extend(f"{where}: {label(f)}" for f in free)
    return pairs


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    articles: int = 0

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "scores": {k: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp,
                           "fn": s.fn} for k, s in self.scores.items()},
            "accuracy": {k: {"accuracy": a.value, "right": a.right, "total": a.total}
                         for k, a in self.accuracies.items()},
        }


def _price_label(p: Any) -> str:
    return f"{_get(p, 'asset')} {_get(p, 'value')} {_get(p, 'kind')} [{_get(p, 'span') or _get(p, 'sentence')}]"


def _figure_label(f: Any) -> str:
    return f"{_get(f, 'kind')} {_get(f, 'value')} {_get(f, 'asset')} [{_get(f, 'span') or _get(f, 'sentence')}]"


def score_article(report: Report, gold: Any, facts: Facts) -> None:
    """Add one article's comparison to ``report``; ``gold`` is a corpus GoldArticle."""
    where = gold.id
    report.articles += 1
    match(gold.gold("prices"), facts.prices,
          lambda g, f: g["asset"] == f.asset and g["kind"] == f.kind and close(g["value"], f.value),
          report.score("prices"), _price_label, where)
    loose_found = list({(p.asset, p.value): p for p in facts.prices}.values())
    loose_gold = list({(g["asset"], float(g["value"])): g for g in gold.gold("prices")}.values())
    match(loose_gold, loose_found, lambda g, f: g["asset"] == f.asset and close(g["value"], f.value),
          report.score("prices (asset, value)"), _price_label, where)
    pairs = match(gold.gold("figures"), facts.figures,
                  lambda g, f: g["kind"] == f.kind and close(g["value"], f.value),
                  report.score("figures"), _figure_label, where)
    for g, f in pairs:
        for attr in FIGURE_ATTRIBUTES:
            want, got = g.get(attr), getattr(f, attr)
            report.accuracy(f"figure {attr}").add(str(want) == str(got), f"{where}: {_figure_label(g)} {attr}={got!r} want {want!r}")
    for key, found in (("exchanges", [e.name for e in facts.exchanges]), ("assets", [a.symbol for a in facts.assets])):
        match(sorted(set(gold.gold(key))), sorted(set(found)), lambda g, f: g == f, report.score(key), str, where)
    qpairs = match(gold.gold("quotes"), facts.quotes,
                   lambda g, f: quote_overlap(g["text"], f.text) >= QUOTE_OVERLAP,
                   report.score("quotes"), lambda q: str(_get(q, "text"))[:70], where)
    for g, f in qpairs:
        for attr, name in (("speaker", "speaker attribution"), ("title", "speaker title"), ("organization", "speaker organization")):
            want, got = g.get(attr), getattr(f, attr)
            report.accuracy(name).add(_same_name(want, got), f"{where}: {str(g['text'])[:50]!r} {attr}={got!r} want {want!r}")


def _same_name(want: Any, got: Any) -> bool:
    if want is None or got is None:
        return want is None and got is None
    return norm_words(str(want)) == norm_words(str(got))


def evaluate(golds: Sequence[Any], facts: Sequence[Facts]) -> Report:
    report = Report()
    for gold, found in zip(golds, facts):
        score_article(report, gold, found)
    return report


def run(split: str | None, ids: str | None = None) -> Report:
    """Extract facts from a corpus split and score them; ``ids`` (a glob such as
    ``d*``) keeps only matching article ids, to see how rules carry over to a new
    writer's articles before they are tuned on."""
    from newsmine import corpus
    from newsmine.nlp.pipeline import extract_facts
    from newsmine.records import Article

    golds = [g for g in corpus.load(split=split) if ids is None or fnmatch.fnmatchcase(g.id, ids)]
    articles = [Article(source=g.id, text=g.text, title=g.title, published=_published(g)) for g in golds]
    return evaluate(golds, extract_facts(articles))


def _published(gold: Any) -> str | None:
    value = gold.meta.get("published")
    return None if value is None else str(value)
