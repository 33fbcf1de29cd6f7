"""Benchmark the common queries on a large synthetic database (target: p95 <= 20 ms at 100,000 articles).

    .venv/bin/python bench/bench_query.py                 # 100,000 articles, cached in bench/.cache/
    .venv/bin/python bench/bench_query.py --articles 20000 --runs 50

The database is built through ``newsmine.store.Store`` (the real write path:
one transaction per article, FTS triggers, sentence links), from synthetic but
realistic records: five years of market wraps from a dozen sites with their
own UTC offsets, prices per asset around a random walk, liquidation and ETF
figures on real venues, analysts' quotes, narratives with evidence. Building
100,000 articles takes several minutes; the file is reused when present.

Each query runs ``--runs`` times with varying parameters on one read-only
connection (as a notebook or a long-lived process would); the table shows
p50 and p95 in milliseconds (wall clock, and CPU time of this process, which
leaves out waiting for a core on a busy machine) and the rows returned.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsmine import query
from newsmine.records import (
    Analysis, Article, AssetMention, Classification, Evidence, ExchangeMention, Facts, Figure, Narrative, Price,
    Quote, Sentence, Sentiment,
)
from newsmine.store import Store
from newsmine.taxonomy import ARTICLE_SENTIMENTS, NARRATIVES

CACHE = Path(__file__).parent / ".cache"
TARGET_MS = 20.0
START = datetime(2019, 1, 1, tzinfo=timezone.utc)
DAYS = 5 * 365
SITES = [("CoinWire", 0), ("Blockwire Daily", -5), ("Ledger Times", 1), ("Asia Crypto Post", 8),
         ("The Block Report", -4), ("Satoshi Street", 0), ("Chain Herald", 2), ("Defi Desk", -7),
         ("Market Pulse", 9), ("Token Ticker", 0), ("Hash Journal", 5.5), ("Crypto Ledger", -3)]
ASSETS = [("BTC", "Bitcoin", 30000.0, 0.5), ("ETH", "Ether", 2000.0, 0.25), ("SOL", "Solana", 60.0, 0.08),
          ("XRP", "XRP", 0.6, 0.08), ("DOGE", "Dogecoin", 0.1, 0.05), ("ADA", "Cardano", 0.5, 0.04)]
VENUES = ["Binance", "BitMEX", "OKX", "Bybit", "Deribit", "CME", "Coinbase", "Kraken", "Bitfinex", "Huobi"]
FIRST = ["Jason", "Ana", "Mati", "Lisa", "Vijay", "Noelle", "Markus", "Joel", "Chris", "Laurent", "Ria", "Tom"]
LAST = ["Lau", "Ruiz", "Greenspan", "Ng", "Ayyar", "Acheson", "Thielen", "Kruger", "Dong", "Kssis", "Shah", "Lee"]
ORGS = ["OKCoin", "Oanda", "10x Research", "QCP Capital", "Kaiko", "Glassnode", "FxPro", "LMAX", None]
EVIDENCE = {
    "profit_taking": "Holders booked profits after the rally, {trader} said.",
    "over_leverage": "Over-leveraged longs were flushed as funding rates spiked.",
    "alt_rotation": "Capital rotated from bitcoin into altcoins as altseason talk grew.",
    "institutional_flows": "Spot ETF inflows reached a record as institutions kept buying.",
    "regulation": "The SEC sued the exchange, and regulators promised more enforcement.",
    "macro": "The Federal Reserve raised interest rates and the dollar strengthened.",
    "security_incident": "Hackers drained the bridge in an exploit that shocked traders.",
}


class Writer:
    """Builds one article's text sentence by sentence, remembering where each fact sits."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.facts = Facts()
        self.pos = 0

    def sentence(self, text: str) -> Sentence:
        s = Sentence(text, self.pos, self.pos + len(text))
        self.facts.sentences.append(s)
        self.parts.append(text)
        self.pos += len(text) + 1
        return s

    def span(self, s: Sentence, fragment: str) -> tuple[int, int]:
        start = s.start + s.text.index(fragment)
        return start, start + len(fragment)


