"""Scorers: the ways of combining the signals (:mod:`.signals`) into one score a sentence.

Every entry of :data:`SCORERS` is called the same way, ``scorer(features, options)``:
``centroid`` by hand-set weights, ``lexrank`` by graph centrality, and ``learned`` by a
small linear model fitted on Multi-News training clusters (:mod:`.learned`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..options import ScoreOptions
from .learned import LearnedScorer
from .signals import Features, unit


def centroid_scorer(f: Features, options: ScoreOptions) -> np.ndarray:
    """Weighted sum of centrality, support and position, each scaled to [0, 1]."""
    return (
        options.centrality_weight * unit(f.centrality)
        + options.support_weight * unit(f.support)
        + options.position_weight * f.position
    )


def lexrank_scorer(f: Features, options: ScoreOptions, damping: float = 0.85) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004) on the thresholded similarity graph."""
    from scipy import sparse

    n = f.neighbours.shape[0]
    if n == 0:
        return np.zeros(0)
    graph = f.neighbours.astype(np.float64)
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, out_weight))
    transition = sparse.diags(inv) @ graph
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        spread = transition.T @ rank + rank[dangling].sum() / n
        new = (1 - damping) / n + damping * spread
        if np.abs(new - rank).sum() < 1e-8:
            rank = new
            break
        rank = new
    return unit(rank) + options.position_weight * f.position


Scorer = Callable[[Features, ScoreOptions], np.ndarray]
SCORERS: dict[str, Scorer] = {
    "centroid": centroid_scorer,
    "lexrank": lexrank_scorer,
    "learned": LearnedScorer(),
}
