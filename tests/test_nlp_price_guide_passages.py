"""Prices in short passages read the way the annotation guide (corpora/GUIDE.md) says.

A second set of guide checks, written as an outlet prints them: headlines with capitalised verbs, a
ranking's numbered rows, a sequence of opens, highs and lows told over a day, a level cited as last
week's high, a move measured from where it started. Every passage here was written for these tests.
"""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article


def prices_of(text: str) -> list[tuple[str, float, str, str]]:
    facts = extract_facts([Article(source="t", text=text)])[0]
    return [(p.asset, p.value, p.currency, p.kind) for p in facts.prices]


@pytest.mark.parametrize("text,expected", [
    # a ranking's numbered rows are spot prices, whatever the sign of the row's move
    ("Top gainers of the day:\n1. Solana +12% to $148.20\n2. Avalanche +9% to $31.05\n3. Chainlink -8% to $14.70",
     [("SOL", 148.2, "USD", "spot"), ("AVAX", 31.05, "USD", "spot"), ("LINK", 14.7, "USD", "spot")]),
    # a fronted amount takes the extreme its clause names
    ("At $53,900, bitcoin was at its lowest since late February.", [("BTC", 53900.0, "USD", "low")]),
    # a move from a session's price ends at a high or a low, not at another open
    ("Ether climbed from an open of $3,010 to $3,090 by midday.",
     [("ETH", 3010.0, "USD", "open"), ("ETH", 3090.0, "USD", "high")]),
    # "its lowest ever" is the record low
    ("XRP slid to its lowest ever, $0.11, after the ruling.", [("XRP", 0.11, "USD", "atl")]),
    # headline verbs, capitalised and often parsed as nouns
    ("Solana tops $150 as ETF filings pile up", [("SOL", 150.0, "USD", "level")]),
    ("Bitcoin Breaks $60,000 as ETF Inflows Swell", [("BTC", 60000.0, "USD", "level")]),
    ("LIVE: Bitcoin Rebounds to $57K After Weekend Wobble", [("BTC", 57000.0, "USD", "spot")]),
    ("BTC Bulls Eye $60K After Friday's Flush to $53.5K", [("BTC", 53500.0, "USD", "low")]),
    # a level touched where the clause's move began: the start of a rise is its low, of a fall its high
    ("Bitcoin has risen every day since touching $53,600 last Monday.", [("BTC", 53600.0, "USD", "low")]),
    ("Ether has fallen 8% since it hit $3,560 on Friday.", [("ETH", 3560.0, "USD", "high")]),
    # a plain verb at a market's close is where the coin stood; a move "by the close" ends at the close
    ("Ether was trading around $3,150 at the European close.", [("ETH", 3150.0, "USD", "spot")]),
    ("Ether slid to $3,045 by the close.", [("ETH", 3045.0, "USD", "close")]),
    # an earlier extreme named beside a watched level, or as the subject, keeps its kind
    ("Ether is pressing against resistance near $3,260, last week's high, after a steady climb.",
     [("ETH", 3260.0, "USD", "high")]),
    ("Yesterday's high of $3,190 now marks resistance for ether.", [("ETH", 3190.0, "USD", "high")]),
    ("Bitcoin's opening price for the year was $42,280.", [("BTC", 42280.0, "USD", "open")]),
    ("Solana's low yesterday was $131.40.", [("SOL", 131.4, "USD", "low")]),
    # "to the downside" tells the way a level broke, not a level to come
    ("Bitcoin broke out of that band to the downside on June 24, falling below $60,000 for the first time since May.",
     [("BTC", 60000.0, "USD", "level")]),
    ("Bitcoin had fallen until 49.800 euros before buyers stepped in.", [("BTC", 49800.0, "EUR", "low")]),
    # a move named as a noun owns the amount after its "to", whatever another asset's move in the clause
    ("Gold's gain contrasted with bitcoin's slide to $55,800 on Kraken.", [("BTC", 55800.0, "USD", "low")]),
    # a gap between venues is no level
    ("Bitcoin traded at $64,000. Spot prices on Coinbase were about $150 lower at the time.",
     [("BTC", 64000.0, "USD", "spot")]),
])
def test_kinds_the_guide_gives(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert prices_of(text) == expected


@pytest.mark.parametrize("text", [
    "Traders Eye $60K as Bitcoin Steadies",
    "XRP Climbs; Analysts Flag $0.75 Upside",
])
def test_no_price_the_guide_excludes(text: str) -> None:
    assert prices_of(text) == []
