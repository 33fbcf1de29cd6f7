"""``ingest`` and ``newsmine ingest`` against a real loopback HTTP server and a real SQLite file."""

import sqlite3

import pytest
from click.testing import CliRunner
from loopback import Reply, loopback  # noqa: F401  (pytest fixture)

from newsmine.cli import cli
from newsmine.ingest import ingest

HTML = "text/html; charset=utf-8"
PARAGRAPH = "Bitcoin fell sharply on {day} as liquidations mounted across derivatives exchanges. "


def page(title: str, day: str = "Tuesday") -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{PARAGRAPH.format(day=day) * 4}</p><p>Traders said {title} was a surprise.</p>"
            "</article></body></html>")


@pytest.fixture
def site(loopback):
    loopback.route("/robots.txt", Reply(200, "User-agent: *\nDisallow: /private\n", {"Content-Type": "text/plain"}))
    loopback.route("/a", Reply(200, page("Story A")))
    loopback.route("/b", Reply(200, page("Story B", "Monday")))
    loopback.route("/private", Reply(200, page("Hidden")))
    loopback.route("/empty", Reply(200, "<html><body><nav>menu</nav></body></html>"))
    return loopback


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def run(site, db, *paths, **kwargs):
    return ingest([site.url(p) for p in paths], db=db, rate=100, **kwargs)


def test_new_unchanged_updated_robots_and_failures(site, tmp_path):
    db = tmp_path / "n.db"
    seen = []
    report = run(site, db, "/a", "/b", "/private", "/missing", "/empty",
                 progress=lambda item, done, total: seen.append((item.status, done, total)))
    assert report.totals == {"new": 2, "updated": 0, "unchanged": 0, "not_modified": 0,
                             "skipped_robots": 1, "failed": 2}
    assert report.ok
    assert [d for _, d, _ in seen] == [1, 2, 3, 4, 5] and seen[-1][2] == 5
    reasons = {i.source.rsplit("/", 1)[1]: i.reason for i in report.items}
    assert "robots.txt" in reasons["private"]
    assert "404" in reasons["missing"]
    assert "no article text" in reasons["empty"]
    assert all("\n" not in (r or "") for r in reasons.values())
    assert site.hits("/private") == 0  # robots.txt is obeyed, not just reported
    log = dict(rows(db, "SELECT outcome, count(*) FROM fetch_log GROUP BY outcome"))
    assert log == {"new": 2, "skipped_robots": 1, "failed": 2}
    assert rows(db, "SELECT reason FROM fetch_log WHERE url LIKE '%/missing'")[0][0].endswith("HTTP 404 Not Found")

    again = run(site, db, "/a", "/b")
    assert again.totals["unchanged"] == 2 and again.totals["new"] == 0

    site.route("/a", Reply(200, page("Story A", "Friday")))
    changed = run(site, db, "/a")
    assert [i.status for i in changed.items] == ["updated"]
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert rows(db, "SELECT count(*) FROM articles WHERE text LIKE '%Friday%'") == [(1,)]


def test_conditional_get_uses_stored_validators(loopback, tmp_path):
    loopback.route("/robots.txt", Reply(404, "", {"Content-Type": "text/plain"}))

    def etagged(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, page("Tagged"), {"Content-Type": HTML, "ETag": '"v1"'})

    loopback.route("/t", etagged)
    db = tmp_path / "n.db"
    assert run(loopback, db, "/t").totals["new"] == 1
    second = run(loopback, db, "/t")
    assert [i.status for i in second.items] == ["not_modified"]
    assert second.ok
    assert loopback.requests[-1].headers.get("If-None-Match") == '"v1"'


def test_feed_links_need_allow_private_on_loopback(site, tmp_path):
    items = "".join(f"<item><title>{p}</title><link>{site.url(p)}</link></item>" for p in ("/a", "/b"))
    site.route("/feed.xml", Reply(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
                                       "</channel></rss>", {"Content-Type": "application/rss+xml"}))
    db = tmp_path / "n.db"
    refused = ingest(feeds=[site.url("/feed.xml")], db=db, rate=100)
    assert refused.totals["failed"] == 2 and not refused.ok
    assert "non-public" in refused.items[0].reason
    allowed = ingest(feeds=[site.url("/feed.xml")], db=db, rate=100, allow_private=True)
    assert allowed.totals["new"] == 2
    broken = ingest(feeds=[site.url("/nofeed")], db=db, rate=100)
    assert [i.status for i in broken.items] == ["failed"]
    assert rows(db, "SELECT outcome FROM fetch_log WHERE url LIKE '%/nofeed'") == [("failed",)]


