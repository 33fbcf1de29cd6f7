"""Prices in other genres of market copy: research-desk ticker tables, live tickers and
first-person newsletters. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.records import Article


def facts_of(text: str):
    return extract_facts([Article(source="t", text=text, published="2023-12-11T06:00:00+00:00")])[0]


def prices_of(text: str) -> set[tuple[str, float, str, str]]:
    facts = facts_of(text)
    return {(p.asset, round(p.value, 8), p.currency, p.kind) for p in facts.prices}


def test_bare_numbers_in_a_ticker_table_are_quotes():
    text = ("Prices are in US dollars at Monday's open.\n\n"
            "ETH: +4.2% w/w to 2,218.\n"
            "Weekly range 2,050-2,260, with the low on Tuesday.\n"
            "XRP: -1.1% w/w to 0.6015; 120,500 contracts changed hands.")
    assert prices_of(text) == {("ETH", 2218.0, "USD", "spot"), ("ETH", 2050.0, "USD", "low"),
                               ("ETH", 2260.0, "USD", "high"), ("XRP", 0.6015, "USD", "spot")}


def test_bare_numbers_outside_a_ticker_table_are_not_quotes():
    text = "ETH: +4.2% w/w to $2,218.\n\nMiners sent 2,050.5 to exchanges, the desk said, and 1,250 left."
    assert prices_of(text) == {("ETH", 2218.0, "USD", "spot")}


def test_live_ticker_rows():
    text = ("Bitcoin is at $61,200 in early trade.\n"
            "09:15 UTC: Session low so far: $60,480.\n"
            "09:40 UTC: The bid returns and BTC edges up to $61,950.\n"
            "10:05 UTC: And $62,000 gives way as well.\n"
            "10:20 UTC: Minutes later the $63,000 level went as well.")
    assert prices_of(text) == {("BTC", 61200.0, "USD", "spot"), ("BTC", 60480.0, "USD", "low"),
                               ("BTC", 61950.0, "USD", "high"), ("BTC", 62000.0, "USD", "level"),
                               ("BTC", 63000.0, "USD", "level")}


def test_forecasts_in_the_writers_own_voice_are_not_prices():
    text = ("Ether is sitting at $3,150 this morning.\n"
            "Honestly, I reckon $4,000 arrives before the summer.\n"
            "Back in May I wrote $2,000 in this letter and got laughed at.\n"
            "A slide under $2,800, the February base, would make me rethink all of it.\n"
            "I think ether bottomed at $2,900 last week.")
    assert prices_of(text) == {("ETH", 3150.0, "USD", "spot"), ("ETH", 2900.0, "USD", "low")}


def test_levels_to_hold_and_reachable_levels_are_not_prices():
    text = ("Solana changed hands at $142 on Monday.\n"
            "Traders say $130 is the level to defend into the weekend.\n"
            "One strategist said $200 was \"entirely achievable\" by March.")
    assert prices_of(text) == {("SOL", 142.0, "USD", "spot")}


def test_a_participle_takes_the_asset_of_its_main_subject():
    text = "Avalanche has left ether behind this month, surging 40% to about $38.20."
    assert prices_of(text) == {("AVAX", 38.2, "USD", "high")}
    assert {(f.asset, f.value) for f in extract_facts([Article(source="t", text=text)])[0].figures} == {("AVAX", 40.0)}


def test_a_coin_inside_a_relative_clause_describes_a_noun_not_the_subject():
    text = "Solana, meanwhile, climbed on inflows from funds that ether still lacks, and was at $182 on Friday."
    assert prices_of(text) == {("SOL", 182.0, "USD", "spot")}
    # a coin the relative clause is about is still the asset when the number sits inside that clause
    assert prices_of("Traders sold the tokens that solana pushed to $210 last week.") == {("SOL", 210.0, "USD", "high")}


def test_a_coin_that_trouble_spilled_into_is_what_follows_is_about():
    text = ("Ether fell 8% on Thursday.\n\nThe panic then spilled over into FRAX, a stablecoin that relies partly "
            "on ether as collateral, which dipped to about 96 cents.")
    assert prices_of(text) == {("FRAX", 0.96, "USD", "low")}


def test_a_comparison_aside_and_respectively_give_each_price_its_coin():
    assert prices_of("Polkadot, unlike ether, climbed to $7.15 on Monday.") == {("DOT", 7.15, "USD", "high")}
    # a long apposition between the coin and its verb is an aside too
    assert prices_of("USDC slid. Dai, a decentralised stablecoin that holds much of its collateral in USDC, followed it "
                     "down to 89.7 cents.") >= {("DAI", 0.897, "USD", "low")}
    assert prices_of("Cardano and litecoin fell to $0.38 and $71.20 respectively.") == {
        ("ADA", 0.38, "USD", "low"), ("LTC", 71.2, "USD", "low")}


def test_time_spent_above_a_level_is_a_level():
    assert prices_of("Ether spent the whole weekend above $3,500.") == {("ETH", 3500.0, "USD", "level")}


def test_a_multiplying_move_to_a_value_ends_at_a_high():
    assert prices_of("Dogecoin has doubled to 21 cents since the listing.") == {("DOGE", 0.21, "USD", "high")}


def test_hashprice_is_miner_revenue_not_a_price():
    text = ("Bitcoin traded at $61,000 on Monday.\n"
            "Hashprice, what miners earn per unit of hash power, sat at $49.80 on Monday.\n"
            "Bitcoin miners now make about $0.05 per terahash per day.")
    assert prices_of(text) == {("BTC", 61000.0, "USD", "spot")}


def test_prices_in_satoshis():
    text = "Cardano climbed to 62 cents on Friday.\nPriced in bitcoin, that is about 1,120 sats."
    assert prices_of(text) == {("ADA", 0.62, "USD", "high"), ("ADA", 0.0000112, "BTC", "spot")}
    assert prices_of("Fees on the bitcoin network rose to 45 sats/vB.") == set()


def test_a_pair_that_sits_at_a_value_is_quoted_there():
    text = "ETH/BTC sits at 0.0521 after a quiet week.\nFor bitcoin, the line in the sand sits near $58,000."
    assert prices_of(text) == {("ETH", 0.0521, "BTC", "spot")}


def test_a_hyphenated_cent_amount_naming_an_extreme():
    assert prices_of("Dogecoin is back near 30 cents, well off a 41-cent top in March.") == {
        ("DOGE", 0.3, "USD", "spot"), ("DOGE", 0.41, "USD", "high")}


def test_a_new_paragraph_naming_no_asset_is_about_the_main_asset():
    text = ("Bitcoin rose to $66,100 on Tuesday. Bitcoin funds took in money all week.\n\n"
            "Elsewhere, dogecoin traded at 16 cents.\n\n"
            "The record of $69,000 is now within reach.")
    assert ("BTC", 69000.0, "USD", "ath") in prices_of(text)


def test_etf_flow_side_from_the_nearest_flow_word_and_list_rows():
    facts = extract_facts([Article(source="t", text=(
        "Spot ether ETFs pulled in $61.2 million on Monday, undoing $40.5 million of outflows on Friday. "
        "Net flows by fund, Monday: • Alpha Ether Trust (AETH): -$12.3m • Beta Ether Fund (BETH): $73.5m"))])[0]
    assert {(f.kind, f.value, f.side) for f in facts.figures} == {
        ("etf_flow", 61200000.0, "in"), ("etf_flow", 40500000.0, "out"),
        ("etf_flow", 12300000.0, "out"), ("etf_flow", 73500000.0, "in")}


def test_newer_tokens_are_assets_under_their_tickers():
    facts = extract_facts([Article(source="t", text="Book of Meme (BOME) and Ethena's USDe led the board, while stETH lagged.")])[0]
    assert {a.symbol for a in facts.assets} >= {"BOME", "USDE", "stETH"}


def test_a_coin_the_article_introduces_is_an_asset():
    text = ("Seabird Coin (SBRD) debuted on Upbit in March and jumped to ₩1,140 within an hour. "
            "Bitcoin traded near ₩41 million at the time.\n\n"
            "The lending protocol's governance token, KLPX, fell 38% to $0.82 after the breach.")
    facts = facts_of(text)
    assert {(p.asset, p.value) for p in facts.prices} == {("SBRD", 1140.0), ("BTC", 41e6), ("KLPX", 0.82)}
    assert {"SBRD", "KLPX", "BTC"} <= {a.symbol for a in facts.assets}


def test_an_acronym_in_brackets_is_no_coin():
    text = "The Securities and Exchange Commission (SEC) sued the issuer, and bitcoin fell to $26,100."
    assert prices_of(text) == {("BTC", 26100.0, "USD", "low")}


def test_a_name_and_its_ticker_in_brackets_introduce_a_coin():
    text = ("Quant (QNT) rose 5% to $110 on Tuesday. The Graph (GRT) slid 4% to $0.21, while bitcoin held at $64,000. "
            "Theta Network (THETA) fell to $1.20.")
    assert prices_of(text) == {("QNT", 110.0, "USD", "high"), ("GRT", 0.21, "USD", "low"), ("BTC", 64000.0, "USD", "spot"),
                               ("THETA", 1.2, "USD", "low")}


@pytest.mark.parametrize("text", [
    "PARIS (APS) - Bitcoin fell to $61,000 on Monday.",  # a dateline's agency
    "Under rules of the Central Board of Direct Taxes (CBDT), bitcoin fell to $61,000 on Monday.",  # the tail of a name
    "The Northmark Digital 10 Index (ND10) slid, and bitcoin fell to $61,000 on Monday.",  # an index
    "Prices on Upbit (KRW) lagged, and bitcoin fell to $61,000 on Monday.",  # a currency
])
def test_brackets_that_introduce_no_coin(text: str) -> None:
    assert prices_of(text) == {("BTC", 61000.0, "USD", "low")}


def test_a_desk_note_range_shares_its_scale_and_its_levels_heading_lists_no_prices():
    text = ("PX\nBTC 58.4k, +0.8% d/d; 24h rng 57.2-59.6k.\nETH/BTC .0497, lowest since March.\n\n"
            "LEVELS\nS 56.5k / 55.0k; R 60.0k / 61.8k.")
    got = prices_of(text)
    assert {("BTC", 57200.0, "USD", "low"), ("BTC", 59600.0, "USD", "high"), ("ETH", 0.0497, "BTC", "low")} <= got
    assert not {v for _, v, _, _ in got} & {56500.0, 55000.0, 60000.0, 61800.0}


def test_rows_of_a_forecast_list_are_targets():
    for gap in (" ", "\n"):  # rows run on, as the corpus joins them, or one to a line, as a plain-text file may have them
        text = (f"Bitcoin traded at $58,900 on Friday. The year-end forecasts we collected:{gap}"
                f"• Harbourline Securities: $90,000{gap}• Tallis Digital: $70,000")
        assert prices_of(text) == {("BTC", 58900.0, "USD", "spot")}


def test_money_spent_on_a_coin_and_near_misses_are_no_prices():
    text = ("Say you put $2,000 of ether into a wallet in May. "
            "Bitcoin came within a whisker of $73,000 on Thursday before sellers stepped in, and swung by more than "
            "$2,500 in a day.")
    assert prices_of(text) == set()


def test_an_extreme_told_by_what_came_before_or_after():
    text = ("Bitcoin traded at $64,200 on Monday after touching $66,050 over the weekend. "
            "It sits about 12% below the record of $73,800 it set in March, and below the $69,400 it reached in "
            "early June. It rallied after a fund manager filed for a spot bitcoin ETF, ending the month at $62,700.")
    assert {("BTC", 66050.0, "USD", "high"), ("BTC", 69400.0, "USD", "high"), ("BTC", 62700.0, "USD", "close")} <= prices_of(text)


def test_kenyan_shillings():
    text = "Bitcoin reached a record of roughly KSh 12.9 million, and by noon traded at Sh12.6 million."
    assert prices_of(text) == {("BTC", 12.9e6, "KES", "ath"), ("BTC", 12.6e6, "KES", "spot")}


def test_a_pipe_table_of_closes_and_compensation_values():
    text = ("Weekly closes, Sunday 00:00 UTC Coin | Close | Change BTC | $41,900 | +3.2% SOL | $71.40 | -2.0%\n\n"
            "Under the estate's schedule, each bitcoin counts for $19,400 and each solana token for $14.20. "
            "A year ago a single bitcoin cost about KSh 3.1 million, and its smaller sibling, the Tallow Ether Trust, "
            "closed at $7.15.")
    assert prices_of(text) == {("BTC", 41900.0, "USD", "close"), ("SOL", 71.4, "USD", "close"),
                               ("BTC", 3.1e6, "KES", "spot")}


def figures_of(text: str) -> set[tuple[str, float, str | None]]:
    return {(f.kind, f.value, f.asset) for f in facts_of(text).figures}


def test_figures_of_tickers_shares_expiries_and_worked_examples():
    assert ("percent_change", -4.2, "BTC") in figures_of("On screen: BTC $58,400 ▼ 4.2% on the day.")
    got = figures_of("Futures liquidations reached about $820 million in 24 hours, and roughly $610 million of that "
                     "came from long positions. About $2.4 billion of ether options expire on Deribit on Friday.")
    assert {("liquidations", 610e6, None), ("open_interest", 2.4e9, "ETH")} <= got
    assert figures_of("Imagine you buy $500 of bitcoin and the price drops 30% next month.") == set()
    assert figures_of("Counting every token, the project is valued at $9.4 billion on a fully diluted basis.") == set()


def test_a_record_told_before_its_level_and_a_desk_flow_line():
    text = ("Bitcoin climbed to a record early on Tuesday, touching $73,650 before easing. "
            "Client flow: real-money buyer of 74/75k topside, funds sellers of vol.")
    assert prices_of(text) == {("BTC", 73650.0, "USD", "ath")}


def test_figures_told_for_general_readers():
    # liquidations in plain words, and a share of "Tuesday's total" after a paragraph of background
    got = figures_of("The drop wiped out positions across the board, wiping out more than $900 million of bullish bets. "
                     "Shorts were forced out of about $150 million of positions on Kraken alone.")
    assert {("liquidations", 900e6, None), ("liquidations", 150e6, None)} <= got
    text = ("Liquidations reached $2.2 billion in 24 hours. Here is how that works. A loan backs each bet. "
            "When the price moves, the exchange sells. Roughly $1.6 billion of Tuesday's total hit long positions.")
    assert ("liquidations", 1.6e9, None) in figures_of(text)
    # money's worth that changed hands is turnover; a coin that changed hands at a level was priced there
    assert ("volume", 2.3e9, "BTC") in figures_of("About $2.3 billion of bitcoin ETF shares changed hands on Tuesday.")
    assert figures_of("Bitcoin was quoted at ₹58 lakh, while ether changed hands at ₹2.9 lakh.") == set()


def test_dong_prices_run_to_billions_and_a_dealer_quote_is_no_price():
    assert prices_of("In Hanoi bitcoin traded near 2.5 billion dong per coin on Friday.") == {
        ("BTC", 2.5e9, "VND", "spot")}
    assert prices_of("One desk quoted tether at ₦1,580 to buy and ₦1,640 to sell.") == set()


def test_figures_beside_other_markets_and_a_rate_swing():
    text = "Bitcoin has gained 60% this year, against a rise of roughly 12% for gold, and $14tn worth of gold is held."
    assert figures_of(text) == {("percent_change", 60.0, "BTC")}
    assert figures_of("The nine funds hold about $6 billion of ether, roughly 2% of its market value.") == set()
    assert figures_of("At $40 a share, the company's market value is about $2.2 billion.") == set()
    got = figures_of("Funding on bitcoin perpetuals swung from about 0.01% every eight hours to as low as -0.04% on Sunday.")
    assert {("funding_rate", 0.01, "BTC"), ("funding_rate", -0.04, "BTC")} <= got


def test_a_venue_that_accounted_for_part_of_a_total_and_a_combined_value():
    text = ("Liquidations reached $3.1 billion in 24 hours. "
            "Binance accounted for more than $1.2 billion, followed by OKX with about $700 million.")
    assert {("liquidations", 1.2e9, None), ("liquidations", 7e8, None)} <= figures_of(text)
    assert figures_of("Bitcoin's market value hit $1.3 trillion. Bridges accounted for $1 billion of stolen funds.") == {
        ("market_cap", 1.3e12, "BTC")}
    assert figures_of("The combined value of all cryptocurrencies fell to $1.9 trillion.") == {("market_cap", 1.9e12, None)}


def test_a_pronoun_for_a_stock_index_and_a_levy_move_no_coin():
    text = "Bitcoin rose 2%. The Nasdaq 100 erased an early slide to close lower, leaving it down 12% this year."
    assert figures_of(text) == {("percent_change", 2.0, "BTC")}
    assert figures_of("Bitcoin fell 9% after the White House said it would impose a 50% levy on imports.") == {
        ("percent_change", -9.0, "BTC")}
