"""``newsmine demo`` end to end: loopback server, real fetcher, extraction, analysis, store."""

import re
import socket
import sqlite3
import urllib.request

from click.testing import CliRunner

from newsmine.cli import cli
from newsmine.demo import SITE, DemoServer


def feed_paths() -> list[str]:
    return re.findall(r"<link>(/[^<]+)</link>", (SITE / "feed.xml").read_text(encoding="utf-8"))


def test_demo_ingests_the_site_and_is_idempotent(tmp_path):
    db = tmp_path / "demo.db"
    paths = feed_paths()
    private = [p for p in paths if p.startswith("/private/")]
    articles = [p for p in paths if p.startswith("/news/")]
    assert private and len(articles) >= 3

    runner = CliRunner()
    first = runner.invoke(cli, ["--db", str(db), "demo"])
    assert first.exit_code == 0, first.output
    assert "Traceback" not in first.output and "stored articles" in first.output
    with sqlite3.connect(db) as conn:
        outcomes = dict(conn.execute("SELECT outcome, count(*) FROM fetch_log GROUP BY outcome").fetchall())
        stored = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        canonical_ok = conn.execute("SELECT count(*) FROM articles WHERE canonical_url = url").fetchone()[0]
    # Every /news/ page is stored except the maintenance page (no text); robots.txt keeps /private/ out.
    assert outcomes == {"new": len(articles) - 1, "skipped_robots": len(private), "failed": 1}
    assert stored == (len(articles) - 1, len(articles) - 1)
    assert canonical_ok == stored[0]  # root-relative canonical links resolved against the page URL

    second = runner.invoke(cli, ["--db", str(db), "demo", "--limit", "2"])
    assert second.exit_code == 0, second.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == stored[0]
        last_run = conn.execute("SELECT outcome, count(*) FROM fetch_log WHERE id > ? GROUP BY outcome",
                                [sum(outcomes.values())]).fetchall()
    assert dict(last_run)["unchanged"] == len(articles) - 1


def test_demo_server_serves_the_site_and_stops():
    with DemoServer() as server:
        port = server.port
        with urllib.request.urlopen(server.url("/robots.txt"), timeout=5) as reply:
            assert reply.status == 200 and "Disallow: /private/" in reply.read().decode()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        pass
    else:
        raise AssertionError("the demo server still accepts connections after exit")
