"""Where the service computes summaries: child processes it can kill.

A summary is CPU- and memory-bound Python that cannot be interrupted from outside a
thread. So each job runs in a worker process; a job past its request's deadline, or
whose worker grows past the per-request memory ceiling, is stopped by killing that worker,
which is replaced at once. An abandoned request therefore frees its CPU and memory when
its client gets the 503, and cannot starve later requests.

Workers are plain ``python -c`` children talking length-prefixed pickles over their
stdin/stdout (no multiprocessing machinery, so no resource-tracker process); on Linux a
worker also dies with its server (``PR_SET_PDEATHSIG``), so none is ever orphaned.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any

from .errors import InputTooLargeError, SynopsisError

_HEADER = struct.Struct("<Q")
_TICK = 0.05  # seconds between deadline and memory checks while a job runs
_WORKER_CODE = "from synopsis.service_workers import worker_main; worker_main()"


class Reclaimed(Exception):
    """A job was stopped by killing its worker: ``reason`` is time, memory or died."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class JobFailed(Exception):
    """The job raised: a :class:`SynopsisError` (the user's mistake: ``status`` 400, or
    413 for an input over the size policy) or a bug (``status`` 500)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _failure(exc: Exception) -> tuple[str, int]:
    if isinstance(exc, InputTooLargeError):
        return str(exc), 413
    if isinstance(exc, SynopsisError):
        return str(exc), 400
    return f"{type(exc).__name__}: {exc}", 500


def _send(stream: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(stream, _HEADER.size))
    return pickle.loads(_read_exactly(stream, size))


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when the server process ends, however it ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the server is already gone
        os._exit(0)


def worker_main() -> None:
    """A worker's loop: read a job, run it, send its outcome; exit when the server goes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    results = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the result channel
    jobs = sys.stdin.buffer
    import synopsis.pipeline  # noqa: F401 - load the stages before the first job

    while True:
        try:
            job = _receive(jobs)
        except EOFError:
            return
        try:
            outcome: tuple[str, object] = ("ok", job())
        except MemoryError:
            outcome = ("memory", "")
        except Exception as exc:  # the user's mistake, or a bug: report it, keep the worker
            outcome = ("failed", _failure(exc))
        _send(results, outcome)


def _rss_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class _Worker:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CODE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.retired = False  # killed on purpose: never handed another job

    def alive(self) -> bool:
        return not self.retired and self.process.poll() is None

    def call(self, job: Callable[[], object], deadline: float, memory_limit: int | None) -> object:
        """Run one job (in a helper thread); kill the worker at the deadline or ceiling."""
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            _send(self.process.stdin, job)
        except (BrokenPipeError, OSError):
            self.kill()
            raise Reclaimed("died") from None
        out = self.process.stdout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                raise Reclaimed("time")
            ready, _, _ = select.select([out], [], [], min(_TICK, left))
            if ready:
                break
            if memory_limit is not None:
                rss = _rss_bytes(self.process.pid)
                if rss is not None and rss > memory_limit:
                    self.kill()
                    raise Reclaimed("memory")
        try:
            kind, value = _receive(out)
        except (EOFError, pickle.UnpicklingError, struct.error):
            self.kill()
            raise Reclaimed("died") from None
        if kind == "ok":
            return value
        if kind == "memory":
            self.kill()  # a MemoryError can leave the heap fragmented: start afresh
            raise Reclaimed("memory")
        message, status = value  # type: ignore[misc]
        raise JobFailed(message, status)

    def kill(self) -> None:
        self.retired = True
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


class ProcessWorkers:
    """A fixed number of killable worker processes, shared by all requests."""

    def __init__(self, workers: int, memory_limit: int | None = None) -> None:
        self.size = workers
        self.memory_limit = memory_limit
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._slots: asyncio.Semaphore | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._busy = 0
        self._all_busy_since: float | None = None

    def start(self) -> None:
        """Start the workers (call from the event loop's thread: they die with it)."""
        self._idle = [self._new() for _ in range(self.size)]
        self._slots = asyncio.Semaphore(self.size)
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="worker-wait")

    def _new(self) -> _Worker:
        self._all = [w for w in self._all if w.process.poll() is None]
        worker = _Worker()
        self._all.append(worker)
        return worker

    def starved_for(self) -> float:
        """Seconds since the last worker became busy (0 while one is free)."""
        if self._all_busy_since is None:
            return 0.0
        return time.monotonic() - self._all_busy_since

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._all if w.alive()]

    async def run(self, job: Callable[[], object], deadline: float) -> object:
        """The job's result; :class:`Reclaimed` if it ran out of time or memory."""
        if self._slots is None or self._threads is None:
            self.start()
        assert self._slots is not None and self._threads is not None
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=deadline - time.monotonic())
        except asyncio.TimeoutError:
            raise Reclaimed("time") from None  # queued past the deadline: never started
        worker = self._idle.pop()
        self._mark(+1)
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(
                self._threads, worker.call, job, deadline, self.memory_limit
            )
        except asyncio.CancelledError:  # the request was abandoned: so is its work
            worker.retired = True
            worker.process.kill()  # its waiting thread sees the end and cleans up
            raise
        finally:
            self._idle.append(worker if worker.alive() else self._new())
            self._mark(-1)
            self._slots.release()

    def _mark(self, change: int) -> None:
        self._busy += change
        if self._busy >= self.size:
            self._all_busy_since = self._all_busy_since or time.monotonic()
        else:
            self._all_busy_since = None

    def close(self) -> None:
        """Stop every worker and wait for it: no process outlives the server."""
        for worker in self._all:
            worker.retired = True
            if worker.process.poll() is None:
                worker.process.kill()
        for worker in self._all:
            worker.process.wait()
        self._idle, self._all = [], []
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)


class ThreadWorkers:
    """Worker threads (``--threads``): light, for embedding and debugging, but a job past
    its deadline cannot be stopped: its client gets the 503 while the job finishes in its
    thread, and ``/healthz`` turns 503 while every thread is taken for too long."""

    def __init__(self, workers: int) -> None:
        self.size = workers
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._busy = 0
        self._all_busy_since: float | None = None

    def start(self) -> None:
        self._pool = ThreadPoolExecutor(self.size, thread_name_prefix="summarize")

    def starved_for(self) -> float:
        since = self._all_busy_since
        return 0.0 if since is None else time.monotonic() - since

    def _tracked(self, job: Callable[[], object]) -> object:
        with self._lock:
            self._busy += 1
            if self._busy >= self.size and self._all_busy_since is None:
                self._all_busy_since = time.monotonic()
        try:
            return job()
        finally:
            with self._lock:
                self._busy -= 1
                if self._busy < self.size:
                    self._all_busy_since = None

    async def run(self, job: Callable[[], object], deadline: float) -> object:
        if self._pool is None:
            self.start()
        assert self._pool is not None
        future = asyncio.get_running_loop().run_in_executor(self._pool, self._tracked, job)
        try:
            return await asyncio.wait_for(future, timeout=max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            raise Reclaimed("time") from None
        except SynopsisError as exc:
            raise JobFailed(*_failure(exc)) from None
        except MemoryError:
            raise Reclaimed("memory") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
