"""Similar sentence pairs: exact on small input, bounded on any input."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from synopsis.score import similar_pairs, vectorize


def brute_force(matrix: sparse.csr_matrix, threshold: float) -> np.ndarray:
    dense = (matrix @ matrix.T).toarray()
    np.fill_diagonal(dense, 0)
    dense[dense < threshold] = 0
    return dense


def random_rows(n: int, terms: int, seed: int) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    m = sparse.random(n, terms, density=0.2, random_state=rng, format="csr", dtype=np.float32)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms > 0, norms, 1)) @ m


def tfidf_rows(sizes: tuple[int, ...], seed: int) -> list[sparse.csr_matrix]:
    """TF-IDF matrices of invented sentences (0 to 12 words of a small list), one of each
    size, drawn in order from one seeded generator."""
    import random

    rng = random.Random(seed)
    words = [
        "river",
        "flood",
        "mill",
        "night",
        "old",
        "town",
        "rain",
        "bridge",
        "road",
        "closed",
        "police",
        "said",
    ]
    return [
        vectorize([" ".join(rng.choices(words, k=rng.randint(0, 12))) for _ in range(n)])
        for n in sizes
    ]


def test_pairs_are_exact_below_the_limits_however_the_rows_are_blocked() -> None:
    matrix = random_rows(120, 30, seed=1)
    expected = brute_force(matrix, 0.3)
    for block_entries in (1, 50, 10_000_000):  # one row a block, a few rows, all rows
        got = similar_pairs(matrix, 0.3, neighbours=1000, block_entries=block_entries)
        np.testing.assert_allclose(got.toarray(), expected, rtol=1e-6)


def test_each_sentence_keeps_its_most_similar_neighbours_only() -> None:
    # Twenty copies of one sentence and a near copy: every row has 20 neighbours.
    texts = ["The river flooded the old mill on Sunday night."] * 20
    texts.append("The river flooded the old mill on Sunday.")
    matrix = vectorize(texts)
    full = similar_pairs(matrix, 0.5, neighbours=1000).toarray()
    capped = similar_pairs(matrix, 0.5, neighbours=3).toarray()
    assert ((full > 0).sum(axis=1) == 20).all()
    assert ((capped > 0).sum(axis=1) == 3).all()
    for i in range(len(texts)):
        kept = np.flatnonzero(capped[i])
        # The kept ones are the most similar: no dropped neighbour beats a kept one, and
        # among equals the lower indices are kept.
        dropped = np.setdiff1d(np.flatnonzero(full[i]), kept)
        assert full[i, kept].min() >= full[i, dropped].max() - 1e-6
    # A copy's identical rows (similarity 1) beat the near copy; the lowest indices win.
    assert list(np.flatnonzero(capped[0])) == [1, 2, 3]
    assert list(np.flatnonzero(capped[5])) == [0, 1, 2]
    np.testing.assert_allclose(capped[capped > 0], full[capped > 0])


def test_the_near_copy_keeps_identical_rows_by_lowest_index() -> None:
    texts = ["Crews cut power to the valley as the storm moved east."] * 6
    texts.append("Crews cut power to the valley as the storm moved.")
    capped = similar_pairs(vectorize(texts), 0.5, neighbours=2).toarray()
    assert list(np.flatnonzero(capped[6])) == [0, 1]  # all six tie: the first two
    assert list(np.flatnonzero(capped[0])) == [1, 2]


def test_a_term_in_more_rows_than_the_cap_adds_nothing() -> None:
    # Rows 0-3 share "common" (in 4 rows) and rows 0-1 also share "rare" (in 2 rows).
    matrix = sparse.csr_matrix(
        np.array([[1.0, 1.0, 0], [1.0, 1.0, 0], [1.0, 0, 1.0], [1.0, 0, 1.0]], dtype=np.float32)
        / np.sqrt(2)
    )
    exact = similar_pairs(matrix, 0.1, common=4).toarray()
    capped = similar_pairs(matrix, 0.1, common=3).toarray()
    assert (exact[:, :] > 0).sum() == 12  # every pair shares "common"
    # Without "common", only rows sharing a rarer term stay similar, at the rare term's share.
    np.testing.assert_allclose(capped[0, 1], 0.5)
    np.testing.assert_allclose(capped[2, 3], 0.5)
    assert capped[0, 2] == 0 and capped[1, 3] == 0


def test_pairs_stay_linear_on_repetitive_text() -> None:
    pool = [
        "Alpha beta gamma delta epsilon zeta eta theta.",
        "Beta gamma delta epsilon zeta eta theta iota.",
        "Kappa lambda mu nu xi omicron pi rho.",
    ]
    texts = [pool[i % 3] for i in range(900)]
    pairs = similar_pairs(vectorize(texts), 0.5, neighbours=10)
    assert pairs.nnz <= 10 * len(texts)
    assert ((pairs.getnnz(axis=1)) == 10).all()


def test_other_document_counts_are_the_lengths_of_other_documents() -> None:
    from synopsis.score import other_document_counts, other_documents

    matrix = random_rows(200, 25, seed=3)
    pairs = similar_pairs(matrix, 0.2, neighbours=7)
    doc_of = np.random.default_rng(4).integers(0, 9, size=200)
    expected = [len(d) for d in other_documents(pairs, doc_of)]
    assert other_document_counts(pairs, doc_of).tolist() == expected
    assert max(expected) > 1  # the case is not trivial


def test_dense_path_gives_the_sparse_products_values_bit_for_bit() -> None:
    """Small clusters skip scipy's product: the same pairs, values and layout (float32
    sums in scipy's order), on TF-IDF rows (entries unsorted) and random ones."""
    matrices = tfidf_rows((1, 2, 5, 17, 60, 200), seed=4)
    matrices += [random_rows(n, 40, seed=n) for n in (3, 30, 150)]
    from synopsis.score.similarity import _dense_similarities

    assert sum(_dense_similarities(m) is not None for m in matrices) >= 6  # most go dense
    compared = 0
    for matrix in matrices:
        for threshold, neighbours in ((0.3, 50), (0.05, 3), (0.9, 50)):
            dense = similar_pairs(matrix, threshold, neighbours=neighbours)
            sparse_path = similar_pairs(matrix, threshold, neighbours=neighbours, dense_rows=0)
            assert dense.shape == sparse_path.shape
            for a, b in ((dense.indptr, sparse_path.indptr), (dense.indices, sparse_path.indices)):
                assert a.dtype == b.dtype and a.tolist() == b.tolist()
            assert dense.data.dtype == sparse_path.data.dtype == np.float32
            assert dense.data.tobytes() == sparse_path.data.tobytes()
            compared += dense.nnz
    assert compared > 10_000


