"""The JSON form of a summary; its schema is documented in the README."""

from __future__ import annotations

import json

from ..model import Summary

SCHEMA_VERSION = 1


def to_dict(summary: Summary) -> dict[str, object]:
    from .. import __version__

    return {
        "schema": SCHEMA_VERSION,
        "version": __version__,
        "cluster_id": summary.cluster_id,
        "summary": summary.text,
        "words": summary.words,
        "sentences": [
            {
                "text": s.text,
                "document_id": s.document_id,
                "start": s.start,
                "end": s.end,
                "raw": s.raw,
                "score": s.score,
                "supported_by": list(s.supported_by),
            }
            for s in summary.sentences
        ],
        "documents": [
            {"id": d.id, "title": d.title, "path": d.path, "characters": len(d.text)}
            for d in summary.documents
        ],
        "parameters": dict(summary.parameters),
        "notes": list(summary.notes),
    }


def render_json(summary: Summary) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(summary: Summary) -> str:
    """One compact line, for inputs that hold many clusters."""
    return json.dumps(to_dict(summary), ensure_ascii=False) + "\n"
