"""TF-IDF vectors: the same matrix as scikit-learn's, without scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from synopsis.score import similarity
from synopsis.score.similarity import _terms, terms_of, vectorize
from synopsis.score.text import words
from synopsis.stopwords import ENGLISH_STOP_WORDS as STOP_WORDS

TEXTS = [
    "The storm closed the harbour on Monday and ferries stayed in port.",
    "Ferries stayed in port, port after port, as the storm closed the harbour.",
    "The and of to.",  # stop words only: an empty row
    "",
    "Schools reopen Wednesday; schools in Zagreb reopen Thursday, officials said.",
    "Ärzte und Ämter: 3.5% more cases in 2014, up from 2,100.",
]


def sklearn_matrix(texts: list[str]):  # type: ignore[no-untyped-def]
    vectorizer = TfidfVectorizer(
        analyzer=lambda t: _terms(t, ENGLISH_STOP_WORDS), sublinear_tf=True, dtype=np.float32
    )
    return vectorizer.fit_transform(texts).tocsr()


def test_stop_words_are_scikit_learns() -> None:
    assert frozenset(ENGLISH_STOP_WORDS) == STOP_WORDS


@pytest.mark.parametrize("texts", [TEXTS, TEXTS[::-1], TEXTS[:2], [TEXTS[0]]])
def test_vectors_equal_scikit_learns_bit_for_bit(texts: list[str]) -> None:
    ours, theirs = vectorize(texts), sklearn_matrix(texts)
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype == np.float32
    np.testing.assert_array_equal(ours.indptr, theirs.indptr)
    np.testing.assert_array_equal(ours.indices, theirs.indices)
    np.testing.assert_array_equal(ours.data, theirs.data)


def test_texts_without_terms_give_an_empty_matrix_with_a_row_each() -> None:
    matrix = vectorize(["the of and", "", "a"])
    assert matrix.shape == (3, 1) and matrix.nnz == 0


def _long_texts() -> list[str]:
    """Rows of 40 to 300 terms with repeats: long rows for the row norm's two paths."""
    rng = np.random.default_rng(7)
    vocab = [f"term{i}x" for i in range(400)]
    return [" ".join(rng.choice(vocab, size=int(rng.integers(40, 300)))) for _ in range(30)]


@pytest.mark.parametrize("padded", [True, False])
def test_long_rows_equal_scikit_learns_bit_for_bit(
    padded: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not padded:  # the column-by-column path taken when the padded block would be large
        monkeypatch.setattr(similarity, "_PADDED_ENTRIES", 0)
    texts = _long_texts() + TEXTS
    ours, theirs = vectorize(texts), sklearn_matrix(texts)
    np.testing.assert_array_equal(ours.indptr, theirs.indptr)
    np.testing.assert_array_equal(ours.indices, theirs.indices)
    np.testing.assert_array_equal(ours.data, theirs.data)


def test_vectors_from_words_equal_vectors_from_texts() -> None:
    texts = TEXTS + _long_texts() + ["snake_case_word and x_y, __init__ 3d 3.5"]
    a, b = vectorize(texts), vectorize(texts, tokens=[words(t) for t in texts])
    assert a.shape == b.shape
    np.testing.assert_array_equal(a.indices, b.indices)
    np.testing.assert_array_equal(a.data, b.data)
    assert [terms_of(words(t)) for t in texts] == [_terms(t) for t in texts]
