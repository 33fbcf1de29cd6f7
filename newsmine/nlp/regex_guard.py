"""``guarded``: ``re.compile`` with a first-character guard, for the rules' hottest searches.

Python's ``re`` skips ahead to a possible start only when a pattern opens with a
literal or a character set. Most rule patterns open with ``\\b`` or a lookbehind
("\\b(?:ratio|pair|cross)\\b", "(?<!...)[.!?]"), so a search tries every
alternative at every position of the text. ``guarded`` reads the pattern's parse,
collects the characters a match can start with, and prepends a lookahead for them
(``(?=[rpc])``): positions that cannot start a match fail on one character test.
The lookahead is compiled with the pattern's own flags, so case-insensitive
patterns stay exactly as case-insensitive; a pattern that may match the empty
string, or may start with any word character, gets no guard. Matches, groups and
spans are those of the unguarded pattern (``tests/test_nlp_regex_guard.py``).

A guard is not free: patterns that already open with a literal, or whose first
characters are common letters, get slower. Use it where a measurement says so.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parse's opcodes (Python 3.11's sre_constants)
from re import _parser as sre_parse

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}  # narrower ones only: \w starts too much


class _NoGuard(Exception):
    """The pattern's first characters cannot be told (or are too many to help)."""


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, guarded by a lookahead for the characters a match can start with."""
    try:
        atoms, nullable = _first(sre_parse.parse(pattern, flags))
    except _NoGuard:
        return re.compile(pattern, flags)
    if nullable or not atoms:
        return re.compile(pattern, flags)
    # (the whole pattern in a group: a top-level "a|b" would leave "b" unguarded)
    return re.compile("(?=[" + "".join(dict.fromkeys(atoms)) + "])(?:" + pattern + ")", flags)


def _first(items) -> tuple[list[str], bool]:
    """The character-class atoms a sequence can start with, and whether it can match the empty string."""
    atoms: list[str] = []
    for op, av in items:
        found, nullable = _first_of(op, av)
        atoms += found
        if not nullable:
            return atoms, False
    return atoms, True


def _first_of(op, av) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [_char(av)], False
    if op is sre.IN:
        return [_class_atom(o, v) for o, v in av], False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item starts the match
        return [], True
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, items = av
        if add_flags or del_flags:  # "(?i:...)": the guard would need the group's flags
            raise _NoGuard
        return _first(items)
    if op is sre.ATOMIC_GROUP:
        return _first(av)
    if op is sre.BRANCH:
        atoms, nullable = [], False
        for items in av[1]:
            found, empty = _first(items)
            atoms += found
            nullable = nullable or empty
        return atoms, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, items = av
        atoms, nullable = _first(items)
        return atoms, nullable or least == 0
    raise _NoGuard  # any character, a negated class, a back reference, a conditional


def _class_atom(op, av) -> str:
    if op is sre.LITERAL:
        return _char(av)
    if op is sre.RANGE:
        return f"{_char(av[0])}-{_char(av[1])}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _NoGuard


def _char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "]\\^-[" else re.escape(ch)
