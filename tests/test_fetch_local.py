"""Local files, folders and stdin, decoded like HTTP bodies."""

from __future__ import annotations

import gzip
import io

from newsmine.errors import InputError
from newsmine.fetch import read_local

RU = '<html><head><meta charset="windows-1251"></head><body><p>Биткоин упал до 30 000 долларов</p></body></html>'


def test_each_kind_of_file_in_a_folder(tmp_path):
    (tmp_path / "a.html").write_text("<p>html café</p>", encoding="utf-8")
    (tmp_path / "b.htm").write_bytes(RU.encode("cp1251"))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress("<p>gz</p>".encode()))
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.txt").write_bytes("\ufeffBitcoin fell 5%.".encode("utf-8"))
    (sub / "e.md").write_bytes("# Ether\n\nΞ rallied".encode("utf-16"))
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.html").write_text("<p>hidden</p>")
    pages = list(read_local(str(tmp_path)))
    assert [p.source.removeprefix(str(tmp_path) + "/") for p in pages] == [
        "a.html", "b.htm", "c.html.gz", "sub/d.txt", "sub/e.md"
    ]
    assert [p.html for p in pages] == ["<p>html café</p>", RU, "<p>gz</p>", "Bitcoin fell 5%.", "# Ether\n\nΞ rallied"]
    assert [p.is_text for p in pages] == [False, False, False, True, True]
    assert pages[1].encoding == "cp1251" and pages[0].url is None


def test_bad_inputs_give_one_line_errors(tmp_path):
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8bnot gzip at all")
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"\0" * 5_000_000))
    (tmp_path / "paper.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty").mkdir()
    cases = {
        "broken.html.gz": "corrupt gzip",
        "bomb.html.gz": "cap after decompression",
        "paper.pdf": "unknown input kind",
        "missing.html": "no such file",
        "empty": "no .html",
    }
    for name, reason in cases.items():
        (result,) = read_local(str(tmp_path / name), max_bytes=1_000_000)
        assert isinstance(result, InputError) and reason in str(result), (name, result)
        assert "\n" not in str(result)


def test_stdin_html_and_text(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RU.encode("cp1251"))))
    (page,) = read_local("-")
    assert page.source == "-" and page.html == RU and not page.is_text
    monkeypatch.setattr("sys.stdin", io.StringIO("Plain note: BTC 30 000 $ — Ξ"))  # text only, no .buffer
    (page,) = read_local("-")
    assert page.is_text and page.html == "Plain note: BTC 30 000 $ — Ξ"


def test_a_url_with_another_scheme_is_refused_as_such():
    for source in ("ftp://example.com/a.html", "gopher://example.com/"):
        (result,) = read_local(source)
        assert isinstance(result, InputError)
        assert "unsupported URL scheme" in str(result) and "no such file" not in str(result)
