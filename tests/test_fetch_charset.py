"""Bytes -> text decisions of the shared decoder (used by HTTP fetches and local files)."""

from __future__ import annotations

import pytest

from newsmine.fetch.charset import decode, split_content_type

FRENCH = (
    "<p>Le bitcoin a reculé de 5 % à 30 000 dollars, déjà sous pression après une semaine agitée où "
    "les traders ont pris leurs bénéfices. « C’est une correction saine », a déclaré l’analyste.</p>"
)
RUSSIAN = "<p>Биткоин упал на 5% до 30 000 долларов после недели волатильности, когда трейдеры фиксировали прибыль.</p>"


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("café".encode("latin-1"), "utf-8", "cp1252"),  # header lies: bytes are latin-1
        ("café €5".encode("utf-8"), "iso-8859-1", "utf-8"),  # header lies the other way
        (b"<p>plain ascii</p>", "utf-16", "utf-8"),  # no BOM, no NUL bytes: not UTF-16
        (FRENCH.encode("cp1252"), None, "cp1252"),  # undeclared: detection, common code page first
        (RUSSIAN.encode("cp1251"), None, "cp1251"),
        (RUSSIAN.encode("koi8-r"), None, "koi8_r"),
        ('<?xml version="1.0" encoding="ISO-8859-15"?><a>€</a>'.encode("iso-8859-15"), None, "iso8859-15"),
        ("<p>Ξ</p>".encode("utf-16-le"), "utf-16-le", "utf-16-le"),
        (  # only an http-equiv declaration, naming a code page
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Ставка</p>'.encode("cp1251"),
            None,
            "cp1251",
        ),
    ],
)
def test_decoding_choices(raw, declared, expected):
    text, encoding = decode(raw, declared)
    assert encoding == expected
    assert "\ufffd" not in text


def test_bom_beats_header_and_content_type_split():
    assert decode("\ufeffnaïve".encode("utf-8"), "iso-8859-1") == ("naïve", "utf-8")
    assert split_content_type('text/HTML; Charset="UTF-8"') == ("text/html", "UTF-8")
    assert split_content_type(None) == (None, None)
