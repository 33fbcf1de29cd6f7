"""Which coin a clause is about, read from the parse.

The nearest coin before a number is usually what it prices, but market copy often puts the owner
elsewhere: the subject of a participle ("Solana has outrun bitcoin, climbing 50% to $32.50"), the
coin a relative clause hangs from ("outperformed ether, which fell to $2,900"), "it" or "the coin"
as the subject, or the cause of a move ("the collapse of terraUSD dragged it to"). ``view.ArticleView.asset_for``
asks these questions in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsmine.nlp.sentence import Mention, SentView


def clause_head(node: Token | None, pos: tuple[str, ...] = ("VERB", "AUX")) -> Token | None:
    """The word of part of speech ``pos`` that ``node``'s clause hangs from (or the root): the
    verb whose subject the clause is about."""
    for _ in range(12):  # a clause is never deeper; the bound keeps odd parses cheap
        if node is None or node.pos_ in pos or node.head.i == node.i:
            break
        node = node.head
    return node


def inherited_subject(sent: SentView, pos: int) -> str | None:
    """The asset named by the subject of the main clause when the number at ``pos`` sits in a
    participle with no subject or object of its own ("Solana has outrun bitcoin,
    climbing 50% in October to about $32.50"): the nearest asset before it is then an object."""
    if sent.parse is None:
        return None
    node = clause_head(sent.token_at(pos), ("VERB",))
    if not _bare_participle(node, first=True):
        return None
    # up a chain of them ("rising 9% to $655 before giving some of it back to trade around $638") ...
    plain = node.tag_ == "VBG" and node.dep_ != "pcomp"
    for _ in range(4):
        up = node.head.head if node.dep_ == "pcomp" else node.head
        if not _bare_participle(up, first=False):
            break
        node, plain = up, False
    verb = node.head.head if node.dep_ == "pcomp" else node.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    offset = sent.start - sent.doc_start  # doc offsets to article offsets
    inside = [m.key for m in sent.of("ASSET") if lo + offset <= m.start and m.end <= hi + offset]
    # ... where any coin named after the subject only sets the scene ("marking a record within minutes of
    # bitcoin's top before falling 7.8% to $4,487"; not "and XRP, after spiking as high as $1.63")
    between = [m for m in sent.of("ASSET") if hi + offset <= m.start and m.end <= sent.start + pos]
    if not plain and not all(sets_scene(sent, m) for m in between):
        return None
    return inside[0] if inside else None


def _bare_participle(node: Token | None, first: bool) -> bool:
    """A participle or "to" and a verb ("to trade around $638"), with no subject of its own, hanging from
    another verb.

    Only a participle: the parser drops the subject of a finite conjunct ("and litecoin gained 18% to $83"); with
    its own auxiliary it is a finite verb whose subject the parser lost ("and XRP, which ..., was trading at"); a
    noun it is parsed to modify is its subject ("with ether barely moving at $1,855 and bitcoin holding near").
    The number's own verb has no object either: what it moves is what the number prices.
    """
    if node is None or node.dep_ not in ("advcl", "conj", "xcomp", "pcomp"):
        return False
    infinitive = node.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    if node.tag_ != "VBG" and not infinitive:
        return False
    own = ("nsubj", "nsubjpass", "dobj") if first else ("nsubj", "nsubjpass")
    return not any(c.dep_ in own and c.lower_ != "hands" or c.dep_ == "aux" and c.lower_ != "to"  # "changing hands"
                   or c.dep_ == "compound" and c.i < node.i for c in node.children)


def relative_owner(sent: SentView, pos: int) -> str | None:
    """The coin right before the "which" that is the subject of the clause holding the number at ``pos``
    ("Bitcoin has outperformed ether, which fell to $2,900"): the clause is about that coin, even where it is
    the main clause's object (read from the text: the parser may take "ether" there for an adverb)."""
    verb = clause_head(sent.token_at(pos), ("VERB",))
    which = next((c for c in verb.children if c.lower_ in ("which", "who") and c.dep_ in ("nsubj", "nsubjpass")),
                 None) if verb is not None else None
    if which is None:
        return None
    start = which.idx - (sent.doc_start - sent.start)  # doc offsets to article offsets
    return next((m.key for m in sent.of("ASSET") if sent.text[m.end - sent.start:start - sent.start] == ", "), None)


def relative_clause_coins(sent: SentView, pos: int) -> list[tuple[int, int]]:
    """Article spans of the coins named as a relative clause's own subject or object before ``pos``,
    when that clause does not hold ``pos`` ("lifted by ETFs that ether does not yet have, and was
    at $63,400"): such a coin describes a noun, it is not what the number is about."""
    token = sent.token_at(pos)
    if token is None:
        return []
    spans = []
    for m in sent.of("ASSET"):
        coin = sent.token_at(m.start - sent.start)
        verb = coin.head if coin is not None and coin.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        if m.end <= sent.start + pos and verb is not None and verb.dep_ == "relcl" and not (
                verb.left_edge.i <= token.i <= verb.right_edge.i):
            spans.append((m.start, m.end))
    return spans


def _subject_verb(sent: SentView, pos: int) -> Token | None:
    """The verb whose subject the number at ``pos`` is about: its clause's head, or the first of two verbs that
    share one subject ("it slid below $6,000 and closed near $4,830")."""
    node = clause_head(sent.token_at(pos))
    if node is not None and node.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head
    return node


_STANDS_FOR_COIN = frozenset({"coin", "token", "cryptocurrency"})


def anaphor_owns(sent: SentView, pos: int) -> bool:
    """Whether "it" is the subject of the verb that governs the number at ``pos`` ("In dollar
    terms it hit $22,600, while ether sank 17%"), or "the coin" its subject or object ("the
    bank's failure knocked the coin down to $19,600 and cost USDC its peg"): that, not a coin
    named after the number, is what the number is about."""
    node = _subject_verb(sent, pos)
    if node is None:
        return False
    # two subjects: "the ... coin" is the parser's reading of an apposition ("while Dogecoin, the joke coin
    # championed by Elon Musk, sank to 25 cents"), which describes the coin named before it
    subjects = sum(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    for c in node.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it":
            return True
        named = c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _STANDS_FOR_COIN and subjects < 2
        if named and any(d.lower_ == "the" for d in c.children):
            return True
    return False


# verbs by which one thing moves another ("dragged it to", "sent it below", "took it to")
_CAUSATIVES = frozenset("drag drags dragged dragging push pushes pushed pushing send sends sent sending knock knocks "
                        "knocked knocking pull pulls pulled pulling lift lifts lifted lifting drive drives drove driven "
                        "driving sink sinks sank sinking tip tips tipped tipping take takes took taking carry carries "
                        "carried carrying".split())


def causer_of_it(sent: SentView, pos: int) -> tuple[int, int] | None:
    """Where the subject stands (absolute offsets) when "it" is the object of the verb that governs the number
    at ``pos`` ("the collapse of the terraUSD stablecoin dragged it to $17,592"): the coins named there caused
    the move; "it" is the coin the story is about."""
    node = clause_head(sent.token_at(pos))
    if node is None or node.lower_ not in _CAUSATIVES or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in node.children):
        return None
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "poss" for c in subject.children):
        return None  # "ADA's jump took it above $0.55": the coin's own move
    first, last = subject.left_edge, subject.right_edge
    return (sent.start + first.idx - sent.doc_start, sent.start + last.idx + len(last) - sent.doc_start)


