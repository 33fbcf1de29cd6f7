"""Exchange and asset mention counts from the EntityRuler's matches."""

from __future__ import annotations

from collections import Counter

from newsmine.nlp.lexicon import ASSET_NAMES
from newsmine.nlp.view import ArticleView
from newsmine.records import AssetMention, ExchangeMention


def _counts(view: ArticleView, label: str) -> Counter[str]:
    # Counter keeps first-seen order for ties, so output follows the text
    return Counter(m.key for m in view.all_mentions(label))


def count_exchanges(view: ArticleView) -> list[ExchangeMention]:
    return [ExchangeMention(name, n) for name, n in _counts(view, "EXCHANGE").most_common()]


def count_assets(view: ArticleView) -> list[AssetMention]:
    return [AssetMention(sym, ASSET_NAMES.get(sym, sym), n) for sym, n in _counts(view, "ASSET").most_common()]
