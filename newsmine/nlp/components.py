"""Custom spaCy component: figure cues from a token Matcher.

Registered as the factory ``newsmine_cues``; it stores every cue ("open
interest", "funding", "liquidat*", ...) in ``doc.spans["cues"]`` labelled with
the figure kind, so the figure rules read cues instead of re-scanning text.
Imported only by ``load_nlp`` (importing spaCy is slow).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from newsmine.nlp.figures import CUE_PATTERNS


class CueTagger:
    def __init__(self, vocab) -> None:
        self.matcher = Matcher(vocab)
        for kind, patterns in CUE_PATTERNS.items():
            self.matcher.add(kind, patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["cues"] = [Span(doc, s, e, label=mid) for mid, s, e in self.matcher(doc)]
        return doc


@Language.factory("newsmine_cues")
def make_cue_tagger(nlp: Language, name: str) -> CueTagger:
    return CueTagger(nlp.vocab)