def synthetic(i: int, n: int, rng: random.Random, levels: dict[str, float]) -> Analysis:
    """One realistic market wrap: prices, a figure or two, a quote, narratives with evidence."""
    site, offset = SITES[i % len(SITES)]
    moment = START + timedelta(days=DAYS * i / n, minutes=rng.randrange(600))
    local = moment.astimezone(timezone(timedelta(hours=offset)))
    asset, name, _, _ = rng.choices(ASSETS, weights=[a[3] for a in ASSETS])[0]
    levels[asset] *= 1 + rng.gauss(0, 0.01)
    value = round(levels[asset], 2 if levels[asset] < 10 else 0)
    w = Writer()
    kind = rng.choice(["spot", "spot", "high", "low", "level"])
    s = w.sentence(f"{name} {rng.choice(['traded at', 'rose to', 'fell to', 'touched'])} ${value:,} on "
                   f"{local:%A} as traders weighed the week's moves.")
    price_at = w.span(s, f"${value:,}")
    w.facts.prices.append(Price(asset, value, "USD", kind, s.text, *price_at))
    venue = rng.choice(VENUES)
    liq = rng.randrange(5, 2000) * 1e6
    s = w.sentence(f"Liquidations on {venue} reached ${liq / 1e6:,.0f} million over 24 hours, data showed.")
    w.facts.figures.append(Figure("liquidations", liq, "USD", s.text, *w.span(s, f"${liq / 1e6:,.0f} million"),
                                  asset=asset, venue=venue, side=rng.choice(["long", "short"]), period="24h"))
    change = round(rng.uniform(-12, 12), 1)
    s = w.sentence(f"The token was {abs(change)}% {'higher' if change > 0 else 'lower'} on the day.")
    w.facts.figures.append(Figure("percent_change", change, "percent", s.text, *w.span(s, f"{abs(change)}%"),
                                  asset=asset, period="24h"))
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org = rng.choice(ORGS)
    said = rng.choice(["The market is clearly overheated here,", "We expect volatility to stay elevated,",
                       "Dip buyers are back in force,", "Funding rates tell you everything,"])
    s = w.sentence(f'"{said}" said {speaker}' + (f" of {org}." if org else "."))
    w.facts.quotes.append(Quote(said, *w.span(s, said), speaker=speaker, organization=org))
    narratives = []
    for label in rng.sample(NARRATIVES, rng.choice([0, 1, 1, 2, 2, 3])):
        ev = w.sentence(EVIDENCE[label].format(trader=speaker))
        narratives.append(Narrative(label, round(rng.uniform(0.5, 0.99), 2),
                                    [Evidence(ev.text, round(rng.uniform(0.5, 0.99), 2), ev.start, ev.end)]))
    for _ in range(rng.randrange(2, 6)):
        w.sentence(rng.choice(["Volumes were thin across major venues.", "Analysts remained divided on the outlook.",
                               "Open interest in futures climbed further.", "Options traders bought downside puts.",
                               f"Attention turned to {rng.choice(VENUES)} order books."]))
    w.facts.assets = [AssetMention(asset, name, rng.randrange(1, 12))]
    w.facts.exchanges = [ExchangeMention(v, rng.randrange(1, 4)) for v in {venue, rng.choice(VENUES)}]
    sentiment = Sentiment(rng.choice(ARTICLE_SENTIMENTS), round(rng.uniform(0.4, 0.99), 2))
    article = Article(source=url_of(i), url=url_of(i), title=f"{name} {s.text[:40]} #{i}",
                      text=" ".join(w.parts), published=local.isoformat(timespec="seconds"), site=site,
                      authors=[f"{rng.choice(FIRST)} {rng.choice(LAST)}"])
    return Analysis(article, w.facts, Classification(sentiment, narratives))


def build(path: Path, n: int, console: Console) -> None:
    """Write ``n`` synthetic articles through the Store into a fresh file, then rename it into place."""
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(f"{partial.name}*"):
        leftover.unlink()
    rng = random.Random(7)
    levels = {a[0]: a[2] for a in ASSETS}
    started = time.perf_counter()
    with Store(partial) as store:
        # A throw-away file: skip the fsync per article (the write path is otherwise the real one).
        store.db.execute("PRAGMA synchronous = OFF")
        for i in range(n):
            store.save(synthetic(i, n, rng, levels))
            if (i + 1) % 10_000 == 0:
                console.print(f"  {i + 1:,} articles ({time.perf_counter() - started:.0f} s)", highlight=False)
        store.db.execute("PRAGMA optimize")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    console.print(f"built {n:,} articles in {time.perf_counter() - started:.0f} s: {path}")


def url_of(i: int) -> str:
    """The URL ``synthetic`` gives article ``i`` (0-based)."""
    site = SITES[i % len(SITES)][0]
    return f"https://{site.lower().replace(' ', '')}.test/{i}"


