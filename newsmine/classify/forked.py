"""Independent training jobs run side by side in forked processes of one thread each.

``newsmine train`` fits two cross-fitting adapters, runs their two passes
and fits a grid of heads: jobs that share nothing but their inputs. On two
cores, two one-thread processes beat one two-thread process: the matrix
products of a small encoder and of lbfgs gain little from a second thread.
Inputs reach
the workers through the fork (copy-on-write, never pickled); only job
numbers go out and results come back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

from threadpoolctl import threadpool_limits

_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # read by ``_run`` in the workers


def run_forked(task: Callable[[Any], Any], jobs: Sequence[Any], workers: int | None = None) -> list:
    """``[task(job) for job in jobs]``, each on one thread, in up to ``workers`` forked processes.

    By default there is one process per job, up to one more than the cores:
    three jobs of similar length on two cores end sooner time-sliced
    together than as two and then one. Where fork is unavailable, or there is one core, the jobs run in turn in
    this process, still on one thread each, so both ways give the same numbers.
    """
    global _TASK
    cores = os.cpu_count() or 1
    workers = min(workers or cores + 1, len(jobs))
    _TASK = (task, jobs)
    try:
        if "fork" in multiprocessing.get_all_start_methods() and cores >= 2 and workers >= 2:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                return pool.map(_run, range(len(jobs)), chunksize=1)
        return [_run(k) for k in range(len(jobs))]
    finally:
        _TASK = None


def _run(k: int) -> Any:
    import torch

    task, jobs = _TASK
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(1):
            return task(jobs[k])
    finally:
        torch.set_num_threads(threads)
