"""Custom spaCy components: sentence breaks at line and bullet starts, and
figure cues from a PhraseMatcher.

``newsmine_breaks`` runs before the parser: a line break, a bullet ("•") or an
alert's time stamp ("ALERT 15:24") always starts a sentence, because the parser
otherwise glues a bulleted table row or an alert to the next one and the rules
then read one row's asset into another's price. ``newsmine_cues`` stores every
cue ("open interest", "funding", "liquidat*", ...) in ``doc.spans["cues"]``
labelled with the figure kind, so the figure rules read cues instead of
re-scanning text. Imported only by ``load_nlp`` (importing spaCy is slow).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsmine.nlp.figures import CUE_PHRASES
from newsmine.nlp.view import BULLETS, LINE_MARKS


# An alert log or a live blog stamps each entry ("ALERT 15:24 Fri:", "UPDATE 10:42 GMT:"); run together on
# one line, the entries are still sentences of their own.
_STAMPS = frozenset(("ALERT", "UPDATE", "BREAKING", "FLASH"))
_TIME = re.compile(r"\d{1,2}[:.]\d{2}$")


@Language.component("newsmine_breaks")
def mark_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break and at every bullet, and keep each bulleted
    row one sentence up to its full stop (the parser splits rows like "• TRUMP:
    $44.80, -39% from its peak" mid-phrase); leave the rest to the parser."""
    in_row = False
    for i in range(1, len(doc)):
        token, prev = doc[i], doc[i - 1]
        if token.is_space:
            continue
        line_start = "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        if token.text in BULLETS or (line_start and token.text in LINE_MARKS and token.whitespace_):
            token.is_sent_start, in_row = True, True
        elif token.text in _STAMPS and i + 2 < len(doc) and _TIME.match(doc[i + 1].text):
            token.is_sent_start, in_row = True, False  # "... ALERT 15:24 Fri: ETH drops below $2,700"
            for j in range(i + 1, min(len(doc), i + 6)):  # the stamp stays with its entry, up to the word after ":"
                doc[j].is_sent_start = False
                if doc[j - 1].text == ":":
                    break
        elif line_start:
            token.is_sent_start, in_row = True, False
        elif in_row:
            token.is_sent_start = False
            in_row = token.text not in (".", "!", "?")  # prose may follow the row on its line
    return doc


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
