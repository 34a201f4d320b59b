"""CPU and peak memory of the disagree stage on generated worst cases (issue 16).

    python benchmarks/disagree_bounds.py figures --size 1000000 --documents 5
    python benchmarks/disagree_bounds.py names --size 200000
    python benchmarks/disagree_bounds.py aligned --size 1000000 --documents 5

Cases come from ``hostile.disagree_worst`` (generated in memory, never written). Prints
one line: CPU seconds (``time.process_time``, less distorted by load than wall time) of
the whole ``summarize`` and of the disagree stage in it, peak RSS (getrusage) before the
disagree stage and at the end, and how many disagreements were found. Run each size in a
fresh process (``/usr/bin/time`` or ``prlimit`` around it to cap a runaway run).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from hostile import disagree_worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=["figures", "nouns", "names", "aligned"])
    parser.add_argument("--size", type=int, default=100_000, help="characters a document")
    parser.add_argument("--documents", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    import synopsis
    import synopsis.pipeline as pipeline

    texts = disagree_worst(args.case, args.size, args.documents, args.seed)
    cluster = synopsis.Cluster(
        id=args.case,
        documents=tuple(synopsis.Document(id=str(n), text=t) for n, t in enumerate(texts)),
    )
    stage = {"cpu": 0.0, "rss_before": 0}
    real = pipeline.disagree

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        stage["rss_before"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.process_time()
        out = real(*a, **k)
        stage["cpu"] += time.process_time() - start
        return out

    pipeline.disagree = timed
    start = time.process_time()
    summary = synopsis.summarize(cluster, words=100)
    total = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kinds: dict[str, int] = {}
    for d in summary.disagreements:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    print(
        f"{args.case} {args.documents}x{args.size:,} chars: summarize CPU {total:.1f}s, "
        f"disagree CPU {stage['cpu']:.1f}s; peak RSS before disagree "
        f"{stage['rss_before'] / 1024:.0f} MB, at end {peak / 1024:.0f} MB; "
        f"{summary.independent_sources} independent sources; disagreements {kinds}"
    )


if __name__ == "__main__":
    main()
