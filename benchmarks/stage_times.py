"""Where the time goes: CPU ms per cluster of each synopsis stage, of sumy's LexRank and
TextRank, and of the floor, in one run on one split.

    python benchmarks/stage_times.py DATA.jsonl [--split check] [--gc-freeze]

Runs the pipeline's stages one by one (as ``synopsis.pipeline.run`` does) and times each
with ``time.process_time`` (CPU, so other work on the machine distorts it less than wall
time); the peers' time is split into segmentation (the same ``segment_text`` every
baseline uses) and sumy's own ranking. One process, warm-up call first, no ROUGE.

``floor`` is the least any extractive summarizer must do from raw text (split on final
punctuation with one regex and list each sentence's words: no cleaning, scoring or
selection); the last rows give each peer's time and the floor as multiples of synopsis's.

``--gc-freeze`` moves every object alive after loading and the warm-up (the data set,
sumy's and synopsis's modules) out of Python's cyclic garbage collector (``gc.freeze``)
before timing: in this process the collector's full passes over them cost synopsis about
10% on full text (benchmarks/README.md, speed15); off by default, so figures compare with
earlier tables.
"""

from __future__ import annotations

import argparse
import functools
import gc
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

PEERS = ("lexrank", "textrank")
STAGES = (
    "clean_cluster",
    "segment",
    "sentence_words",
    "dedup",
    "score",
    "select",
    "attribute",
    "disagree",
)


def timed(name: str, fn: Callable[..., object], t: dict[str, float]) -> Callable[..., object]:
    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            t[f"synopsis: {name}"] += time.process_time() - start

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data")
    parser.add_argument("--split", default="check")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() before timing")
    args = parser.parse_args()
    clusters = split(read_clusters(args.data), args.split)
    options = Options.with_words(300)
    for peer in PEERS:
        SYSTEMS[peer](clusters[0], 300)  # warm-up (imports)
    pipeline.run(clusters[0], options)
    if args.gc_freeze:
        gc.collect()
        gc.freeze()
    t: dict[str, float] = defaultdict(float)
    # Wrap the stage functions the pipeline calls, so the pipeline itself runs unchanged.
    for name in (s for s in STAGES if hasattr(pipeline, s)):  # older trees lack some
        setattr(pipeline, name, timed(name, getattr(pipeline, name), t))
    clock = time.process_time
    for c in clusters:
        a = clock()
        pipeline.run(c, options)
        t["synopsis: whole pipeline"] += clock() - a
        b = clock()
        for doc in c.documents:
            segment_text(doc.text)
        t["peers: segment (segment_text)"] += clock() - b
        for peer in PEERS:
            h = clock()
            SYSTEMS[peer](c, 300)
            t[f"{peer}: whole system"] += clock() - h
        i = clock()
        for doc in c.documents:
            [_WORDS.findall(s) for s in _SPLIT.split(doc.text.lower())]
        t["floor: one-regex split + words"] += clock() - i
    n = len(clusters)
    frozen = ", gc frozen" if args.gc_freeze else ""
    print(f"{args.data} ({args.split}, {n} clusters{frozen}): CPU milliseconds per cluster")
    print("| stage | CPU ms/cluster |\n|---|---|")
    for name, seconds in t.items():
        print(f"| {name} | {1000 * seconds / n:.2f} |")
    ours = t["synopsis: whole pipeline"]
    for peer in PEERS:
        print(f"| {peer} ÷ synopsis | {t[f'{peer}: whole system'] / ours:.2f}× |")
    print(f"| synopsis ÷ floor | {ours / t['floor: one-regex split + words']:.0f}× |")


if __name__ == "__main__":
    main()
