"""Team-written crypto headlines in ``corpora/headlines``: extra sentence-sentiment training text.

The annotated articles give only a few hundred sentences written in long-form
style; real feeds are mostly terse headlines. These files add short labelled
headlines (``LABEL | headline`` per line, the articles' sentence syntax) that
only the sentiment head trains on. They are train data only: nothing is
evaluated on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsmine.corpus import CorpusError, _split_line, default_root


@dataclass(frozen=True)
class LabelledHeadline:
    text: str
    sentiment: str
    source: str  # "file:line", so a problem can be found in the corpus


def load_headlines(root: Path | None = None) -> list[LabelledHeadline]:
    """Every headline under ``root/headlines/*.txt`` (sorted by file, then line); ``CorpusError`` if malformed."""
    folder = (root or default_root()) / "headlines"
    out: list[LabelledHeadline] = []
    for path in sorted(folder.glob("*.txt")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            labels, text = _split_line(path.name, lineno, line)
            if len(labels) != 1:
                raise CorpusError(f"{path.name}:{lineno}: expected exactly one sentiment label")
            out.append(LabelledHeadline(text, labels[0], f"{path.name}:{lineno}"))
    return out
