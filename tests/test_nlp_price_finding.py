"""Which amounts are prices: crypto-quoted prices, negated levels, listed levels
sharing a rejection, hedged questions, purchases, and list rows as sentences."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.nlp.numbers import find_coin_prices
from newsmine.records import Article


def facts_of(text: str):
    return extract_facts([Article(source="t", text=text, published="2022-03-10T09:00:00+00:00")])[0]


def found(text: str) -> set[tuple[str, float, str]]:
    return {(p.asset, p.value, p.currency) for p in facts_of(text).prices}


def test_fractions_of_a_coin_are_amounts_whole_coins_are_not():
    assert [(a.value, a.currency) for a in find_coin_prices("at 0.0421 ETH, or 0.0019 BTC")] == [
        (0.0421, "ETH"), (0.0019, "BTC")]
    assert find_coin_prices("an outflow of 12,000 BTC") == ()


def test_price_restated_in_bitcoin():
    got = found("Cardano traded at $1.12 on Thursday, or about 0.0000251 BTC.")
    assert ("ADA", 1.12, "USD") in got and ("ADA", 0.0000251, "BTC") in got


def test_coin_count_is_no_price():
    assert not any(c == "BTC" for _, _, c in found("Bitcoin miners sold 0.5 BTC each on average."))


def test_negated_level_is_no_price_anywhere_in_its_sentence():
    assert found("Sellers appeared just below $48,000 on Monday, but the $48,000 level was never tested.") == set()
    assert found("Ether rallied on Tuesday but fell short of $3,200.") == set()
    assert found("Bitcoin rose to $45,300 on Friday, though the $46,000 mark was not reached.") == {
        ("BTC", 45300.0, "USD")}


def test_listed_level_shares_the_rejection_of_its_neighbour():
    text = "The options max-pain point sits at $42,000 for bitcoin and $2,900 for ether."
    assert found(text) == set()


def test_open_questions_are_not_prices():
    assert found("Analysts are watching whether solana can hold above $95 and whether XRP retakes $0.80.") == set()


def test_buying_below_a_level_is_a_purchase():
    assert found("The fund said it had been buying bitcoin for clients below $38,500.") == set()


def test_list_rows_and_the_next_paragraph_are_separate_sentences():
    text = ("Closing prices on Friday: • BTC: $39,120 (+1.2%) • ETH: $2,610 (-0.8%)\n\n"
            "Polkadot's DOT was the biggest gainer. It later traded at $19.40.")
    facts = facts_of(text)
    assert {(p.asset, p.value) for p in facts.prices} == {("BTC", 39120.0), ("ETH", 2610.0), ("DOT", 19.4)}
    assert [s.text for s in facts.sentences][:3] == ["Closing prices on Friday:", "• BTC: $39,120 (+1.2%)",
                                                    "• ETH: $2,610 (-0.8%)"]


def test_list_rows_take_the_span_of_their_header():
    facts = facts_of("24-hour moves: • SOL: $88.10, -4.4% • ADA: $0.91, +2.5%")
    assert {(f.asset, f.value, f.period) for f in facts.figures} == {("SOL", -4.4, "24h"), ("ADA", 2.5, "24h")}


def test_hyphen_rows_of_a_plain_or_extracted_list_are_rows_too():
    # As trafilatura writes an <li>, and as a saved text file often does: one "- " row per line.
    facts = facts_of("Movers over 24 hours:\n- SOL: $141.20, down 6.1%\n- ZORK: $0.12, down 5.0%")
    assert {(p.asset, p.value) for p in facts.prices} == {("SOL", 141.2), ("ZORK", 0.12)}
    assert {(f.asset, f.value, f.period) for f in facts.figures} == {("SOL", -6.1, "24h")}


def test_a_day_of_the_month_before_a_coin_counts_no_coins():
    assert found("On March 12 bitcoin sank as low as $4,900 and ether traded under $110.") == {
        ("BTC", 4900.0, "USD"), ("ETH", 110.0, "USD")}


def test_it_as_the_subject_is_the_coin_of_the_sentences_before():
    # the pronoun, not the coin named after the number, owns it
    text = "Bitcoin fell on Thursday. Measured in euros it touched €26,300, while ether dropped to €1,480."
    assert found(text) == {("BTC", 26300.0, "EUR"), ("ETH", 1480.0, "EUR")}
    # a sentence whose subject is itself "the coin" passes the reference on to the coin before it
    text = ("Dogecoin jumped on the news. The coin changed hands at 31 cents on Kraken, roughly 2,900 naira at the "
            "street rate for tether. It has ranged between 28 and 33 cents this week.")
    assert {a for a, _, _ in found(text)} == {"DOGE"}


def test_asset_named_by_rank():
    got = found("Ether rose on Monday. The largest cryptocurrency by market value fell as low as $37,600 later.")
    assert got == {("BTC", 37600.0, "USD")}
    assert found("Bitcoin was flat. The world's second-biggest token traded at $3,010.") == {("ETH", 3010.0, "USD")}


def test_a_coin_after_a_bare_number_is_a_unit_not_the_subject():
    assert found("Ether traded at 0.059 BTC, down from 0.061 BTC.") == {("ETH", 0.059, "BTC"), ("ETH", 0.061, "BTC")}


def test_currency_codes_after_the_amount():
    assert found("Bitcoin is trading at around 30,500 USD.") == {("BTC", 30500.0, "USD")}


def test_selling_off_is_a_move_not_a_sale():
    assert {(p.value, p.kind) for p in facts_of("Bitcoin sold off to $29,000 before buyers stepped in.").prices} == {
        (29000.0, "low")}


def test_order_clusters_sale_prices_and_defended_levels_are_not_prices():
    assert found("Bitcoin was at $30,500. Sell orders were stacked around $31,800.") == {("BTC", 30500.0, "USD")}
    assert found("Bitcoin was at $30,500. The token is up 300% from its presale price of $0.10.") == {
        ("BTC", 30500.0, "USD")}
    assert found("Bitcoin traded at $30,500 as bulls defend $30K.") == {("BTC", 30500.0, "USD")}
    assert found("Bitcoin failed to break above $45,000 this week.") == set()


def test_forecasts_conditions_and_cost_levels_are_not_prices():
    base = {("BTC", 30500.0, "USD")}
    for second in ("Miners' break-even price is estimated at $26,000.",
                   "Standard Chartered reiterated its $120,000 forecast.",
                   "Bitcoin has to hold $29,000 to avoid a deeper drop.",
                   "A move to $35,000 is possible in the coming weeks.",
                   "On-chain data suggest accumulation around $29,000.",
                   "Max pain for Friday's expiry is at $30,000.",
                   "Liquidation levels cluster near $29,200."):
        assert found(f"Bitcoin was at $30,500. {second}") == base, second


@pytest.mark.parametrize("second", [
    "Analysts at the broker flagged $28,000 as the floor they would defend.",
    "Desks cited $33,000, a shade under the June high, as the next hurdle.",
    "Most of the chat is still waiting for 35k.",
    "The first task for buyers is to win back $31,000 on a weekly close.",
    "She saw scope for the coin to retest $27,500 before the halving.",
    "A slip under the channel would expose $26,800.",
    "The line we care about is $29,000, and it has held twice.",
    "The bears' line is $32,000, where sellers stepped in last month.",
    "The strategist called a run through $36,000 likely by the autumn."])
def test_levels_named_for_what_may_come_are_not_prices(second: str) -> None:
    assert found(f"Bitcoin was at $30,500. {second}") == {("BTC", 30500.0, "USD")}


def test_bids_premiums_and_distances_to_a_record_are_not_prices():
    assert found("Bitcoin rose. Desks reported heavy bids at $61,000.") == set()
    assert found("Bitcoin rose. The Coinbase premium hit $80.") == set()
    assert found("Bitcoin rose. Bitcoin is within $2,000 of its record high.") == set()


def test_a_sale_above_a_level_is_the_holders_trade_not_a_price():
    """GUIDE: a firm's own fills and limits, and sale or purchase levels in a quote, are no prices."""
    assert found('"We cut our solana holding by half above $210; the run was too fast," said a trader.') == set()
    assert found("Solana rose. Her fund sold a fifth of its SOL above $210 last week.") == set()
    assert found('"We will buy solana back at $150," said a trader.') == set()
    # a level the market crossed in a clause of its own is still one
    assert found("Solana rose. The fund bought back part of its stake after SOL dipped below $140.") == {
        ("SOL", 140.0, "USD")}


