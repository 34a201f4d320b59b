"""Fit the learned scorer on what the pipeline scores (``synopsis train``).

For each training cluster the pipeline's first stages run as :func:`synopsis.pipeline.run`
runs them (clean, segment, dedup with the default options), and the signals are computed
as :func:`synopsis.score.score` computes them, support counting independent copy groups.
That gives one row of :meth:`LearnedModel.design` per sentence. The target is the
sentence's bigram precision against the human summary (the share of its rouge-score
bigrams, Porter-stemmed, that the summary contains): with a fixed word budget, a
sentence's worth to ROUGE-2 is how many reference bigrams each of its words brings. A
ridge least-squares fit over the sentences selection may pick (its min/max word limits)
gives one weight per input.

The ``summary_words`` table is counted on the clusters *after* the first
``fit_clusters`` (which fit the weights), so the cue's weight is not fitted on the
clusters that made it: for each word found in the cleaned text of at least
``min_clusters`` clusters, the smoothed log-odds that the cluster's human summary uses it.
Deterministic: clusters are taken in the given order and the solve is closed-form.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..model import Cluster, SegmentedDocument
from ..options import Options, SelectOptions
from .learned import LEARNED_INPUTS, LearnedModel
from .signals import features
from .similarity import vectorize
from .text import words


@dataclass(frozen=True)
class TrainOptions:
    fit_clusters: int = 3000  # the first N clusters fit the weights; the rest count words
    min_clusters: int = 20  # a word must be in this many clusters to get a table row
    smoothing: float = 10.0  # pseudo-clusters at all words' rate added to each word
    ridge: float = 1.0  # L2 penalty on every weight but the bias
    # Fit only on the sentences selection can take as candidates (on topic, whole, not
    # an announcement, with a unit that meets its needs: see :func:`selectable`), so the
    # weights rank what selection chooses among. Off by default: against the default fit
    # it cost 0.22 ROUGE-2 on the full-100 tune half for +0.02 on validation-500's
    # (benchmarks/quality.md, section 9).
    selectable_only: bool = False
    # With selectable_only, a candidate's target is the bigram precision of its whole
    # unit (the sentences selection adds with it); off: -0.25 / -0.01 on those halves.
    unit_target: bool = False


@dataclass(frozen=True)
class Trained:
    """The fitted model and how it was fitted."""

    model: LearnedModel
    sentences: int  # rows of the fit
    correlation: float  # of the fitted scores with the target, on those rows
    fit_clusters: int
    table_clusters: int


@dataclass(frozen=True)
class Prepared:
    """A training cluster as the score stage sees it: segmented documents, copy groups."""

    cluster: Cluster
    documents: tuple[SegmentedDocument, ...]
    groups: tuple[int, ...]


def prepare(cluster: Cluster, options: Options) -> Prepared:
    """The pipeline's steps 1-3 (clean, segment, dedup), as ``pipeline.run`` runs them."""
    from ..cleaning import clean_cluster
    from ..dedup import dedup
    from ..model import CleanDocument
    from ..segment import segment

    if options.clean.enabled:
        cleaned = list(clean_cluster(cluster.documents, options.clean))
    else:
        cleaned = [CleanDocument.whole(d) for d in cluster.documents]
    cleaned = [c for c in cleaned if c.body or not options.clean.drop_empty]
    segmented = tuple(segment(c, i, options.segment) for i, c in enumerate(cleaned))
    groups = tuple(dedup(list(segmented), options.dedup).group_of) if segmented else ()
    return Prepared(cluster, segmented, groups)


def train(
    clusters: Sequence[Cluster],
    options: TrainOptions | None = None,
    pipeline: Options | None = None,
    source: str = "",
    on_cluster: Callable[[], None] | None = None,
) -> Trained:
    """Fit a :class:`LearnedModel` on clusters with human references.

    ``pipeline`` holds the options of the stages the rows are computed with (the
    defaults, as ``synopsis summarize`` runs); ``on_cluster`` is called once a cluster
    is prepared (for a progress bar).
    """
    options = options or TrainOptions()
    pipeline = pipeline or Options()
    if any(not c.reference for c in clusters):
        raise InputError("every training cluster needs a reference summary")
    if len(clusters) <= options.fit_clusters:
        raise InputError(
            f"{len(clusters)} clusters: training needs more than fit_clusters "
            f"({options.fit_clusters}), the rest count the summary-word table"
        )
    prepared = []
    for c in clusters:
        prepared.append(prepare(c, pipeline))
        if on_cluster is not None:
            on_cluster()
    fit_part, table_part = prepared[: options.fit_clusters], prepared[options.fit_clusters :]
    table, unknown = summary_word_table(table_part, options)
    draft = LearnedModel((0.0,) * len(LEARNED_INPUTS), table, unknown)
    x, y = rows_and_targets(fit_part, draft, pipeline, options.selectable_only, options.unit_target)
    if len(y) < len(LEARNED_INPUTS):
        raise InputError(f"only {len(y)} selectable sentences: too few to fit the scorer")
    weights = ridge(x, y, options.ridge)
    pred = x @ weights
    corr = float(np.corrcoef(pred, y)[0, 1]) if np.std(pred) > 0 and np.std(y) > 0 else 0.0
    about = {
        "data": source,
        "fit_clusters": len(fit_part),
        "table_clusters": len(table_part),
        "sentences": len(y),
        "correlation": round(corr, 4),
        "rows": "selectable candidates" if options.selectable_only else "all within word limits",
        "fitted_by": "synopsis train",
    }
    model = LearnedModel(tuple(float(w) for w in weights), table, unknown, about)
    return Trained(model, len(y), corr, len(fit_part), len(table_part))


