"""One document or a cluster cleaned: the rules of the other modules run in order.

The line rules (:mod:`.lines`, :mod:`.datelines`, :mod:`.trackers`) run per document, a
page that is only site notice is dropped here, and which documents tell the cluster's
story is judged in :mod:`.stories`.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from .. import furniture as fw
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
    numbered_lines,
    subtract,
)
from .reasons import BANNER, EMBED, NOTHING_LEFT, NOTICE_PAGE
from .stories import _body_sentences, _judge_topics, _sentences_and_lost
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
    lines = [numbered_lines(doc.text) for doc in documents]  # found once, used twice
    shared: frozenset[str] = frozenset()
    keys: dict[str, str] = {}  # each distinct line keyed once (for drop_repeats too)
    if options.cross_document and len(documents) > 1:
        counts: Counter[str] = Counter()
        for doc, numbered in zip(documents, lines, strict=True):
            found = set()
            for _, a, b in numbered:
                s = doc.text[a:b]
                key = keys.get(s)
                if key is None:
                    key = keys[s] = line_key(s)
                if key:
                    found.add(key)
            counts.update(found)
        shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    cleaned, sentences = [], []
    # each distinct sentence text judged once per cluster (copies repeat sentences)
    notices: dict[str, bool] = {}
    words: dict[str, set[str]] = {}
    body_words: list[int | None] = []
    for doc, numbered in zip(documents, lines, strict=True):
        first = _clean(doc, options, shared, numbered, keys)
        spans, lost = _sentences_and_lost(first)  # found once, for the page and the topic
        counts = [len(doc.text[a:b].split()) for a, b in spans]
        cleaned.append(_judge_page(first, options, spans, notices, counts))
        sentences.append(spans)
        # the body's words, counted from its sentences' (see _sentences_and_lost)
        body_words.append(sum(counts) + lost)
    return tuple(_judge_topics(cleaned, options, sentences, words, body_words))


def _clean(
    document: Document,
    options: CleanOptions,
    shared: frozenset[str],
    numbered: list[tuple[int, int, int]] | None = None,
    keys: dict[str, str] | None = None,
) -> CleanDocument:
    text = document.text
    if numbered is None:
        numbered = numbered_lines(text)
    lines = [Line(n, a, b, [(a, b)]) for n, a, b in numbered]
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
    drop_by_vocabulary(text, lines, options, meta, drop, cut)
    drop_repeats(text, lines, options, shared, drop, keys)
    first_body = header(text, lines, options, tracker, meta, drop, cut)
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


def is_notice(sentence: str) -> bool:
    """A sentence about the page, the site or the reader's account, not about the world:
    site notices, a web archive's description of its collection, a weather widget, a
    traffic ticker, a legal footer."""
    # Each pattern is tried only when the sentence holds one of its words (furniture.Gated);
    # the cues first: they match fewer sentences and cost less (both must match).
    lower = sentence.lower()
    odd = fw.ODD_CASE.search(sentence) is not None
    if fw.NOTICE_CUES_GATED.search(sentence, lower, odd) and fw.NOTICE_TERMS.search(sentence):
        return True
    return any(g.search(sentence, lower, odd) for g in fw.PAGE_TEXT)


def _judge_page(
    cleaned: CleanDocument,
    options: CleanOptions,
    sentences: list[tuple[int, int]] | None = None,
    notices: dict[str, bool] | None = None,
    counts: list[int] | None = None,
) -> CleanDocument:
    """Drop a page whole when nothing is left or it is mostly site notice.

    The line rules cut a notice's first line ("Tweet with a location") and keep the rest;
    judged by sentence over the whole body, the page is seen to hold no story at all.
    ``sentences`` are its body sentences when already found (:func:`_body_sentences`);
    ``notices`` keeps :func:`is_notice` of each sentence text judged (one dict per
    cluster: copies repeat sentences); ``counts``, the sentences' word counts if counted.
    """
    if not cleaned.body:
        return dataclasses.replace(cleaned, dropped=NOTHING_LEFT)
    text = cleaned.document.text
    if sentences is None:
        sentences = _body_sentences(cleaned)
    if counts is None:
        counts = [len(text[a:b].split()) for a, b in sentences]
    words = sum(counts)
    # the story words that would keep the page: stop at the sentence that passes it,
    # looking at the longest sentences first
    allowed, story = (1 - options.notice_share) * words, 0
    for n, (a, b) in sorted(zip(counts, sentences, strict=True), reverse=True):
        if notices is None:
            notice = is_notice(text[a:b])
        else:
            sentence = text[a:b]
            notice = notices.get(sentence)
            if notice is None:
                notice = notices[sentence] = is_notice(sentence)
        if not notice:
            story += n
            if story > allowed:
                return cleaned
    if not words:
        return cleaned
    removed = [Removal(s.start, s.end, NOTICE_PAGE, _line_of(text, s.start)) for s in cleaned.body]
    removals = tuple(sorted((*cleaned.removals, *removed), key=lambda r: (r.start, r.end)))
    return dataclasses.replace(cleaned, body=(), removals=removals, dropped=NOTICE_PAGE)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
