"""Decide which spans of a scraped article are story, and record everything taken out.

Cleaning never rewrites text. It reads the raw text line by line, gives every line a
verdict from general rules (its shape, its position, vocabulary lists in
:mod:`synopsis.furniture`, repetition inside the document and across the cluster), and
returns the kept parts as raw spans plus a :class:`~synopsis.model.Removal` for each part
taken out, so sentences found later still slice ``Document.text`` exactly.

>>> from synopsis.model import Document
>>> c = clean(Document(id="a", text="PARIS (Reuters) - Talks began on Monday.\\nComments"))
>>> c.body_text, c.meta["dateline_place"], [r.reason for r in c.removals]
('Talks began on Monday.', 'PARIS', ['dateline', 'page furniture'])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import furniture as fw
from .model import CleanDocument, Document, Removal, Span
from .options import CleanOptions

# Reasons, as shown by ``synopsis clean --explain``.
BANNER = "change-tracker banner"
OLDER_VERSION = "older version (change tracker)"
JOINED_DUPLICATE = "same text joined twice"
FURNITURE = "page furniture"
CAPTION = "photo caption or credit"
CREDIT = "reporting credit"
WIRE_NOTE = "wire update note"
WIRE_HEADER = "wire header"
AGENCY = "agency line"
SEPARATOR = "separator line"
DATE = "date line"
ARCHIVE = "web-archive notice"
REPEATED = "repeated line"
SHARED = "furniture repeated across documents"
TITLE = "headline"
STANDFIRST = "standfirst"
BYLINE = "byline"
HEADER = "header line"
SUBHEAD = "subhead"
DATELINE = "dateline"
MARKUP = "markup residue"
EMBED = "embedded social-media post"
BRACKETED = "bracketed note or link"
TRAILING = "trailing link or tag"

_LEADING_DATE = re.compile(rf"^(?:{fw.WEEKDAYS},?\s+)?{fw.MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\s+")
_BRACKETED = re.compile(r"^(?:\[[^\[\]]+\]|\([^()]+(?<![.!?])\))$")
_QUOTED = re.compile(r"""[,!?]["”’']\s+(?:\w+\s+){0,3}(?:said|says|added|told|asked)\b""")
_MARKUP = re.compile(r"&(?:amp;)*[a-z]+;|&#\d+;|<!--|-->|</?[a-z]+[^>]*>")

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"""[.!?]["'”’)\]]*$""")
_ENDS_CLAUSE = re.compile(r"""[.!?:;,]["'”’)\]]*$""")
_BULLET = re.compile(r"^(?:[*•·▪►]\s|date \d{4}-\d\d-\d\d\b)|\s\*\s")
_BYLINE = re.compile(r"^By\s+[A-Z][^.!?]*$")
_NAME = re.compile(
    r"^(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.|de|van|von|al-\w+)){1,3}$"
)
_DASH = r"(?:\s*[-–—]+)+"
_AGENCY_TAG = r"\((?P<agency>[A-Z][\w&'/-]*(?: [\w&'/-]+){0,3})\)"
_REGION = rf"(?:,\s*(?!{fw.MONTHS}\s)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
_DATE = rf"{fw.MONTHS}\s+\d{{1,2}}"
_NEXT = r"\s*(?=[\"“‘'(]?[A-Z0-9]|$)"  # the story's first word, or a dateline alone
# "PARIS/DUBAI, Sept 15 (Reuters) -", "BOSTON (AP) —", "FRANKLIN, Tenn. (AP) —"
_DATELINE_CAPS = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?:[ /][A-Z][A-Z.'’-]*)*{_REGION})"
    rf"(?:,\s*(?P<date>{_DATE}))?\s*(?:{_AGENCY_TAG})?(?P<dash>{_DASH})?{_NEXT}"
)
# "Washington (CNN) Donald ...", "Paris – — U.S. Secretary ..."
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>[A-Z][a-z]+(?:[ /][A-Z][a-z]+){{0,2}}{_REGION})\s*"
    rf"(?:{_AGENCY_TAG}(?P<dash>{_DASH})?|(?P<dash2>{_DASH})){_NEXT}"
)
# "(CNN) --": an agency tag alone opening the first sentence
_DATELINE_AGENCY = re.compile(rf"^(?P<place>){_AGENCY_TAG}(?P<dash>{_DASH}){_NEXT}")
# The same in re-tokenized, lowercased copies (Multi-News's preprocessed text): "moscow ( ap )
# — russia's", "( cnn ) debris", "dover, fla. — the f.b.i.": spaces inside the agency's
# brackets and around the dash, and a lowercase story after it.
_SPACED_TAG = r"\(\s+(?P<agency>[\w&'/.-]+(?: [\w&'/.-]+){0,2})\s+\)"
_SPACED_PLACE = r"(?P<place>[A-Z][\w.'’-]*(?: [\w.'’-]+){0,2}(?:,\s*[\w.'’-]+(?: [\w.'’-]+)?)?)"
_SPACED_DASH = r"\s+(?:[-–—]{1,2}|--)(?=\s)"
_DATELINE_RETOKENIZED = re.compile(
    rf"^(?:{_SPACED_PLACE}\s+)?{_SPACED_TAG}(?P<dash>{_SPACED_DASH})?\s+(?=\S)"
    rf"|^{_SPACED_PLACE.replace('place', 'place2')}(?P<dash2>{_SPACED_DASH})\s+(?=[a-z\"“‘'(])"
)
# A sentence boundary inside a line, for comparing versions on change-tracker pages.
_SENTENCE_END = re.compile(r"""(?<=[.!?])(["'”’)\]]*)(?:\s+|(?=[A-Z“"][a-z]))(?=["“‘(]?[A-Z0-9])""")


