"""Sentence similarity: TF-IDF vectors and the pairs of sentences that say the same thing.

Similarity is computed in row blocks of a sparse matrix product and only the pairs above
the threshold are kept. Three limits make time and memory linear in the input on any
text, including low-vocabulary, repetitive text where nearly every pair of sentences
shares words: each sentence keeps its MAX_NEIGHBOURS most similar sentences; a term found
in more than COMMON_TERM sentences (possible only in a cluster that large) is treated as a
stop word by the product, which bounds its work by COMMON_TERM times the input's terms;
and a block of rows is sized so that its product holds at most BLOCK_ENTRIES entries.
News clusters of up to COMMON_TERM sentences get the exact pairs unless a sentence has
more than MAX_NEIGHBOURS similar ones (benchmarks/similar-pairs.md measures both).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import ScoredCluster
from ..stopwords import ENGLISH_STOP_WORDS as STOP_WORDS

if TYPE_CHECKING:
    from scipy import sparse

# Limits that keep similar_pairs linear in the input on any text (see its docstring).
BLOCK_ROWS = 2048  # rows per block of the product, at most
BLOCK_ENTRIES = 4_000_000  # entries a block's product may hold (about 50 MB), at most
MAX_NEIGHBOURS = 50  # similar sentences kept per sentence
COMMON_TERM = 2000  # a term in more sentences than this proposes no similar pair
DENSE_ROWS = 256  # up to this many rows, the product may be computed densely (same values)
DENSE_ENTRIES = 60_000  # ... when rows x longest row x rows is within this (cheaper than scipy)

_TERM = re.compile(r"(?u)\b\w\w+\b")


def _terms(text: str, stop_words: frozenset[str] = STOP_WORDS) -> list[str]:
    """Lowercased words of two or more characters, English stop words left out: what
    scikit-learn's TfidfVectorizer yields with its default token pattern."""
    return [t for t in _TERM.findall(text.lower()) if t not in stop_words]


def terms_of(words: Sequence[str], stop_words: frozenset[str] = STOP_WORDS) -> list[str]:
    """:func:`_terms` from a sentence's words (``text.words``, runs of ``\\w``): a run of
    two or more word characters is exactly a ``\\b\\w\\w+\\b`` match, so the text
    need not be read again."""
    return [t for t in words if len(t) > 1 and t not in stop_words]


def vectorize(
    texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None
) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per text (IDF fitted on these texts).

    The same matrix, bit for bit, as scikit-learn's ``TfidfVectorizer(sublinear_tf=True,
    dtype=np.float32)`` over :func:`_terms` (columns in alphabetical order; each row's
    entries in order of the terms' first appearance; the same float32 steps and a
    double-precision row norm summed in that order), without its per-call validation,
    which cost more than the counting on a news cluster (benchmarks/similar-pairs.md).
    ``tokens``, each text's words (``text.words``) if the caller has them, saves reading
    the texts again; the counting is done by numpy over the whole cluster at once.
    """
    from scipy import sparse

    n = len(texts) if tokens is None else len(tokens)
    rows = [_terms(t) for t in texts] if tokens is None else [terms_of(ws) for ws in tokens]
    lengths_in = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
    flat = [t for r in rows for t in r]
    if not flat:  # every text was stop words or punctuation
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    # Term ids by first appearance (the order scikit-learn gives a row's entries), and
    # each id's column: the terms' alphabetical rank.
    ids: dict[str, int] = {}
    first = np.fromiter((ids.setdefault(t, len(ids)) for t in flat), np.int64, len(flat))
    size = len(ids)
    vocab = list(ids)
    column = np.empty(size, dtype=np.int64)
    column[sorted(range(size), key=vocab.__getitem__)] = np.arange(size)
    row_of = np.repeat(np.arange(n, dtype=np.int64), lengths_in)
    keys, counts = np.unique(row_of * size + first, return_counts=True)
    indices = column[keys % size]
    bounds = np.searchsorted(keys // size, np.arange(n + 1), side="left")
    one = np.float32(1.0)
    data = counts.astype(np.float32)
    np.log(data, out=data)  # sublinear tf: 1 + log(count)
    data += one
    df = np.bincount(indices, minlength=size).astype(np.float32) + one
    idf = np.full_like(df, n + 1, dtype=np.float32)  # smoothed: log((1+n)/(1+df)) + 1
    idf /= df
    np.log(idf, out=idf)
    idf += one
    data *= idf[indices]
    lengths = np.diff(bounds)
    sums = _row_sums_in_order((data * data).astype(np.float64), bounds, lengths)
    norms = np.repeat(np.sqrt(sums), lengths)
    scaled = data.astype(np.float64)
    np.divide(scaled, norms, out=scaled, where=norms > 0)
    return sparse.csr_matrix(
        (scaled.astype(np.float32), indices.astype(np.int32), bounds.astype(np.int32)),
        shape=(n, size),
    )


# Rows x longest row the padded sum may hold (8 bytes each); past it, column by column.
_PADDED_ENTRIES = 1_000_000


def _row_sums_in_order(values: np.ndarray, bounds: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each CSR row's values summed left to right, as a sequential loop would (numpy's
    ``sum`` and ``reduceat`` add pairwise, which can differ in the last bit): the rows are
    laid in a zero-padded block and accumulated along it (adding 0.0 changes nothing)."""
    n = len(lengths)
    width = int(lengths.max()) if n else 0
    sums = np.zeros(n, dtype=np.float64)
    if width == 0:
        return sums
    if n * width <= _PADDED_ENTRIES:
        block = np.zeros((n, width), dtype=np.float64)
        rows = np.repeat(np.arange(n), lengths)
        block[rows, np.arange(len(values)) - bounds[rows]] = values
        return np.cumsum(block, axis=1)[:, -1]
    for j in range(width):  # column by column: each row summed in order
        rows = np.flatnonzero(lengths > j)
        sums[rows] += values[bounds[rows] + j]
    return sums


