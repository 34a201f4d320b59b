"""Dedup's two candidate finders on real clusters: same groups, and which is cheaper.

    python benchmarks/dedup_direct.py DATA.jsonl [DATA.jsonl ...]

For every cluster: clean and segment as the pipeline does, then group copies with
candidates from exact shingle containment (``direct``) and from MinHash LSH (``minhash``),
and count clusters whose groups differ. Then, for growing document counts (documents of
consecutive clusters pooled, so some pairs are copies and most are not), the CPU time
(``time.process_time``, median of 5) of each finder, to place
``DedupOptions.direct_max_documents``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from synopsis.cleaning import clean_cluster
from synopsis.dedup import _long_sentences, dedup, direct_pairs, minhash_pairs
from synopsis.evaluate import read_clusters
from synopsis.options import DedupOptions, Options
from synopsis.segment import segment

DIRECT = DedupOptions(direct_max_documents=10**9)
MINHASH = DedupOptions(direct_max_documents=0)


def segmented(cluster):  # type: ignore[no-untyped-def]
    options = Options()
    cleaned = [c for c in clean_cluster(cluster.documents, options.clean) if c.body]
    return [segment(c, i, options.segment) for i, c in enumerate(cleaned)]


def cpu(fn, *args, passes: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(passes):
        t0 = time.process_time()
        fn(*args)
        times.append(time.process_time() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path)
    args = parser.parse_args()
    for path in args.data:
        clusters = read_clusters(path)
        docs = [segmented(c) for c in clusters]
        differ = sum(dedup(d, DIRECT).groups != dedup(d, MINHASH).groups for d in docs)
        merged = sum(len(dedup(d, DIRECT).groups) < len(d) for d in docs)
        print(f"{path.name}: {len(docs)} clusters, {merged} with copies, groups differ in {differ}")
        pool = [s for d in docs for s in d]
        print("| documents | direct ms | minhash ms |")
        print("|---:|---:|---:|")
        for n in (2, 3, 5, 10, 20, 50, 100, 200, 400):
            if n > len(pool):
                break
            sample = pool[:n]
            sents = [_long_sentences(s, DIRECT) for s in sample]
            d_ms = 1000 * cpu(direct_pairs, sents, DIRECT)
            m_ms = 1000 * cpu(minhash_pairs, sents, MINHASH)
            print(f"| {n} | {d_ms:.2f} | {m_ms:.2f} |")


if __name__ == "__main__":
    main()
