"""Rendering helpers: highlighting by original offsets, sparklines that fit, numbers for people, CSV/JSON."""

import io
import json
from datetime import datetime, timezone

import pytest
from rich.console import Console

from newsmine.query import PriceRow, utc_bound
from newsmine.report import emit, highlighted, number, spark
from newsmine.report.dashboard import merge


def test_highlight_keeps_offsets_of_the_original_text():
    text = "A\x1b[31m B \x07fell to $48,000 [bold]today[/]."
    start = text.index("$48,000")
    out = highlighted(text, [(start, start + 7, "green"), (0, len(text), "underline"), (None, 3, "red")])
    assert out.plain == "A B fell to $48,000 [bold]today[/]."  # controls gone, markup literal
    spans = {(out.plain[s.start:s.end], str(s.style)) for s in out.spans}
    assert ("$48,000", "green") in spans  # overlapping spans both apply
    assert any(style == "underline" and len(piece) == len(out.plain) for piece, style in spans)


def test_sparkline_fits_and_scales():
    assert spark([0, 5, 10], 10) == "▁▅█"
    assert spark([0, 0], 10) == "▁▁"
    wide = spark(list(range(100)), 12)
    assert len(wide) <= 12 and wide[-1] == "█"
    assert merge([1, 2, 3, 4, 5], 2) == [2.0, 4.5]  # means: a short last group is no dip


@pytest.mark.parametrize("value, unit, shown", [
    (135e6, "USD", "$135.00M"), (2.7e9, "USD", "$2.70B"), (48000.0, "USD", "$48,000"), (0.07, "percent", "0.07%"),
    (1.25, "USD", "$1.25"), (88.5, "JPY", "88.5 JPY"), (None, "USD", ""),
    (0.2117, "USD", "$0.2117"), (0.01766, "BTC", "0.01766 BTC"), (0.00001234, "USD", "$0.00001234"), (0.0, "USD", "$0"),
])
def test_numbers_for_people(value, unit, shown):
    assert number(value, unit) == shown


def test_relative_and_zoned_bounds():
    now = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)
    assert utc_bound("7d", upper=False, now=now) == "2024-03-03T12:00:00Z"
    assert utc_bound("12h", upper=False, now=now) == "2024-03-10T00:00:00Z"
    assert utc_bound("2024-03-10", upper=True) == "2024-03-11T00:00:00Z"  # a whole day, exclusive bound
    assert utc_bound("2024-03-10T01:30:00+02:00", upper=False) == "2024-03-09T23:30:00Z"


def test_csv_strips_controls_and_json_stays_strict():
    row = PriceRow(id=1, article_id=2, published="2021-02-23T10:00:00+02:00", article_title="A\x1b]8;;x\x07 B",
                   site=None, url=None, asset="BTC", value=48000.0, currency="USD", kind="spot",
                   sentence="line one\nline two", start=0, end=3)
    out = io.StringIO()
    emit([row], "csv", console=Console(file=io.StringIO()), out=out)
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
    assert '"line one\nline two"' in out.getvalue()  # newlines kept, quoted
    out = io.StringIO()
    emit([row], "json", console=Console(file=io.StringIO()), out=out)
    assert json.loads(out.getvalue())["article_title"] == "A\x1b]8;;x\x07 B"  # JSON escapes, data intact


def test_table_cells_from_numbers_and_dates_are_markup_safe():
    row = PriceRow(id=1, article_id=2, published="[red]2021[/red]", article_title="t", site=None, url=None,
                   asset="BTC", value=5.0, currency="[blink]", kind="spot", sentence="s", start=0, end=1)
    out = io.StringIO()
    emit([row], "table", console=Console(file=out, width=120), out=io.StringIO())
    assert "[blink]" in out.getvalue() and "[red]2021" in out.getvalue()
