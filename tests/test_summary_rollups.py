"""The dashboard read from roll-ups answers exactly what a scan of the base rows answers.

A database of varied articles (offsets across midnight, undated ones, several
assets per article, prices of assets the article does not name, tied prices,
no currency, no classification) is written through the Store; every summary
is compared with a reference computed in Python from the plain rows, for
whole-day, hour-precision, one-sided, relative and asset filters, and again
after updates in place, a deletion in plain SQL and a migration back-fill.
"""

import random
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from newsmine import query
from newsmine.query import Analyst, AssetPrices, ExchangeRow, Filters, Period, Share, Summary
from newsmine.query.filters import utc_bound
from newsmine.query.rollup import window
from newsmine.query.summary import TOP, choose_bucket
from newsmine.records import (
    Analysis, Article, AssetMention, Classification, ExchangeMention, Facts, Figure, Narrative, Price, Quote,
    Sentence, Sentiment,
)
from newsmine.store import Store
from newsmine.store.rollups import ROLLUPS
from newsmine.taxonomy import ARTICLE_SENTIMENTS, NARRATIVES

ASSETS = ["BTC", "ETH", "SOL"]
SPEAKERS = [("Jason Lau", "OKCoin"), ("Jason Lau", None), ("Ana Ruiz", "Oanda"), ("Ana Ruiz", "FxPro"), (None, None)]
NOW = datetime.now(timezone.utc)


def make(i: int, rng: random.Random, published: str | None) -> Analysis:
    """One article with a random mix of facts; values come from small sets so that extremes tie."""
    text = f"Story {i} about markets. " * 3
    s = Sentence(text[:24], 0, 24)
    named = rng.sample(ASSETS, rng.choice([0, 1, 1, 2, 3]))
    facts = Facts(sentences=[s], assets=[AssetMention(a, a.title(), 1) for a in named])
    for _ in range(rng.choice([0, 1, 2, 3])):
        facts.prices.append(Price(rng.choice(ASSETS), rng.choice([100.0, 150.0, 200.0, 250.0]),
                                  rng.choice(["USD", "USD", "EUR", None]), "spot", s.text, 0, 5))
    for _ in range(rng.choice([0, 1, 2])):
        facts.figures.append(Figure("liquidations", rng.choice([1e6, 5e6, 9e6, 2e7]), "USD", s.text, 0, 5,
                                    asset=rng.choice(ASSETS + [None]), venue=rng.choice(["BitMEX", "Binance"])))
    facts.exchanges = [ExchangeMention(v, rng.randrange(1, 4)) for v in rng.sample(["BitMEX", "Binance", "OKX"],
                                                                                rng.choice([0, 1, 2]))]
    for _ in range(rng.choice([0, 1, 2])):
        speaker, org = rng.choice(SPEAKERS)
        facts.quotes.append(Quote("said so", 0, 5, speaker=speaker, organization=org))
    classification = None
    if rng.random() < 0.9:
        label = rng.choice([*ARTICLE_SENTIMENTS, "unsure"])  # outside the taxonomy: counted without date filters only
        narratives = [Narrative(n, 0.8) for n in rng.sample(NARRATIVES, rng.choice([0, 1, 2]))]
        classification = Classification(Sentiment(label, 0.7), narratives)
    article = Article(source=f"https://news.test/{i}", url=f"https://news.test/{i}", title=f"Story {i}",
                      text=text, published=published)
    return Analysis(article, facts, classification)


def moment(rng: random.Random) -> str | None:
    """A publication time around two year ends, in a random offset; sometimes none or a bare date."""
    if rng.random() < 0.08:
        return None
    when = datetime(2019, 12, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(60 * 24 * 420))
    if rng.random() < 0.1:
        return when.date().isoformat()
    offset = timezone(timedelta(hours=rng.choice([-7, -5, 0, 1, 8, 5.5])))
    return when.astimezone(offset).isoformat(timespec="seconds")


@pytest.fixture
def built(tmp_path):
    rng = random.Random(5)
    path = tmp_path / "news.db"
    with Store(path) as store:
        for i in range(160):
            store.save(make(i, rng, moment(rng)))
        store.save(make(900, rng, (NOW - timedelta(days=2)).isoformat(timespec="seconds")))
    return path, rng


FILTERS = [
    {}, {"asset": "BTC"}, {"asset": "eth"}, {"asset": "DOGE"},
    {"since": "2020-01-01", "until": "2020-01-31"},  # whole days, a month: day bucket
    {"since": "2019-12-30", "until": "2020-03-02"},  # week bucket across a year end
    {"since": "2019-12-14T10:30:00", "until": "2021-01-20T07:00:00+02:00"},  # hour edges, whole year inside
    {"since": "2020-01-01T00:00:00Z", "until": "2020-12-31T23:59:59Z", "asset": "SOL"},
    {"since": "2020-05-17T08:00:00", "until": "2020-05-17T20:00:00"},  # within one day
    {"since": "2020-05-17T20:00:00", "until": "2020-05-18T03:00:00"},  # across one midnight
    {"since": "2020-06-10T12:00:00"}, {"until": "2020-02-15T18:00:00-05:00", "asset": "BTC"},
    {"until": "2020-03-01"}, {"since": "7d"}, {"since": "2020-09-01", "until": "2020-08-01"},
    {"since": "9999-12-31T10:00:00"}, {"until": "0001-01-01T10:00:00"},  # the calendar's ends
]


