"""The per-sentence signals every scorer combines, computed once per cluster.

Three signals, all deterministic:

* **centrality**: cosine similarity of the sentence's TF-IDF vector to the cluster centroid
  (the centroid method; close to LexRank on news clusters and linear in cluster size);
* **support**: how many *other* documents (or independent copy groups) contain a sentence
  at least ``support_threshold`` similar, the cross-document agreement that a story's core
  facts get;
* **position**: news puts the lead first, so earlier sentences get a prior;

plus the text cues of :mod:`synopsis.score.text` and each sentence's words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..model import Sentence
from .similarity import at_least, other_document_counts, similar_pairs
from .text import surface, words

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class Features:
    """Per-sentence signals a scorer combines; each array is aligned with the sentences."""

    centrality: np.ndarray
    support: np.ndarray  # other documents stating the sentence
    position: np.ndarray  # 1.0 for a document's first sentence, falling with depth
    neighbours: sparse.csr_matrix  # sentence-to-sentence similarity >= threshold
    # Text cues, one column per name in TEXT_CUES (see text.surface()).
    surface: np.ndarray
    tokens: tuple[list[str], ...]  # each sentence's words (text.words), tokenized once


def features(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    threshold: float,
    groups: Sequence[int] | None = None,
    pairs: sparse.csr_matrix | None = None,
    tokens: Sequence[list[str]] | None = None,
) -> Features:
    """The scorers' signals; with ``groups`` (copy group per document index), support
    counts other independent groups instead of other documents. ``pairs``, if given,
    are the sentence pairs at some similarity at or below ``threshold``; ``tokens``, the
    sentences' words if already computed (:func:`.text.words`)."""
    centroid = column_means(matrix)
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm > 0 else np.zeros(matrix.shape[0])
    neighbours = similar_pairs(matrix, threshold) if pairs is None else at_least(pairs, threshold)
    doc_of = np.fromiter((s.doc_index for s in sentences), dtype=np.int64, count=len(sentences))
    # Sentences per *document* (for the relative position), counted before support maps
    # documents to copy groups: surface() looks the count up by document index.
    counts = np.bincount(doc_of, minlength=int(doc_of.max()) + 1) if len(doc_of) else []
    source_of = doc_of
    if groups is not None:  # copies of one wire story confirm nothing: count groups
        source_of = np.asarray(groups, dtype=np.int64)[doc_of]
    support = other_document_counts(neighbours, source_of).astype(np.float64)
    index = np.fromiter((s.index for s in sentences), dtype=np.float64, count=len(sentences))
    position = 1.0 / np.sqrt(1.0 + index)
    if tokens is None:
        tokens = [words(s.text) for s in sentences]
    return Features(
        centrality=np.asarray(centrality, dtype=np.float64).ravel(),
        support=support,
        position=position,
        neighbours=neighbours,
        surface=surface(sentences, counts, tokens),
        tokens=tuple(tokens),
    )


def column_means(matrix: sparse.csr_matrix) -> np.ndarray:
    """``np.asarray(matrix.mean(axis=0)).ravel()`` bit for bit, without scipy's per-call
    overhead (a scaled copy, a transpose, a matrix of ones; ~60 us on a news cluster):
    scipy scales each value by ``1 / rows`` in the matrix's dtype and adds them into
    their column in stored order, as ``np.add.at`` does."""
    n = matrix.shape[0]
    dtype = matrix.dtype if np.issubdtype(matrix.dtype, np.floating) else np.float64
    out = np.zeros(matrix.shape[1], dtype=dtype)
    if n:
        np.add.at(out, matrix.indices, matrix.data.astype(dtype, copy=False) * (1.0 / n))
    return out


def unit(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)
