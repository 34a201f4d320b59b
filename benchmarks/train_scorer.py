"""Fit the weights of synopsis's ``learned`` scorer (``synopsis.score.LEARNED_WEIGHTS``).

    python benchmarks/train_scorer.py /path/to/multi-news-train-5000.jsonl.gz \\
        [--clusters 3000] [--write] [--sign-constrained] [--target precision]

For each training cluster the documents are segmented and scored exactly as
``synopsis.score`` does, giving one row of ``synopsis.score.design_matrix`` per sentence.
The target is the sentence's bigram precision against the human summary (the share of
its rouge-score bigrams, Porter-stemmed, that the summary contains): with a fixed word
budget, a sentence's worth to ROUGE-2 is how many reference bigrams each of its words
brings. A ridge-regularised least-squares fit, over the sentences that selection may
pick (its min/max word limits), gives one weight per input (``--sign-constrained``
keeps the PENALTIES cues at or below zero).
Deterministic: the file is a fixed sample, clusters are taken in file order, and the
solve is closed-form.

The ``summary_words`` cue reads a table of words (src/synopsis/score/summary_words.tsv): for
each word found in the articles of at least MIN_CLUSTERS training clusters, the smoothed
log-odds that the cluster's human summary uses it too. The table is counted on the
training clusters *after* the first ``--clusters`` (which fit the weights), so the weight
of the cue is not fitted on the clusters that made it.

``--write`` writes that table and replaces the LEARNED_WEIGHTS line in
src/synopsis/score/scorers.py (rounded to four decimals). Only training clusters are used; never
the evaluation files.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter
from pathlib import Path

import numpy as np

from synopsis import score as scoring
from synopsis.evaluate import RougeMetric, read_clusters
from synopsis.evaluate.systems import oracle_system
from synopsis.model import CleanDocument
from synopsis.options import ScoreOptions, SelectOptions
from synopsis.score import LEARNED_INPUTS
from synopsis.segment import segment

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "synopsis"
SCORE_PY = PACKAGE / "score" / "scorers.py"
SUMMARY_WORDS_TSV = PACKAGE / "score" / scoring.SUMMARY_WORDS_FILE
MIN_CLUSTERS = 20  # a word must be in the articles of this many clusters to get a row
SMOOTHING = 10.0  # pseudo-clusters at all words' rate, added to each word's counts
RIDGE = 1.0
# With --sign-constrained, these cues may only lower a score. Multi-News summaries often
# quote, so the plain fit gives quotations a bonus; the constrained fit keeps them out
# but scored lower on the tune halves (benchmarks/quality.md), so it is not the default.
PENALTIES = ("quote", "personal", "question", "furniture")


TARGETS = ("precision", "oracle", "mix")


def summary_word_table(clusters: list) -> tuple[dict[str, float], float]:
    """Log-odds, per word, that a human summary uses a word its articles use."""
    in_articles: Counter[str] = Counter()
    in_both: Counter[str] = Counter()
    for cluster in clusters:
        seen = set(scoring.words(" ".join(d.text for d in cluster.documents)))
        in_articles.update(seen)
        in_both.update(seen & set(scoring.words(cluster.reference or "")))
    rate = sum(in_both.values()) / max(sum(in_articles.values()), 1)

    def log_odds(p: float) -> float:
        return round(float(np.log(p / (1 - p))), 4)

    table = {
        w: log_odds((in_both[w] + SMOOTHING * rate) / (n + SMOOTHING))
        for w, n in sorted(in_articles.items())
        if n >= MIN_CLUSTERS
    }
    return table, log_odds(rate)


def write_summary_words(table: dict[str, float], unknown: float, source: str) -> None:
    lines = [
        "# Summary-word log-odds for synopsis's learned scorer (see score.summary_words).",
        f"# Written by benchmarks/train_scorer.py from {source}; do not edit by hand.",
        f"{scoring.UNKNOWN}\t{unknown}",
        *(f"{w}\t{v}" for w, v in table.items()),
    ]
    SUMMARY_WORDS_TSV.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rows_and_targets(
    path: str, limit: int, target: str = "precision"
) -> tuple[np.ndarray, np.ndarray]:
    """One design row and target per selectable sentence of the first ``limit`` clusters.

    ``target``: ``precision`` (the default, what the shipped weights are fitted to),
    ``oracle`` (1 if the greedy ROUGE oracle picks the sentence, else 0) or ``mix``
    (precision plus half the oracle label). Features come from ``synopsis.score`` looked
    up at call time, so benchmarks/scorer_inputs.py can try extra inputs.
    """
    metric = RougeMetric()
    options, select = ScoreOptions(), SelectOptions()
    xs, ys = [], []
    for cluster in read_clusters(path)[:limit]:
        segs = [segment(CleanDocument.whole(d), i) for i, d in enumerate(cluster.documents)]
        sentences = [s for seg in segs for s in seg.sentences]
        if len(sentences) < 2:
            continue
        ref = metric.tokens(cluster.reference or "")
        ref2 = set(itertools.pairwise(ref))
        picked = oracle_system(cluster, 300) if target != "precision" else []
        whole, last = set(picked[:-1]), (picked[-1] if picked else None)
        matrix = scoring.vectorize([s.text for s in sentences])
        x = scoring.design_matrix(scoring.features(sentences, matrix, options.support_threshold))
        for i, s in enumerate(sentences):
            if not select.min_words <= s.words <= select.max_words:
                continue
            grams = list(itertools.pairwise(metric.tokens(s.text)))
            if not grams:
                continue
            precision = sum(g in ref2 for g in grams) / len(grams)
            # The oracle cuts its last sentence at the budget: a prefix counts as picked.
            label = float(s.text in whole or (last is not None and s.text.startswith(last)))
            xs.append(x[i])
            ys.append({"precision": precision, "oracle": label}.get(target, precision + label / 2))
    return np.asarray(xs), np.asarray(ys)


def fit(x: np.ndarray, y: np.ndarray, constrained: bool = False) -> np.ndarray:
    """Ridge least squares; if ``constrained``, the PENALTIES cues are kept at or below
    zero: a cue whose weight comes out positive is dropped (weight 0), the rest refitted."""
    if not constrained:
        return _ridge(x, y)
    active = list(range(x.shape[1]))
    while True:
        weights = np.zeros(x.shape[1])
        weights[active] = _ridge(x[:, active], y)
        wrong = [i for i in active if LEARNED_INPUTS[i] in PENALTIES and weights[i] > 0]
        if not wrong:
            return weights
        active = [i for i in active if i not in wrong]


def _ridge(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Ridge least squares; the bias column (last) is not penalised.

    (Centring features and targets per cluster, which only keeps within-cluster
    differences, was tried and scored a little lower on the tune halves.)"""
    penalty = RIDGE * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0
    return np.linalg.solve(x.T @ x + penalty, x.T @ y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data")
    parser.add_argument("--clusters", type=int, default=3000)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--sign-constrained", action="store_true")
    parser.add_argument("--target", choices=TARGETS, default="precision")
    args = parser.parse_args()
    table, unknown = summary_word_table(read_clusters(args.data)[args.clusters :])
    print(f"summary-word table: {len(table)} words (unknown word: {unknown})")
    scoring.use_summary_words(table, unknown)
    if args.write:
        write_summary_words(table, unknown, Path(args.data).name)
        print(f"wrote {SUMMARY_WORDS_TSV}")
    x, y = rows_and_targets(args.data, args.clusters, args.target)
    weights = fit(x, y, args.sign_constrained)
    pred = x @ weights
    r = float(np.corrcoef(pred, y)[0, 1])
    print(f"{len(y)} sentences from {args.clusters} clusters; correlation with target {r:.3f}")
    for name, w in zip(LEARNED_INPUTS, weights, strict=True):
        print(f"  {name:18s} {w:+.4f}")
    body = "".join(
        f"    {w:.4f},  # {name}\n" for name, w in zip(LEARNED_INPUTS, weights, strict=True)
    )
    line = f"LEARNED_WEIGHTS: tuple[float, ...] = (\n{body})"
    print(line)
    if args.write:
        text = SCORE_PY.read_text()
        text = re.sub(
            r"^LEARNED_WEIGHTS: tuple\[float, \.\.\.\] = \([^)]*\)", line, text, flags=re.M
        )
        SCORE_PY.write_text(text)
        print(f"wrote {SCORE_PY}")


if __name__ == "__main__":
    main()
