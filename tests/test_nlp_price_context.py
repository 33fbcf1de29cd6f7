"""Prices whose kind, or whether they are prices at all, is told around the amount.

Live blogs, wire copy, regional desks and retrospectives say what a number was
with words after it ("at the height of the frenzy", ", which is still its
all-time low"), with a label ("Low $59,510 / Last $63,470"), or with a subject
that is no coin ("MicroStrategy slumped 12% to"). Every sentence here was
written for these tests.
"""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article


def prices_of(text: str) -> list[tuple[str, float, str]]:
    facts = extract_facts([Article(source="t", text=text)])[0]
    return [(p.asset, p.value, p.kind) for p in facts.prices]


@pytest.mark.parametrize("text,expected", [
    # an extreme or a session named after the amount
    ("Solana hit $121 at the bottom of the liquidation cascade.", ("SOL", 121.0, "low")),
    ("Dogecoin was quoted as high as $0.73 at the height of the mania.", ("DOGE", 0.73, "high")),
    ("Ether traded at $2,280 at the depth of the sell-off.", ("ETH", 2280.0, "low")),
    ("Bitcoin was at $97,100 on Friday, against $42,260 at the close of 2023.", ("BTC", 42260.0, "close")),
    ("Ether is down 9% from the $3,350 at which it opened the quarter.", ("ETH", 3350.0, "open")),
    ("Litecoin changed hands at about $1.15 in 2015, which is still its all-time low.", ("LTC", 1.15, "atl")),
    ("Cardano traded for as little as $0.018 after its launch, which remains its all-time low.", ("ADA", 0.018, "atl")),
    ("At its worst, bitcoin changed hands at $49,050 on Kraken.", ("BTC", 49050.0, "low")),
    ("At its best, ether fetched $4,090 on Coinbase.", ("ETH", 4090.0, "high")),
    ("Bitcoin kept climbing. The session high so far is $103,900 on Binance.", ("BTC", 103900.0, "high")),
    # a labelled data line, its labels set off by slashes
    ("BTC on Kraken: Open $64,100 / High $65,020 / Low $62,880 / Last $63,300.", ("BTC", 62880.0, "low")),
    ("BTC on Kraken: Open $64,100 / High $65,020 / Low $62,880 / Last $63,300.", ("BTC", 63300.0, "spot")),
    # a list of rows under a header naming closing prices
    ("Month-end table: closing price and change Bitcoin (BTC): $58,970, -7.1% Solana (SOL): $131.40, -12.3%",
     ("SOL", 131.4, "close")),
    # how far a price went, and a new pair's first trade
    ("Inside the emptied pool, LDO changed hands for as little as $0.21.", ("LDO", 0.21, "low")),
    ("The first ONDO/USDT trade on the venue printed at 0.0912 USDT.", ("ONDO", 0.0912, "open")),
    # a desk line quoting the coin "@" a bare number makes its paragraph a ticker table
    ("Quiet tape: ETH -2.2% d/d @ 2,930 into the close, after a dip to 2,871 on Kraken.", ("ETH", 2871.0, "low")),
    # a coin the lexicon lacks, introduced by what it is or by its pair
    ("ZORBO, the token behind the Telegram game, dropped to $0.0071 by the evening.", ("ZORBO", 0.0071, "low")),
    ("The first ZORBO/USDT trade printed at $0.0100, and bitcoin held at $64,000.", ("ZORBO", 0.01, "open")),
    ("AVAX traded down to $18.95 at the lows, according to the desk.", ("AVAX", 18.95, "low")),
    ("That leaves BTC 14% below the $73.8k spike of March 14.", ("BTC", 73800.0, "high")),
    ("The stablecoin USDe wobbled but held, dipping no lower than $0.994.", ("USDE", 0.994, "low")),
    ("Ether rose to $4,950, finally passing the $4,878 peak it reached in 2021.", ("ETH", 4878.0, "ath")),
    # a desk's bare numbers, on the scale of the dollar prices around them
    ("BTC broke above 100,000 in Asian hours and extended to a record 103,900. Spot was near 92.1k a day later.",
     ("BTC", 103900.0, "ath")),
    ("Ether lagged, finishing the week at $3,120 for a 4.2% weekly loss.", ("ETH", 3120.0, "close")),
    ("Bitcoin held near the record it set on Tuesday, when it climbed as high as $111,900 on Kraken.",
     ("BTC", 111900.0, "ath")),
    # a stablecoin quoted after an amount is its currency, not the next amount's coin
    ("The BTC-USDT perpetual traded as low as 98,200 USDT, having opened the day at 103,650 USDT.",
     ("BTC", 103650.0, "open")),
    # a participle clause naming the chain a token was launched on only describes the token
    ("BONK, launched by an anonymous team on Solana, changed hands at $0.0000351 on Monday.", ("BONK", 0.0000351, "spot")),
    ("Bitcoin rose as high as $69,170, topping the $68,990 it reached in November 2021.", ("BTC", 68990.0, "ath")),
    # ... and the high that passed it is the new record, though the words say only "as high as"
    ("Bitcoin rose as high as $69,170 on Coinbase in early U.S. trading, topping the $68,990 it reached in 2021.",
     ("BTC", 69170.0, "ath")),
    ("Bitcoin set a fresh record of $69,210, edging past the November 2021 peak of $68,990.", ("BTC", 68990.0, "ath")),
    ("Bitcoin's previous high-water mark, $68,789, had stood since November 2021.", ("BTC", 68789.0, "ath")),
    # a superlative "on record" or "in its history" glossed after the amount is the record
    ("Against ether, SOL climbed to 0.0761 ETH, the highest reading on record for the pair.", ("SOL", 0.0761, "ath")),
    ("USD Coin traded as low as $0.8774 on Saturday morning, the weakest price in its history.",
     ("USDC", 0.8774, "atl")),
    ("Bitcoin moves further away from the historic maximum of $108,135 that it reached on 17 December.",
     ("BTC", 108135.0, "ath")),
    # a participle after the record it sets; an extreme set beside its amount between commas
    ("Ether set a new record on Sunday, reaching $4,953 on Coinbase late in the evening.", ("ETH", 4953.0, "ath")),
    ("The year's low so far, about $38,500, came on January 23 for bitcoin.", ("BTC", 38500.0, "low")),
    ("Remember that ether fell about 66% from its December high, near $4,100, to that April low.",
     ("ETH", 4100.0, "high")),
    # "than expected" is no forecast; a coin after the first clause's subject owns the second verb
    ("On Wednesday, after inflation figures came in softer than expected, bitcoin had recovered to about $83,200.",
     ("BTC", 83200.0, "spot")),
    ("In January the Fed signalled that it would soon raise rates, and by the 24th bitcoin had dropped to about "
     "$33,000.", ("BTC", 33000.0, "low")),
    # a size word in an opening phrase is that phrase's: the price has its own clause
    ("On bitFlyer, Japan's largest exchange by bitcoin volume, the price touched ¥9.6 million, a record in yen terms.",
     ("BTC", 9600000.0, "ath")),
    # a price restated in another currency after its venue, time or gloss; a move from a named extreme ends past it
    ("Bitcoin bottomed at $104,780 on Binance (about €90,300).", ("BTC", 90300.0, "spot")),
    ("Bitcoin broke above $100,000 for the first time, or roughly £78,600 at the going exchange rate.",
     ("BTC", 78600.0, "spot")),
    ("Ether climbed 5% to $2,720 on Thursday, its highest since February, or around Rs7.67 lakh.",
     ("ETH", 767000.0, "spot")),
    ("Bitcoin hit a record of US$73,750 on Binance on Thursday night, Hanoi time, equal to about VND1.83 billion.",
     ("BTC", 1830000000.0, "spot")),
    # a record labelled in a data line; the subject after a phrase measured "against" another coin
    ("Ether: open $2,770; record high $4,380; low $1,900; close $2,710.", ("ETH", 4380.0, "ath")),
    ("USDC slid to 87 cents. Measured against tether, bitcoin bottomed at 19,560 USDT on Binance late Friday.",
     ("BTC", 19560.0, "low")),
    ("That day bitcoin tumbled from a high of $69,170 to $59,224 on Coinbase within hours.", ("BTC", 59224.0, "low")),
    ("On Bitstamp, bitcoin's range for the session ran from $30,016 to $43,560.", ("BTC", 30016.0, "low")),
    ("A fake post announced approval early, sending bitcoin to $47,900 before it fell to $45,000.",
     ("BTC", 47900.0, "high")),
    ("Bitcoin traded around $16,300 on Monday, having touched $15,632 last Wednesday, its lowest since 2020.",
     ("BTC", 15632.0, "low")),
    ("Ether also set a record, climbing as high as US$2,447 on Binance.", ("ETH", 2447.0, "ath")),
    ("Ether did make a run at its record in March, climbing as high as $4,093 on March 12.", ("ETH", 4093.0, "high")),
    # a list that leaves out its verb after the first item moved the same way
    ("XRP slipped to $0.2010 and litecoin to $42.60.", ("LTC", 42.6, "low")),
    ("Ether fell as much as 8% to $2,625, before recovering to around $2,740 by Saturday.", ("ETH", 2740.0, "spot")),
    # the open "at which it had opened"; an extreme reached, past "roughly"
    ("The drop left ether well below the $3,540 at which it had opened the week.", ("ETH", 3540.0, "open")),
    ("Solana still sits far above the roughly $8 it touched in the depths of the 2022 bear market.",
     ("SOL", 8.0, "low")),
    # "its best level", a price in Swiss francs, an open named after the amount, a price after "the loss,"
    ("In dollar terms XRP reached $2.27 on Binance, its best level in almost four weeks.", ("XRP", 2.27, "high")),
    ("In Swiss francs, a single bitcoin set a record at CHF 91,800.", ("BTC", 91800.0, "ath")),
    ("Bitcoin was at $26,410 on Sunday, up about 2% from Monday's $25,870 open.", ("BTC", 25870.0, "open")),
    ("Cardano's ADA has clawed back only part of the loss, trading at $0.2805 on Sunday.", ("ADA", 0.2805, "spot")),
    # a venue whose name holds a coin's name is no mention of that coin
    ("XRP rose. Mercado Bitcoin first listed XRP in 2019, when the token traded at around R$1.20.",
     ("XRP", 1.2, "spot")),
    # a numbers-of-the-year row told by what the market did there
    ("Bitcoin in numbers. 5. $58,400: where the sell-off of June 24 bottomed.", ("BTC", 58400.0, "low")),
    ("Bitcoin in numbers. 4. $65,000: bitcoin reclaimed that line on May 15.", ("BTC", 65000.0, "level")),
    # an absolute clause after an option's strike; a second verb of "it" after a clause about stocks
    ("In ether, buyers picked up Dec. 31 calls with a $5,000 strike, with the coin trading near $3,800.",
     ("ETH", 3800.0, "spot")),
    ("Bitcoin crashed. As stock markets suffered their steepest fall since 1987, it slid below $6,000 by midday and "
     "closed the day near $4,830.", ("BTC", 4830.0, "close")),
    # a level crossed "for the first time since" some date is no record, nor is the high above it
    ("XRP jumped 8.3% to ₩1,012 on Upbit, back above ₩1,000 for the first time since last summer.",
     ("XRP", 1012.0, "high")),
    ("$99,550: where bitcoin bottomed the same evening, after the speech.", ("BTC", 99550.0, "low")),
    ("$294.33: Solana's own record, set on Sunday.", ("SOL", 294.33, "ath")),
    ("That spring she watched litecoin race to $48 on BTC-e.", ("LTC", 48.0, "high")),
    ("Ether peaked at $4,870 early on Wednesday, an all-time high, then slid.", ("ETH", 4870.0, "ath")),
    # a crossing followed by a touch: the level crossed stays a level
    ("Bitcoin climbed above $71,000 and touched $71,650 on Bitstamp.", ("BTC", 71000.0, "level")),
    # the move of a coin from one level to another, the parse lost in a long clause
    ("Then the news broke, and a sell-off dragged ether from around $3,900 to about $3,310 in two hours.",
     ("ETH", 3310.0, "low")),
    # a listing's first trade is its open, however the wire words it
    ("Jupiter's JUP changed hands for the first time on Bybit at 15:00 UTC at $0.62, then fell.", ("JUP", 0.62, "open")),
    ("Pyth's PYTH first traded at $0.31 on OKX before climbing to $0.44.", ("PYTH", 0.31, "open")),
    ("• 14:00 Kraken TIA-USD live, first trade $2.05", ("TIA", 2.05, "open")),
    # the old record passed is the record then
    ("Solana finally did it, edging past the $259.96 peak from November 2021 to print $263.",
     ("SOL", 259.96, "ath")),
    ("Dogecoin took out its May 2021 peak of $0.7376 late on Friday.", ("DOGE", 0.7376, "ath")),
    # a newsletter's data line set off by middle dots, a wire's list after its "closing levels" title
    ("Week (ETH): Open $3,420 · High $3,610 · Low $3,050 · Close $3,180.", ("ETH", 3180.0, "close")),
    ("Closing levels at 2200 GMT and change on the day: Bitcoin $64,210 +1.9% Ether $3,102 -0.4%",
     ("ETH", 3102.0, "close")),
    # a ranked row's signed change: where the coin stands
    ("Biggest movers: AVAX +22% to $41.80, LINK -9% to $13.10.", ("AVAX", 41.8, "spot")),
    ("Biggest movers: AVAX +22% to $41.80, LINK -9% to $13.10.", ("LINK", 13.1, "spot")),
    # a digest's row: the extreme first, then where it stands
    ("• SOL: a high of $212 on Monday, last at $198.40, +6.1% w/w", ("SOL", 198.4, "spot")),
    ("• stETH: as cheap as 0.948 ETH on Balancer on Thursday", ("stETH", 0.948, "low")),
    # a letter's list under "(Friday's close, ...)"
    ("The week in numbers (Friday's close, and the change on the week):\n• Ether: $2,415, up 7%\n• Solana: $96.20, up 12%",
     ("SOL", 96.2, "close")),
    # the same high in another currency at the day's rate
    ("Bitcoin climbed to $67,400 on Thursday, its highest since March and roughly €62,100 at current exchange rates.",
     ("BTC", 62100.0, "spot")),
    ("Ether rose to a record $4,950, clearing for the first time the $4,878 peak it set in November 2021.",
     ("ETH", 4878.0, "ath")),
    # a move with no direction of its own, turned after it
    ("A fake filing briefly sent bitcoin to $47,900, and it fell to $45,500 once the agency denied it.",
     ("BTC", 47900.0, "high")),
    ("The rumour sent ether to $3,120 before it slid back to $2,980.", ("ETH", 3120.0, "high")),
    ("The rumour sent solana to $171 on Tuesday.", ("SOL", 171.0, "spot")),
    # a level touched, beside where the coin is quoted now: above that quote the top, below it the bottom
    ("Solana was down 2% on the day at $142, having touched $151 before dawn.", ("SOL", 151.0, "high")),
    ("Bitcoin rose 3% to $64,100, and Cardano's ADA, which touched $0.41 on Monday, was trading at $0.47.",
     ("ADA", 0.41, "low")),
])
def test_kind_told_around_the_amount(text, expected):
    assert expected in prices_of(text)


