"""``ingest()``: fetch, extract, analyse and store articles, one report row per item.

The run is a small pipeline. Fetch workers (``newsmine.fetch``) crawl hosts in
parallel, each host at its polite rate, and drop pages into a queue; the
calling thread extracts them and, whenever the queue runs dry or a batch is
full, analyses the batch (models run on many articles at once) and saves each
article. Batches grow 1, 2, 4, ... ``BATCH``, so the first article shows up
within one analysis time. That thread is the only one that touches SQLite
(one writer per process; the store's BEGIN IMMEDIATE serialises writers
across processes). Every item ends in exactly one status, recorded in
``fetch_log``. An article already stored with the same content is reported
``unchanged`` without being analysed again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsmine.errors import ExtractError, NewsmineError
from newsmine.records import Analysis, Article, Page
from newsmine.store import Store, StoreError

# Item statuses, in the order the summary shows them.
STATUSES = ("new", "updated", "unchanged", "not_modified", "skipped_robots", "failed")
OK_STATUSES = frozenset({"new", "updated", "unchanged", "not_modified"})
BATCH = 16  # articles analysed together at most; smaller batches go when fetching lags


@dataclass
class ItemStatus:
    """What happened to one input, feed link or sitemap link."""

    source: str
    status: str  # one of STATUSES
    reason: str | None = None  # one line, for failures and skips
    title: str | None = None
    http_status: int | None = None


@dataclass
class IngestReport:
    """Per-item rows in completion order, plus totals per status."""

    items: list[ItemStatus] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        counts = Counter(item.status for item in self.items)
        return {status: counts.get(status, 0) for status in STATUSES}

    @property
    def ok(self) -> bool:
        """True when at least one article is in the store after this run."""
        return any(item.status in OK_STATUSES for item in self.items)

    @property
    def failures(self) -> list[ItemStatus]:
        return [item for item in self.items if item.status == "failed"]


# progress(item, done, total): called once per finished item; total grows as feeds resolve.
Progress = Callable[[ItemStatus, int, int], None]


def is_url(source: str) -> bool:
    """True for an http(s) URL; anything else given as a source is a local path."""
    return source.lower().startswith(("http://", "https://"))


def ingest(
    sources: Sequence[str] | str = (),
    *,
    db: str | Path = "newsmine.db",
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    from_file: str | Path | None = None,
    allow_private: bool = False,
    rate: float = 1.0,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest URLs, local files, feed and sitemap links into the SQLite ``db``.

    Raises ``StoreError`` when the database cannot be opened and ``InputError``
    when ``from_file`` cannot be read; every per-item problem becomes a
    ``failed`` row instead, and the run goes on.
    """
    from newsmine.fetch import FetchConfig, Fetcher, read_url_file

    if isinstance(sources, (str, Path)):  # ingest("https://...") from a notebook means one source
        sources = [sources]
    sources = [*map(str, sources), *(read_url_file(str(from_file)) if from_file else [])]
    with Store(db) as store, Fetcher(FetchConfig(rate=rate, allow_private=allow_private)) as fetcher:
        run = _Run(store, progress)
        run.total = len(sources)
        urls = [s for s in sources if is_url(s)]
        typed = set(urls)
        for link in _links(run, fetcher, feeds, sitemaps):
            urls.append(link)
        urls = list(dict.fromkeys(urls))  # the same URL from two feeds is fetched once
        run.total += len(urls) - len(typed)
        for source in sources:
            if not is_url(source):
                _local(run, source)
        run.flush()
        _fetch(run, fetcher, urls, typed)
    return run.report


def _links(run: _Run, fetcher, feeds: Iterable[str], sitemaps: Iterable[str]) -> Iterator[str]:
    """Article links of every feed and sitemap; a broken one is a failed row, not the end."""
    from newsmine.fetch import feed_links, sitemap_links

    for finder, listing in [(feed_links, f) for f in feeds] + [(sitemap_links, s) for s in sitemaps]:
        started = time.monotonic()
        try:
            links = list(finder(fetcher, listing))
        except NewsmineError as exc:
            # A listing only becomes a row when it fails; a working one yields its links.
            run.total += 1
            run.finish(ItemStatus(listing, "failed", str(exc), http_status=getattr(exc, "status", None)),
                       elapsed=time.monotonic() - started)
            continue
        yield from links


def _local(run: _Run, source: str) -> None:
    from newsmine.fetch import read_local

    try:
        for item in read_local(source):
            if isinstance(item, Page):
                run.page(item.source, item)
            else:
                run.finish(ItemStatus(source, "failed", str(item)))
    except NewsmineError as exc:
        run.finish(ItemStatus(source, "failed", str(exc)))


