"""A digest of cleaning's removals and dedup's copy groups, to check a change keeps them.

    PYTHONPATH=/path/to/other/src python benchmarks/clean_dedup_digest.py DATA.jsonl [...] \\
        [--save out.json]

Runs the pipeline's first three stages (clean, segment, dedup, as ``pipeline.run`` does)
on every cluster of each file (or folder of one cluster) with the ``synopsis`` on the path,
and prints the number of clusters and an MD5 digest of every document's removals
(start, end, reason, line) and every copy group (documents, ``shared``). Equal digests mean
identical removals and groups. Where dedup has a ``SentenceIndex``, also prints the most
distinct sentences one cluster's index held (to compare with ``direct_max_sentences``).
``--save`` keeps the per-cluster records (offsets, reasons
and ids only, no text) for finding a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from synopsis.cleaning import clean_cluster
from synopsis.dedup import dedup
from synopsis.evaluate import read_clusters
from synopsis.ingest import load
from synopsis.options import Options
from synopsis.score import sentence_words
from synopsis.segment import segment

pools: list[int] = []


def _count_pools() -> None:
    import synopsis.dedup as module

    index = getattr(module, "SentenceIndex", None)
    if index is None:
        return
    init = index.__init__

    def counted(self, documents, options) -> None:
        init(self, documents, options)
        pools.append(self.size)

    index.__init__ = counted


def record(cluster) -> dict:
    options = Options()
    cleaned = list(clean_cluster(cluster.documents, options.clean))
    removals = [[[r.start, r.end, r.reason, r.line] for r in c.removals] for c in cleaned]
    kept = [c for c in cleaned if not c.dropped]
    groups: list = []
    if kept:
        segmented = [segment(c, i, options.segment) for i, c in enumerate(kept)]
        copies = dedup(segmented, options.dedup, tokens=sentence_words(segmented))
        groups = [[list(g.documents), g.shared] for g in copies.groups]
    return {"removals": removals, "groups": groups}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--save")
    args = parser.parse_args()
    _count_pools()
    out: dict[str, dict] = {}
    for path in args.data:
        clusters = list(load(Path(path)).clusters) if Path(path).is_dir() else read_clusters(path)
        for cluster in clusters:
            out[f"{path}:{cluster.id}"] = record(cluster)
    text = json.dumps(out, sort_keys=True)
    if args.save:
        Path(args.save).write_text(text, encoding="utf-8")
    print(len(out), hashlib.md5(text.encode()).hexdigest())
    if pools:
        print(f"{len(pools)} sentence indexes, at most {max(pools)} distinct sentences")


if __name__ == "__main__":
    main()
