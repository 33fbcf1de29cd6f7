"""Whose amount it is: a coin's, or a share's, a fund's, a company's, a commodity's or a holder's.

Market copy puts other assets' prices in the same sentences as the coin's ("Coinbase Global
fell 6% to $171.30 as bitcoin slid", "gold slipped below $2,165", "Units of the fund closed at
C$5.62"). The subject of the clause that reaches the amount says whose it is; where the parser
takes a second subject for an object, the words before the verb do. Coins listed before as
many prices take them in order (``paired_coins``), and a coin said to trade at an amount ("with
bitcoin at $56,700", "ether, which traded at $3,040") owns it whatever the sentence names besides
(``coin_at``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmine.nlp.lexicon import STOCK_TICKERS
from newsmine.nlp.numbers import Amount
from newsmine.nlp.price_cues import TIME_ZONES, verb_cue
from newsmine.nlp.price_kinds import amount_tokens
from newsmine.nlp.subjects import clause_head
from newsmine.nlp.view import SentView

if TYPE_CHECKING:
    from spacy.tokens import Token

# Subjects whose price is not a coin's: securities, contracts, money moved or charged
_NOT_COINS = frozenset("share stock claim unit contract note etf etn etp fund trust sale volume turnover fee charge "
                       "remittance transfer payment deposit withdrawal salary wage rent ticket subscription "
                       "allowance interest inflow outflow cap capitalization capitalisation valuation liquidation reserve "
                       "retracement extension ema sma vwap trendline neckline composite company firm miner "
                       "gold silver oil crude hashprice".split())  # a chart's lines, a stock index, a company too
_FIATS = frozenset("dollar euro yen yuan rupee peso lira naira pound rouble ruble rand real".split())
# the listed funds and stocks that trade on the coin's name ("IBIT traded as low as $27.50", "MSTR rose 9% to")
_FIAT_MARKETS = frozenset("official parallel blue informal black-market street interbank wholesale".split())
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_BOTH = re.compile(r"\s+both\s+(?:[a-z]+\s+){1,3}$")  # "both quoted near", "both changed hands at"
PLAIN_LIST = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")  # between two items of a plain list
# A commodity or what a holder has or is allowed, right before the verb that reaches the amount ("gold
# slipped below $2,165", "watched his stake shrink to about $300", "the allowance halves to £3,000"); read
# from the words, since the parser often takes such a second subject for an object of the first clause.
_NOT_COIN_BEFORE = re.compile(r"\b(?:gold|silver|bullion|oil|crude|brent|copper|stake|portfolio|savings|allowance)\b"
                              r"(?:\s+[a-z-]+){1,3}\s+$", re.I)

# between a coin and its amount: a verb of trading or moving and its preposition, nothing else (a placement,
# "support for ether is seen at", is no trade)
_COIN_AT = re.compile(r"\s*(?:,\s*(?:which|that)\s+)?(?:(?:is|was|were|are|has|had|been)\s+)*(?:last\s+)?"
                      r"(?:(?P<verb>chang(?:ed|ing) hands|[a-z]+)\s+)?(?:[\d.]+%\s+)?"
                      r"(?:at|near|around|to)\s*(?:about |around |roughly |nearly |just )?$", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:for|of|on|in|into|against|to|than)\s+$", re.I)
_JUST_BEFORE = re.compile(r"\s+(?:\w+ly\s+)?")  # between a subject and its verb: at most an adverb
_PLACED = frozenset({"seen", "expected", "eyed", "watched", "pegged", "flagged", "marked"})
# ... and a relative clause telling where the coin traded, which no plan or purchase before it changes
_TRADED_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\s+(?:(?:is|was|were|are|has been|had been)\s+)?(?:last\s+)?"
                              r"(?P<verb>trad(?:ed|ing|es)|chang(?:ed|ing) hands|quoted|seen)\s+(?:at|near|around)\s*"
                              r"(?:about |around |roughly |nearly |just )?$", re.I)


def subject_not_a_coin(sent: SentView, a: Amount) -> bool:
    """The clause's subject is a share, a contract, a fee or a flow, not a coin ("'Yes' shares ...
    changed hands at 58 cents", "Units of the fund closed at C$5.62", "sales stayed under $10,000")."""
    found = amount_tokens(sent, a.start, a.end)
    if found is None:
        return False
    node = clause_head(found[1])
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # a later verb shares the first one's subject, or names it "it" ("shares fell ... and are down from their high
    # of $20.35", "the allowance was £12,300, but it has since been cut to £6,000 and will fall to £3,000")
    # (unless a coin stands between the two verbs: "the Fed signalled ..., and by the 24th bitcoin had dropped to")
    # (the main clause's: "It traded near $3,480 as the US funds opened ... and bottomed at" is the coin's)
    verb, shared = node, subject
    while (shared is None or shared.lower_ == "it") and verb.dep_ == "conj" and not any(
            verb.head.idx < m.start - sent.start + sent.doc_start < verb.idx for m in sent.of("ASSET")):
        verb = verb.head
        shared = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or shared
    if verb.dep_ == "ROOT":
        subject = shared
    # (or a label before it names the coin: "PRICE ALERT · Bitcoin (BTC) dropped below $56,000")
    named = [subject] + [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
    if subject is None or any(m.start <= sent.start + t.idx - sent.doc_start < m.end
                              for m in sent.of("ASSET") for t in named):
        return False
    if _coin_moved(sent, node, found[1]):
        return False
    if subject.text in STOCK_TICKERS:
        return True
    cue = verb_cue(node.lower_)
    # (a listed venue's own open or close at the amount: "Coinbase rose 3% and closed at $230.10"; not a venue that
    # opens something, "Binance opened spot trading in TRUMP/USDT, with the first print at")
    closed_at = cue in ("open", "close") and subject.ent_type_ == "EXCHANGE" and found[1].head.head == node and (
        found[1].head.lower_ in ("at", "near", "around"))
    if subject.ent_type_ in ("ORG", "EXCHANGE") and (cue in ("fall", "rise") or closed_at) and subject.lower_ not in TIME_ZONES:
        # a company's shares moved or closed ("Coinbase Global ... dropped 7.1% to $133.21", "MicroStrategy slumped
        # 12% to", "Coinbase rose 3% and closed at $230.10")
        return True
    # a subject named again in apposition is that thing ("Its smaller sibling, the Grayscale Ethereum Trust, closed at")
    if any(c.dep_ == "appos" and (c.lower_ in _NOT_COINS or c.lower_[:-1] in _NOT_COINS) for c in subject.children):
        return True
    # a currency itself ("The dollar, for its part, fell 1.8% against the real, to R$ 5.19"), not a coin called
    # one ("Ethena's synthetic dollar") nor a currency that moved the price ("A firmer rand has kept")
    # (a currency's market is named too: "The official dollar closed at 925 pesos")
    if subject.lower_ in _FIATS and not any(c.dep_ in ("amod", "poss", "compound") and c.lower_ not in _FIAT_MARKETS
                                            for c in subject.children):
        return True
    word = subject.lower_.removesuffix("s") if subject.lower_ not in _NOT_COINS else subject.lower_  # no lemmatizer
    if word == "contract":  # a futures contract prices the coin; a contract on an outcome does not
        after = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
        venue = after is not None and after.i + 1 < len(subject.doc) and any(  # "September contract on CME"
            m.start - sent.start == subject.doc[after.i + 1].idx - sent.doc_start for m in sent.of("EXCHANGE"))
        return after is not None and after.lower_ in ("on", "that", "whether", "asking", "betting") and not venue
    return word in _NOT_COINS


def _coin_moved(sent: SentView, verb: Token, amount: Token) -> bool:
    """A coin, not as an object, stands between the verb and the amount ("..., dragged ether below $1,000") or right
    before the verb ("rattled US technology stocks and bitcoin slipped"): the coin is what moved, whatever the
    parser takes for the subject."""
    doc_offset = sent.doc_start - sent.start  # article offsets to doc offsets
    for m in sent.of("ASSET"):
        if _OBJECT_BEFORE.search(sent.text, 0, m.start - sent.start):
            continue
        if verb.idx < m.start + doc_offset < amount.idx or _JUST_BEFORE.fullmatch(
                sent.text, m.end - sent.start, verb.idx - sent.doc_start):
            return True
    return False


def not_coin_before(sent: SentView, a: Amount, near: str) -> bool:
    """``_NOT_COIN_BEFORE`` ends ``near``, with no coin named between its word and the amount."""
    found = _NOT_COIN_BEFORE.search(near)
    lo = sent.start + a.start - len(near) + found.start() if found else 0
    return found is not None and not any(lo <= m.start < sent.start + a.start for m in sent.of("ASSET"))


Found = list[tuple[Amount, str, str, str]]  # (amount, asset, currency, kind) of a sentence's prices


def paired_coins(sent: SentView, found: Found) -> Found:
    """Coins listed before as many prices take them in order: "Ether and solana fell to $X and $Y
    respectively", or two plain lists without the word ("Bitcoin and ether were trading near $42,300
    and $2,970")."""
    if _RESPECTIVELY.search(sent.text) or _paired_lists(sent, found):
        return _respectively(sent, found)
    shared = [(a, first, currency, kind) if (first := _both_before(sent, a, asset)) else None
              for a, asset, currency, kind in found]
    return [price for both, own in zip(shared, found) for price in (both, own) if price is not None]


def _both_before(sent: SentView, a: Amount, asset: str) -> str | None:
    """The first of two coins that "both" reached the amount owned by the second ("Paxos Standard and the Gemini
    dollar both quoted near $1.04")."""
    named = [m for m in sent.of("ASSET") if m.end - sent.start <= a.start]
    if len(named) < 2 or named[-1].key != asset or named[-2].key == asset:
        return None
    first, second = named[-2], named[-1]
    joined = _AND.fullmatch(sent.text, first.end - sent.start, second.start - sent.start)
    return first.key if joined and _BOTH.match(sent.text, second.end - sent.start, a.start) else None


def _respectively(sent: SentView, found: Found) -> Found:
    """"Ether and solana fell to $X and $Y respectively": the coins named before the first price take
    the prices in order."""
    if len(found) < 2:
        return found
    first = min(a.start for a, *_ in found)
    coins = list(dict.fromkeys(m.key for m in sent.of("ASSET") if m.end - sent.start <= first))
    if len(coins) != len(found):
        return found
    ordered = sorted(found, key=lambda f: f[0].start)
    return [(a, coin, currency, kind) for (a, _, currency, kind), coin in zip(ordered, coins)]


def _paired_lists(sent: SentView, found: Found) -> bool:
    """A plain list of coins, then a plain list of as many amounts ("Bitcoin and ether were trading
    near $42,300 and $2,970"): the same pairing as with "respectively"."""
    if len(found) < 2:
        return False
    text, ordered = sent.text, sorted((a for a, *_ in found), key=lambda a: a.start)
    coins = [m for m in sent.of("ASSET") if m.end - sent.start <= ordered[0].start]
    return (len(coins) == len(ordered) and len({m.key for m in coins}) == len(coins)
            and all(PLAIN_LIST.match(text[x.end - sent.start:y.start - sent.start]) for x, y in zip(coins, coins[1:]))
            and all(PLAIN_LIST.match(text[x.end:y.start]) for x, y in zip(ordered, ordered[1:])))


def coin_at(sent: SentView, a: Amount, between: re.Pattern[str] = _COIN_AT) -> bool:
    """A coin is said to trade or move to amount ``a`` with nothing between but the verb ("with bitcoin at
    $56,700", "ether, which was trading at $3,050", "Bitcoin fell to $55,200, still above support at ..."): a
    market price, whatever support or resistance the sentence names besides."""
    coin = max((m for m in sent.of("ASSET") if m.end - sent.start <= a.start), key=lambda m: m.end, default=None)
    if coin is None or between is _COIN_AT and _OBJECT_BEFORE.search(sent.text, 0, coin.start - sent.start):
        return False  # the coin an object ("Resistance for bitcoin sits at $52,500"), not in its own relative clause
    found = between.match(sent.text, coin.end - sent.start, a.start)
    verb = found and found.groupdict().get("verb")
    if verb:
        seen = verb.lower() == "seen" and "last" in found.group()  # "was last seen at" is a trade (GUIDE)
        moved = verb_cue(verb.split()[0]) in ("hold", "fall", "rise", "reach", "settle")
        return (seen or verb.lower() not in _PLACED) and moved
    return found is not None and sent.text[:coin.start - sent.start].endswith("with ")


def traded_in_relative(sent: SentView, a: Amount) -> bool:
    """Amount ``a`` ends a relative clause on a coin telling where it traded ("to buy ether, which traded at
    $3,040"): the coin's market price, whatever the clause before plans or buys."""
    return coin_at(sent, a, _TRADED_RELATIVE)
