"""The SQLite schema of the newsmine store, and its migrations.

This docstring is the reference for anyone writing queries against the store
(``newsmine query/search/summary/sql`` build on it). Column names are stable:
new columns may be added by later migrations, existing ones are never renamed.

Conventions
-----------
- Every table has an ``id INTEGER PRIMARY KEY``.
- Times are ISO 8601 text (``published_at`` keeps the offset the site gave;
  ``fetched_at``/``stored_at``/``time`` are UTC), so they sort as text.
- ``start``/``end`` are character offsets into ``articles.text`` (end
  exclusive). ``end`` is an SQL keyword: quote it (``"end"``) in SQL.
- Fact rows point to their article (``article_id``, ON DELETE CASCADE: deleting
  an article deletes its facts) and, when the fact's span lies inside one
  sentence, to that sentence (``sentence_id``, NULL otherwise) so every figure
  leads back to the sentence it came from.

Tables
------
``articles``: one row per article (deduplicated by canonical URL, then URL,
    then content hash). ``url`` is the final fetched URL (NULL for local files),
    ``canonical_url`` the page's ``<link rel=canonical>``, ``source`` what the
    user gave (URL, path or "-"), ``content_hash`` the SHA-256 of the
    whitespace-normalised title and text, ``authors`` a JSON list of names,
    ``published_at``/``modified_at`` from the page metadata, ``site`` the
    publisher's name or host, ``lang``, ``text`` the main text, ``sentiment``
    (bullish/bearish/neutral/mixed) with ``sentiment_score`` (NULL until the
    classifier has run), ``etag``/``last_modified`` the HTTP validators for
    conditional GET, ``fetched_at`` and ``stored_at`` (last insert or update).
``fetch_log``: one row per fetch attempt or input: ``url`` (or path),
    ``time``, HTTP ``status`` (NULL when no response), ``outcome`` (new,
    updated, unchanged, not_modified, skipped_robots, failed: the statuses of
    ``newsmine.ingest``), ``reason`` (one line, for failures and skips) and
    ``elapsed`` seconds of fetching (NULL for local files).
``sentences``: the article's sentences in order: ``article_id``, ``idx``
    (0-based position), ``start``, ``end``, ``text``.
``prices``: price levels: ``asset`` (ticker), ``value``, ``currency``,
    ``kind`` (spot, high, low, ath, atl, open, close, level), ``sentence``
    (its text), ``start``, ``end``.
``figures``: market figures: ``kind`` (percent_change, liquidations,
    open_interest, funding_rate, volume, etf_flow, basis, market_cap, ...),
    ``value``, ``unit`` (USD, percent, ...), ``asset``, ``venue`` (canonical
    exchange name), ``side`` (long/short, in/out), ``period`` (24h, ...),
    ``sentence``, ``start``, ``end``.
``exchanges``: trading venues named in the article: ``name`` (canonical
    spelling) and ``mentions`` (count).
``assets``: assets named in the article: ``symbol``, ``name``, ``mentions``,
    and the article's ``stance`` toward it (bullish/bearish/neutral/mixed,
    migration 9) with ``stance_score``; NULL when no scored sentence names it.
``quotes``: direct quotations: ``text`` (inside the quote marks),
    ``speaker``, ``title``, ``organization`` (NULL when unknown), ``start``,
    ``end``.
``tags``: article-level labels: ``kind`` is ``'sentiment'`` (one row, the
    article's stance) or ``'narrative'`` (one row per narrative of
    newsmine.taxonomy), with ``label`` and ``score`` (0..1).
``evidence``: the sentences that support a tag: ``tag_id`` (ON DELETE
    CASCADE), ``sentence_id`` when the span lies inside a stored sentence,
    ``sentence`` (text), ``score``, ``start``, ``end`` (NULL when unknown).

Full-text search (FTS5, porter stemming, kept in sync by triggers inside the
writing transaction; sqlite-utils' naming, so ``db["articles"].search(q)``
works): ``articles_fts(title, text)`` with ``rowid = articles.id`` and
``quotes_fts(text, speaker)`` with ``rowid = quotes.id``. Example::

    SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid
    WHERE articles_fts MATCH 'liquidations' ORDER BY rank;

Publication time in UTC (migrations 2 and 5): ``articles.published_utc`` is
``published_at`` normalised to UTC as ``YYYY-MM-DDTHH:MM:SSZ`` (SQLite's
``strftime`` applies the offset; a naive time or a bare date is read as UTC;
an unreadable value gives NULL), set by triggers on insert and on any change
of ``published_at``, so writers never fill it themselves. It is indexed with
``sentiment`` and compares as text: date filters should use it rather than
``published_at``, whose offsets differ between sites.

Summary roll-ups (migration 8; ``newsmine.store.rollups`` explains how they
stay exact): per ``level`` (``'day'``/``'month'``/``'year'``), ``bucket``
(``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` of ``published_utc``; ``''`` for
undated articles) and ``asset`` (``''``: all articles; a symbol: articles
naming it), kept by the store in each article's transaction and by a delete
trigger:
``summary_articles`` (``articles``, ``first``/``last`` publication time),
``summary_labels`` (``kind`` sentiment/narrative, ``label``, ``articles``),
``summary_prices`` (``price_asset``, ``currency``, ``mentions``, ``low``,
``high``, ``last_date``; under an asset scope only that asset's prices),
``summary_exchanges`` (``name``, ``articles``, ``mentions``, ``first``,
``last``) and ``summary_speakers`` (``speaker``, ``quotes``, ``articles``,
``organization``: the greatest one named). For example, articles per month::

    SELECT bucket, articles FROM summary_articles WHERE level = 'month' AND asset = '';

Versioning: ``PRAGMA user_version`` is the number of migrations applied;
``MIGRATIONS`` is append-only (never edit a released step, add a new one).
"""