@pytest.mark.parametrize("text,value", [
    # an amount measured from another
    ("Bitcoin finished the week roughly $4,000 lower.", 4000.0),
    ("Bitcoin's previous peak was thus surpassed by a good 380 dollars.", 380.0),
    # a moving average by its days; what is listed after a level or an average shares its fate
    ("Bitcoin fell. The 200-day line currently runs at $5,980, far above the current price.", 5980.0),
    ("Bitcoin fell. Chart technicians see the next support at $3,400, followed by the round mark of $3,000.", 3000.0),
    ("He said the average bitcoin price in the quarter was about $82,600, against $61,000 in the third quarter.",
     61000.0),
    ("Underneath, bitcoin bids are layered from 69.5k down to 68k.", 68000.0),
    # a drop told by its size; the dollar's rate in yen; a desk covering a short
    ("Within 40 minutes, selling knocked bitcoin down to $26,113, a drop of more than $2,300.", 2300.0),
    ("Bitcoin fell. She noted that the dollar had fallen to 141.7 yen from 161 in less than a month.", 141.7),
    ("Bitcoin jumped. She said her desk had covered a short from $8,100 at a loss on Friday.", 8100.0),
    # a position opened at a price is a trade, not the market's price
    ("He posted a 25x long on Bybit that a friend had opened at $41,800 on Monday.", 41800.0),
    # a columnist's own trades
    ("I bought a first slice of bitcoin at $18,250 on Saturday and a second at $20,100 on Monday.", 20100.0),
    ("We trimmed a third of our bitcoin at $71,400 last Wednesday.", 71400.0),
    ("I have been long bitcoin since $22,400 on that Monday morning.", 22400.0),
    # a fund's or a desk's fills, a holder's sale, a short covered at a price; longs opened above a level, an OTC
    # block's price, what creditors are owed; a level still needed, a resistance nobody has tested
    ("Ether crashed. Traders who had opened longs well above $300 were closed out for almost nothing.", 300.0),
    ("Tia fell. In over-the-counter deals one block of TIA was reportedly agreed at $3.80.", 3.8),
    ("Bitcoin rose 3%. Customers owed less than $50,000 are to be paid first.", 50000.0),
    # a sum spent; the start of a change in what a machine earns, past "roughly"
    ("Dogecoin rose. Customers have paid in dogecoin 212 times, spending about $1,140 in all.", 1140.0),
    ("Bitcoin fell. The machine now earns about 60 cents a day, down from roughly $1.20.", 1.2),
    ("ARB fell. Chart watchers say a move back above $2 is needed to repair the damage.", 2.0),
    ("Bitcoin rose. My take: nobody has tested resistance at $28,800 yet.", 28800.0),
    ("Into the rebound we added back bitcoin between $4,900 and $5,400 and left ether alone.", 5400.0),
    ("Her desk bought about 400 coins between $4,100 and $4,300 on Friday for a family-office client.", 4100.0),
    ("He sold half of his spot bitcoin at $38,000 on Thursday and has not bought any of it back.", 38000.0),
    ("A trader covered a short in bitcoin from $122,000 near $107,000 on Friday night.", 107000.0),
    # an option named by its strike; a level only approached
    ("• Deribit: the $120,000 December call is the busiest bitcoin strike, with $1.3 billion of notional open", 120000.0),
    ("Bitcoin, meanwhile, stalled after getting close to US$ 100 thousand.", 100000.0),
    ("BTC low so far: $88,100 on Binance, some $7,000 under the morning peak.", 7000.0),
    ("In Seoul bitcoin cost $101,300, about $2,900 more than it fetched on Coinbase.", 2900.0),
    # a company's shares, a stock index
    ("Coinbase Global, the exchange operator, fell 6.2% to $171.30 as bitcoin slid.", 171.3),
    ("MicroStrategy, which holds more bitcoin than any other company, jumped 9% to $338.50.", 338.5),
    ("Bitcoin fell 3%, and IBIT traded as low as $27.50 on Monday.", 27.5),
    # what is likely or unlikely, in reported speech
    ("She said a return to $4,000 looked unlikely and that ether was more likely to test $2,900 first.", 4000.0),
    ("She said a return to $4,000 looked unlikely and that ether was more likely to test $2,900 first.", 2900.0),
    # a bare number that counts coins, not on the scale of any dollar price in the text
    ("Miners now earn about 450 bitcoins a day, down from 1,800, with BTC at $63,000.", 1800.0),
    ("The front-month future opened at $57,830, nearly $4,000 under Friday's settlement.", 4000.0),
    ("Max pain for the March bitcoin options sat at $78,000, well below spot.", 78000.0),
    ("The levels we are watching are $91,500 below and $100,000 above, with BTC at $95,200.", 91500.0),
    ("The Marshals auctioned 30,000 seized bitcoin in 2014 at roughly $600 apiece.", 600.0),
    # prediction-market contracts and the levels they bet on, options and notes' terms, costs
    ("On Polymarket the 'yes' side of the contract on bitcoin above $100,000 changed hands at 31 cents.", 0.31),
    ("On Kalshi, the bucket for a bitcoin close between $95,000 and $99,999.99 cost 34 cents.", 95000.0),
    ("Deribit's largest open bitcoin position is the March call struck at $120,000.", 120000.0),
    ("The note was struck at an initial bitcoin level of $69,400 in June.", 69400.0),
    ("Miners reported direct costs of between $26,000 and $34,000 per bitcoin mined.", 26000.0),
    ("Ether dropped to $3,428 after coming within $200 of its own record.", 200.0),
    ("Max pain for the bitcoin contracts, the strike at which buyers collectively lose the most, stands at $85,000.",
     85000.0),
    ("He sold 300 of his coins for about £900 to pay the rent, with bitcoin near $3.", 900.0),
    # a desk's orders and deals, money held in coins, an average
    ("We saw size on the offer at 73k all session, and BTC held near 71k.", 73000.0),
    ("Clients kept scaling in at 38.6k while BTC sat at 39.9k.", 38600.0),
    ("He sold SOL to funds in over-the-counter deals at $140 a token.", 140.0),
    ("She keeps about $9,000 in crypto on Kraken, most of it ether.", 9000.0),
    ("The average bitcoin price over the quarter was about $82,600, the company said.", 82600.0),
    # a list of targets goes on after "and even"
    ("Bulls on X are posting ether targets of $6,000 and even $10,000.", 10000.0),
    # levels watched, and a wire's correction note
    ("Levels we are watching this week: $58,000 below, $66,500 and $70,000 above.", 66500.0),
    ("Into Friday, desks are watching $2,900 as the line ether has to hold.", 2900.0),
    ("This story corrects the price of solana in paragraph 3 to $142.10, not $124.10.", 142.1),
    # a year between a month and a currency word dates what follows
    ("Volatility is back to where it was before the July 2024 yen unwind, with bitcoin at $61,000.", 2024.0),
    # a miner's hashprice, a treasury's average cost, a year-end target
    ("At a $52 hashprice, older rigs on 6-cent power barely break even while bitcoin trades at $64,000.", 52.0),
    ("Solana was near $140, below the $171 average cost its largest corporate holder reports.", 171.0),
    ("Moreau, who has a $150,000 year-end target for bitcoin, expects miners to consolidate.", 150000.0),
])
def test_gaps_shares_and_forecasts_are_no_prices(text, value):
    assert value not in [v for _, v, _ in prices_of(text)]


