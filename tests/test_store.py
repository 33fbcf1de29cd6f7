"""The SQLite store on a real file: identity, updates in place, atomicity, FTS, pragmas."""

import sqlite3

import pytest

from newsmine.records import (
    Analysis, Article, AssetMention, Classification, Evidence, ExchangeMention, Facts, Figure, Narrative, Page,
    Price, Quote, Sentence, Sentiment, Stance,
)
from newsmine.store import SCHEMA_VERSION, Store, StoreError

S1 = "Bitcoin fell to $31,444 on Tuesday."
S2 = "Liquidations on BitMEX reached $135 million."
S3 = '"Leverage got flushed," said Jason Lau.'


def analysis(url="https://news.test/a", text=None, canonical=None, price=31444.0, title="BTC slides"):
    """An Analysis whose facts point into its text, like the NLP stage makes them."""
    sentences = [S1, S2, S3] if text is None else [text]
    body = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Sentence(s, pos, pos + len(s)))
        pos += len(s) + 1
    facts = Facts(sentences=spans)
    if text is None:
        facts.prices = [Price("BTC", price, "USD", "spot", S1, body.index("$31"), body.index("$31") + 7)]
        facts.figures = [Figure("liquidations", 135e6, "USD", S2, spans[1].start, spans[1].end,
                                asset="BTC", venue="BitMEX", side="long")]
        facts.exchanges = [ExchangeMention("BitMEX", 1)]
        facts.quotes = [Quote("Leverage got flushed,", spans[2].start + 1, spans[2].start + 22, speaker="Jason Lau")]
    narratives = [Narrative("over_leverage", 0.9, [Evidence(S2, 0.95)])]
    return Analysis(Article(source=url, text=body, url=url, canonical_url=canonical, title=title), facts,
                    Classification(Sentiment("bearish", 0.8), narratives))


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "news.db") as s:
        yield s


def rows(store, sql, params=()):
    return store.db.execute(sql, params).fetchall()


