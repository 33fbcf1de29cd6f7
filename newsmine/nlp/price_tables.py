"""Kinds named by a table's column header: "(Year | Open | Close | Change)", "(last | 24h range)".

A data page renders a table as a header of column names and rows of cells
split by "|". A cell's column names the kind of the price in it ("Open",
"Close", "High", "Low"; a "range" column holds a low and a high), and the
row's own words say nothing. Extracted text puts each row on a line of its
own; a paragraph may also run the rows together, when only the count of
separators tells the column: each row has one separator fewer than it has
columns, and the last cell of a row is followed by the first of the next.

A newsletter's or a review's table may instead list its columns with commas or
slashes after the title ("The week in numbers (Monday open, weekly low, last, 7d
change):", "Q3 scorecard (open / high / low / close, change):") and run its rows
together, each a label and its cells: dotted ("BTC · $26,580 · $17,622 · $20,240 ·
-23.9% ETH · ..."), or after a colon, split by slashes or semicolons ("Bitcoin
(BTC): $9,135 / $12,470 / ...", "Ether: 2,485; 4,955; 2,375; 4,145"). The count of
separators after the row's label is the column.
"""

from __future__ import annotations

import re

# A header is a bracketed list of short column names, or a line of them ("Year | Open | Close | Change"):
# words, "24h", "7-day", never an amount.
_CELL = r"[A-Za-z][\w/ -]{0,24}|\d{1,2}[hdw]?[- ]?[A-Za-z][\w -]{0,20}"
_CELLS = rf"(?:{_CELL})(?:\s*\|\s*(?:{_CELL}))+"
# A paragraph that runs header and rows together ("Date | Open | High | Low | Close | Change Jun 15 | $1,209.10 |
# ...") ends its header at the first cell with an amount; the last name then runs into the first row's label.
_HEADER = re.compile(rf"\(\s*(?P<a>{_CELLS})\s*\)|(?:^|\n)(?P<b>{_CELLS})[ \t]*(?=\n)|"
                     rf"(?P<c>{_CELLS})(?=\s*\|\s*[-+−]?[$€£]?\d)")
# A forecast table's columns ("Year | Minimum | Average | Maximum"): none of its cells is a price
FORECAST = "forecast"
_FORECAST_NAMES = re.compile(r"\b(?:forecast|prediction|predicted|target|average)\b", re.I)
# a number in a cell, signed changes and years included, so each cell's numbers are counted in order
# the listed header of a run-together table, and a row from its label to the amount: a ticker and a dot, or
# a name (with its ticker) and a colon
_NAME = r"[A-Za-z0-9][\w -]{0,24}"
LISTED_HEADER = re.compile(rf"\((?P<names>{_NAME}(?:\s*[,/]\s*{_NAME}){{2,}})\)\s*:")
_LISTED_ROW = re.compile(r"(?:^|\s)(?:[A-Z][A-Za-z0-9]{1,11}\s*·|[A-Z][\w .()-]{0,30}?:)(?P<cells>[^A-Za-z:]*)$")
_NUMBER = re.compile(r"[-+−]?[$€£]?\d[\d,.]*(?:[kKmM]\b)?%?")
_RANGE_DASH = re.compile(r"^\s*(?:[-–—]|to)\s*$")
_KINDS = (("all-time high", "ath"), ("ath", "ath"), ("all-time low", "atl"), ("atl", "atl"), ("open", "open"),
          ("close", "close"), ("closing", "close"), ("high", "high"), ("low", "low"), ("range", "range"),
          ("last", "spot"), ("price", "spot"))


def _column_kind(name: str) -> str | None:
    name = name.lower()
    if "change" in name or "%" in name:
        return None
    return next((kind for word, kind in _KINDS if re.search(rf"\b{word}\b", name)), None)


def column_kind(so_far: str) -> str | None:
    """The kind the column header gives the amount that ``so_far`` (its paragraph up to and
    including the amount) ends with; None outside a table or in a column that names no kind;
    ``FORECAST`` in a table of forecasts."""
    headers = list(_HEADER.finditer(so_far))
    if not headers:
        return None
    header = headers[-1]  # the nearest table's
    names = [c.strip() for c in (header.group("a") or header.group("b") or header.group("c")).split("|")]
    # (or the title line right above it says so: "Cardano Price Prediction / Year | Min | Max")
    title = so_far[:header.start()].rstrip().rpartition("\n")[2]
    if _FORECAST_NAMES.search(" ".join(names)) or len(title) < 60 and _FORECAST_NAMES.search(title):
        return FORECAST
    body = so_far[header.end():]
    if "\n" in body.strip("\n"):  # a row per line: the cell is the count of separators on the amount's line
        cell = body[body.rindex("\n") + 1:]
        column = cell.count("|")
        return _kind_in_cell(names[column] if column < len(names) else "", cell.rsplit("|", 1)[-1])
    seps = body.count("|")
    width = len(names) - 1
    column = 0 if seps == 0 else (seps - 1) % width + 1
    cell = body.rsplit("|", 1)[-1]
    if column == width:  # the last cell of a row runs into the first of the next: past its value is the next row
        numbers = list(_NUMBER.finditer(cell))
        spans = 2 if len(numbers) > 1 and _RANGE_DASH.match(cell[numbers[0].end():numbers[1].start()]) else 1
        if len(numbers) > spans:
            return _kind_in_cell(names[0], "")
    return _kind_in_cell(names[column], cell)


def _kind_in_cell(name: str, cell: str) -> str | None:
    """A column's kind; a range column holds its low first and its high second."""
    kind = _column_kind(name)
    if kind != "range":
        return kind
    return "low" if len(_NUMBER.findall(cell)) <= 1 else "high"


def listed_column_kind(so_far: str) -> str | None:
    """``column_kind`` for a run-together table under a listed header (see the module docstring)."""
    headers = list(LISTED_HEADER.finditer(so_far))
    row = _LISTED_ROW.search(so_far, headers[-1].end()) if headers else None
    if row is None:
        return None
    names = re.split(r"\s*[,/]\s*", headers[-1].group("names"))
    column = len(re.findall(r"[·/;]", row.group("cells")))
    return _column_kind(names[column]) if column < len(names) else None
