"""The team-written annotated corpus in ``corpora/articles``.

Each article is a Markdown file: YAML front matter with article-level gold
(prices, figures, exchanges, assets, quotes, sentiment, narratives) and a body
with one labelled sentence per line (see ``corpora/GUIDE.md``). ``load`` turns
the files into ``GoldArticle`` records whose ``text`` is built exactly as the
tools will see it, with every sentence's character span.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SPLITS = ("train", "dev", "test")


@dataclass
class LabelledSentence:
    text: str
    start: int
    end: int
    sentiment: str
    narratives: list[str]


@dataclass
class GoldArticle:
    id: str
    path: Path
    split: str
    genre: str
    text: str
    title: str
    title_sentiment: str
    title_narratives: list[str]
    sentences: list[LabelledSentence]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sentiment(self) -> str:
        return self.meta.get("sentiment", "")

    @property
    def narratives(self) -> list[str]:
        return list(self.meta.get("narratives") or [])

    def gold(self, key: str) -> list[Any]:
        """A list-valued gold field (prices, figures, exchanges, assets, quotes)."""
        return list(self.meta.get(key) or [])


class CorpusError(ValueError):
    """A corpus file that cannot be parsed; the message names the file and line."""


def default_root() -> Path:
    """``$NEWSMINE_CORPUS`` or the ``corpora/`` folder of the source checkout."""
    env = os.environ.get("NEWSMINE_CORPUS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "corpora"


def load(root: Path | None = None, split: str | None = None) -> list[GoldArticle]:
    """All articles under ``root/articles`` (optionally one split), sorted by id."""
    folder = (root or default_root()) / "articles"
    articles = [parse_file(p) for p in sorted(folder.glob("*.md"))]
    if split is not None:
        articles = [a for a in articles if a.split == split]
    return articles


def parse_file(path: Path) -> GoldArticle:
    """One annotated article file (YAML front matter, then the marked-up body); ``CorpusError`` if malformed."""
    raw = path.read_text(encoding="utf-8")
    if not raw.startswith("---\n"):
        raise CorpusError(f"{path.name}: missing YAML front matter")
    try:
        head, body = raw[4:].split("\n---\n", 1)
    except ValueError:
        raise CorpusError(f"{path.name}: front matter is not closed by ---") from None
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path.name}: bad YAML: {' '.join(str(exc).split())}") from None
    title, title_labels, sentences, text = _parse_body(path.name, body)
    return GoldArticle(
        id=str(meta.get("id", path.stem)),
        path=path,
        split=str(meta.get("split", "")),
        genre=str(meta.get("genre", "")),
        text=text,
        title=title,
        title_sentiment=title_labels[0] if title_labels else "",
        title_narratives=title_labels[1:],
        sentences=sentences,
        meta=meta,
    )


def _split_line(name: str, lineno: int, line: str) -> tuple[list[str], str]:
    labels, sep, sentence = line.partition(" | ")
    if not sep or not sentence.strip():
        raise CorpusError(f"{name}:{lineno}: expected 'LABELS | sentence'")
    return labels.split(), sentence.strip()


def _parse_body(name: str, body: str) -> tuple[str, list[str], list[LabelledSentence], str]:
    title, title_labels = "", []
    paragraphs: list[list[tuple[list[str], str]]] = [[]]
    for lineno, line in enumerate(body.splitlines(), start=1):
        line = line.rstrip()
        if line.startswith("# "):
            title_labels, title = _split_line(name, lineno, line[2:])
        elif not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(_split_line(name, lineno, line))
    sentences: list[LabelledSentence] = []
    text = ""
    for para in (p for p in paragraphs if p):
        if text:
            text += "\n\n"
        for i, (labels, sentence) in enumerate(para):
            if i:
                text += " "
            start = len(text)
            text += sentence
            sentiment = labels[0] if labels else ""
            sentences.append(LabelledSentence(sentence, start, len(text), sentiment, labels[1:]))
    return title, title_labels, sentences, text