def test_a_block_reward_is_no_payment_for_the_price_after_it():
    text = "The halving cut the block reward to 3.125 BTC, with bitcoin changing hands near $63,900."
    assert prices_of(text) == [("BTC", 63900.0, "spot")]


@pytest.mark.parametrize("text,asset", [
    ("Ether gained more on Tuesday than bitcoin, solana and XRP did. Buyers lifted the price to $3,410 by the close.", "ETH"),
    ("Cardano climbed while bitcoin, ether and XRP drifted. Buyers took it to $0.48 before lunch.", "ADA"),
])
def test_a_sentence_naming_no_coin_is_about_the_subject_before_it(text, asset):
    # the subject of the sentence before, not the last coin it listed, is what the story goes on about
    assert [a for a, _, _ in prices_of(text)] == [asset]


@pytest.mark.parametrize("text,value", [
    # floors, hurdles and lines a chartist or a desk names, not where the coin traded
    ("Strategists at Tollgate flag $86,000 as the first hurdle for bitcoin, which trades at $83,900.", 86000.0),
    ("Desks flagged ¥10.8 million as the line bitcoin has to hold after it slid to ¥11.2 million.", 10800000.0),
    ("Bitcoin bulls are eyeing $30,000, while $25,000 has become the first line of support.", 25000.0),
    ("Traders said $60,000 remained the floor that mattered; bitcoin was at $63,100.", 60000.0),
    ("Cardano touched $1.01 on Tuesday, a whisker above the $1 psychological floor.", 1.0),
    ("Sellers turned bitcoin away at $49,048, a sign that supply waits ahead of the $50,000 psychological level.", 50000.0),
    ("Bulls need a daily close above $69,000, with $60,000 and then $56,500 as the supports to watch.", 69000.0),
    ("Bulls need a daily close above $69,000, with $60,000 and then $56,500 as the supports to watch.", 56500.0),
    # chart lines: a trend line, a retracement and what "comes in at" it, a pullback the pair risks
    ("XRP traded at $2.42 as it kept bumping into a downtrend line near $2.50.", 2.5),
    ("The low sits above the 50% retracement of Thursday's rally, which comes in at $0.7040.", 0.704),
    ("ADA is close to the 38.2% retracement of its slide, a level near $1.19 where sellers wait.", 1.19),
    ("Unless buyers reclaim the 20-day EMA, the DOT/USDT pair risks a deeper pullback to $42.", 42.0),
    # an average paid, however long the words between
    ("The company's slides put the average price its customers paid for bitcoin over the three months at about $82,000.",
     82000.0),
])
def test_named_floors_chart_lines_and_averages_are_no_prices(text, value):
    assert value not in [v for _, v, _ in prices_of(text)]