def test_sitemap_links_are_ingested(site, tmp_path):
    locs = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in ("/a", "/b", "/private"))
    site.route("/sitemap.xml", Reply(200, '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                                          f'sitemap/0.9">{locs}</urlset>', {"Content-Type": "application/xml"}))
    report = ingest(sitemaps=[site.url("/sitemap.xml")], db=tmp_path / "n.db", rate=100, allow_private=True)
    assert report.totals["new"] == 2 and report.totals["skipped_robots"] == 1


def test_local_files_and_url_list(site, tmp_path):
    (tmp_path / "saved.html").write_text(page("Saved page"), encoding="utf-8")
    (tmp_path / "note.md").write_text("# A note\n\n" + PARAGRAPH.format(day="Sunday") * 3, encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# inputs\n{site.url('/a')}\n{tmp_path / 'saved.html'}\n{tmp_path / 'nope.html'}\n")
    report = ingest([str(tmp_path / "note.md")], from_file=listing, db=tmp_path / "n.db", rate=100)
    statuses = sorted((i.status, i.title or "") for i in report.items)
    assert statuses == [("failed", ""), ("new", "A note"), ("new", "Saved page"), ("new", "Story A")]


def test_cli_exit_codes_and_output(site, tmp_path):
    db = tmp_path / "n.db"
    runner = CliRunner()
    ok = runner.invoke(cli, ["--db", str(db), "ingest", "--rate", "100", site.url("/a"), site.url("/missing")])
    assert ok.exit_code == 0, ok.output
    assert "Story A" in ok.output and "ingest summary" in ok.output and "404" in ok.output
    before = rows(db, "SELECT id, content_hash FROM articles")

    bad = runner.invoke(cli, ["--db", str(db), "ingest", "--rate", "100", site.url("/missing"), site.url("/private")])
    assert bad.exit_code == 1
    assert "nothing stored" in bad.output and "Traceback" not in bad.output
    assert rows(db, "SELECT id, content_hash FROM articles") == before  # nothing stored before is lost

    nothing = runner.invoke(cli, ["--db", str(db), "ingest"])
    assert nothing.exit_code == 2 and "at least one" in nothing.output
    no_db = runner.invoke(cli, ["--db", str(tmp_path / "no" / "n.db"), "ingest", site.url("/a")])
    assert no_db.exit_code == 2 and "cannot open database" in no_db.output
    assert "Traceback" not in no_db.output


def test_scraped_markup_is_escaped(loopback, tmp_path):
    loopback.route("/robots.txt", Reply(404, "", {"Content-Type": "text/plain"}))
    loopback.route("/x", Reply(200, page("[bold red]Pwned[/] \x1b[31mred")))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "ingest", "--rate", "100", loopback.url("/x")])
    assert result.exit_code == 0
    assert "[bold red]Pwned[/]" in result.output  # shown literally, not interpreted
    assert "\x1b[31m" not in result.output


def test_terminal_safe_strips_controls_and_escapes_markup():
    from newsmine.terminal import clean, safe

    hostile = "[link=http://evil]click[/link]\x1b[2J\x1b]8;;http://x\x07\u202eabc\rdef\x00"
    assert safe(hostile) == "\\[link=http://evil]click\\[/link]abc def"
    assert clean("a\nb", keep_newlines=True) == "a\nb" and clean("a\n  b") == "a b"
    assert safe("x" * 50, limit=10) == "x" * 9 + "…"
    # DCS strings and the single-byte C1 forms (CSI, DCS, OSC) go whole, payload included.
    c1 = "a\x1bP1$qm\x1b\\b\x9b31mc\x90payload\x9cd\x9d0;title\x07e\x1bcf"
    assert safe(c1) == "abcdef"
