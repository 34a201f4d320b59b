"""A digest of every summary of some clusters, to check that a change keeps the output.

    PYTHONPATH=/path/to/other/src python benchmarks/summaries_digest.py DATA.jsonl [...] \\
        [--words 100,300] [--save summaries.json]

Summarizes every cluster of each file at each budget with ``synopsis.summarize`` (from the
``synopsis`` on the path: run once per source tree) and prints the number of summaries and
an MD5 digest of their sentences; equal digests mean identical summaries, sentence for
sentence. A second line digests everything else a summary holds (each sentence's offsets,
score, support and insertions, the copy groups, the disagreements with every variant and
mention, notes, exclusions, headline), so a change to a stage whose output the sentences do
not show (disagree, attribute, dedup) is caught too. ``--save`` keeps both for a closer
comparison (research data: keep the file out of the repository). Each summary is keyed by
the data path as given: pass the same paths to compare two trees (main's figures in
benchmarks/README.md were taken from the repository's root with ``../shared/data/...``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict

import synopsis
from synopsis.evaluate import read_clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--words", default="100,300")
    parser.add_argument("--save")
    args = parser.parse_args()
    out: dict[str, list[str]] = {}
    rest: dict[str, dict[str, object]] = {}
    for path in args.data:
        for cluster in read_clusters(path):
            for words in (int(w) for w in args.words.split(",")):
                summary = synopsis.summarize(cluster, words)
                key = f"{path}:{cluster.id}/{words}"
                out[key] = [s.text for s in summary.sentences]
                rest[key] = everything_else(summary)
    text = json.dumps(out, sort_keys=True)
    full = json.dumps(rest, sort_keys=True, default=repr)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            f.write(json.dumps({"sentences": out, "rest": rest}, default=repr))
    print(synopsis.__file__, len(out), hashlib.md5(text.encode()).hexdigest())
    print("everything else:", len(rest), hashlib.md5(full.encode()).hexdigest())


def everything_else(summary: synopsis.Summary) -> dict[str, object]:
    """The parts of a summary beside its sentences' text (documents and parameters are
    its input, so they are left out)."""
    return {
        "sentences": [asdict(s) for s in summary.sentences],
        "copies": [asdict(g) for g in summary.copies],
        "disagreements": [asdict(d) for d in summary.disagreements],
        "notes": list(summary.notes),
        "excluded": list(summary.excluded),
        "headline": asdict(summary.headline) if summary.headline else None,
    }


if __name__ == "__main__":
    main()
