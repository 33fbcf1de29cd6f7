"""Decompression that stops at a size cap instead of filling memory (gzip bombs).

httpx's own decoders inflate a whole network chunk at once, and a 64 KB gzip
chunk can inflate to 64 MB; here every step is bounded, so a bomb costs at
most one step past the cap. The same decoder serves HTTP bodies
(Content-Encoding), gzipped sitemaps and local ``.html.gz`` files.
"""

from __future__ import annotations

import zlib

STEP = 64 * 1024  # most bytes produced by one inflate call


class TooLarge(Exception):
    """The decoded data went past the cap; ``str()`` says which cap."""


class CappedDecoder:
    """Incremental decoder for one Content-Encoding with a decoded-size cap."""

    def __init__(self, encoding: str | None, cap: int):
        self.encoding = (encoding or "identity").strip().lower()
        if self.encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise ValueError(f"unsupported content encoding {self.encoding}")
        self.cap = cap
        self.total = 0
        self._inflater = self._new_inflater()

    def _new_inflater(self) -> "zlib._Decompress | None":
        if self.encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self.encoding == "deflate":
            # 32 + MAX_WBITS: accept a zlib header; raw deflate handled on error below.
            return zlib.decompressobj(32 + zlib.MAX_WBITS)
        return None

    def feed(self, data: bytes) -> bytes:
        """Decode one chunk; raise ``TooLarge`` once the output passes the cap."""
        if self._inflater is None:
            return self._count(data)
        out = bytearray()
        while data:
            try:
                piece = self._inflater.decompress(data, STEP)
            except zlib.error:
                if self.encoding != "deflate" or self.total or out:
                    raise ValueError(f"corrupt {self.encoding} data") from None
                # Some servers send raw deflate without the zlib header.
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            out += self._count(piece)
            data = self._inflater.unconsumed_tail
            if self._inflater.eof and self._inflater.unused_data:
                # Concatenated gzip members are one valid stream.
                data = self._inflater.unused_data
                self._inflater = self._new_inflater()
        return bytes(out)

    def _count(self, data: bytes) -> bytes:
        self.total += len(data)
        if self.total > self.cap:
            raise TooLarge(f"body exceeds the {human_size(self.cap)} cap after decompression")
        return data


def gunzip(data: bytes, cap: int) -> bytes:
    """Decompress gzip ``data`` whole, refusing output larger than ``cap`` bytes."""
    return CappedDecoder("gzip", cap).feed(data)


def human_size(n: int) -> str:
    """10485760 -> '10 MB', for one-line error messages."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"
