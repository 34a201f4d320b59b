"""Evaluation data: JSONL clusters with reference summaries, and the tune/check split.

Each line is ``{"id": ..., "documents": [str, ...], "summary": str}`` (the format of
Multi-News as shipped in ``shared/data``); ``.jsonl.gz`` is read too. A malformed line is
reported with its line number by :func:`synopsis.ingest.parse_jsonl`.

The split is a fixed function of each cluster's id, so a cluster is in the same half on
every run, with ``--limit`` or without, and whatever the order of the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..ingest import JSONL_SUFFIXES, file_suffix, load
from ..model import Cluster

SPLIT_SEED = 6  # fixed once; changing it would leak check clusters into tuning
SPLITS = ("all", "tune", "check")


def read_clusters(path: str | Path) -> list[Cluster]:
    """Every cluster of a JSONL (or gzipped JSONL) file; each must have a reference."""
    path = Path(path)
    if file_suffix(path) not in JSONL_SUFFIXES:
        raise InputError(f"{path}: evaluation data must be JSON Lines (.jsonl, .jsonl.gz)")
    clusters = list(load([path]).clusters)
    missing = [c.id for c in clusters if not (c.reference or "").strip()]
    if missing:
        raise InputError(
            f"{path}: cluster {missing[0]!r} has no 'summary' to compare against"
            + (f" (and {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    return clusters


def _key(cluster_id: str) -> bytes:
    return hashlib.blake2b(f"{SPLIT_SEED}:{cluster_id}".encode(), digest_size=8).digest()


def split(clusters: Sequence[Cluster], which: str) -> list[Cluster]:
    """``tune`` or ``check`` half (the first ``ceil(n/2)`` clusters by a seeded hash of
    their id go to ``tune``), or ``all``; the chosen clusters keep the file's order."""
    if which not in SPLITS:
        raise InputError(f"unknown split {which!r}; choose from {', '.join(SPLITS)}")
    if which == "all":
        return list(clusters)
    ranked = sorted(range(len(clusters)), key=lambda i: (_key(clusters[i].id), i))
    half = (len(clusters) + 1) // 2
    tune = set(ranked[:half])
    keep = tune if which == "tune" else set(ranked[half:])
    return [c for i, c in enumerate(clusters) if i in keep]
