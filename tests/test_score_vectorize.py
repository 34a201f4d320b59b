"""TF-IDF vectors: the same matrix as scikit-learn's, without scikit-learn."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from synopsis.score.similarity import _terms, vectorize
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
