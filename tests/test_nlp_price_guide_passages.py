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
    # a ranking's rows run together in one sentence: each "-8.1% to $X" is its row's price
    ("Losers were scarce, and only four finished the week lower: 1. Mantle (MNT): -8.1% to $0.96 2. Celestia (TIA): "
     "-6.4% to $15.72 3. Starknet (STRK): -5.2% to $2.05 Starknet's token has slid steadily since its airdrop.",
     [("MNT", 0.96, "USD", "spot"), ("TIA", 15.72, "USD", "spot"), ("STRK", 2.05, "USD", "spot")]),
    # coins named by their projects, and a ticker introduced by the kind of coin it is
    ("The metaverse tokens of The Sandbox and Decentraland fell to $0.31 and $0.28 respectively.",
     [("SAND", 0.31, "USD", "low"), ("MANA", 0.28, "USD", "low")]),
    ("Tron's USDD stablecoin slipped as low as $0.97.", [("USDD", 0.97, "USD", "low")]),
    # a size in a relative clause about the coin does not size the coin's move
    ("Frax Share, whose lending platform holds part of the debt, dipped 4% to $6.05.", [("FXS", 6.05, "USD", "low")]),
    # translated copy: a barrier crossed, a conversion in brackets, a record named as a value or a "historical maximum"
    ("Bitcoin sank on Tuesday below the barrier of 6.000 dollars for the first time since November.",
     [("BTC", 6000.0, "USD", "level")]),
    ("Bitcoin stood at 23.150 dollar (22.240 euro), still 66 percent under the record of 69.000 dollar from November.",
     [("BTC", 23150.0, "USD", "spot"), ("BTC", 22240.0, "EUR", "spot"), ("BTC", 69000.0, "USD", "ath")]),
    ("Bitcoin rose to the record value of $68,990 after the data.", [("BTC", 68990.0, "USD", "ath")]),
    ("Bitcoin fell back until 62,800 dollars in the evening.", [("BTC", 62800.0, "USD", "low")]),
    ("Bitcoin marked a minimum of $5,947 early on, against the historical maximum of $19,783 it reached in December.",
     [("BTC", 5947.0, "USD", "low"), ("BTC", 19783.0, "USD", "ath")]),
    # a level crossed on the way to the day's lows is the level
    ("Solana dipped below $100 at Monday's lows.", [("SOL", 100.0, "USD", "level")]),
    # a new coin's first trade is its open
    ("UNI first changed hands on Binance on Thursday evening at around $3.05.", [("UNI", 3.05, "USD", "open")]),
    # a mark the coin has yet to reach is no price
    ("Bitcoin set a record of $99,645 on Friday, a whisker short of the $100,000 mark it has yet to reach.",
     [("BTC", 99645.0, "USD", "ath")]),
    # "the former" and "the latter" are the first and the second of the two coins named last
    ("Solana and Cardano moved in opposite directions. The former climbed to $146.20, while the latter slipped to $0.3712.",
     [("SOL", 146.2, "USD", "high"), ("ADA", 0.3712, "USD", "low")]),
    ("Bitcoin and ether both slipped overnight, the former to $56,100 and the latter to $2,940.",
     [("BTC", 56100.0, "USD", "low"), ("ETH", 2940.0, "USD", "low")]),
    # bitcoin and ether named by what they are
    ("Bitcoin fell to $56,000 overnight. The largest altcoin fared worse, sliding to $2,880 on Kraken.",
     [("BTC", 56000.0, "USD", "low"), ("ETH", 2880.0, "USD", "low")]),
    ("Ether ETF applicants filed again. The original cryptocurrency, meanwhile, slipped to $56,400.",
     [("BTC", 56400.0, "USD", "low")]),
    # a listed venue's own close is its share's
    ("Bitcoin traded at $57,000. Coinbase rose 3% and closed at $230.10.", [("BTC", 57000.0, "USD", "spot")]),
    # data rows and alerts: a last print, a label with its period, a pair in a stablecoin, a push alert
    ("- SOL/USDT on Binance last printed 148.62.", [("SOL", 148.62, "USDT", "spot")]),
    ("XRP price today\nOpen (24h): $0.4395", [("XRP", 0.4395, "USD", "open")]),
    ("Stablecoins held their pegs.\n- USDe/USDT: 0.9987", [("USDE", 0.9987, "USDT", "spot")]),
    ("PRICE ALERT · Bitcoin (BTC) dropped below $56,000 · now $55,742 · −4.2% in 24h",
     [("BTC", 56000.0, "USD", "level"), ("BTC", 55742.0, "USD", "spot")]),
    ("Bitcoin in India: BTC at ₹47.3 Lakh", [("BTC", 4730000.0, "INR", "spot")]),
    # the record past a round level is the level reached next
    ("Bitcoin set a new all-time high above $73,000 on Wednesday, reaching $73,750 on Coinbase.",
     [("BTC", 73000.0, "USD", "level"), ("BTC", 73750.0, "USD", "ath")]),
    # a list of levels to watch ends with the list; the paragraph's next sentence is read again
    ("Bitcoin steadied on Friday.\nLevels to watch:\n- $53,500\n- $60,000\nEther ended the week at $2,930.",
     [("ETH", 2930.0, "USD", "close")]),
    # a proof-of-reserves valuation per coin is a spot price
    ("OKX's proof-of-reserves report valued its 141,000 BTC at $62,450 per coin, the market price at the snapshot.",
     [("BTC", 62450.0, "USD", "spot")]),
    # Dutch copy's spaced euro sign; a gain named as a noun
    ("The price of bitcoin rose on Thursday to € 58.420,15 in Amsterdam.", [("BTC", 58420.15, "EUR", "high")]),
    ("Ether followed with a gain of 3.2 percent to €3,105.40.", [("ETH", 3105.4, "EUR", "high")]),
    # a forecast in an apposition stays there
    ("Lido's LDO, another governance token that would gain from a similar switch, touched $3.35 before easing to $3.12.",
     [("LDO", 3.35, "USD", "high"), ("LDO", 3.12, "USD", "low")]),
    # not the coin's: a contract's tick size, a currency's official rate, a savings account, a saver's contributions
    ("The WIF/USDT perpetual listed on Monday. The contract's tick size is 0.0001 USDT.", []),
    ("Bitcoin traded at 75 million pesos on Lemon. The official dollar closed at 925 pesos.",
     [("BTC", 75000000.0, "ARS", "spot")]),
    ("Bitcoin traded near $57,000. For a saver, a 5% slice of a $400,000 IRA buys roughly 0.35 BTC.",
     [("BTC", 57000.0, "USD", "spot")]),
    ("Bitcoin traded near $56,800. Over 42 months he has contributed $10,500 to his bitcoin plan.",
     [("BTC", 56800.0, "USD", "spot")]),
    # a forecast table under its title, a stock's and a currency's rows
    ("Cardano Price Prediction\nYear | Min | Max\n2025 | $0.35 | $0.62\n2026 | $0.48 | $1.05", []),
    ("Crypto stocks fell with the market.\n- MSTR: $1,312 (-6.0%)\n- COIN: $221.40 (-3.0%)", []),
    ("Bitcoin traded at $64,000 on Friday.\n- Dollar: R$ 5.47\n- Naira (official): N1,508", [("BTC", 64000.0, "USD", "spot")]),
    # levels the market went without, beside the one it reached
    ("XRP closed Monday at $0.4315 instead of the $0.50 that bulls had been calling for.", [("XRP", 0.4315, "USD", "close")]),
    ("Solana held at $141 rather than sliding back to $125, as several technicians had warned.",
     [("SOL", 141.0, "USD", "spot")]),
    ("Bitcoin did not fall below $54,000 on Tuesday. The day's low was $54,210.", [("BTC", 54210.0, "USD", "low")]),
    ("Ether trades at $2,900. If the $2,850 area gives way, our next reference is $2,700.", [("ETH", 2900.0, "USD", "spot")]),
    ("Bitcoin trades at $56,000. Above, $58,500 caps the range.", [("BTC", 56000.0, "USD", "spot")]),
    # a support the market could not hold is the level it broke; "the close of European trading" is no session's close
    ("Ether failed to hold $3,000 on Monday, slipping to $2,940 within an hour.",
     [("ETH", 3000.0, "USD", "level"), ("ETH", 2940.0, "USD", "low")]),
    ("Ether was back at $2,925 by the close of European trading.", [("ETH", 2925.0, "USD", "spot")]),
    # the coin a comparison names is not the one that moved
    ("Solana rose twice as fast as bitcoin on Monday, gaining 4% to $145.60.", [("SOL", 145.6, "USD", "high")]),
    # number forms: cent and euro signs after the number, spaced rupee, the New Taiwan dollar, a range's second end
    ("Dogecoin dipped to 10.8¢ before bouncing to 11.1¢.", [("DOGE", 0.108, "USD", "low"), ("DOGE", 0.111, "USD", "spot")]),
    ("Bitcoin sank on Monday to 52.340 €, its lowest level since February.", [("BTC", 52340.0, "EUR", "low")]),
    ("Bitcoin traded at ₹ 47.6 lakh on WazirX.", [("BTC", 4760000.0, "INR", "spot")]),
    ("Bitcoin changed hands at NT$1.85 million on MaiCoin.", [("BTC", 1850000.0, "TWD", "spot")]),
    ("Bitcoin ranged $56.8k-$58.1k on Tuesday.", [("BTC", 56800.0, "USD", "low"), ("BTC", 58100.0, "USD", "high")]),
    ("Ether traded in a $2,990–3,085 range on Tuesday.", [("ETH", 2990.0, "USD", "low"), ("ETH", 3085.0, "USD", "high")]),
    ("Shiba Inu climbed 6% to $0.00001734, while pepe rose to $0.000009412.",
     [("SHIB", 0.00001734, "USD", "high"), ("PEPE", 0.000009412, "USD", "high")]),
    # a sum to spend is no price
    ("Investors can buy as little as ten dollars' worth of bitcoin on the app, which priced it at $61,000.",
     [("BTC", 61000.0, "USD", "spot")]),
    # wire and desk shorthand: "bln" sizes, slang verbs, "sub-", a pair's currency for a "k" amount
    ("Some $1.1 bln of leveraged bets were liquidated as bitcoin fell to $49,120.", [("BTC", 49120.0, "USD", "low")]),
    ("BITCOIN TUMBLES BELOW $50,000; $1.1 BLN LIQUIDATED", [("BTC", 50000.0, "USD", "level")]),
    ("ETH pumped to 3.5k late Saturday, its best level in a month.", [("ETH", 3500.0, "USD", "high")]),
    ("SOL rips to $152 on Monday.", [("SOL", 152.0, "USD", "high")]),
    ("Sunday night's dump took SOL from $149 to $137.", [("SOL", 149.0, "USD", "spot"), ("SOL", 137.0, "USD", "low")]),
    ("Bitcoin spent a third straight day sub-$60k.", [("BTC", 60000.0, "USD", "level")]),
    ("Binance's BTC/USDT pair nuked to a wick at 52.1k.", [("BTC", 52100.0, "USDT", "low")]),
    ("She longed BTC at 56.9k and set a stop at 55k.", []),
    ("ONDO went vertical. The RWA token cleared $1.50 on Tuesday.", [("ONDO", 1.5, "USD", "level")]),
    # an extreme named after a later amount, or after its own amount
    ("Bitcoin traded at $57,500 on Monday, while its 2011 high of $31.91 now looks tiny.",
     [("BTC", 57500.0, "USD", "spot"), ("BTC", 31.91, "USD", "high")]),
    ("Bitcoin hit a $53,550 intraday low on Friday.", [("BTC", 53550.0, "USD", "low")]),
    ("Cardano analysts pointed to $2.20 as support, just above the $2.15 low the token hit last Tuesday.",
     [("ADA", 2.15, "USD", "low")]),
    # a mark crossed again, a push that faded, a trigger and a magnet that are no prices
    ("Ether was last at $4,020, back above the $4,000 handle it had surrendered in the rout.",
     [("ETH", 4020.0, "USD", "spot"), ("ETH", 4000.0, "USD", "level")]),
    ("Ether has lagged, trading a little above $3,000 after a push to $3,440 last week faded.",
     [("ETH", 3000.0, "USD", "level"), ("ETH", 3440.0, "USD", "high")]),
    ("Bitcoin traders circled about $21,000, the level at which a miner has said a loan would face a margin call.", []),
    ("Bitcoin desks flag $100,000 as the obvious magnet if the record gives way again.", []),
    # an aside about another coin, a movers line's unknown ticker, a forecast in a long aside
    ("PEPE rose 18% in 24 hours to $0.0₅8804, while BONK, another Solana dog coin, climbed to $0.00003381.",
     [("PEPE", 0.000008804, "USD", "high"), ("BONK", 0.00003381, "USD", "high")]),
    ("Memecoins at 09:00 UTC: SHIB $0.00002874 -4.2% FLOKI $0.0002991 +11.6% MYRO $0.2231 +14.9%",
     [("SHIB", 0.00002874, "USD", "spot"), ("FLOKI", 0.0002991, "USD", "spot"), ("MYRO", 0.2231, "USD", "spot")]),
    ("Ether, which had outperformed all week on hopes that an ether fund would follow, was the exception, trading at "
     "$2,610.", [("ETH", 2610.0, "USD", "spot")]),
    # a size before the coin that moved does not size the move; a range's currency word written once after "from"
    ("Over $1.1B liquidated as BTC dumps to $53,500.", [("BTC", 53500.0, "USD", "low")]),
    ("Ether rose from 1,860 to 3,020 dollars over the quarter.",
     [("ETH", 1860.0, "USD", "spot"), ("ETH", 3020.0, "USD", "high")]),
    ("On Kraken, USDD traded at $0.968.", [("USDD", 0.968, "USD", "spot")]),
    # a call for a level, a desk's fill, a level the coin never reached
    ("Analyst Jane Roe called for a $100,000 bitcoin year-end price.", []),
    ("An OTC desk filled a 400 BTC block for a pension client at $56,950, below the screen price.", []),
    ("Loans would have faced liquidation had ether slid to $1,900, a level it never reached.", []),
    # a gap between venues is no level
    ("Bitcoin traded at $64,000. Spot prices on Coinbase were about $150 lower at the time.",
     [("BTC", 64000.0, "USD", "spot")]),
    # a second coin that "did so too" made the same move; a coin's move named with its possessive is its own
    ("Bitcoin climbed 3% to $64,200 on Tuesday, and so did ether, to $3,150.",
     [("BTC", 64200.0, "USD", "high"), ("ETH", 3150.0, "USD", "high")]),
    ("Ether slid 4% to $2,980, a sharper fall than bitcoin's retreat to $61,500.",
     [("ETH", 2980.0, "USD", "low"), ("BTC", 61500.0, "USD", "low")]),
    ("Solana sank 5% to $140 while ether's climb back to $3,100 stalled.",
     [("SOL", 140.0, "USD", "low"), ("ETH", 3100.0, "USD", "high")]),
    # both ends of a range written in thousands; a level an emphatic "did" crossed; a "low print"
    ("Bitcoin's 24-hour range was 56k-58k.", [("BTC", 56000.0, "USD", "low"), ("BTC", 58000.0, "USD", "high")]),
    ("Bitcoin did clear $70,000 briefly on Monday before sellers returned.", [("BTC", 70000.0, "USD", "level")]),
    ("Bitcoin slid on Wednesday. The low print was $57,300 just after the open.", [("BTC", 57300.0, "USD", "low")]),
    # a coin that "sold for" an amount traded there (a holder who sold a coin for it made a deal)
    ("On Upbit, bitcoin sold for ₩81.2 million on Tuesday morning.", [("BTC", 81200000.0, "KRW", "spot")]),
    ("Bitcoin sold for as much as $64,900 on Coinbase before sliding.", [("BTC", 64900.0, "USD", "high")]),
    # a list that leaves out its verb prices a stock where its item is one ("and Coinbase to $219")
    ("Bitcoin rose 2% to $64,000 and Coinbase to $219.", [("BTC", 64000.0, "USD", "high")]),
    ("Bitcoin rose 2% to $64,000, MSTR to $1,410 and ether to $3,300.",
     [("BTC", 64000.0, "USD", "high"), ("ETH", 3300.0, "USD", "high")]),
    # a rank in apposition describes the coin just named; the chain a token went live on is not the token
    ("Ripple's XRP token, the second-biggest cryptocurrency by market value for a time, dropped 20% to $0.95, and "
     "ether fell to $800.", [("XRP", 0.95, "USD", "low"), ("ETH", 800.0, "USD", "low")]),
    ("The token, WIF, went live on Solana on Friday and rose as high as $4.10 within a day.", [("WIF", 4.1, "USD", "high")]),
    # a size word before a participle of the coin's move sizes nothing; a coin's market when someone bought is a price
    ("Tether traded at a premium, climbing to $1.03 on a few venues.", [("USDT", 1.03, "USD", "high")]),
    ("The miner made its first purchase in May, when bitcoin traded around $58,000.", [("BTC", 58000.0, "USD", "spot")]),
    # unnumbered rows of a movers list run into one sentence: each row's "-14% to $X" is spot
    ("The biggest 24-hour decliners among the top 20 tokens, as of 08:00 UTC: Polkadot (DOT): -14% to $4.12 Cardano (ADA): "
     "-11% to $0.3302 Ether and dogecoin each lost about 9% over the same period.",
     [("DOT", 4.12, "USD", "spot"), ("ADA", 0.3302, "USD", "spot")]),
    # a level the coin crossed, named after the amount or as a noun, whatever the sentence says of it next
    ("Desks said the $30,000 level, which bitcoin cleared on Monday, would be watched closely.",
     [("BTC", 30000.0, "USD", "level")]),
    ("The real test for dogecoin is whether it can stay above the $0.20 level it broke through on Tuesday.",
     [("DOGE", 0.2, "USD", "level")]),
    ("Bitcoin fell 6% on Friday. Traders said the break of the $60,000 mark hurt sentiment.",
     [("BTC", 60000.0, "USD", "level")]),
    # a what-if: the past clause of its own tells where the market was
    ("Buying $5,000 of bitcoin on March 2, 2020, when the coin closed near $8,900, would have paid off handsomely.",
     [("BTC", 8900.0, "USD", "close")]),
    ("A $20 weekly plan in ether, which began 2020 near $130, would have bought about 30 ETH.", [("ETH", 130.0, "USD", "open")]),
    # a price in cents that the sentence does not name the coin for is no bitcoin price
    ("USD Coin traded at 99.8 cents on Monday. Bitcoin rose 5% to $22,400. The stablecoin had lost its peg on Friday. "
     "It bottomed at $0.88 on Saturday.",
     [("USDC", 0.998, "USD", "spot"), ("BTC", 22400.0, "USD", "high"), ("USDC", 0.88, "USD", "low")]),
    ("Bitcoin fell. In 2017 ether briefly dropped to 10 cents on GDAX after a large sell order.", [("ETH", 0.1, "USD", "low")]),
    # the coin outpaced is an object; a participle aside about the coin before; a year before a coin counts no coins
    ("Bitcoin rose 2% on Tuesday. Ether outpaced bitcoin, gaining 6% to $2,450, while solana rose 5%.",
     [("ETH", 2450.0, "USD", "high")]),
    ("SushiSwap's SUSHI token, launched a week ago as a copy of the Uniswap exchange, jumped as high as $11.20.",
     [("SUSHI", 11.2, "USD", "high")]),
    ("Ethena's USDe slid on Binance. In March 2020 bitcoin lost half its value in a day and traded as low as $3,850.",
     [("BTC", 3850.0, "USD", "low")]),
    # a pair named in words prices its base; a coin's own session low, on two venues; a level broken on the way down
    ("Bitcoin slid on Wednesday. Binance's bitcoin-tether pair bottomed at 30,066 USDT.", [("BTC", 30066.0, "USDT", "low")]),
    ("Bitcoin slid on Binance.US. Elsewhere the move barely registered: bitcoin's session low was $62,090 on Coinbase and "
     "$62,120 on Kraken.", [("BTC", 62090.0, "USD", "low"), ("BTC", 62120.0, "USD", "low")]),
    ("Bitcoin, which broke below $30,000 on Monday, touched $28,200 on Tuesday.",
     [("BTC", 30000.0, "USD", "level"), ("BTC", 28200.0, "USD", "low")]),
    # a ticker named as a fan token introduces it; "one of ..." in apposition only describes the coin before
    ("Kelburn's shares rose. The club's KTH fan token jumped 140% to $6.81 on Wednesday.", [("KTH", 6.81, "USD", "high")]),
    ("Bitcoin rose. Ether, one of the other coins on offer alongside litecoin and bitcoin cash, rose 5% to about $392.",
     [("ETH", 392.0, "USD", "high")]),
    # a level broken below, told by the particle; another venue's low beside a touched level; a return with no
    # direction of its own
    ("Bitcoin, which broke below $40,000 on Friday for the first time since March, touched $38,900 before steadying.",
     [("BTC", 40000.0, "USD", "level"), ("BTC", 38900.0, "USD", "low")]),
    ("Bitcoin touched $61,000 on Bybit, while the lowest trade on Kraken was $62,400.",
     [("BTC", 61000.0, "USD", "low"), ("BTC", 62400.0, "USD", "low")]),
    ("Bitcoin printed $52,100 on one venue at 9:14 a.m., then snapped back to around $58,000 within seconds.",
     [("BTC", 52100.0, "USD", "low"), ("BTC", 58000.0, "USD", "spot")]),
    # DeFi, gaming and stablecoin tokens by ticker or name
    ("GMX slid 7% to $24.10 and PENDLE sank 11% to $3.05.", [("GMX", 24.1, "USD", "low"), ("PENDLE", 3.05, "USD", "low")]),
    ("Basic Attention Token jumped 18% to $0.31.", [("BAT", 0.31, "USD", "high")]),
    ("Gaming tokens: BEAM: $0.021, down 4% PRIME: $9.80, up 6%", [("BEAM", 0.021, "USD", "spot"),
                                                                  ("PRIME", 9.8, "USD", "spot")]),
    # a coin it moved along with is not the subject
    ("Ether sank along with bitcoin, touching $1,490 on Sunday.", [("ETH", 1490.0, "USD", "low")]),
    # a dollar price ether or a stablecoin cannot have goes to the coin named before that it fits
    ("Bitcoin set a record last month. Ether lagged. The coin has held above $90,000 since.",
     [("BTC", 90000.0, "USD", "level")]),
    ("Bitcoin led the market. XRP rose 3% to $2.41. Tuesday's low was $88,400.",
     [("XRP", 2.41, "USD", "high"), ("BTC", 88400.0, "USD", "low")]),
    # an article mixing comma groups with decimal commas reads each as written
    ("Bitcoin sank to 88,266,000 won on Upbit and to 88,8 million won on Bithumb, while on Binance it dipped 1,1% to $94,100.",
     [("BTC", 88266000.0, "KRW", "low"), ("BTC", 88800000.0, "KRW", "low"), ("BTC", 94100.0, "USD", "low")]),
    # a "whose" aside is the coin's; an extreme after a premium; a level touched earlier on the day
    ("SNX, whose lending pools would take any bad debt, eased 4% to $2.31.", [("SNX", 2.31, "USD", "low")]),
    ("Tether briefly traded at a premium, as high as $1.009.", [("USDT", 1.009, "USD", "high")]),
    ("Solana followed bitcoin lower, dropping to $131 after touching $148 earlier on Tuesday.",
     [("SOL", 131.0, "USD", "low"), ("SOL", 148.0, "USD", "high")]),
    # two coins that both reached one amount; a coin that names an object; a participle's own coin
    ("Stablecoins wobbled, with USD Coin and Dai both quoted near $0.98.",
     [("USDC", 0.98, "USD", "spot"), ("DAI", 0.98, "USD", "spot")]),
    ("Basic Attention Token, which paid the largest COMP rewards, climbed 26% to $0.29.", [("BAT", 0.29, "USD", "high")]),
    ("The market shrugged, with ether barely moving at $1,855 and bitcoin holding near $29,200.",
     [("ETH", 1855.0, "USD", "spot"), ("BTC", 29200.0, "USD", "spot")]),
    # a new pair's opening print; a level touched after losses were extended
    ("After an opening print of $7.20 on OKX, APT fell as low as $6.05.", [("APT", 7.2, "USD", "open"),
                                                                          ("APT", 6.05, "USD", "low")]),
    ("Bitcoin extended its losses overnight, touching $20,816 in early Asian trade.", [("BTC", 20816.0, "USD", "low")]),
    # a record's amount named as the record's; a record named after a long place phrase; a restatement after a gloss
    ("Bitcoin rose to €61,200, still below the €63,400 of the record set in March.",
     [("BTC", 61200.0, "EUR", "high"), ("BTC", 63400.0, "EUR", "ath")]),
    ("Bitcoin traded at R$ 362,450 on Mercado Bitcoin in the early afternoon, the highest value ever recorded.",
     [("BTC", 362450.0, "BRL", "ath")]),
    ("Ether rose 3% to $4,060, its highest level since December 2021, equivalent to about R$ 20,180.",
     [("ETH", 4060.0, "USD", "high"), ("ETH", 20180.0, "BRL", "spot")]),
    # a new ticker opening a sentence with its move to a dollar price (a venue's name does not)
    ("The memecoin launched on Friday. LIBRA spiked to $4.56 within the hour. FTX plunged on the news.",
     [("LIBRA", 4.56, "USD", "high")]),
    # a dated peak the market has passed, as a passive's subject; what "it" was worth, "it" the coin described
    ("Bitcoin rose 4%. The March 2024 peak of $73,800, which held for seven months, was surpassed on Tuesday.",
     [("BTC", 73800.0, "USD", "ath")]),
    ("Bitcoin rallied. In dollars, the cryptocurrency reached $13,800 on Bitstamp, a gain of 340% since the March low, "
     "when it was worth $3,150.", [("BTC", 13800.0, "USD", "high"), ("BTC", 3150.0, "USD", "spot")]),
    # a protocol's token named by its role
    ("Ether was flat. Curve's governance token rose as much as 11% to $0.62.", [("CRV", 0.62, "USD", "high")]),
    # new tickers: opening a sentence with a move, in apposition to "tokens", after their issuer's name
    ("AERO added 9% to $1.74 in 24 hours.", [("AERO", 1.74, "USD", "high")]),
    ("The exploit drained the pools on Thursday. KRILL fell from $0.268 on Wednesday evening to a low of $0.141.",
     [("KRILL", 0.268, "USD", "spot"), ("KRILL", 0.141, "USD", "low")]),
    ("Bitcoin was flat. KRILL collapsed 40% to $0.131 within an hour.", [("KRILL", 0.131, "USD", "low")]),
    ("Bitcoin was flat. The protocol's own token fared badly: KELP dropped as much as 17% on Friday to $0.0234.",
     [("KELP", 0.0234, "USD", "low")]),
    ("Two listings stood out. The first, Gemstone's GEMZ, sold at $0.00012 and was trading at $0.00083 on Friday.",
     [("GEMZ", 0.00083, "USD", "spot")]),
    ("Gaming tokens slid: Decentraland's MANA lost 15% on Saturday, KOALA dipped to $0.58, and NEAR dropped 12% to $1.27.",
     [("KOALA", 0.58, "USD", "low"), ("NEAR", 1.27, "USD", "low")]),
    ("ORDI, the largest of the BRC-20 tokens, fell 17% to $52.30.", [("ORDI", 52.3, "USD", "low")]),
    ("Magic Eden's ME, which began trading on Tuesday, was at $4.72.", [("ME", 4.72, "USD", "spot")]),
    # a stablecoin named in the sentence does not own a price it cannot have
    ("Bitcoin held near $85,200 through the worst of the FDUSD selling, before sliding to about $82,400.",
     [("BTC", 85200.0, "USD", "spot"), ("BTC", 82400.0, "USD", "low")]),
    # restatements: "the equivalent of", a local dollar after a US one, a price restated after a size word, in
    # dong and baht
    ("Bitcoin climbed to a record ¥18.1 million on bitFlyer, the equivalent of about $120,400.",
     [("BTC", 18100000.0, "JPY", "ath"), ("BTC", 120400.0, "USD", "spot")]),
    ("Bitcoin fell below US$20,000, touching about US$17,600, or roughly $25,400.",
     [("BTC", 20000.0, "USD", "level"), ("BTC", 17600.0, "USD", "low"), ("BTC", 25400.0, "USD", "spot")]),
    ("On Thursday morning, one bitcoin cost 11,920 dollars, or about 10,480 euros.",
     [("BTC", 11920.0, "USD", "spot"), ("BTC", 10480.0, "EUR", "spot")]),
    ("Bitcoin recovered to around 39,800 USD, or roughly 917 million dong.",
     [("BTC", 39800.0, "USD", "spot"), ("BTC", 917000000.0, "VND", "spot")]),
    ("Bitcoin traded at 842 thousand baht on Bitkub.", [("BTC", 842000.0, "THB", "spot")]),
    # a record the clause reached, its amount in the participle after it
    ("Ether reached a record on Wednesday, climbing to Rp 69.4 million on Indodax.",
     [("ETH", 69400000.0, "IDR", "ath")]),
    # a mark yet to be reached after a price, which stays one; an extreme named after a time with no preposition
    ("Bitcoin is trading at $31,260 and has yet to manage a daily close above $31,500.",
     [("BTC", 31260.0, "USD", "spot")]),
    ("On Sunday bitcoin changed hands near $3,200, having touched $3,122 a day earlier, its lowest level since "
     "September 2017.", [("BTC", 3200.0, "USD", "spot"), ("BTC", 3122.0, "USD", "low")]),
    # where a period began; the latest of a string of records; a mark come within reach of
    ("Bitcoin ended June at about $19,800, down 56% from the roughly $45,500 where it began April.",
     [("BTC", 19800.0, "USD", "close"), ("BTC", 45500.0, "USD", "open")]),
    ("Bitcoin set a string of records along the way, the latest at $70,170 on Friday.", [("BTC", 70170.0, "USD", "ath")]),
    ("Bitcoin came within a few hundred dollars of $100,000, setting a record high of $99,645 on Friday.",
     [("BTC", 99645.0, "USD", "ath")]),
    ("Loopring bucked the weakness, jumping 28% to $2.40.", [("LRC", 2.4, "USD", "high")]),
    # a bulleted movers row's "+8% to $X" is where the coin stands, as in a ranking
    ("Movers:\n• AAVE +6.1% to $94.20, with lending demand still firm.\n• UNI +3.3% to $7.41, MKR -2.0% to $1,512.",
     [("AAVE", 94.2, "USD", "spot"), ("UNI", 7.41, "USD", "spot"), ("MKR", 1512.0, "USD", "spot")]),
    # a coin's verb after an aside whose modal is someone else's
    ("Ether, under pressure since a fund manager said it would trim its stake, fell as low as $2,240 on Monday.",
     [("ETH", 2240.0, "USD", "low")]),
    # a coordinated predicate: the coin that sank now sits at its spot price
    ("Solana dropped as low as $96 over the weekend and now sits near $104, well off its peak.",
     [("SOL", 96.0, "USD", "low"), ("SOL", 104.0, "USD", "spot")]),
    # Circle's euro stablecoin, quoted in dollars
    ("EURC changed hands at $1.0815 on Kraken as the euro firmed.", [("EURC", 1.0815, "USD", "spot")]),
    # a period's closing price named by its end
    ("Using bitcoin's quarter-end price of $62,700, the holding was worth $1.1 billion.", [("BTC", 62700.0, "USD", "close")]),
    # Turkish copy groups thousands with points before "TL", even in a story that writes "1.2%"
    ("Bitcoin rose 1.2% to 2.145.600 TL on BtcTurk.", [("BTC", 2145600.0, "TRY", "high")]),
    # a European edition converts the wire's dollar prices and keeps its own style for the rest
    ("Bitcoin fell 4,2 % to $58,300 on Bitstamp, or about 53.900 euros, as Frankfurt traders sold.",
     [("BTC", 58300.0, "USD", "low"), ("BTC", 53900.0, "EUR", "spot")]),
    ("XRP slipped 6 % to 0,51 dollars while ether held $2,640.", [("XRP", 0.51, "USD", "low"), ("ETH", 2640.0, "USD", "spot")]),
    # a record glossed after a time phrase with abbreviations
    ("Bitcoin climbed as high as $98,210 during U.S. trading on Thursday, a new all-time high.",
     [("BTC", 98210.0, "USD", "ath")]),
])
def test_kinds_the_guide_gives(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert prices_of(text) == expected


@pytest.mark.parametrize("text", [
    "Traders Eye $60K as Bitcoin Steadies",
    "XRP Climbs; Analysts Flag $0.75 Upside",
    # levels a forecast does not rule out
    "He considers a return of bitcoin over 65.000 dollars before the year's end possible.",
    "The bitcoin rally never got to $60,000.",
    "Had bitcoin closed June above $71,000, it would have been the best month of the year.",
    "Analysts see ether at $3,600 by the end of the quarter if ETFs launch on schedule, and at $2,400 if they slip.",
    "Had spot bitcoin stayed at June's $64,000 average, miners would be fine.",
    "Bitcoin spent the week in the mid-$60,000s.",
    "The strategist does not exclude a further fall of bitcoin to 20,000 dollars in the coming weeks.",
    # a further line after a support; the sum put in at once; a savings plan's amount
    "Ether's first support is near $4,200, with the more important line at the round $4,000 mark.",
    "Bitcoin has doubled since. She put the whole $12,000 in on a single day.",
    "Bitcoin has doubled since 2021. Dana started a $25 weekly plan that year.",
    # a wire's correction line repeats a figure; it states none
    "Ether slid on Monday. (Updates prices; corrects ether's intraday low in third paragraph to $2,111, from $2,211)",
    # a chart line as the subject: its value is no trade
    "Ether fell again. The 200-week moving average, which marked the 2018 bottom, is above price at roughly $1,230.",
    # a position's liquidation price; the cost of a device
    "Ether fell 9%. One whale's liquidation price was pushed down to about $1,350 after a top-up.",
    "Bitcoin fell 4%. A hardware wallet costing $80 to $160 keeps coins off the exchange.",
    # claims on a bankrupt lender trade, but are no coin
    "Bitcoin was flat. Claims against the lender, which froze withdrawals in June, traded nearer 20 cents.",
    # money sent, an allowance, a part of a sum
    "Bitcoin fell. She sent about $60,000 to the platform over eight months.",
    "Bitcoin fell. Gains above a £3,000 annual allowance are taxed.",
    "Bitcoin fell. About C$5,000 of what is left is frozen there.",
    # a pivot to hold, a sum earned, a goal set
    "Solana fell 3%. For SOL, $105 is the pivot to hold on any pullback.",
    "Axie fell. A player grinding out 150 SLP a day now makes around ₱1,080.",
    "Bitcoin rose. Some clients had set their sights on $100,000.",
    # a threshold yet to be cleared; buyers waiting near a level
    "Ether rose 6%. The next test is ether's $4,000 threshold, which it has yet to clear.",
    "Bitcoin fell. He said mainland clients had been steady buyers near $11,000 through June.",
    # a deposit-insurance cap; a fiat pair's exchange rate
    "Bitcoin fell. The issuer's cash there is far above the $250,000 insurance cap, so recovery depends on the receiver.",
    "Bitcoin rose 2%. The yen-dollar exchange rate ended the day at 149.8 yen in Tokyo.",
    # a saver's plan, what it has put in, a stake
    "Ether fell 3%. A $250-a-month plan started in 2022 is barely ahead.",
    "Bitcoin fell. The plan has put in $4,800 so far.",
    "Solana fell 2%. A $2,000 stake is now a loss.",
])
def test_no_price_the_guide_excludes(text: str) -> None:
    assert prices_of(text) == []


@pytest.mark.parametrize("text,sentence", [
    # a venue named like a web address, and a clock time before its zone, end no sentence
    ("Bitcoin plunged 87% to $8,200 on Binance.US on Thursday, a day after setting a record.",
     "Bitcoin plunged 87% to $8,200 on Binance.US on Thursday, a day after setting a record."),
    ("Bitcoin peaked at $49,048 on Coinbase shortly before 10 a.m. New York time, the highest since 2021.",
     "Bitcoin peaked at $49,048 on Coinbase shortly before 10 a.m. New York time, the highest since 2021."),
])
def test_one_sentence(text: str, sentence: str) -> None:
    assert [p.sentence for p in extract_facts([Article(source="t", text=text)])[0].prices] == [sentence]