@dataclass
class _Line:
    """One non-blank line and what cleaning decided about it."""

    number: int
    start: int
    end: int
    keep: list[tuple[int, int]] = field(default_factory=list)
    reason: str | None = None


# How rules take text out: a whole line (drop) or a part of one (cut), with a reason.
Drop = Callable[[_Line, str], None]
Cut = Callable[[_Line, int, int, str], None]


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
            counts.update({k for k in (_key(doc.text[a:b]) for a, b in _spans(doc.text)) if k})
        shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    return tuple(_clean(doc, options, shared) for doc in documents)


def _clean(document: Document, options: CleanOptions, shared: frozenset[str]) -> CleanDocument:
    text = document.text
    lines = [_Line(n, a, b, [(a, b)]) for n, a, b in _numbered_lines(text)]
    removals: list[Removal] = []
    meta: dict[str, str] = {}

    def drop(line: _Line, reason: str) -> None:
        for a, b in line.keep:
            removals.append(Removal(a, b, reason, line.number))
        line.keep, line.reason = [], reason

    def cut(line: _Line, a: int, b: int, reason: str) -> None:
        removals.append(Removal(a, b, reason, line.number))
        pieces = _subtract(line.keep, a, b)
        line.keep = [(x, y) for x, y in pieces if _LETTER.search(text, x, y)]
        for x, y in pieces:  # a stray quote mark or dash left over goes with the cut
            if (x, y) not in line.keep and text[x:y].strip():
                removals.append(Removal(x, y, reason, line.number))
        if not line.keep:
            line.reason = reason

    tracker = _tracker_header(text, lines)
    if tracker is not None:
        for line in lines[: tracker + 1]:
            drop(line, BANNER)
    for line in lines:
        if line.keep:
            _split_joined_duplicate(text, line, cut)
    _drop_by_vocabulary(text, lines, options, meta, drop)
    _drop_repeats(text, lines, options, shared, drop)
    first_body = _header(text, lines, options, tracker, meta, drop)
    if first_body is not None:
        _strip_dateline(text, first_body, meta, cut)
    _strip_later_datelines(text, lines, first_body, cut)
    _drop_trailing(text, lines, options, drop)
    _drop_subheads(text, lines, options, drop)
    if tracker is not None:
        _drop_older_versions(text, lines, options, cut)
    if lines and all(line.reason == EMBED for line in lines):
        # A document that is only a post (a tweet saved as the article) is that post.
        for line in lines:
            line.keep, line.reason = [(line.start, line.end)], None
        removals.clear()
    removals.sort(key=lambda r: (r.start, r.end))
    return CleanDocument(
        document=document, body=_body(text, lines), removals=tuple(removals), meta=meta
    )