def similar_pairs(
    matrix: sparse.csr_matrix,
    threshold: float,
    neighbours: int = MAX_NEIGHBOURS,
    common: int = COMMON_TERM,
    block_entries: int = BLOCK_ENTRIES,
    dense_rows: int = DENSE_ROWS,
) -> sparse.csr_matrix:
    """Cosine similarities ``>= threshold`` between rows, excluding each row with itself.

    Bounded on any text (see the module's limits): each row keeps its ``neighbours`` most
    similar rows (ties broken by the lower row number), so the result holds at most
    ``neighbours`` entries a row and need not be symmetric; a term found in more than
    ``common`` rows adds nothing to any similarity (possible only in a cluster that
    large); and the product is computed in blocks of rows whose output holds at most
    ``block_entries`` entries. On a cluster of ``common`` sentences or fewer whose
    sentences have at most ``neighbours`` similar ones each, the result is exact.

    Up to ``dense_rows`` rows (a news cluster) the product is computed densely by
    :func:`_dense_similarities`, the same float32 values as scipy's: its per-call
    overhead (building, slicing and converting sparse matrices) cost more than the
    product on such small input.
    """
    from scipy import sparse

    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    too_common = df > common
    if too_common.any():  # as uninformative as a stop word at this scale: drop its column
        matrix = matrix @ sparse.diags((~too_common).astype(matrix.dtype))
        matrix.eliminate_zeros()
        df = np.where(too_common, 0, df)
    if n <= dense_rows and threshold > 0:
        similarities = _dense_similarities(matrix)
        if similarities is not None:
            np.fill_diagonal(similarities, 0)  # a sentence is not its own pair
            r, c = np.nonzero(similarities >= threshold)  # row by row, columns in order
            r, c, v = _top(r, c, similarities[r, c], neighbours)
            order = np.lexsort((c, r))  # _top may reorder a row: columns in order again
            r, c, v = r[order], c[order], v[order]
            indptr = np.concatenate(([0], np.cumsum(np.bincount(r, minlength=n))))
            return sparse.csr_matrix((v, c.astype(np.int32), indptr.astype(np.int32)), shape=(n, n))
    transposed = matrix.T.tocsr()
    # An upper bound on each row's entries in the product: the rows sharing any of its terms.
    summed = np.concatenate(([0], np.cumsum(df[matrix.indices], dtype=np.int64)))
    bound = np.minimum(summed[matrix.indptr[1:]] - summed[matrix.indptr[:-1]], n)
    rows, cols, vals = [], [], []
    lo = 0
    while lo < n:
        hi = _block_end(bound, lo, block_entries)
        # (one block of every row, a news cluster: the matrix itself, not a sliced copy)
        block = (matrix @ transposed if lo == 0 and hi == n else matrix[lo:hi] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + lo != block.col)
        r, c, v = block.row[keep] + lo, block.col[keep], block.data[keep]
        r, c, v = _top(r, c, v, neighbours)
        rows.append(r)
        cols.append(c)
        vals.append(v)
        lo = hi
    if not rows:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    return _canonical(np.concatenate(rows), np.concatenate(cols), np.concatenate(vals), n)


def _canonical(r: np.ndarray, c: np.ndarray, v: np.ndarray, n: int) -> sparse.csr_matrix:
    """The n x n CSR matrix of distinct entries ``(r, c) = v``, columns in order within
    each row: what ``coo_matrix((v, (r, c))).tocsr()`` gives (its index dtype too),
    without the conversion's copies and duplicate summing, which cost more than the
    product on a news cluster (the dense path builds its result the same way)."""
    from scipy import sparse

    order = np.lexsort((c, r))  # _top may reorder a row: columns in order again
    r, c, v = r[order], c[order], v[order]
    index = np.int32 if max(n, r.size) < 2**31 else np.int64
    indptr = np.concatenate(([0], np.cumsum(np.bincount(r, minlength=n))))
    return sparse.csr_matrix((v, c.astype(index), indptr.astype(index)), shape=(n, n))


