"""CPU time and peak memory of the change-tracker rule and dedup on generated worst cases.

    PYTHONPATH=/path/to/src python benchmarks/bounded_loops.py [CASE ...] [--cpu-limit 300]

Cases (each run in a fresh subprocess, so its peak RSS is its own; text generated in
memory with ``hostile.low_vocabulary``, never written to the repository):

- ``tracker-low``: one change-tracker page ("Version 1 Version 2" banner) of 1,000,000
  characters of low-vocabulary sentences that share many words but are not versions of
  each other (every sentence is compared with the later ones and none matches);
- ``tracker-near``: the same size, each sentence a copy of the previous one with one word
  changed (near-identical: each matches the next);
- ``tracker-distinct``: the same size, sentences of words drawn from 5,000 made-up ones,
  no two alike: the worst case of the rule, every sentence compared and none matching;
- ``dedup-40``: 40 documents of 125,000 characters (5,000,000 a cluster, the size
  policy's limit), each the same low-vocabulary text with one word in 30 changed (near copies);
- ``dedup-2``: two such documents of 1,000,000 characters (one document's limit).

Reports CPU seconds (``time.process_time``, unaffected by other load) of the measured
stage (``clean`` for the trackers; ``dedup`` for the documents, after clean and segment),
and the child's peak RSS. ``--cpu-limit`` stops a child after that many CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import LOW_VOCAB, low_vocabulary


def near_identical(size: int, seed: int) -> str:
    rng = random.Random(seed)
    words = [rng.choice(LOW_VOCAB) for _ in range(12)]
    out, total = [], 0
    while total < size:
        words[rng.randrange(len(words))] = rng.choice(LOW_VOCAB)
        sentence = " ".join(words).capitalize() + "."
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(sentence) + 1
    return "".join(out)[:size]


def distinct(size: int, seed: int) -> str:
    """Sentences of 10 words drawn from 5,000 made-up ones: no two are versions."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
                  for _ in range(5000)]  # fmt: skip
    out, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(vocabulary) for _ in range(10)).capitalize() + "."
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(sentence) + 1
    return "".join(out)[:size]


def edited(text: str, seed: int) -> str:
    rng = random.Random(seed)
    words = text.split(" ")
    for i in range(0, len(words), 30):
        words[i + rng.randrange(min(30, len(words) - i))] = rng.choice(LOW_VOCAB)
    return " ".join(words)


def child(case: str) -> dict[str, float]:
    from synopsis.cleaning import clean, clean_cluster
    from synopsis.dedup import dedup
    from synopsis.model import Document
    from synopsis.score import sentence_words
    from synopsis.segment import segment

    if case.startswith("tracker"):
        make = {"tracker-low": low_vocabulary, "tracker-near": near_identical}.get(case, distinct)
        text = "Version 1 Version 2\n\n" + make(1_000_000 - 21, seed=5)
        start = time.process_time()
        cleaned = clean(Document(id="page", text=text))
        seconds = time.process_time() - start
        extra = {"removals": len(cleaned.removals)}
    else:
        n, size = (40, 125_000) if case == "dedup-40" else (2, 1_000_000)
        base = low_vocabulary(size, seed=9)
        docs = [Document(id=str(i), text=edited(base, seed=i)[:size]) for i in range(n)]
        cleaned_docs = [c for c in clean_cluster(docs) if not c.dropped]
        segmented = [segment(c, i) for i, c in enumerate(cleaned_docs)]
        tokens = sentence_words(segmented)
        start = time.process_time()
        copies = dedup(segmented, tokens=tokens)
        seconds = time.process_time() - start
        extra = {"groups": len(copies.groups), "documents": len(segmented)}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "cpu_seconds": round(seconds, 2), "peak_rss_mb": round(peak), **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cases = ["tracker-low", "tracker-near", "tracker-distinct", "dedup-40", "dedup-2"]
    parser.add_argument("cases", nargs="*", default=cases)
    parser.add_argument("--cpu-limit", type=int, default=300)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    for case in args.cases:

        def limit(seconds: int = args.cpu_limit) -> None:
            resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

        run = subprocess.run(
            [sys.executable, __file__, "--child", case],
            capture_output=True,
            text=True,
            preexec_fn=limit,
        )
        if run.returncode == 0:
            print(run.stdout.strip())
        else:
            print(json.dumps({"case": case, "stopped": f"exit {run.returncode}",
                              "cpu_limit_seconds": args.cpu_limit}))  # fmt: skip


if __name__ == "__main__":
    main()
