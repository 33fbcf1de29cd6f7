"""Hostile input, end to end: every input gets a correct result or a one-line reason, in bounded time and memory.

The fetch stage's own tests check each defence at the ``Fetcher`` level; here
the same attacks go through the commands users run (``newsmine analyze
--json``, its rendered cards, ``newsmine ingest --feed``), so what is checked
is the whole path: strict JSON lines in input order, no traceback, nothing raw
on the terminal. Timeouts are shortened (a real ``FetchConfig``, only faster)
so a silent server costs a second, not a minute.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import socket
import time
from functools import partial

import pytest
from click.testing import CliRunner
from loopback import Reply, loopback  # noqa: F401  (pytest fixture)

import newsmine.fetch.fetcher
from newsmine.cli import cli
from newsmine.fetch.config import FetchConfig

MB = 1024 * 1024
HTML = {"Content-Type": "text/html; charset=utf-8"}
STORY = ("Bitcoin fell 4% to $61,200 on Coinbase on Tuesday as $180 million of long positions were liquidated, "
         "traders said. ")
ESCAPES = "\x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\ \x1b]0;title\x07 \x07bell"
MARKUP = "[bold red]Pwned[/] [link=file:///etc/passwd]click[/link]"


def strict(line: str) -> dict:
    """Parse one JSON line, refusing NaN and Infinity (not JSON)."""
    def refuse(name: str):
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(line, parse_constant=refuse)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.fixture(scope="module")
def warm_models():
    """Models load once per process: load them first so memory checks see only the input's cost."""
    import newsmine

    newsmine.analyze(STORY)


@pytest.fixture
def fast_fetch(monkeypatch):
    """The CLI builds ``Fetcher()`` with defaults: make those defaults quick (short timeouts, no retries)."""
    quick = partial(FetchConfig, read_timeout=1.0, total_timeout=4.0, connect_timeout=2.0, retries=0, backoff=0.1)
    monkeypatch.setattr(newsmine.fetch.fetcher, "FetchConfig", quick)


def analyze_json(*inputs: str, stdin: str | None = None) -> list[dict]:
    result = CliRunner().invoke(cli, ["analyze", "--json", *inputs], input=stdin)
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = [strict(line) for line in result.stdout.splitlines()]
    assert [o["source"] for o in lines] == list(inputs)
    for obj in lines:
        if "error" in obj:
            assert set(obj) == {"source", "error"} and obj["error"].strip() and "\n" not in obj["error"]
    return lines


def _endless(request) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.send_header("Transfer-Encoding", "chunked")
    request.end_headers()
    chunk = b"<p>" + b"x" * 65536 + b"</p>"
    while True:
        request.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def _silent(request) -> None:
    time.sleep(3)  # longer than the read timeout; answers nothing


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: nobody listens there


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


