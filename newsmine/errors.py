"""Errors that reach the user as one line.

Every failure the user can cause (a dead host, a broken page, a bad file) is a
``NewsmineError`` whose ``str()`` is a single human-readable line. The CLI prints
that line, records it in the fetch log, and goes on with the next input.
"""

from __future__ import annotations


class NewsmineError(Exception):
    """Base class: ``str(error)`` is a one-line reason fit for a terminal or a log."""

    def __str__(self) -> str:
        text = super().__str__()
        return " ".join(text.split()) or self.__class__.__name__


class InputError(NewsmineError):
    """An input the user named cannot be read (missing file, unknown kind, ...)."""


class FetchError(NewsmineError):
    """An HTTP fetch failed; ``status`` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None, outcome: str = "failed"):
        super().__init__(message)
        self.status = status
        self.outcome = outcome  # "failed", "robots", "not_modified", "skipped"


class ExtractError(NewsmineError):
    """A page was fetched but holds no article text we can use."""
