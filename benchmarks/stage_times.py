"""Where the time goes: seconds per stage of synopsis, and of sumy LexRank, on one split.

    python benchmarks/stage_times.py DATA.jsonl [--split check]

Runs the pipeline's stages one by one (as ``synopsis.pipeline.run`` does) and times each
with ``time.perf_counter``; LexRank's time is split into segmentation (the same
``segment_text`` every baseline uses) and sumy's own ranking. One process, warm-up call
first, no ROUGE.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from synopsis.attribute import attribute
from synopsis.evaluate import SYSTEMS, read_clusters, split
from synopsis.model import CleanDocument
from synopsis.options import Options
from synopsis.score import score
from synopsis.segment import segment as segment_stage
from synopsis.segment import segment_text
from synopsis.select import select


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data")
    parser.add_argument("--split", default="check")
    args = parser.parse_args()
    clusters = split(read_clusters(args.data), args.split)
    options = Options.with_words(300)
    SYSTEMS["lexrank"](clusters[0], 300)  # warm-up (imports)
    t: dict[str, float] = defaultdict(float)
    for c in clusters:
        a = time.perf_counter()
        segs = [segment_stage(CleanDocument.whole(d), i) for i, d in enumerate(c.documents)]
        b = time.perf_counter()
        scored = score(segs, options.score)
        d = time.perf_counter()
        chosen = select(scored, options.select)
        e = time.perf_counter()
        attribute(scored, chosen, options.attribute)
        f = time.perf_counter()
        t["synopsis: segment"] += b - a
        t["synopsis: score"] += d - b
        t["synopsis: select"] += e - d
        t["synopsis: attribute"] += f - e
        g = time.perf_counter()
        for doc in c.documents:
            segment_text(doc.text)
        h = time.perf_counter()
        SYSTEMS["lexrank"](c, 300)
        i = time.perf_counter()
        t["lexrank: segment"] += h - g
        t["lexrank: segment + rank (whole system)"] += i - h
    n = len(clusters)
    print(f"{args.data} ({args.split}, {n} clusters): milliseconds per cluster")
    print("| stage | ms/cluster |\n|---|---|")
    for name, seconds in t.items():
        print(f"| {name} | {1000 * seconds / n:.1f} |")
    total = sum(v for k, v in t.items() if k.startswith("synopsis"))
    print(f"| synopsis: all stages | {1000 * total / n:.1f} |")


if __name__ == "__main__":
    main()
