"""CPU time of the select stage alone, per cluster, and where it goes.

    PYTHONPATH=/path/to/other/src python benchmarks/select_cost.py DATA.jsonl [...] \\
        [--split check] [--words 300] [--passes 3] [--synthetic 500] [--profile 25]

Each cluster runs through ``synopsis.pipeline.run`` once, unchanged, with the pipeline's
``select`` call recorded (its scored cluster, options, headline and copy groups); then
``synopsis.select.select`` alone is timed on those inputs with ``time.process_time``
(CPU time: the machine is shared, so wall time would mislead), ``--passes`` times, and
the mean per cluster printed. ``--synthetic N`` adds the N-article cluster of
``benchmarks/speed.py`` (100 words, as ``speed.py --child`` asks). ``--profile K``
prints cProfile's K costliest functions (cumulative) of the timed calls. Run once per
source tree to compare.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import synopsis
from synopsis import pipeline
from synopsis.evaluate import read_clusters, split
from synopsis.options import Options
from synopsis.select import select

sys.path.insert(0, str(Path(__file__).resolve().parent))


def recorded_calls(clusters: list, options: Options) -> list[tuple]:
    """The arguments of every ``select`` call the pipeline makes on ``clusters``."""
    calls: list[tuple] = []

    def record(*args: object, **kwargs: object) -> object:
        calls.append((args, kwargs))
        return select(*args, **kwargs)

    pipeline.select = record
    try:
        for c in clusters:
            pipeline.run(c, options)
    finally:
        pipeline.select = select
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*")
    parser.add_argument("--split", default="check")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--synthetic", type=int, action="append", default=[])
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args()
    print(synopsis.__file__)
    sets = [
        (p.rsplit("/", 1)[-1], split(read_clusters(p), args.split), Options.with_words(args.words))
        for p in args.data
    ]
    if args.synthetic:
        from speed import synthetic_documents
        from synopsis.ingest import documents_from_objects
        from synopsis.model import Cluster

        for n in args.synthetic:
            docs = documents_from_objects(synthetic_documents(n))
            cluster = Cluster(id=f"synthetic-{n}", documents=docs)
            sets.append((f"synthetic {n}", [cluster], Options.with_words(100)))
    profiler = cProfile.Profile() if args.profile else None
    for name, clusters, options in sets:
        calls = recorded_calls(clusters, options)
        if profiler:
            profiler.enable()
        start = time.process_time()
        for _ in range(args.passes):
            for a, k in calls:
                select(*a, **k)
        ms = (time.process_time() - start) / args.passes / len(calls) * 1000
        if profiler:
            profiler.disable()
        print(
            f"{name}: {len(calls)} clusters, {args.words if 'synthetic' not in name else 100} "
            f"words, select {ms:.2f} ms CPU each"
        )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
