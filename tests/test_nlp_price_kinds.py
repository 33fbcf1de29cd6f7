"""Prices in many outlets' phrasings: kinds read from the parse, and amounts that are no prices.

Each sentence exercises one cue of the genre; all are written for these tests
(none comes from the corpus), so they check the genre's rules, not one writer's.
"""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.nlp.price_cues import noun_cue, verb_cue
from newsmine.records import Article


def kinds_of(text: str, value: float) -> set[str]:
    facts = extract_facts([Article(source="t", text=text)])[0]
    return {p.kind for p in facts.prices if p.value == pytest.approx(value)}


@pytest.mark.parametrize("text,value,kind", [
    ("Bitcoin, which had drifted sideways for most of the week, dropped sharply on Tuesday morning in Asia to $31,444.", 31444.0, "low"),
    ("Ether slipped under the $3,000 mark on Monday.", 3000.0, "level"),
    ("Bitcoin topped $70,000 on Friday.", 70000.0, "level"),
    ("Bitcoin topped out at $73,800 before sellers returned.", 73800.0, "high"),
    ("Solana bottomed near $8 in late December.", 8.0, "low"),
    ("XRP was last seen at $0.52.", 0.52, "spot"),
    ("Bitcoin hovered around $64,000 in Asian hours.", 64000.0, "spot"),
    ("The CME bitcoin contract settled at $61,200 on Friday.", 61200.0, "close"),
    ("Ether settled around $3,100 in European trading.", 3100.0, "spot"),
    ("Bitcoin ended the week at $26,900.", 26900.0, "close"),
    ("The sell-off took ether to $1,500 within an hour.", 1500.0, "low"),
    ("Bitcoin touched $28,470 on Bitstamp before easing to $27,900.", 28470.0, "high"),
    ("Bitcoin touched $28,470 on Bitstamp before easing to $27,900.", 27900.0, "low"),
    ("Ether touched $1,521 on Kraken, undercutting its August low.", 1521.0, "low"),
    ("BNB set a fresh record of $686 on Thursday.", 686.0, "ath"),
    ("Bitcoin set a new all-time high above $73,000 on Monday.", 73000.0, "level"),
    ("Litecoin changed hands at $88 at the low.", 88.0, "low"),
    ("Bitcoin fell from $7,900 to $3,850 in a day.", 7900.0, "spot"),
    ("Bitcoin fell from $7,900 to $3,850 in a day.", 3850.0, "low"),
    ("Dogecoin climbed to above $0.40 on Friday.", 0.40, "level"),
    ("For perspective, bitcoin's bear-market low was $3,120.", 3120.0, "low"),
    ("Ether retook $2,000 on Tuesday.", 2000.0, "level"),
    ("Bitcoin tanked to $15,500 after the news.", 15500.0, "low"),
    ("Cardano rocketed to $1.20 on the upgrade.", 1.20, "high"),
    ("Bitcoin was changing hands at $42,000, down 3% on the day.", 42000.0, "spot"),
    ("Ether dropped as low as $2,000 from a lifetime high of $2,545 set on Friday.", 2545.0, "ath"),
    ("Ether dropped as low as $2,000 from a lifetime high of $2,545 set on Friday.", 2000.0, "low"),
    ("Bitcoin closed well off the lows at $1,375.", 1375.0, "close"),
    ("Bitcoin opened the week at $60,100.", 60100.0, "open"),
    ("Ether slid from a weekend high near $1,350 to $897.", 1350.0, "high"),
    ("Bitcoin slid 4% to $20,150 by the close.", 20150.0, "close"),
    ("Ether extended losses to $1,020 in Asia.", 1020.0, "low"),
    ("Bitcoin climbed back to $27,300 after the dip.", 27300.0, "spot"),
    ("The rally cleared the April 2021 peak near $64,800 for bitcoin.", 64800.0, "ath"),
    ("Bitcoin hit $5,920, down 70% from its record.", 5920.0, "low"),
    ("Bitcoin rallied 8% and hit $48,200 late on Friday.", 48200.0, "high"),
    ("Bitcoin rose to $3,950, a record, on Monday.", 3950.0, "ath"),
    ("XRP sank to $0.21, its lowest since May.", 0.21, "low"),
    ("BTC/USD was at $31,850 at 1400 GMT, its lowest in almost two weeks.", 31850.0, "low"),
    ("Ether was at $2,410 on Monday, up 3% on the day.", 2410.0, "spot"),
    ("Bitcoin traded above $45,000 earlier on Friday.", 45000.0, "level"),
    # trading-desk and live-market phrasings
    ("ETH dumped from 1.9k to a wick at 1.62k on Binance within minutes.", 1620.0, "low"),
    ("Solana broke $120 on Tuesday before pulling back to $114.", 114.0, "low"),
    ("The meme names ran hard, with PEPE tagging $0.000012 and FLOKI up 25% on the day.", 0.000012, "high"),
    ("Litecoin rallied through the week. It touched $104 on Sunday, per Kraken data.", 104.0, "high"),
    ("BNB pushed up to about $720 in Asian trading, which is a record high.", 720.0, "ath"),
    ("Cardano climbed to $3.05 on Thursday, which was a record.", 3.05, "ath"),
    ("Dogecoin sagged to 5.9 cents late on Monday, which was a record low for the year.", 0.059, "atl"),
    ("XRP surged 60% on the ruling, reaching a high of $0.82, up from about $0.51 the day before.", 0.82, "high"),
    ("XRP surged 60% on the ruling, reaching a high of $0.82, up from about $0.51 the day before.", 0.51, "spot"),
    # an extreme named by the noun a participle clause describes
    ("Solana's record, set in March at around $262, still stands.", 262.0, "ath"),
    ("Ether's low of the week, printed on Tuesday at about $1,840, held until Friday.", 1840.0, "low"),
    # a participle the parser reads as an adjective still moves the price
    ("Bybit's liquid staked token, the ETH one, wicked to about $2,430 as ether itself was trading near $2,800.", 2430.0, "low"),
    # a move named by a noun, whatever the parser attaches "to" to
    ("Plenty of rigs were unplugged after ether's slide to roughly $1,020 in June squeezed their margins.", 1020.0, "low"),
    # a move handed back after the price was touched: that price was the top
    ("Traders watched ether touch $4,090 at the open and then hand back everything it had gained since Monday.", 4090.0, "high"),
    # "closed" with an object that is no session closes nothing in the market
    ("The anchor closed the broadcast with bitcoin at about $61,300.", 61300.0, "spot"),
    ("Bitcoin closed the weekly candle at $58,900.", 58900.0, "close"),
    # a move to a named extreme, its amount after ("fell to its lowest since March at $X")
    ("Avalanche dropped to its lowest since March at $21.40 on Coinbase.", 21.4, "low"),
    ("Polkadot jumped to its strongest level since April at $7.85 in early trading.", 7.85, "high"),
    ("Chainlink slid to its weakest level since June at $11.02.", 11.02, "low"),
    # a bounce after a touched price makes it the bottom; a particle turns a push down
    ("Polkadot touched $4.12 before bouncing to $4.60 on Binance.", 4.12, "low"),
    ("Heavy selling pushed Aptos down to $6.35 within the hour.", 6.35, "low"),
    # a move word the parser misreads still tells the move
    ("The price of ether spiked briefly to $2,148.", 2148.0, "high"),
    # "the bottom line" sums up; it names no low
    ("The bottom line With solana back near $145, the setup looks constructive.", 145.0, "spot"),
])
def test_kind_from_the_words_governing_the_amount(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("form,cls", [
    ("fell", "fall"), ("slipping", "fall"), ("dropped", "fall"), ("sank", "fall"), ("undercutting", "fall"),
    ("rose", "rise"), ("rallies", "rise"), ("topped", "cross"), ("retook", "cross"), ("bottomed", "bottom"),
    ("settled", "settle"), ("changing", "hold"), ("hit", "reach"), ("toppled", None),
])
def test_cue_table_maps_inflected_verbs_to_their_class(form, cls):
    assert verb_cue(form) == cls


def test_cue_table_nouns_are_not_read_as_verb_forms():
    assert noun_cue("lows") == "low" and noun_cue("highest") == "high" and noun_cue("mark") == "mark"
    assert noun_cue("topped") is None  # "topped $X" crosses a level; it names no top


@pytest.mark.parametrize("text,value,kind", [
    ("BNB is far below its May 2021 record of $686.", 686.0, "ath"),  # the month, not the modal
    ("In May 2020 bitcoin was near $8,600 on the day.", 8600.0, "spot"),
])
def test_the_month_may_is_no_hedge(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("text,value", [
    ("Bitcoin may reach $100,000 by December.", 100000.0),
    ("Bitcoin ended the day flat, after a round trip of more than $6,000.", 6000.0),
    ("One wallet built a short of 900,000 SOL with an entry near $125 before it was closed out.", 125.0),
    ("Tether briefly slipped off its $1 peg on Kraken.", 1.0),
    ("Each USDC token is meant to be redeemable for one dollar at Circle.", 1.0),
    ("Levels: 3.1k is the line in the sand for ETH, and 3.4k is where shorts will cover.", 3100.0),
    ("Levels: 3.1k is the line in the sand for ETH, and 3.4k is where shorts will cover.", 3400.0),
    # a question with a decimal price, a target, a size as the subject
    ("Is cardano headed for $0.55 again?", 0.55),
    ("Can XRP reclaim $2.50 before Friday?", 2.5),
    ("Polkadot bulls are targeting $9.80 into the weekend.", 9.8),
    ("Open interest across Solana perpetuals rose to $612.", 612.0),
])
def test_hedges_round_trips_and_entries_are_not_prices(text, value):
    assert not kinds_of(text, value)


@pytest.mark.parametrize("text,value,kind", [
    # a dated high is that period's high; a dated peak the market passes is the record then
    ("Ether ended the year at $2,282, with its 2023 high of $2,445 in the last week.", 2445.0, "high"),
    ("Solana is still 40% below its March 18 peak of $209.", 209.0, "high"),
    ("Bitcoin set a record of $19,860, clearing its December 2017 peak of $19,780.", 19780.0, "ath"),
    # a band the price traded in, named after its ends
    ("Bitcoin spent Monday pinned in a tight $61,000-$61,800 band.", 61000.0, "low"),
    # where the market was turned back, a round number lost, an extreme named just before
    ("Bitcoin rallied in May. On May 21 sellers turned the price away at $71,950.", 71950.0, "high"),
    ("Bitcoin slid on Monday. It lost the $55,000 handle within minutes of the open.", 55000.0, "level"),
    ("Bitcoin slipped. The week's lowest print, about $43,300, came on Tuesday.", 43300.0, "low"),
    ("Ether followed suit, touching $1,551 before recovering to $1,680.", 1551.0, "low"),
])
def test_kinds_across_time(text, value, kind):
    assert kinds_of(text, value) == {kind}


@pytest.mark.parametrize("text,value", [
    ("Bitcoin bounced. Support: the $25,150-$25,300 zone, then $24,600 and the round $24,000.", 24000.0),
    ("Bitcoin rose. The author treats $59 as the line the bulls must hold.", 59.0),
    ("Solana rose. He marks $80 as resistance and $100 as the measured-move objective of the base.", 100.0),
    ("Bitcoin's CME futures opened lower, leaving an empty stretch of nearly $3,800 on the chart.", 3800.0),
])
def test_levels_watched_and_gaps_are_no_prices(text, value):
    assert kinds_of(text, value) == set()


def test_the_coin_as_object_and_a_drawdown_under_its_record():
    facts = extract_facts([Article(source="t", text="Bitcoin wobbled in March. The bank run knocked the coin down to "
                                                    "about $19,600 and cost the USDC stablecoin its peg.")])[0]
    assert {(p.asset, p.value) for p in facts.prices} == {("BTC", 19600.0)}
    facts = extract_facts([Article(source="t", text="Dogecoin, at 6.8 cents, sits about 91% under its May 2021 record.")])[0]
    assert {(f.kind, f.value, f.asset) for f in facts.figures} == {("percent_change", -91.0, "DOGE")}


@pytest.mark.parametrize("text,expected", [
    # "it" or "the price" in a later clause is the sentence's subject, not a coin named in between
    ("By late trading, dogecoin had given back most of the jump, falling as low as $0.161 when bitcoin's slide "
     "rippled through altcoins, and it was last quoted at $0.178.", ("DOGE", 0.178)),
    ("XRP turnover on Upbit reached ₩4.2 trillion, more than its bitcoin and ether volume combined, and the won "
     "price peaked at ₩1,230.", ("XRP", 1230.0)),
    ("By Wednesday, XRP was back at $2.48 and Upbit's bitcoin price had recovered to ₩137 million.", ("BTC", 137e6)),
    # a passive subject carries over to the participle after it
    ("Ether was dragged down with bitcoin, sinking as much as 22% to $8.50.", ("ETH", 8.5)),
    # coins by their full names, and a ticker's line with no bullet
    ("The Official Trump token went live on Friday. It spiked as high as $73.43 on Sunday.", ("TRUMP", 73.43)),
    ("Pepe, a meme coin popular with young traders, slid 6% to $0.0000141.", ("PEPE", 0.0000141)),
    ("Market snapshot (24h change):\nBTC: $24,180 (+9.6%)\nBAL: $6.41 (+4.1%)", ("BAL", 6.41)),
    ("TUSD has spent much of the year below its peg and was quoted at $0.9785 on Wednesday.", ("TUSD", 0.9785)),
    ("Bitget's BGB and KuCoin's KCS were little changed at $0.1840 and $7.95 respectively.", ("KCS", 7.95)),
    ("Cronos, the token linked to Crypto.com, slipped 9% this week to $0.1487.", ("CRO", 0.1487)),
    ("Here is how they moved: APE: $0.607 (+14.2%) AXS: $4.12 (-5.4%) IMX: $0.682 (-11.3%)", ("IMX", 0.682)),
    # the second item of a list after "against" is a pair's quote side too
    ("Binance opened four pairs at once: STRK against USDT, FDUSD, bitcoin and the Turkish lira. The first trade "
     "went through at $2.40.", ("STRK", 2.4)),
])
def test_whose_price_it_is(text, expected):
    facts = extract_facts([Article(source="t", text=text)])[0]
    assert expected in {(p.asset, p.value) for p in facts.prices}


@pytest.mark.parametrize("text,value,kind", [
    # an extreme cited by its date or period was reached, however conditional the sentence around it
    ("Bitcoin dipped. Losing the zone would open a run toward the June 15 low at $24,800.", 24800.0, "low"),
    ("Bitcoin dipped. A drop back to this year's low near $38,500 would not break the pattern.", 38500.0, "low"),
    # "it" owns the amount even after a clause about stocks
    ("Bitcoin crashed. As stock markets suffered their worst day since 1987, it slid to $4,800.", 4800.0, "low"),
])
def test_cited_extremes_and_the_coin_after_a_clause_about_stocks(text, value, kind):
    assert kinds_of(text, value) == {kind}


def test_a_candle_span_is_no_price_and_a_share_of_it_keeps_the_kind():
    assert kinds_of("Bitcoin opened the month near $43,800, so the candle spans more than $17,000.", 17000.0) == set()
    facts = extract_facts([Article(source="t", text="About $1.2 billion of positions were liquidated over 24 hours, "
                                                    "with longs accounting for about $900 million of it.")])[0]
    assert ("liquidations", 900e6) in {(f.kind, f.value) for f in facts.figures}


def test_a_session_opened_near_a_level_is_the_open():
    # GUIDE rule 1 comes before rule 3: the open, though "under" names a level
    assert kinds_of("Solana opened the year just under $10 and closed it near $100.", 10.0) == {"open"}
    assert kinds_of("The rally would open a path toward $12.", 12.0) == set()


@pytest.mark.parametrize("text,value,kind", [
    # a wick ends where it went, whatever the parser hangs the amount on
    ("On Kraken the SOL/USD perpetual printed a wick to $121.40 seconds before trading halted.", 121.4, "low"),
    ("Ether dropped to $2,950 on Coinbase. On Bybit's ether perpetual the wick went further still, to $2,870.",
     2870.0, "low"),
    # a participle the parser reads as an adjective
    ("On OKX the LINK/USDT pair bottomed at 13.05 while the announcement was still being read.", 13.05, "low"),
    # a level touched beside another coin's extreme across "while" is on the same side
    ("Solana bottoms at $98.20 on Kraken, its lowest since February, while Avalanche touches $18.90.", 18.9, "low"),
    # which side a squeeze or a wave of liquidations forced out tells the move
    ("A long squeeze overnight sent ether to $2,310 as margin calls went out.", 2310.0, "low"),
    ("A cascade of long liquidations early on Monday sent Cardano to $0.41 before dip buyers returned.", 0.41, "low"),
    ("A short squeeze sent dogecoin to 21 cents within the hour.", 0.21, "high"),
])
def test_wicks_squeezes_and_extremes_beside_each_other(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("text,value,kind", [
    # the amount a relative clause says the coin reached, above the sentence's other prices, is the top it left
    ("Cardano recovered to 41 cents by the evening, although it remained far from the 52 cents it reached on Monday.",
     0.52, "high"),
    ("Litecoin slid 6% over the week to $78, giving up the $91 it reached on Tuesday.", 91.0, "high"),
    # (below them it is as often a record passed: left to the record rules)
    ("Bitcoin rose as high as $69,170, topping the $68,990 it reached in November 2021.", 68990.0, "ath"),
    # a best print is the top
    ("Avalanche's best print of the month was $44.10 on the 12th.", 44.1, "high"),
    # a dollar of another country splits off its amount, so "to" governs it
    ("ADA rose 3.1% on the day to R$3.42 on a Brazilian exchange.", 3.42, "high"),
    # each end of a range told with its day
    ("The week's ether range ran from $2,310 on Monday to $2,690 on Friday.", 2310.0, "low"),
])
def test_tops_left_best_prints_and_dated_range_ends(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("text,value,kind", [
    # GUIDE: a new pair's first trade is the open, however the first trades are told
    ("Arbitrum's ARB token first traded near $1.30 on launch day and sank to $1.10 within hours.", 1.3, "open"),
    ("Poloniex listed ZEC late on Monday, and its first trades came in around 0.0021 BTC.", 0.0021, "open"),
    # (a market's first prints after an outage are no new pair's)
    ("BitMEX came back at noon, and the first BTC/USD prints after the outage were around $4,900.", 4900.0, "spot"),
])
def test_a_new_pairs_first_trades_are_its_open(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("text,value,kind", [
    # where a move to a named extreme began is no extreme (GUIDE: "from $X" is spot)
    ("Avalanche tumbled as low as $17.20 from around $21.90 late on Monday before recovering to $19.40.", 21.9, "spot"),
    # buyers pulling the coin back to a level is a return; a fall that pulls it back ends at its low
    ("Polkadot fell 9% on Monday. Buyers have since pulled it back to $6.15, though the bounce looks thin.", 6.15, "spot"),
    ("Polkadot rose 9% on Monday. Profit-taking pulled it back to $6.15 by Tuesday.", 6.15, "low"),
])
def test_where_a_move_began_and_who_pulled_it_back(text, value, kind):
    assert kind in kinds_of(text, value)


@pytest.mark.parametrize("text,value", [
    # a sum that buys coins is spent, not a price; nor is what a holding cost, decimals and all
    ("Because the weekly $40 bought far more coin in the lean years, when bitcoin bottomed near $3,200, the plan did well.", 40.0),
    ("Take a saver who built up 0.3 bitcoin for £5,500 over 2021 and sold a third of it last spring.", 5500.0),
])
def test_a_sum_spent_on_coins_is_no_price(text, value):
    assert kinds_of(text, value) == set()



def test_a_joined_verb_and_a_touch_after_a_told_move():
    """A verb joined to the sentence before's root tells its move; a reach after a move told in the past is its extreme."""
    text = ("Ethereum (ETH) had an even worse performance and lost the US$ 1,000 for the first time since January 2021. "
            "The second largest cryptocurrency reached US$ 881.")
    assert kinds_of(text, 881.0) == {"low"}
    text = "The cat-themed token POPCAT had rallied 61% last week on speculation about the listing, touching 86 cents on Sunday."
    assert kinds_of(text, 0.86) == {"high"}
    text = "SLP, the reward token that many players earn every day, fell to $0.0195."
    assert kinds_of(text, 0.0195) == {"low"}
    assert kinds_of("Converted, each AXS token is now worth only about $7.10.", 7.10) == {"spot"}