# --- lines ------------------------------------------------------------------------------


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def _numbered_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of every non-blank line, stripped of outer spaces."""
    out = []
    pos = 0
    number = 0
    while pos <= len(text):
        number += 1
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        a, b = _strip(text, pos, stop)
        if a < b:
            out.append((number, a, b))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for _, a, b in _numbered_lines(text)]


def _key(line: str) -> str:
    """Identity of a line for repetition: short lines fold punctuation, long ones only case."""
    line = _LEADING_DATE.sub("", line)
    if len(line) <= 80:
        return fw.fold(line)
    return " ".join(line.lower().split())


def _words(text: str) -> int:
    return len(text.split())


def _kept(text: str, line: _Line) -> str:
    return " ".join(text[a:b] for a, b in line.keep).strip()


def _is_prose(line: str, options: CleanOptions) -> bool:
    """Shaped like story text: a sentence of some length, or a long run of words."""
    words = _words(line)
    if words >= options.long_line_words:
        return True
    return words >= options.prose_words and bool(_ENDS_SENTENCE.search(line))


def _subtract(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    out = []
    for x, y in spans:
        if b <= x or a >= y:
            out.append((x, y))
            continue
        if x < a:
            out.append((x, a))
        if b < y:
            out.append((b, y))
    return out


def _body(text: str, lines: list[_Line]) -> tuple[Span, ...]:
    """Kept pieces merged into spans; a removal between two pieces splits them."""
    pieces = sorted(p for line in lines for p in line.keep)
    removed = sorted((a, b) for line in lines for a, b in _removed_parts(line))
    spans: list[Span] = []
    for a, b in pieces:
        a, b = _strip(text, a, b)
        if a >= b:
            continue
        if spans and not any(spans[-1].end <= x < a for x, _ in removed):
            spans[-1] = Span(spans[-1].start, b)
        else:
            spans.append(Span(a, b))
    return tuple(spans)


def _removed_parts(line: _Line) -> list[tuple[int, int]]:
    if not line.keep:
        return [(line.start, line.end)]
    return [
        (x, y)
        for x, y in [(line.start, line.keep[0][0]), (line.keep[-1][1], line.end)]
        + [(line.keep[i][1], line.keep[i + 1][0]) for i in range(len(line.keep) - 1)]
        if y > x
    ]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and _blank(text[a]):
        a += 1
    while b > a and _blank(text[b - 1]):
        b -= 1
    return a, b


# --- rules ------------------------------------------------------------------------------


def _tracker_header(text: str, lines: list[_Line]) -> int | None:
    """Index of a change-tracker page's "Version N Version M" line, if near the top."""
    for i, line in enumerate(lines[:15]):
        if fw.VERSION_HEADER.match(text[line.start : line.end]):
            return i
    return None


def _split_joined_duplicate(text: str, line: _Line, cut: Cut) -> None:
    """ "X.X." or "X X": the same text twice on one line; keep the first copy."""
    s = text[line.start : line.end]
    n = len(s)
    if not _LETTER.search(s):
        return
    for gap in (0, 1):
        half = (n - gap) // 2
        if half < 8 or 2 * half + gap != n:
            continue
        if s[:half] == s[half + gap :] and (gap == 0 or s[half].isspace()):
            cut(line, line.start + half, line.end, JOINED_DUPLICATE)
            return


def _line_reason(line: str, options: CleanOptions) -> str | None:
    """The kind of furniture a whole line is, or None when it may be story text."""
    if not _LETTER.search(line):
        return SEPARATOR
    words = _words(line)
    if words <= 8:
        key = fw.fold(line)
        if key in fw.FURNITURE_LINES:
            return FURNITURE
        if key in fw.AGENCIES:
            return AGENCY
    if fw.WIRE_NOTE.match(line):
        return WIRE_NOTE
    if words <= options.furniture_max_words and (
        fw.DATE_LINE.match(line) or fw.TIME_LINE.match(line)
    ):
        return DATE
    if any(t in line for t in fw.GALLERY_TRIGGERS) and fw.GALLERY.search(line):
        return CAPTION
    if words <= options.archive_max_words:
        lower = line.lower()
        if any(t in lower for t in fw.ARCHIVE_CRAWL_TERMS) and any(
            t in lower for t in fw.ARCHIVE_STORE_TERMS
        ):
            return ARCHIVE
    if words <= options.furniture_max_words and fw.FURNITURE_RE.search(line):
        return FURNITURE
    if words <= options.caption_max_words and fw.EMBED.search(line[-120:]):
        return EMBED
    if words <= options.caption_max_words and fw.CAPTION_RE.search(line):
        return CAPTION
    credit = fw.CREDIT_TAIL.search(line[-80:])
    if credit and (fw.CAPTION_HEAD.match(line) or fw.fold(credit["credit"]) in fw.AGENCIES):
        return CAPTION  # a caption, or a slideshow caption credited "(Associated Press)"
    if (
        ("&" in line or "<" in line)
        and _MARKUP.search(line)
        and len(_MARKUP.findall(line)) * 2 >= words
    ):
        return MARKUP
    if words <= options.furniture_max_words and fw.CREDIT_RE.search(line):
        return CREDIT
    if words <= options.furniture_max_words and _BRACKETED.match(line):
        return BRACKETED
    return None


