"""CPU cost of TF-IDF per cluster: synopsis's vectorize against scikit-learn's, same output.

    python benchmarks/vectorize_cost.py DATA.jsonl [DATA.jsonl ...] [--split check]

Each cluster is cleaned and segmented as the pipeline does; its sentences are vectorized
by ``synopsis.score.vectorize`` and by scikit-learn's ``TfidfVectorizer`` with the same
analyzer and settings. Reports the clusters whose matrices differ in any bit (shape,
indices or float32 data) and the CPU milliseconds per cluster of each (process time,
three passes, so load from other processes on the machine distorts it less than wall time).
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from synopsis.cleaning import clean_cluster
from synopsis.evaluate import read_clusters, split
from synopsis.score.similarity import _terms, vectorize
from synopsis.segment import segment


def sklearn_vectorize(texts: list[str]):  # type: ignore[no-untyped-def]
    """What synopsis used before: scikit-learn over the same terms."""
    return (
        TfidfVectorizer(
            analyzer=lambda t: _terms(t, ENGLISH_STOP_WORDS), sublinear_tf=True, dtype=np.float32
        )
        .fit_transform(texts)
        .tocsr()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--split", default="check")
    args = parser.parse_args()
    print("| data | clusters | differing | scikit-learn ms | synopsis ms |\n|---|---|---|---|---|")
    for path in args.data:
        clusters = split(read_clusters(path), args.split)
        texts = []
        for c in clusters:
            cleaned = [d for d in clean_cluster(c.documents) if d.body]
            segs = [segment(d, i) for i, d in enumerate(cleaned)]
            sentences = [s.text for g in segs for s in g.sentences]
            if sentences:
                texts.append(sentences)
        differing = 0
        for t in texts:
            a, b = vectorize(t), sklearn_vectorize(t)
            same = a.shape == b.shape and a.nnz == b.nnz
            same = same and bool((a.indptr == b.indptr).all() and (a.indices == b.indices).all())
            differing += not (same and bool((a.data == b.data).all()))
        cost = {}
        for name, f in (("sklearn", sklearn_vectorize), ("synopsis", vectorize)):
            start = time.process_time()
            for _ in range(3):
                for t in texts:
                    f(t)
            cost[name] = (time.process_time() - start) / 3 / len(texts) * 1000
        print(f"| {path.rsplit('/', 1)[-1]} | {len(texts)} | {differing} "
              f"| {cost['sklearn']:.3f} | {cost['synopsis']:.3f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
