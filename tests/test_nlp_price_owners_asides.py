"""Which coin a price belongs to when asides, possessives and cross rates stand in the way, and the
amounts that only look like prices: loans, pegs, a chart's ceiling. Every passage was written for
these tests, in the voices of lending columns, launch-day desks and mid-cap price pages.
"""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article


def prices_of(text: str) -> list[tuple[str, float, str, str]]:
    facts = extract_facts([Article(source="t", text=text)])[0]
    return [(p.asset, p.value, p.currency, p.kind) for p in facts.prices]


@pytest.mark.parametrize("text,expected", [
    # an apposition after a coin describes it, even one that reads like an anaphor ("the ... coin")
    ("Solana slid 12% to $21.40, while Dogecoin, the joke coin championed by retail traders, sank to 7 cents.",
     [("SOL", 21.4, "USD", "low"), ("DOGE", 0.07, "USD", "low")]),
    # ... and a possessive apposition names another project only to describe the coin before it (its first
    # trade is its open: GUIDE, "a new pair's first trade is open")
    ("Optimism's OP token, Arbitrum's closest rival, first changed hands near $1.75 and bottomed at about $0.45.",
     [("OP", 1.75, "USD", "open"), ("OP", 0.45, "USD", "low")]),
    # a ticker after its issuer's name and a participle aside is a coin of its own
    ("Arbitrum's ARB changed hands at $0.74 on Friday, while Blastline's BLST, airdropped in June, sat at $0.19.",
     [("ARB", 0.74, "USD", "spot"), ("BLST", 0.19, "USD", "spot")]),
    # a cross rate belongs to the coin it quotes, not to the coin named at the sentence's end
    ("Against bitcoin, LTC fell to 0.00291, its weakest since spring, while bitcoin itself held near $27,400.",
     [("LTC", 0.00291, "BTC", "low"), ("BTC", 27400.0, "USD", "spot")]),
    ("Against bitcoin, TON slid to 0.0000913 as bitcoin itself held steadier near $61,800.",
     [("TON", 9.13e-05, "BTC", "low"), ("BTC", 61800.0, "USD", "spot")]),
    # a price restated in another currency after a move's gloss is still the same spot price
    ("By noon in London, bitcoin had recovered to $98,700, up more than 2% from Sunday's trough, or roughly "
     "£78,100 a coin.",
     [("BTC", 98700.0, "USD", "spot"), ("BTC", 78100.0, "GBP", "spot")]),
    # a chart's ceiling that the price broke is a level; a month's peak cited as the next test is a high
    ("On the daily chart, DOT broke above the $7 ceiling that had capped it twice in March.",
     [("DOT", 7.0, "USD", "level")]),
    ("DOT rose 4% on Tuesday. On the upside, sellers are expected to defend the $7.20 area, with last December's peak "
     "of $8.15 the bigger test.",
     [("DOT", 8.15, "USD", "high")]),
    # "the former" before a noun is an adjective, not the first of two coins; a coin's new ticker named in an aside
    ("The original token, which now trades as LUNC, fell 18% to $0.000107, while TerraUSD Classic, the former "
     "stablecoin, was quoted near 3 cents.",
     [("LUNC", 0.000107, "USD", "low"), ("USTC", 0.03, "USD", "spot")]),
    # a participle aside between a coin and its move holds no size of the amount, nor does a noun that reads as a
    # forecast verb ("projects")
    ("Ondo's ONDO slipped 4% to $0.84 and Chainlink's LINK, often grouped with the sector because of its services "
     "for tokenized funds, fell 3% to $12.85.",
     [("ONDO", 0.84, "USD", "low"), ("LINK", 12.85, "USD", "low")]),
    ("The Artificial Superintelligence Alliance's FET, formed from the merger of three AI projects, fell 8% to $1.21.",
     [("FET", 1.21, "USD", "low")]),
    # a ticker after its issuer's name, moving
    ("Desks said buying spread to smaller tokens, with Numeraire's NMR rising 6% to $15.40.",
     [("NMR", 15.4, "USD", "high")]),
    # one coin's record is not the level another coin traded at in the same clause
    ("The market held up, with ether climbing to a record $4,190 on Monday and bitcoin trading around $57,900.",
     [("ETH", 4190.0, "USD", "ath"), ("BTC", 57900.0, "USD", "spot")]),
    # a cascade is a fall
    ("BitMEX longs were liquidated in size, and the price of bitcoin cascaded to about $10,300 within hours.",
     [("BTC", 10300.0, "USD", "low")]),
    # a coin "trading near" a level is spot, even where the parser hangs it on the low the move started from; the
    # size of a sudden drop is no price
    ("Bitcoin crashed. By the afternoon it was up 24 percent from its low and trading near $3,680.",
     [("BTC", 3680.0, "USD", "spot")]),
    ("Bitcoin rose as high as $11,250 before a sudden drop of about $900 in minutes.", [("BTC", 11250.0, "USD", "high")]),
    # a high after a previous record was passed is a high unless called a record; a high that passes it is one
    ("Bitcoin rallied. It broke above $20,000 for the first time on Dec. 16, clearing its 2017 peak of about "
     "$19,800, and touched $34,800 on Sunday.",
     [("BTC", 20000.0, "USD", "level"), ("BTC", 19800.0, "USD", "ath"), ("BTC", 34800.0, "USD", "high")]),
    ("Bitcoin rose as high as $69,170 on Tuesday, topping the $68,990 it reached in November 2021.",
     [("BTC", 69170.0, "USD", "ath"), ("BTC", 68990.0, "USD", "ath")]),
    # a later "it" goes on about the coin of the sentence's first "it", not one named in between to set the scene
    ("Bitcoin had a bruising spring. Then it slid under $30,000 on May 9, the week of the Terra collapse, and by "
     "the weekend it had dropped to about $26,700.",
     [("BTC", 30000.0, "USD", "level"), ("BTC", 26700.0, "USD", "low")]),
    ("Ether gained 3%. On Paribu it traded at 81,400 lira, and dogecoin at 6.12 lira.",
     [("ETH", 81400.0, "TRY", "spot"), ("DOGE", 6.12, "TRY", "spot")]),
    # "it" in the next sentence is the coin that moved, not one named in a phrase hanging from a noun
    ("A quarrel over the future of Ethereum Classic split the mining pools, and bitcoin dropped below $40,000 that "
     "evening. Within days it had sunk to about $35,200.",
     [("BTC", 40000.0, "USD", "level"), ("BTC", 35200.0, "USD", "low")]),
    # a chain of participles goes back to the main clause's subject past a coin that only sets the scene, but not
    # past a coin of its own clause
    ("Solana ran in ether's wake, jumping 6% to $148 before handing some of it back to change hands around $141.",
     [("SOL", 148.0, "USD", "high"), ("SOL", 141.0, "USD", "spot")]),
    ("Cardano followed the same path, touching $1.12 within an hour of bitcoin's peak before sliding 9% to $1.02.",
     [("ADA", 1.12, "USD", "high"), ("ADA", 1.02, "USD", "low")]),
    ("Litecoin fell 4% to $71, and XRP, after jumping as high as $0.64, was at $0.59.",
     [("LTC", 71.0, "USD", "low"), ("XRP", 0.64, "USD", "high"), ("XRP", 0.59, "USD", "spot")]),
    # ... but a verb that shares the main clause's "it" is the coin's, past a subordinate clause's subject
    ("Ether slid. It traded near $3,480 as the US funds opened for business and bottomed at $3,087 on Thursday.",
     [("ETH", 3480.0, "USD", "spot"), ("ETH", 3087.0, "USD", "low")]),
])
def test_owner_and_kind(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert prices_of(text) == expected


@pytest.mark.parametrize("text", [
    # what a borrower took out, and what a loan of that size needs
    "Bitcoin fell 9% on Wednesday. He had borrowed $9,500 against a third of a bitcoin to pay for a car.",
    "Bitcoin fell. A 50% loan-to-value ratio means borrowing $10,000 requires putting up $20,000 of bitcoin.",
    # the peg a stablecoin is meant to sit at
    "Ether dropped 30%. DAI, meant to sit at one dollar, traded on Coinbase with wide spreads.",
    # a Fibonacci ratio's level and a model band's edge
    "Ether rose. On the extension of the 2022-2025 range, the 1.272 level lies near $5,900 and the 1.618 near $6,900.",
    "Bitcoin rose. Our model puts the upper band at $74,000 and the lower band at $55,500 for the next four weeks.",
    # what a holder is allowed, and a later verb that shares it as its subject or names it "it"
    "Ether rose. The annual allowance is £5,000 this year and drops to £2,500 from April.",
    "Ether rose. The allowance was £11,000 last year, but it has since been cut to £5,000 and will fall to £2,500 in April.",
])
def test_no_price(text: str) -> None:
    assert prices_of(text) == []


def test_a_forecast_list_from_the_year_of_publication() -> None:
    """A list row labelled with the current year is a forecast when the rows after it are years to come."""
    text = ("XRP held most of its July gains at $0.72.\n\nXRP Price Prediction 2023, 2025 and 2030\n\n"
            "Our model expects XRP to trade between $0.68 and $0.86 for the rest of the month.\n"
            "- 2023: $0.62 to $1.05\n- 2025: $0.90 to $2.10\n- 2030: $2.40 to $5.80")
    facts = extract_facts([Article(source="t", text=text, published="2023-07-18T09:00:00+00:00")])[0]
    assert [(p.asset, p.value) for p in facts.prices] == [("XRP", 0.72)]
