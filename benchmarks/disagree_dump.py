"""Every cluster's disagreements, mentions included, as JSON lines: compare two trees.

    python benchmarks/disagree_dump.py DATA/multi-news-full-100.jsonl -o after.jsonl
    PYTHONPATH=OLD/src python benchmarks/disagree_dump.py DATA/... -o before.jsonl
    cmp before.jsonl after.jsonl

``--ecbplus`` reads ECB+'s ecbplus_docs.jsonl as one cluster per event, ``--pool`` pools
every document into one cluster (a scale test). Prints the disagree stage's CPU seconds
(``time.process_time``) to stderr. The output quotes the data: keep it out of the repo.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--ecbplus", action="store_true")
    parser.add_argument("--pool", action="store_true")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    import synopsis
    import synopsis.pipeline as pipeline

    spent = [0.0]
    real = pipeline.disagree

    def timed(*a, **k):  # type: ignore[no-untyped-def]
        start = time.process_time()
        out = real(*a, **k)
        spent[0] += time.process_time() - start
        return out

    pipeline.disagree = timed
    if args.ecbplus:
        from cross_source import _ecbplus

        clusters = _ecbplus(args.path)
    else:
        clusters = synopsis.load([args.path]).clusters
    if args.pool:
        docs = (d for c in clusters for d in c.documents)
        pooled = tuple(dataclasses.replace(d, id=str(n)) for n, d in enumerate(docs))
        clusters = [synopsis.Cluster(id="pooled", documents=pooled)]
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    with out:
        for c in clusters:
            found = synopsis.summarize(c, words=100).disagreements
            row = {"id": c.id, "d": [dataclasses.asdict(d) for d in found]}
            out.write(json.dumps(row, default=str) + "\n")
    print(f"{args.path}: {len(clusters)} clusters, disagree CPU {spent[0]:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