def _fetch(run: _Run, fetcher, urls: list[str], typed: set[str]) -> None:
    """Fetch in worker threads, conditionally when the store has validators; analyse as pages land."""
    from newsmine.fetch import run_by_host

    validators = {url: run.store.validators(url) for url in urls}  # read here: one thread on SQLite
    elapsed: dict[str, float] = {}

    def fetch_one(url: str) -> Page:
        etag, last_modified = validators[url]
        started = time.monotonic()
        try:
            return fetcher.fetch(url, etag=etag, last_modified=last_modified, typed=url in typed)
        finally:
            elapsed[url] = time.monotonic() - started

    results: queue.Queue = queue.Queue()

    def produce() -> None:
        try:
            for pair in run_by_host(urls, fetch_one, fetcher.config.workers, ordered=False):
                results.put(pair)
        finally:
            results.put(None)  # always wake the consumer, even if the generator failed

    threading.Thread(target=produce, name="newsmine-ingest-fetch", daemon=True).start()
    while True:
        # Analyse what we have whenever nothing else is ready: the CPU works while hosts wait.
        while run.batch and (len(run.batch) >= BATCH or results.empty()):
            run.flush_chunk()
        pair = results.get()
        if pair is None:
            break
        url, result = pair
        if isinstance(result, Page):
            run.page(url, result, elapsed.get(url))
        else:
            status = {"robots": "skipped_robots", "not_modified": "not_modified"}.get(result.outcome, "failed")
            run.finish(ItemStatus(url, status, str(result), http_status=result.status), elapsed=elapsed.get(url))
    run.flush()


class _Run:
    """State of one ingest run: the report, the pending batch, progress counting."""

    def __init__(self, store: Store, progress: Progress | None) -> None:
        self.store = store
        self.progress = progress
        self.report = IngestReport()
        self.batch: list[tuple[str, Page, Article, float | None]] = []
        self.chunk = 1  # grows 1, 2, 4, ... BATCH: the first article is stored (and shown) quickly
        self.done = 0
        self.total = 0

    def page(self, source: str, page: Page, elapsed: float | None = None) -> None:
        """Extract a page now (cheap) and queue its article for batch analysis."""
        article = extract_page(page)
        if isinstance(article, str):
            self.finish(ItemStatus(source, "failed", article, http_status=page.status), elapsed=elapsed)
            return
        try:
            known = self.store.unchanged(article, page)
        except StoreError as exc:
            self.finish(ItemStatus(source, "failed", str(exc), article.title, page.status), elapsed=elapsed)
            return
        if known:  # same content already stored: analysing it again would change nothing
            self.finish(ItemStatus(source, "unchanged", None, article.title, page.status), elapsed=elapsed)
            return
        self.batch.append((source, page, article, elapsed))

    def flush(self) -> None:
        """Analyse and save every pending article."""
        while self.batch:
            self.flush_chunk()

    def flush_chunk(self) -> None:
        """Analyse the next chunk of pending articles; save each in its own transaction."""
        batch, self.batch = self.batch[: self.chunk], self.batch[self.chunk :]
        self.chunk = min(self.chunk * 2, BATCH)
        for (source, page, article, elapsed), result in zip(batch, analyze_isolated(a for _, _, a, _ in batch)):
            if isinstance(result, Analysis):
                try:
                    status = self.store.save(result, page)
                except StoreError as exc:
                    item = ItemStatus(source, "failed", str(exc), article.title, page.status)
                else:
                    item = ItemStatus(source, status, None, article.title, page.status)
            else:
                item = ItemStatus(source, "failed", result, article.title, page.status)
            self.finish(item, elapsed=elapsed)

    def finish(self, item: ItemStatus, *, elapsed: float | None = None) -> None:
        """Record a final status: report, fetch_log, progress callback."""
        self.report.items.append(item)
        self.done += 1
        try:
            self.store.log_fetch(item.source, item.status, status=item.http_status, reason=item.reason,
                                 elapsed=elapsed)
        except StoreError as exc:
            item.reason = f"{item.reason or item.status}; {exc}"
        if self.progress is not None:
            self.progress(item, self.done, max(self.total, self.done))


def extract_page(page: Page) -> Article | str:
    """The page's article, or a one-line reason why there is none.

    Besides ``ExtractError`` (no usable text), an unexpected parser error on
    one odd page is caught too: it must cost that page, not the whole run.
    """
    from newsmine.extract import extract

    try:
        return extract(page)
    except ExtractError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - see docstring
        return f"extraction failed: {one_line(exc)}"


def one_line(exc: BaseException) -> str:
    """An unexpected exception as one line: its type and message."""
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def analyze_isolated(articles: Iterable[Article]) -> list[Analysis | str]:
    """Analyse a batch; if the batch fails, retry one by one so one bad article costs only itself.

    Analysis errors are bugs or model failures rather than user errors, so they
    are caught broadly here and reported as a one-line reason per article.
    """
    from newsmine.pipeline import analyze_articles

    articles = list(articles)
    try:
        return list(analyze_articles(articles))
    except Exception:  # noqa: BLE001 - isolate the culprit below
        pass
    results: list[Analysis | str] = []
    for article in articles:
        try:
            results.extend(analyze_articles([article]))
        except Exception as exc:  # noqa: BLE001 - reported per article, run goes on
            results.append(f"analysis failed: {one_line(exc)}")
    return results
