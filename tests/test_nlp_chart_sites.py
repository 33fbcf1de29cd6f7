"""Prices in chart-analysis sites, research notes and wire copy: questions in subheads,
indicator lines, levels named in apposition and labelled data lines. Every sentence is
written for these tests."""

from __future__ import annotations

from newsmine.nlp import extract_facts
from newsmine.records import Article


def prices_of(text: str) -> set[tuple[str, float, str, str]]:
    facts = extract_facts([Article(source="t", text=text, published="2024-03-11T06:00:00+00:00")])[0]
    return {(p.asset, round(p.value, 8), p.currency, p.kind) for p in facts.prices}


def test_a_yes_no_question_asks_about_a_level_a_why_question_reports_one():
    assert prices_of("Can SOL reclaim $200?") == set()
    assert prices_of("ETH price analysis: Can bulls push to $6,000?") == set()
    assert prices_of("Bitcoin Slides Below $4,500 on Exchange Jitters – Is $3,000 Next?") == {("BTC", 4500.0, "USD", "level")}
    assert prices_of("Why did bitcoin fall to $25,000 on Monday?") == {("BTC", 25000.0, "USD", "low")}


def test_indicator_lines_and_chart_zones_are_no_prices():
    assert prices_of("Ether still holds above the 50-day EMA near $3,120.") == set()
    assert prices_of("The 0.618 Fibonacci retracement of the whole March advance lies at $2.75.") == set()
    assert prices_of("For XRP, the next key area is the $0.48 order block.") == set()
    assert prices_of("The invalidation for the bullish setup in ADA is a daily close below $0.52.") == set()
    assert prices_of("Sellers showed up each time the bitcoin price approached $72,000.") == set()


def test_a_level_named_in_apposition_was_reached():
    assert prices_of("Bitcoin bulls need to reclaim $64,800, the weekly open, to turn the picture.") == {
        ("BTC", 64800.0, "USD", "open")}
    assert prices_of("For BNB, support lies at $650, the previous record from March.") == {("BNB", 650.0, "USD", "ath")}
    # an indefinite "a record" tells what crossing the level meant, not which price it was
    assert prices_of("Ether traded above $4,000, a record for the quarter.") == {("ETH", 4000.0, "USD", "level")}


def test_a_lost_support_is_a_level_crossed():
    assert prices_of("XRP lost the $0.60 support on Friday.") == {("XRP", 0.6, "USD", "level")}
    assert prices_of("BTC has lost the $80,000 psychological level overnight.") == {("BTC", 80000.0, "USD", "level")}


def test_labelled_data_lines_give_each_price_its_label():
    assert prices_of("Week 12 in numbers (Coinbase BTC/USD): Open $61,200 | High $68,900 | Low $60,750 | Close $67,300") == {
        ("BTC", 61200.0, "USD", "open"), ("BTC", 68900.0, "USD", "high"),
        ("BTC", 60750.0, "USD", "low"), ("BTC", 67300.0, "USD", "close")}
    assert prices_of("• SOL: $142 open, $118 low (the 9th), $127 close; -10.6% MTD") == {
        ("SOL", 142.0, "USD", "open"), ("SOL", 118.0, "USD", "low"), ("SOL", 127.0, "USD", "close")}
    assert prices_of("Month-end table (close, June 30 | change MTD): BTC | $62,700 | -7.1% ETH | $3,430 | -9.0%") == {
        ("BTC", 62700.0, "USD", "close"), ("ETH", 3430.0, "USD", "close")}


def test_extremes_told_around_the_amount():
    assert prices_of("Bitcoin touched €61,300 on Kraken late on Friday, its highest in euro terms in a month.") == {
        ("BTC", 61300.0, "EUR", "high")}
    assert prices_of("Ether was at about $2,480 on Sunday, two days after it touched $2,210.") == {
        ("ETH", 2480.0, "USD", "spot"), ("ETH", 2210.0, "USD", "low")}
    assert ("SOL", 210.0, "USD", "high") in prices_of("Solana hit $210 before retracing to $188.")
    # a bid for the dip after the touch is no reversal of the move
    assert ("BTC", 60850.0, "USD", "low") in prices_of("Bitcoin sagged again, touching $60,850 before dip buyers stepped in.")


