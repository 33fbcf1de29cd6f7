"""Amounts written in words, as transcripts, podcasts, tabloids and translated editions
write them: read on their own (values and spans) and through the NLP stage, where a
spelled-out amount must come out exactly as its digit form would. Every sentence is
written for these tests."""

from __future__ import annotations

import pytest

from newsmine.nlp import extract_facts
from newsmine.nlp.number_words import parse_cardinal
from newsmine.nlp.numbers import find_money
from newsmine.records import Article


def facts_of(text: str):
    return extract_facts([Article(source="t", text=text, published="2025-03-10T09:00:00+00:00")])[0]


def prices_of(text: str) -> set[tuple[str, float, str, str]]:
    return {(p.asset, round(p.value, 6), p.currency, p.kind) for p in facts_of(text).prices}


def figures_of(text: str) -> set[tuple]:
    return {(f.kind, round(f.value, 6), f.unit, f.side, f.venue, f.period) for f in facts_of(text).figures}


@pytest.mark.parametrize("words,value,currency,scaled", [
    ("seventy-three thousand dollars", 73000.0, "USD", False),
    ("forty-one grand", 41000.0, "USD", False),
    ("three point six billion dollars", 3.6e9, "USD", True),
    ("a hundred and eighteen thousand dollars", 118000.0, "USD", False),
    ("thirty thousand bucks", 30000.0, "USD", False),
    ("half a billion dollars", 5e8, "USD", True),
    ("two and a half million euros", 2.5e6, "EUR", True),
    ("a million and a half pounds", 1.5e6, "GBP", True),
    ("eighty-four hundred dollars", 8400.0, "USD", False),
    ("four million two hundred thousand US dollars", 4.2e6, "USD", True),
    ("ninety-one thousand U.S. dollars", 91000.0, "USD", False),
    ("sixty thousand Canadian dollars", 60000.0, "CAD", False),
    ("nine hundred million won", 9e8, "KRW", True),
    ("twelve million yen", 1.2e7, "JPY", True),
    ("three hundred and forty thousand rupees", 340000.0, "INR", False),
    ("five hundred thousand reais", 500000.0, "BRL", False),
    ("three million Turkish lira", 3e6, "TRY", True),
    ("eighty million naira", 8e7, "NGN", True),
    ("sixty-five cents", 0.65, "USD", False),
    ("one dollar", 1.0, "USD", False),
    ("Eighty-Eight Thousand Dollars", 88000.0, "USD", False),
    ("two point oh five trillion dollars", 2.05e12, "USD", True),
])
def test_spelled_amounts_values_and_spans(words, value, currency, scaled):
    text = f"The desk said {words}, give or take."
    [amount] = find_money(text)
    assert amount.value == pytest.approx(value) and amount.currency == currency
    assert text[amount.start:amount.end] == words  # the span is the words as written
    assert amount.scaled is scaled and amount.explicit_currency


@pytest.mark.parametrize("text", [
    "One of the traders said it was a million reasons to stay out.",
    "Only a couple of thousand dollars changed hands per wallet.",
    "The ten-year Treasury yield rose for a second session.",
    "Several million dollars and hundreds of millions of dollars were mentioned, and tens of thousands of dollars.",
    "The first million dollars is the hardest, and the third billion dollars came faster.",
    "That is the million-dollar question for a billion-dollar company with ten-dollar bills.",
    "He kept a one dollar coin and two one-dollar notes on the desk.",
    "Which one won the vote was never clear, and one won't say.",
    "A grand total of two grand prizes went unclaimed.",
    "The top-ten dollars of volume came from no-one dollars.",
])
def test_false_friends_are_no_amounts(text):
    assert find_money(text) == ()


def test_amounts_in_a_sentence_keep_their_order_and_digits_win():
    text = "From $88,000 to ninety-two thousand dollars, then 95 thousand dollars and sixty grand."
    assert [(a.value, text[a.start:a.end]) for a in find_money(text)] == [
        (88000.0, "$88,000"), (92000.0, "ninety-two thousand dollars"),
        (95000.0, "95 thousand dollars"), (60000.0, "sixty grand")]
    # a number word before the one read would make it ambiguous: no "$95"
    assert find_money("it cost nineteen ninety-five dollars") == ()
    # "at one point" is an idiom, not a decimal
    [a] = find_money("It was at one point seventy thousand dollars.")
    assert a.value == 70000.0


