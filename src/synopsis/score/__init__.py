"""Salience: one score per sentence, from the whole cluster.

The stage is split by concern:

* :mod:`.similarity`: TF-IDF vectors and the sentence pairs that say the same thing;
* :mod:`.text`: text cues of a sentence (quotation, first person, question, furniture);
* :mod:`.signals`: centrality, support, position and the cues, once per cluster
  (:class:`Features`);
* :mod:`.scorers`: the registry :data:`SCORERS` of ways to combine them, with
  :mod:`.learned` the linear model whose weights are package data, and
  :mod:`.training` the fit that writes them (``synopsis train``).

:func:`score` runs them in that order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import EmptyClusterError
from ..model import ScoredCluster, SegmentedDocument
from ..options import ScoreOptions
from .learned import LEARNED_INPUTS, UNKNOWN, LearnedModel, LearnedScorer
from .scorers import SCORERS, Scorer, centroid_scorer, lexrank_scorer
from .signals import Features, features
from .similarity import (
    BLOCK_ENTRIES,
    BLOCK_ROWS,
    COMMON_TERM,
    MAX_NEIGHBOURS,
    at_least,
    other_document_counts,
    other_documents,
    pair_arrays,
    pairs_at,
    similar_pairs,
    vectorize,
)
from .text import TEXT_CUES, is_quotation, sentence_words, surface, words

__all__ = [
    "BLOCK_ENTRIES",
    "BLOCK_ROWS",
    "COMMON_TERM",
    "LEARNED_INPUTS",
    "MAX_NEIGHBOURS",
    "SCORERS",
    "TEXT_CUES",
    "UNKNOWN",
    "Features",
    "LearnedModel",
    "LearnedScorer",
    "Scorer",
    "at_least",
    "centroid_scorer",
    "features",
    "is_quotation",
    "lexrank_scorer",
    "other_document_counts",
    "other_documents",
    "pair_arrays",
    "pairs_at",
    "score",
    "sentence_words",
    "similar_pairs",
    "surface",
    "vectorize",
    "words",
]


def score(
    documents: Sequence[SegmentedDocument],
    options: ScoreOptions | None = None,
    groups: Sequence[int] | None = None,
    keep_pairs: float | None = None,
    tokens: Sequence[list[str]] | None = None,
) -> ScoredCluster:
    """Score every sentence of the cluster with the configured scorer.

    ``groups`` (from :func:`synopsis.dedup.dedup`, the copy group of each document) makes
    support count independent sources: a sentence repeated by three copies of one wire
    story then counts once. ``keep_pairs`` keeps the sentence pairs at least that
    similar in the result (for the later stages), found in the same pass as support's.
    ``tokens``, each sentence's words (:func:`words`) in the documents' order, lets the
    caller share one tokenization with the other stages; computed here when not given.
    """
    options = options or ScoreOptions()
    if options.scorer not in SCORERS:
        raise ValueError(f"unknown scorer {options.scorer!r}; choose from {', '.join(SCORERS)}")
    sentences = tuple(s for d in documents for s in d.sentences)
    if not sentences:
        raise EmptyClusterError(
            "no sentences to summarize: every document was empty after cleaning"
        )
    if tokens is None:
        tokens = [words(s.text) for s in sentences]
    elif len(tokens) != len(sentences):
        raise ValueError(f"{len(tokens)} token lists for {len(sentences)} sentences")
    matrix = vectorize([s.text for s in sentences], tokens=tokens)
    floor = options.support_threshold
    if keep_pairs is not None:
        floor = min(floor, keep_pairs)
    pairs = similar_pairs(matrix, floor)
    f = features(sentences, matrix, options.support_threshold, groups, pairs, tokens)
    scores = SCORERS[options.scorer](f, options)
    return ScoredCluster(
        documents=tuple(documents),
        sentences=sentences,
        # tolist: the same Python floats and ints as float(x) and int(x) per element
        scores=tuple(np.asarray(scores, dtype=np.float64).tolist()),
        support=tuple(np.asarray(f.support).astype(np.int64).tolist()),
        vectors=matrix,
        similar=pairs,
        similar_floor=floor,
    )
