"""Prices in translated editions, DeFi and NFT desks, treasury coverage and ranked lists:
number and currency forms of other languages, a coin's worth told in other words, coins
restated in money, and list rows. Every sentence is written for these tests."""

from __future__ import annotations

from newsmine.nlp import extract_facts
from newsmine.nlp.numbers import decimal_comma, find_money
from newsmine.records import Article


def prices_of(text: str) -> set[tuple[str, float, str, str]]:
    facts = extract_facts([Article(source="t", text=text, published="2022-03-01T06:00:00+00:00")])[0]
    return {(p.asset, round(p.value, 12), p.currency, p.kind) for p in facts.prices}


def test_thousands_grouped_with_a_space_before_a_currency_word():
    assert prices_of("By evening, bitcoin was at 38 950 dollars.") == {("BTC", 38950.0, "USD", "spot")}
    assert prices_of("Ether climbed by 7% to 3 140 dollars.") == {("ETH", 3140.0, "USD", "high")}
    # without a currency word the space separates two numbers
    assert [a.value for a in find_money("In 2021 350 dollars bought a tenth of a coin.")] == [350.0]


def test_currency_words_of_translated_copy():
    assert [(a.value, a.currency) for a in find_money("the rate fell to 41,250 US-Dollar")] == [(41250.0, "USD")]
    assert [(a.value, a.currency) for a in find_money("a coin costs 5 100 000 rubles")] == [(5100000.0, "RUB")]
    assert [(a.value, a.currency) for a in find_money("it rose to 1.2 million TL")] == [(1.2e6, "TRY")]


def test_thousands_grouped_with_points_or_spaces_after_a_sign():
    assert [(a.value, a.currency) for a in find_money("quoted at US$ 62 140 on Thursday")] == [(62140.0, "USD")]
    assert [(a.value, a.currency) for a in find_money("a record ₽10 870 000 in the evening")] == [(10870000.0, "RUB")]
    assert [(a.value, a.currency) for a in find_money("it touched Rp1.050.000.000 on Indodax")] == [(1.05e9, "IDR")]
    # a rupiah or a dong has no cents: a point before three digits groups thousands
    assert [(a.value, a.currency) for a in find_money("tether at Rp 15.480 on Tokocrypto")] == [(15480.0, "IDR")]
    assert [(a.value, a.currency) for a in find_money("bitcoin at VND1.83 billion")] == [(1.83e9, "VND")]
    assert [(a.value, a.currency) for a in find_money("bitcoin at ฿3,310,000 on Bitkub")] == [(3310000.0, "THB")]
    # a dollar amount keeps its decimal point, and two numbers apart stay apart
    assert [a.value for a in find_money("ADA at $0.360 and SOL at $3.250")] == [0.36, 3.25]
    assert [a.value for a in find_money("it rose to $62,140 on 5 200 trades")] == [62140.0]


def test_a_day_and_month_written_with_a_point_is_no_decimal_point():
    assert decimal_comma("On Friday, 11.03, the volume reached 2,4 billion rubles.")
    assert decimal_comma("Trading has been heavy since 24.02, with funding at 0,05 percent.")
    assert not decimal_comma("Ether rose to 11.03 in sterling terms, up 2,4 percent.")
    assert prices_of("On Friday, 11.03, bitcoin reached a maximum of 3,86 million rubles.") == {
        ("BTC", 3860000.0, "RUB", "high")}


def test_what_one_coin_costs_is_its_price():
    assert prices_of("In the morning bitcoin stood at 37,900 euros, and Ether, the second coin, cost 2,610 euros.") == {
        ("BTC", 37900.0, "EUR", "spot"), ("ETH", 2610.0, "EUR", "spot")}
    assert prices_of("Bitcoin had a volatile week. The digital currency cost 36,400 euros on Sunday.") == {
        ("BTC", 36400.0, "EUR", "spot")}
    assert prices_of("The cost of one bitcoin rose above 3 million rubles for the first time.") == {
        ("BTC", 3000000.0, "RUB", "level")}
    assert prices_of("The audit valued ether at $1,240 and bitcoin at $16,880.") == {
        ("ETH", 1240.0, "USD", "spot"), ("BTC", 16880.0, "USD", "spot")}
    # what the coins cost to run is still a size
    assert prices_of("The miner said its costs ran to $2.1 million in the quarter as bitcoin fell.") == set()


