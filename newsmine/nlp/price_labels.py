"""Kinds written as labels: data lines, key-statistics boxes and their slashed pairs.

Feed-driven price pages and research notes do not say "the coin fell to";
they label the number: "Open $18,800 | High $20,380", "Open $66,930 / Last $63,470", "Low $80,600 · Close $86,830", "• SOL: $142 open,
$118 low", "All-time high: $73,750 (Mar 14, 2024)", "record high $4,380", "24h low / 24h high:
$0.2046 / $0.3205", "Intraday lows by venue: ...". The label next to an amount, set off by the line's
separators, is its kind, and a slashed run of labels names a slashed run
of amounts in order.
"""

from __future__ import annotations

import re

from newsmine.nlp.numbers import Amount
from newsmine.nlp.view import BULLETS

_WORD = r"(?P<what>all[- ]time high|all[- ]time low|record high|record low|ATH|ATL|open|high|low|close|last)"
_KINDS = {"all-time high": "ath", "all time high": "ath", "ath": "ath", "record high": "ath", "all-time low": "atl",
          "all time low": "atl", "record low": "atl", "atl": "atl", "open": "open", "high": "high", "low": "low",
          "close": "close", "last": "spot"}
# "| High $20,380", "All-time high: $73,750", "24h low: $0.2046" (a period or a venue may lead the label)
# (set off by a separator, or ending in a colon: "to a record high $X" is no label)
_LEAD = r"(?:(?!all[- ]time|record)[\w-]+\s+)?"  # a period or a venue before the label word, never half of "all-time high"
_BEFORE = re.compile(rf"(?:(?:^|[|,;:•·(/]\s*){_LEAD}{_WORD}\s*:?|\b{_LEAD}{_WORD.replace('what', 'named')}\s*:)\s*$", re.I)
_AFTER = re.compile(rf"\s+{_WORD}\b(?=\s*(?:[,;|(]|\.$|$))", re.I)  # "from Monday's $25,870 open."
# "24h low / 24h high: $A / $B", "24h low / high: $A / $B", "Session open / high / low: $A / $B / $C"
_LABEL = r"(?:all[- ]time high|all[- ]time low|open|high|low|close)"
_RUN = re.compile(rf"{_LEAD}(?P<run>{_LABEL}(?:\s*/\s*(?:[\w-]+\s+)?{_LABEL}){{1,3}})(?:\s*\([A-Z]{{2,6}}\))?\s*:\s*$", re.I)
# a line headed by the kind of all its rows ("Intraday lows by venue, March 12-13 (UTC): Coinbase Pro: $3,858 ...")
# (or "Records set over the past 48 hours, in U.S. dollars, according to CryptoCompare: XRP: $3.84 ...")
_HEADER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:(?P<what>lows|highs|opens|closes) by (?:venue|exchange|platform)|"
                     r"(?P<record>records|all-time highs) set)\b[^:]*:", re.I)
_SLASH = re.compile(r"^\s*/\s*$")
# A bulleted row opened by its coin and the coin's price ("• BTC $11,920 (-6.8%): peaked at ..."): that first
# amount is where the coin stands, whatever the row goes on to tell
_ROW_PRICE = re.compile(rf"^\s*[{''.join(BULLETS)}]\s*(?:[A-Z][A-Z0-9]{{1,5}}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+$")


def labelled_kinds(text: str, amounts: list[Amount]) -> dict[int, str]:
    """The kind each labelled amount's label gives, by the amount's index in ``amounts``."""
    kinds: dict[int, str] = {}
    if amounts and _ROW_PRICE.match(text, 0, amounts[0].start):
        kinds[0] = "spot"
    header = _HEADER.match(text)
    for j, a in enumerate(amounts):
        if header and header.end() <= a.start:
            kinds[j] = "ath" if header.group("record") else header.group("what").lower()[:-1]
            continue
        run = _RUN.search(text, max(0, a.start - 60), a.start)
        if run and j + 1 < len(amounts) and _SLASH.match(text[a.end:amounts[j + 1].start]):
            # the labels name the slashed amounts in order, as far as both go
            for k, label in enumerate(re.findall(_LABEL, run.group("run"), re.I)):
                if j + k >= len(amounts) or k and not _SLASH.match(text[amounts[j + k - 1].end:amounts[j + k].start]):
                    break
                kinds[j + k] = _KINDS[label.lower()]
        elif j not in kinds:
            label = _BEFORE.search(text, max(0, a.start - 24), a.start) or _AFTER.match(text, a.end)
            if label:
                kinds[j] = _KINDS[(label.group("what") or label.group("named")).lower()]
    return kinds