def cases(rng: random.Random, n: int) -> dict[str, Callable[[object], list | object]]:
    """The common questions, each a function of the connection drawing fresh parameters per run."""
    def month() -> tuple[str, str]:
        day = START + timedelta(days=rng.randrange(DAYS - 31))
        return day.date().isoformat(), (day + timedelta(days=30)).date().isoformat()

    def asset() -> str:
        return rng.choice(ASSETS)[0]

    return {
        "prices --asset X (newest 50)": lambda db: query.prices(db, asset=asset()),
        "prices --asset X, one month, by value": lambda db: query.prices(db, asset=asset(), order="value",
                                                                         **dict(zip(("since", "until"), month()))),
        "figures --kind liquidations --order value": lambda db: query.figures(db, kind="liquidations", order="value",
                                                                             limit=20),
        "figures --venue V, one month": lambda db: query.figures(db, venue=rng.choice(VENUES),
                                                                 **dict(zip(("since", "until"), month()))),
        "quotes --speaker NAME": lambda db: query.quotes(db, speaker=f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
        "articles --narrative N --sentiment S": lambda db: query.articles(
            db, narrative=rng.choice(NARRATIVES), sentiment=rng.choice(ARTICLE_SENTIMENTS)),
        "articles --site S, one month": lambda db: query.articles(db, site=rng.choice(SITES)[0],
                                                                 **dict(zip(("since", "until"), month()))),
        "exchanges, one month": lambda db: query.exchanges(db, **dict(zip(("since", "until"), month()))),
        "search WORD (top 20)": lambda db: query.search(db, rng.choice(["exploit", "altseason", "enforcement",
                                                                          "overheated", "puts"])),
        'search "PHRASE" quotes': lambda db: query.search(db, '"funding rates"', scope="quotes"),
        "show ID": lambda db: query.article(db, rng.randrange(1, n + 1)),
        "show URL": lambda db: query.article(db, url_of(rng.randrange(n))),
        "summary, one month": lambda db: query.summary(db, **dict(zip(("since", "until"), month()))),
        "summary, one month, --asset": lambda db: query.summary(db, asset=asset(),
                                                                **dict(zip(("since", "until"), month()))),
        "sql: one article's figures": lambda db: query.sql(db, "SELECT kind, value FROM figures WHERE article_id = ?",
                                                           (rng.randrange(1, n + 1),)),
        "summary, all time": lambda db: query.summary(db),
        "summary, all time, --asset": lambda db: query.summary(db, asset=asset()),
    }


def percentiles(samples: list[float]) -> tuple[float, float]:
    """p50 and p95 (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="database size (default 100,000)")
    parser.add_argument("--runs", type=int, default=100, help="runs per query (default 100)")
    parser.add_argument("--db", type=Path, default=None, help="database file (default bench/.cache/query-N.db)")
    args = parser.parse_args(argv)
    console = Console()
    CACHE.mkdir(exist_ok=True)
    path = args.db or CACHE / f"query-{args.articles}.db"  # an older schema is migrated on open
    if not path.exists():
        console.print(f"building {args.articles:,} synthetic articles (cached afterwards) ...")
        build(path, args.articles, console)
    rng = random.Random(11)
    conn = query.connect(path)
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    out = Table(title=f"query latency, {n:,} articles, {args.runs} runs each (ms)")
    for header in ("query", "p50", "p95", "max", "cpu p50", "cpu p95", "rows"):
        out.add_column(header, justify="left" if header == "query" else "right")
    worst = 0.0
    for name, run in cases(rng, n).items():
        times, cpu, found = [], [], None
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = run(conn)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        p50, p95 = percentiles(times)
        worst = max(worst, p95)
        size = len(found) if isinstance(found, list) else getattr(found, "articles", 1)
        style = "green" if p95 <= TARGET_MS else "red"
        out.add_row(name, f"{p50:.2f}", f"[{style}]{p95:.2f}[/]", f"{max(times):.2f}",
                    *(f"{x:.2f}" for x in percentiles(cpu)), str(size))
    console.print(out)
    # Latency on a shared machine tracks its load: print it beside the figures. CPU
    # time (this process only) leaves out the waits for a core that others hold.
    console.print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
                  + f" on {os.cpu_count()} CPUs")
    console.print(f"worst p95 of the common queries: {worst:.2f} ms "
                  f"(target {TARGET_MS:.0f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
