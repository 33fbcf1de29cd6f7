"""Direct quotations and who said them (GUIDE "Quotes").

Quote marks are paired per paragraph in one linear scan (straight marks
toggle, curly marks open and close), so unbalanced text or thousands of marks
cost no more than a pass over the text. A quote left open at the end of a
paragraph runs on into the next one (the press convention: an opening mark per
paragraph). Short marked terms without an attribution are scare quotes.

The speaker comes from the attribution around the quote ('"X," said Jane Doe,
analyst at Y', 'Doe said: "X"', '"X," she added'); pronouns, "the analyst" and
surnames resolve through the ``SpeakerRegistry``; a quote with no attribution
of its own continues the previous quote of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsmine.nlp.speakers import NAME, Person, SpeakerRegistry, anonymous_title, clean_name, looks_like_org
from newsmine.nlp.view import ArticleView
from newsmine.records import Quote

MAX_QUOTE_CHARS = 3000
MAX_QUOTES = 400
CONTEXT = 250
_MARKS = re.compile(r'["“”]')
_PARAGRAPH = re.compile(r"[^\n]+")
SAY = (
    r"said|says|say|told|tells|added|adds|wrote|writes|noted|notes|explained|explains|argued|argues|warned|"
    r"warns|cautioned|stated|states|commented|remarked|continued|insisted|observed|posted|tweeted|suggested|"
    r"predicted|concluded|acknowledged|admitted|asked|replied|recalled|quipped|emphasi[sz]ed|stressed|"
    r"believes|thinks|reckons|maintained|contended|countered|conceded|put it|wrote in|summed up"
)
_WHO = (
    rf"(?P<who>he|she|they|(?:the|this|that) [\w-]+(?: [\w-]+)?|(?:one|a|an|another|some|two|several) "
    rf"[\w\s,-]{{0,60}}?|{NAME})"
)
_RIGHT_VERB_FIRST = re.compile(rf"^[\s,—–-]*(?:{SAY})\s+{_WHO}(?=[\s,.;:]|$)")
_RIGHT_WHO_FIRST = re.compile(
    rf"^[\s,—–-]*(?:as\s+)?{_WHO}(?P<appo>,[^,\"“”]{{3,140}},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{SAY})\b"
)
_LEFT_SAY = re.compile(
    rf"{_WHO}(?P<appo>,[^,\"“”]{{3,140}},)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?(?:{SAY})\b"
    rf"[^.!?\"“”]{{0,160}}?[:,]?\s*$"
)
_LEFT_ACCORDING = re.compile(rf"\b[Aa]ccording to {_WHO}[^\"“”]{{0,120}}$")
_IN_APPOSITION = re.compile(r"\b(?:at|of|with|for|from|based|maker|firm|fund|provider)\s+$")
# A short marked phrase is speech when a speech verb introduces it ('said it was
# "reviewing the decision"', 'citing "extreme market conditions"'), and a term
# when it is named ('traders call "selling the news"').
_PARTIAL_QUOTE = re.compile(
    rf"\b(?:{SAY}|described|describing|citing|cited|calling it|called it|warning)\b(?:(?!\b(?:call|calls|dubbed|"
    r"known as|so-called|term|termed)\b)[^.!?])*$",
    re.I,
)
_ANONYMOUS = re.compile(r"^(?:one|a|an|another|some|two|several)\b", re.I)
_SENT_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)")


@dataclass
class _Span:
    start: int
    end: int  # exclusive, before the closing mark
    runs_on: bool  # no closing mark: continues in the next paragraph
    paragraph: int


def quote_spans(text: str) -> list[_Span]:
    """Pair quote marks paragraph by paragraph; bounded in count and length."""
    spans: list[_Span] = []
    for pnum, para in enumerate(_PARAGRAPH.finditer(text)):
        open_at: int | None = None
        for m in _MARKS.finditer(text, para.start(), para.end()):
            ch = m.group()
            if ch == "“" or (ch == '"' and open_at is None):
                open_at = m.end()
            elif open_at is not None:
                if m.start() - open_at <= MAX_QUOTE_CHARS:
                    spans.append(_Span(open_at, m.start(), False, pnum))
                open_at = None
            if len(spans) >= MAX_QUOTES:
                return spans
        if open_at is not None and para.end() - open_at <= MAX_QUOTE_CHARS:
            spans.append(_Span(open_at, para.end(), True, pnum))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _right_context(text: str, span: _Span, next_start: int | None) -> str:
    stop = min(len(text), span.end + 1 + CONTEXT)
    if next_start is not None:
        stop = min(stop, next_start - 1)
    right = text[span.end + 1:stop].split("\n", 1)[0]
    m = _SENT_END.search(right)
    return right[:m.end()] if m else right


def _left_context(text: str, span: _Span, prev_end: int | None) -> str:
    begin = max(0, span.start - 1 - CONTEXT)
    if prev_end is not None:
        begin = max(begin, prev_end + 1)
    left = text[begin:span.start - 1].rsplit("\n", 1)[-1]
    ends = list(_SENT_END.finditer(left))
    return left[ends[-1].end():] if ends else left


class _Attributor:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.registry = SpeakerRegistry()
        self.orgs = {(m.start, m.end) for label in ("EXCHANGE", "NOTEXCH") for m in view.all_mentions(label)}
        self.ner_orgs = {(m.start, m.end) for m in view.all_mentions("ORG")}

    def is_org(self, name: str, at: int) -> bool:
        """Venues always; NER organisations only when the name reads like one."""
        if any(s <= at < e for s, e in self.orgs):
            return True
        in_ner_org = any(s <= at < e for s, e in self.ner_orgs)
        return looks_like_org(name) or (in_ner_org and len(name.split()) == 1 and self.registry.lookup(name) is None)

    def full_name(self, name: str, at: int) -> tuple[str, int]:
        """Expand a surname to the full name first given before ``at`` (and where it stands)."""
        if len(name.split()) > 1 or self.registry.lookup(name) is not None:
            return name, at
        m = re.search(rf"\b((?:[A-Z][\w'’-]+ ){{1,2}}){re.escape(name)}\b", self.view.text[:at])
        if m and clean_name(m.group(0)) and len(clean_name(m.group(0)).split()) > 1:
            return clean_name(m.group(0)), m.start() + (len(m.group(0)) - len(clean_name(m.group(0))))
        return name, at

    def who(self, raw: str, abs_start: int) -> Person | None:
        """Resolve a ``who`` phrase found at ``abs_start`` in the text."""
        if _ANONYMOUS.match(raw):
            title = anonymous_title(raw)
            return Person("", title) if title else None
        resolved = self.registry.resolve(raw)
        if resolved is not None or raw.lower() in ("he", "she", "they") or not raw[:1].isupper():
            return resolved
        name = clean_name(raw)
        if name is None:
            return None
        at = abs_start + raw.find(name)
        if self.is_org(name, at):
            self.registry.note_org(name)
            return Person(name)
        name, at = self.full_name(name, at)
        text = self.view.text
        return self.registry.introduce(name, text[at + len(name):at + len(name) + 250], text[max(0, at - 80):at])

    def attribute(self, text: str, right: str, right_at: int, left: str, left_at: int) -> tuple[bool, Person | None]:
        """(found an attribution, speaker) from the contexts around one quote."""
        for pattern in (_RIGHT_VERB_FIRST, _RIGHT_WHO_FIRST):
            m = pattern.match(right)
            if m:
                return True, self.who(m.group("who").strip(), right_at + m.start("who"))
        for pattern in (_LEFT_SAY, _LEFT_ACCORDING):
            m = pattern.search(left)
            if m:
                return True, self.who(m.group("who").strip(), left_at + m.start("who"))
        return False, None


def find_quotes(view: ArticleView) -> list[Quote]:
    text = view.text
    spans = [s for s in quote_spans(text) if s.end > s.start]
    attributor = _Attributor(view)
    # names and organisations outside quotes, in reading order, feed the registry
    events = sorted(
        (m.start, m) for label in ("PERSON", "ORG", "EXCHANGE") for m in view.all_mentions(label)
    )
    quotes: list[Quote] = []
    prev: tuple[_Span, Person | None] | None = None
    ei = 0
    starts = [s.start for s in spans]
    for i, span in enumerate(spans):
        while ei < len(events) and events[ei][0] < span.start:
            _, m = events[ei]
            ei += 1
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < spans[k].end:
                continue  # a name inside a quotation is not an introduction
            if m.label == "PERSON":
                name = clean_name(m.key)
                if name and not attributor.is_org(name, m.start) and not _IN_APPOSITION.search(text[max(0, m.start - 30):m.start]):
                    attributor.registry.introduce(name, text[m.end:m.end + 250], text[max(0, m.start - 80):m.start])
            else:
                attributor.registry.note_org(m.key)
        start, end = _strip(text, span.start, span.end)
        body = text[start:end]
        next_start = spans[i + 1].start if i + 1 < len(spans) else None
        prev_end = spans[i - 1].end if i > 0 else None
        right = _right_context(text, span, next_start)
        left = _left_context(text, span, prev_end)
        found, speaker = attributor.attribute(text, right, span.end + 1, left, span.start - 1 - len(left))
        if not found and prev is not None and (
            prev[0].paragraph == span.paragraph or (prev[0].runs_on and prev[0].paragraph == span.paragraph - 1)
        ):
            found, speaker = True, prev[1]
        words = len(body.split())
        if words < 4 and not (found and body[-1:] in ",.!?") and not _PARTIAL_QUOTE.search(left):
            continue  # a scare-quoted term, not speech
        if not any(c.isalpha() for c in body):
            continue
        quotes.append(Quote(body, start, end, speaker.name or None if speaker else None,
                            speaker.title if speaker else None, speaker.organization if speaker else None))
        if speaker is not None and speaker.name in attributor.registry.people:
            attributor.registry.last_person = speaker
        prev = (span, speaker)
    return quotes