@pytest.mark.parametrize("words,expected", [
    ("a hundred and twelve thousand", 112000.0), ("twenty-one hundred", 2100.0), ("half a million", 5e5),
    ("a half million", 5e5), ("one and a half billion", 1.5e9), ("seven million and twelve", 7000012.0),
    ("two point four five", 2.45), ("thousand", None), ("a", None), ("three hundred and", None),
    ("twenty twenty", None), ("point five", None), ("a thousand million", None),
])
def test_parse_cardinal(words, expected):
    parsed = parse_cardinal(words.replace("-", " ").split())
    assert (parsed[0] if parsed else None) == (pytest.approx(expected) if expected else None)


# (spelled, digits): the same sentence; the NLP stage must give the same prices for both
# (a forecast and a support level: none for either)
PAIRS = [
    ("On the morning show the host said bitcoin slid to seventy-eight thousand dollars before lunch.",
     "On the morning show the host said bitcoin slid to $78,000 before lunch."),
    ("Ether hit a record high of four thousand eight hundred and seventy dollars overnight, she told listeners.",
     "Ether hit a record high of $4,870 overnight, she told listeners."),
    ("Solana is changing hands at about a hundred and sixty-two dollars right now.",
     "Solana is changing hands at about $162 right now."),
    ("XRP broke above one dollar for the first time since the lawsuit.",
     "XRP broke above $1 for the first time since the lawsuit."),
    ("Bitcoin closed the week at sixty-one grand, according to the anchor.",
     "Bitcoin closed the week at $61,000, according to the anchor."),
    ("Dogecoin peaked at forty-three cents before the selling began.",
     "Dogecoin peaked at 43 cents before the selling began."),
    ("In Seoul bitcoin traded at ninety-five million won on Upbit.",
     "In Seoul bitcoin traded at 95 million won on Upbit."),
    ("Analysts on the panel said bitcoin could reach a hundred and fifty thousand dollars by December.",
     "Analysts on the panel said bitcoin could reach $150,000 by December."),
    ("Support for ether sits at two thousand five hundred dollars, the guest said.",
     "Support for ether sits at $2,500, the guest said."),
]


@pytest.mark.parametrize("spelled,digits", PAIRS)
def test_spelled_amount_behaves_like_its_digit_form(spelled, digits):
    expected = prices_of(digits)
    assert prices_of(spelled) == expected
    assert bool(expected) == ("could" not in digits and "Support" not in digits)


def test_transcript_line_gives_a_price_with_value_and_kind():
    text = ("HOST: Welcome back. Bitcoin tumbled to eighty-six thousand five hundred dollars on Thursday, "
            "and ether dropped to two thousand one hundred dollars.")
    assert prices_of(text) == {("BTC", 86500.0, "USD", "low"), ("ETH", 2100.0, "USD", "low")}
    [price] = [p for p in facts_of(text).prices if p.asset == "BTC"]
    assert text[price.start:price.end] == "eighty-six thousand five hundred dollars"


def test_spelled_liquidations_are_figures():
    text = ("Roughly half a billion dollars of long positions were liquidated on Bybit in twenty-four hours, "
            "the presenter said.")
    assert figures_of(text) == {("liquidations", 5e8, "USD", "long", "Bybit", "24h")}
    text = "Traders watched one and a half million euros in shorts get liquidated on Kraken as ether spiked."
    assert figures_of(text) == {("liquidations", 1.5e6, "EUR", "short", "Kraken", None)}
    text = "Open interest in bitcoin futures climbed to a record three point two billion dollars on CME."
    assert figures_of(text) == {("open_interest", 3.2e9, "USD", None, "CME", None)}


def test_false_friends_give_no_facts():
    text = ("One of the hosts said there are a million reasons to hold bitcoin. "
            "The ten-year Treasury yield climbed for a second day. "
            "He framed a one dollar coin from his first trade. "
            "That is the billion-dollar question for anyone who liquidated a couple of thousand dollars of longs.")
    facts = facts_of(text)
    assert facts.prices == [] and facts.figures == []


def test_undirected_moves_and_distances_read_alike_in_words_and_digits():
    # a move told by its two ends with "went"/"moved": the second end is the top (or bottom)
    for amount in ("seventy-two thousand dollars", "$72,000"):
        assert prices_of(f"Over the weekend bitcoin moved from about $66,500 to nearly {amount}.") == {
            ("BTC", 66500.0, "USD", "spot"), ("BTC", 72000.0, "USD", "high")}
    assert ("ETH", 1900.0, "USD", "low") in prices_of("Ether went from $2,300 to $1,900 in a single session.")
    # a distance from where the market stood is no level
    for amount in ("three thousand dollars", "$3,000"):
        assert prices_of(f"Bitcoin is at $70,200, roughly {amount} below where it opened the week.") == {
            ("BTC", 70200.0, "USD", "spot")}
