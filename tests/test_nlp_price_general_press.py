"""Prices in general-interest and trade copy: tax pages, scam stories, sports and celebrity coins,
fund desks and ratio columns.

Such copy is full of money that is no coin's price (a reader's profit, what a victim sent, a
ticket, a fund's minimum, a token sale's price) and names its coins loosely (a ticker given in an
aside, two coins and two prices in one breath). Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article


def facts_of(text: str):
    return extract_facts([Article(source="t", text=text)])[0]


def prices_of(text: str) -> list[tuple[str, float, str]]:
    return [(p.asset, p.value, p.kind) for p in facts_of(text).prices]


@pytest.mark.parametrize("text,expected", [
    # two coins, then their two prices in the same order
    ("Solana and cardano were changing hands near $142 and $0.61 at noon.", [("SOL", 142.0, "spot"), ("ADA", 0.61, "spot")]),
    # a move from a named extreme ends lower: the parser hands the extreme's name on to the end
    ("Litecoin dropped 9% from Monday's high of $88 to $80.", [("LTC", 88.0, "high"), ("LTC", 80.0, "low")]),
    ("Bitcoin climbed from the week's low of $58,200 to $61,900.", [("BTC", 58200.0, "low"), ("BTC", 61900.0, "high")]),
    # a session's price after a possessive
    ("Ether is 7% below the month's open near $3,100.", [("ETH", 3100.0, "open")]),
    # a level touched before the move the clause tells, beyond where the move went, is where it turned
    ("Solana eased below $141 after touching $150 in early trade.", [("SOL", 141.0, "level"), ("SOL", 150.0, "high")]),
    ("XRP lost 12% on the day, from an open of $0.58 to a close of $0.51, after touching $0.47.",
     [("XRP", 0.58, "open"), ("XRP", 0.51, "close"), ("XRP", 0.47, "low")]),
    # the ticker given in an aside names the clause's subject
    ("The token, which trades under the ticker QUOKKA, slid to $0.0042 on Friday after its developers vanished.",
     [("QUOKKA", 0.0042, "low")]),
    # a price in millions of satoshis
    ("One ether now buys about 5.2 million sats.", [("ETH", 0.052, "spot")]),
    # "rather than dollars," closes an aside: the coin after it is the subject, not a listed item
    ("On Bittrex, where such coins are priced in bitcoin rather than dollars, DOGE peaked at 190 satoshis.",
     [("DOGE", 1.9e-06, "high")]),
    ("Chiliz, the fan-token platform's coin, rose 12% to $0.11.", [("CHZ", 0.11, "high")]),
    # what the coin fetched, named by a clause about it, is a reference; a level it held above was crossed
    ("Dogecoin sits far below the roughly 30 cents it fetched in the spring.", [("DOGE", 0.3, "spot")]),
    ("Bitcoin ended the week well off the levels above $70,000 it had held on Monday.", [("BTC", 70000.0, "level")]),
    # a price restated in another currency after a comma and a rounding word
    ("Ether slid 6% to €2,410, roughly $2,620, as sellers pressed on in Frankfurt.",
     [("ETH", 2410.0, "low"), ("ETH", 2620.0, "spot")]),
    # a bulleted brief's row opens with its coin and the coin's price, then tells the day
    ("• ETH $2,310 (-7.2%): touched $2,560 at the top before sliding back under $2,400.",
     [("ETH", 2310.0, "spot"), ("ETH", 2560.0, "high"), ("ETH", 2400.0, "level")]),
    ("• KAVAX $3.12 (+22%): the token spiked to $3.80 after the listing.", [("KAVAX", 3.12, "spot"), ("KAVAX", 3.8, "high")]),
    # a day's range told with "ranged from"; futures reopening after a weekend
    ("Uniswap slid on Tuesday, having ranged from $4.10 to $4.95.", [("UNI", 4.1, "low"), ("UNI", 4.95, "high")]),
    ("Bitcoin futures settled on Friday at $41,200 and reopened on Sunday evening at $42,050.",
     [("BTC", 41200.0, "close"), ("BTC", 42050.0, "open")]),
    # a ticker that trades is a coin; a high dated by the clause after it, passed, is the record then
    ("FROBX, which still trades on two small exchanges, fell 9% to $0.041 after the ruling.", [("FROBX", 0.041, "low")]),
    ("Ether rose as high as $4,870 on Coinbase, topping the $4,860 high reached in November 2021.",
     [("ETH", 4870.0, "ath"), ("ETH", 4860.0, "ath")]),
    # another coin's move after a touched level says nothing about where the first coin turned
    ("Bitcoin touched $60,000 on Monday and ether climbed to $3,500.", [("BTC", 60000.0, "high"), ("ETH", 3500.0, "high")]),
    # "it", moved by something a stablecoin did, is the coin the story is about
    ("Bitcoin fell again. The collapse of the terraUSD stablecoin dragged it to $26,700 within days.",
     [("BTC", 26700.0, "low")]),
    # a flush is a fall, a minimum a low; the coin whose relative clause touched a level turned there
    ("Bitcoin set a record on Monday. Within hours it had flushed to $61,000.", [("BTC", 61000.0, "low")]),
    ("Ether slid. The price went from about 3,100 dollars to a minimum of 2,780 dollars.",
     [("ETH", 3100.0, "spot"), ("ETH", 2780.0, "low")]),
    ("Ether, which touched $1,420 early on Wednesday, rose 9% from that low to $1,550.",
     [("ETH", 1420.0, "low"), ("ETH", 1550.0, "high")]),
    # a currency as the subject is no coin ("The dollar ... fell to R$ 5.02")
    ("Bitcoin rose 3%. The dollar, for its part, fell 1.2% against the real, to R$ 5.02.", []),
])
def test_coins_and_kinds(text, expected):
    assert prices_of(text) == expected


@pytest.mark.parametrize("text,amounts", [
    # sums named by what they are
    ("Bitcoin sellers get a break: the first $6,000 of gains is tax-free this year.", (6000.0,)),
    ("Bitcoin fell in 2018, and up to $3,000 of whatever loss is left can be set against wages.", (3000.0,)),
    ("She sold her ether in March at a $4,000 profit.", (4000.0,)),
    # money someone sent, owes or paid, and what tickets or a fund's entry cost
    ("Bitcoin slid all week. Of the $90,000 he sent to the fake exchange, nothing came back.", (90000.0,)),
    ("Bitcoin rose. He owes ₹12,000 on those gains.", (12000.0,)),
    ("Bitcoin rallied. Tickets for the conference start at $299.", (299.0,)),
    ("The minimum subscription for the bitcoin fund is $100,000.", (100000.0,)),
    # a token sale's price, before or after the amount, and the price a club first sold at
    ("The club raised €2 million in its token sale in 2021, at €0.50 a token.", (0.5,)),
    ("Fan tokens rallied: CHZ is far above the $1 at which the club first sold its own token.", (1.0,)),
    ("GULLX tokens are sold at $0.0005 in the third of ten presale stages.", (0.0005,)),
    # a collectible's price tag, a condition on a level to come, a cost to produce a coin
    ("Ether was worth about $3,100 when she paid 40 ether for the ape, putting the price tag near $124,000.", (124000.0,)),
    ("He said he would not sell a single coin before bitcoin reaches $500,000.", (500000.0,)),
    ("Bitcoin sits well under the $28,000 that analysts estimate it costs a large miner to produce one coin.", (28000.0,)),
    # a chart's gap, a level to come back to, a bank's dollar rate, a desk's slow buying
    ("Bitcoin rallied, but a gap from the March sell-off, between roughly $61,000 and $62,300, is still open.", (61000.0, 62300.0)),
    ("The desk saw little reason to buy bitcoin back before the price revisited $52,000.", (52000.0,)),
    ("Tether traded at 25,900 dong, above the 25,450 dong that banks charge for a dollar.", (25450.0,)),
    ("Bitcoin slid, and she has started nibbling at 61k.", (61000.0,)),
    # a forecast, a projection, a peg, a condition on a close, a trader's own cover, a bounty
    ("Bitcoin bulls flag $40,000 as support, with a return to $48,000 the next big target.", (48000.0,)),
    ("She kept the bank's end-of-quarter projection of $130,000 for bitcoin.", (130000.0,)),
    ("Bitcoin dipped. Each BUIDLX token is meant to stay at $1.", (1.0,)),
    ("Bitcoin fell. I am not buying again until a daily candle closes above $58,000.", (58000.0,)),
    ("Bitcoin broke down. I covered far too early near 74 grand and watched another two thousand dollars of move.", (74000.0, 2000.0)),
    ("Bitcoin was stolen. The protocol has offered a $250,000 bounty for the return of the funds.", (250000.0,)),
])
def test_amounts_that_are_no_prices(text, amounts):
    found = [value for _, value, _ in prices_of(text)]
    assert not set(amounts) & set(found), found


def test_bitcoin_in_ounces_of_gold_is_a_price_in_xau():
    text = "Measured in the metal, one bitcoin now buys about 31 ounces of gold, up from about 24 ounces in March."
    facts = facts_of(text)
    assert [(p.asset, p.value, p.currency) for p in facts.prices] == [("BTC", 31.0, "XAU"), ("BTC", 24.0, "XAU")]
    # the metal's own price per ounce is no coin's price, nor are ounces in a sentence that never names the metal
    assert [p.currency for p in facts_of("Gold rose to $2,310 an ounce as bitcoin slipped to $61,000.").prices] == ["USD"]
    assert facts_of("Bitcoin rose. The parcel weighed 12 ounces.").prices == []


def test_a_fund_ticker_in_an_aside_is_no_coin():
    facts = facts_of("The fund, which trades under the ticker QQBT, took in $40 million of bitcoin on its first day.")
    assert "QQBT" not in {a.symbol for a in facts.assets}
