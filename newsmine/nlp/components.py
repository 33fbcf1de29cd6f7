"""Custom spaCy components: sentence breaks at line and bullet starts, the
lexicon's aliases as entities, and figure cues from a PhraseMatcher.

``newsmine_breaks`` runs before the parser: a line break, a bullet ("•") or an
alert's time stamp ("ALERT 15:24") always starts a sentence, because the parser
otherwise glues a bulleted table row or an alert to the next one and the rules
then read one row's asset into another's price. ``newsmine_cues`` stores every
cue ("open interest", "funding", "liquidat*", ...) in ``doc.spans["cues"]``
labelled with the figure kind, so the figure rules read cues instead of
re-scanning text. ``newsmine_aliases`` writes the lexicon's assets, venues and
look-alikes over the statistical NER's entities. Imported only by ``load_nlp``
(importing spaCy is slow).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsmine.nlp.figures import CUE_PHRASES
from newsmine.nlp.lexicon import ruler_patterns
from newsmine.nlp.view import BULLETS, LINE_MARKS


# An alert log or a live blog stamps each entry ("ALERT 15:24 Fri:", "UPDATE 10:42 GMT:"); run together on
# one line, the entries are still sentences of their own.
_STAMPS = frozenset(("ALERT", "UPDATE", "BREAKING", "FLASH"))
_TIME = re.compile(r"\d{1,2}[:.]\d{2}$")
_MARK_WORDS = (*BULLETS, *_STAMPS)  # tokens that start a row or an alert wherever they stand


@Language.component("newsmine_breaks")
def mark_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break and at every bullet, and keep each bulleted
    row one sentence up to its full stop (the parser splits rows like "• TRUMP:
    $44.80, -39% from its peak" mid-phrase); leave the rest to the parser.

    Only the few tokens that can start a line, a row or an alert are visited (found
    with array lookups, not a Python pass over every token), and a row's own tokens."""
    if len(doc) < 2:
        return doc
    spaces, orths = doc.to_array([IS_SPACE, ORTH]).T
    marks = np.array([doc.vocab.strings[w] for w in _MARK_WORDS if w in doc.vocab.strings], dtype=orths.dtype)
    after_break = [i + 1 for i in np.flatnonzero(spaces[:-1]) if "\n" in doc[int(i)].text and not spaces[i + 1]]
    starts = sorted({*after_break, *(int(i) for i in np.flatnonzero(np.isin(orths, marks)) if i > 0)})
    line_starts = set(after_break)
    in_row = False
    for n, i in enumerate(starts):
        token, stop = doc[i], starts[n + 1] if n + 1 < len(starts) else len(doc)
        line_start = i in line_starts
        if token.text in BULLETS or (line_start and token.text in LINE_MARKS and token.whitespace_):
            token.is_sent_start = True
            in_row = _keep_row(doc, i + 1, stop)
        elif token.text in _STAMPS and i + 2 < len(doc) and _TIME.match(doc[i + 1].text):
            token.is_sent_start, in_row = True, False  # "... ALERT 15:24 Fri: ETH drops below $2,700"
            for j in range(i + 1, min(len(doc), i + 6)):  # the stamp stays with its entry, up to the word after ":"
                doc[j].is_sent_start = False
                if doc[j - 1].text == ":":
                    break
        elif line_start:
            token.is_sent_start, in_row = True, False
        elif in_row:  # "UPDATE" inside a row, with no time after it, is just a word of the row
            in_row = _keep_row(doc, i, stop)
    return doc


def _keep_row(doc: Doc, start: int, stop: int) -> bool:
    """No sentence starts inside a list row, up to its full stop or ``stop`` (the next line, bullet or
    alert); whether the row is still open at ``stop``."""
    for token in doc[start:stop]:
        if token.is_space:
            continue
        token.is_sent_start = False
        if token.text in (".", "!", "?"):  # prose may follow the row on its line
            return False
    return True