from __future__ import annotations

import sqlite_utils

from newsmine.store.rollups import schema as rollup_schema

# Fact tables keyed by article_id, in the order the store writes them.
FACT_TABLES = ("sentences", "prices", "figures", "exchanges", "assets", "quotes", "tags")


def _fts(table: str, columns: tuple[str, ...]) -> list[str]:
    """FTS5 table plus sync triggers, named as sqlite-utils' ``enable_fts`` names them.

    Written out here (not via ``enable_fts``) because that helper runs
    ``executescript``, which commits, and migrations must be atomic.
    """
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING FTS5 ({cols}, tokenize='porter', content=[{table}])",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END",
    ]


_ARTICLE_FK = "article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE"
_SENTENCE_FK = "sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL"
_SPAN = 'start INTEGER, "end" INTEGER'

_V1 = [
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT UNIQUE,
        canonical_url TEXT,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published_at TEXT,
        modified_at TEXT,
        fetched_at TEXT,
        stored_at TEXT NOT NULL,
        site TEXT,
        lang TEXT,
        text TEXT NOT NULL,
        sentiment TEXT,
        sentiment_score REAL,
        etag TEXT,
        last_modified TEXT
    )""",
    """CREATE TABLE fetch_log (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        time TEXT NOT NULL,
        status INTEGER,
        outcome TEXT NOT NULL,
        reason TEXT,
        elapsed REAL
    )""",
    f"""CREATE TABLE sentences (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK},
        idx INTEGER NOT NULL, {_SPAN}, text TEXT NOT NULL,
        UNIQUE (article_id, idx)
    )""",
    f"""CREATE TABLE prices (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK}, {_SENTENCE_FK},
        asset TEXT NOT NULL, value REAL NOT NULL, currency TEXT, kind TEXT NOT NULL,
        sentence TEXT, {_SPAN}
    )""",
    f"""CREATE TABLE figures (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK}, {_SENTENCE_FK},
        kind TEXT NOT NULL, value REAL NOT NULL, unit TEXT, asset TEXT, venue TEXT,
        side TEXT, period TEXT, sentence TEXT, {_SPAN}
    )""",
    f"""CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK},
        name TEXT NOT NULL, mentions INTEGER NOT NULL
    )""",
    f"""CREATE TABLE assets (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK},
        symbol TEXT NOT NULL, name TEXT, mentions INTEGER NOT NULL
    )""",
    f"""CREATE TABLE quotes (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK}, {_SENTENCE_FK},
        text TEXT NOT NULL, speaker TEXT, title TEXT, organization TEXT, {_SPAN}
    )""",
    f"""CREATE TABLE tags (
        id INTEGER PRIMARY KEY, {_ARTICLE_FK},
        kind TEXT NOT NULL, label TEXT NOT NULL, score REAL
    )""",
    f"""CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, {_SENTENCE_FK},
        sentence TEXT NOT NULL, score REAL, {_SPAN}
    )""",
    "CREATE INDEX articles_canonical_url ON articles(canonical_url)",
    "CREATE INDEX articles_content_hash ON articles(content_hash)",
    "CREATE INDEX articles_published_at ON articles(published_at)",
    "CREATE INDEX articles_site ON articles(site)",
    "CREATE INDEX articles_sentiment ON articles(sentiment)",
    "CREATE INDEX fetch_log_url ON fetch_log(url, time)",
    *(f"CREATE INDEX {t}_article_id ON {t}(article_id)" for t in FACT_TABLES if t != "sentences"),
    "CREATE INDEX prices_asset ON prices(asset, kind)",
    "CREATE INDEX prices_sentence_id ON prices(sentence_id)",
    "CREATE INDEX figures_kind ON figures(kind, asset)",
    "CREATE INDEX figures_asset ON figures(asset)",
    "CREATE INDEX figures_venue ON figures(venue)",
    "CREATE INDEX figures_sentence_id ON figures(sentence_id)",
    "CREATE INDEX exchanges_name ON exchanges(name)",
    "CREATE INDEX assets_symbol ON assets(symbol)",
    "CREATE INDEX quotes_speaker ON quotes(speaker)",
    "CREATE INDEX quotes_sentence_id ON quotes(sentence_id)",
    "CREATE INDEX tags_kind ON tags(kind, label)",
    "CREATE INDEX evidence_tag_id ON evidence(tag_id)",
    "CREATE INDEX evidence_sentence_id ON evidence(sentence_id)",
    *_fts("articles", ("title", "text")),
    *_fts("quotes", ("text", "speaker")),
]

# Date filters (newsmine.query) need one time scale; computed by SQLite so
# every writer gets it for free and old rows are covered without a backfill.
_V2 = [
    "ALTER TABLE articles ADD COLUMN published_utc TEXT GENERATED ALWAYS AS "
    "(strftime('%Y-%m-%dT%H:%M:%SZ', published_at)) VIRTUAL",
    "CREATE INDEX articles_published_utc ON articles(published_utc)",
]

# Indexes for newsmine.query (measured with bench/bench_query.py): covering
# indexes let the dashboard and the "articles that name X / carry narrative
# N" filters read index pages only; (kind, value) serves "largest figures".
_V3 = [
    "CREATE INDEX articles_published_sentiment ON articles(published_utc, sentiment)",
    "CREATE INDEX tags_label_article ON tags(kind, label, article_id)",
    "CREATE INDEX assets_symbol_article ON assets(symbol, article_id)",
    "CREATE INDEX exchanges_name_article ON exchanges(name, article_id, mentions)",
    "CREATE INDEX figures_kind_value ON figures(kind, value)",
    "CREATE INDEX prices_asset_value ON prices(asset, value)",
]

# The per-article fact indexes become covering for the dashboard's joins
# (article -> its tags, prices, venues, quotes, figures without reading the
# fact rows, which carry whole sentences); they still serve ON DELETE CASCADE.
# Replacing rather than adding keeps the number of indexes a save updates.
_V4 = [
    "DROP INDEX articles_published_utc",  # articles_published_sentiment starts with the same column
    "DROP INDEX tags_article_id",
    "CREATE INDEX tags_article ON tags(article_id, kind, label)",
    "DROP INDEX prices_article_id",
    "CREATE INDEX prices_article ON prices(article_id, asset, currency, value)",
    "DROP INDEX exchanges_article_id",
    "CREATE INDEX exchanges_article ON exchanges(article_id, name, mentions)",
    "DROP INDEX quotes_article_id",
    "CREATE INDEX quotes_article ON quotes(article_id, speaker, organization)",
    "DROP INDEX figures_article_id",
    "CREATE INDEX figures_article ON figures(article_id, kind, value)",
]

# published_utc becomes a stored column kept by triggers: SQLite never reads a
# virtual generated column from an index (every date filter read the article
# row, text and all: 7 s for an all-time dashboard at 100,000 articles). The
# FTS update trigger now fires only when title or text change, so this
# bookkeeping UPDATE (and a refresh of HTTP validators) no longer re-indexes.
_UTC = "strftime('%Y-%m-%dT%H:%M:%SZ', {})"
_V5 = [
    "DROP INDEX articles_published_sentiment",
    "ALTER TABLE articles DROP COLUMN published_utc",
    "DROP TRIGGER articles_au",
    "CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "ALTER TABLE articles ADD COLUMN published_utc TEXT",
    f"UPDATE articles SET published_utc = {_UTC.format('published_at')}",
    f"CREATE TRIGGER articles_utc_ai AFTER INSERT ON articles BEGIN "
    f"UPDATE articles SET published_utc = {_UTC.format('new.published_at')} WHERE id = new.id; END",
    f"CREATE TRIGGER articles_utc_au AFTER UPDATE OF published_at ON articles BEGIN "
    f"UPDATE articles SET published_utc = {_UTC.format('new.published_at')} WHERE id = new.id; END",
    "CREATE INDEX articles_published_sentiment ON articles(published_utc, sentiment)",
]

# ``newsmine show PATH`` finds local files by what the user gave (``source``);
# with url and canonical_url indexed too, the three-way OR becomes index lookups.
_V6 = ["CREATE INDEX articles_source ON articles(source)"]

# Sorting a filter's matches by publication time needs each article's
# published_utc; the table row keeps it after the text (overflow pages), this
# narrow index keeps it beside the id (newsmine.query names it in INDEXED BY).
_V7 = ["CREATE INDEX articles_id_published ON articles(id, published_utc)"]

# The all-time dashboard read every row (about 1 s at 100,000 articles): roll-up
# tables keep its totals per day, month and year (newsmine.store.rollups, back-filled
# here from the stored rows; a later change to newsmine.store.rollups.ROLLUPS
# needs a new step). "Largest liquidations of an asset" walks a
# (kind, asset, value) index instead of sorting every figure of that asset; it
# replaces (kind, asset), its prefix.
_V8 = [
    *rollup_schema(),
    "DROP INDEX figures_kind",
    "CREATE INDEX figures_kind_asset_value ON figures(kind, asset, value)",
    # Statistics gathered before (PRAGMA optimize) would leave the new index without any, and
    # the planner would then prefer it even for "largest of every asset" and sort every figure.
    "ANALYZE figures",
]

# Per-asset stances (BTC bearish while ETH rallies) sit beside each asset's mention count.
_V9 = [
    "ALTER TABLE assets ADD COLUMN stance TEXT",
    "ALTER TABLE assets ADD COLUMN stance_score REAL",
]

# Ordered, append-only: MIGRATIONS[i] takes the schema from version i to i + 1.
MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Apply pending migrations, each in its own transaction; return the version.

    Inside an open transaction (``Store`` holds BEGIN IMMEDIATE, so two
    processes opening a new file cannot both create it) each step is a
    savepoint and the version is read under the lock. A database newer than this code (user_version > SCHEMA_VERSION) is refused
    rather than written to with an out-of-date idea of its columns.
    """
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"database schema version {version} is newer than this newsmine ({SCHEMA_VERSION}); upgrade newsmine"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            for statement in MIGRATIONS[target - 1]:
                db.execute(statement)
            # PRAGMA user_version is transactional: it moves with the step.
            db.execute(f"PRAGMA user_version = {target}")
    return SCHEMA_VERSION