def test_a_floor_that_gave_way_and_a_spot_price_beside_a_threshold_still_count():
    assert ("BTC", 30000.0, "low") in prices_of("On Wednesday the floor gave way: bitcoin fell as low as $30,000.")
    assert prices_of("Bitcoin was quoted at about $19,800, below the psychological threshold of $20,000.")[0] == (
        "BTC", 19800.0, "spot")


def test_a_finite_verb_after_a_relative_clause_belongs_to_the_coin_before_the_clause():
    text = "Dogecoin fell 8% in 24 hours to 42 cents, and XRP, which touched $2.90 on Tuesday, was trading at $2.38."
    assert ("XRP", 2.38, "spot") in prices_of(text)


def test_a_level_the_coin_touched_before_is_the_extreme_on_the_other_side_of_today():
    text = "Bitcoin fell again. That left it about 24% below the $70,000 level it touched as recently as July 29."
    assert prices_of(text) == [("BTC", 70000.0, "high")]
    # ... or a move measured from it
    assert prices_of("Bitcoin slid. It has lost about 21% from the $49,000 it touched on Jan. 11.") == [("BTC", 49000.0, "high")]
    assert prices_of("Bitcoin is up about 27% from the $74,500 it touched on April 7.") == [("BTC", 74500.0, "low")]


