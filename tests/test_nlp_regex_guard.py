"""``guarded`` compiles a pattern that finds exactly what ``re.compile`` finds, only sooner."""

import importlib
import pkgutil
import re

import pytest

import newsmine.nlp
from newsmine.corpus import load
from newsmine.nlp.regex_guard import guarded


def _found(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_guard_is_a_lookahead_for_the_first_characters():
    assert guarded(r"\b(?:ratio|pair|cross)\b", re.I).pattern == r"(?=[rpc])(?:\b(?:ratio|pair|cross)\b)"
    assert guarded(r"(?<!Mr)[.!?]").pattern.startswith(r"(?=[\.!\?])")


def test_every_alternative_is_guarded_and_found():
    pattern = guarded(r"week\b|\bmonthly|30 days")
    assert pattern.pattern.startswith("(?=[wm3])(?:")
    assert [m.group() for m in pattern.finditer("a week, monthly, 30 days")] == ["week", "monthly", "30 days"]


def test_case_insensitive_pattern_keeps_its_flags():
    assert [m.group() for m in guarded(r"\bbtc\b", re.I).finditer("BTC, btc and Btc")] == ["BTC", "btc", "Btc"]
    # the Kelvin sign folds to "k" under re.I: the guard folds it too
    assert guarded(r"\bk\b", re.I).search("\u212a") is not None


@pytest.mark.parametrize("source", [r"a*b?", r"\w+ed", r"(?i:coin)s", r".x", r"[^a]b"])
def test_no_guard_where_the_first_character_is_open(source):
    assert guarded(source).pattern == source  # may match empty, starts with any word or character, scoped flags


def test_optional_lead_adds_what_follows():
    pattern = guarded(r"(?P<sign>[-+])?\d+%")
    assert pattern.pattern.startswith(r"(?=[\-\+\d])")
    assert [m.group() for m in pattern.finditer("-4% and 12% and +3%")] == ["-4%", "12%", "+3%"]


def _guarded_rule_patterns():
    for info in pkgutil.iter_modules(newsmine.nlp.__path__):
        module = importlib.import_module(f"newsmine.nlp.{info.name}")
        for name, value in vars(module).items():
            listed = value if isinstance(value, tuple) else (value,)  # ("newcoins._INTRODUCTIONS")
            for n, item in enumerate(listed):
                if isinstance(item, re.Pattern) and item.pattern.startswith("(?=["):
                    yield f"{info.name}.{name}[{n}]", item


def test_rule_patterns_find_what_their_unguarded_form_finds():
    texts = [article.text for article in load()]
    patterns = dict(_guarded_rule_patterns())
    assert {"quote_marks.SENT_END[0]", "numbers.PERCENT_RE[0]", "newcoins._INTRODUCTIONS[0]"} <= set(patterns)
    for name, pattern in patterns.items():
        plain = re.compile(pattern.pattern[pattern.pattern.index("])(?:") + 5:-1], pattern.flags)
        assert guarded(plain.pattern, plain.flags).pattern == pattern.pattern, name
        for text in texts:
            assert _found(pattern, text) == _found(plain, text), name
