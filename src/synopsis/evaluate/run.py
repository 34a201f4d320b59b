"""Run systems over clusters, score them, and aggregate: the evaluation itself.

Timing and memory are measured apart so neither distorts the other:

* **clusters/s**: clusters divided by the summed wall-clock time of the system's calls
  (``time.perf_counter`` around ``system(cluster, words)`` only: no loading, no ROUGE).
  With ``jobs > 1`` the calls run in parallel processes that share the CPU, so compare
  systems within one run.
* **peak memory**: after the timed pass, each system is run once more (after a warm-up
  call, so imports are not counted) on the largest cluster of the run under
  :mod:`tracemalloc`; the figure is the peak of Python-heap allocations (NumPy and SciPy
  arrays included, as NumPy reports to tracemalloc) during that one call. It is not the
  process RSS.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..batch.pool import ordered_map
from ..errors import InputError
from ..model import Cluster
from .readability import Readability, check
from .rouge import (
    METRICS,
    Aggregate,
    RougeMetric,
    RougeScores,
    bootstrap_ci,
    metric_field,
    new_rng,
    paired_bootstrap_p,
)
from .systems import SYSTEMS, cut

DEFAULT_WORDS = 300
REFERENCE_SYSTEM = "synopsis"


@dataclass(frozen=True)
class ClusterResult:
    """One system's summary of one cluster, scored."""

    cluster_id: str
    system: str
    scores: RougeScores
    seconds: float
    words: int
    # Readability flags of the sentences kept within the budget (the one cut at the
    # budget is checked whole).
    readability: Readability = field(default_factory=Readability)


@dataclass(frozen=True)
class SystemResult:
    """One system over the whole run."""

    name: str
    rouge1: Aggregate
    rouge2: Aggregate
    rougeL: Aggregate
    rougeLsum: Aggregate
    mean_words: float
    clusters_per_second: float
    peak_memory_bytes: int
    # One-sided paired bootstrap p-value of synopsis beating this system on ROUGE-2 F1;
    # None for synopsis itself or when synopsis was not run.
    p_synopsis_better_r2: float | None
    # Summed readability flags over the run (rates: ``readability.rate(kind)``).
    readability: Readability = field(default_factory=Readability)

    def get(self, metric: str) -> Aggregate:
        return metric_field(self, metric)


@dataclass(frozen=True)
class Evaluation:
    """Everything one ``synopsis eval`` run measured."""

    data: str
    split: str
    words: int
    clusters: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    results: tuple[ClusterResult, ...]
    memory_cluster: str  # the cluster the peak-memory figures come from

    def system(self, name: str) -> SystemResult:
        for s in self.systems:
            if s.name == name:
                return s
        raise KeyError(name)


def parse_systems(names: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"a,b"`` or a list to known system names (all systems when empty)."""
    if names is None or names == "" or names == []:
        return tuple(SYSTEMS)
    items = names.split(",") if isinstance(names, str) else list(names)
    chosen = tuple(dict.fromkeys(n.strip() for n in items if n.strip()))
    unknown = [n for n in chosen if n not in SYSTEMS]
    if unknown or not chosen:
        raise InputError(
            f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}"
            if unknown
            else "no system named"
        )
    return chosen


_METRIC: RougeMetric | None = None


def _init_worker() -> None:
    global _METRIC  # one scorer per worker process, built once
    _METRIC = RougeMetric()


def _evaluate_cluster(cluster: Cluster, systems: Sequence[str], words: int) -> list[ClusterResult]:
    metric = _METRIC or RougeMetric()
    out = []
    for name in systems:
        start = time.perf_counter()
        sentences = SYSTEMS[name](cluster, words)
        seconds = time.perf_counter() - start
        summary = cut(sentences, words)
        out.append(
            ClusterResult(
                cluster_id=cluster.id,
                system=name,
                scores=metric.score(summary, cluster.reference or ""),
                seconds=seconds,
                words=sum(len(s.split()) for s in summary),
                readability=check(sentences[: len(summary)], cluster),
            )
        )
    return out


def peak_memory(name: str, cluster: Cluster, words: int) -> int:
    """Peak traced allocation (bytes) of one call, after an untraced warm-up call."""
    SYSTEMS[name](cluster, words)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        SYSTEMS[name](cluster, words)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def evaluate(
    clusters: Sequence[Cluster],
    systems: Sequence[str] | None = None,
    *,
    words: int = DEFAULT_WORDS,
    jobs: int = 1,
    data: str = "",
    split: str = "all",
    on_cluster: Callable[[str], None] | None = None,
) -> Evaluation:
    """Summarize every cluster with every system, score against the references and
    aggregate. ``on_cluster`` is called after each cluster (for a progress bar)."""
    names = parse_systems(systems)
    if words < 1:
        raise InputError(f"words must be at least 1, got {words}")
    if jobs < 1:
        raise InputError(f"jobs must be at least 1, got {jobs}")
    if not clusters:
        raise InputError("no clusters to evaluate")
    RougeMetric()  # fail early and cleanly if the eval extra is missing
    smallest = min(clusters, key=_size)
    for name in names:  # warm-up: imports and first-call setup are not timed
        SYSTEMS[name](smallest, words)
    per_cluster: dict[int, list[ClusterResult]] = {}
    if jobs == 1:
        for i, cluster in enumerate(clusters):
            per_cluster[i] = _evaluate_cluster(cluster, names, words)
            if on_cluster:
                on_cluster(cluster.id)
    else:  # the pool every multi-cluster command shares (results in input order)
        work = partial(_evaluate_cluster, systems=names, words=words)
        pool = ordered_map(work, clusters, jobs, initializer=_init_worker)
        for i, results in enumerate(pool):
            per_cluster[i] = results
            if on_cluster:
                on_cluster(clusters[i].id)
    results = tuple(r for i in range(len(clusters)) for r in per_cluster[i])
    largest = max(clusters, key=_size)
    memory = {name: peak_memory(name, largest, words) for name in names}
    return Evaluation(
        data=data,
        split=split,
        words=words,
        clusters=tuple(c.id for c in clusters),
        systems=tuple(_aggregate(name, results, memory[name]) for name in names),
        results=results,
        memory_cluster=largest.id,
    )


def _size(cluster: Cluster) -> int:
    return sum(len(d.text.split()) for d in cluster.documents)


def _aggregate(name: str, results: Sequence[ClusterResult], memory: int) -> SystemResult:
    mine = [r for r in results if r.system == name]
    reference = [r for r in results if r.system == REFERENCE_SYSTEM]
    aggregates = {
        # A fresh generator per figure: the same resamples for every system, and a
        # figure does not depend on which other systems were run.
        m: bootstrap_ci([r.scores.get(m).fmeasure for r in mine], new_rng())
        for m in METRICS
    }
    p_value = None
    if reference and name != REFERENCE_SYSTEM:
        p_value = paired_bootstrap_p(
            [r.scores.rouge2.fmeasure for r in reference],
            [r.scores.rouge2.fmeasure for r in mine],
            new_rng(),
        )
    seconds = sum(r.seconds for r in mine)
    return SystemResult(
        name=name,
        **aggregates,
        mean_words=sum(r.words for r in mine) / len(mine),
        clusters_per_second=len(mine) / seconds if seconds > 0 else float("inf"),
        peak_memory_bytes=memory,
        p_synopsis_better_r2=p_value,
        readability=sum((r.readability for r in mine), Readability()),
    )
