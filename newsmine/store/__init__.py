"""The SQLite store: articles, their facts and tags, the fetch log, full-text search.

``Store(path).save(analysis, page)`` writes one article atomically; the schema
and its migrations are documented in ``newsmine.store.schema``.
"""

from newsmine.store.schema import SCHEMA_VERSION
from newsmine.store.store import SaveStatus, Store, StoreError, content_hash

__all__ = ["SCHEMA_VERSION", "SaveStatus", "Store", "StoreError", "content_hash"]
