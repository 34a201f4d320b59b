"""Stories as text, Markdown, JSON Lines or an HTML page (the CLI and the service share it)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from html import escape

from ..errors import InputError
from ..wording import counted
from .tracker import Story


def _sources(story: Story) -> str:
    articles = counted(len(story.articles), "article")
    return f"{articles}, {counted(story.independent_sources, 'independent source')}"


def render_text(stories: Sequence[Story]) -> str:
    blocks = []
    for s in stories:
        lines = [
            f"{s.headline}",
            f"  [{s.story_id}] {_sources(s)}; last update {s.last_seen};"
            f" summary version {s.version}{' (update pending)' if s.pending else ''}",
        ]
        if s.text:
            lines.append("  " + s.text)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else "no stories\n"


def render_markdown(stories: Sequence[Story]) -> str:
    out = []
    for s in stories:
        out.append(f"## {s.headline}\n")
        out.append(
            f"*{s.story_id} · {_sources(s)} · last update {s.last_seen} · version {s.version}*\n"
        )
        if s.text:
            out.append(s.text + "\n")
        for a in s.articles:
            label = a.title or a.id
            out.append(f"- [{label}]({a.url})" if a.url else f"- {label}")
        out.append("")
    return "\n".join(out) if out else "No stories.\n"


def render_jsonl(stories: Sequence[Story]) -> str:
    return "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in stories)


PAGE_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
.story{border-top:1px solid #ccc;padding:.6rem 0}.meta{color:#555;font-size:.9em}
details summary{cursor:pointer}.story h2{font-size:1.15em;margin:.2rem 0}
"""


def story_html(s: Story) -> str:
    """One story as an HTML fragment: headline, sources, the summary on click."""
    sentences = "".join(
        f'<p class="sentence" data-doc="{escape(str(x.get("document_id")))}">'
        f'{escape(str(x.get("text", "")))} <span class="meta">[{escape(str(x.get("document_id")))}]'
        "</span></p>"
        for x in s.summary
    )
    articles = "".join(
        "<li>"
        + (
            f'<a href="{escape(a.url)}">{escape(a.title or a.id)}</a>'
            if a.url
            else escape(a.title or a.id)
        )
        + f' <span class="meta">{escape(a.source or "")} {escape(a.published)}</span></li>'
        for a in s.articles
    )
    return (
        f'<article class="story" id="{escape(s.story_id)}"><h2>{escape(s.headline)}</h2>'
        f'<div class="meta">{escape(_sources(s))} · last update '
        f"<time>{escape(s.last_seen)}</time> · version {s.version}</div>"
        f'<details><summary>Summary</summary><div class="summary">{sentences or "<p>none yet</p>"}'
        f'</div><ul class="articles">{articles}</ul></details></article>'
    )


def render_html(stories: Sequence[Story], title: str = "Stories") -> str:
    body = "".join(story_html(s) for s in stories) or '<p class="empty">No stories yet.</p>'
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{PAGE_STYLE}</style></head><body><h1>{escape(title)}</h1>"
        f"{body}</body></html>\n"
    )


RENDERERS: dict[str, Callable[[Sequence[Story]], str]] = {
    "text": render_text,
    "md": render_markdown,
    "json": render_jsonl,
    "html": render_html,
}


def render(stories: Sequence[Story], fmt: str) -> str:
    """Stories in one of ``RENDERERS``' formats."""
    if fmt not in RENDERERS:
        raise InputError(f"unknown format {fmt!r}; choose from {', '.join(RENDERERS)}")
    return RENDERERS[fmt](stories)