def test_pragmas_and_schema_version(tmp_path, store):
    assert rows(store, "PRAGMA journal_mode") == [("wal",)]
    assert rows(store, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(store, "PRAGMA foreign_keys") == [(1,)]
    assert rows(store, "PRAGMA busy_timeout")[0][0] >= 1000
    store.save(analysis())
    store.close()
    with Store(tmp_path / "news.db") as again:  # reopening migrates nothing, loses nothing
        assert again.counts()["articles"] == 1


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database_is_one_line_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "\n" not in str(err.value)


def test_same_url_twice_is_unchanged(store):
    assert store.save(analysis()) == "new"
    before = store.counts()
    assert store.save(analysis()) == "unchanged"
    assert store.counts() == before
    assert before["prices"] == 1 and before["sentences"] == 3 and before["evidence"] == 1


def test_same_content_at_another_url_is_unchanged(store):
    assert store.save(analysis("https://a.test/x")) == "new"
    assert store.save(analysis("https://mirror.test/y")) == "unchanged"
    assert store.counts()["articles"] == 1


def test_canonical_url_comes_first(store):
    assert store.save(analysis("https://a.test/x?utm=1", canonical="https://a.test/x")) == "new"
    changed = analysis("https://a.test/x?utm=2", canonical="https://a.test/x", price=30000.0)
    assert store.save(changed) == "unchanged"  # same text: facts are not rewritten
    changed.article.text += " Update: it bounced."
    assert store.save(changed) == "updated"
    assert rows(store, "SELECT count(*), min(url) FROM articles") == [(1, "https://a.test/x?utm=1")]


def test_changed_article_is_updated_in_place(store):
    store.save(analysis(price=31444.0))
    (old_id,) = rows(store, "SELECT id FROM articles")[0]
    new = analysis(price=29999.0)
    new.article.text = new.article.text.replace("Tuesday", "Wednesday")
    assert store.save(new) == "updated"
    assert rows(store, "SELECT id FROM articles") == [(old_id,)]
    assert rows(store, "SELECT value FROM prices") == [(29999.0,)]
    assert store.counts()["tags"] == 2 and store.counts()["evidence"] == 1  # replaced, not added
    hits = rows(store, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'wednesday'")
    assert hits == [(old_id,)]
    assert rows(store, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'tuesday'") == []


def test_failure_mid_article_rolls_back_and_keeps_old_rows(store):
    store.save(analysis())
    before = store.counts()
    broken = analysis(price=float("nan"))  # NaN -> NULL -> violates prices.value NOT NULL
    broken.article.text += " A new paragraph."
    with pytest.raises(StoreError) as err:
        store.save(broken)
    assert "\n" not in str(err.value)
    assert store.counts() == before
    assert "new paragraph" not in rows(store, "SELECT text FROM articles")[0][0]
    assert rows(store, "SELECT value FROM prices") == [(31444.0,)]
    assert rows(store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'paragraph'") == [(0,)]
    # A brand-new article that fails leaves no trace at all.
    fresh = analysis("https://b.test/z", price=float("inf"))
    fresh.article.text = "Another story entirely."
    with pytest.raises(StoreError):
        store.save(fresh)
    assert store.counts() == before


def test_facts_link_to_sentences_and_fts(store):
    store.save(analysis())
    link = rows(store, "SELECT s.text FROM figures f JOIN sentences s ON s.id = f.sentence_id")
    assert link == [(S2,)]
    assert rows(store, "SELECT s.idx FROM prices p JOIN sentences s ON s.id = p.sentence_id") == [(0,)]
    assert rows(store, "SELECT s.idx FROM quotes q JOIN sentences s ON s.id = q.sentence_id") == [(2,)]
    assert rows(store, "SELECT s.idx FROM evidence e JOIN sentences s ON s.id = e.sentence_id") == [(1,)]
    assert [r["title"] for r in store.db["articles"].search("liquidation")] == ["BTC slides"]
    assert [r["speaker"] for r in store.db["quotes"].search("lau")] == ["Jason Lau"]


def test_asset_stances_are_stored_beside_mentions(store, tmp_path):
    from newsmine.query import article

    a = analysis()
    a.facts.assets = [AssetMention("BTC", "Bitcoin", 3), AssetMention("ETH", "Ether", 1)]
    a.classification.stances = [Stance("BTC", "bearish", 0.8, 3)]
    store.save(a)
    assert rows(store, "SELECT symbol, stance, stance_score FROM assets ORDER BY symbol") == [
        ("BTC", "bearish", 0.8), ("ETH", None, None)]
    card = article(tmp_path / "news.db", 1)
    assert [(m.symbol, m.stance) for m in card.assets] == [("BTC", "bearish"), ("ETH", None)]


def test_span_across_sentences_has_no_sentence_id(store):
    a = analysis()
    a.facts.quotes = [Quote("spans two", 0, len(S1) + 5, speaker="X")]
    store.save(a)
    assert rows(store, "SELECT sentence_id FROM quotes") == [(None,)]


def test_deleting_an_article_cascades(store):
    store.save(analysis())
    store.db.execute("DELETE FROM articles")
    store.db.conn.commit()
    counts = store.counts()
    assert sum(counts.values()) == 0, counts
    assert list(store.db["quotes"].search("lau")) == []


def test_validators_and_fetch_log(store):
    page = Page(source="u", url="https://news.test/a", html="", etag='"v1"', last_modified="Mon, 01 Jan 2024")
    store.save(analysis(), page)
    assert store.validators("https://news.test/a") == ('"v1"', "Mon, 01 Jan 2024")
    assert store.validators("https://news.test/other") == (None, None)
    page.etag = '"v2"'
    assert store.save(analysis(), page) == "unchanged"
    assert store.validators("https://news.test/a")[0] == '"v2"'
    mirror = Page(source="m", url="https://mirror.test/a", html="", etag='"mirror"')
    assert store.save(analysis("https://mirror.test/a"), mirror) == "unchanged"
    assert store.validators("https://news.test/a")[0] == '"v2"'  # a mirror's ETag is not ours
    store.log_fetch("https://news.test/a", "failed", status=503, reason="server error", elapsed=0.2)
    assert rows(store, "SELECT url, status, outcome, reason FROM fetch_log") == [
        ("https://news.test/a", 503, "failed", "server error")]


def test_unchanged_check_before_analysis(store):
    assert not store.unchanged(analysis().article)  # unknown yet
    store.save(analysis())
    page = Page(source="u", url="https://news.test/a", html="", etag='"v9"')
    assert store.unchanged(analysis().article, page)
    assert store.validators("https://news.test/a")[0] == '"v9"'
    changed = analysis().article
    changed.text += " More."
    assert not store.unchanged(changed)


def test_two_writers_on_one_file_neither_duplicate_nor_fail(tmp_path):
    import threading

    path = tmp_path / "shared.db"
    docs = []
    for i in range(30):
        a = analysis(f"https://w.test/{i}")
        a.article.text += f" Story {i}."
        docs.append(a)
    results: list[list[str]] = [[], []]

    def writer(n: int) -> None:
        with Store(path) as s:  # each thread its own connection, like two processes
            for a in (docs if n == 0 else docs[::-1]):
                results[n].append(s.save(a))

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = results[0] + results[1]
    assert statuses.count("new") == 30 and statuses.count("unchanged") == 30
    with Store(path) as s:
        assert s.counts()["articles"] == 30 and s.counts()["prices"] == 30


def _open_at_once(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        Store(path)
        results.put("")
    except Exception as exc:  # noqa: BLE001 (the message is the test's evidence)
        results.put(str(exc))


def test_processes_opening_a_new_database_at_once_all_open_it_in_wal_mode(tmp_path):
    """Each process switches the new file to WAL; none may fail with "database is locked"."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    path = str(tmp_path / "new.db")
    barrier, results = ctx.Barrier(6), ctx.Queue()
    procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results)) for _ in range(6)]
    for p in procs:
        p.start()
    errors = [results.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(60)
    assert errors == [""] * 6
    assert Store(path).db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_new_database_waits_for_a_lock_held_elsewhere_instead_of_failing(tmp_path):
    import threading

    path = tmp_path / "held.db"
    holder = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(0.3, lambda: holder.execute("ROLLBACK")).start()
    store = Store(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.version == SCHEMA_VERSION
