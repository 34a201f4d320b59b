"""Show what cleaning kept and what it took out: text, an explanation, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..model import CleanDocument
from .text import neutralise_controls

SCHEMA_VERSION = 1


def _excerpt(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def render_clean_text(
    cleaned: Sequence[CleanDocument],
    explain: bool = False,
    clusters: Sequence[str] | None = None,
) -> str:
    """Cleaned body of each document; with ``explain``, every removal after it. ``clusters``
    (each document's cluster id, for input of several clusters) goes into the headings, as
    document ids repeat from one cluster to the next (Multi-News numbers them 1, 2, ...)."""
    out: list[str] = []
    several = len(cleaned) > 1
    for k, c in enumerate(cleaned):
        if several or explain:
            where = f"{clusters[k]}: " if clusters else ""
            out.append(f"== {where}{c.document.id} ==")
        if c.dropped:
            out.append(f"(dropped: {c.dropped})")
        if c.body and (not c.dropped or explain):
            out.append(c.body_text)
        if explain:
            out.append("")
            out.append(f"-- removed from {c.document.id}: {len(c.removals)} span(s)")
            for r in c.removals:
                raw = c.document.text[r.start : r.end]
                out.append(f"line {r.line:>4}  {r.reason:<32} {_excerpt(raw)}")
            for key, value in c.meta.items():
                out.append(f"meta {key}: {_excerpt(value)}")
        out.append("")
    return neutralise_controls("\n".join(out))  # as render_text: no terminal escapes


def clean_to_dict(c: CleanDocument) -> dict[str, object]:
    text = c.document.text
    return {
        "id": c.document.id,
        "path": c.document.path,
        "dropped": bool(c.dropped) or not c.body,
        "dropped_reason": c.dropped,
        "body": c.body_text,
        "spans": [{"start": s.start, "end": s.end} for s in c.body],
        "meta": dict(c.meta),
        "removals": [
            {
                "start": r.start,
                "end": r.end,
                "line": r.line,
                "reason": r.reason,
                "text": text[r.start : r.end],
            }
            for r in c.removals
        ],
    }


def render_clean_json(
    cleaned: Sequence[CleanDocument], clusters: Sequence[str] | None = None
) -> str:
    """One JSON object with every document's body, metadata and removals; with
    ``clusters``, each document also names its ``cluster_id``."""
    documents = [clean_to_dict(c) for c in cleaned]
    if clusters:
        documents = [{"cluster_id": cid, **d} for cid, d in zip(clusters, documents, strict=True)]
    data = {"schema": SCHEMA_VERSION, "documents": documents}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
