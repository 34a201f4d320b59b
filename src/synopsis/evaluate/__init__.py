"""Evaluation: ROUGE of synopsis and classic baselines on clusters with references.

>>> from synopsis.evaluate import evaluate, read_clusters  # doctest: +SKIP
>>> result = evaluate(read_clusters("clusters.jsonl"), ["synopsis", "lead"])  # doctest: +SKIP

Needs the ``eval`` extra (rouge-score, sumy); without it the functions that score or
run the sumy baselines raise :class:`~synopsis.errors.MissingExtraError`.
"""

from __future__ import annotations

from .data import read_clusters, split
from .report import to_dict, to_json, to_markdown
from .rouge import Aggregate, RougeMetric, RougeScores, Score
from .run import ClusterResult, Evaluation, SystemResult, evaluate, parse_systems
from .systems import SYSTEMS, cut

__all__ = [
    "SYSTEMS",
    "Aggregate",
    "ClusterResult",
    "Evaluation",
    "RougeMetric",
    "RougeScores",
    "Score",
    "SystemResult",
    "cut",
    "evaluate",
    "parse_systems",
    "read_clusters",
    "split",
    "to_dict",
    "to_json",
    "to_markdown",
]
