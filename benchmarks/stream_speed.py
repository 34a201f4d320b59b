"""Stream speed: articles/s into SQLite or PostgreSQL, and per-article time as the store grows.

    python benchmarks/stream_speed.py rate STREAM.jsonl --db /tmp/s.db
    python benchmarks/stream_speed.py rate STREAM.jsonl --db postgresql://...
    python benchmarks/stream_speed.py rate STREAM.jsonl --db /tmp/e.db --embed
    python benchmarks/stream_speed.py scale MULTINEWS.jsonl.gz --db /tmp/big.db --total 100000

``rate`` tracks a stream built by ``stream_data.py`` from an empty database, summaries
included (recomputed every ``--summary-every`` articles and at the end, as
``synopsis track`` does), in batches of 64 like the command: wall time, this process's
CPU time (``resource.getrusage``, all threads: torch's too; a PostgreSQL server's own CPU
is not in it), peak RSS. ``--embed`` groups with sentence embeddings (``synopsis[embed]``,
``StoryOptions.with_embeddings()``); loading the model (once per process) is included.

``scale`` stores ``--total`` articles (Multi-News documents reused under new ids, each
pass placed after the previous one in time so that old copies have left the active
window) and reports the mean assignment + commit time per article over the 1,000
articles after 1k, 10k, 100k are stored. Summaries are deferred there (their cost
depends on story sizes, not on how much is stored).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from synopsis.stream.similarity import Article, StoryOptions
from synopsis.stream.tracker import Tracker, TrackOptions


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_stream(path: Path) -> list[Article]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        when = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
        out.append(Article(row["id"], row["text"], when, row.get("title")))
    return out


def rate(args: argparse.Namespace) -> None:
    articles = read_stream(args.stream)
    story = StoryOptions.with_embeddings() if args.embed else StoryOptions()
    options = TrackOptions(story=story, summary_every=args.summary_every, embed=args.embed)
    wall, start = time.perf_counter(), cpu()
    with Tracker(args.db, options) as tracker:
        for i in range(0, len(articles), 64):
            tracker.add_many(articles[i : i + 64])
        assigned = time.perf_counter() - wall
    wall, used = time.perf_counter() - wall, cpu() - start
    print(f"{args.stream.name} into {args.db.split('@')[-1]}: {len(articles)} articles, "
          f"summaries included: {len(articles) / wall:.0f} articles/s wall "
          f"({wall:.1f} s; {assigned:.1f} s before the final summary refresh), "
          f"{len(articles) / used:.0f} articles/s of this process's CPU ({used:.1f} s), "
          f"peak RSS {peak_mb():.0f} MB")  # fmt: skip


def documents(path: Path) -> list[str]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") if path.name.endswith(".gz") else path.open() as f:
        for line in f:
            docs.extend(d for d in json.loads(line)["documents"] if len(d.split()) >= 40)
    return docs


def scale(args: argparse.Namespace) -> None:
    docs = documents(args.data)
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    per_day = 100  # arrivals a day: about 1,400 articles in a 14-day window
    marks = {1_000, 10_000, 100_000, args.total}
    options = TrackOptions(summary_every=10**9)
    n, times = 0, []
    with Tracker(args.db, options) as tracker:
        tracker.refresh = lambda *a, **k: 0  # deferred: see the module docstring
        while n < args.total:
            batch = []
            for _ in range(64):
                doc = docs[n % len(docs)]
                when = start + timedelta(days=n / per_day)
                batch.append(Article(f"a{n}", doc, when))
                n += 1
            t0, c0 = time.perf_counter(), cpu()
            tracker.add_many(batch)
            times.append((n, time.perf_counter() - t0, cpu() - c0))
            for mark in sorted(marks):
                if n - 64 < mark + 1000 <= n:
                    window = [t for t in times if mark < t[0] <= mark + 1000 + 64]
                    count = 64 * len(window)
                    wall = sum(t[1] for t in window) / count * 1000
                    used = sum(t[2] for t in window) / count * 1000
                    line = f"after {mark:>7,} stored: {wall:.2f} ms/article wall, {used:.2f} ms CPU"
                    print(f"{line}; peak RSS {peak_mb():.0f} MB", flush=True)
            if n % 10_000 < 64:
                print(f"  {n:,} stored", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("rate")
    r.add_argument("stream", type=Path)
    r.add_argument("--db", required=True)
    r.add_argument("--summary-every", type=int, default=500)
    r.add_argument("--embed", action="store_true", help="group with sentence embeddings too")
    s = sub.add_parser("scale")
    s.add_argument("data", type=Path)
    s.add_argument("--db", required=True)
    s.add_argument("--total", type=int, default=100_000)
    args = parser.parse_args()
    rate(args) if args.command == "rate" else scale(args)


if __name__ == "__main__":
    main()
