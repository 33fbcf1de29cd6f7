"""Documents from disk or standard input, decoded like HTTP bodies.

Saved pages carry the same charset troubles as live ones (a BOM, a
``<meta charset>``, no declaration at all), so they go through the same
decoder; ``.html.gz`` is decompressed with the same size cap as HTTP bodies.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsmine.errors import InputError
from newsmine.fetch.charset import decode
from newsmine.fetch.config import FetchConfig
from newsmine.fetch.decompress import TooLarge, gunzip, human_size
from newsmine.records import Page

HTML_SUFFIXES = (".html.gz", ".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md")
MAX_BYTES = FetchConfig.max_bytes


def read_local(path: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Page | InputError]:
    """Pages from a file, from every known file under a folder (sorted), or from stdin ("-").

    A bad file yields an ``InputError`` and reading goes on with the next
    one. In folders, hidden files and files of other kinds are skipped; a file
    named explicitly must be .html, .htm, .html.gz, .txt or .md.
    """
    if path == "-":
        # A text-mode stand-in for stdin (tests, notebooks) has no byte buffer.
        stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode("utf-8"))
        yield _read_stream(stream, max_bytes)
        return
    target = Path(path)
    if target.is_dir():
        try:
            files = sorted(
                p
                for p in target.rglob("*")
                if p.is_file() and _kind(p) and not any(part.startswith(".") for part in p.relative_to(target).parts)
            )
        except OSError as err:
            yield InputError(f"{path}: cannot list folder: {err.strerror or err}")
            return
        if not files:
            yield InputError(f"{path}: no .html, .htm, .html.gz, .txt or .md files in this folder")
        for file in files:
            yield _read_file(file, str(file), max_bytes)
        return
    yield _read_file(target, path, max_bytes)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def _read_file(path: Path, source: str, max_bytes: int) -> Page | InputError:
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*)://", source)
    if scheme:  # "ftp://host/x" is a URL we refuse, not a local file
        return InputError(f"{source}: unsupported URL scheme {scheme.group(1)!r} (only http and https)")
    kind = _kind(path)
    if kind is None:
        return InputError(f"{source}: unknown input kind (expected a URL, .html, .htm, .html.gz, .txt, .md or -)")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return InputError(f"{source}: no such file")
    except OSError as err:
        return InputError(f"{source}: cannot read: {err.strerror or err}")
    if len(raw) > max_bytes:
        return InputError(f"{source}: file exceeds the {human_size(max_bytes)} cap")
    if path.name.lower().endswith(".gz"):
        try:
            raw = gunzip(raw, max_bytes)
        except (TooLarge, ValueError) as err:
            return InputError(f"{source}: {err}")
    return _page(source, *decode(raw), is_text=kind == "text")


def _read_stream(stream: BinaryIO, max_bytes: int) -> Page | InputError:
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        return InputError(f"-: standard input exceeds the {human_size(max_bytes)} cap")
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gunzip(raw, max_bytes)
        except (TooLarge, ValueError) as err:
            return InputError(f"-: {err}")
    text, encoding = decode(raw)
    # Plain text unless it starts like markup: analysts pipe both pages and notes.
    return _page("-", text, encoding, is_text=not text.lstrip().startswith("<"))


def _page(source: str, text: str, encoding: str, *, is_text: bool) -> Page:
    return Page(
        source=source,
        url=None,
        html=text,
        is_text=is_text,
        content_type="text/plain" if is_text else "text/html",
        encoding=encoding,
    )
