"""One self-contained HTML page a reader can use: the summary beside its sources.

The page carries its own CSS and JavaScript (no CDN, works offline). Every piece of
article text is escaped; data for the script travels in a JSON data block escaped
against ``</script>``; no event handler is built from data. A Content-Security-Policy
that allows only this module's own script and style (by hash) stops anything that
might slip through from running.

Highlights are keyed by *refs* this module makes up (``s0`` for summary sentence 0,
``v2-1`` for variant 1 of disagreement 2), never by document ids, so no input string
ever lands in an attribute, a selector or a script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from ..model import Document, Summary, SummarySentence
from ..wording import counted, plural
from .analysis import by_weight
from .sources import source_numbers

CSS = """
:root{--bg:#f4f3ef;--card:#fff;--ink:#1f2328;--muted:#5f6670;--line:#e2dfd8;
--accent:#1f5fbf;--accent-soft:#e8f0fc;--hi:#ffd95a;--hi-soft:#fff4c2;--warn:#b45309;
--warn-soft:#fdecd8;--radius:10px}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.top{padding:20px 24px 8px;max-width:1500px;margin:0 auto}
.brand{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{font:600 26px/1.25 Georgia,"Times New Roman",serif;margin:4px 0 10px;overflow-wrap:anywhere}
.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
.stats li{background:var(--card);border:1px solid var(--line);border-radius:999px;
padding:3px 12px;font-size:13px;color:var(--muted)}
.stats b{color:var(--ink)}
.layout{display:grid;grid-template-columns:minmax(0,11fr) minmax(0,10fr);gap:20px;
padding:12px 24px 32px;max-width:1500px;margin:0 auto;align-items:start}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);
padding:18px 20px;margin-bottom:18px}
h2{font-size:13px;letter-spacing:.07em;text-transform:uppercase;color:var(--muted);margin:0 0 10px}
.hint{color:var(--muted);font-size:13px;margin:-4px 0 12px}
.headline{font-weight:600;margin:0 0 .5em}
.sentences{list-style:none;margin:0;padding:0;counter-reset:s}
.sent{font:17px/1.6 Georgia,"Times New Roman",serif;padding:8px 12px 8px 40px;margin:0 -12px;
border-radius:8px;cursor:pointer;position:relative;outline:none;border-left:3px solid transparent}
.sent::before{counter-increment:s;content:counter(s);position:absolute;left:10px;top:11px;
font:600 12px/1 system-ui,sans-serif;color:var(--muted)}
.sent:hover,.sent:focus-visible{background:var(--accent-soft)}
.sent.on{background:var(--hi-soft);border-left-color:var(--hi)}
.cite{font:600 12px/1 system-ui,sans-serif;white-space:nowrap;margin-left:4px}
.cite a{display:inline-block;min-width:20px;padding:3px 5px;margin-left:2px;border-radius:5px;
background:var(--accent-soft);color:var(--accent);text-decoration:none;text-align:center}
.cite a.own{background:var(--accent);color:#fff}
.meta{display:block;font:13px/1.4 system-ui,sans-serif;color:var(--muted);margin-top:2px}
.note{color:var(--warn);font-style:italic}
.num{display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:22px;
padding:0 5px;border-radius:6px;background:var(--accent);color:#fff;
font:600 12px/1 system-ui,sans-serif}
.groups{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.group{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.group.single{border:0;padding:2px 13px}
.groups:has(.single){gap:8px}
.ghead{font-size:13px;color:var(--muted);margin-bottom:6px}
.ghead b{color:var(--ink)}
.members{list-style:none;margin:0;padding:0;display:grid;gap:6px}
.members li{display:flex;gap:8px;align-items:baseline;overflow-wrap:anywhere}
.members .copy{font-size:12px;color:var(--muted)}
.members .dropped,.doc .dropped{font-size:12px;color:#a04a00;margin:0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;vertical-align:top;padding:8px 6px;border-top:1px solid var(--line);
overflow-wrap:anywhere}
th{font-size:12px;color:var(--muted);font-weight:600;border-top:0}
.kind{display:inline-block;white-space:nowrap;font-size:11px;text-transform:uppercase;letter-spacing:.05em;
background:var(--warn-soft);color:var(--warn);border-radius:4px;padding:2px 6px}
.variant{display:block;width:100%;text-align:left;font:inherit;color:inherit;cursor:pointer;
background:#fbfaf7;border:1px solid var(--line);border-radius:6px;padding:5px 8px;margin:0 0 6px}
.variant:hover,.variant:focus-visible{border-color:var(--warn)}
.variant.on{background:var(--warn-soft);border-color:var(--warn)}
.variant .by{display:block;font-size:12px;color:var(--muted)}
.empty{color:var(--muted);font-size:14px;margin:0}
details summary{cursor:pointer;font-size:13px;letter-spacing:.07em;text-transform:uppercase;
color:var(--muted);font-weight:600}
.params td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
font-size:12.5px;color:var(--muted);width:45%}
.articles{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;
border-radius:var(--radius);scroll-behavior:smooth}
.doc{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);
margin-bottom:14px;transition:box-shadow .15s,border-color .15s}
.doc>header{display:flex;gap:10px;align-items:center;padding:10px 14px;
border-bottom:1px solid var(--line);position:sticky;top:0;background:var(--card);
border-radius:var(--radius) var(--radius) 0 0;z-index:1}
.doc h3{font-size:14px;margin:0;overflow-wrap:anywhere}
.doc .dtitle{font-size:12.5px;color:var(--muted);margin:0;overflow-wrap:anywhere}
.doc .role{margin-left:auto;font-size:11.5px;font-weight:600;border-radius:999px;
padding:2px 9px;display:none;white-space:nowrap}
.doc.src{border-color:var(--hi);box-shadow:0 0 0 2px var(--hi)}
.doc.src .role.r-src{display:inline-block;background:var(--hi);color:var(--ink)}
.doc.also .role.r-also{display:inline-block;background:var(--accent-soft);color:var(--accent)}
.doc.also{border-color:#b9cdf0}
.text{margin:0;padding:12px 14px 16px;white-space:pre-wrap;overflow-wrap:anywhere;
font:14px/1.6 Georgia,"Times New Roman",serif;color:#30353b}
mark{background:transparent;color:inherit;border-radius:3px}
mark.ms{background:var(--accent-soft);box-shadow:0 1px 0 #b9cdf0}
mark.mv{text-decoration:underline dotted var(--warn) 2px;text-underline-offset:3px}
mark.on{background:var(--hi);box-shadow:0 0 0 2px var(--hi)}
mark.mv.on{background:var(--warn-soft);box-shadow:0 0 0 2px #f4b27a}
footer{max-width:1500px;margin:0 auto;padding:0 24px 28px;color:var(--muted);font-size:12.5px}
@media (max-width:900px){
.top{padding:14px 14px 4px}h1{font-size:21px}
.layout{grid-template-columns:minmax(0,1fr);padding:8px 10px 24px;gap:0}
.articles{position:static;max-height:none;overflow:visible}
.card{padding:14px}.sent{font-size:16px}
.doc>header{position:static}
footer{padding:0 14px 20px}
.doc .back{display:inline-block;margin-left:8px;font-size:12px;color:var(--accent)}
#disagreements thead{display:none}
#disagreements tr,#disagreements td{display:block;border:0;padding:3px 0}
#disagreements tr{border-top:1px solid var(--line);padding:8px 0}}
.back{display:none}
"""

JS = """
(function(){
  var data = JSON.parse(document.getElementById('synopsis-data').textContent);
  var panel = document.getElementById('articles');
  var pinned = null;
  function clear(){
    document.querySelectorAll('.on').forEach(function(e){e.classList.remove('on');});
    document.querySelectorAll('.doc.src,.doc.also').forEach(function(e){
      e.classList.remove('src'); e.classList.remove('also');});
  }
  function marks(ref){
    return Array.prototype.filter.call(document.querySelectorAll('mark[data-refs]'),
      function(m){ return m.getAttribute('data-refs').split(' ').indexOf(ref) >= 0; });
  }
  function reveal(el, jump){
    if (!el) return;
    var scrollable = panel.scrollHeight > panel.clientHeight + 1 &&
      getComputedStyle(panel).overflowY !== 'visible';
    if (scrollable) {
      var top = el.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      panel.scrollTop += top - panel.clientHeight / 3;
    } else if (jump) {
      el.scrollIntoView({block: 'center'});
    }
  }
  function show(trigger, jump){
    var ref = trigger.getAttribute('data-ref');
    var info = data.refs[ref] || {docs: [], also: []};
    clear();
    trigger.classList.add('on');
    var found = marks(ref);
    found.forEach(function(m){ m.classList.add('on'); });
    info.docs.forEach(function(n){
      var d = document.getElementById('doc-' + n); if (d) d.classList.add('src'); });
    info.also.forEach(function(n){
      var d = document.getElementById('doc-' + n);
      if (d && !d.classList.contains('src')) d.classList.add('also'); });
    reveal(found[0] || document.getElementById('doc-' + info.docs[0]), jump);
  }
  document.querySelectorAll('[data-ref]').forEach(function(t){
    t.addEventListener('mouseenter', function(){ if (!pinned) show(t, false); });
    t.addEventListener('mouseleave', function(){
      if (!pinned) { clear(); } else if (pinned !== t) { show(pinned, false); } });
    t.addEventListener('click', function(ev){
      if (ev.target.closest('a')) return;
      if (pinned === t) { pinned = null; clear(); return; }
      pinned = t; show(t, true); });
    t.addEventListener('keydown', function(ev){
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pinned = t; show(t, true); }
    });
  });
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# Only this module's own style and script may run; forms and network are off.
CSP = (
    f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True)
class _Mark:
    """One highlightable span in one document, keyed by a ref this module made."""

    doc: int  # source number
    start: int
    end: int
    ref: str


def render_html(summary: Summary) -> str:
    """The whole report as one HTML page (a string; write it to a ``.html`` file)."""
    numbers = source_numbers(summary)
    marks, refs = _collect(summary, numbers)
    title = f"Summary of {summary.cluster_id}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(title)} · synopsis</title>",
        f"<style>{CSS}</style></head><body>",
        '<header class="top"><div class="brand">synopsis report</div>',
        f"<h1>{escape(title)}</h1>",
        _stats(summary),
        "</header>",
        '<main class="layout"><div class="main">',
        _summary_section(summary, numbers),
        _sources_section(summary, numbers),
        _disagreements_section(summary, numbers),
        _parameters_section(summary),
        '</div><aside class="articles" id="articles" aria-label="Articles">',
        *(
            _article(doc, numbers[doc.id], marks, doc.id in summary.excluded)
            for doc in summary.documents
        ),
        "</aside></main>",
        "<footer>Made by synopsis. Every summary sentence is copied exactly from the "
        "article it cites, except words in [square brackets]: editorial insertions of a "
        "name given earlier in that article; highlighted passages are the exact source "
        "characters.</footer>",
        '<script type="application/json" id="synopsis-data">'
        f"{_json_for_script({'refs': refs})}</script>",
        f"<script>{JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _collect(
    summary: Summary, numbers: Mapping[str, int]
) -> tuple[list[_Mark], dict[str, dict[str, list[int]]]]:
    """Every span to mark, and for each ref the documents to flag as source or support."""
    marks: list[_Mark] = []
    refs: dict[str, dict[str, list[int]]] = {}
    for i, s in enumerate(summary.sentences):
        ref = f"s{i}"
        own = numbers.get(s.document_id)
        if own is not None:
            marks.append(_Mark(own, s.start, s.end, ref))
        also = sorted({numbers[d] for d in _supporters(s) if d in numbers} - {own})
        refs[ref] = {"docs": [own] if own is not None else [], "also": also}
    for i, dis in enumerate(by_weight(summary.disagreements)):
        for j, variant in enumerate(dis.variants):
            ref = f"v{i}-{j}"
            docs: list[int] = []
            for m in variant.mentions:
                n = numbers.get(m.document_id)
                if n is None:
                    continue
                marks.append(_Mark(n, m.start, m.end, ref))
                if n not in docs:
                    docs.append(n)
            refs[ref] = {"docs": docs, "also": []}
    return marks, refs


def _supporters(s: SummarySentence) -> tuple[str, ...]:
    return s.support.documents if s.support is not None else s.supported_by


def _json_for_script(value: object) -> str:
    """JSON that cannot close its <script> element nor open a comment or CDATA."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _stats(summary: Summary) -> str:
    n_docs = len(summary.documents)
    items = [
        (n_docs, plural(n_docs, "article")),
        (summary.independent_sources, plural(summary.independent_sources, "independent source")),
        (len(summary.sentences), plural(len(summary.sentences), "sentence")),
        (summary.words, plural(summary.words, "word")),
    ]
    if summary.disagreements:
        n = len(summary.disagreements)
        items.append((n, plural(n, "disagreement")))
    lis = "".join(f"<li><b>{n}</b> {label}</li>" for n, label in items)
    return f'<ul class="stats">{lis}</ul>'


def _summary_section(summary: Summary, numbers: Mapping[str, int]) -> str:
    group_of = _group_of(summary)
    items = []
    for i, s in enumerate(summary.sentences):
        own = numbers.get(s.document_id)
        others = sorted({numbers[d] for d in _supporters(s) if d in numbers} - {own})
        cite = "".join(
            [f'<a class="own" href="#doc-{own}" title="source">{own}</a>' if own else ""]
            + [f'<a href="#doc-{n}" title="also states it">{n}</a>' for n in others]
        )
        items.append(
            f'<li class="sent" data-ref="s{i}" tabindex="0">{escape(s.text)}'
            f'<span class="cite">{cite}</span>{_support_line(s, others, group_of)}</li>'
        )
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in summary.notes)
    body = f'<ol class="sentences">{"".join(items)}</ol>' if items else ""
    hint = (
        '<p class="hint">Hover or tap a sentence to highlight its exact source passage.</p>'
        if items
        else ""
    )
    headline = ""
    if summary.headline is not None:
        n = numbers.get(summary.headline.document_id)
        cite = f'<span class="cite"><a href="#doc-{n}" title="headline of">{n}</a></span>'
        headline = f'<p class="headline">{escape(summary.headline.text)}{cite if n else ""}</p>'
    return (
        f'<section class="card" id="summary"><h2>Summary</h2>{headline}{hint}{body}{notes}'
        "</section>"
    )


def _support_line(s: SummarySentence, others: list[int], group_of: Mapping[str, int]) -> str:
    if s.support is not None:
        docs, groups = len(s.support.documents), len(s.support.groups)
        if docs <= 1:
            return '<span class="meta">stated by its source only</span>'
        return (
            f'<span class="meta">stated by {docs} articles from {groups} independent '
            f"{plural(groups, 'source')}</span>"
        )
    if others:
        n = len(others) + 1
        return f'<span class="meta">stated by {n} articles</span>'
    return '<span class="meta">stated by its source only</span>'


def _group_of(summary: Summary) -> dict[str, int]:
    return {doc: g.id for g in summary.copies for doc in g.documents}


def _sources_section(summary: Summary, numbers: Mapping[str, int]) -> str:
    by_id = {d.id: d for d in summary.documents}
    n_ind = summary.independent_sources  # defined once, on the model
    dropped = sum(1 for d in summary.documents if d.id in summary.excluded)
    left_out = f", and {dropped} left out by cleaning count not at all" if dropped else ""
    lead = (
        f'<p class="hint"><b>{n_ind}</b> {plural(n_ind, "independent source")} among '
        f"{len(summary.documents)} articles: copies of one story count once{left_out}.</p>"
    )
    if not summary.copies:
        lead = (
            f'<p class="hint">{len(summary.documents)} articles. Copy detection has not run, '
            "so each article counts as its own source.</p>"
        )
        groups = [[d.id] for d in summary.documents]
        shared: list[float | None] = [None] * len(groups)
    else:
        grouped = {doc for g in summary.copies for doc in g.documents}
        groups = [list(g.documents) for g in summary.copies]
        shared = [g.shared for g in summary.copies]
        groups += [[d.id] for d in summary.documents if d.id not in grouped]
        shared += [None] * (len(groups) - len(shared))
    rows = []
    for members, share in zip(groups, shared, strict=True):
        if len(members) > 1:
            pct = f" · {share:.0%} of sentences shared" if share is not None else ""
            head = f'<div class="ghead"><b>One story, {len(members)} copies</b>{pct}</div>'
        else:
            head = ""
        lis = []
        for k, doc_id in enumerate(members):
            doc = by_id.get(doc_id)
            n = numbers.get(doc_id)
            label = _doc_label(doc) if doc else escape(doc_id)
            tag = '<span class="copy">copy</span>' if k and len(members) > 1 else ""
            if doc_id in summary.excluded:
                tag += '<span class="dropped">left out by cleaning: no source</span>'
            num = f'<a class="num" href="#doc-{n}">{n}</a>' if n else ""
            lis.append(f"<li>{num}<span>{label}</span>{tag}</li>")
        kind = "group" if len(members) > 1 else "group single"
        rows.append(f'<li class="{kind}">{head}<ul class="members">{"".join(lis)}</ul></li>')
    return (
        f'<section class="card" id="sources"><h2>Sources</h2>{lead}'
        f'<ul class="groups">{"".join(rows)}</ul></section>'
    )


def _doc_label(doc: Document) -> str:
    title = f" — {escape(doc.title)}" if doc.title else ""
    return f"{escape(doc.id)}{title}"


def _disagreements_section(summary: Summary, numbers: Mapping[str, int]) -> str:
    if not summary.disagreements and not summary.copies:
        # Both come from the cross-source analysis: no copy groups means it has not run.
        body = '<p class="empty">Disagreement detection has not run on this summary.</p>'
    elif not summary.disagreements:
        body = '<p class="empty">No disagreements between independent sources were found.</p>'
    else:
        rows = []
        for i, dis in enumerate(by_weight(summary.disagreements)):  # conflicts first
            variants = []
            for j, v in enumerate(dis.variants):
                srcs = ", ".join(str(numbers[d]) for d in v.documents if d in numbers)
                by = f"in [{srcs}]" if srcs else "no located mention"
                if v.groups:
                    by += f" · {counted(len(v.groups), 'independent source')}"
                variants.append(
                    f'<button type="button" class="variant" data-ref="v{i}-{j}">'
                    f'{escape(v.value)}<span class="by">{by}</span></button>'
                )
            rows.append(
                f'<tr><td><span class="kind">{escape(dis.kind)}</span></td>'
                f"<td>{escape(dis.subject)}</td><td>{''.join(variants)}</td></tr>"
            )
        body = (
            "<table><thead><tr><th>Kind</th><th>About</th><th>What each says</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    return (
        f'<section class="card" id="disagreements"><h2>Where sources disagree</h2>{body}</section>'
    )


def _parameters_section(summary: Summary) -> str:
    rows = "".join(
        f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>"
        for k, v in _flatten(summary.parameters)
    )
    table = f'<table class="params">{rows}</table>' if rows else '<p class="empty">none</p>'
    return (
        '<section class="card" id="parameters"><details><summary>Parameters used</summary>'
        f"{table}</details></section>"
    )


def _flatten(values: Mapping[str, object], prefix: str = "") -> Iterable[tuple[str, str]]:
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _flatten(value, name + ".")
        else:
            yield name, str(value)


def _article(doc: Document, number: int, marks: list[_Mark], dropped: bool = False) -> str:
    title = f'<p class="dtitle">{escape(doc.title)}</p>' if doc.title else ""
    if dropped:  # shown as read, so the reader can judge what cleaning left out
        title += '<p class="dropped">left out by cleaning: no source</p>'
    head = (
        f'<header><span class="num">{number}</span><div><h3>{escape(doc.id)}</h3>{title}</div>'
        '<span class="role r-src">source</span><span class="role r-also">also states it</span>'
        '<a class="back" href="#summary">↑ summary</a>'
        "</header>"
    )
    own = [m for m in marks if m.doc == number]
    return (
        f'<article class="doc" id="doc-{number}">{head}'
        f'<div class="text">{marked_text(doc.text, own)}</div></article>'
    )


def marked_text(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped, with each marked range wrapped in ``<mark data-refs=...>``.

    Ranges may overlap (a disputed number inside a summary sentence): the text is cut at
    every range boundary and each piece lists all refs covering it.
    """
    spans = [
        (max(0, m.start), min(len(text), m.end), m.ref)
        for m in marks
        if 0 <= m.start < m.end and m.start < len(text)
    ]
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    out = []
    for a, b in pairwise(cuts):
        piece = escape(text[a:b])
        covering = [ref for s, e, ref in spans if s <= a and e >= b]
        if not covering:
            out.append(piece)
            continue
        kinds = " ".join(sorted({"ms" if r.startswith("s") else "mv" for r in covering}))
        out.append(f'<mark class="{kinds}" data-refs="{" ".join(covering)}">{piece}</mark>')
    return "".join(out)