def test_an_appositive_saying_the_market_was_there_outweighs_a_hedge():
    got = found("Traders will watch whether ether can regain $2,000, the level it fell through on Monday.")
    assert got == {("ETH", 2000.0, "USD")}


def test_a_pair_quoted_in_money_gives_its_bare_numbers_a_currency():
    assert found("By Friday evening, BTC/USDT on Binance was quoted at 5,610.") == {("BTC", 5610.0, "USDT")}
    assert found("ETH-USD changed hands at 2,418.50 on Coinbase, down from 2,530 on Monday.") == {
        ("ETH", 2418.5, "USD"), ("ETH", 2530.0, "USD")}
    # the pair makes no target a price, and counts stay counts
    assert found("BTC/USD could rally to 35,000 if buyers defend 29,800.") == set()
    assert found("The BTC/USD pair saw 12,500 trades on Kraken.") == set()


def test_a_band_brought_into_view_is_a_target():
    assert found("A close above $31,500 would bring $33,000–$35,000 into view for bitcoin.") == set()
    assert found("Bitcoin traded at $30,240 in view of the Fed meeting.") == {("BTC", 30240.0, "USD")}


def test_a_lettered_dollar_may_stand_apart_and_scaled_values_are_decimal():
    assert found("BTC/BRL: R$ 341,200 on Mercado Bitcoin.") == {("BTC", 341200.0, "BRL")}
    [price] = facts_of("Bitcoin climbed to $71.3k on Thursday.").prices
    assert price.value == 71300.0  # not 71299.99999999999


