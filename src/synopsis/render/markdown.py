from __future__ import annotations

from ..model import Summary
from .analysis import analysis_lines
from .sources import LEGEND, citation, document_label, source_numbers
from .text import neutralise_controls


def md_escape(text: str) -> str:
    """Keep article text from being read as Markdown markup."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(summary: Summary) -> str:
    numbers = source_numbers(summary)
    out = [f"## Summary of {md_escape(summary.cluster_id)}", ""]
    if summary.headline is not None:
        number = numbers[summary.headline.document_id]
        out += [f"**{md_escape(summary.headline.text)}** \\[{number}\\]", ""]
    for s in summary.sentences:
        out.append(f"- {md_escape(s.text)} {md_escape(citation(s, numbers))}")
    for note in summary.notes:
        out.append(f"- _{md_escape(note)}_")
    out += ["", "### Sources", ""]
    if any(s.supported_by for s in summary.sentences):
        out += [f"_{md_escape(LEGEND)}_", ""]
    for doc in summary.documents:
        out.append(f"{numbers[doc.id]}. {md_escape(document_label(summary, doc))}")
    if summary.copies:
        out += ["", "### Across sources", ""]
        out += [f"- {md_escape(line)}" for line in analysis_lines(summary, numbers)]
    return neutralise_controls("\n".join(out) + "\n")