def test_a_sentence_that_opens_at_the_extreme_gives_that_side():
    assert prices_of("At the low point, bitcoin cost 33,100 euros on Kraken.") == {("BTC", 33100.0, "EUR", "low")}
    assert prices_of("At its peak on Tuesday, solana changed hands at $259.") == {("SOL", 259.0, "USD", "high")}


def test_coins_restated_in_money_are_a_sum_not_a_price():
    assert prices_of("A punk from the collection sold for 4,200 ETH, or about $7.6 million, on Friday.") == set()
    assert prices_of("The game's priciest kitten went for 61.5 ETH, or about $98,300.") == set()
    assert prices_of("Ether traded at $1,600, or about 1.1 million won on Upbit.") == {
        ("ETH", 1600.0, "USD", "spot"), ("ETH", 1100000.0, "KRW", "spot")}


def test_a_price_restated_as_equivalent_is_spot():
    assert prices_of("SAND fell to 0.41 USD, equivalent to about 9,600 dong.") == {
        ("SAND", 0.41, "USD", "low"), ("SAND", 9600.0, "VND", "spot")}


def test_a_list_row_names_its_amount_after_a_colon():
    assert prices_of("2. $4,870: ether's (ETH) new all-time high, set on Sunday night.") == {("ETH", 4870.0, "USD", "ath")}


def test_subscript_zero_notation_counts_the_zeros_after_the_point():
    assert [a.value for a in find_money("PEPE was quoted at $0.0₅8412 in the morning")] == [0.000008412]
    assert prices_of("ApeCoin slid 6% to $1.52 on Tuesday.") == {("APE", 1.52, "USD", "low")}


def test_a_price_past_the_old_record_is_the_new_record():
    assert prices_of("Solana climbed to $262 on Binance, topping its previous record of $259 from 2021.") == {
        ("SOL", 262.0, "USD", "ath"), ("SOL", 259.0, "USD", "ath")}


def test_a_round_amount_lost_or_regained_is_the_mark():
    assert prices_of("Ether had a worse week still and lost the $2,000 on Thursday.") == {("ETH", 2000.0, "USD", "level")}
    assert prices_of("Ether lost the $2,013 it had held for a week.") == {("ETH", 2013.0, "USD", "low")}


def test_a_gap_told_by_an_amount_is_no_price():
    assert prices_of("Bitcoin's lump-sum buyer still trails the monthly saver by more than $14,000.") == set()


def test_the_close_of_the_edition_is_the_time_of_writing():
    assert prices_of("On Bitstamp, ether was quoted at 2,215 dollars at the close of this edition.") == {
        ("ETH", 2215.0, "USD", "spot")}


def test_a_deal_price_per_coin_and_a_tax_allowance_are_no_prices():
    assert prices_of("In 2021 I put $9,000 into two ether, at about $4,500 each, and held on.") == set()
    assert prices_of("The fund sold its SOL in over-the-counter deals at $21 a token, filings show.") == set()
    assert prices_of("The annual bitcoin tax allowance was £12,300 that year.") == set()
    # the market's own price stays a price
    assert prices_of("Ether traded at $4,500 on Monday.") == {("ETH", 4500.0, "USD", "spot")}


def test_alerts_run_together_on_one_line_are_read_one_by_one():
    log = "The exchange says customer funds remain backed one to one ALERT 19:48 Fri: ETH back above $2,650 · now $2,668"
    assert prices_of(log) == {("ETH", 2650.0, "USD", "level"), ("ETH", 2668.0, "USD", "spot")}
