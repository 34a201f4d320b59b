"""Sentence similarity: TF-IDF vectors and the pairs of sentences that say the same thing.

Similarity is computed in row blocks of a sparse matrix product and only the pairs above
the threshold are kept, so memory grows with the number of similar pairs, never with the
square of the cluster.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import ScoredCluster

if TYPE_CHECKING:
    from scipy import sparse

BLOCK_ROWS = 2048

_TERM = re.compile(r"(?u)\b\w\w+\b")


def _terms(text: str, stop_words: frozenset[str]) -> list[str]:
    """Lowercased words of two or more characters, English stop words left out: what
    TfidfVectorizer's own analyzer yields, without its per-call checks of the settings."""
    return [t for t in _TERM.findall(text.lower()) if t not in stop_words]


def vectorize(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per text (IDF fitted on these texts)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    def analyzer(text: str) -> list[str]:
        return _terms(text, ENGLISH_STOP_WORDS)

    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text was stop words or punctuation
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities ``>= threshold`` between rows, excluding each row with itself."""
    from scipy import sparse

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


def at_least(pairs: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """The pairs of ``pairs`` whose similarity reaches ``threshold``."""
    kept = pairs.copy()
    kept.data[kept.data < threshold] = 0
    kept.eliminate_zeros()
    return kept


def pairs_at(scored: ScoredCluster, threshold: float) -> sparse.csr_matrix:
    """Sentence pairs at least ``threshold`` similar: filtered from the pairs the score
    stage kept when it kept enough of them, computed afresh otherwise."""
    if scored.similar is not None and threshold >= scored.similar_floor:
        return at_least(scored.similar, threshold)
    return similar_pairs(scored.vectors, threshold)


def other_documents(neighbours: sparse.csr_matrix, doc_of: np.ndarray) -> list[np.ndarray]:
    """For each sentence, the distinct other documents among its similar sentences."""
    out = []
    for i in range(neighbours.shape[0]):
        cols = neighbours.indices[neighbours.indptr[i] : neighbours.indptr[i + 1]]
        docs = np.unique(doc_of[cols])
        out.append(docs[docs != doc_of[i]])
    return out