def price_subject(sent: SentView, pos: int) -> bool:
    """Whether "the price", naming no coin of its own ("Upbit's bitcoin price"), is the subject of the
    verb that governs the number at ``pos``."""
    node = clause_head(sent.token_at(pos))
    subject = next((c for c in node.children if c.dep_ == "nsubj"), None) if node is not None else None
    if subject is None or subject.lower_ != "price":
        return False
    offset = sent.start - sent.doc_start  # doc offsets to article offsets
    lo, hi = subject.left_edge.idx + offset, subject.idx + offset
    return not any(lo <= m.start < hi for m in sent.of("ASSET"))


def subject_asset(sent: SentView, assets: Sequence[Mention]) -> Mention | None:
    """The asset that is (in) the subject of ``sent``'s main clause, if one is."""
    for m in assets:
        token = sent.token_at(m.start - sent.start)
        while token is not None and token.dep_ != "ROOT":
            if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
                return m
            token = token.head
    return None


def it_again(sent: SentView, pos: int) -> int | None:
    """The article offset of the sentence's first subject "it" when a later "it" is the subject of the verb that
    governs the number at ``pos`` ("Then it fell below $6,000 on Nov. 14, the day before the Bitcoin Cash fork, and
    within a week it had dropped 37%"): the later "it" goes on about the same coin as the first."""
    node = _subject_verb(sent, pos)
    if node is None:
        return None
    own = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"), None)
    if own is None:
        return None
    first = next((t for t in sent.parse if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass")), own)
    return None if first.i == own.i else sent.start + first.idx - sent.doc_start


def sets_scene(sent: SentView, m: Mention) -> bool:
    """Whether the coin ``m`` only sets the scene: it modifies another noun ("the Bitcoin Cash camp", "bitcoin's
    slipstream") or ``in_noun_phrase``."""
    token = sent.token_at(m.end - 1 - sent.start)
    modifies = token is not None and token.dep_ in ("compound", "poss") and (
        token.head.idx - sent.doc_start + sent.start >= m.end)  # (another noun's, not the coin's own next word)
    return modifies or in_noun_phrase(sent, m)


def in_noun_phrase(sent: SentView, m: Mention) -> bool:
    """Whether the coin ``m`` sits in a phrase hanging from a noun ("a feud over the future of bitcoin cash")."""
    token = sent.token_at(m.end - 1 - sent.start)
    while token is not None and token.dep_ in ("compound", "poss", "amod", "pobj", "prep") and token.head.i != token.i:
        if token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN"):
            return True
        token = token.head
    return False
