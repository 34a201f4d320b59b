"""One document or a cluster cleaned: the rules of the other modules run in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import CleanDocument, Document, Removal
from ..options import CleanOptions
from .datelines import strip_dateline, strip_later_datelines
from .lines import (
    LETTER,
    Line,
    body_spans,
    drop_by_vocabulary,
    drop_repeats,
    drop_subheads,
    drop_trailing,
    header,
    line_key,
    line_spans,
    numbered_lines,
    subtract,
)
from .reasons import BANNER, EMBED
from .trackers import drop_older_versions, split_joined_duplicate, tracker_header


def clean(document: Document, options: CleanOptions | None = None) -> CleanDocument:
    """The body spans of one document, its metadata and every removal with its reason."""
    return _clean(document, options or CleanOptions(), frozenset())


def clean_cluster(
    documents: Sequence[Document], options: CleanOptions | None = None
) -> tuple[CleanDocument, ...]:
    """Clean the documents of one cluster, also using lines that recur across them.

    A line found in several documents is removed only when it is not shaped like a
    sentence (a menu, a teaser, a recurring caption): wire copies of one story share
    whole body sentences, and those must survive.
    """
    options = options or CleanOptions()
    shared: frozenset[str] = frozenset()
    if options.cross_document and len(documents) > 1:
        counts: Counter[str] = Counter()
        for doc in documents:
            keys = (line_key(doc.text[a:b]) for a, b in line_spans(doc.text))
            counts.update({k for k in keys if k})
        shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    return tuple(_clean(doc, options, shared) for doc in documents)


def _clean(document: Document, options: CleanOptions, shared: frozenset[str]) -> CleanDocument:
    text = document.text
    lines = [Line(n, a, b, [(a, b)]) for n, a, b in numbered_lines(text)]
    removals: list[Removal] = []
    meta: dict[str, str] = {}

    def drop(line: Line, reason: str) -> None:
        for a, b in line.keep:
            removals.append(Removal(a, b, reason, line.number))
        line.keep, line.reason = [], reason

    def cut(line: Line, a: int, b: int, reason: str) -> None:
        removals.append(Removal(a, b, reason, line.number))
        pieces = subtract(line.keep, a, b)
        line.keep = [(x, y) for x, y in pieces if LETTER.search(text, x, y)]
        for x, y in pieces:  # a stray quote mark or dash left over goes with the cut
            if (x, y) not in line.keep and text[x:y].strip():
                removals.append(Removal(x, y, reason, line.number))
        if not line.keep:
            line.reason = reason

    tracker = tracker_header(text, lines)
    if tracker is not None:
        for line in lines[: tracker + 1]:
            drop(line, BANNER)
    for line in lines:
        if line.keep:
            split_joined_duplicate(text, line, cut)
    drop_by_vocabulary(text, lines, options, meta, drop)
    drop_repeats(text, lines, options, shared, drop)
    first_body = header(text, lines, options, tracker, meta, drop)
    if first_body is not None:
        strip_dateline(text, first_body, meta, cut)
    strip_later_datelines(text, lines, first_body, cut)
    drop_trailing(text, lines, options, drop)
    drop_subheads(text, lines, options, drop)
    if tracker is not None:
        drop_older_versions(text, lines, options, cut)
    if lines and all(line.reason == EMBED for line in lines):
        # A document that is only a post (a tweet saved as the article) is that post.
        for line in lines:
            line.keep, line.reason = [(line.start, line.end)], None
        removals.clear()
    removals.sort(key=lambda r: (r.start, r.end))
    return CleanDocument(
        document=document, body=body_spans(text, lines), removals=tuple(removals), meta=meta
    )