def reference(path, since=None, until=None, asset=None, top=TOP) -> Summary:
    """The dashboard computed in Python from the plain rows: the semantics the roll-ups must keep."""
    f = Filters(since=since, until=until, asset=asset)
    conn = sqlite3.connect(path)
    named: dict[int, set[str]] = {}
    for article_id, symbol in conn.execute("SELECT article_id, symbol FROM assets"):
        named.setdefault(article_id, set()).add(symbol)
    articles = {i: (utc, sentiment) for i, utc, sentiment in conn.execute(
        "SELECT id, published_utc, sentiment FROM articles")
        if (f.lower is None or (utc and utc >= f.lower)) and (f.upper is None or (utc and utc < f.upper))
        and (f.asset is None or f.asset in named.get(i, set()))}
    dated = sorted(utc for utc, _ in articles.values() if utc)
    first, last = (dated[0], dated[-1]) if dated else (None, None)
    out = Summary(f.lower, f.upper, f.asset, len(articles), first, last, choose_bucket(first, last))

    def period(utc: str) -> str:
        day = date.fromisoformat(utc[:10])
        return {"day": utc[:10], "week": (day - timedelta(days=day.weekday())).isoformat(),
                "month": utc[:7]}[out.bucket]

    narratives = [(i, label) for i, label in conn.execute("SELECT article_id, label FROM tags WHERE kind = 'narrative'")
                  if i in articles]
    periods: dict[str, Period] = {}
    for i, (utc, sentiment) in sorted(articles.items(), key=lambda x: x[1][0] or ""):
        if utc:
            p = periods.setdefault(period(utc), Period(period(utc), 0))
            p.articles += 1
            if sentiment in ARTICLE_SENTIMENTS:
                p.sentiments[sentiment] = p.sentiments.get(sentiment, 0) + 1
    for i, label in narratives:
        if articles[i][0]:
            p = periods[period(articles[i][0])]
            p.narratives[label] = p.narratives.get(label, 0) + 1
    if periods:
        keys, every = sorted(periods), []
        day = date.fromisoformat(keys[0] + "-01" if out.bucket == "month" else keys[0])
        while (key := period(day.isoformat())) <= keys[-1]:
            every.append(key)
            day = (day + timedelta(days=32)).replace(day=1) if out.bucket == "month" else \
                day + timedelta(days=7 if out.bucket == "week" else 1)
        out.timeline = [periods.get(k) or Period(k, 0) for k in every]
    # With a date filter the totals are the timeline's, which lists the taxonomy's sentiments only.
    sentiments = count(s for _, s in articles.values() if s and (s in ARTICLE_SENTIMENTS or not (since or until)))
    out.sentiments = shares(sentiments, len(articles), ARTICLE_SENTIMENTS)
    out.narratives = shares(count(label for _, label in narratives), len(articles), NARRATIVES)

    prices: dict[tuple, AssetPrices] = {}
    found = [(a, c, v, articles[i][0]) for i, a, c, v in conn.execute(
        "SELECT article_id, asset, currency, value FROM prices") if i in articles and (f.asset is None or a == f.asset)]
    for a, c, v, when in sorted(found, key=lambda r: (r[3] is None, r[3] or "", r[2])):  # publication order
        p = prices.get((a, c))
        if p is None:
            prices[a, c] = AssetPrices(a, c, 1, v, when, v, when, v, when)
            continue
        p.mentions += 1
        if v < p.low:
            p.low, p.low_date = v, when
        if v > p.high:
            p.high, p.high_date = v, when
        if when and (p.last_date is None or when > p.last_date):
            p.last, p.last_date = v, when
    out.prices = sorted(prices.values(), key=lambda p: (-p.mentions, p.asset, p.currency or ""))[:top]

    venues: dict[str, ExchangeRow] = {}
    for i, name, mentions in conn.execute("SELECT article_id, name, mentions FROM exchanges"):
        if i in articles:
            e = venues.setdefault(name, ExchangeRow(name, 0, 0, None, None))
            e.articles, e.mentions = e.articles + 1, e.mentions + mentions
            when = articles[i][0]
            e.first = min(filter(None, (e.first, when)), default=None)
            e.last = max(filter(None, (e.last, when)), default=None)
    ranked = sorted(venues.values(), key=lambda e: e.name, reverse=True)
    out.exchanges = sorted(ranked, key=lambda e: -e.articles)[:top]

    speakers: dict[str, Analyst] = {}
    quoted: dict[str, set[int]] = {}
    for i, speaker, org in conn.execute("SELECT article_id, speaker, organization FROM quotes"):
        if i in articles and speaker is not None:
            a = speakers.setdefault(speaker, Analyst(speaker, 0, 0, None))
            a.quotes += 1
            quoted.setdefault(speaker, set()).add(i)
            a.organization = max(filter(None, (a.organization, org)), default=None)
    for a in speakers.values():
        a.articles = len(quoted[a.speaker])
    out.analysts = sorted(speakers.values(), key=lambda a: (-a.quotes, -a.articles, a.speaker))[:top]
    # Liquidations filter on the figure's own asset, not on the assets the article names.
    dated = {i for i, utc in conn.execute("SELECT id, published_utc FROM articles")
             if (f.lower is None or (utc and utc >= f.lower)) and (f.upper is None or (utc and utc < f.upper))}
    liquidations = [(value, i, a) for i, a, value, of in conn.execute(
        "SELECT id, article_id, value, asset FROM figures WHERE kind = 'liquidations'")
        if a in dated and (f.asset is None or of == f.asset)]
    out.liquidations = sorted(liquidations, reverse=True)[:top]
    conn.close()
    return out


