"""Filters shared by every query, turned into SQL with bound parameters.

Dates: ``since``/``until`` apply to the article's publication time, compared
on ``articles.published_utc`` (``published_at`` normalised to UTC by SQLite,
see ``newsmine.store.schema``), because sites write offsets differently and
text comparison of ``published_at`` would be wrong across zones. Both bounds
are inclusive: ``until="2021-02-23"`` keeps the whole of that day (UTC). A
bound may be an ISO date, an ISO date-time (a naive one is UTC; an offset is
honoured), or a span back from now: ``7d``, ``12h``, ``2w``. Articles without
a readable publication date never match a date filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from newsmine.query.db import QueryError
from newsmine.taxonomy import ARTICLE_SENTIMENTS, EXCHANGES, NARRATIVES

UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the format of articles.published_utc
_RELATIVE = re.compile(r"^(\d+)\s*([hdw])$", re.IGNORECASE)
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}
_VENUES = {name.lower(): name for name in EXCHANGES}


def utc_bound(value: str, *, upper: bool, now: datetime | None = None) -> str:
    """A ``published_utc`` bound for ``value``; an upper bound is exclusive (``<``)."""
    text = value.strip()
    match = _RELATIVE.match(text)
    if match:
        moment = (now or datetime.now(timezone.utc)) - timedelta(**{_UNITS[match[2].lower()]: int(match[1])})
        return moment.strftime(UTC_FORMAT)
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
            step = timedelta(days=1)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            step = timedelta(seconds=1)  # published_utc has whole seconds
    except ValueError:
        raise QueryError(f"cannot read date {value!r}: use YYYY-MM-DD, an ISO date-time, or 7d / 12h / 2w") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return (moment + step if upper else moment).strftime(UTC_FORMAT)


@dataclass
class Filters:
    """What the user asked for; ``None`` means "no filter". Values are normalised on creation."""

    asset: str | None = None
    venue: str | None = None
    kind: str | None = None
    speaker: str | None = None
    narrative: str | None = None
    sentiment: str | None = None
    since: str | None = None
    until: str | None = None
    site: str | None = None
    article: int | None = None  # one article's facts (``newsmine show``)
    limit: int | None = 50
    # computed: the published_utc bounds
    lower: str | None = field(default=None, init=False)
    upper: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.asset = self.asset.strip().upper() if self.asset else None
        self.venue = _VENUES.get(self.venue.strip().lower(), self.venue.strip()) if self.venue else None
        self.kind = self.kind.strip().lower() if self.kind else None
        if self.narrative:
            self.narrative = _choice("narrative", self.narrative, NARRATIVES)
        if self.sentiment:
            self.sentiment = _choice("sentiment", self.sentiment, ARTICLE_SENTIMENTS)
        if self.limit is not None and self.limit < 0:
            raise QueryError("--limit must be 0 (no limit) or more")
        self.lower = utc_bound(self.since, upper=False) if self.since else None
        self.upper = utc_bound(self.until, upper=True) if self.until else None

    def reject(self, *names: str, what: str) -> None:
        """Refuse filters that mean nothing for ``what`` rather than silently ignoring them."""
        given = [n for n in names if getattr(self, n)]
        if given:
            flags = ", ".join(f"--{n}" for n in given)
            raise QueryError(f"{flags} does not apply to {what}")

    def articles_where(self, alias: str = "a", *, asset_named: bool = False,
                       venue_named: bool = False) -> tuple[list[str], list[Any]]:
        """Conditions on the article (date, site, sentiment, narrative) as SQL and parameters.

        ``asset_named``/``venue_named``: ``asset``/``venue`` select articles that
        name them (for queries whose rows have no asset or venue of their own).
        Membership tests are correlated ``EXISTS`` probes of covering indexes,
        not ``IN (SELECT ...)`` lists: a list of every BTC article would be
        built in full before the first row, where a probe per article lets a
        newest-first walk stop at the limit.
        """
        a = alias
        return conditions([
            (f"{a}.id = ?", self.article),
            (f"{a}.published_utc >= ?", self.lower),
            (f"{a}.published_utc < ?", self.upper),
            (f"{a}.site = ? COLLATE NOCASE", self.site),
            (f"{a}.sentiment = ?", self.sentiment),
            (f"EXISTS (SELECT 1 FROM tags t_ WHERE t_.kind = 'narrative' AND t_.label = ? "
             f"AND t_.article_id = {a}.id)", self.narrative),
            (f"EXISTS (SELECT 1 FROM assets s_ WHERE s_.symbol = ? AND s_.article_id = {a}.id)",
             self.asset if asset_named else None),
            (f"EXISTS (SELECT 1 FROM exchanges e_ WHERE e_.name = ? AND e_.article_id = {a}.id)",
             self.venue if venue_named else None),
        ])

    def source(self, fact: str | None = None, *, articles_first: bool = False) -> str:
        """The FROM clause: ``fact`` ("prices p") joined to its article ``a``, or articles alone.

        With a date window the articles in it are few and found by index, so
        they drive the loop (CROSS JOIN fixes the order in SQLite); otherwise
        the fact table does, through its filter's index.
        """
        if not fact:
            return "articles a"
        alias = fact.split()[1]
        if articles_first or self.lower or self.upper:
            return f"articles a CROSS JOIN {fact} ON {alias}.article_id = a.id"
        return f"{fact} JOIN articles a ON a.id = {alias}.article_id"

    def limit_sql(self) -> str:
        return f" LIMIT {int(self.limit)}" if self.limit else ""


def conditions(pairs: list[tuple[str, Any]]) -> tuple[list[str], list[Any]]:
    """The ``(sql, value)`` pairs whose value is set, as WHERE conditions and their parameters."""
    used = [(sql, value) for sql, value in pairs if value is not None]
    return [sql for sql, _ in used], [value for _, value in used]


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in allowed:
        raise QueryError(f"unknown {name} {value!r}: choose from {', '.join(allowed)}")
    return key


def order_sql(order: str | None, keys: dict[str, tuple[str, bool]], default: str, descending: bool | None,
              tiebreak: str) -> str:
    """``ORDER BY`` for a user's ``order`` key; ``keys`` maps key -> (SQL, descending by default).

    ``tiebreak`` (a unique column) makes the order, and so ``--limit``, deterministic.
    """
    name = (order or default).lower()
    if name not in keys:
        raise QueryError(f"cannot order by {order!r}: choose from {', '.join(keys)}")
    column, desc = keys[name]
    if descending is not None:
        desc = descending
    # NULLs (e.g. no publication date) go last whatever the direction; SQLite
    # already sorts them last when descending, and that form can use an index.
    direction = "DESC" if desc else "ASC NULLS LAST"
    return f" ORDER BY {column} {direction}, {tiebreak} {'DESC' if desc else 'ASC'}"
