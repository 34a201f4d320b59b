"""One document or a cluster cleaned: the rules of the other modules run in order."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from .. import furniture as fw
from ..model import CleanDocument, Document, Removal
from ..options import CleanOptions
from ..stopwords import ENGLISH_STOP_WORDS
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
from .reasons import BANNER, EMBED, NOTHING_LEFT, NOTICE_PAGE, OFF_TOPIC
from .trackers import drop_older_versions, split_joined_duplicate, tracker_header


def clean(document: Document, options: CleanOptions | None = None) -> CleanDocument:
    """The body spans of one document, its metadata and every removal with its reason."""
    options = options or CleanOptions()
    return _judge_page(_clean(document, options, frozenset()), options)


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
    cleaned = [_judge_page(_clean(doc, options, shared), options) for doc in documents]
    return tuple(_judge_topics(cleaned, options))


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


# --- whole documents --------------------------------------------------------------------

# A sentence boundary for document decisions: a full stop, then space and any letter (the
# lowercased Multi-News copies start sentences in lowercase too).
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+""")
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _body_sentences(cleaned: CleanDocument) -> list[tuple[int, int]]:
    text = cleaned.document.text
    out = []
    for span in cleaned.body:
        start = span.start
        for m in _BOUNDARY.finditer(text, span.start, span.end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, span.end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def is_notice(sentence: str) -> bool:
    """A sentence about the page, the site or the reader's account, not about the world."""
    # The cues first: they match fewer sentences and cost less (both must match).
    return bool(fw.NOTICE_CUES.search(sentence) and fw.NOTICE_TERMS.search(sentence))


def _judge_page(cleaned: CleanDocument, options: CleanOptions) -> CleanDocument:
    """Drop a page whole when nothing is left or it is mostly site notice.

    The line rules cut a notice's first line ("Tweet with a location") and keep the rest;
    judged by sentence over the whole body, the page is seen to hold no story at all.
    """
    if not cleaned.body:
        return dataclasses.replace(cleaned, dropped=NOTHING_LEFT)
    text = cleaned.document.text
    sentences = _body_sentences(cleaned)
    words = sum(len(text[a:b].split()) for a, b in sentences)
    notice = sum(len(text[a:b].split()) for a, b in sentences if is_notice(text[a:b]))
    if not words or notice < options.notice_share * words:
        return cleaned
    removed = [Removal(s.start, s.end, NOTICE_PAGE, _line_of(text, s.start)) for s in cleaned.body]
    removals = tuple(sorted((*cleaned.removals, *removed), key=lambda r: (r.start, r.end)))
    return dataclasses.replace(cleaned, body=(), removals=removals, dropped=NOTICE_PAGE)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _CONTENT.findall(text)) if w not in ENGLISH_STOP_WORDS}


def _judge_topics(cleaned: list[CleanDocument], options: CleanOptions) -> list[CleanDocument]:
    """Mark documents that tell another story than the rest of the cluster as off-topic.

    A story sentence shares at least ``topic_shared_words`` content words with some other
    document; a document of ``topic_min_sentences`` or more with at most
    ``topic_max_story`` of its sentences so (a sidebar saved as the article, another
    event) is no source. It needs ``topic_min_documents`` live documents: with
    two, neither defines the story.
    """
    live = [i for i, c in enumerate(cleaned) if c.dropped is None]
    if len(live) < options.topic_min_documents:
        return cleaned
    sentences = {
        i: [_content_words(cleaned[i].document.text[a:b]) for a, b in _body_sentences(cleaned[i])]
        for i in live
    }
    vocab = {i: set().union(*sentences[i]) if sentences[i] else set() for i in live}
    df: Counter[str] = Counter(w for i in live for w in vocab[i])
    out = list(cleaned)
    for i in live:
        # words some other document also uses: this document's count taken out
        story = [
            s for s in sentences[i] if sum(1 for w in s if df[w] >= 2) >= options.topic_shared_words
        ]
        n = len(sentences[i])
        few = len(story) <= options.topic_max_story * n
        if n >= options.topic_min_sentences and few:
            out[i] = dataclasses.replace(cleaned[i], dropped=OFF_TOPIC)
    return out
