"""Classes of price phrasing in crypto and financial news beyond the plain market report:
other numbering systems and quote currencies, claims and cost bases, corrections, scenario
forecasts and terse digest lines. Every sentence is written for these tests."""

from __future__ import annotations

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


def test_an_amount_never_stops_before_its_decimals():
    assert [a.value for a in find_money("a $2.3trn market")] == [2.3e12]
    assert [a.value for a in find_money("PEPE at $0.000012345 and $0.00000081")] == [0.000012345, 0.00000081]
    assert prices_of("The memecoin traded at $0.000012345, with the market worth $2.3trn.") == set()
    assert prices_of("Shiba Inu traded at $0.000012345 on Monday.") == {("SHIB", 0.000012345, "USD", "spot")}


def test_prices_quoted_in_stablecoins():
    assert prices_of("On Binance the BTC/USDT pair was last quoted at 111,380 USDT.") == {
        ("BTC", 111380.0, "USDT", "spot")}
    assert prices_of("Ether changed hands at 3,412.5 USDC on the DEX.") == {("ETH", 3412.5, "USDC", "spot")}
