"""Digits with a currency word ("62 grand", "5 million reais") and percentages in words
("fell twelve percent", "half a per cent"): each must read exactly as its symbol or digit
form does, on its own and through the NLP stage, and their false friends ("the 2 grand
prizes", "one hundred percent sure", "paid back in 2024 dollars") as nothing. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest
from test_nlp_number_words import facts_of, figures_of, prices_of

from newsmine.nlp.number_words import parse_cardinal
from newsmine.nlp.numbers import find_money, find_percents


def read(text: str) -> list[tuple[float, str | None, bool]]:
    return [(round(a.value, 6), a.currency, a.scaled) for a in find_money(text)]


# (digits with a currency word, the same amount with a symbol, or in words where no symbol is read)
MONEY_PAIRS = [
    ("47 grand", "$47,000"),
    ("7 million reais", "R$7 million"),
    ("83,500 US dollars", "US$83,500"),
    ("35 thousand bucks", "$35 thousand"),
    ("2.7 billion naira", "two point seven billion naira"),
    ("410 million Turkish lira", "four hundred and ten million Turkish lira"),
    ("52,300 Euros", "€52,300"),
    ("1.4 million Canadian dollars", "C$1.4 million"),
    ("18,000 rupee", "₹18,000"),
    ("64 cents", "$0.64"),
    # translated copy: a number in parts, and a decimal comma before a scale
    ("18 million 600 thousand won", "₩18.6 million"),
    ("73 thousand 600 dollars", "$73,600"),
    ("23,5 million won", "₩23.5 million"),
]


@pytest.mark.parametrize("words,symbol", MONEY_PAIRS)
def test_digits_with_a_currency_word_read_like_the_symbol_form(words, symbol):
    text = f"The broker quoted {words} on the call."
    [amount] = find_money(text)
    assert text[amount.start:amount.end] == words and amount.explicit_currency
    assert read(f"The broker quoted {symbol} on the call.") == read(text)


@pytest.mark.parametrize("text,expected", [
    ("Winners shared the 3 grand prizes and a 2 grand total.", []),
    ("The 2024 Grand Prix paid out in cash.", []),
    ("Creditors are being repaid in 2024 dollars, in 1999 euros even.", []),
    ("Her party in 2020 won the vote.", []),
    ("The desk trades 24/7, 365 days a year.", []),
    ("The coin fell to 2024 dollars, a comma short of a year.", [(2024.0, "USD", False)]),
    ("Half a grand went on fees.", [(500.0, "USD", False)]),
])
def test_false_friends_and_years(text, expected):
    assert read(text) == expected


def test_a_comma_before_one_or_two_digits_and_a_percent_sign_is_a_decimal_comma():
    assert [a.value for a in find_percents("Bitcoin ended within 1,1% of its open and 2,25 percent below the high.")] == [
        1.1, 2.25]


@pytest.mark.parametrize("words,value", [
    ("twelve percent", 12.0), ("twenty-five per cent", 25.0), ("three point five percent", 3.5),
    ("half a percent", 0.5), ("a half percentage point", 0.5), ("one and a half percent", 1.5),
    ("Forty Percent", 40.0), ("a hundred and ten pct", 110.0), ("two point oh five percentage points", 2.05),
])
def test_percentages_in_words_values_and_spans(words, value):
    text = f"Over the session it moved {words}, the screen showed."
    [pct] = find_percents(text)
    assert pct.value == pytest.approx(value) and pct.currency is None and not pct.scaled
    assert text[pct.start:pct.end] == words


def test_percentages_in_words_and_digits_keep_their_order():
    text = "From -4% to nine percent, then 11 per cent and nineteen ninety percent."
    # "nineteen ninety percent" is ambiguous (1,990 or 19.90) and read as nothing, as money is
    assert [(a.value, text[a.start:a.end]) for a in find_percents(text)] == [
        (-4.0, "-4%"), (9.0, "nine percent"), (11.0, "11 per cent")]
    assert find_percents("They run 24/7 and pay one of the fees.") == ()


@pytest.mark.parametrize("words,expected", [
    (["half", "a"], 0.5), (["a", "half"], 0.5), (["half"], None), (["a", "half", "a"], None),
])
def test_a_bare_half_is_a_cardinal(words, expected):
    parsed = parse_cardinal(words)
    assert (parsed[0] if parsed else None) == expected


# (the new form, its reference form, what the reference gives): the NLP stage must give both the
# same prices and figures; a digit+word price reads as its symbol form, a percentage in words as its
# digits (a forecast: nothing for either)
FORM_PAIRS = [
    ("Bitcoin sank to 58 grand during the Asian session.", "Bitcoin sank to $58,000 during the Asian session.",
     {"low"}),
    ("In São Paulo, bitcoin changed hands at 512,000 reais on Mercado Bitcoin.",
     "In São Paulo, bitcoin changed hands at R$512,000 on Mercado Bitcoin.", {"spot"}),
    ("Ether topped out at 3,950 US dollars before sellers returned.",
     "Ether topped out at US$3,950 before sellers returned.", {"high"}),
    ("Bitcoin was last at 129,000 Canadian dollars on a Toronto venue.",
     "Bitcoin was last at C$129,000 on a Toronto venue.", {"spot"}),
    ("Analysts on the stream said ether could reach 9 grand by spring.",
     "Analysts on the stream said ether could reach $9,000 by spring.", set()),
    ("Bitcoin fell twelve percent on Wednesday as miners sold.", "Bitcoin fell 12% on Wednesday as miners sold.",
     {"percent_change"}),
    ("Ether is up twenty-five per cent this week, the host said.", "Ether is up 25% this week, the host said.",
     {"percent_change"}),
    ("Solana suffered a three point five percent drop in 24 hours.", "Solana suffered a 3.5% drop in 24 hours.",
     {"percent_change"}),
    ("XRP ended down by half a percent on the day.", "XRP ended down by 0.5% on the day.", {"percent_change"}),
    ("Dogecoin slid nine percent to $0.21 after the post.", "Dogecoin slid 9% to $0.21 after the post.",
     {"percent_change", "low"}),
    ("Bitcoin funding on Bybit sat at negative 0.02% per eight hours.",
     "Bitcoin funding on Bybit sat at -0.02% per eight hours.", {"funding_rate"}),
    ("On CME, bitcoin futures showed an annualised basis of minus 6%.",
     "On CME, bitcoin futures showed an annualised basis of -6%.", {"basis"}),
]


def test_a_sign_in_words_makes_a_percentage_negative():
    text = "Funding held at negative 0.01%, the basis at minus four percent, and non-negative 3% or Minus 2% elsewhere."
    assert [(a.value, text[a.start:a.end]) for a in find_percents(text)] == [
        (-0.01, "0.01%"), (-4.0, "four percent"), (3.0, "3%"), (-2.0, "2%")]


@pytest.mark.parametrize("form,reference,kinds", FORM_PAIRS)
def test_a_new_form_gives_the_facts_of_its_reference(form, reference, kinds):
    prices, figures = prices_of(reference), figures_of(reference)
    assert {p[3] for p in prices} | {f[0] for f in figures} == kinds
    assert (prices_of(form), figures_of(form)) == (prices, figures)


def test_lira_price_and_liquidations_in_bucks():
    assert prices_of("In Istanbul bitcoin traded at 3.9 million Turkish lira on Thursday.") == {
        ("BTC", 3.9e6, "TRY", "spot")}
    words = "Roughly 240 million bucks of shorts were liquidated on OKX in 24 hours as bitcoin spiked."
    assert figures_of(words) == figures_of(words.replace("240 million bucks", "$240 million")) == {
        ("liquidations", 2.4e8, "USD", "short", "OKX", "24h")}


def test_false_friends_give_no_facts():
    text = ("Bitcoin rose on Monday, and one trader was one hundred percent sure it would keep going. "
            "Ether climbed while its fans bid it up a hundred percent of the time. "
            "Bitcoin gained as a rival exchange said it was 100 percent confident in its reserves. "
            "Solana's team handed out the 2 grand prizes at its conference. "
            "Creditors of the bitcoin lender are being paid back in 2024 dollars. "
            "The market for ether never closes: it trades 24/7.")
    facts = facts_of(text)
    assert facts.prices == [] and facts.figures == []