def _drop_by_vocabulary(
    text: str, lines: list[_Line], options: CleanOptions, meta: dict[str, str], drop: Drop
) -> None:
    open_credit = False
    for line in lines:
        if not line.keep:
            continue
        s = _kept(text, line)
        if open_credit:  # a parenthesised credit wrapped over several lines
            drop(line, CREDIT)
            open_credit = ")" not in s
            continue
        reason = _line_reason(s, options)
        if reason is not None:
            if reason == AGENCY:
                meta.setdefault("agency", s)
            drop(line, reason)
            if reason == CREDIT and s.startswith("(") and ")" not in s:
                open_credit = True


def _drop_repeats(
    text: str, lines: list[_Line], options: CleanOptions, shared: frozenset[str], drop: Drop
) -> None:
    """A line seen before in this document, or a non-sentence line shared across documents."""
    seen: set[str] = set()
    for line in lines:
        if not line.keep:
            continue
        s = _kept(text, line)
        key = _key(s)
        if key in seen and _words(s) >= options.repeat_min_words:
            drop(line, REPEATED)
            continue
        seen.add(key)
        if key in shared and not _ENDS_CLAUSE.search(s) and _words(s) <= options.shared_max_words:
            drop(line, SHARED)


def _header(
    text: str,
    lines: list[_Line],
    options: CleanOptions,
    tracker: int | None,
    meta: dict[str, str],
    drop: Drop,
) -> _Line | None:
    """Headline, standfirst, byline and wire header above the first body line.

    The header ends at the first line shaped like story text (a sentence, a long line, a
    dateline, or a line that wraps into a lowercase continuation). Returns that line.
    """
    begin = 0 if tracker is None else tracker + 1
    candidates = [line for line in lines[begin:] if line.keep or line.reason]
    in_bullets = False
    seen = 0
    for i, line in enumerate(candidates):
        if not line.keep:
            continue
        s = _kept(text, line)
        nxt = next((c for c in candidates[i + 1 :] if c.keep), None)
        wraps = nxt is not None and text[nxt.keep[0][0]].islower() and not _BULLET.search(s)
        if _BULLET.search(s):
            in_bullets = True
            drop(line, WIRE_HEADER)
            continue
        if _dateline(s) or _is_prose(s, options) or wraps:
            return line
        seen += 1
        if seen > options.header_lines:
            return line
        continues = text[line.keep[0][0]].islower() or (s[:1] in "\"“'‘" and not _NAME.match(s))
        if in_bullets and continues and not _BYLINE.match(s):  # a bullet wrapped onto this line
            drop(line, WIRE_HEADER)
        elif _BYLINE.match(s) and _words(s) <= options.byline_max_words:
            meta.setdefault("byline", s)
            drop(line, BYLINE)
        elif "title" not in meta:
            meta["title"] = s
            drop(line, TITLE)
        elif _NAME.match(s):
            meta.setdefault("byline", s)
            drop(line, BYLINE)
        elif _words(s) >= options.prose_words and "standfirst" not in meta:
            meta["standfirst"] = s
            drop(line, STANDFIRST)
        else:
            drop(line, HEADER)
    return None


def _dateline(s: str) -> re.Match[str] | None:
    """A dateline at the start of ``s``: a place with a date, an agency tag or a dash."""
    for pattern in (_DATELINE_CAPS, _DATELINE_TITLE, _DATELINE_AGENCY):
        m = pattern.match(s)
        if m and any(m.groupdict().get(g) for g in ("date", "agency", "dash", "dash2")):
            return m
    m = _DATELINE_RETOKENIZED.match(s)
    if m is None:
        return None
    g = m.groupdict()
    place = g.get("place") or g.get("place2") or ""
    if place and place.split()[0].lower() in ENGLISH_STOP_WORDS:
        return None  # "Although — or perhaps because —": a clause, not a place
    if g.get("agency") and not g.get("dash") and g["agency"].lower() not in fw.AGENCIES:
        return None  # "Sen. John mccain ( r-ariz. ) said": a tag, not a dateline
    return m