def test_the_days_extreme_trade_named_before_its_amount():
    assert prices_of("Bitcoin fell. I checked: the lowest BTC/USDT print on Binance on Monday was 74,508.") == [
        ("BTC", 74508.0, "low")]
    assert prices_of("ATOM crashed on Binance, while its lowest trade on Coinbase was $2.97.") == [("ATOM", 2.97, "low")]


def test_the_later_items_of_a_pair_list_own_no_price_after_it():
    text = ("Binance opened four trading pairs at once: STRK against USDT, FDUSD, bitcoin and the Turkish lira. "
            "The first trade went through at $2.40.")
    assert [a for a, _, _ in prices_of(text)] == ["STRK"]
    # an opening phrase with one coin is no list: the coin after it is the subject
    assert prices_of("Against ether, SOL climbed to 0.0879 ETH, a record ratio.")[0][0] == "SOL"


def test_a_time_zone_is_no_new_coin():
    text = ("Arbitrum's ARB fell as low as $1.62 after tokens unlocked at 13:00 UTC, the largest release in the token's "
            "history.\n\nARB by the numbers, Saturday 18:00 UTC:\n\n• Price: $1.71 (24h high $1.97)")
    facts = extract_facts([Article(source="t", text=text)])[0]
    assert {p.asset for p in facts.prices} == {"ARB"} and "UTC" not in {a.symbol for a in facts.assets}


