"""ROUGE with Porter stemming, bootstrap intervals and paired significance.

A thin wrapper over Google's ``rouge-score`` (the reference implementation most papers
use) that returns value types instead of dicts, plus the statistics the reports need.
Every random draw comes from a seeded :class:`numpy.random.Generator`, so intervals and
p-values are identical on every run (rouge-score's own ``BootstrapAggregator`` is not
seeded).

>>> metric = RougeMetric()
>>> scores = metric.score(["The cat sat."], "The cat sat on the mat.")
>>> round(scores.rouge1.recall, 3)
0.5
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import MissingExtraError
from ..segment import segment_text

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def metric_field(values: object, metric: str) -> Any:
    """The field named by a metric, on any value type with one field per metric."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose from {', '.join(METRICS)}")
    return getattr(values, metric)


BOOTSTRAP_SAMPLES = 1000
PAIRED_SAMPLES = 10000
SEED = 20190601  # fixed: intervals and p-values must not change between runs


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one ROUGE variant (as rouge-score defines them)."""

    precision: float
    recall: float
    fmeasure: float


@dataclass(frozen=True)
class RougeScores:
    """The four ROUGE variants of one summary against its reference."""

    rouge1: Score
    rouge2: Score
    rougeL: Score
    rougeLsum: Score

    def get(self, metric: str) -> Score:
        return metric_field(self, metric)


@dataclass(frozen=True)
class Aggregate:
    """Mean of a per-cluster value with its 95% percentile-bootstrap interval."""

    mean: float
    low: float
    high: float


def _rouge_score():
    try:
        from rouge_score import rouge_scorer, tokenizers
    except ImportError:
        raise MissingExtraError("evaluation (synopsis eval)", "eval") from None
    return rouge_scorer, tokenizers


class RougeMetric:
    """Scores summaries against references; one instance per process, no state kept
    between calls beyond the (stateless) scorer and tokenizer."""

    def __init__(self) -> None:
        rouge_scorer, tokenizers = _rouge_score()
        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def score(self, summary: Sequence[str], reference: str) -> RougeScores:
        """``summary`` is a list of sentences; the reference is split into sentences by
        synopsis's own segmenter so ROUGE-Lsum sees one sentence per line on both sides."""
        target = reference_lines(reference)
        prediction = "\n".join(s.strip() for s in summary if s.strip())
        raw = self._scorer.score(target, prediction)
        return RougeScores(
            **{m: Score(raw[m].precision, raw[m].recall, raw[m].fmeasure) for m in METRICS}
        )

    def tokens(self, text: str) -> list[str]:
        """rouge-score's tokens (lowercased, Porter-stemmed), for the oracle's search."""
        return self._tokenizer.tokenize(text)


def reference_lines(reference: str) -> str:
    """The reference with one sentence per line (what ROUGE-Lsum expects)."""
    return "\n".join(segment_text(reference)) or reference.strip()


def bootstrap_ci(values: Sequence[float], rng: np.random.Generator) -> Aggregate:
    """Mean and 95% percentile-bootstrap interval over clusters."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return Aggregate(float("nan"), float("nan"), float("nan"))
    picks = rng.integers(0, data.size, size=(BOOTSTRAP_SAMPLES, data.size))
    means = data[picks].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Aggregate(float(data.mean()), float(low), float(high))


def paired_bootstrap_p(
    system: Sequence[float], baseline: Sequence[float], rng: np.random.Generator
) -> float:
    """One-sided paired bootstrap p-value for "system beats baseline" (Koehn 2004).

    Clusters are resampled with replacement; p is the share of resamples in which the
    system's mean is not above the baseline's. Small p: the gain is unlikely to be luck
    of which clusters were drawn.
    """
    a = np.asarray(system, dtype=np.float64)
    b = np.asarray(baseline, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError("paired scores must cover the same clusters")
    if a.size == 0:
        return float("nan")
    diff = a - b
    picks = rng.integers(0, diff.size, size=(PAIRED_SAMPLES, diff.size))
    return float((diff[picks].mean(axis=1) <= 0).mean())


def new_rng(seed: int = SEED) -> np.random.Generator:
    return np.random.default_rng(seed)
