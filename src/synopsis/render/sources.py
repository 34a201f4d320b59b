"""Numbering shared by the human-readable renderers: sources are cited as [1,3]."""

from __future__ import annotations

from ..model import Summary, SummarySentence


def source_numbers(summary: Summary) -> dict[str, int]:
    return {doc.id: n for n, doc in enumerate(summary.documents, start=1)}


def citation(sentence: SummarySentence, numbers: dict[str, int]) -> str:
    """The source first, then the documents that also state it, in source order."""
    others = sorted(numbers[d] for d in sentence.supported_by if d in numbers)
    return "[" + ",".join(str(n) for n in [numbers[sentence.document_id], *others]) + "]"


def source_label(doc_id: str, title: str | None) -> str:
    return f"{doc_id} — {title}" if title else doc_id
