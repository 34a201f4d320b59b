"""Try extra inputs and training targets for the learned scorer, on the tune halves.

    python benchmarks/scorer_inputs.py TRAIN.jsonl.gz DATA.jsonl [DATA.jsonl ...] \\
        [--variants base,bins,...] [--target precision|oracle|mix] [--clusters 3000]

Each variant adds columns to the scorer's surface cues (see EXTRAS), refits the weights
with benchmarks/train_scorer.py's rows and ridge fit, and scores synopsis's summaries of
each file's tune half with the evaluation harness. Nothing in the package changes: the
extra columns are patched into ``synopsis.score.features`` for the run only.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from synopsis import score as scoring
from synopsis.evaluate import read_clusters, split
from synopsis.evaluate.run import evaluate
from synopsis.model import Sentence
from train_scorer import TARGETS, fit, rows_and_targets

Extra = Callable[[Sequence[Sentence], object, scoring.Features], list[np.ndarray]]


def _bins(sentences: Sequence[Sentence], matrix: object, f: scoring.Features) -> list[np.ndarray]:
    """Indicators for a document's 1st, 2nd, 3rd and 4th-6th sentence."""
    idx = np.array([s.index for s in sentences])
    return [(idx == 0) * 1.0, (idx == 1) * 1.0, (idx == 2) * 1.0, ((idx >= 3) & (idx < 6)) * 1.0]


def _content(
    sentences: Sequence[Sentence], matrix: object, f: scoring.Features
) -> list[np.ndarray]:
    """Share of the sentence's words that are not stop words."""
    out = []
    for s in sentences:
        found = scoring.words(s.text)
        out.append(sum(w not in ENGLISH_STOP_WORDS for w in found) / max(len(found), 1))
    return [np.array(out)]


def _terms(sentences: Sequence[Sentence], matrix: object, f: scoring.Features) -> list[np.ndarray]:
    """Log of the number of distinct TF-IDF terms."""
    return [np.log1p(np.diff(matrix.indptr))]


def _rank(sentences: Sequence[Sentence], matrix: object, f: scoring.Features) -> list[np.ndarray]:
    """Centrality rank within the cluster, 0 (most central) to 1."""
    n = len(sentences)
    rank = np.empty(n)
    rank[np.argsort(-f.centrality, kind="stable")] = np.arange(n)
    return [rank / max(n - 1, 1)]


def _simsum(sentences: Sequence[Sentence], matrix: object, f: scoring.Features) -> list[np.ndarray]:
    """Log of the summed similarity to the sentences at least support_threshold similar."""
    return [np.log1p(np.asarray(f.neighbours.sum(axis=1)).ravel())]


def _softsup(
    sentences: Sequence[Sentence], matrix: object, f: scoring.Features
) -> list[np.ndarray]:
    """Mean over the other documents of the best cosine with one of their sentences."""
    doc = np.array([s.doc_index for s in sentences])
    sim = (matrix @ matrix.T).toarray()
    docs = int(doc.max()) + 1
    best = np.zeros((len(sentences), docs))
    for d in range(docs):
        if (doc == d).any():
            best[:, d] = sim[:, doc == d].max(axis=1)
    best[np.arange(len(sentences)), doc] = 0
    return [best.sum(axis=1) / max(docs - 1, 1)]


EXTRAS: dict[str, list[Extra]] = {
    "base": [],
    "bins": [_bins],
    "content": [_content],
    "terms": [_terms],
    "rank": [_rank],
    "simsum": [_simsum],
    "softsup": [_softsup],
}
ORIGINAL = scoring.features


def use(extras: list[Extra]) -> None:
    """Make ``synopsis.score.features`` append the extra columns to the surface cues."""

    def features(sentences, matrix, threshold, groups=None, pairs=None):  # type: ignore[no-untyped-def]
        f = ORIGINAL(sentences, matrix, threshold, groups, pairs)
        cols = [c for extra in extras for c in extra(sentences, matrix, f)]
        surface = np.column_stack([f.surface, *cols]) if cols else f.surface
        return scoring.Features(f.centrality, f.support, f.position, f.neighbours, surface)

    scoring.features = features


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train")
    parser.add_argument("data", nargs="+")
    parser.add_argument("--variants", default=",".join(EXTRAS))
    parser.add_argument("--target", choices=TARGETS, default="precision")
    parser.add_argument("--clusters", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print("| variant | target | " + " | ".join(p.rsplit("/", 1)[-1] for p in args.data) + " |")
    print("|---|---|" + "---|" * len(args.data))
    for name in args.variants.split(","):
        use(EXTRAS[name])
        x, y = rows_and_targets(args.train, args.clusters, args.target)
        scoring.LEARNED_WEIGHTS = tuple(float(w) for w in fit(x, y))
        cells = []
        for path in args.data:
            result = evaluate(
                split(read_clusters(path), "tune"), ["synopsis"], words=300, jobs=args.jobs
            )
            r = result.systems[0]
            cells.append(f"{100 * r.rouge1.mean:.2f} / {100 * r.rouge2.mean:.2f}")
        print(f"| {name} | {args.target} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
