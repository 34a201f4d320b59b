"""Salience: one score per sentence, from the whole cluster.

The stage is split by concern:

* :mod:`.similarity`: TF-IDF vectors and the sentence pairs that say the same thing;
* :mod:`.text`: surface cues of a sentence (quotation, first person, question, furniture,
  summary words);
* :mod:`.scorers`: the signals combined (:class:`Features`) and the registry
  :data:`SCORERS` of ways to combine them.

:func:`score` runs them in that order.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import EmptyClusterError
from ..model import ScoredCluster, SegmentedDocument
from ..options import ScoreOptions
from .scorers import (
    LEARNED_INPUTS,
    LEARNED_WEIGHTS,
    SCORERS,
    Features,
    Scorer,
    centroid_scorer,
    design_matrix,
    features,
    learned_scorer,
    lexrank_scorer,
)
from .similarity import BLOCK_ROWS, at_least, other_documents, pairs_at, similar_pairs, vectorize
from .text import (
    SUMMARY_WORDS_FILE,
    SURFACE,
    UNKNOWN,
    is_quotation,
    summary_words,
    surface,
    use_summary_words,
    words,
)

__all__ = [
    "BLOCK_ROWS",
    "LEARNED_INPUTS",
    "LEARNED_WEIGHTS",
    "SCORERS",
    "SUMMARY_WORDS_FILE",
    "SURFACE",
    "UNKNOWN",
    "Features",
    "Scorer",
    "at_least",
    "centroid_scorer",
    "design_matrix",
    "features",
    "is_quotation",
    "learned_scorer",
    "lexrank_scorer",
    "other_documents",
    "pairs_at",
    "score",
    "similar_pairs",
    "summary_words",
    "surface",
    "use_summary_words",
    "vectorize",
    "words",
]


def score(
    documents: Sequence[SegmentedDocument],
    options: ScoreOptions | None = None,
    groups: Sequence[int] | None = None,
    keep_pairs: float | None = None,
) -> ScoredCluster:
    """Score every sentence of the cluster with the configured scorer.

    ``groups`` (from :func:`synopsis.dedup.dedup`, the copy group of each document) makes
    support count independent sources: a sentence repeated by three copies of one wire
    story then counts once. ``keep_pairs`` keeps the sentence pairs at least that
    similar in the result (for the later stages), found in the same pass as support's.
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
    floor = options.support_threshold
    if keep_pairs is not None:
        floor = min(floor, keep_pairs)
    pairs = similar_pairs(matrix, floor)
    f = features(sentences, matrix, options.support_threshold, groups, pairs)
    scores = SCORERS[options.scorer](f, options)
    return ScoredCluster(
        documents=tuple(documents),
        sentences=sentences,
        scores=tuple(float(x) for x in scores),
        support=tuple(int(x) for x in f.support),
        vectors=matrix,
        similar=pairs,
        similar_floor=floor,
    )
