"""Validate the corpus: every span in its text, every label in the taxonomy.

``check`` returns the problems as one-line strings (empty when the corpus is
sound) together with per-label counts, which ``newsmine corpus check`` prints.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from numbers import Number

from newsmine.corpus import SPLITS, GoldArticle
from newsmine.corpus.training_text import LabelledLine
from newsmine.nlp.lexicon import ASSETS
from newsmine.taxonomy import (
    ARTICLE_SENTIMENTS,
    EXCHANGES,
    FIGURE_KINDS,
    GENRES,
    NARRATIVES,
    PRICE_KINDS,
    SENTENCE_SENTIMENTS,
)


# Figure kinds measured in percent; every other figure is an amount of money
# whose unit is a currency code (GUIDE.md, "Figures").
PERCENT_KINDS = ("percent_change", "funding_rate", "basis")
# Named periods; other spans are written "<n>h" or "<n>d" ("8h", "48h", "9d").
PERIODS = ("day", "week", "month", "ytd", "year")
SIDES = {"liquidations": ("long", "short"), "etf_flow": ("in", "out")}
_CODE = re.compile(r"[A-Z][A-Z0-9]{2,5}")
_SPAN = re.compile(r"[1-9]\d*[hd]")
# each coin's one spelling, found from any capitalisation ("STETH" and "steth" are Lido's "stETH", "USDE" is "USDe")
_SPELLING = {key.upper(): key for key in ASSETS}


def figure_problems(f: dict) -> list[str]:
    """Unit, period, side and asset of one gold figure against the guide's vocabulary."""
    kind, unit, period = f.get("kind"), str(f.get("unit")), f.get("period")
    problems = []
    if kind in PERCENT_KINDS and unit != "percent":
        problems.append(f"unit {unit!r} should be 'percent'")
    if kind not in PERCENT_KINDS and not _CODE.fullmatch(unit):
        problems.append(f"unit {unit!r} should be a currency code")
    if period is not None and period not in PERIODS and not _SPAN.fullmatch(str(period)):
        problems.append(f"period {period!r} not in {PERIODS} or '<n>h'/'<n>d'")
    if f.get("side") is not None and f["side"] not in SIDES.get(kind, ()):
        problems.append(f"side {f['side']!r} not allowed for {kind}")
    if kind == "percent_change" and not f.get("asset"):
        problems.append("percent_change needs the asset that moved")
    return problems


def stance_problems(stances: object, assets: list[str]) -> list[str]:
    """Per-asset stances (GUIDE.md, "Asset stance"): a mapping from tickers in ``assets`` to an article sentiment."""
    if not isinstance(stances, dict):
        return [f"stances {stances!r} is not a mapping of ticker to stance"]
    problems = []
    for ticker, stance in stances.items():
        if ticker not in assets:
            problems.append(f"stance for {ticker!r}, which is not in assets")
        if stance not in ARTICLE_SENTIMENTS:
            problems.append(f"stance {stance!r} for {ticker!r} not in {ARTICLE_SENTIMENTS}")
    return problems


@dataclass
class CorpusReport:
    problems: list[str] = field(default_factory=list)
    counts: dict[str, Counter] = field(default_factory=dict)


def expected_split(article_id: str) -> str | None:
    """The split fixed by the article's number (GUIDE.md): 1 -> test, 2 -> dev mod 5."""
    match = re.search(r"(\d+)$", article_id)
    if not match:
        return None
    return {1: "test", 2: "dev"}.get(int(match.group(1)) % 5, "train")


