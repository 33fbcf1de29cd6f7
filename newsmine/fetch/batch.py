"""Fetching many URLs: one worker per host, hosts in parallel.

Grouping by host before scheduling matters: if URLs went to a plain thread
pool, workers would pile up behind one slow, rate-limited host while other
hosts sat idle. Here each host's URLs run in turn on one worker, and up to
``workers`` hosts run at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

from newsmine.errors import FetchError
from newsmine.fetch.safety import host_of
from newsmine.records import Page

FetchOne = Callable[[str], Page]
Result = tuple[str, "Page | FetchError"]


def run_by_host(urls: list[str], fetch_one: FetchOne, workers: int, ordered: bool) -> Iterator[Result]:
    """Yield ``(url, Page | FetchError)`` for every URL, as completed or in input order."""
    by_host: dict[str, list[int]] = {}
    for index, url in enumerate(urls):
        by_host.setdefault(host_of(url), []).append(index)
    done: queue.Queue[tuple[int, Page | FetchError]] = queue.Queue()
    stop = threading.Event()

    def work(indexes: list[int]) -> None:
        for index in indexes:
            if stop.is_set():
                return
            try:
                result: Page | FetchError = fetch_one(urls[index])
            except FetchError as err:
                result = err
            except Exception as err:  # noqa: BLE001 - a lost result would hang the consumer
                result = FetchError(f"{urls[index]}: unexpected {type(err).__name__}: {err}")
            done.put((index, result))

    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host))), thread_name_prefix="newsmine-fetch")
    try:
        for indexes in by_host.values():
            pool.submit(work, indexes)
        waiting: dict[int, Page | FetchError] = {}
        next_index = 0
        for _ in urls:
            index, result = done.get()
            if not ordered:
                yield urls[index], result
                continue
            waiting[index] = result
            while next_index in waiting:
                yield urls[next_index], waiting.pop(next_index)
                next_index += 1
    finally:
        # A consumer that stops early must not leave workers crawling on.
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