def count(labels) -> dict[str, int]:
    out: dict[str, int] = {}
    for label in labels:
        out[label] = out.get(label, 0) + 1
    return out


def shares(found: dict[str, int], total: int, order: tuple[str, ...]) -> list[Share]:
    labels = [x for x in order if x in found] + sorted(x for x in found if x not in order)
    return sorted((Share(x, found[x], found[x] / total if total else 0.0) for x in labels), key=lambda s: -s.articles)


def assert_same(path):
    """Every filter: the roll-up answer equals the reference (liquidations compared by value, id)."""
    with query.connect(path) as conn:
        for filters in FILTERS:
            # a span back from now ("7d") is read once, so both sides bound it from the same second: each
            # reading its own clock, they disagreed whenever a second ticked over between the two calls
            if filters.get("since", "").endswith("d"):
                filters = {**filters, "since": utc_bound(filters["since"], upper=False)}
            got, want = query.summary(conn, **filters), reference(path, **filters)
            # The reference keeps (value, figure id, article id); the dashboard keeps whole figure rows.
            assert [(x.value, x.id, x.article_id) for x in got.liquidations] == want.liquidations, filters
            got.liquidations = want.liquidations = []
            assert got == want, filters


def test_summary_matches_a_scan(built):
    path, _ = built
    assert_same(path)
    s = query.summary(path)
    assert s.articles == 161 and s.bucket == "month" and s.timeline and s.prices and s.analysts
    assert query.summary(path, since="7d").articles == 1


def test_summary_stays_exact_after_updates_and_deletes(built):
    path, rng = built
    with Store(path) as store:
        for i in rng.sample(range(160), 40):  # new content, facts, assets and often a new date
            changed = make(i, rng, moment(rng) if rng.random() < 0.6 else None)
            changed.article.text += f" Revised {i}."
            assert store.save(changed) == "updated"
        store.db.execute("DELETE FROM articles WHERE id IN (3, 4, 5)")  # plain SQL: the trigger keeps up
        store.db.conn.commit()
    assert_same(path)


def test_migration_backfills_the_rollups(built):
    path, _ = built
    tables = [r.table for r in ROLLUPS]

    def snapshot():
        with sqlite3.connect(path) as conn:
            return {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}

    kept = snapshot()
    with sqlite3.connect(path) as conn:  # back to schema 7
        for t in tables:
            conn.execute(f"DROP TABLE {t}")
        conn.execute("DROP TRIGGER summary_ad")
        conn.execute("DROP INDEX figures_kind_asset_value")
        conn.execute("CREATE INDEX figures_kind ON figures(kind, asset)")
        conn.execute("ALTER TABLE assets DROP COLUMN stance")  # migration 9
        conn.execute("ALTER TABLE assets DROP COLUMN stance_score")
        conn.execute("PRAGMA user_version = 7")
    assert query.summary(path).articles == 161  # the reader has the store migrate it
    assert snapshot() == kept


def test_window_splits_into_years_months_days_and_edges():
    win = window("2019-12-14T10:30:00Z", "2021-02-03T07:00:00Z")
    assert win.scans == [("2019-12-14T10:30:00Z", "2019-12-15"), ("2021-02-03", "2021-02-03T07:00:00Z")]
    assert win.stored == [("year", "2020", "2021"), ("day", "2019-12-15", "2020-01-01"),
                          ("month", "2021-01", "2021-02"), ("day", "2021-02-01", "2021-02-03")]
    assert window(None, None).stored == [("year", "", "~")]
    assert window(None, "2020-03-01T00:00:00Z", ("day",)).stored == [("day", "0", "2020-03-01")]
