"""The local engine: a process pool that returns results in input order.

One pool serves every multi-cluster command (``batch summarize``, ``summarize --jobs``,
``eval --jobs``). Workers are forked where the platform allows, so they start with
synopsis already imported instead of paying its import once each. At most a few items
per worker are in flight, so a corpus larger than memory streams through.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from ..errors import InputError

T = TypeVar("T")
R = TypeVar("R")

# Items queued per worker: enough to keep every core busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 4


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    *,
    initializer: Callable[[], None] | None = None,
) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` processes, yielding results in input order.

    ``jobs == 1`` runs in this process (no pickling, the plain loop). ``fn`` and the
    items must pickle (a module-level function, plain data).
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"jobs must be a positive whole number, got {jobs!r}")
    if jobs == 1:
        if initializer is not None:
            initializer()
        yield from map(fn, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer) as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # stopped early (an error, or the caller broke off): drop queued work
            for future in pending:
                future.cancel()
