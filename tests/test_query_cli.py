"""``newsmine query/search/show/summary/sql`` on a database ingested from the demo site, plus one hostile article."""

import csv
import io
import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmine.cli import cli
from newsmine.ingest import ingest
from newsmine.records import Analysis, Article, Classification, Facts, Quote, Sentence, Sentiment
from newsmine.store import Store

DEMO = Path(__file__).resolve().parents[1] / "corpora" / "demo-site"
OSC_LINK = "\x1b]8;;http://evil.test\x07"
DCS = "\x1bPdcs-payload\x1b\\"  # a device control string: its payload must not print either
HOSTILE_TEXT = f'Bitcoin [bold red]fell[/] {OSC_LINK}here\x1b]8;;\x07 "\x1b[2JWipe the screen," said Mallory.'


def hostile() -> Analysis:
    """An article whose every field tries markup and terminal escapes."""
    text = HOSTILE_TEXT
    start = text.index("\x1b[2J")
    end = text.index(",", start) + 1
    facts = Facts(sentences=[Sentence(text, 0, len(text))],
                  quotes=[Quote(text[start:end], start, end, speaker="[blink]Mallory[/blink]")])
    article = Article(source="https://evil.test/x", url="https://evil.test/x", text=text,
                      title=f"[bold]Owned\x9b31m{DCS} red\x1b[0m\x07\x90c1-payload\x9c",
                      published="2021-02-23T10:00:00+02:00",
                      site=f"{OSC_LINK}Evil[/]")
    return Analysis(article, facts, Classification(Sentiment("bearish", 0.9), []))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    pages = sorted(str(p) for p in (DEMO / "news").rglob("*.html"))
    report = ingest(pages, db=path)
    assert report.totals["new"] >= 5, [i.reason for i in report.failures]  # the pipeline must work
    with Store(path) as store:
        store.save(hostile())
    return path


def run(db, *args, env=None):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env={"COLUMNS": "100", **(env or {})})
    return result


def sql_rows(db, statement):
    with sqlite3.connect(db) as conn:
        return conn.execute(statement).fetchall()


