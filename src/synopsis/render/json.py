"""The JSON form of a summary; its schema is documented in the README."""

from __future__ import annotations

import json

from ..model import Summary, Support

# 2: a headline, sentence insertions, and disagreement kinds conflict/update/spelling/wording
# (with `about`: number, date, name or quote) instead of number/name/quote/date.
SCHEMA_VERSION = 2
# The top-level fields of a summary's JSON, in order (batch records add "error"), and those
# that hold lists or objects rather than a plain value.
SUMMARY_FIELDS = (
    "schema", "version", "cluster_id", "headline", "summary", "words", "sentences",
    "documents", "parameters", "notes", "copies", "independent_sources", "disagreements",
)  # fmt: skip
NESTED_FIELDS = frozenset(
    {"headline", "sentences", "documents", "parameters", "notes", "copies", "disagreements"}
)


def to_dict(summary: Summary) -> dict[str, object]:
    from .. import __version__

    return {
        "schema": SCHEMA_VERSION,
        "version": __version__,
        "cluster_id": summary.cluster_id,
        "headline": _headline(summary),
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
                "support": _support(s.support),
                "insertions": [
                    {
                        "at": i.at,
                        "end": i.end,
                        "text": i.text,
                        "from": {
                            "document_id": i.source.document_id,
                            "start": i.source.start,
                            "end": i.source.end,
                        },
                    }
                    for i in s.insertions
                ],
            }
            for s in summary.sentences
        ],
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "path": d.path,
                "characters": len(d.text),
                "dropped": d.id in summary.excluded,
            }
            for d in summary.documents
        ],
        "parameters": dict(summary.parameters),
        "notes": list(summary.notes),
        **analysis_dict(summary),
    }


def _headline(summary: Summary) -> dict[str, str] | None:
    if summary.headline is None:
        return None
    return {"text": summary.headline.text, "document_id": summary.headline.document_id}


def _support(support: Support | None) -> dict[str, list[object]] | None:
    if support is None:
        return None
    return {"documents": list(support.documents), "groups": list(support.groups)}


def analysis_dict(summary: Summary) -> dict[str, object]:
    """Copies, independent-source count and disagreements (the ``compare`` output)."""
    return {
        "copies": [
            {"id": g.id, "documents": list(g.documents), "shared": g.shared} for g in summary.copies
        ],
        "independent_sources": summary.independent_sources,
        "disagreements": [
            {
                "kind": d.kind,
                "about": d.about,
                "subject": d.subject,
                "variants": [
                    {
                        "value": v.value,
                        "documents": list(v.documents),
                        "groups": list(v.groups),
                        "mentions": [
                            {"document_id": m.document_id, "start": m.start, "end": m.end}
                            for m in v.mentions
                        ],
                    }
                    for v in d.variants
                ],
            }
            for d in summary.disagreements
        ],
    }


def render_json(summary: Summary) -> str:
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(summary: Summary) -> str:
    """One compact line, for inputs that hold many clusters."""
    return json.dumps(to_dict(summary), ensure_ascii=False) + "\n"


def render_analysis_json(summaries: list[Summary]) -> str:
    """``synopsis compare --format json``: one object, or JSON Lines for many clusters."""
    dicts = [{"cluster_id": s.cluster_id, **analysis_dict(s)} for s in summaries]
    if len(dicts) == 1:
        return json.dumps(dicts[0], ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in dicts)