def summary_word_table(
    prepared: Sequence[Prepared], options: TrainOptions
) -> tuple[dict[str, float], float]:
    """Log-odds, per word, that a human summary uses a word its (cleaned) articles use."""
    in_articles: Counter[str] = Counter()
    in_both: Counter[str] = Counter()
    for p in prepared:
        seen = {w for d in p.documents for s in d.sentences for w in words(s.text)}
        in_articles.update(seen)
        in_both.update(seen & set(words(p.cluster.reference or "")))
    rate = sum(in_both.values()) / max(sum(in_articles.values()), 1)
    rate = min(max(rate, 1e-6), 1 - 1e-6)

    def log_odds(p: float) -> float:
        return round(float(np.log(p / (1 - p))), 4)

    table = {
        w: log_odds((in_both[w] + options.smoothing * rate) / (n + options.smoothing))
        for w, n in sorted(in_articles.items())
        if n >= options.min_clusters
    }
    return table, log_odds(rate)


def selectable(documents: Sequence[SegmentedDocument], options: SelectOptions) -> list[bool]:
    """Per sentence of the cluster, whether selection would rank it as a candidate
    (:func:`candidate_units` gives one)."""
    return [u is not None for u in candidate_units(documents, options)]


def candidate_units(
    documents: Sequence[SegmentedDocument], options: SelectOptions
) -> list[tuple[int, int] | None]:
    """Per sentence of the cluster (documents in order), whether selection would rank it
    as a candidate: within the word limits and, with ``options.on_topic``, on topic and
    whole and not an announcement, and, with ``options.dependencies``, with a unit that
    meets its needs and whose every part stands. The same rule as
    :func:`synopsis.select.select` applies before its greedy choice (made of the same
    public functions). A candidate's entry is its unit, the cluster's sentence indices
    ``(first, last)`` selection takes with it; None for a sentence that is no candidate."""
    from ..dependencies import Article, announces, fragment, resolve
    from ..topic import off_topic

    out: list[tuple[int, int] | None] = []
    for d in documents:
        base = len(out)
        texts = [s.text for s in d.sentences]
        article = Article(texts)
        stands = [off_topic(t) is None and fragment(t) is None for t in texts]
        for i, s in enumerate(d.sentences):
            span: tuple[int, int] | None = (base + i, base + i)
            if not options.min_words <= s.words <= options.max_words:
                span = None
            if span and options.on_topic and not (stands[i] and not announces(texts[i])):
                span = None
            if span and options.dependencies:
                unit = resolve(texts, i, article=article)
                if unit is None or (
                    options.on_topic and not all(stands[unit.first : unit.last + 1])
                ):
                    span = None
                else:
                    span = (base + unit.first, base + unit.last)
            out.append(span)
    return out


def rows_and_targets(
    prepared: Sequence[Prepared],
    model: LearnedModel,
    pipeline: Options,
    selectable_only: bool = False,
    unit_target: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """One design row and bigram-precision target per sentence selection may pick: within
    its word limits, and with ``selectable_only`` a candidate (:func:`selectable`)."""
    from ..evaluate import RougeMetric

    metric = RougeMetric()
    select, threshold = pipeline.select, pipeline.score.support_threshold
    xs, ys = [], []
    for p in prepared:
        sentences = [s for d in p.documents for s in d.sentences]
        if len(sentences) < 2:
            continue
        ref2 = set(itertools.pairwise(metric.tokens(p.cluster.reference or "")))
        matrix = vectorize([s.text for s in sentences])
        x = model.design(features(sentences, matrix, threshold, p.groups))
        if selectable_only:
            keep = candidate_units(p.documents, select)
        else:
            keep = [
                (i, i) if select.min_words <= s.words <= select.max_words else None
                for i, s in enumerate(sentences)
            ]
        for i, span in enumerate(keep):
            if span is None:
                continue
            if not unit_target:
                span = (i, i)
            grams = [
                g
                for j in range(span[0], span[1] + 1)
                for g in itertools.pairwise(metric.tokens(sentences[j].text))
            ]
            if grams:
                xs.append(x[i])
                ys.append(sum(g in ref2 for g in grams) / len(grams))
    return np.asarray(xs).reshape(-1, len(LEARNED_INPUTS)), np.asarray(ys)


def ridge(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """Ridge least squares; the bias column (last) is not penalised."""
    reg = penalty * np.eye(x.shape[1])
    reg[-1, -1] = 0.0
    return np.linalg.solve(x.T @ x + reg, x.T @ y)
