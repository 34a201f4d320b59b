"""ROUGE of option variants of the *whole* pipeline (clean, dedup, ...) on the tune halves.

    python benchmarks/tune_pipeline.py DATA.jsonl [DATA.jsonl ...] [--split tune]

Unlike ``tune.py`` (which re-runs only scoring and selection on uncleaned segments), each
variant here is ``synopsis.summarize`` with changed options, registered as an extra system
of the evaluation harness, so it is scored exactly as ``synopsis eval`` scores synopsis.
Decide on the tune halves only.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable

import synopsis
from synopsis.evaluate import read_clusters, split
from synopsis.evaluate import systems as registry
from synopsis.evaluate.run import evaluate
from synopsis.model import Cluster
from synopsis.options import Options


def with_select(**changes: object) -> Options:
    base = Options()
    return dataclasses.replace(base, select=dataclasses.replace(base.select, **changes))


VARIANTS: dict[str, Options] = {
    "base": Options(),
    "red0.4": with_select(redundancy_threshold=0.4),
    "red0.6": with_select(redundancy_threshold=0.6),
    "min4": with_select(min_words=4),
    "lam0.85": with_select(mmr_lambda=0.85),
    "max80": with_select(max_words=80),
    "nolead": with_select(lead_first=False),
    "quotes0.34": with_select(max_quote_share=0.34),
    "quotes-off": with_select(max_quote_share=1.0),
}


def system(options: Options) -> Callable[[Cluster, int], list[str]]:
    def summarize(cluster: Cluster, words: int) -> list[str]:
        opts = dataclasses.replace(options, select=dataclasses.replace(options.select, words=words))
        return [s.text for s in synopsis.summarize(cluster, options=opts).sentences]

    return summarize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--split", default="tune")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    for name, options in VARIANTS.items():
        registry.SYSTEMS[name] = system(options)
    print("| data | variant | R-1 | R-2 |\n|---|---|---|---|")
    for path in args.data:
        clusters = split(read_clusters(path), args.split)
        result = evaluate(clusters, list(VARIANTS), words=300, jobs=args.jobs)
        for r in result.systems:
            print(f"| {path.rsplit('/', 1)[-1]} | {r.name} "
                  f"| {100 * r.rouge1.mean:.2f} | {100 * r.rouge2.mean:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