def _dense_similarities(matrix: sparse.csr_matrix) -> np.ndarray | None:
    """Every row's dot product with every row, as float32 sums in the order scipy's
    sparse product forms them, so the values are the same bit for bit: for each row,
    its entries in stored order, each adding its product with the other rows' values of
    that term (a row without the term adds +0.0, which changes no non-negative sum); the
    products laid in one block, rows x entries x rows, summed along the entries by one
    ``cumsum`` (sequential, where ``sum`` adds pairwise). None for a matrix this cannot
    take: too large a block, duplicate or negative entries, not float32."""
    n, size = matrix.shape
    data, indices, indptr = matrix.data, matrix.indices, matrix.indptr
    lengths = np.diff(indptr)
    width = int(lengths.max()) if n else 0
    if n * n * width > DENSE_ENTRIES or data.dtype != np.float32:
        return None
    if width == 0:
        return np.zeros((n, n), dtype=np.float32)
    if data.min() < 0:
        return None
    rows = np.repeat(np.arange(n), lengths)
    place = np.arange(len(data)) - indptr[rows]  # each entry's position in its row
    dense = np.zeros((size, n), dtype=np.float32)  # term x row
    dense[indices, rows] = data
    if np.count_nonzero(dense) != np.count_nonzero(data):
        return None  # a duplicate entry (summed by scipy, overwritten here)
    values = np.zeros((n, width), dtype=np.float32)
    terms = np.zeros((n, width), dtype=np.int64)  # padding: term 0 times a value of 0
    values[rows, place] = data
    terms[rows, place] = indices
    products = values[:, :, None] * dense[terms]  # row i, its p-th entry, row k
    return np.cumsum(products, axis=1)[:, -1, :]


def _block_end(bound: np.ndarray, lo: int, entries: int) -> int:
    """The end of the block of rows from ``lo`` whose product stays within ``entries``
    (at least one row, at most BLOCK_ROWS)."""
    window = np.cumsum(bound[lo : lo + BLOCK_ROWS])
    return lo + max(1, int(np.searchsorted(window, entries, side="right")))


def _top(
    r: np.ndarray, c: np.ndarray, v: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of each row's entries, the ``k`` with the highest values (lower column on ties)."""
    if r.size == 0 or np.bincount(r).max() <= k:
        return r, c, v
    order = np.lexsort((c, -v, r))
    r, c, v = r[order], c[order], v[order]
    first = np.searchsorted(r, r, side="left")  # r is sorted: where each row starts
    keep = np.arange(r.size) - first < k
    return r[keep], c[keep], v[keep]


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


def pair_arrays(scored: ScoredCluster, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`pairs_at`'s entries as CSR arrays ``(indptr, indices)``, the same entries in
    the same order, without building a sparse matrix: on a news cluster scipy's copy,
    ``eliminate_zeros`` and validation cost more than the filtering (attribute and
    disagree read only where each row's similar sentences are)."""
    if scored.similar is not None and threshold >= scored.similar_floor:
        m = scored.similar
        # at_least zeroes the values below the threshold, then drops every zero
        keep = ~(m.data < threshold) & (m.data != 0)
        kept = np.concatenate(([0], np.cumsum(keep)))
        return kept[m.indptr], m.indices[keep]
    m = similar_pairs(scored.vectors, threshold)
    return m.indptr, m.indices


def other_documents(neighbours: sparse.csr_matrix, doc_of: np.ndarray) -> list[np.ndarray]:
    """For each sentence, the distinct other documents among its similar sentences."""
    out = []
    for i in range(neighbours.shape[0]):
        cols = neighbours.indices[neighbours.indptr[i] : neighbours.indptr[i + 1]]
        docs = np.unique(doc_of[cols])
        out.append(docs[docs != doc_of[i]])
    return out


def other_document_counts(neighbours: sparse.csr_matrix, doc_of: np.ndarray) -> np.ndarray:
    """For each sentence, how many distinct other documents its similar sentences are in:
    ``len`` of each :func:`other_documents` entry, without a loop over the sentences."""
    n = neighbours.shape[0]
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(neighbours.indptr))
    docs = doc_of[neighbours.indices]
    other = docs != doc_of[rows]
    width = int(doc_of.max()) + 1 if doc_of.size else 1
    pairs = np.unique(rows[other] * width + docs[other])  # one entry per (sentence, doc)
    return np.bincount(pairs // width, minlength=n)
