"""Classes of price phrasing in crypto and financial news beyond the plain market report:
other numbering systems and quote currencies, claims and cost bases, corrections, scenario
forecasts and terse digest lines. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.nlp.numbers import find_money
from newsmine.records import Article


def prices_of(text: str) -> set[tuple[str, float, str, str]]:
    facts = extract_facts([Article(source="t", text=text, published="2024-04-15T06:00:00+00:00")])[0]
    return {(p.asset, round(p.value, 12), p.currency, p.kind) for p in facts.prices}


def test_indian_digit_groups_and_lakh_amounts():
    assert [a.value for a in find_money("₹52,41,000 and ₹2,84,600.50 and ₹1,23,45,678")] == [
        5241000.0, 284600.5, 12345678.0]
    assert [a.value for a in find_money("₹53.4 lakh, ₹1.2 crore and 4 lakhs rupees")] == [5340000.0, 12000000.0, 400000.0]
    assert prices_of("Bitcoin crossed the ₹52 lakh mark on Indian exchanges.") == {("BTC", 5200000.0, "INR", "level")}
    assert prices_of("On CoinSwitch, ether changed hands at ₹2,84,600.") == {("ETH", 284600.0, "INR", "spot")}


def test_rupees_written_rs_and_naira_written_with_their_sign():
    assert [(a.value, a.currency) for a in find_money("Rs 52 lakh, Rs. 61,20,000 and ₦1,540")] == [
        (5200000.0, "INR"), (6120000.0, "INR"), (1540.0, "NGN")]
    assert prices_of("On ZebPay, bitcoin slipped to Rs 48.7 lakh.") == {("BTC", 4870000.0, "INR", "low")}
    assert find_money("Mrs 5 and RS 9") == ()  # a word ending in "rs" or capitals are no rupee sign


def test_an_amount_never_stops_before_its_decimals():
    assert [a.value for a in find_money("a $2.3trn market")] == [2.3e12]
    assert [a.value for a in find_money("PEPE at $0.000012345 and $0.00000081")] == [0.000012345, 0.00000081]
    assert prices_of("The memecoin traded at $0.000012345, with the market worth $2.3trn.") == set()
    assert prices_of("Shiba Inu traded at $0.000012345 on Monday.") == {("SHIB", 0.000012345, "USD", "spot")}


def test_prices_quoted_in_stablecoins():
    assert prices_of("On Binance the BTC/USDT pair was last quoted at 111,380 USDT.") == {
        ("BTC", 111380.0, "USDT", "spot")}
    assert prices_of("Ether changed hands at 3,412.5 USDC on the DEX.") == {("ETH", 3412.5, "USDC", "spot")}


# (text, prices): each text mixes a market price with phrasings of one class that are no prices
CASES = {
    "a size word past a comma is no size": (
        "Ether topped out at about $2,030 in late May, as funds piled into the upgrade trade.\n"
        "Solana slid to $141 on Tuesday, as outflows from funds resumed.\n"
        "Bitcoin drew $2.1 billion in fund inflows last week.",
        {("ETH", 2030.0, "USD", "high"), ("SOL", 141.0, "USD", "low")}),
    "a round trip named earlier in the sentence is no size": (
        "Ether made a round trip, sinking to $2,850 before recovering.\n"
        "Bitcoin ended flat after a round trip of nearly $4,000.",
        {("ETH", 2850.0, "USD", "low")}),
    "the from-value of a rejected to-value is rejected too": (
        "Bitcoin fell to $58,200 from $61,000.\n"
        "The miner's cost to produce one bitcoin rose to $18,400 from $14,900.\n"
        "Its electricity costs climbed to 7.4 cents per kilowatt-hour from 5.1 cents.",
        {("BTC", 58200.0, "USD", "low"), ("BTC", 61000.0, "USD", "spot")}),
    "the cost of a coin and realised prices": (
        "Bitcoin traded at $97,000.\n"
        "The realised price of short-term holders rose to $81,500 this month.\n"
        "For listed miners, the all-in cost to mine one coin climbed to $52,000.\n"
        "Breakeven cost for the median public miner, including power, rose to about $53,000 per coin.\n"
        "Sponsor: a node maker, and viewers save $30 on any bitcoin node with the code ORDERBOOK.",
        {("BTC", 97000.0, "USD", "spot")}),
    "a price-prediction page's rows by year are forecasts; its all-time low is named before the amount": (
        "XRP traded at $0.52 on Monday. Its lowest price on record, $0.0028, dates back to July 2014.\n\n"
        "XRP price prediction 2024–2030 (minimum / average / maximum)\n"
        "• 2024: $0.48 / $0.61 / $0.95\n"
        "• 2026: between $0.90 and $1.80",
        {("XRP", 0.52, "USD", "spot"), ("XRP", 0.0028, "USD", "atl")}),
    "an estate's or a court's value for each coin, a bitcoin ATM's marked-up rate, its fee and a banknote": (
        "Bitcoin traded near $37,000 on Thursday.\n"
        "The estate's schedule put bitcoin at $16,871 and ether at $1,258 for every customer claim.\n"
        "The wind-down trust values UST at 2.6 cents for claims purposes.\n"
        "At the liquor store, the kiosk priced bitcoin at $39,800 and added a flat $2.50 fee to every purchase.\n"
        "A reporter fed a $20 bill into the machine.",
        {("BTC", 37000.0, "USD", "spot")}),
    "a miner's power prices and costs of production are no prices": (
        "Bitcoin traded at $42,000.\n"
        "Western hub, day-ahead: $44.75/MWh, and real-time prices hit the $5,000-per-megawatt-hour cap.\n"
        "A farm on 3-cent hydropower spends roughly $4,100 in electricity to produce one bitcoin.\n"
        "Producing one bitcoin costs the efficient miners between $16,000 and $24,000 in electricity alone.\n"
        "Tarnbrook puts the all-in cost of producing one bitcoin at about $11,500, rising to roughly $19,000 for "
        "older fleets.\nThe S9 made a loss, with a cost of production we estimate at roughly $6,900.",
        {("BTC", 42000.0, "USD", "spot")}),
    "max pain, a gap to spot, a promise and a date to come are no prices": (
        "Bitcoin traded at $23,100 on Thursday.\n"
        "The number most cited is max pain, the strike where buyers lose most; for Friday it stands at $18,000.\n"
        "That is more than $5,000 below spot, and spot sits above the $1,300 max pain for ether.\n"
        "The pinned message, a slogan promising twenty thousand dollars by spring, drew sarcastic replies.\n"
        "Anyone telling you $20,000 by Christmas is guessing.",
        {("BTC", 23100.0, "USD", "spot")}),
    "a row's label introduces a coin the lexicon lacks": (
        "Bitcoin traded at $19,400.\n"
        "Other GPU-mined coins: Ravencoin (RVN): $0.0437, up 6% on the week Ergo (ERG): $2.71, down 4% on the week\n"
        "2. Melania Meme (MELANIA): -78% on the week, at about $2.90.",
        {("BTC", 19400.0, "USD", "spot"), ("RVN", 0.0437, "USD", "spot"), ("ERG", 2.71, "USD", "spot"),
         ("MELANIA", 2.9, "USD", "spot")}),
    "claims quoted on the dollar are recovery rates": (
        "Bitcoin traded at $64,000 on Monday.\n"
        "Claims against the bankrupt lender changed hands at 71 to 74 cents on the dollar, up from about 22 cents "
        "in March.\nSome creditors sold their claims at 65% of face value.",
        {("BTC", 64000.0, "USD", "spot")}),
    "corrections repeat what was wrong": (
        "Ether fell to $2,610 on Kraken.\n"
        "An earlier version of this article said ether fell to $2,160.\n"
        "A previous version of this report misstated solana's low as $120.",
        {("ETH", 2610.0, "USD", "low")}),
    "scenario cases and far horizons are forecasts": (
        "Bitcoin is trading at $95,000.\n"
        "Our base case is $120K, with a bull case of $150K and a bear case of $70K.\n"
        "In the best-case scenario the desk sees ether at $6,000.\n"
        "Longer term, the model has bitcoin above $400K by 2030 and around $250,000 in 2027.\n"
        "Bitcoin first traded above $60,000 in 2021.",  # a year already past dates a fact
        {("BTC", 95000.0, "USD", "spot"), ("BTC", 60000.0, "USD", "level")}),
    "an attempt at a level is not the level": (
        "Bitcoin held at $68,000.\n"
        "A run at $72,000 by the end of the month is plausible.\n"
        "Bulls will want another shot at $75,000 after the data.\n"
        "A test of $80,000 over the coming weeks looks likely.",
        {("BTC", 68000.0, "USD", "spot")}),
    # (GUIDE, za- to zd-series: a market level named beside a purchase keeps its kind)
    "money put in and the price paid are no market prices, the coin's own market then is": (
        "Ether traded near $3,300 on Friday.\n"
        "Lopez said she put about $5,000 in when the price was near $4,100.\n"
        "Her brother invested $1,200 when ether stood at $1,900.\n"
        "They bought more when the price was around $2,400.",
        {("ETH", 3300.0, "USD", "spot"), ("ETH", 1900.0, "USD", "spot")}),
    "a drawdown or selling makes a touched level a low": (
        "Selling spilled into the Asian session, when ether touched $2,310, a 12% drawdown from the top.\n"
        "Bitcoin touched $58,900 on Monday, a 9% pullback from last week's peak.",
        {("ETH", 2310.0, "USD", "low"), ("BTC", 58900.0, "USD", "low")}),
    "an asset in an aside is not the subject": (
        "Ether, which has trailed bitcoin for most of the year, traded near $3,050 on Monday.\n"
        "Solana (whose rally outpaced ether's) slipped to $142.",
        {("ETH", 3050.0, "USD", "spot"), ("SOL", 142.0, "USD", "low")}),
    "a row labelled by an unknown ticker is about that ticker": (
        "Weekly movers:\n"
        "• SOL: $142, up 3%.\n"
        "• ENA: $1.08, down 4.7% on the week.\n"
        "• $ONDO: $0.91, flat.",
        {("SOL", 142.0, "USD", "spot"), ("ENA", 1.08, "USD", "spot"), ("ONDO", 0.91, "USD", "spot")}),
    "a by-the-numbers row is glossed after its colon": (
        "By the numbers:\n"
        "• $67,150: where bitcoin opened on Saturday (UTC).\n"
        "• $60,800: bitcoin's low of the weekend, hit on Bitstamp.\n"
        "• $65,720: bitcoin at 8 p.m. UTC on Sunday, 8.1% above the Saturday low.\n"
        "• $3,160: where ether closed the week.",
        {("BTC", 67150.0, "USD", "open"), ("BTC", 60800.0, "USD", "low"), ("BTC", 65720.0, "USD", "spot"),
         ("ETH", 3160.0, "USD", "close")}),
    "digest lines: a cashtag and its signed change start a ticker row": (
        "Overnight in crypto:\n\n🔴 $LINK -4.4% in 24h, wicked to 13.05, its lowest since June, last seen on Kraken 13.2.",
        {("LINK", 13.05, "USD", "low"), ("LINK", 13.2, "USD", "spot")}),
    "a coin's signed change to an amount is a move": (
        "🔴 $ADA -3.1% to $0.41, $DOGE +2.2% to $0.16.\nLitecoin -1.5% on the day to $81.",
        {("ADA", 0.41, "USD", "low"), ("DOGE", 0.16, "USD", "high"), ("LTC", 81.0, "USD", "low")}),
    "digest fragments: an extreme heads the next amount, 'now' is where it stands": (
        "🟢 $SOL +7.5% in 24h, cleared $150, high $153.4 on Coinbase, now $151.2.",
        {("SOL", 150.0, "USD", "level"), ("SOL", 153.4, "USD", "high"), ("SOL", 151.2, "USD", "spot")}),
    "a labelled table row quotes where a coin stands": (
        "Prices at the open.\n\nBNB: -2.3% d/d to 598.2.",
        {("BNB", 598.2, "USD", "spot")}),
    "terminal lines quote a ticker's last price and change; the paragraph is a table": (
        "SOL last 171.35, -2.2% d/d; DOT 6.02 (+1.1%).",
        {("SOL", 171.35, "USD", "spot"), ("DOT", 6.02, "USD", "spot")}),
    "terminal abbreviations of support and resistance are levels to watch": (
        "BTC last 98.1k, -0.4% d/d.\n\nLEVELS: BTC res 101k, sup 95.5k / 93k; ETH supp 3.2k.",
        {("BTC", 98100.0, "USD", "spot")}),
    "a record named after a crossed level: the level is the price": (
        "In yen terms, bitcoin pushed above ¥15,000,000, a record for Japanese holders.",
        {("BTC", 15000000.0, "JPY", "level")}),
    "numbered rows are list rows, glossed after their colon": (
        "Our year in five numbers.\n\n"
        "1) $2,140: where ether bottomed in June.\n"
        "2. $4,090: ether's high of the year, reached in March.\n"
        "3. $0.94: the record price of Cardano's ADA, set in the spring.",
        {("ETH", 2140.0, "USD", "low"), ("ETH", 4090.0, "USD", "high"), ("ADA", 0.94, "USD", "ath")}),
    "a price measured from a level the market reached: that level is an extreme": (
        "Ether changed hands near $2,450, roughly 30% below the $3,500 it hit in March.\n"
        "Solana sat at $150, about 60% above the $94 it touched in August.",
        {("ETH", 2450.0, "USD", "spot"), ("ETH", 3500.0, "USD", "high"), ("SOL", 150.0, "USD", "spot"),
         ("SOL", 94.0, "USD", "low")}),
    "a level hit in the clause of a record is that record": (
        "Solana notched a fresh record on Tuesday, touching $271 in Asian hours.\n"
        "09:12 ⚡ All-time high: DOGE tags $0.74 on Binance.",
        {("SOL", 271.0, "USD", "ath"), ("DOGE", 0.74, "USD", "ath")}),
    "a level hit with no move in its sentence follows the move of the sentence before": (
        "Ether slumped to a low of $2,115 on Coinbase within minutes.\n"
        "On Bybit the ETH perp printed $2,020 for a few seconds.",
        {("ETH", 2115.0, "USD", "low"), ("ETH", 2020.0, "USD", "low")}),
    "a move noun heading a relative clause moves the price": (
        "Ether slid to $3,080 on Monday, undoing a rebound that had lifted it to $3,390 over the weekend.\n"
        "Bitcoin steadied at $61,000 after a sell-off that dragged it to $58,700.",
        {("ETH", 3080.0, "USD", "low"), ("ETH", 3390.0, "USD", "high"), ("BTC", 61000.0, "USD", "spot"),
         ("BTC", 58700.0, "USD", "low")}),
    "a dated record cited inside a forecast was reached": (
        "Ether traded at $3,120 on Monday.\n"
        "One strategist expects ether to revisit its November record of roughly $4,870 within months.",
        {("ETH", 3120.0, "USD", "spot"), ("ETH", 4870.0, "USD", "ath")}),
    "the price of a fund's unit or share is no coin price": (
        "Bitcoin was at $67,300 in New York.\n"
        "The new trust ended its first day at C$12.05 a unit, while its US peer closed at $41.20 per unit.",
        {("BTC", 67300.0, "USD", "spot")}),
    "what a holder paid, or an average, is no market price": (
        "Litecoin traded near $84 on Tuesday.\n"
        "A reader who got in last spring, paying about $105 a coin, asked whether to sell.\n"
        "His fills came to $97 per token on average.",
        {("LTC", 84.0, "USD", "spot")}),
    "a level named for a role is a level to watch": (
        "XRP changed hands at $2.31.\n"
        "The desk's note flags $2.10 as the floor that bulls must defend, and $2.80 as what it dubs the "
        "breakout trigger.",
        {("XRP", 2.31, "USD", "spot")}),
    "'by the end of' a past month dates a fact; ahead, it is a horizon": (
        "Cardano dropped from $0.90 in March to roughly $0.33 by the end of August.\n"
        "Analysts see it back above $0.60 by the end of next year.\n"
        "A strategist replied that $1.20 by the end of the year was a fair guess.",
        {("ADA", 0.9, "USD", "spot"), ("ADA", 0.33, "USD", "low")}),
    "money someone holds on a platform is no price": (
        "Ether traded at $1,240 as the lender froze accounts.\n"
        "A teacher in Lyon who has roughly €14,000 on the platform said she learned of it from the news.",
        {("ETH", 1240.0, "USD", "spot")}),
    "a sentence saying where support or resistance lies lists levels to watch": (
        "Bitcoin was last at $88,900.\n"
        "Resistance sits at $91,000, and beyond that there is little in the way until $95,500.\n"
        "Chart view: Support is $86,000, then $84,200.",
        {("BTC", 88900.0, "USD", "spot")}),
    "a cross rate named by its quote asset ('against ether', 'in bitcoin terms')": (
        "Against bitcoin, ether slipped to 0.0341 on Friday, its weakest since 2021.\n"
        "In ether terms, Avalanche climbed to 0.0112.",
        {("ETH", 0.0341, "BTC", "low"), ("AVAX", 0.0112, "ETH", "high")}),
    "a pronoun goes on about the story's coin, not one it was compared with": (
        "Pepe-like tokens had a wild week.\nCardano jumped to a record $3.10 on Monday.\n"
        "By Tuesday it ranked third by market value, behind ether.\n"
        "Then traders cashed out, and it sank to $2.41.",
        {("ADA", 3.1, "USD", "ath"), ("ADA", 2.41, "USD", "low")}),
    "a pair names two coins and makes neither the story's coin": (
        "Bitcoin rose on Tuesday as ETF demand returned.\n\n"
        "Ether lagged, and ETH/BTC slid to 0.0481.\n\n"
        "Q: Where did the week end?\nA: We closed the week at $64,900.",
        {("ETH", 0.0481, "BTC", "low"), ("BTC", 64900.0, "USD", "close")}),
    "a verbless answer to a question about what would happen is a scenario": (
        "Ether was at $3,400 on Friday.\n\n"
        "Q: What could derail the rally?\nLindqvist: A weekly close below $3,000 on rising volume.\n\n"
        "Q: And where is it today?\nLindqvist: Around $3,410 on Coinbase.",
        {("ETH", 3400.0, "USD", "spot"), ("ETH", 3410.0, "USD", "spot")}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_price_phrasing_classes(name: str):
    text, expected = CASES[name]
    assert prices_of(text) == expected


def test_a_number_ending_a_hyphenated_word_is_no_amount():
    assert find_money("turnover on the top-10 USD pairs and a top-3k wallet") == ()
    assert prices_of("Bitcoin changed hands near $64,200; volume on top-5 USD venues was thin.") == {
        ("BTC", 64200.0, "USD", "spot")}


def test_the_renamed_terra_token_is_its_own_asset():
    assert prices_of("Luna Classic, the token of the old chain, traded near $0.000091 on Friday.") == {
        ("LUNC", 0.000091, "USD", "spot")}


@pytest.mark.parametrize("text,expected", [
    ("N17.5 million and N775", [(17500000.0, "NGN"), (775.0, "NGN")]),
    ("R2-million, R47,600, the R2 pivot and N95 masks", [(2000000.0, "ZAR"), (47600.0, "ZAR")]),
    ("ARS 44.6 million, 1,048 pesos and 48,000 Philippine pesos", [(44600000.0, "ARS"), (1048.0, "ARS"), (48000.0, "PHP")]),
    ("Dh153,900, ₱471,000, ₺3.1 million and 23,350 dong", [(153900.0, "AED"), (471000.0, "PHP"), (3100000.0, "TRY"),
                                                        (23350.0, "VND")]),
    ("2,410 tether", [(2410.0, "USDT")]),
    ("US$1-trillion and C$560-million", [(1e12, "USD"), (560000000.0, "CAD")]),
])
def test_regional_currency_signs_words_and_hyphenated_scales(text, expected):
    assert [(a.value, a.currency) for a in find_money(text)] == expected


def test_regional_prices_and_a_wire_exchange_rate_footer():
    assert prices_of("Bitcoin slid to R1.36-million on VALR on Thursday.") == {("BTC", 1360000.0, "ZAR", "low")}
    assert prices_of("On peer-to-peer boards bitcoin changed hands at N61.2 million.") == {("BTC", 61200000.0, "NGN", "spot")}
    assert prices_of("Bitcoin fell 3% to ¥9.1 million on bitFlyer. ($1 = ¥147.8)") == {("BTC", 9100000.0, "JPY", "low")}


def test_an_article_with_decimal_commas_is_read_in_that_convention_and_quoted_as_written():
    text = ("Bitcoin fell below 30.000 euros on Monday. It dropped as low as 28.450 euros "
            "before recovering to 29.100 euros. Ether lost 7,4 percent to 1.620,50 euros.")
    facts = extract_facts([Article(source="t", text=text, published="2022-06-13T08:00:00+00:00")])[0]
    assert {(p.asset, p.value, p.kind) for p in facts.prices} == {
        ("BTC", 30000.0, "level"), ("BTC", 28450.0, "low"), ("BTC", 29100.0, "spot"), ("ETH", 1620.5, "low")}
    assert {(f.kind, f.value) for f in facts.figures} == {("percent_change", -7.4)}
    assert {text[p.start:p.end] for p in facts.prices} == {"30.000 euros", "28.450 euros", "29.100 euros", "1.620,50 euros"}
    assert all(p.sentence in text for p in facts.prices)
    # an article with a decimal point keeps the English reading, whatever commas it has
    assert prices_of("Ether traded at $1,620.50, or 0,88 of its old peak.") == {("ETH", 1620.5, "USD", "spot")}


def test_what_is_not_a_coin_in_coverage_outside_crypto_media():
    # a commodity, a stake and an allowance as the subject of their own clause
    assert prices_of("Bitcoin slipped to $64,200 while gold stood at $2,410.") == {("BTC", 64200.0, "USD", "low")}
    assert prices_of("She put $500 into solana and saw her stake shrink to about $350.") == set()
    assert prices_of("Bitcoin rose on Monday, and the annual tax-free allowance drops to €500 next year.") == set()
    # what a stake grew to, pay over a period, a rate after a unit, a price target
    assert prices_of("One member turned a paper $5,000 into about $19,000 by riding dogecoin.") == set()
    assert prices_of("A play-to-earn player who once made ₱12,000 a month now takes home less than ₱3,000 from AXS.") == set()
    assert prices_of("The miner pays 5.2 cents per kilowatt-hour, up from 3.8 cents, to run its bitcoin rigs.") == set()
    assert prices_of('"Ether looks cheap," said an analyst who has a $4,000 price target.') == set()
    # a second verb shares its subject with the first
    assert prices_of("Bitcoin-treasury shares fell 9% to $31.10 and are down 40% from their March high of $52.") == set()
    # another country's dollar quoted in US cents is an exchange rate
    assert prices_of("With the loonie near 73 US cents, bitcoin traded above C$95,000.") == {("BTC", 95000.0, "CAD", "level")}


def test_us_cents_and_a_record_told_in_apposition():
    assert prices_of("AXS sank to ₱310, or about 5.4 US cents, its lowest since March.") >= {("AXS", 0.054, "USD", "spot")}
    assert prices_of("Bitcoin peaked at $73,750 on Bitstamp, also an all-time high, before slipping.") == {
        ("BTC", 73750.0, "USD", "ath")}


def test_new_tickers_beside_their_issuer_and_the_ether_bitcoin_ratio_named_in_words():
    # a ticker after its issuer's name and an adverb's participle aside; a ticker then what it is, possessive inside
    assert prices_of("Napoli's NAP, often traded as a proxy for Italian football, lost 6% to $2.14.") == {
        ("NAP", 2.14, "USD", "low")}
    assert ("QRZ", 0.41, "USD", "low") in prices_of("QRZ, the exchange's own token, slid 21% to $0.41 on Monday.")
    # the ratio named in words makes its bare decimals prices in bitcoin
    assert prices_of("The ether-to-bitcoin ratio rose from 0.0391 to 0.0417 on Tuesday.") == {
        ("ETH", 0.0391, "BTC", "spot"), ("ETH", 0.0417, "BTC", "high")}
    assert ("ETH", 0.0362, "BTC", "low") in prices_of("Ether's ratio to bitcoin fell to 0.0362, a three-year low.")


@pytest.mark.parametrize("text,expected", [
    # a speaker telling what the market did, in the simple past, reports a price like the writer would
    ('"Ether went from $3,900 to $3,100 over one weekend," said a trader at a desk in Zurich.',
     {("ETH", 3900.0, "USD", "spot"), ("ETH", 3100.0, "USD", "low")}),
    ('"That was the week when solana bottomed at $8.10," she said.', {("SOL", 8.1, "USD", "low")}),
    ('"Litecoin was at $64 when the news broke, and nobody believed it," one trader said.',
     {("LTC", 64.0, "USD", "spot")}),
    # ... not a plan, a condition, a guess or the speaker's own trade
    ('"If bitcoin gets back above $70,000, the shorts are in trouble," she said.', set()),
    ('"I was a buyer at $44,000 and I will be a buyer lower," said one bitcoin trader.', set()),
    ('A user claimed that bitcoin had "wicked to $73,000 on Binance" that morning.', set()),
])
def test_quoted_prices_only_when_the_speaker_tells_what_the_market_did(text, expected):
    assert prices_of(text) == expected


def test_a_full_stop_after_a_scaled_amount_ends_the_row():
    # "115.7K." is no abbreviation: the next coin's row starts a sentence of its own and keeps its spot price
    text = "The snapshot: Bitcoin: $116,600, down 2.9% in 24 hours; session low $115.7K. Ether: $3,046, up 1.8% in 24 hours."
    assert ("ETH", 3046.0, "USD", "spot") in prices_of(text)
    assert ("BTC", 115700.0, "USD", "low") in prices_of(text)


def test_a_bare_round_level_after_the_is_read_in_the_articles_convention():
    text = ("Bitcoin was quoted at about 29.700 dollars on Thursday, below the psychological threshold of the 30.000.\n\n"
            "Ether traded at 1.850,40 dollars.")
    assert ("BTC", 30000.0, "USD", "level") in prices_of(text)