def test_what_a_coin_is_built_on_is_not_the_coin_that_moved():
    assert found("DAI, a token that depends heavily on USDC for its reserves, slid to 96 cents.") == {("DAI", 0.96, "USD")}


def test_a_price_restated_in_another_currency_is_spot():
    prices = {(p.currency, p.value): p.kind for p in facts_of("Bitcoin fell to ¥4.2 million (about $29,000) in Tokyo.").prices}
    assert prices == {("JPY", 4200000.0): "low", ("USD", 29000.0): "spot"}
    prices = {(p.currency, p.value): p.kind for p in facts_of("Ether jumped to €3,050, or roughly $3,300, in Frankfurt.").prices}
    assert prices == {("EUR", 3050.0): "high", ("USD", 3300.0): "spot"}


def test_what_one_coin_is_worth_or_cost_is_its_price():
    assert found("By Friday evening one ether was worth about $1,730.") == {("ETH", 1730.0, "USD")}
    assert found("Litecoin was valued at $71.40 late on Monday.") == {("LTC", 71.4, "USD")}
    assert found("Back in 2011 a single bitcoin cost roughly $0.90.") == {("BTC", 0.9, "USD")}
    # a holding or a company is still a size
    assert found("The exchange's bitcoin reserve is worth about $640 million.") == set()


def test_size_words_in_an_idiom_or_as_a_verb_leave_the_price():
    assert found("Solana, for what it's worth, is changing hands near $23 this morning.") == {("SOL", 23.0, "USD")}
    assert found("The selling spread: ether dropped to $1,090 overnight, its lowest since March.") == {("ETH", 1090.0, "USD")}
    # a spread between venues is still no price
    assert found("On Kraken, the bitcoin spread widened to $85 during the sell-off.") == set()


def test_a_stock_or_fund_share_named_after_the_coin_is_not_the_coin():
    assert found("Grayscale's ether trust shares slipped 4% to $17.80 while ether fell to $2,260.") == {
        ("ETH", 2260.0, "USD")}


def test_a_unit_after_an_amount_does_not_run_into_the_next_clause():
    assert found("Silver traded at $24 an ounce while bitcoin sank to $57,300.") == {("BTC", 57300.0, "USD")}


def test_to_reach_ends_a_told_move_but_not_a_goal():
    assert {p.kind for p in facts_of("Avalanche surged 14% overnight to reach $41.20.").prices} == {"high"}
    assert found("Avalanche would have to climb 14% to reach $41.20.") == set()


def test_model_values_and_betting_odds_are_not_prices():
    assert found("On the stock-to-flow model, bitcoin's fair value is $52,000.") == set()
    assert found("Bettors put 35% odds on ether touching $5,000 before June.") == set()


def test_the_level_a_move_of_a_given_size_ended_at_is_a_price():
    assert {(p.value, p.kind) for p in facts_of("Bitcoin gave up $2,400 to $61,150 in the first hour of trade.").prices} == {
        (61150.0, "low")}
    assert {(p.value, p.kind) for p in facts_of("Solana added $9 to $186 on Wednesday afternoon.").prices} == {
        (186.0, "high")}