@pytest.mark.parametrize("text,expected", [
    # a new clause after a comma is no item of the list before it
    ("XRP lost 4% to $0.2890, still weighed down by the lawsuit against Ripple, and litecoin dipped to $151.",
     ("LTC", 151.0, "low")),
    # a dated old high passed is the record; a high of this year is not
    ("Ether rose to $1,439.33, surpassing its January 2018 high of $1,432.88.", ("ETH", 1432.88, "ath")),
    ("On Friday bitcoin took out the April high of $31,000.", ("BTC", 31000.0, "high")),
])
def test_clauses_after_lists_and_highs_passed(text, expected):
    assert expected in prices_of(text)


def test_what_a_coin_gave_back_is_a_move():
    text = "Bitcoin notched its first record in two years and then gave back more than $10,000."
    assert 10000.0 not in [v for _, v, _ in prices_of(text)]


def test_a_coin_named_in_a_later_clause_and_levels_listed_after_a_crossing():
    text = "Bitcoin crashed on Thursday. On Coinbase the low was $3,858, and ether bottomed near $86."
    assert ("BTC", 3858.0, "low") in prices_of(text)
    text = "Bitcoin fell sharply. A sell-off dragged the coin through $35,000 and then $32,000 within the hour."
    assert prices_of(text) == [("BTC", 35000.0, "level"), ("BTC", 32000.0, "level")]
