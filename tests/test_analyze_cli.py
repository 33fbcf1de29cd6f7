"""``newsmine analyze``: the --json contract on files, stdin and URLs, failures included."""

import gzip
import json

import pytest
from click.testing import CliRunner
from loopback import Reply, loopback  # noqa: F401  (pytest fixture)

from newsmine.cli import cli

BODY = ("Bitcoin fell 7% to $31,444 on Tuesday as more than $135 million of long positions were "
        "liquidated on BitMEX, traders said. ")
HTML = (f"<html><head><title>BTC slides [red]hard[/]</title></head><body><article>"
        f"<h1>BTC slides [red]hard[/]</h1><p>{BODY * 3}</p></article></body></html>")


def strict(line: str) -> dict:
    def refuse(name):
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(line, parse_constant=refuse)


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(HTML.replace("slides", "drops").encode()))
    (tmp_path / "c.md").write_text("# A note\n\n" + BODY * 2, encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def test_json_lines_in_input_order_with_failures(files, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSMINE_DB", str(tmp_path / "never.db"))
    inputs = [n if n == "-" else str(files / n) for n in ("a.html", "missing.html", "b.html.gz", "-", "d.pdf", "c.md")]
    result = CliRunner().invoke(cli, ["analyze", "--json", *inputs], input="Ether rose 3% " + BODY)
    assert result.exit_code == 0, result.output
    lines = [strict(line) for line in result.stdout.splitlines()]
    assert [o["source"] for o in lines] == inputs
    assert [("error" in o) for o in lines] == [False, True, False, False, True, False]
    for failed in (lines[1], lines[4]):
        assert set(failed) == {"source", "error"} and "\n" not in failed["error"]
    assert "no such file" in lines[1]["error"]
    assert lines[0]["title"] == "BTC slides [red]hard[/]" and "$31,444" in lines[0]["text"]
    assert lines[2]["title"] == "BTC drops [red]hard[/]"
    assert lines[3]["text"].startswith("Ether rose 3%")
    assert lines[5]["title"] == "A note"
    for ok in (lines[0], lines[2], lines[3], lines[5]):
        for key in ("url", "authors", "published", "site", "prices", "figures", "exchanges", "assets", "quotes"):
            assert key in ok
    assert not (tmp_path / "never.db").exists()  # analyze touches no database


def test_urls_are_fetched(loopback):
    loopback.route("/robots.txt", Reply(404, "", {"Content-Type": "text/plain"}))
    loopback.route("/a", Reply(200, HTML))
    urls = [loopback.url("/a"), loopback.url("/gone")]
    result = CliRunner().invoke(cli, ["analyze", "--json", *urls])
    first, second = (strict(line) for line in result.stdout.splitlines())
    assert first["source"] == urls[0] and first["url"] == urls[0] and "BitMEX" in first["text"]
    assert second == {"source": urls[1], "error": f"{urls[1]}: HTTP 404 Not Found"}


def test_cards_escape_markup_and_exit_1_when_all_fail(files):
    runner = CliRunner()
    shown = runner.invoke(cli, ["analyze", str(files / "a.html")])
    assert shown.exit_code == 0
    assert "BTC slides [red]hard[/]" in shown.output  # printed literally, never interpreted
    failed = runner.invoke(cli, ["analyze", "--json", str(files / "d.pdf"), str(files / "nope.txt")])
    assert failed.exit_code == 1
    assert [strict(line)["source"] for line in failed.stdout.splitlines()] == [
        str(files / "d.pdf"), str(files / "nope.txt")]
    assert "Traceback" not in failed.output
