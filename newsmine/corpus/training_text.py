"""Team-written training text beside the annotated articles: headlines and a sentence bank.

The annotated articles give only a few thousand sentences, in the styles of a
handful of writers. Two kinds of extra text, in the articles' line syntax
(``LABELS | text``), widen what the heads see:

- ``corpora/headlines/*.txt``: terse feed headlines with one sentence-sentiment
  label, because real feeds are mostly headlines; only the sentiment side trains
  on them. ``corpora/headlines/dev/*.txt`` are headlines by other voices, held
  out: they choose the sentiment head's settings and are never trained on.
- ``corpora/sentences/*.txt``: standalone sentences with a sentiment and their
  narratives, written in many outlets' styles and rich in hard negatives, so
  the narrative heads learn the label rather than one writer's phrasing.

The bank and the train headlines are train data only: nothing is calibrated or
evaluated on them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsmine.corpus import CorpusError, _split_line, default_root


@dataclass(frozen=True)
class LabelledLine:
    text: str
    sentiment: str
    source: str  # "file:line", so a problem can be found in the corpus
    narratives: tuple[str, ...] = field(default=())  # only bank sentences carry narratives


def _labelled_lines(folder: Path) -> Iterator[tuple[str, list[str], str]]:
    """(``file:line``, labels, text) for every labelled line of ``folder/*.txt``, sorted by file then line."""
    for path in sorted(folder.glob("*.txt")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = line.strip()
            if line and not line.startswith("#"):
                labels, text = _split_line(path.name, lineno, line)
                yield f"{path.name}:{lineno}", labels, text


# Where each split's headlines live, under the corpus root.
HEADLINE_FOLDERS = {"train": Path("headlines"), "dev": Path("headlines", "dev")}


def load_headlines(root: Path | None = None, split: str = "train") -> list[LabelledLine]:
    """Every headline of ``split`` (``HEADLINE_FOLDERS``); ``CorpusError`` if malformed."""
    out = []
    for source, labels, text in _labelled_lines((root or default_root()) / HEADLINE_FOLDERS[split]):
        if len(labels) != 1:
            raise CorpusError(f"{source}: expected exactly one sentiment label")
        out.append(LabelledLine(text, labels[0], source if split == "train" else f"{split}/{source}"))
    return out


def load_bank(root: Path | None = None) -> list[LabelledLine]:
    """Every sentence under ``root/sentences/*.txt`` (sentiment, then narratives); ``CorpusError`` if malformed."""
    out = []
    for source, labels, text in _labelled_lines((root or default_root()) / "sentences"):
        if not labels:
            raise CorpusError(f"{source}: expected a sentiment label")
        out.append(LabelledLine(text, labels[0], source, tuple(labels[1:])))
    return out
