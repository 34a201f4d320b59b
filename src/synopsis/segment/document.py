"""segment(): paragraphs first (hard wraps joined), then sentences, all at raw offsets."""

from __future__ import annotations

import re
from itertools import pairwise

from ..errors import InputError
from ..model import CleanDocument, SegmentedDocument, Sentence, Span
from ..options import SegmentOptions
from .glue import _cut, _marks, _split_credits, _split_glued
from .repairs import _join_missplit, _join_open_quotes, _join_tails
from .splitters import SPLITTERS
from .start import (
    CITY_DATELINE_SENTENCES,
    CREDIT_INITIALS,
    DATELINE_HEAD_CHARS,
    _cut_credit_opening,
    _cut_dateline,
    _cut_page_head,
    _cut_repeated_tails,
)

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_ENDS_SENTENCE = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")
_HAS_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
# A line that ends in an abbreviation ("the U.S.", "Gen.") has not ended its sentence.
_ENDS_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|St|Jan|Feb"
    r"|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Co|Corp|Ltd|Jr|Sr|vs|Prof|Rev)\.)\s*$"
)


def segment(
    clean: CleanDocument, doc_index: int = 0, options: SegmentOptions | None = None
) -> SegmentedDocument:
    """Sentences and paragraphs inside the body spans of one cleaned document."""
    options = options or SegmentOptions()
    text = clean.document.text
    paragraphs: list[Span] = []
    for body in clean.body:
        paragraphs.extend(_paragraphs(text, body.start, body.end, options))
    found = [
        (p_index, start, end, " ".join(text[start:end].split()))
        for p_index, para in enumerate(paragraphs)
        for start, end in _sentences(text, para.start, para.end, options.splitter)
    ]
    if found:
        found[:1] = _cut_page_head(text, found[0])
        # a picture's credit opening any sentence, a byline with its outlet the first
        # (only where one can be: a credit's first letter, a bracket, the first sentences)
        found = [
            piece
            for i, sentence in enumerate(found)
            for piece in (
                _cut_credit_opening(
                    text, sentence, byline=i == 0, early=i < CITY_DATELINE_SENTENCES
                )
                if i < CITY_DATELINE_SENTENCES
                or sentence[3][:1] in CREDIT_INITIALS
                or ")" in sentence[3]
                else (sentence,)
            )
        ]
        # (the document's first dateline is cleaning's: cleaning.datelines)
        # (cheap tests first, here: this runs on every sentence)
        # (a paragraph's first sentence in capitals may open with a dateline: "PORTVILLE —")
        found[1:] = [
            piece
            for before, sentence in pairwise(found)
            for piece in (
                _cut_dateline(text, sentence, opens=before[0] != sentence[0])
                if sentence[3][:1].islower()
                or ")" in sentence[3][:DATELINE_HEAD_CHARS]
                or (sentence[3][:2].isupper() and before[0] != sentence[0])
                else (sentence,)
            )
        ]
    sentences = [
        Sentence(
            doc_index=doc_index,
            doc_id=clean.document.id,
            index=i,
            paragraph=p_index,
            start=start,
            end=end,
            text=shown,
        )
        for i, (p_index, start, end, shown) in enumerate(_cut_repeated_tails(text, found))
    ]
    return SegmentedDocument(clean=clean, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as stripped (start, end) pairs."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        pos = stop + 1
    return out


def _paragraphs(text: str, start: int, end: int, options: SegmentOptions) -> list[Span]:
    paragraphs: list[Span] = []
    block_start = start
    for match in [*_BLANK_LINE.finditer(text, start, end), None]:
        block_end = end if match is None else match.start()
        lines = _lines(text, block_start, block_end)
        if lines:
            paragraphs.extend(_join_wrapped(text, lines, options))
        if match is not None:
            block_start = match.end()
    return paragraphs


def _join_wrapped(text: str, lines: list[tuple[int, int]], options: SegmentOptions) -> list[Span]:
    lengths = sorted(b - a for a, b in lines)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[Span] = []
    para_start = lines[0][0]
    for i, (a, b) in enumerate(lines):
        last = i == len(lines) - 1
        if last:
            wrapped = False
        else:
            next_a = lines[i + 1][0]
            ended = _ENDS_SENTENCE.search(text, a, b) and not (
                _ENDS_ABBREVIATION.search(text, a, b) or text[next_a].islower()
            )
            wrapped = (b - a) >= options.short_line_ratio * typical and not ended
        if not wrapped:
            out.append(Span(para_start, b))
            if not last:
                para_start = lines[i + 1][0]
    return out


def _sentences(text: str, start: int, end: int, splitter: str) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[start:end]`` of the document ``text``."""
    chunk = text[start:end].replace("\n", " ")
    try:
        split = SPLITTERS[splitter]
    except KeyError:
        raise InputError(f"unknown splitter {splitter!r}: one of {', '.join(SPLITTERS)}") from None
    spans: list[tuple[int, int]] = []
    for a, b in split(chunk):
        spans.extend(_split_glued(chunk, a, b))
    spans = _join_open_quotes(chunk, _join_missplit(chunk, spans))
    spans = _join_tails(chunk, spans, text)
    # after the joins, which would rejoin a caption that ends with no stop
    # (credits out of brackets, labels and stamps are searched for once per paragraph,
    # and only in one that holds a character or word that one of them needs; substring
    # tests, since a pattern of alternatives would be tried at every position)
    hinted = (
        "/" in chunk
        or "|" in chunk
        or "etty" in chunk
        or "dvertisement" in chunk
        or "ikipedia" in chunk
        or "croll down" in chunk
        or (":" in chunk and ("hoto" in chunk or "pdate" in chunk or "osted" in chunk))
        or (":" in chunk and "ublished" in chunk)
    )  # ("photo:" and every stamp but "/ updated" have a colon)
    slashes, labels = _marks(chunk) if hinted else ([], [])
    brackets = "(" in chunk
    if brackets or slashes or labels or "toggle caption" in chunk or "enlarge this" in chunk:
        spans = [
            p for a, b in spans for p in _split_credits(chunk, a, b, brackets, slashes, labels)
        ]
    if any(mark in chunk for mark in _BULLETS):
        spans = [p for a, b in spans for p in _cut(a, b, _bullet_cuts(chunk, a, b))]
    return [(start + a, start + b) for a, b in spans if _HAS_WORD.search(chunk, a, b)]


# List bullets run into one line by the page's text extraction ("Quick facts: ● four
# boats sank ● no one was hurt", "Related topics • The festival opened ..."): each
# bullet between spaces starts an item, which a sentence never runs on across.
_BULLETS = "•·●▪►■"
_BULLET = re.compile(rf"[ \t]+[{_BULLETS}][ \t]+")


def _bullet_cuts(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """(end, start) of a cut at each spaced bullet inside ``chunk[a:b]`` with a word before
    it in the sentence (the bullet belongs to neither piece)."""
    return [
        (m.start(), m.end())
        for m in _BULLET.finditer(chunk, a, b)
        if _HAS_WORD.search(chunk, a, m.start()) and _HAS_WORD.search(chunk, m.end(), b)
    ]


def segment_text(text: str) -> list[str]:
    """Plain sentence strings of a text (for baselines and tools that need no offsets)."""
    from ..model import Document

    seg = segment(CleanDocument.whole(Document(id="text", text=text)))
    return [s.text for s in seg.sentences]
