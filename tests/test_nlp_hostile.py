"""Hostile input: absurd numbers, quote storms, huge tokens, NUL bytes.

Each case must finish quickly, crash nothing, keep offsets valid and every
number finite (the JSON contract is strict).
"""

from __future__ import annotations

import json
import math
import time

import pytest

from newsmine.nlp import extract_facts
from newsmine.nlp.pipeline import MAX_CHARS, chunk_bounds
from newsmine.records import Analysis, Article

HOSTILE = {
    "absurd_numbers": "Bitcoin rose to $1e308 and $" + "9" * 30 + " then fell NaN% and inf% to $nan. "
                      "Ether hit $999,999,999,999,999.99 and 1" + "0" * 400 + "% higher.",
    "quote_storm": 'He said "' + '"a" ' * 3000 + " and “unbalanced ” ” “ " * 500,
    "unbalanced": 'Bitcoin fell to $30,000. "This never closes, said nobody\n\n"Nor this one',
    "huge_token": "Bitcoin " + "x" * 2_000_000 + " rose to $31,444.",
    "nul_bytes": "Bitcoin\x00 fell\x00 to $31,444\x00 on Binance.\x00\x01\x02 \"Ouch,\x00\" said Jo Smith.",
    "empty": "",
    "only_space": "   \n\n\t ",
}


@pytest.fixture(scope="module")
def results():
    articles = [Article(source=name, text=text, published="not a date") for name, text in HOSTILE.items()]
    started = time.perf_counter()
    facts = extract_facts(articles)
    return dict(zip(HOSTILE, facts)), time.perf_counter() - started


def test_bounded_time(results):
    _, seconds = results
    assert seconds < 60


@pytest.mark.parametrize("name", list(HOSTILE))
def test_finite_values_valid_spans_strict_json(results, name):
    facts = results[0][name]
    text = HOSTILE[name]
    for item in [*facts.prices, *facts.figures]:
        assert math.isfinite(item.value) and abs(item.value) < 1e16
    for item in [*facts.prices, *facts.figures, *facts.quotes, *facts.sentences]:
        assert 0 <= item.start <= item.end <= min(len(text), MAX_CHARS)
    json.dumps(Analysis(article=Article(source=name, text=text), facts=facts).to_json(), allow_nan=False)


def test_nul_bytes_keep_offsets_and_facts(results):
    facts = results[0]["nul_bytes"]
    [price] = facts.prices
    assert HOSTILE["nul_bytes"][price.start:price.end] == "$31,444"
    assert [e.name for e in facts.exchanges] == ["Binance"]


def test_absurd_numbers_are_dropped(results):
    values = {p.value for p in results[0]["absurd_numbers"].prices}
    assert values <= {999999999999999.99}


def test_huge_text_is_capped_and_chunked():
    bounds = chunk_bounds("word " * 10_000, size=1000)
    assert all(e - s <= 1000 for s, e in bounds)
    assert bounds[0][0] == 0 and bounds[-1][1] == 50_000
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
