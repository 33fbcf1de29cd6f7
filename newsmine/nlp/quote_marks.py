"""Quote marks paired into spans, and the words around each span where its attribution is.

Marks are paired per paragraph in one linear scan (straight marks toggle, curly
marks open and close), so unbalanced text or thousands of marks cost no more
than a pass over the text; a quote left open at the end of a paragraph runs on
into the next one (the press convention: an opening mark per paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsmine.nlp.regex_guard import guarded

MAX_QUOTE_CHARS = 3000
MAX_QUOTES = 400
CONTEXT = 250
_MARKS = re.compile(r'["“”]')
_PARAGRAPH = re.compile(r"[^\n]+")
# (a closing mark may follow: 'reserves." Its chief ...'; initials and a title's abbreviation end nothing: "Assistant
# U.S. Attorney Corinne Baptiste-Walsh told", "Sen. Cynthia Lummis said")
SENT_END = guarded(r"(?<![A-Z]\.[A-Z])(?<!\b(?:Mr|Ms|Dr|Lt|St))(?<!\b(?:Sen|Rep|Gov|Sgt|Mrs|Gen))(?<!\bCapt)"
                      r"[.!?][\"”]?(?=\s+[A-Z\"“]|\s*$)")


@dataclass
class Span:
    start: int
    end: int  # exclusive, before the closing mark
    runs_on: bool  # no closing mark: continues in the next paragraph
    paragraph: int


def quote_spans(text: str) -> list[Span]:
    """Pair quote marks paragraph by paragraph; bounded in count and length."""
    spans: list[Span] = []
    for pnum, para in enumerate(_PARAGRAPH.finditer(text)):
        open_at: int | None = None
        for m in _MARKS.finditer(text, para.start(), para.end()):
            ch = m.group()
            if ch == "“" or (ch == '"' and open_at is None):
                open_at = m.end()
            elif open_at is not None:
                if m.start() - open_at <= MAX_QUOTE_CHARS:
                    spans.append(Span(open_at, m.start(), False, pnum))
                open_at = None
            if len(spans) >= MAX_QUOTES:
                return spans
        if open_at is not None and para.end() - open_at <= MAX_QUOTE_CHARS:
            spans.append(Span(open_at, para.end(), True, pnum))
    return spans


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``, ``end`` moved in past the whitespace inside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def right_context(text: str, span: Span, next_start: int | None) -> str:
    """The words after the closing mark, to the end of their sentence or the next quote."""
    stop = min(len(text), span.end + 1 + CONTEXT)
    if next_start is not None:
        stop = min(stop, next_start - 1)
    right = text[span.end + 1:stop].split("\n", 1)[0]
    m = SENT_END.search(right)
    return right[:m.end()] if m else right


def left_context(text: str, span: Span, prev_end: int | None) -> str:
    """The words of the quote's sentence before its opening mark, from the previous quote at most."""
    begin = max(0, span.start - 1 - CONTEXT)
    if prev_end is not None:
        begin = max(begin, prev_end + 1)
    chunk = text[begin:span.start - 1]
    left = chunk.rsplit("\n", 1)[-1]
    if not left.strip() and chunk.rstrip().endswith(":"):
        # a paragraph ending in a colon introduces the quote that opens the next ("... a note worth reproducing:")
        left = chunk[chunk.rstrip().rfind("\n") + 1:]
    ends = list(SENT_END.finditer(left))
    return left[ends[-1].end():] if ends else left
