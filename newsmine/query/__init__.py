"""Ask the database questions: the Python API behind ``newsmine query/search/show/summary/sql``.

Every function takes ``db`` (a path, or a connection from ``connect()`` to
reuse across calls) and returns plain dataclasses (``dataclasses.asdict``
gives dicts). The database is opened read-only. Date filters (``since``,
``until``) apply to the publication time in UTC: see ``newsmine.query.filters``.

    >>> from newsmine import query
    >>> query.prices("newsmine.db", asset="BTC", since="2021-01-01", order="value")
    >>> query.search("newsmine.db", '"short squeeze"')
    >>> query.article("newsmine.db", 42).narratives
    >>> query.summary("newsmine.db", since="30d").narratives
    >>> query.sql("newsmine.db", "SELECT site, count(*) FROM articles GROUP BY site").rows
"""

from newsmine.query.article import ArticleCard, EvidenceRow, Mention, NarrativeRow, article
from newsmine.query.db import QueryError, SqlResult, connect, sql
from newsmine.query.facts import (
    ArticleRow, ExchangeRow, FigureRow, PriceRow, QuoteRow, articles, exchanges, figures, prices, quotes,
)
from newsmine.query.filters import Filters, utc_bound
from newsmine.query.search import SearchHit, search
from newsmine.query.price_range import AssetPrices
from newsmine.query.summary import Analyst, Period, Share, Summary, summary

__all__ = [
    "Analyst", "ArticleCard", "ArticleRow", "AssetPrices", "EvidenceRow", "ExchangeRow", "FigureRow", "Filters",
    "Mention", "NarrativeRow", "Period", "PriceRow", "QueryError", "QuoteRow", "SearchHit", "Share", "SqlResult",
    "Summary", "article", "articles", "connect", "exchanges", "figures", "prices", "quotes", "search", "sql",
    "summary", "utc_bound",
]
