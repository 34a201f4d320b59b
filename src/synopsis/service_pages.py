"""The service's own pages: the paste-or-upload form, the offline API docs, error pages.

Self-contained like the report: inline style and script allowed by hash only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from .render.html import CSS as REPORT_CSS
from .render.html import _csp_hash

CSS = (
    REPORT_CSS
    + """
.form{max-width:900px;margin:0 auto;padding:8px 24px 40px}
.top{max-width:900px}
label{display:block;font-weight:600;font-size:13px;margin:14px 0 6px}
textarea{width:100%;min-height:130px;font:14px/1.5 Georgia,serif;padding:10px;
border:1px solid var(--line);border-radius:8px;resize:vertical;background:#fff}
input[type=number]{width:110px;padding:6px;border:1px solid var(--line);border-radius:6px;
font:inherit}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-top:16px}
.btn{font:600 15px/1 system-ui,sans-serif;border:0;border-radius:8px;padding:11px 18px;
background:var(--accent);color:#fff;cursor:pointer}
.btn.light{background:var(--accent-soft);color:var(--accent)}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fbfaf7;border:1px solid var(--line);
border-radius:8px;padding:10px;font-size:12.5px}
.inline{margin:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
"""
)

JS = """
(function(){
  var more = document.getElementById('more');
  var box = document.getElementById('pasted');
  more.addEventListener('click', function(){
    var n = box.querySelectorAll('textarea').length + 1;
    var label = document.createElement('label');
    label.textContent = 'Article ' + n;
    var area = document.createElement('textarea');
    area.name = 'documents';
    area.id = 'article-' + n;
    label.htmlFor = area.id;
    box.appendChild(label); box.appendChild(area); area.focus();
  });
})();
"""

CSP = (
    f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
    "img-src data:; base-uri 'none'; form-action 'self'; connect-src 'self'"
)


def _shell(title: str, body: str, script: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f'<header class="top"><div class="brand">synopsis</div><h1>{escape(title)}</h1></header>'
        f"{body}{script}</body></html>\n"
    )


def index_page(max_documents: int, max_body_bytes: int, max_words: int = 5000) -> str:
    """Paste articles or upload files; the form posts to the API and shows the report."""
    areas = "".join(
        f'<label for="article-{n}">Article {n}</label>'
        f'<textarea name="documents" id="article-{n}"></textarea>'
        for n in (1, 2, 3)
    )
    body = f"""
<main class="form"><div class="card">
<p class="hint">Paste several articles about one story, or upload text or HTML files.
You get one short summary; every sentence shows the passage it was taken from.
Up to {max_documents:,} articles and {max_body_bytes / 1e6:g} MB per request.</p>
<form method="post" action="/v1/summarize" enctype="multipart/form-data" id="form">
<input type="hidden" name="format" value="html">
<div id="pasted">{areas}</div>
<div class="row">
<button type="button" class="btn light" id="more">Add another article</button></div>
<label for="files">Or upload files (.txt, .md, .html)</label>
<input type="file" name="files" id="files" multiple accept=".txt,.md,.text,.markdown,.html,.htm">
<div class="row"><label for="words" class="inline">Summary length (words)</label>
<input type="number" name="words" id="words" value="100" min="1" max="{max_words}">
<button type="submit" class="btn" id="submit">Summarize</button></div>
</form></div>
<p class="hint">Programs: <code>POST /v1/summarize</code> (see <a href="/docs">API docs</a>).</p>
</main>"""
    return _shell("Summarize news articles", body, f"<script>{JS}</script>")


def docs_page(openapi: Mapping[str, Any]) -> str:
    """The API described from its OpenAPI schema, with no CDN (Swagger UI needs one)."""
    sections = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            schemas = "".join(
                f"<p><b>{escape(kind)}</b></p>"
                f"<pre>{escape(json.dumps(c.get('schema', {}), indent=2))}</pre>"
                for kind, c in body.items()
            )
            sections.append(
                f'<section class="card"><h2>{escape(method.upper())} {escape(path)}</h2>'
                f"<p>{escape(op.get('summary', ''))}</p>"
                f'<p class="hint">{_code_spans(op.get("description", ""))}</p>{schemas}</section>'
            )
    example = (
        "curl -s localhost:8000/v1/summarize -H 'content-type: application/json' \\\n"
        '  -d \'{"documents": ["First article ...", {"id": "b", "text": "..."}], '
        '"words": 100}\'\n'
        "curl -s localhost:8000/v1/summarize -F files=@a.txt -F files=@b.html -F format=md"
    )
    intro = (
        '<section class="card"><p>Machine-readable schema: <a href="/openapi.json">'
        '/openapi.json</a>. Errors are JSON: <code>{"error": message, "status": code}</code> '
        "with status 400 (unreadable input), 404 (no such route or story, or stream mode "
        "off), 408 (the request body stalled), 413 (too large), 415 (not text), "
        "422 (wrong or missing fields) or 503 (over the time limit).</p>"
        f"<pre>{escape(example)}</pre></section>"
    )
    return _shell("synopsis API", f'<main class="form">{intro}{"".join(sections)}</main>')


def _code_spans(text: str) -> str:
    """A route description escaped, its `backquoted` names shown as code, not as quotes."""
    parts = escape(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: show the text as written
        return escape(text)
    return "".join(f"<code>{p}</code>" if k % 2 else p for k, p in enumerate(parts))


def error_page(status: int, message: str) -> str:
    body = (
        f'<main class="form"><div class="card"><p class="note">{escape(message)}</p>'
        f'<p class="hint">Status {status}. <a href="/">Back to the form</a></p></div></main>'
    )
    return _shell("Could not summarize", body)
