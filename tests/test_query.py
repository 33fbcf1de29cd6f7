"""The query API on a real SQLite file written by the Store: filters, dates across offsets, search, cards, SQL."""

import importlib
import sqlite3

import pytest

from newsmine import query
from newsmine.query import QueryError
from newsmine.records import (
    Analysis, Article, AssetMention, Classification, Evidence, ExchangeMention, Facts, Figure, Narrative, Price,
    Quote, Sentence, Sentiment,
)
from newsmine.store import Store


def analysis(n, published, sentences, *, prices=(), figures=(), quotes=(), narratives=(), sentiment="bearish",
             site="Wire", assets=("BTC",), exchanges=()):
    """An Analysis whose fact spans are found in its own text, as the NLP stage makes them."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Sentence(s, pos, pos + len(s)))
        pos += len(s) + 1

    def span(fragment):
        start = text.index(fragment)
        return start, start + len(fragment), next(s.text for s in spans if s.start <= start < s.end)

    facts = Facts(sentences=spans)
    for asset, value, kind, fragment in prices:
        start, end, sentence = span(fragment)
        facts.prices.append(Price(asset, value, "USD", kind, sentence, start, end))
    for kind, value, venue, fragment in figures:
        start, end, sentence = span(fragment)
        facts.figures.append(Figure(kind, value, "USD", sentence, start, end, asset="BTC", venue=venue))
    for said, speaker in quotes:
        start, end, _ = span(said)
        facts.quotes.append(Quote(said, start, end, speaker=speaker))
    facts.assets = [AssetMention(a, a.title(), 2) for a in assets]
    facts.exchanges = [ExchangeMention(e, 1) for e in exchanges]
    def evidence(fragment):
        sentence = next(s for s in spans if s.start <= text.index(fragment) < s.end)
        return Evidence(sentence.text, 0.8, sentence.start, sentence.end)

    tags = [Narrative(label, 0.9, [evidence(ev)]) for label, ev in narratives]
    article = Article(source=f"https://news.test/{n}", url=f"https://news.test/{n}", title=f"Story {n}",
                      text=text, published=published, site=site)
    return Analysis(article, facts, Classification(Sentiment(sentiment, 0.7), tags))


ARTICLES = [
    # 23:30 at -05:00 is the next day in UTC: date filters must see 2021-02-24.
    analysis(1, "2021-02-23T23:30:00-05:00",
             ["Bitcoin fell to $48,000 on Tuesday.", "Liquidations on BitMEX reached $135 million.",
              '"Leverage got flushed," said Jason Lau.'],
             prices=[("BTC", 48000.0, "spot", "$48,000")],
             figures=[("liquidations", 135e6, "BitMEX", "$135 million")],
             quotes=[("Leverage got flushed,", "Jason Lau")],
             narratives=[("over_leverage", "Liquidations on BitMEX")], exchanges=("BitMEX",)),
    analysis(2, "2021-02-24T08:00:00+09:00",
             ["Bitcoin hit a record $58,300 as ETF demand grew.", "Ether rose to $1,900.",
              '"Institutions are here," said Jason Lau of OKCoin.'],
             prices=[("BTC", 58300.0, "ath", "$58,300"), ("ETH", 1900.0, "spot", "$1,900")],
             quotes=[("Institutions are here,", "Jason Lau")], sentiment="bullish", site="Other",
             narratives=[("institutional_flows", "ETF demand")], assets=("BTC", "ETH")),
    analysis(3, "2021-03-01",
             ["Bitcoin traded at $45,000 after $2 billion of long liquidations on Binance.",
              '"Painful week," said Ana Ruiz.'],
             prices=[("BTC", 45000.0, "spot", "$45,000")],
             figures=[("liquidations", 2e9, "Binance", "$2 billion")],
             quotes=[("Painful week,", "Ana Ruiz")], narratives=[("over_leverage", "long liquidations")],
             exchanges=("Binance",)),
    analysis(4, None, ["An undated note: [bold red]\x1b]8;;http://evil\x07click\x1b]8;;\x07 bitcoin at $1."],
             sentiment="neutral", site="[blink]x[/blink]"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "news.db"
    with Store(path) as store:
        for a in ARTICLES:
            store.save(a)
    return path


def test_prices_filters_and_order(db):
    newest_first = query.prices(db, asset="BTC")
    assert [p.value for p in newest_first] == [45000.0, 48000.0, 58300.0]
    assert [p.value for p in query.prices(db, asset="BTC", order="value")] == [58300.0, 48000.0, 45000.0]
    assert [p.value for p in query.prices(db, asset="BTC", order="value", descending=False, limit=1)] == [45000.0]
    assert [p.asset for p in query.prices(db, kind="spot", site="other")] == ["ETH"]
    top = newest_first[0]
    assert top.sentence.startswith("Bitcoin traded at") and top.article_title == "Story 3"
    with pytest.raises(QueryError, match="--speaker does not apply to prices"):
        query.prices(db, speaker="Lau")
    with pytest.raises(QueryError, match="cannot order by"):
        query.prices(db, order="colour")


def test_dates_compare_in_utc_across_offsets(db):
    # Story 1 was published on the 23rd locally but the 24th in UTC; story 2 the 24th locally, 23rd in UTC.
    on_24th = query.articles(db, since="2021-02-24", until="2021-02-24")
    assert [a.id for a in on_24th] == [1]
    on_23rd = query.articles(db, since="2021-02-23", until="2021-02-23")
    assert [a.id for a in on_23rd] == [2]
    assert [a.id for a in query.articles(db, since="2021-02-24T04:30:00Z", until="2021-02-24T04:30:00Z")] == [1]
    assert {a.id for a in query.articles(db, until="2021-03-01")} == {1, 2, 3}  # undated 4 never matches
    assert len(query.articles(db, limit=0)) == 4
    with pytest.raises(QueryError, match="cannot read date"):
        query.articles(db, since="last tuesday")
    assert query.utc_bound("2021-02-23T10:00:00+02:00", upper=False) == "2021-02-23T08:00:00Z"


def test_figures_quotes_exchanges_and_narratives(db):
    liq = query.figures(db, kind="liquidations", order="value")
    assert [(f.value, f.venue) for f in liq] == [(2e9, "Binance"), (135e6, "BitMEX")]
    assert [f.value for f in query.figures(db, venue="bitmex")] == [135e6]  # canonical venue spelling
    lau = query.quotes(db, speaker="lau")
    assert [q.text for q in lau] == ["Leverage got flushed,", "Institutions are here,"]
    assert [q.speaker for q in query.quotes(db, speaker="Ana Ruiz")] == ["Ana Ruiz"]
    assert query.quotes(db, speaker="Ruiz Ana") == []  # words in order
    assert [q.article_id for q in query.quotes(db, asset="ETH")] == [2]
    assert [a.id for a in query.articles(db, narrative="over-leverage")] == [3, 1]
    assert [a.id for a in query.articles(db, sentiment="bullish")] == [2]
    with pytest.raises(QueryError, match="unknown narrative"):
        query.articles(db, narrative="moon")
    venues = query.exchanges(db)
    assert {(v.name, v.articles) for v in venues} == {("BitMEX", 1), ("Binance", 1)}
    assert [v.name for v in query.exchanges(db, since="2021-02-25")] == ["Binance"]


def test_search_snippets_and_malformed_queries(db):
    hits = query.search(db, "liquidations")
    assert [h.article_id for h in hits if h.kind == "article"] and all(h.kind == "article" for h in hits)
    for hit in hits:
        assert hit.marks and all(hit.snippet[s:e].lower().startswith("liquidation") for s, e in hit.marks)
        assert "\x02" not in hit.snippet and "\x03" not in hit.snippet
    quotes = query.search(db, "flushed", scope="quotes")
    assert [(h.kind, h.speaker) for h in quotes] == [("quote", "Jason Lau")]
    assert [h.article_id for h in query.search(db, "bitcoin", since="2021-02-28")] == [3]
    with pytest.raises(QueryError, match='cannot search for .*quote words'):
        query.search(db, 'bitcoin AND "unterminated')
    with pytest.raises(QueryError, match="cannot search"):
        query.search(db, "S&P 500")


def test_article_card_by_id_and_url(db):
    card = query.article(db, "https://news.test/1")
    assert card.id == 1 and card.published_utc == "2021-02-24T04:30:00Z"
    assert [n.label for n in card.narratives] == ["over_leverage"]
    evidence = card.narratives[0].evidence[0]
    assert card.text[evidence.start:evidence.end] == evidence.sentence
    for fact in (*card.prices, *card.figures, *card.quotes):
        assert fact.start is not None and card.text[fact.start:fact.end]
    assert card.text[card.quotes[0].start:card.quotes[0].end] == "Leverage got flushed,"
    assert [e.name for e in card.exchanges] == ["BitMEX"]
    assert query.article(db, 2).title == "Story 2"
    with pytest.raises(QueryError, match="no article"):
        query.article(db, 99)


def test_summary_aggregates(db):
    s = query.summary(db)
    assert s.articles == 4 and s.bucket == "day"
    assert [p.period for p in s.timeline][::6] == ["2021-02-23", "2021-03-01"]  # every day, quiet ones too
    assert [p.articles for p in s.timeline] == [1, 1, 0, 0, 0, 0, 1]
    assert s.timeline[0].sentiments == {"bullish": 1} and s.timeline[1].narratives == {"over_leverage": 1}
    assert {x.label: x.articles for x in s.narratives} == {"over_leverage": 2, "institutional_flows": 1}
    assert s.narratives[0].share == 0.5
    btc = next(p for p in s.prices if p.asset == "BTC")
    assert (btc.low, btc.high, btc.last, btc.mentions) == (45000.0, 58300.0, 45000.0, 3)
    assert btc.high_date == "2021-02-23T23:00:00Z" and btc.last_date == "2021-03-01T00:00:00Z"
    assert [a.speaker for a in s.analysts] == ["Jason Lau", "Ana Ruiz"]
    assert [f.value for f in s.liquidations] == [2e9, 135e6]
    eth = query.summary(db, asset="eth")
    assert eth.articles == 1 and [p.asset for p in eth.prices] == ["ETH"]


def test_sql_is_read_only(db):
    result = query.sql(db, "SELECT id, title FROM articles ORDER BY id")
    assert result.columns == ["id", "title"] and result.rows[0] == (1, "Story 1")
    assert query.sql(db, "SELECT id FROM articles", limit=2).truncated
    with pytest.raises(QueryError, match="readonly|read-only"):
        query.sql(db, "DELETE FROM articles")
    with pytest.raises(QueryError, match="SQL error"):
        query.sql(db, "SELEKT 1")
    with pytest.raises(QueryError, match="SQL error"):
        query.sql(db, f"ATTACH DATABASE '{db.parent / 'other.db'}' AS other")
    assert not (db.parent / "other.db").exists()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    with pytest.raises(QueryError, match="no database"):
        query.sql(db.parent / "missing.db", "SELECT 1")


def test_walking_plan_gives_the_same_answers(db, monkeypatch):
    """Common filters switch to walking articles newest first; the answers must not change."""
    from newsmine.query import facts

    asks = [(query.prices, {"asset": "BTC"}), (query.quotes, {"speaker": "Lau"}), (query.figures, {"venue": "Binance"}),
            (query.articles, {"narrative": "over_leverage", "sentiment": "bearish"}), (query.articles, {"asset": "ETH"})]
    indexed = [ask(db, **kw) for ask, kw in asks]
    monkeypatch.setattr(facts, "PROBE", 1)
    assert [ask(db, **kw) for ask, kw in asks] == indexed
    assert all(indexed)


def test_largest_first_in_a_window_gives_the_same_answers(db, monkeypatch):
    """A listing by value in a date window tries the largest facts first; too few must fall back, same answer."""
    from newsmine.query import facts

    asks = [(query.figures, {"kind": "liquidations", "since": "2021-02-24", "limit": 1}),
            (query.figures, {"since": "2021-01-01", "until": "2021-03-01", "limit": 2}),
            (query.prices, {"asset": "BTC", "since": "2021-02-24", "limit": 2})]
    monkeypatch.setattr(facts, "PROBE", 1)  # every window counts as crowded
    tried = [ask(db, order="value", **kw) for ask, kw in asks]
    monkeypatch.setattr(facts, "CANDIDATES", 1)  # the first one only: never enough for two
    assert [ask(db, order="value", **kw) for ask, kw in asks] == tried
    monkeypatch.setattr(facts, "_largest", lambda *args: None)  # the window walk alone
    assert [ask(db, order="value", **kw) for ask, kw in asks] == tried
    assert all(tried)


def test_summary_buckets_follow_the_span():
    from newsmine.query.summary import _every_period, choose_bucket

    assert choose_bucket("2021-01-01T00:00:00Z", "2021-02-15T00:00:00Z") == "day"
    assert choose_bucket("2021-01-01T00:00:00Z", "2021-12-01T00:00:00Z") == "week"
    assert choose_bucket("2019-01-01T00:00:00Z", "2021-12-01T00:00:00Z") == "month"
    assert _every_period("2020-11", "2021-02", "month") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    assert _every_period("2021-02-22", "2021-03-08", "week") == ["2021-02-22", "2021-03-01", "2021-03-08"]


def test_search_ranks_the_most_recently_stored_matches(db, monkeypatch):
    search_module = importlib.import_module("newsmine.query.search")  # the package exports the function

    assert {h.article_id for h in query.search(db, "bitcoin", scope="articles")} == {1, 2, 3, 4}
    monkeypatch.setattr(search_module, "CANDIDATES", 2)
    assert {h.article_id for h in query.search(db, "bitcoin", scope="articles")} == {3, 4}


def test_published_utc_follows_updates(tmp_path):
    """The store's triggers keep published_utc in step with published_at, on insert and on update."""
    path = tmp_path / "u.db"
    first = analysis(9, "2021-02-23T23:30:00-05:00", ["Bitcoin fell to $48,000 on Tuesday."],
                     prices=[("BTC", 48000.0, "spot", "$48,000")])
    with Store(path) as store:
        store.save(first)
        first.article.text += " It recovered later."
        first.article.published = "2021-02-25T01:00:00+01:00"
        assert store.save(first) == "updated"
    assert query.article(path, 1).published_utc == "2021-02-25T00:00:00Z"
    assert [a.id for a in query.articles(path, since="2021-02-25", until="2021-02-25")] == [1]
    assert [h.article_id for h in query.search(path, "recovered")] == [1]  # FTS followed the text change
