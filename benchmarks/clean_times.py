"""CPU ms per cluster of the cleaning stage alone (``clean_cluster``), on a split of a data
file, ECB+ or the synthetic clusters of ``speed.py``.

    PYTHONPATH=/path/to/other/src python benchmarks/clean_times.py DATA.jsonl [--split check]
    python benchmarks/clean_times.py DATA/ecbplus/ecbplus_docs.jsonl --ecbplus
    python benchmarks/clean_times.py --synthetic 500

Times ``clean_cluster`` with ``time.process_time`` (CPU, so that other work on the machine
distorts it less than wall time) over every cluster, ``--rounds`` times after one warm-up
pass, and prints the median round's ms per cluster (with the ``synopsis`` on the path: run
once per source tree to compare two). ECB+ is one cluster per gold event, all of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from synopsis.cleaning import clean_cluster
from synopsis.evaluate import read_clusters, split
from synopsis.model import Cluster, Document
from synopsis.options import Options

sys.path.insert(0, str(Path(__file__).parent))


def clusters_for(args: argparse.Namespace) -> tuple[str, list[Cluster]]:
    if args.synthetic:
        from speed import synthetic_documents

        docs = synthetic_documents(args.synthetic)
        documents = tuple(Document(id=str(i), text=t) for i, t in enumerate(docs))
        return f"synthetic {args.synthetic} documents", [Cluster(id="s", documents=documents)]
    if args.ecbplus:
        from cross_source import _ecbplus

        return f"{args.data} (ECB+, every event)", _ecbplus(args.data)
    return f"{args.data} ({args.split})", split(read_clusters(args.data), args.split)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?")
    parser.add_argument("--split", default="check", choices=("tune", "check"))
    parser.add_argument("--ecbplus", action="store_true", help="DATA is ecbplus_docs.jsonl")
    parser.add_argument("--synthetic", type=int, help="one synthetic cluster of N documents")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.synthetic and not args.data:
        parser.error("give DATA or --synthetic N")
    name, clusters = clusters_for(args)
    options = Options().clean
    for cluster in clusters:  # warm-up: imports, compiled patterns
        clean_cluster(cluster.documents, options)
    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        for cluster in clusters:
            clean_cluster(cluster.documents, options)
        rounds.append((time.process_time() - start) * 1000 / len(clusters))
    print(
        f"{name}: {len(clusters)} clusters, clean CPU ms per cluster "
        f"{statistics.median(rounds):.3f} (rounds: {', '.join(f'{r:.3f}' for r in rounds)})"
    )


if __name__ == "__main__":
    main()
