"""Where the time goes: seconds per stage of synopsis, and of sumy LexRank, on one split.

    python benchmarks/stage_times.py DATA.jsonl [--split check]

Runs the pipeline's stages one by one (as ``synopsis.pipeline.run`` does) and times each
with ``time.perf_counter``; LexRank's time is split into segmentation (the same
``segment_text`` every baseline uses) and sumy's own ranking. One process, warm-up call
first, no ROUGE.

Two reference rows put the throughput target (synopsis at 20x LexRank's clusters/s) in
scale: ``floor`` is the least any extractive summarizer must do from raw text (split on
final punctuation with one regex and list each sentence's words: no cleaning, scoring or
selection), and ``20x budget`` is LexRank's time divided by 20.
"""

from __future__ import annotations

import argparse
import functools
import re
import time
from collections import defaultdict
from collections.abc import Callable

from synopsis import pipeline
from synopsis.evaluate import SYSTEMS, read_clusters, split
from synopsis.options import Options
from synopsis.segment import segment_text

_SPLIT = re.compile(r"(?<=[.!?])\s+")
_WORDS = re.compile(r"\w+")

STAGES = ("clean_cluster", "segment", "dedup", "score", "select", "attribute", "disagree")


def timed(name: str, fn: Callable[..., object], t: dict[str, float]) -> Callable[..., object]:
    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            t[f"synopsis: {name}"] += time.perf_counter() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data")
    parser.add_argument("--split", default="check")
    args = parser.parse_args()
    clusters = split(read_clusters(args.data), args.split)
    options = Options.with_words(300)
    SYSTEMS["lexrank"](clusters[0], 300)  # warm-up (imports)
    pipeline.run(clusters[0], options)
    t: dict[str, float] = defaultdict(float)
    # Wrap the stage functions the pipeline calls, so the pipeline itself runs unchanged.
    for name in STAGES:
        setattr(pipeline, name, timed(name, getattr(pipeline, name), t))
    for c in clusters:
        a = time.perf_counter()
        pipeline.run(c, options)
        b = time.perf_counter()
        t["synopsis: whole pipeline"] += b - a
        for doc in c.documents:
            segment_text(doc.text)
        h = time.perf_counter()
        SYSTEMS["lexrank"](c, 300)
        i = time.perf_counter()
        for doc in c.documents:
            [_WORDS.findall(s) for s in _SPLIT.split(doc.text.lower())]
        j = time.perf_counter()
        t["lexrank: segment"] += h - b
        t["lexrank: segment + rank (whole system)"] += i - h
        t["floor: one-regex split + words"] += j - i
    n = len(clusters)
    print(f"{args.data} ({args.split}, {n} clusters): milliseconds per cluster")
    print("| stage | ms/cluster |\n|---|---|")
    t["20x budget: LexRank / 20"] = t["lexrank: segment + rank (whole system)"] / 20
    for name, seconds in t.items():
        print(f"| {name} | {1000 * seconds / n:.2f} |")


if __name__ == "__main__":
    main()
