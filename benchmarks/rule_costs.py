"""What the rules cost: clean_cluster and segment alone, and the rules select asks of every
candidate sentence, in CPU time, on one split.

    PYTHONPATH=<tree>/src python benchmarks/rule_costs.py DATA.jsonl [--split tune] [--rounds 11]

Cleans and segments every cluster of the split once (timing each stage over all clusters,
best of ``--rounds``), then asks six rules of every sentence in a fresh
``textfacts.Text`` (as select builds one per sentence): ``topic.off_topic``,
``dependencies.needs``, ``fragment``, ``announces``, ``reacts`` and ``quote_context``, alone
and all six in a row (median and least of the rounds), so that a change to one rule shows
as its own figure. ``gc.freeze()`` after loading; CPU time (``time.process_time``), since
the machine is shared. Run it once per source tree (benchmarks/README.md, speed15g).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable

from synopsis import topic
from synopsis.cleaning import clean_cluster
from synopsis.dependencies import announces, fragment, needs, quote_context, reacts
from synopsis.evaluate import read_clusters, split
from synopsis.options import Options
from synopsis.segment import segment
from synopsis.textfacts import Text

RULES: dict[str, Callable[[str], object]] = {
    "off_topic": topic.off_topic,
    "needs": needs,
    "fragment": fragment,
    "announces": announces,
    "reacts": reacts,
    "quote_context": quote_context,
}


def _rounds(fn: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return sorted(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--split", default="tune")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    options = Options()
    clusters = split(read_clusters(args.data), args.split)
    cleaned = [
        [c for c in clean_cluster(cluster.documents, options.clean) if not c.dropped]
        for cluster in clusters
    ]
    texts = [
        s.text
        for docs in cleaned
        for i, doc in enumerate(docs)
        for s in segment(doc, i, options.segment).sentences
    ]
    gc.freeze()
    n = len(clusters)

    def clean_all() -> None:
        for cluster in clusters:
            list(clean_cluster(cluster.documents, options.clean))

    def segment_all() -> None:
        for docs in cleaned:
            for i, doc in enumerate(docs):
                segment(doc, i, options.segment)

    print(f"{args.data} ({args.split}, {n} clusters, {len(texts)} sentences): CPU time")
    print("| what | median | least |")
    print("|---|---:|---:|")
    for name, fn in (("clean_cluster", clean_all), ("segment", segment_all)):
        t = _rounds(fn, args.rounds)
        print(
            f"| {name} (ms per cluster) | {t[len(t) // 2] / n * 1e3:.3f} | {t[0] / n * 1e3:.3f} |"
        )
    for name, rules in [*((k, (v,)) for k, v in RULES.items()), ("all six", tuple(RULES.values()))]:
        times = []
        for _ in range(args.rounds):
            fresh = [Text(t) for t in texts]  # no verdict kept from the round before
            t0 = time.process_time()
            for text in fresh:
                for rule in rules:
                    rule(text)
            times.append(time.process_time() - t0)
        times.sort()
        med, least = (t / len(texts) * 1e6 for t in (times[len(times) // 2], times[0]))
        print(f"| {name} (µs per sentence) | {med:.2f} | {least:.2f} |")


if __name__ == "__main__":
    main()
