"""Measure the charset decoder on real pages: ``python -m newsmine.fetch.charset_eval DIR``.

DIR holds ``*.html.gz`` pages stored as UTF-8 (e.g. the article-extraction
benchmark). Each page is served to the decoder in four guises: honest UTF-8
without any declaration, UTF-8 mislabelled as ISO-8859-1, and re-encoded to
the legacy code page of its script (windows-1252/1251, EUC-KR) with its meta
charset removed, once mislabelled as UTF-8 and once undeclared. A guise counts
as correct when the decoded text equals the original exactly. Baselines:
httpx's ``Response.text`` (header charset, else UTF-8) and charset-normalizer's
best guess alone.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import httpx
from charset_normalizer import from_bytes

from newsmine.fetch.charset import decode
from newsmine.fetch.decompress import gunzip

_META = re.compile(r"<meta[^>]*charset[^>]*>", re.IGNORECASE)
LEGACY = ("cp1252", "cp1251", "euc-kr")


def guises(text: str) -> list[tuple[str, bytes, str | None]]:
    """(name, bytes, declared charset) variants of one page; legacy ones only when encodable."""
    out = [("utf8-undeclared", text.encode("utf-8"), None), ("utf8-as-latin1", text.encode("utf-8"), "iso-8859-1")]
    bare = _META.sub("", text)
    for codec in LEGACY:
        try:
            raw = bare.encode(codec)
        except UnicodeEncodeError:
            continue
        if not raw.isascii():
            out += [("legacy-as-utf8", raw, "utf-8"), ("legacy-undeclared", raw, None)]
        break
    return out


def main(folder: str) -> None:
    """Print how often newsmine, httpx and charset-normalizer recover each page of ``folder`` from each byte guise."""
    scores: dict[str, list[int]] = {}
    for path in sorted(Path(folder).glob("*.html.gz")):
        text = gunzip(path.read_bytes(), 1 << 28).decode("utf-8")
        for name, raw, declared in guises(text):
            expected = _META.sub("", text) if name.startswith("legacy") else text
            header = {"content-type": f"text/html; charset={declared}" if declared else "text/html"}
            ours = decode(raw, declared)[0] == expected
            plain = httpx.Response(200, content=raw, headers=header).text == expected
            guess = str(from_bytes(raw).best()) == expected
            tally = scores.setdefault(name, [0, 0, 0, 0])
            for i, hit in enumerate((True, ours, plain, guess)):
                tally[i] += hit
    print(f"{'guise':<20}{'pages':>6}{'newsmine':>10}{'httpx':>8}{'charset-normalizer':>20}")
    for name, (n, ours, plain, guess) in scores.items():
        print(f"{name:<20}{n:>6}{ours / n:>10.1%}{plain / n:>8.1%}{guess / n:>20.1%}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/benchmarks/article-extraction/html")
