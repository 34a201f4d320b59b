"""Numbering shared by the human-readable renderers: sources are cited as [1,3]."""

from __future__ import annotations

from ..model import Document, Summary, SummarySentence

# After a source that cleaning left out: listed, so that every document read is accounted
# for, but marked, so that no reader counts it among the sources (the notes say why).
DROPPED = "(left out by cleaning: no source; see the notes)"


# What "[4,1,3]" after a sentence means, said once under the source list.
LEGEND = (
    "the first number after a sentence is the article it is taken from; "
    "any others, articles that state it too"
)


def source_numbers(summary: Summary) -> dict[str, int]:
    return {doc.id: n for n, doc in enumerate(summary.documents, start=1)}


def citation(sentence: SummarySentence, numbers: dict[str, int]) -> str:
    """The source first, then the documents that also state it, in source order."""
    others = sorted(numbers[d] for d in sentence.supported_by if d in numbers)
    return "[" + ",".join(str(n) for n in [numbers[sentence.document_id], *others]) + "]"


def source_label(doc_id: str, title: str | None) -> str:
    return f"{doc_id} — {title}" if title else doc_id


def document_label(summary: Summary, doc: Document) -> str:
    """A source list entry: id and title, marked when cleaning left the document out."""
    label = source_label(doc.id, doc.title)
    return f"{label} {DROPPED}" if doc.id in summary.excluded else label
