"""Scorers: the per-sentence signals and the ways of combining them into one score.

Three signals, all deterministic:

* **centrality**: cosine similarity of the sentence's TF-IDF vector to the cluster centroid
  (the centroid method; close to LexRank on news clusters and linear in cluster size);
* **support**: how many *other* documents (or independent copy groups) contain a sentence
  at least ``support_threshold`` similar, the cross-document agreement that a story's core
  facts get;
* **position**: news puts the lead first, so earlier sentences get a prior;

plus the surface cues of :mod:`synopsis.score.text`. Scorers in :data:`SCORERS` combine
them: ``centroid`` by hand-set weights, ``lexrank`` by graph centrality, and ``learned``
by a small linear model fitted on Multi-News training clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..model import Sentence
from ..options import ScoreOptions
from .similarity import at_least, other_documents, similar_pairs
from .text import SURFACE, surface

if TYPE_CHECKING:
    from scipy import sparse

# Written by benchmarks/train_scorer.py (see there to reproduce); order: LEARNED_INPUTS.
LEARNED_WEIGHTS: tuple[float, ...] = (
    0.1464,  # centrality
    0.1045,  # support
    -0.0097,  # position
    -0.0178,  # log_words
    0.1154,  # quote
    -0.0051,  # personal
    0.0419,  # question
    0.0159,  # digits
    -0.0321,  # relative_position
    -0.0126,  # furniture
    0.0637,  # summary_words
    0.1046,  # bias
)


@dataclass(frozen=True)
class Features:
    """Per-sentence signals a scorer combines; each array is aligned with the sentences."""

    centrality: np.ndarray
    support: np.ndarray  # other documents stating the sentence
    position: np.ndarray  # 1.0 for a document's first sentence, falling with depth
    neighbours: sparse.csr_matrix  # sentence-to-sentence similarity >= threshold
    # Surface cues, one column per name in SURFACE (see surface()); None when not computed.
    surface: np.ndarray | None = None


def features(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    threshold: float,
    groups: Sequence[int] | None = None,
    pairs: sparse.csr_matrix | None = None,
) -> Features:
    """The scorers' signals; with ``groups`` (copy group per document index), support
    counts other independent groups instead of other documents. ``pairs``, if given,
    are the sentence pairs at some similarity at or below ``threshold``."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm > 0 else np.zeros(matrix.shape[0])
    neighbours = similar_pairs(matrix, threshold) if pairs is None else at_least(pairs, threshold)
    doc_of = np.fromiter((s.doc_index for s in sentences), dtype=np.int64, count=len(sentences))
    if groups is not None:  # copies of one wire story confirm nothing: count groups
        doc_of = np.asarray(groups, dtype=np.int64)[doc_of]
    support = np.array([len(d) for d in other_documents(neighbours, doc_of)], dtype=np.float64)
    index = np.fromiter((s.index for s in sentences), dtype=np.float64, count=len(sentences))
    position = 1.0 / np.sqrt(1.0 + index)
    counts = np.bincount(doc_of, minlength=int(doc_of.max()) + 1) if len(doc_of) else []
    return Features(
        centrality=np.asarray(centrality, dtype=np.float64).ravel(),
        support=support,
        position=position,
        neighbours=neighbours,
        surface=surface(sentences, counts),
    )


def _unit(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def centroid_scorer(f: Features, options: ScoreOptions) -> np.ndarray:
    """Weighted sum of centrality, support and position, each scaled to [0, 1]."""
    return (
        options.centrality_weight * _unit(f.centrality)
        + options.support_weight * _unit(f.support)
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
    return _unit(rank) + options.position_weight * f.position


# Inputs of the learned scorer, in order: the three signals above (each cluster's
# centrality and support scaled to [0, 1]), the surface cues, and a constant.
LEARNED_INPUTS = ("centrality", "support", "position", *SURFACE, "bias")


def design_matrix(f: Features) -> np.ndarray:
    """One row per sentence, one column per name in LEARNED_INPUTS."""
    n = f.centrality.shape[0]
    cues = f.surface if f.surface is not None else np.zeros((n, len(SURFACE)))
    return np.column_stack([_unit(f.centrality), _unit(f.support), f.position, cues, np.ones(n)])


def learned_scorer(f: Features, options: ScoreOptions) -> np.ndarray:
    """A linear model over LEARNED_INPUTS, fitted by benchmarks/train_scorer.py on
    Multi-News training clusters to predict a sentence's share of bigrams found in the
    human summary; the weights are the small table LEARNED_WEIGHTS above."""
    return design_matrix(f) @ np.asarray(LEARNED_WEIGHTS, dtype=np.float64)


Scorer = Callable[[Features, ScoreOptions], np.ndarray]
SCORERS: dict[str, Scorer] = {
    "centroid": centroid_scorer,
    "lexrank": lexrank_scorer,
    "learned": learned_scorer,
}
