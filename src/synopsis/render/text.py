from __future__ import annotations

from ..model import Summary
from .analysis import analysis_lines
from .sources import citation, source_label, source_numbers


def render_text(summary: Summary) -> str:
    """Sentences with source markers, then the numbered source list."""
    numbers = source_numbers(summary)
    lines = []
    if summary.headline is not None:
        lines += [f"{summary.headline.text} [{numbers[summary.headline.document_id]}]", ""]
    lines += [f"{s.text} {citation(s, numbers)}" for s in summary.sentences]
    lines += [f"({note})" for note in summary.notes]
    lines.append("")
    lines.append("Sources:")
    for doc in summary.documents:
        lines.append(f"  [{numbers[doc.id]}] {source_label(doc.id, doc.title)}")
    if summary.copies:
        lines += ["", "Across sources:"]
        lines += [f"  {line}" for line in analysis_lines(summary, numbers)]
    return "\n".join(lines) + "\n"