def test_exchange_rates_banknotes_and_fees_are_not_coin_prices():
    assert found("Tether changed hands at 1,460 naira on the boards as the official rate went from 770 to 1,390 naira per dollar.") == {
        ("USDT", 1460.0, "NGN")}
    assert found("Bitcoin held at N38 million while the new N500 and N1,000 notes stayed scarce.") == {
        ("BTC", 38000000.0, "NGN")}
    # a plain list takes what its last amount is: every note in it is a note
    assert found("Bitcoin held at N38 million while the new N200, N500 and N1,000 notes stayed scarce.") == {
        ("BTC", 38000000.0, "NGN")}
    assert found("Ether traded at $3,100, $3,150 and $3,120 on the three venues.") == {
        ("ETH", 3100.0, "USD"), ("ETH", 3150.0, "USD"), ("ETH", 3120.0, "USD")}


def test_gains_predictions_pencilled_levels_and_contracts_are_not_prices():
    assert found("She sold at $41,000 for a gain of $9,500 on bitcoin.") == set()
    assert found("Our forecast: $3.10 by March for XRP, with $2.40 the line to hold.") == set()
    assert found("Several desks have pencilled in $140 for solana.") == set()
    assert found("A Kalshi contract on ether closing June above $4,000 traded at 31 cents.") == set()
    assert found("Our average entry on the ether we added in May was $2,870.") == set()
    assert found("He bought his first bitcoin in 2012 for $11.20 apiece.") == set()


def test_a_move_given_by_its_size_in_the_progressive_is_no_level():
    assert found("Ether sank below $2,000, tumbling more than $300 in an afternoon.") == {("ETH", 2000.0, "USD")}


def test_a_band_of_sizes_is_no_range_of_prices():
    assert found("Between $40 million and $55 million of bitcoin left exchanges on Friday.") == set()


def test_a_row_names_its_record_high_and_low_and_an_opening_price_is_the_open():
    row = "Ether (ETH): opened at $3,335, closed at $2,970; record $4,950 on Aug. 24, high $4,410 in May, low $1,385 in April."
    assert {(p.value, p.kind) for p in facts_of(row).prices} == {
        (3335.0, "open"), (2970.0, "close"), (4950.0, "ath"), (4410.0, "high"), (1385.0, "low")}
    text = "Bitcoin closed the month at $64,600, up 4% from its opening price of $62,100."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(64600.0, "close"), (62100.0, "open")}


def test_a_security_or_a_flow_as_subject_is_not_the_coin_but_a_futures_contract_is():
    assert found("Units of the fund's ether class closed Tuesday at C$7.15 in Toronto.") == set()
    assert found("Monthly bitcoin sales at the desk stayed under $20,000.") == set()
    assert found("Bitcoin's December contract settled at $41,300 on Friday.") == {("BTC", 41300.0, "USD")}


def test_chart_words_a_distance_and_money_moved_or_charged():
    text = "The March 2 rejection at $3,720 still caps ether, and candles sit in a band barely $150 wide."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(3720.0, "high")}
    assert found("With bitcoin this far above $60,000, few expect a retest soon.") == set()
    assert found("Agents were charging as much as N2,000 to hand out N10,000 of bitcoin proceeds.") == set()
    assert found("A 1% levy applies to bitcoin transfers above Rs 10,000.") == set()


def test_a_record_named_after_two_adjuncts_and_a_fraction_of_a_peak():
    text = "Avalanche rose as high as $146 on Binance on Tuesday, another record, after a 60% month."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(146.0, "ath")}
    text = "By Friday ether had slipped back to $1,210, barely half its May peak."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(1210.0, "low")}


def test_a_coin_inside_an_apposition_only_describes_the_coin_before_it():
    text = "Polygon's POL, the token of Ethereum's busiest sidechain, slid 8% to $0.41."
    assert {(p.asset, p.value) for p in facts_of(text).prices} == {("MATIC", 0.41)}


def test_the_mark_of_a_value_crossed_is_a_level():
    text = "Ether fell below the closely watched mark of $1,000 on Saturday."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(1000.0, "level")}


def test_a_told_extreme_before_a_new_clause_and_a_floor_found():
    text = "After reaching $4,090 in March, ether slid to $2,870 by early May."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(4090.0, "high"), (2870.0, "low")}
    text = "Solana is trading around $142 after bouncing off the $131 support overnight."
    assert {(p.value, p.kind) for p in facts_of(text).prices} == {(142.0, "spot"), (131.0, "low")}
    assert {(p.value, p.kind) for p in facts_of("XRP found support near $0.47 on Tuesday.").prices} == {(0.47, "low")}
    assert found("Ether could be reaching $5,000 within weeks.") == set()
