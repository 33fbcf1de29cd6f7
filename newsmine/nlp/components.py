"""Custom spaCy component: figure cues from a PhraseMatcher.

Registered as the factory ``newsmine_cues``; it stores every cue ("open
interest", "funding", "liquidat*", ...) in ``doc.spans["cues"]`` labelled with
the figure kind, so the figure rules read cues instead of re-scanning text.
Imported only by ``load_nlp`` (importing spaCy is slow).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from newsmine.nlp.figures import CUE_PHRASES


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