class CueTagger:
    """Hash-based phrase lookups: a fraction of a token Matcher's cost."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for kind, phrases in CUE_PHRASES.items():
            self.matcher.add(kind, [nlp.make_doc(p) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["cues"] = [Span(doc, s, e, label=mid) for mid, s, e in self.matcher(doc)]
        return doc


@Language.factory("newsmine_cues")
def make_cue_tagger(nlp: Language, name: str) -> CueTagger:
    return CueTagger(nlp)


class AliasTagger:
    """The lexicon's aliases as entities (label ASSET, EXCHANGE or NOTEXCH, ``ent_id_`` the canonical
    name), written over the statistical NER's where they overlap, as two EntityRulers in a row would.

    Two hash-based PhraseMatchers share the work: one compares exact text (tickers and cased aliases, so
    "SOL" matches but "sol" does not), the other lower-cased text (names, venues, pairs). The lower-cased
    ones run second and win an overlap, so an alias ("Binance Coin") beats a ticker. Only the tokens that
    change are set (``Doc.set_ents``, the rest unmodified): two EntityRulers read and rebuilt every
    entity of the doc twice, which cost more than their matching.
    """

    def __init__(self, nlp: Language) -> None:
        self.matchers: list[PhraseMatcher] = []
        for cased in (True, False):
            matcher = PhraseMatcher(nlp.vocab, attr="ORTH" if cased else "LOWER")
            keyed: dict[tuple[str, str], list[Doc]] = {}
            for pattern in ruler_patterns(cased):
                keyed.setdefault((pattern["label"], pattern["id"]), []).append(nlp.make_doc(pattern["pattern"]))
            for (label, key), docs in keyed.items():
                matcher.add(f"{label}|{key}", docs)
            self.matchers.append(matcher)

    def __call__(self, doc: Doc) -> Doc:
        written: list[Span] = []  # the aliases as the passes leave them
        overlaid: list[Span] = []  # every alias a pass wrote: an entity it overlapped stays removed
        for matcher in self.matchers:
            written, added = _written_over(written, doc, matcher(doc))
            overlaid += added
        if overlaid:
            doc.set_ents(written, outside=_cleared(doc, overlaid, written), default="unmodified")
        return doc


def _written_over(ents: list[Span], doc: Doc, matches: list[tuple[int, int, int]]) -> tuple[list[Span], list[Span]]:
    """``ents`` with ``matches`` written over them, longest match first (EntityRuler's order and rule: a match
    whose first or last token an earlier match took is dropped), and the spans written."""
    taken: set[int] = set()
    added: list[Span] = []
    for match_id, start, end in sorted(set(matches), key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        if start in taken or end - 1 in taken:
            continue
        label, key = doc.vocab.strings[match_id].split("|", 1)
        added.append(Span(doc, start, end, label=label, span_id=key))
        ents = [e for e in ents if not (e.start < end and e.end > start)]
        taken.update(range(start, end))
    return ents + added, added


def _cleared(doc: Doc, overlaid: list[Span], written: list[Span]) -> list[Span]:
    """The tokens to set outside any entity: those of the aliases written over and of the statistical
    entities they overlapped, but for the aliases that stay."""
    iob = doc.to_array("ENT_IOB")  # 3 begins an entity, 1 continues one
    cleared: set[int] = set()
    for span in overlaid:
        start, end = span.start, span.end
        while start > 0 and iob[start] == 1:  # back to the first token of an entity running into the alias
            start -= 1
        while end < len(doc) and iob[end] == 1:  # on past one running out of it
            end += 1
        cleared.update(range(start, end))
    for span in written:
        cleared.difference_update(range(span.start, span.end))
    return [doc[i:i + 1] for i in sorted(cleared)]


@Language.factory("newsmine_aliases")
def make_alias_tagger(nlp: Language, name: str) -> AliasTagger:
    return AliasTagger(nlp)