def _strip_dateline(text: str, line: _Line, meta: dict[str, str], cut: Cut) -> None:
    """Start the body after "PLACE, Date (Agency) -" and keep place and date as metadata."""
    a = line.keep[0][0]
    b = line.keep[0][1]
    m = _dateline(text[a:b])
    if m is None:
        return
    date = m.groupdict().get("date")
    agency = m.groupdict().get("agency")
    place = m.groupdict().get("place") or m.groupdict().get("place2")
    if place:
        meta["dateline_place"] = place
    if date:
        meta["dateline_date"] = date
    if agency:
        meta.setdefault("agency", agency)
    cut(line, a, a + m.end(), DATELINE)


def _strip_later_datelines(text: str, lines: list[_Line], first: _Line | None, cut: Cut) -> None:
    """A later copy of the story in the same page opens with its own "PLACE (Agency) —"."""
    for line in lines:
        if line is first or not line.keep:
            continue
        a, b = line.keep[0]
        m = _DATELINE_CAPS.match(text[a : min(b, a + 100)])
        if m and m.group("agency") and (m.group("dash") or m.group("date")):
            cut(line, a, a + m.end(), DATELINE)


def _drop_subheads(text: str, lines: list[_Line], options: CleanOptions, drop: Drop) -> None:
    """Short lines with no sentence punctuation between paragraphs: section headings."""
    kept = [line for line in lines if line.keep]
    for i, line in enumerate(kept):
        s = _kept(text, line)
        words = _words(s)
        caps = s.upper() == s and words <= options.caps_subhead_words
        if not caps and (words > options.subhead_words or _ENDS_CLAUSE.search(s)):
            continue
        if not caps and s[:1].islower():
            continue
        prev = _kept(text, kept[i - 1]) if i else ""
        if prev and not _ENDS_CLAUSE.search(prev):
            continue  # the tail of a wrapped sentence, not a heading
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and text[nxt.keep[0][0]].islower():
            continue  # wraps into the next line
        drop(line, SUBHEAD)


def _drop_trailing(text: str, lines: list[_Line], options: CleanOptions, drop: Drop) -> None:
    """Short lines without final punctuation after the last sentence: links, tags, handles."""
    kept = [line for line in lines if line.keep]
    for line in reversed(kept[1:]):
        s = _kept(text, line)
        if _ENDS_SENTENCE.search(s) or _words(s) > options.trailing_words or _QUOTED.search(s):
            break  # a quotation with its speaker is a sentence that lost its full stop
        drop(line, TRAILING)


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    start = a
    for m in _SENTENCE_END.finditer(text, a, b):
        out.append((start, m.end(1)))
        start = m.end()
    out.append((start, b))
    return [_strip(text, x, y) for x, y in out if text[x:y].strip()]


def _drop_older_versions(text: str, lines: list[_Line], options: CleanOptions, cut: Cut) -> None:
    """Change-tracker pages show two versions side by side: keep the later of two.

    A dateline in the middle of a line starts the later version of that paragraph; of two
    sentences that share most of their words, the earlier one is the older version.
    """
    for line in lines:
        for a, b in list(line.keep):
            for x, _ in _sentences(text, a, b)[1:]:
                m = _DATELINE_CAPS.match(text[x:b])
                if m and m.group("dash"):
                    cut(line, a, x, OLDER_VERSION)
                    cut(line, x, x + m.end(), DATELINE)
                    break
    units = [
        (line, x, y, set(w.lower() for w in _WORD.findall(text[x:y])))
        for line in lines
        for a, b in line.keep
        for x, y in _sentences(text, a, b)
    ]
    older: list[tuple[_Line, int, int]] = []
    for i, (line, x, y, words) in enumerate(units):
        if len(words) < 4:
            continue
        for _, _, _, later in units[i + 1 :]:
            if len(later) >= 4 and _same_sentence(words, later, options):
                older.append((line, x, y))
                break
    for line, x, y in older:
        cut(line, x, y, OLDER_VERSION)


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _same_sentence(a: set[str], b: set[str], options: CleanOptions) -> bool:
    """Two versions of one sentence: most words shared, or one cut down to part of the other."""
    if _dice(a, b) >= options.version_similarity:
        return True
    small = min(len(a), len(b))
    return small >= options.prose_words and len(a & b) / small >= options.version_containment