def test_query_prices_json_csv_and_table(demo_db):
    result = run(demo_db, "query", "prices", "--asset", "btc", "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == sql_rows(demo_db, "SELECT count(*) FROM prices WHERE asset = 'BTC'")[0][0] > 0
    assert all(r["asset"] == "BTC" and r["sentence"] for r in rows)
    dates = [datetime.fromisoformat(r["published"]).astimezone(timezone.utc) for r in rows]
    assert dates == sorted(dates, reverse=True)  # newest article first

    by_value = run(demo_db, "query", "prices", "--asset", "BTC", "--order", "value", "--csv", "--limit", "3")
    table = list(csv.DictReader(io.StringIO(by_value.output)))
    assert [float(r["value"]) for r in table] == sorted((r["value"] for r in rows), reverse=True)[:3]

    shown = run(demo_db, "query", "prices", "--asset", "BTC", "--limit", "2")
    assert "prices (2)" in shown.output and "\x1b[" not in shown.output  # no colour when not a terminal


def test_query_filters_on_utc_publication_date(demo_db):
    since, until = "2021-01-01", "2021-06-30"
    result = run(demo_db, "query", "articles", "--since", since, "--until", until, "--json")
    found = [json.loads(line) for line in result.output.splitlines()]
    expected = sql_rows(demo_db, "SELECT count(*) FROM articles WHERE published_utc >= '2021-01-01' "
                                 "AND published_utc < '2021-07-01'")[0][0]
    assert len(found) == expected > 0
    # The hostile article: 10:00 at +02:00 is 08:00 UTC on the 23rd; a filter ending at 07:59 UTC excludes it.
    edge = run(demo_db, "query", "articles", "--since", "2021-02-23T08:00:00Z", "--until", "2021-02-23T08:00:00Z",
               "--json")
    assert [json.loads(line)["url"] for line in edge.output.splitlines()] == ["https://evil.test/x"]
    before = run(demo_db, "query", "articles", "--since", "2021-02-23T07:00Z", "--until", "2021-02-23T07:59:59Z")
    assert "no matches" in before.output

    bad = run(demo_db, "query", "quotes", "--since", "yesterday-ish")
    assert bad.exit_code == 2 and "cannot read date" in bad.output and "Traceback" not in bad.output


def test_query_narrative_and_exchange_listings(demo_db):
    result = run(demo_db, "query", "articles", "--narrative", "over_leverage", "--json", "--limit", "0")
    found = [json.loads(line) for line in result.output.splitlines()]
    assert found and all("over_leverage" in a["narratives"] for a in found)
    venues = run(demo_db, "query", "exchanges", "--json")
    names = [json.loads(line)["name"] for line in venues.output.splitlines()]
    assert names and set(names) <= {r[0] for r in sql_rows(demo_db, "SELECT name FROM exchanges")}
    wrong = run(demo_db, "query", "prices", "--speaker", "x")
    assert wrong.exit_code == 2 and "--speaker does not apply to prices" in wrong.output


def test_search_highlights_and_reports_bad_queries(demo_db):
    result = run(demo_db, "search", "liquidations", "--json")
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert hits and {h["kind"] for h in hits} <= {"article", "quote"}
    for hit in hits:
        assert hit["marks"] and all(hit["snippet"][s:e].lower().startswith("liquid") for s, e in hit["marks"])  # porter stems
    table = run(demo_db, "search", "liquidations")
    assert "search (" in table.output and "liquidation" in table.output.lower()
    bad = run(demo_db, "search", '"unbalanced')
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "cannot search" in bad.output


def test_show_card_has_tags_facts_and_text(demo_db):
    aid, title = sql_rows(demo_db, "SELECT a.id, a.title FROM articles a JOIN tags t ON t.article_id = a.id "
                                   "JOIN prices p ON p.article_id = a.id WHERE t.kind = 'narrative' LIMIT 1")[0]
    result = run(demo_db, "show", str(aid), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert title.split()[0] in result.output and "narratives" in result.output and "facts" in result.output
    card = json.loads(run(demo_db, "show", str(aid), "--json").output)
    assert card["id"] == aid and card["narratives"] and card["prices"]
    assert all(card["text"][p["start"]:p["end"]] for p in card["prices"])
    missing = run(demo_db, "show", "https://nowhere.test/")
    assert missing.exit_code == 2 and "no article" in missing.output


@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}])
def test_scraped_text_is_escaped_everywhere(demo_db, env):
    """Markup prints literally and no scraped escape sequence reaches the terminal, colour or not."""
    outputs = [run(demo_db, *args, env=env).output for args in (
        ("show", "https://evil.test/x"), ("query", "articles", "--site", f"{OSC_LINK}Evil[/]"),
        ("query", "quotes", "--speaker", "Mallory"), ("search", "wipe"), ("sql", "SELECT title, site FROM articles"),
        ("summary",))]
    for out in outputs:
        # rich's own colour codes are fine when forced; the article's sequences are not.
        for sequence in (OSC_LINK, "\x1b]", "\x1b[2J", "\x07", "\x9b", "\x90", "payload"):
            assert sequence not in out
    show, articles, quotes = outputs[:3]
    plain = re.sub(r"\x1b\[[0-9;]*m", "", show)  # rich's own colours, when forced
    assert "[bold]Owned red" in plain and "[bold red]fell[/]" in plain
    assert "Owned" in articles and "[blink]Mallory[/blink]" in re.sub(r"\x1b\[[0-9;]*m", "", quotes)
    assert ("\x1b[" in show) == bool(env)


def test_output_fits_the_terminal_width(demo_db):
    for width in (60, 140):
        out = run(demo_db, "summary", env={"COLUMNS": str(width)}).output
        assert max(len(line) for line in out.splitlines()) <= width
        out = run(demo_db, "query", "quotes", env={"COLUMNS": str(width)}).output
        assert max(len(line) for line in out.splitlines()) <= width


def test_summary_dashboard_and_json(demo_db):
    result = run(demo_db, "summary", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    for heading in ("articles per", "sentiment", "narratives", "price mentions per asset"):
        assert heading in result.output
    data = json.loads(run(demo_db, "summary", "--json").output)
    assert data["articles"] == sql_rows(demo_db, "SELECT count(*) FROM articles")[0][0]
    btc = next(p for p in data["prices"] if p["asset"] == "BTC" and p["currency"] == "USD")
    low, high = sql_rows(demo_db, "SELECT min(value), max(value) FROM prices WHERE asset = 'BTC' "
                                  "AND currency = 'USD'")[0]
    assert (btc["low"], btc["high"]) == (low, high)
    scoped = json.loads(run(demo_db, "summary", "--since", "2021-01-01", "--until", "2021-12-31", "--json").output)
    assert 0 < scoped["articles"] < data["articles"]


def test_sql_is_read_only(demo_db):
    before = sql_rows(demo_db, "SELECT count(*) FROM articles")[0][0]
    ok = run(demo_db, "sql", "SELECT count(*) AS n FROM articles", "--json")
    assert json.loads(ok.output) == {"n": before}
    for statement in ("DELETE FROM articles", "DROP TABLE prices", "PRAGMA user_version = 99"):
        refused = run(demo_db, "sql", statement)
        assert refused.exit_code == 2 and "readonly" in refused.output.replace("-", "")
    assert sql_rows(demo_db, "SELECT count(*) FROM articles")[0][0] == before
    bad = run(demo_db, "sql", "SELEC nonsense")
    assert bad.exit_code == 2 and "SQL error" in bad.output
