"""A digest of every summary of some clusters, to check that a change keeps the output.

    PYTHONPATH=/path/to/other/src python benchmarks/summaries_digest.py DATA.jsonl [...] \\
        [--words 100,300] [--save summaries.json]

Summarizes every cluster of each file at each budget with ``synopsis.summarize`` (from the
``synopsis`` on the path: run once per source tree) and prints the number of summaries and
an MD5 digest of their sentences; equal digests mean identical summaries, sentence for
sentence. ``--save`` keeps the sentences for a closer comparison (research data: keep the
file out of the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json

import synopsis
from synopsis.evaluate import read_clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--words", default="100,300")
    parser.add_argument("--save")
    args = parser.parse_args()
    out: dict[str, list[str]] = {}
    for path in args.data:
        for cluster in read_clusters(path):
            for words in (int(w) for w in args.words.split(",")):
                summary = synopsis.summarize(cluster, words)
                out[f"{path}:{cluster.id}/{words}"] = [s.text for s in summary.sentences]
    text = json.dumps(out, sort_keys=True)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            f.write(text)
    print(synopsis.__file__, len(out), hashlib.md5(text.encode()).hexdigest())


if __name__ == "__main__":
    main()
