"""The GUIDE's price phrasings hold whatever surrounds them.

Each phrasing of a kind ("fell to", "a high of", "closed the week at", "fell to
its lowest since March at") is put after several subjects, between several
openings and endings, and with several amounts: every sentence must give its
one price with that kind. A rule that leans on one parse of one sentence fails
here where the parser reads the same words another way.
"""

from __future__ import annotations

import itertools

from newsmine.nlp import extract_facts
from newsmine.records import Article

PHRASES = {
    "low": ["fell to", "dropped sharply to", "slid to", "tumbled to", "plunged to", "lost 6% to", "sank as low as",
            "hit a low of", "bottomed near", "fell to a two-week low at", "dropped to its lowest since March at",
            "slid to its weakest level since June at", "sank to a low of"],
    "high": ["rose to", "climbed to", "jumped to", "rallied to", "spiked briefly to", "gained 9% to", "traded as high as",
             "hit a high of", "peaked at", "topped out at", "climbed to a three-week high of",
             "rallied to its highest since May at", "jumped to its strongest level since April at"],
    "spot": ["traded at", "was changing hands near", "hovered around", "was last at", "stood at", "recovered to",
             "rebounded to", "was back at"],
    "level": ["broke above", "fell below", "crossed", "topped", "reclaimed", "slipped under", "held above"],
    "open": ["opened at", "opened the day at"],
    "close": ["closed at", "ended the session at", "settled at", "closed the week at"],
    "ath": ["hit a record", "set a fresh record of", "reached an all-time high of", "rose to a record at"],
}
SUBJECTS = [("Bitcoin", "BTC"), ("The price of ether", "ETH"), ("Solana, which had drifted for a week,", "SOL")]
CONTEXTS = [("", "."), ("On Tuesday, ", " on Coinbase."), ("In Asian trading, ", ", data from CoinGecko showed.")]
AMOUNTS = [("$61,250", 61250.0), ("$0.4123", 0.4123), ("US$1,990", 1990.0)]


def test_every_phrasing_gives_its_kind_in_every_setting():
    cases = []
    for kind, phrases in PHRASES.items():
        for j, phrase in enumerate(phrases):
            for k, ((subject, sym), (before, after)) in enumerate(itertools.product(SUBJECTS, CONTEXTS)):
                written, value = AMOUNTS[(j + k) % len(AMOUNTS)]
                cases.append((f"{before}{subject} {phrase} {written}{after}", [(sym, value, kind)]))
    facts = extract_facts([Article(source=str(i), text=text) for i, (text, _) in enumerate(cases)])
    got = [[(p.asset, p.value, p.kind) for p in f.prices] for f in facts]
    assert [(text, found) for (text, want), found in zip(cases, got) if found != want] == []


# A move caused by something named before the coin: the cause or the verb says which way it went.
CAUSES = {"high": ["A late rally", "A wave of short covering", "Heavy spot buying"],
          "low": ["The sell-off", "A bout of profit-taking", "Heavy selling in Asia"]}
CAUSATIVES = ["sent {coin} to", "took {coin} to", "pushed {coin} to", "drove {coin} to", "carried {coin} to"]
DIRECTED = {"high": ["lifted {coin} to", "propelled {coin} to", "sent {coin} climbing to"],
            "low": ["dragged {coin} to", "knocked {coin} to", "sent {coin} tumbling to"]}
MOVED = [("bitcoin", "$61,250", "BTC", 61250.0), ("the SOL token", "$148", "SOL", 148.0), ("cardano", "$0.38", "ADA", 0.38)]


def test_a_caused_move_takes_the_way_its_cause_or_verb_names():
    cases = []
    for kind, causes in CAUSES.items():
        for cause, verb, (coin, written, sym, value) in itertools.product(causes, CAUSATIVES + DIRECTED[kind], MOVED):
            cases.append((f"{cause} {verb.format(coin=coin)} {written} on Tuesday.", [(sym, value, kind)]))
    facts = extract_facts([Article(source=str(i), text=text) for i, (text, _) in enumerate(cases)])
    got = [[(p.asset, p.value, p.kind) for p in f.prices] for f in facts]
    assert [(text, found) for (text, want), found in zip(cases, got) if found != want] == []


def test_a_size_word_in_the_cause_does_not_make_the_amount_a_size():
    # "liquidations" and "profit" size an amount written after them ("$2 billion of liquidations"), but here
    # they name what moved the coin; the coin and its preposition stand between
    texts = ["A wave of liquidations dragged XRP to $0.4123 on Tuesday.", "Profit-taking knocked XRP to $0.4123.",
             "A wave of liquidations pushed BTC below $98.4k on Tuesday."]
    facts = extract_facts([Article(source=str(i), text=t) for i, t in enumerate(texts)])
    assert [[(p.asset, p.value, p.kind) for p in f.prices] for f in facts] == [
        [("XRP", 0.4123, "low")], [("XRP", 0.4123, "low")], [("BTC", 98400.0, "level")]]
