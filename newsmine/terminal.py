"""Make scraped text safe to print with rich.

Titles, URLs and error messages come from the web: they may hold rich markup
(``[bold]``, ``[link=...]``) or terminal control sequences (ANSI escapes, bells,
carriage returns that overwrite a line). ``safe()`` neutralises both, so every
command can print scraped strings without trusting them.
"""

from __future__ import annotations

import re

from rich.markup import escape

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?)")  # CSI and OSC sequences
# C0 controls except tab, newline and carriage return (handled in ``clean``), DEL, C1
# controls, and the bidi overrides that can reorder what a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """Strip control characters (and, unless kept, newlines) from ``text``; cut to ``limit``."""
    # A bare carriage return would let text overwrite its own line: make it a line break.
    value = str(text).replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", _ANSI.sub("", value))
    if not keep_newlines:
        value = " ".join(value.split())
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


def safe(text: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """``clean()`` then ``rich.markup.escape``: ready to embed in a rich markup string."""
    return escape(clean(text, keep_newlines=keep_newlines, limit=limit))
