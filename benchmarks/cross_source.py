"""Cross-source analysis over clusters: copy groups, independent sources, disagreements, time.

    python benchmarks/cross_source.py examples/iran-isis-2014
    python benchmarks/cross_source.py ../shared/data/multi-news-full-100.jsonl --context 150
    python benchmarks/cross_source.py DATA/multi-news-validation-500.jsonl --split check --limit 100

``--split tune|check`` takes the seeded half of ``synopsis.evaluate.data.split`` (rules are
written on ``tune``, measured on ``check``). Times are CPU seconds (``time.process_time``),
which other work on a shared machine distorts less than wall time.

``--context N`` prints N characters around every mention, for judging each disagreement by
hand (keep that output to yourself when the data may not be redistributed).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

import synopsis
from synopsis.options import DedupOptions, DisagreeOptions, Options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="a folder, files, JSONL or Multi-News file")
    parser.add_argument("--context", type=int, default=0, help="characters around mentions")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--split", default="all", help="all, tune or check (seeded halves)")
    parser.add_argument("--limit", type=int, default=0, help="first N clusters of the split")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N of the split")
    parser.add_argument(
        "--ecbplus",
        action="store_true",
        help="the path is ECB+'s ecbplus_docs.jsonl: one cluster per event",
    )
    parser.add_argument(
        "--pool", action="store_true", help="pool every document into one cluster (a scale test)"
    )
    args = parser.parse_args()
    from synopsis.evaluate.data import split

    if args.ecbplus:
        clusters = split(_ecbplus(args.paths[0]), args.split)[args.skip :]
    else:
        clusters = split(synopsis.load(args.paths).clusters, args.split)[args.skip :]
    if args.limit:
        clusters = clusters[: args.limit]
    if args.pool:
        docs = [d for c in clusters for d in c.documents]
        docs = [dataclasses.replace(d, id=f"{n}") for n, d in enumerate(docs)]
        clusters = [synopsis.Cluster(id="pooled", documents=tuple(docs))]
    times, plain_times, with_copies, kinds = [], [], 0, {}
    dropped: list[str] = []
    plain = Options(dedup=DedupOptions(enabled=False), disagree=DisagreeOptions(enabled=False))
    for cluster in clusters:
        start = time.process_time()
        summary = synopsis.summarize(cluster, words=args.words)
        times.append(time.process_time() - start)
        start = time.process_time()
        synopsis.summarize(cluster, words=args.words, options=plain)
        plain_times.append(time.process_time() - start)
        groups = [g for g in summary.copies if len(g.documents) > 1]
        for note in summary.notes:
            if "dropped" in note:
                dropped.append(f"{cluster.id}: {note}")
        with_copies += bool(groups)
        print(
            f"== {cluster.id}: {len(summary.documents)} documents, "
            f"{summary.independent_sources} independent sources; copies: "
            + ("; ".join(f"{list(g.documents)} shared={g.shared}" for g in groups) or "none")
        )
        text = {d.id: d.text for d in summary.documents}
        for n, d in enumerate(summary.disagreements, start=1):
            kinds[d.kind] = kinds.get(d.kind, 0) + 1
            print(f"  #{n} {d.kind} ({getattr(d, 'about', '')}) | {d.subject}")
            for v in d.variants:
                value = v.value if len(v.value) < 90 else v.value[:87] + "..."
                print(f"     {value!r} documents={list(v.documents)} groups={list(v.groups)}")
                if args.context:
                    for m in v.mentions[:3]:
                        raw = text[m.document_id]
                        lo, hi = max(0, m.start - args.context), m.end + args.context
                        snippet = " ".join(raw[lo:hi].split())
                        print(f"        [{m.document_id}@{m.start}] ...{snippet}...")
    print()
    print(f"clusters: {len(clusters)}; clusters with copies: {with_copies}")
    print(f"disagreements: {sum(kinds.values())} {dict(sorted(kinds.items()))}")
    print(f"documents dropped: {len(dropped)}")
    for line in dropped:
        print(f"  {line}")
    print(
        f"CPU time per cluster (full pipeline): mean {statistics.mean(times):.3f}s, "
        f"median {statistics.median(times):.3f}s, max {max(times):.3f}s; "
        f"without dedup and disagree: mean {statistics.mean(plain_times):.3f}s"
    )


def _ecbplus(path: str) -> list[synopsis.Cluster]:
    """ECB+ articles grouped by their gold event ("story"); the first sentence, which ECB+
    keeps as "title", is put back above the text."""
    import json

    by_story: dict[str, list[synopsis.Document]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
            by_story.setdefault(row["story"], []).append(synopsis.Document(id=row["id"], text=text))
    return [synopsis.Cluster(id=k, documents=tuple(v)) for k, v in sorted(by_story.items())]


if __name__ == "__main__":
    main()