def test_hostile_servers_through_analyze_json(warm_models, fast_fetch, loopback):
    wrongly_declared = page("Prix du bitcoin", "Le bitcoin a gagné 5 % à 61 200 € — déjà vu. " + STORY).encode("cp1252")
    routes = {
        "/bomb": Reply(200, gzip.compress(b" " * (60 * MB), compresslevel=9), {**HTML, "Content-Encoding": "gzip"}),
        "/huge": Reply(200, b"<html><body><p>" + b"Bitcoin rallied. " * (60 * MB // 17) + b"</p></body></html>", HTML),
        "/endless": _endless,
        "/silent": _silent,
        "/loop": Reply(302, "", {"Location": "/loop", "Content-Type": "text/plain"}),
        "/missing": Reply(404, "gone", HTML),
        "/broken": Reply(500, "oops", HTML),
        "/doc.pdf": Reply(200, b"%PDF-1.4\n", {"Content-Type": "application/pdf"}),
        "/noise": Reply(200, random.Random(7).randbytes(200_000), HTML),
        "/latin1": Reply(200, page("München", "Der Bitcoin stieg um 3 % auf 58.000 £. " + STORY).encode("latin-1"),
                         {"Content-Type": "text/html; charset=iso-8859-1"}),
        "/utf16": Reply(200, page("Ethereum Ξ rallies", STORY).encode("utf-16"), {"Content-Type": "text/html"}),
        "/lying": Reply(200, wrongly_declared, HTML),  # declared UTF-8, really Windows-1252
    }
    for path, route in routes.items():
        loopback.route(path, route)
    urls = [loopback.url(p) for p in routes]
    extra = [f"http://127.0.0.1:{closed_port()}/a", "ftp://127.0.0.1/file.html", "gopher://127.0.0.1/x"]
    rss_before, started = peak_rss_mb(), time.monotonic()
    lines = analyze_json(*urls, *extra)
    assert time.monotonic() - started < 90
    assert peak_rss_mb() - rss_before < 300  # a 60 MB page or a 60 MB bomb never lands in memory whole
    got = dict(zip(list(routes) + ["closed", "ftp", "gopher"], lines))
    for name in ("/bomb", "/endless", "/silent", "/loop", "/missing", "/broken", "/doc.pdf", "/noise",
                 "closed", "ftp", "gopher"):
        assert "error" in got[name], (name, got[name])
    assert "404" in got["/missing"]["error"] and "500" in got["/broken"]["error"]
    assert "redirect" in got["/loop"]["error"].lower() and "pdf" in got["/doc.pdf"]["error"]
    for capped in ("/bomb", "/huge", "/endless"):  # refused at the 10 MB cap, not read to the end
        assert "cap" in got[capped]["error"]
    assert got["/latin1"]["title"] == "München" and "58.000 £" in got["/latin1"]["text"]
    assert got["/utf16"]["title"] == "Ethereum Ξ rallies"
    assert "61 200 € — déjà vu" in got["/lying"]["text"]


@pytest.fixture
def hostile_files(tmp_path):
    files = {
        "nested.html": "<html><body>" + "<div>" * 200_000 + f"<p>{STORY * 3}</p>" + "</div>" * 200_000 + "</body></html>",
        "nul.html": page("Null\x00title", STORY.replace(" ", "\x00 ", 5) * 3),
        "escapes.html": page(f"BTC {ESCAPES} {MARKUP}", f"{STORY} {ESCAPES} {MARKUP} " * 3),
        "absurd.txt": "Absurd numbers\n\nBitcoin rose 1e308% to $999,999,999,999,999,999,999,999,999,999,999 "
                      "on Binance, a move of 10^400 percent, as $1e999 billion and $" + "9" * 400 + " trillion of "
                      "shorts were liquidated; funding hit -0.0000000001% and NaN%. " + STORY,
        "quotes.txt": "Unbalanced quotes\n\n\"Bitcoin will rise, said one trader. “Another opens and never closes. "
                      "He said ’ and « too. " + STORY + ' "' * 50,
        "long.txt": "Ten thousand sentences\n\n" + " ".join(f"BTC rose {i % 97}% on day {i}." for i in range(10_000)),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "binary.html").write_bytes(os.urandom(100_000))
    return tmp_path


def test_hostile_documents_through_analyze_json(hostile_files):
    names = ["nested.html", "nul.html", "escapes.html", "absurd.txt", "quotes.txt", "long.txt", "binary.html"]
    started = time.monotonic()
    lines = dict(zip(names, analyze_json(*(str(hostile_files / n) for n in names))))
    assert time.monotonic() - started < 180
    assert "error" in lines["binary.html"]
    assert "liquidated" in lines["nested.html"]["text"]
    for name in names[:-1]:
        obj = lines[name]
        assert "error" not in obj, (name, obj)
        assert "\x00" not in obj["text"] and "\x00" not in (obj["title"] or "")
        for item in obj["prices"] + obj["figures"]:
            assert item["value"] is None or abs(item["value"]) < float("inf")
            assert 0 <= item["start"] <= item["end"] <= len(obj["text"])
    assert MARKUP in lines["escapes.html"]["text"]  # kept as data: only the terminal rendering escapes it
    assert len(lines["long.txt"]["text"]) > 200_000 or lines["long.txt"]["text"].startswith("BTC rose 0%")


def test_escapes_and_markup_never_reach_the_terminal_raw(hostile_files):
    result = CliRunner().invoke(cli, ["analyze", str(hostile_files / "escapes.html")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "[bold red]Pwned[/]" in result.output  # shown literally, never interpreted
    assert "file:///etc/passwd" in result.output


def test_feed_links_to_private_addresses_refused_unless_allowed(loopback, tmp_path):
    """``newsmine ingest --feed``: links found in a feed may not reach loopback hosts the user never typed."""
    loopback.route("/a", Reply(200, page("Story A", STORY * 2)))
    other = loopback.url("/a", host="localhost")  # another host name than the typed feed's
    loopback.route("/feed.xml", Reply(200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                                           f"<item><title>A</title><link>{other}</link></item></channel></rss>",
                                      {"Content-Type": "application/rss+xml"}))
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    refused = runner.invoke(cli, ["--db", db, "ingest", "--rate", "100", "--feed", loopback.url("/feed.xml")])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "non-public" in refused.output and loopback.hits("/a") == 0
    allowed = runner.invoke(cli, ["--db", db, "ingest", "--rate", "100", "--allow-private",
                                  "--feed", loopback.url("/feed.xml")])
    assert allowed.exit_code == 0, allowed.output
    assert "Story A" in allowed.output and loopback.hits("/a") == 1