def _pairs_by_coo(matrix: sparse.csr_matrix, threshold: float, neighbours: int, entries: int):
    """The sparse path as it was: each block sliced out of the matrix, the kept entries
    gathered into a COO matrix and converted to CSR (sorting each row's columns)."""
    from synopsis.score.similarity import _block_end, _top

    n = matrix.shape[0]
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    transposed = matrix.T.tocsr()
    summed = np.concatenate(([0], np.cumsum(df[matrix.indices], dtype=np.int64)))
    bound = np.minimum(summed[matrix.indptr[1:]] - summed[matrix.indptr[:-1]], n)
    rows, cols, vals, lo = [], [], [], 0
    while lo < n:
        hi = _block_end(bound, lo, entries)
        block = (matrix[lo:hi] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + lo != block.col)
        r, c, v = _top(block.row[keep] + lo, block.col[keep], block.data[keep], neighbours)
        rows.append(r), cols.append(c), vals.append(v)
        lo = hi
    return sparse.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    ).tocsr()


def test_sparse_path_builds_the_csr_matrix_the_coo_conversion_built() -> None:
    """The sparse path multiplies the matrix itself when one block holds every row and
    builds its CSR result directly: the same indptr, indices, values and dtypes as
    slicing every block and converting the gathered COO entries, on TF-IDF rows (entries
    unsorted) and random ones, with rows blocked and neighbours capped."""
    matrices = [random_rows(n, 40, seed=n) for n in (3, 30, 150)]
    matrices += tfidf_rows((1, 2, 17, 60, 300), seed=5)
    compared = 0
    for matrix in matrices:
        for threshold, neighbours, entries in ((0.3, 50, 4_000_000), (0.05, 3, 60), (0.9, 50, 1)):
            got = similar_pairs(matrix, threshold, neighbours, block_entries=entries, dense_rows=0)
            want = _pairs_by_coo(matrix, threshold, neighbours, entries)
            assert got.shape == want.shape
            for a, b in ((got.indptr, want.indptr), (got.indices, want.indices)):
                assert a.dtype == b.dtype and a.tolist() == b.tolist()
            assert got.data.dtype == want.data.dtype and got.data.tobytes() == want.data.tobytes()
            compared += got.nnz
    assert compared > 10_000
