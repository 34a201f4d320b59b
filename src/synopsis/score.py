"""Salience: one score per sentence, from the whole cluster.

Three signals, all deterministic:

* **centrality**: cosine similarity of the sentence's TF-IDF vector to the cluster centroid
  (the centroid method; close to LexRank on news clusters and linear in cluster size);
* **support**: how many *other* documents (or independent copy groups) contain a sentence at least
  ``support_threshold`` similar, the cross-document agreement that a story's core facts get;
* **position**: news puts the lead first, so earlier sentences get a prior.

Sentence similarity is computed in row blocks of a sparse matrix product and only the
pairs above the threshold are kept, so memory grows with the number of similar pairs,
never with the square of the cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from .errors import EmptyClusterError
from .model import ScoredCluster, SegmentedDocument, Sentence
from .options import ScoreOptions

BLOCK_ROWS = 2048


@dataclass(frozen=True)
class Features:
    """Per-sentence signals a scorer combines; each array is aligned with the sentences."""

    centrality: np.ndarray
    support: np.ndarray  # other documents stating the sentence
    position: np.ndarray  # 1.0 for a document's first sentence, falling with depth
    neighbours: sparse.csr_matrix  # sentence-to-sentence similarity >= threshold


def vectorize(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per text (IDF fitted on these texts)."""
    vectorizer = TfidfVectorizer(
        lowercase=True,
        stop_words="english",
        sublinear_tf=True,
        token_pattern=r"(?u)\b\w\w+\b",
        dtype=np.float32,
    )
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text was stop words or punctuation
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities ``>= threshold`` between rows, excluding each row with itself."""
    n = matrix.shape[0]
    blocks = []
    transposed = matrix.T.tocsc()
    for lo in range(0, n, BLOCK_ROWS):
        block = (matrix[lo : lo + BLOCK_ROWS] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + lo != block.col)
        blocks.append(
            sparse.coo_matrix(
                (block.data[keep], (block.row[keep] + lo, block.col[keep])), shape=(n, n)
            )
        )
    if not blocks:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    return sparse.csr_matrix(sum(blocks[1:], blocks[0])) if len(blocks) > 1 else blocks[0].tocsr()


def other_documents(neighbours: sparse.csr_matrix, doc_of: np.ndarray) -> list[np.ndarray]:
    """For each sentence, the distinct other documents among its similar sentences."""
    out = []
    for i in range(neighbours.shape[0]):
        cols = neighbours.indices[neighbours.indptr[i] : neighbours.indptr[i + 1]]
        docs = np.unique(doc_of[cols])
        out.append(docs[docs != doc_of[i]])
    return out


def features(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    threshold: float,
    groups: Sequence[int] | None = None,
) -> Features:
    """The scorers' signals; with ``groups`` (copy group per document index), support
    counts other independent groups instead of other documents."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm > 0 else np.zeros(matrix.shape[0])
    neighbours = similar_pairs(matrix, threshold)
    doc_of = np.fromiter((s.doc_index for s in sentences), dtype=np.int64, count=len(sentences))
    if groups is not None:  # copies of one wire story confirm nothing: count groups
        doc_of = np.asarray(groups, dtype=np.int64)[doc_of]
    support = np.array([len(d) for d in other_documents(neighbours, doc_of)], dtype=np.float64)
    index = np.fromiter((s.index for s in sentences), dtype=np.float64, count=len(sentences))
    position = 1.0 / np.sqrt(1.0 + index)
    return Features(
        centrality=np.asarray(centrality, dtype=np.float64).ravel(),
        support=support,
        position=position,
        neighbours=neighbours,
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


Scorer = Callable[[Features, ScoreOptions], np.ndarray]
SCORERS: dict[str, Scorer] = {"centroid": centroid_scorer, "lexrank": lexrank_scorer}


def score(
    documents: Sequence[SegmentedDocument],
    options: ScoreOptions | None = None,
    groups: Sequence[int] | None = None,
) -> ScoredCluster:
    """Score every sentence of the cluster with the configured scorer.

    ``groups`` (from :func:`synopsis.dedup.dedup`, the copy group of each document) makes
    support count independent sources: a sentence repeated by three copies of one wire
    story then counts once.
    """
    options = options or ScoreOptions()
    if options.scorer not in SCORERS:
        raise ValueError(f"unknown scorer {options.scorer!r}; choose from {', '.join(SCORERS)}")
    sentences = tuple(s for d in documents for s in d.sentences)
    if not sentences:
        raise EmptyClusterError(
            "no sentences to summarize: every document was empty after cleaning"
        )
    matrix = vectorize([s.text for s in sentences])
    f = features(sentences, matrix, options.support_threshold, groups)
    scores = SCORERS[options.scorer](f, options)
    return ScoredCluster(
        documents=tuple(documents),
        sentences=sentences,
        scores=tuple(float(x) for x in scores),
        support=tuple(int(x) for x in f.support),
        vectors=matrix,
    )