def test_a_new_token_named_by_its_kind_and_a_peg_by_design():
    text = "The Telegram-born memecoin GRUB went live on Monday.\n\nGRUB slid 30% from its listing price to $0.004."
    assert prices_of(text) == {("GRUB", 0.004, "USD", "low")}
    assert prices_of("TerraUSD, a stablecoin designed to hold a value of $1, sank to as little as 23 cents.") == {
        ("UST", 0.23, "USD", "low")}
    text = "Bitcoin is at $8,100. That is a gain of about 40% from the $5,800 it was trading at on May 7."
    assert ("BTC", 5800.0, "USD", "spot") in prices_of(text)


def test_a_key_statistics_box_labels_its_prices():
    text = ("SOL at a glance 24h low / high: $131.20 / $139.75 All-time high: $259.96 (Nov 6, 2021), -47.8% from ATH "
            "All-time low: $0.5052 (May 11, 2020)")
    assert prices_of(text) == {("SOL", 131.2, "USD", "low"), ("SOL", 139.75, "USD", "high"),
                               ("SOL", 259.96, "USD", "ath"), ("SOL", 0.5052, "USD", "atl")}
    # no colon and no separator: the words of the sentence give the kind
    assert prices_of("Bitcoin rose to a record high $21,000 on Monday.") == {("BTC", 21000.0, "USD", "ath")}
    assert prices_of("ADA price prediction (Year | Minimum | Average | Maximum) 2027 | $0.44 | $0.71 | $1.20") == set()
    assert prices_of("The 2016 halving came with bitcoin near $650; a year later it had passed $1,000.") == {
        ("BTC", 650.0, "USD", "spot"), ("BTC", 1000.0, "USD", "level")}


def test_a_tables_column_header_gives_each_cell_its_kind():
    # rows run together on one line: the count of separators tells the column, a range holds a low and a high
    text = ("Markets at 07:00 UTC (last | 24h change | 24h range) SOL/USD 142.30 | -6.1% | 139.80 – 151.20 "
            "AVAX/USD 27.45 | -9.4% | 26.90 – 30.75")
    assert prices_of(text) == {("SOL", 142.3, "USD", "spot"), ("SOL", 139.8, "USD", "low"), ("SOL", 151.2, "USD", "high"),
                               ("AVAX", 27.45, "USD", "spot"), ("AVAX", 26.9, "USD", "low"), ("AVAX", 30.75, "USD", "high")}
    # a row per line, as extracted pages write a table
    text = "LTC yearly candles\nYear | Open | Close | Change\n2022 | $146.30 | $69.90 | -52.2%\n2023 | $69.90 | $73.10 | +4.6%"
    assert prices_of(text) == {("LTC", 146.3, "USD", "open"), ("LTC", 69.9, "USD", "close"), ("LTC", 69.9, "USD", "open"),
                               ("LTC", 73.1, "USD", "close")}


def test_table_fragments_join_their_row_but_never_across_a_line():
    run_together = "Markets (last | 24h change) SOL/USD 142.30 | -6.1% AVAX/USD 27.45 | -9.4%"
    assert not any(s.text.startswith(("%", "|")) for s in extract_facts([Article(source="t", text=run_together)])[0].sentences)
    lines = "| Year | Open | Close |\n| 2022 | $146.30 | $69.90 |\n| 2023 | $69.90 | $73.10 |"
    assert [s.text for s in extract_facts([Article(source="t", text=lines)])[0].sentences] == lines.split("\n")


def test_a_levels_box_labels_a_run_of_slashed_prices_and_its_levels_to_watch():
    text = ("XRP snapshot Session open / high / low: $0.8105 / $0.8530 / $0.7120 Resistance: $0.8000, $0.9380 "
            "Support: $0.7040 (50% Fib), $0.6490 (61.8% Fib), $0.5500 Bias: bullish while above $0.6490")
    assert prices_of(text) == {("XRP", 0.8105, "USD", "open"), ("XRP", 0.853, "USD", "high"), ("XRP", 0.712, "USD", "low")}