def _check_article(a: GoldArticle) -> list[str]:
    problems: list[str] = []

    def bad(msg: str) -> None:
        problems.append(f"{a.path.name}: {msg}")

    if a.id != a.path.stem:
        bad(f"id {a.id!r} differs from the file name")
    if a.split not in SPLITS or a.split != expected_split(a.id):
        bad(f"split {a.split!r}, expected {expected_split(a.id)!r}")
    if a.genre not in GENRES:
        bad(f"unknown genre {a.genre!r}")
    if a.sentiment not in ARTICLE_SENTIMENTS:
        bad(f"unknown article sentiment {a.sentiment!r}")
    for label in a.narratives:
        if label not in NARRATIVES:
            bad(f"unknown narrative {label!r}")
    if "stances" in a.meta:
        for problem in stance_problems(a.meta["stances"], a.gold("assets")):
            bad(problem)
    if not a.title:
        bad("no '# ' headline line")
    for s in [*a.sentences, None]:
        sentiment, labels = (s.sentiment, s.narratives) if s else (a.title_sentiment, a.title_narratives)
        where = f"sentence {s.text[:40]!r}" if s else "headline"
        if sentiment not in SENTENCE_SENTIMENTS:
            bad(f"{where}: sentiment {sentiment!r}")
        for label in labels:
            if label not in NARRATIVES:
                bad(f"{where}: unknown narrative {label!r}")
    for p in a.gold("prices"):
        if p.get("kind") not in PRICE_KINDS:
            bad(f"price {p}: kind not in {PRICE_KINDS}")
        if not isinstance(p.get("value"), Number) or not p.get("asset"):
            bad(f"price {p}: needs asset and a numeric value")
        if str(p.get("span", "")) not in a.text or not p.get("span"):
            bad(f"price span {p.get('span')!r} not in text")
        if not _CODE.fullmatch(str(p.get("currency"))):
            bad(f"price {p.get('span')!r}: currency {p.get('currency')!r} is not a code")
        if isinstance(p.get("value"), Number) and p["value"] <= 0:
            bad(f"price {p.get('span')!r}: value must be positive")
    for f in a.gold("figures"):
        if f.get("kind") not in FIGURE_KINDS:
            bad(f"figure {f}: kind not in {FIGURE_KINDS}")
        if not isinstance(f.get("value"), Number):
            bad(f"figure {f}: value is not a number")
        if f.get("venue") and f["venue"] not in EXCHANGES:
            bad(f"figure venue {f['venue']!r} is not a canonical exchange")
        if str(f.get("span", "")) not in a.text or not f.get("span"):
            bad(f"figure span {f.get('span')!r} not in text")
        for problem in figure_problems(f):
            bad(f"figure {f.get('span')!r}: {problem}")
    keys = [p.get("asset") for p in a.gold("prices")] + [f.get("asset") for f in a.gold("figures")] + list(a.gold("assets"))
    for key in dict.fromkeys(k for k in keys if isinstance(k, str)):
        if key not in ASSETS and key.upper() in _SPELLING:  # one spelling per coin, as the extractor writes it
            bad(f"asset {key!r} is written {_SPELLING[key.upper()]!r}")
    for name in a.gold("exchanges"):
        if name not in EXCHANGES:
            bad(f"exchange {name!r} is not a canonical name")
    for q in a.gold("quotes"):
        if not q.get("text") or str(q["text"]) not in a.text:
            bad(f"quote text not in text: {str(q.get('text'))[:50]!r}")
        if "speaker" not in q:
            bad(f"quote {str(q.get('text'))[:30]!r}: speaker missing (use null)")
    return problems


def training_problems(lines: list[LabelledLine]) -> list[str]:
    """Unknown labels and repeated lines (case-insensitive) in headlines and the sentence bank: a duplicate would silently double its weight."""
    problems, seen = [], {}
    for h in lines:
        if h.sentiment not in SENTENCE_SENTIMENTS:
            problems.append(f"{h.source}: sentiment {h.sentiment!r} not in {SENTENCE_SENTIMENTS}")
        problems += [f"{h.source}: narrative {n!r} not in the taxonomy" for n in h.narratives if n not in NARRATIVES]
        key = " ".join(h.text.lower().split())
        if key in seen:
            problems.append(f"{h.source}: duplicate of {seen[key]}")
        seen.setdefault(key, h.source)
    return problems


def check(
    articles: list[GoldArticle],
    headlines: list[LabelledLine] | None = None,
    bank: list[LabelledLine] | None = None,
    dev_headlines: list[LabelledLine] | None = None,
) -> CorpusReport:
    """Label counts and annotation problems across ``articles``, the ``headlines`` (train and dev) and the sentence ``bank`` (what ``newsmine corpus check`` prints).

    A dev headline that repeats a training line is a problem too: it would
    measure memory, not generalisation.
    """
    report = CorpusReport()
    c = report.counts = {
        name: Counter()
        for name in ("split", "genre", "article_sentiment", "article_narrative", "asset_stance", "sentence_sentiment",
                     "sentence_narrative", "headline_sentiment", "dev_headline_sentiment", "bank_sentiment", "bank_narrative", "gold")
    }
    report.problems += training_problems((headlines or []) + (bank or []) + (dev_headlines or []))
    c["headline_sentiment"].update(h.sentiment for h in headlines or [])
    c["dev_headline_sentiment"].update(h.sentiment for h in dev_headlines or [])
    c["bank_sentiment"].update(s.sentiment for s in bank or [])
    c["bank_narrative"].update(n for s in bank or [] for n in s.narratives or ["(none)"])
    seen_ids: set[str] = set()
    for a in articles:
        report.problems += _check_article(a)
        if a.id in seen_ids:
            report.problems.append(f"{a.path.name}: duplicate id {a.id}")
        seen_ids.add(a.id)
        c["split"][a.split] += 1
        c["genre"][a.genre] += 1
        c["article_sentiment"][a.sentiment] += 1
        c["article_narrative"].update(a.narratives)
        stances = a.meta.get("stances")
        if isinstance(stances, dict):
            c["asset_stance"].update(stances.values())
        for s in a.sentences:
            c["sentence_sentiment"][s.sentiment] += 1
            c["sentence_narrative"].update(s.narratives)
            c["sentence_narrative"]["(none)"] += not s.narratives
        c["gold"]["articles"] += 1
        c["gold"]["sentences"] += len(a.sentences)
        for key in ("prices", "figures", "exchanges", "assets", "quotes"):
            c["gold"][key] += len(a.gold(key))
    return report
