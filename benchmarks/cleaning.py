"""Measure cleaning: what it removes from a seeded sample of articles, and how fast it runs.

    python benchmarks/cleaning.py review DATA.jsonl [--n 50] [--seed 5] [--show]
    python benchmarks/cleaning.py speed DATA.jsonl [--repeat 5]
    python benchmarks/cleaning.py sample examples/iran-isis-2014
    python benchmarks/cleaning.py rouge DATA.jsonl [--words 300]

``review`` cleans every cluster that holds a drawn article (so cross-document rules see the
whole cluster) and lists, for each drawn article, every removal as cluster id / document
index / line / reason; ``--show`` also prints the removed text and the kept lines so a
person can judge them (that output is for reading, never for committing: the data is for
research use only). ``speed`` times :func:`synopsis.cleaning.clean_cluster` over every
cluster on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from synopsis.cleaning import clean_cluster
from synopsis.ingest import load
from synopsis.model import Cluster, Document


def read_clusters(path: Path) -> list[Cluster]:
    clusters = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            docs = tuple(
                Document(id=str(i), text=t) for i, t in enumerate(record["documents"]) if t.strip()
            )
            clusters.append(Cluster(id=record["id"], documents=docs))
    return clusters


def draw(clusters: list[Cluster], n: int, seed: int) -> list[tuple[int, int]]:
    """(cluster index, document index) pairs, drawn without replacement with a fixed seed."""
    pairs = [(ci, di) for ci, c in enumerate(clusters) for di in range(len(c.documents))]
    return sorted(random.Random(seed).sample(pairs, n))


def review(path: Path, n: int, seed: int, show: bool) -> None:
    clusters = read_clusters(path)
    picked = draw(clusters, n, seed)
    cache: dict[int, tuple] = {}
    reasons: Counter[str] = Counter()
    dropped = []
    for ci, di in picked:
        if ci not in cache:
            cache[ci] = clean_cluster(clusters[ci].documents)
        c = cache[ci][di]
        cid = clusters[ci].id
        words = len(c.document.text.split())
        print(f"## {cid} doc {di}: {words} words, {len(c.removals)} removals")
        if not c.body:
            dropped.append(f"{cid}/{di}")
            print("   DROPPED WHOLE")
        for r in c.removals:
            reasons[r.reason] += 1
            raw = " ".join(c.document.text[r.start : r.end].split())
            print(f"   line {r.line} {r.reason}" + (f": {raw[:160]}" if show else ""))
        if show:
            for s in c.body:
                for line in c.document.text[s.start : s.end].split("\n"):
                    if line.strip():
                        print(f"   KEPT {' '.join(line.split())[:160]}")
    print(f"\n{len(picked)} articles, {sum(reasons.values())} removals")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    print(f"dropped whole: {', '.join(dropped) or 'none'}")


def speed(path: Path, repeat: int) -> None:
    clusters = read_clusters(path)
    docs = sum(len(c.documents) for c in clusters)
    words = sum(len(d.text.split()) for c in clusters for d in c.documents)
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for c in clusters:
            clean_cluster(c.documents)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"{docs} articles, {words / docs:.0f} words each on average")
    # CPU time is the figure to trust on a shared machine; wall time is shown beside it.
    print(f"best of {repeat}: {best_cpu:.3f} s CPU, {docs / best_cpu:.0f} articles/s on one core")
    print(f"best of {repeat}: {best_wall:.3f} s wall, {docs / best_wall:.0f} articles/s")


def rouge(path: Path, words: int) -> None:
    """ROUGE F1 of summaries with and without cleaning, against the reference summaries."""
    from rouge_score import rouge_scorer

    from synopsis import summarize
    from synopsis.options import CleanOptions, Options, SelectOptions

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    refs = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                refs[record["id"]] = record["summary"]
    clusters = read_clusters(path)
    for enabled in (False, True):
        options = Options(clean=CleanOptions(enabled=enabled), select=SelectOptions(words=words))
        totals: Counter[str] = Counter()
        for c in clusters:
            summary = summarize(c, options=options)
            for name, score in scorer.score(refs[c.id], summary.text).items():
                totals[name] += score.fmeasure
        n = len(clusters)
        row = "  ".join(f"{k} {100 * v / n:.2f}" for k, v in sorted(totals.items()))
        print(f"clean={enabled}: {n} clusters, {words} words: {row}")


def sample(folder: Path) -> None:
    for cluster in load([folder]).clusters:
        for c in clean_cluster(cluster.documents):
            print(f"## {c.document.id}: {len(c.removals)} removals")
            for r in c.removals:
                raw = " ".join(c.document.text[r.start : r.end].split())
                print(f"   line {r.line} {r.reason}: {raw[:100]}")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("review")
    r.add_argument("data", type=Path)
    r.add_argument("--n", type=int, default=50)
    r.add_argument("--seed", type=int, default=5)
    r.add_argument("--show", action="store_true")
    s = sub.add_parser("speed")
    s.add_argument("data", type=Path)
    s.add_argument("--repeat", type=int, default=5)
    g = sub.add_parser("rouge")
    g.add_argument("data", type=Path)
    g.add_argument("--words", type=int, default=300)
    m = sub.add_parser("sample")
    m.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "review":
        review(args.data, args.n, args.seed, args.show)
    elif args.command == "speed":
        speed(args.data, args.repeat)
    elif args.command == "rouge":
        rouge(args.data, args.words)
    else:
        sample(args.folder)


if __name__ == "__main__":
    main(sys.argv[1:])