def test_a_dotted_table_under_a_comma_listed_header_gives_each_column_its_kind():
    text = ("The week in numbers (Monday open, weekly low, last, 7d change): BTC · $26,580 · $17,622 · $20,240 · "
            "-23.9% SOL · $31.50 · $25.90 · $33.80 · +7.3%")
    assert prices_of(text) == {("BTC", 26580.0, "USD", "open"), ("BTC", 17622.0, "USD", "low"),
                               ("BTC", 20240.0, "USD", "spot"), ("SOL", 31.5, "USD", "open"),
                               ("SOL", 25.9, "USD", "low"), ("SOL", 33.8, "USD", "spot")}


def test_a_table_of_labelled_rows_split_by_slashes_or_semicolons_takes_its_columns_from_a_listed_header():
    # a quarterly review's scorecard, and its rows written out as bare numbers after each coin's name
    text = ("Q3 scorecard (open / high / low / close, change): Bitcoin (BTC): $9,135 / $12,470 / $8,975 / $10,780, "
            "+18% Ether (ETH): $226 / $488 / $223 / $360, +59%")
    assert prices_of(text) == {("BTC", 9135.0, "USD", "open"), ("BTC", 12470.0, "USD", "high"),
                               ("BTC", 8975.0, "USD", "low"), ("BTC", 10780.0, "USD", "close"),
                               ("ETH", 226.0, "USD", "open"), ("ETH", 488.0, "USD", "high"),
                               ("ETH", 223.0, "USD", "low"), ("ETH", 360.0, "USD", "close")}
    text = ("The quarter in numbers (open, high, low, close, all in US dollars): Bitcoin: 107,140; 124,130; 105,250; "
            "114,050 Ether: 2,485; 4,955; 2,375; 4,145")
    assert prices_of(text) == {("BTC", 107140.0, "USD", "open"), ("BTC", 124130.0, "USD", "high"),
                               ("BTC", 105250.0, "USD", "low"), ("BTC", 114050.0, "USD", "close"),
                               ("ETH", 2485.0, "USD", "open"), ("ETH", 4955.0, "USD", "high"),
                               ("ETH", 2375.0, "USD", "low"), ("ETH", 4145.0, "USD", "close")}


def test_a_header_run_into_its_rows_gives_each_cell_its_kind():
    # a paragraph runs the header into the first row: the header ends at the first cell with an amount
    text = ("ETH/USD daily prices (UTC) Date | Open | High | Low | Close | Change Jun 15 | $1,209.10 | $1,246.80 | "
            "$1,075.20 | $1,236.40 | +2.3% Jun 16 | $1,236.40 | $1,240.10 | $1,060.90 | $1,067.30 | -13.7%")
    assert prices_of(text) == {("ETH", 1209.1, "USD", "open"), ("ETH", 1246.8, "USD", "high"),
                               ("ETH", 1075.2, "USD", "low"), ("ETH", 1236.4, "USD", "close"),
                               ("ETH", 1236.4, "USD", "open"), ("ETH", 1240.1, "USD", "high"),
                               ("ETH", 1060.9, "USD", "low"), ("ETH", 1067.3, "USD", "close")}
    # ... and a table of forecasts run together the same way holds no prices
    assert prices_of("Solana price prediction table Year | Minimum | Average | Maximum 2025 | $245 | $360 | $495 "
                     "2030 | $610 | $1,050 | $1,480") == set()


def test_a_24_hour_extreme_equal_to_the_record_is_listed_once_as_the_record():
    text = "BTC at a glance 24h low / 24h high: $70,910 / $73,794 All-time high: $73,794 (Mar 14, 2024)"
    assert prices_of(text) == {("BTC", 70910.0, "USD", "low"), ("BTC", 73794.0, "USD", "ath")}
