"""Make scraped text safe to print with rich.

Titles, URLs and error messages come from the web: they may hold rich markup
(``[bold]``, ``[link=...]``) or terminal control sequences (ANSI/OSC/DCS escapes
and their C1 forms, bells, carriage returns that overwrite a line). ``safe()``
neutralises both, so every command can print scraped strings without trusting
them. The stripping itself is ``newsmine.controls``, shared with extraction.
"""

from __future__ import annotations

from rich.markup import escape

from newsmine.controls import strip_controls


def clean(text: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """Strip control characters (and, unless kept, newlines) from ``text``; cut to ``limit``."""
    value = strip_controls(str(text))
    if not keep_newlines:
        value = " ".join(value.split())
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


def safe(text: object, *, keep_newlines: bool = False, limit: int | None = None) -> str:
    """``clean()`` then ``rich.markup.escape``: ready to embed in a rich markup string."""
    return escape(clean(text, keep_newlines=keep_newlines, limit=limit))
