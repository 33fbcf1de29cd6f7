"""newsmine: turn crypto-market news into facts you can query.

The Python API mirrors the CLI. Heavy dependencies (spaCy, torch) load lazily,
on first use, once per process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsmine.records import Analysis

__all__ = ["__version__", "analyze"]


def analyze(html_or_text: str, *, url: str | None = None, is_text: bool | None = None) -> "Analysis":
    """Analyse one document (HTML or plain text) without touching a database."""
    from newsmine.pipeline import analyze_document

    return analyze_document(html_or_text, url=url, is_text=is_text)


def __getattr__(name: str) -> Any:
    # ``newsmine.ingest`` and friends are re-exported lazily so that importing
    # newsmine stays cheap for ``newsmine --help``.
    if name == "ingest":
        from newsmine.ingest import ingest

        return ingest
    raise AttributeError(name)
