"""Turn a :class:`~synopsis.model.Summary` into text, Markdown, JSON or HTML.

Every renderer is called the same way, ``render(summary) -> str``; pick one from
``RENDERERS`` by format name.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import InputError
from ..model import Summary
from .analysis import analysis_lines
from .html import render_html
from .json import analysis_dict, render_analysis_json, render_json, render_jsonl, to_dict
from .markdown import md_escape, render_markdown
from .sources import document_label, source_numbers
from .text import neutralise_controls, render_text

Renderer = Callable[[Summary], str]
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render_text_titled(summary: Summary) -> str:
    """The text form of one of several summaries: headed by its cluster id, since the text
    form alone (unlike Markdown's heading and JSON's ``cluster_id``) does not say which
    cluster it summarizes."""
    return neutralise_controls(f"== {summary.cluster_id} ==\n\n") + render_text(summary)


# How each format writes one of several clusters' summaries.
RENDERERS_MANY: dict[str, Renderer] = {
    **RENDERERS,
    "text": render_text_titled,
    "json": render_jsonl,
}


def render(summaries: list[Summary], fmt: str) -> str:
    """One or many summaries in one format; many clusters in JSON become JSON Lines."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(RENDERERS)}")
    if len(summaries) == 1:
        return RENDERERS[fmt](summaries[0])
    if fmt == "html":
        raise InputError(
            f"the html report shows one cluster, but the input holds {len(summaries)}; "
            "summarize one cluster at a time, or use json or md"
        )
    if fmt == "json":
        return "".join(render_jsonl(s) for s in summaries)
    rule = "\n" + "-" * 72 + "\n\n" if fmt == "text" else "\n---\n\n"
    return rule.join(RENDERERS_MANY[fmt](s) for s in summaries)


def render_analysis(summaries: list[Summary], fmt: str) -> str:
    """Only the cross-source analysis (``synopsis compare``), in text, Markdown or JSON."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(RENDERERS)}")
    if fmt == "json":
        return render_analysis_json(summaries)
    if fmt == "html":  # the report page: its Sources and Disagreements sections
        return render(summaries, fmt)
    out = []
    for s in summaries:
        numbers = source_numbers(s)
        sources = [f"  [{numbers[d.id]}] {document_label(s, d)}" for d in s.documents]
        if fmt == "md":  # laid out and escaped as render_markdown's "Across sources"
            body = [f"- {md_escape(line)}" for line in analysis_lines(s, numbers)]
            listed = [f"{numbers[d.id]}. {md_escape(document_label(s, d))}" for d in s.documents]
            head = f"## Sources of {md_escape(s.cluster_id)}"
            out.append("\n".join([head, "", *body, "", "### Sources", "", *listed]) + "\n")
        else:
            body = analysis_lines(s, numbers)
            out.append("\n".join([f"{s.cluster_id}:", *body, "", "Sources:", *sources]) + "\n")
    return neutralise_controls("\n".join(out))  # as render_text: no terminal escapes


__all__ = [
    "RENDERERS",
    "RENDERERS_MANY",
    "analysis_dict",
    "analysis_lines",
    "render",
    "render_analysis",
    "render_html",
    "render_json",
    "render_jsonl",
    "render_markdown",
    "render_text",
    "render_text_titled",
    "to_dict",
]
