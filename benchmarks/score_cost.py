"""CPU time of the score stage alone, per cluster, on the clusters of one split.

    PYTHONPATH=/path/to/other/src python benchmarks/score_cost.py DATA.jsonl [...] [--split check]

Each cluster is cleaned, segmented and deduplicated as ``pipeline.run`` does (not timed),
then ``synopsis.score.score`` is timed with ``time.process_time`` (CPU time: the machine
is shared, so wall time would mislead) over three passes, keeping the pairs the later
stages use. Run once per source tree to compare.
"""

from __future__ import annotations

import argparse
import time

import synopsis
from synopsis.cleaning import clean_cluster
from synopsis.dedup import dedup
from synopsis.evaluate import read_clusters, split
from synopsis.options import Options
from synopsis.score import score
from synopsis.segment import segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--split", default="check")
    args = parser.parse_args()
    options = Options()
    keep = min(options.attribute.support_threshold, options.disagree.align_threshold)
    print(synopsis.__file__)
    for path in args.data:
        prepared = []
        for c in split(read_clusters(path), args.split):
            cleaned = [d for d in clean_cluster(c.documents) if d.body]
            segs = [segment(d, i) for i, d in enumerate(cleaned)]
            if any(s.sentences for s in segs):
                prepared.append((segs, dedup(segs).group_of))
        start = time.process_time()
        for _ in range(3):
            for segs, groups in prepared:
                score(segs, options.score, groups=groups, keep_pairs=keep)
        ms = (time.process_time() - start) / 3 / len(prepared) * 1000
        print(f"{path.rsplit('/', 1)[-1]}: {len(prepared)} clusters, score {ms:.2f} ms CPU each")


if __name__ == "__main__":
    main()
