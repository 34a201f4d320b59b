"""Lines of a raw text and the rules that judge one line at a time.

A line is kept, cut (part of it removed) or dropped, always with a reason, never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import furniture as fw
from ..model import Span
from ..options import CleanOptions
from .datelines import find_dateline
from .reasons import (
    AGENCY,
    ARCHIVE,
    BRACKETED,
    BYLINE,
    CAPTION,
    CREDIT,
    DATE,
    EMBED,
    FURNITURE,
    HEADER,
    MARKUP,
    REPEATED,
    SEPARATOR,
    SHARED,
    STANDFIRST,
    SUBHEAD,
    TITLE,
    TRAILING,
    WIRE_HEADER,
    WIRE_NOTE,
)

_LEADING_DATE = re.compile(rf"^(?:{fw.WEEKDAYS},?\s+)?{fw.MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\s+")
_BRACKETED = re.compile(r"^(?:\[[^\[\]]+\]|\([^()]+(?<![.!?])\))$")
_QUOTED = re.compile(r"""[,!?]["”’']\s+(?:\w+\s+){0,3}(?:said|says|added|told|asked)\b""")
_MARKUP = re.compile(r"&(?:amp;)*[a-z]+;|&#\d+;|<!--|-->|</?[a-z]+[^>]*>")

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
ENDS_SENTENCE = re.compile(r"""[.!?]["'”’)\]]*$""")
ENDS_CLAUSE = re.compile(r"""[.!?:;,]["'”’)\]]*$""")
_BULLET = re.compile(r"^(?:[*•·▪►]\s|date \d{4}-\d\d-\d\d\b)|\s\*\s")
_BULLET_STARTS = ("*", "•", "·", "▪", "►", "date ")


def _has_bullet(line: str) -> bool:
    """``_BULLET.search(line)``, asked of the whole first body line (a flattened copy's
    whole text): every match opens the line with a mark or "date ", or holds a "*", so
    the search runs only on a line with one of them."""
    return ("*" in line or line.startswith(_BULLET_STARTS)) and bool(_BULLET.search(line))


# A sentence boundary inside a line; a sentence end that allows a space before the
# closing quote (a retokenized copy: ``Who. ''``).
_NEXT_SENTENCE = re.compile(r"""[.!?]["'”’)\]]*\s+\S""")
_ENDS_SPACED = re.compile(r"""[.!?](?:\s?["'”’)\]])*$""")
_BYLINE = re.compile(r"^By\s+[A-Z][^.!?]*$")
_NAME = re.compile(
    r"^(?:[A-Z][\w'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]+|[A-Z]\.|de|van|von|al-\w+)){1,3}$"
)


@dataclass
class Line:
    """One non-blank line and what cleaning decided about it."""

    number: int
    start: int
    end: int
    keep: list[tuple[int, int]] = field(default_factory=list)
    reason: str | None = None


# How rules take text out: a whole line (drop) or a part of one (cut), with a reason.
Drop = Callable[[Line, str], None]
Cut = Callable[[Line, int, int, str], None]


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# What strip_span strips, for str.strip to do in C: every character ``str.isspace`` holds
# for (the tests check the list over all of Unicode) and the invisible ones.
_STRIPPED = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + _INVISIBLE
)


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def numbered_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of every non-blank line, stripped of outer spaces."""
    out = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), 1):
        left = raw.lstrip(_STRIPPED)
        if left:
            a = pos + len(raw) - len(left)
            out.append((number, a, a + len(left.rstrip(_STRIPPED))))
        pos += len(raw) + 1
    return out


def line_spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for _, a, b in numbered_lines(text)]


def line_key(line: str) -> str:
    """Identity of a line for repetition: short lines fold punctuation, long ones only case."""
    date = _LEADING_DATE.match(line)  # what .sub("") removed: the pattern opens with "^"
    if date:
        line = line[date.end() :]
    if len(line) <= 80:
        return fw.fold(line)
    return " ".join(line.lower().split())


def word_count(text: str, most: int | None = None) -> int:
    """The words of ``text`` (``str.split``); with ``most``, ``min(words, most + 1)``:
    enough to compare with any threshold up to ``most``, without splitting a long line (a
    flattened copy's whole text is one line) to its end."""
    return len(text.split() if most is None else text.split(None, max(most, 0)))


def kept_text(text: str, line: Line) -> str:
    return " ".join(text[a:b] for a, b in line.keep).strip()


def is_prose(line: str, options: CleanOptions) -> bool:
    """Shaped like story text: a sentence of some length, or a long run of words."""
    words = word_count(line, max(options.long_line_words, options.prose_words))
    if words >= options.long_line_words:
        return True
    return words >= options.prose_words and bool(ENDS_SENTENCE.search(line))


def subtract(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
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


def body_spans(text: str, lines: list[Line]) -> tuple[Span, ...]:
    """Kept pieces merged into spans; a removal between two pieces splits them."""
    pieces = sorted(p for line in lines for p in line.keep)
    removed = sorted((a, b) for line in lines for a, b in _removed_parts(line))
    spans: list[Span] = []
    for a, b in pieces:
        a, b = strip_span(text, a, b)
        if a >= b:
            continue
        if spans and not any(spans[-1].end <= x < a for x, _ in removed):
            spans[-1] = Span(spans[-1].start, b)
        else:
            spans.append(Span(a, b))
    return tuple(spans)


def _removed_parts(line: Line) -> list[tuple[int, int]]:
    if not line.keep:
        return [(line.start, line.end)]
    return [
        (x, y)
        for x, y in [(line.start, line.keep[0][0]), (line.keep[-1][1], line.end)]
        + [(line.keep[i][1], line.keep[i + 1][0]) for i in range(len(line.keep) - 1)]
        if y > x
    ]


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without the blank characters (:func:`_blank`) at either end."""
    left = text[a:b].lstrip(_STRIPPED)
    a = b - len(left)
    return a, a + len(left.rstrip(_STRIPPED))


def _line_reason(line: str, options: CleanOptions) -> str | None:
    """The kind of furniture a whole line is, or None when it may be story text."""
    if not LETTER.search(line):
        return SEPARATOR
    most = max(8, options.furniture_max_words, options.archive_max_words)
    words = word_count(line, max(most, options.caption_max_words))  # exact up to the rules'
    # thresholds; the markup rule below counts them all
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
    if fw.holds(line, fw.GALLERY_TRIGGERS) and fw.GALLERY.search(line):
        return CAPTION
    if words <= options.archive_max_words and _is_archive_notice(line.lower()):
        return ARCHIVE
    if words <= options.furniture_max_words and fw.FURNITURE_RE.search(line):
        return FURNITURE
    if words <= options.caption_max_words:
        end = line[-120:]
        if fw.holds(end, fw.EMBED_TRIGGERS) and fw.EMBED.search(end):
            return EMBED
    if words <= options.caption_max_words and fw.CAPTION_RE.search(line):
        return CAPTION
    credit = fw.CREDIT_TAIL.search(line[-80:])
    if credit and (fw.CAPTION_HEAD.match(line) or fw.fold(credit["credit"]) in fw.AGENCIES):
        return CAPTION  # a caption, or a slideshow caption credited "(Associated Press)"
    if (
        ("&" in line or "<" in line)
        and _MARKUP.search(line)
        and len(_MARKUP.findall(line)) * 2 >= word_count(line)
    ):
        return MARKUP
    if words <= options.furniture_max_words and fw.CREDIT_RE.search(line):
        return CREDIT
    if words <= options.furniture_max_words and _BRACKETED.match(line):
        return BRACKETED
    return None


def _is_archive_notice(lower: str) -> bool:
    """A web archive's notice: a crawl named with storage, a crawl with an index word, or
    three index words. Every case needs a crawl term or an index word: the rest is looked
    for only then."""
    crawl = fw.holds(lower, fw.ARCHIVE_CRAWL_TERMS)
    index = sum(map(lower.__contains__, fw.ARCHIVE_INDEX_TERMS))  # (no generator)
    if not crawl and not index:
        return False
    web_crawl = fw.holds(lower, fw.ARCHIVE_WEB_CRAWL)
    stored = crawl and fw.holds(lower, fw.ARCHIVE_STORE_TERMS)
    return stored or (web_crawl and index > 0) or index >= 3


def drop_by_vocabulary(
    text: str,
    lines: list[Line],
    options: CleanOptions,
    meta: dict[str, str],
    drop: Drop,
    cut: Cut | None = None,
) -> None:
    open_credit = False
    for line in lines:
        if not line.keep:
            continue
        s = kept_text(text, line)
        if open_credit:  # a parenthesised credit wrapped over several lines
            drop(line, CREDIT)
            open_credit = ")" not in s
            continue
        reason = _line_reason(s, options)
        if reason is None and cut is not None and len(line.keep) == 1:
            a = line.keep[0][0]
            for x, y in share_bars(s):
                cut(line, a + x, a + y, FURNITURE)
            if not line.keep:
                continue
        if reason == CAPTION and cut is not None and len(line.keep) == 1:
            label = caption_label(s, options)
            if label:  # a label before a paragraph: only the label goes
                a = line.keep[0][0]
                cut(line, a, a + label, CAPTION)
                continue
        if reason is not None:
            if reason == AGENCY:
                meta.setdefault("agency", s)
            drop(line, reason)
            if reason == CREDIT and s.startswith("(") and ")" not in s:
                open_credit = True


def share_bars(line: str) -> list[tuple[int, int]]:
    """The share bars run into ``line`` (furniture.SHARE_BAR), as spans into it: an audio
    player's label, or two share buttons or more with nothing between them."""
    low = line.lower()
    if not fw.holds(low, fw.SHARE_NEEDLES):
        return []
    found = []
    for m in fw.SHARE_BAR.finditer(line):
        bar = m.group("bar")
        low = bar.lower()
        items = re.split(r"[\s|/·•]+", low)
        actions = {w for w in items if w in fw.SHARE_ACTIONS} - {"shares"}
        # two network names alone may be a story's ("Facebook Twitter deal"): a button too
        buttons = len(items) >= 3 or bool(actions & {"share", "tweet"})
        if low.startswith("listen") or (len(actions) >= fw.SHARE_MIN_ACTIONS and buttons):
            found.append((m.start("bar"), m.end("bar")))
    return found


def caption_label(line: str, options: CleanOptions) -> int:
    """The end of a caption label ("Photo:") that starts a paragraph, else 0.

    A caption is one sentence or a few words; when two sentences and at least
    ``long_line_words`` words follow the label, the line is the story under a label
    that a flattened copy glued onto it, and only the label is furniture (unless the
    rest names its photo again: a caption with the story's lede).
    """
    label = fw.CAPTION_LABEL.match(line)
    if label is None or (fw.holds(line, fw.GALLERY_TRIGGERS) and fw.GALLERY.search(line)):
        return 0
    rest = line[label.end() :]
    if word_count(rest, options.long_line_words) < options.long_line_words or not (
        _NEXT_SENTENCE.search(rest)
    ):
        return 0
    if fw.CAPTION_MARK.search(rest):
        return 0  # a caption that runs on: it names its photo again
    return label.end()


def story_after_bullets(line: str, options: CleanOptions) -> int | None:
    """Where the story starts in a line with wire bullets, or None when it is all header.

    A wire header's bullets are short. A piece of ``long_line_words`` words or more
    (between bullet marks) is story: a paragraph that holds a " * " list (0, the whole
    line), or a flattened copy that glued the header onto the first paragraph (the
    offset of that piece: what comes before it is the header).
    """
    start = 0
    for mark in [*_BULLET.finditer(line), None]:
        end = len(line) if mark is None else mark.start()
        if word_count(line[start:end], options.long_line_words) >= options.long_line_words:
            return start
        if mark is not None:
            start = mark.end()
    return None


def drop_repeats(
    text: str,
    lines: list[Line],
    options: CleanOptions,
    shared: frozenset[str],
    drop: Drop,
    keys: dict[str, str] | None = None,
) -> None:
    """A line seen before in this document, or a non-sentence line shared across documents.

    ``keys`` holds the :func:`line_key` of lines already keyed (the cluster's count of
    shared lines keys every raw line): a line found there is not keyed again.
    """
    seen: set[str] = set()
    for line in lines:
        if not line.keep:
            continue
        s = kept_text(text, line)
        key = keys[s] if keys is not None and s in keys else line_key(s)
        words = word_count(s)
        if key in seen and words >= options.repeat_min_words:
            drop(line, REPEATED)
            continue
        seen.add(key)
        if key in shared and not ENDS_CLAUSE.search(s) and words <= options.shared_max_words:
            drop(line, SHARED)


def header(
    text: str,
    lines: list[Line],
    options: CleanOptions,
    tracker: int | None,
    meta: dict[str, str],
    drop: Drop,
    cut: Cut | None = None,
) -> Line | None:
    """Headline, standfirst, byline and wire header above the first body line.

    The header ends at the first line shaped like story text (a sentence, a long line, a
    dateline, or a line that wraps into a lowercase continuation). Returns that line.
    A document's only line is a headline only when it is no sentence: a one-line news
    item is its own story.
    """
    begin = 0 if tracker is None else tracker + 1
    candidates = [line for line in lines[begin:] if line.keep or line.reason]
    in_bullets = False
    seen = 0
    for i, line in enumerate(candidates):
        if not line.keep:
            continue
        s = kept_text(text, line)
        nxt = next((c for c in candidates[i + 1 :] if c.keep), None)
        bullet = _has_bullet(s)
        wraps = nxt is not None and text[nxt.keep[0][0]].islower() and not bullet
        if bullet:
            story = story_after_bullets(s, options)
            if story is None:
                in_bullets = True
                drop(line, WIRE_HEADER)
                continue
            if story and cut is not None and len(line.keep) == 1:
                a = line.keep[0][0]
                cut(line, a, a + story, WIRE_HEADER)
            return line
        if find_dateline(s) or is_prose(s, options) or wraps:
            _cut_glued_headline(text, line, meta, cut)
            return line
        if _sentence(s, options) and sum(1 for other in lines if other.keep) == 1:
            _cut_glued_headline(text, line, meta, cut)
            return line  # the document's only line
        seen += 1
        if seen > options.header_lines:
            return line
        continues = text[line.keep[0][0]].islower() or (s[:1] in "\"“'‘" and not _NAME.match(s))
        if in_bullets and continues and not _BYLINE.match(s):  # a bullet wrapped onto this line
            drop(line, WIRE_HEADER)
        elif (
            _BYLINE.match(s) and word_count(s, options.byline_max_words) <= options.byline_max_words
        ):
            meta.setdefault("byline", s)
            drop(line, BYLINE)
        elif "title" not in meta:
            meta["title"] = s
            drop(line, TITLE)
        elif _NAME.match(s):
            meta.setdefault("byline", s)
            drop(line, BYLINE)
        elif word_count(s, options.prose_words) >= options.prose_words and "standfirst" not in meta:
            meta["standfirst"] = s
            drop(line, STANDFIRST)
        else:
            drop(line, HEADER)
    return None


# A headline that a flattened copy ran into its lead as one more sentence
# ("<headline>. <lead>", lower-cased copy that lost every line break): short, written
# without articles, and restated by the lead, which shares most of its words.
GLUED_HEADLINE_WORDS = (4, 12)
GLUED_HEADLINE_SHARED = 0.6
GLUED_HEADLINE_LEAD_WORDS = 40
GLUED_HEADLINE_MIN_REST = 20
_ARTICLES = frozenset(("a", "an", "the"))
_ABBREVIATION_END = re.compile(
    r"(?:\w+\.\w+.*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|st|mr|mrs|ms|dr|"
    r"gov|sen|rep|gen|inc|co|corp|ltd|jr|sr|bros|vs|mt|ft|ave|rd|blvd))",
    re.IGNORECASE,
)


def glued_headline(line: str) -> int:
    """Where the lead starts in ``line`` when a headline is glued before it, else 0."""
    m = _NEXT_SENTENCE.search(line)
    lead = _stopped_headline(line, m) if m is not None else 0
    return lead or unstopped_headline(line) or repeated_run_headline(line)


def _stopped_headline(line: str, m: re.Match[str]) -> int:
    head, rest = line[: m.start() + 1], line[m.end() - 1 :]
    words = WORD.findall(head)
    if not rest[:1].isalpha() or not words or _ABBREVIATION_END.fullmatch(words[-1]):
        return 0  # a stop after an abbreviation ("taken on nov. 29") ends no headline
    low, high = GLUED_HEADLINE_WORDS
    if not low <= len(words) <= high or any(w.lower() in _ARTICLES for w in words):
        return 0
    lead = WORD.findall(rest)
    if len(lead) < GLUED_HEADLINE_MIN_REST:
        return 0
    # words of four letters or more, compared by their first five ("harbour", "harbours")
    own = {w.lower()[:5] for w in words if len(w) >= 4 and w.isalpha()}
    shared = own & {w.lower()[:5] for w in lead[:GLUED_HEADLINE_LEAD_WORDS]}
    if len(own) < 3 or len(shared) < GLUED_HEADLINE_SHARED * len(own):
        return 0
    return m.end() - 1


# A headline run into its lead with no stop, dash or label ("<headline> <lead>", or a
# headline with an article before its stop, which GLUED_HEADLINE refuses): the lead opens
# by restating the headline's first word, after an article at most ("eight people killed
# ... | eight people have been killed ...", "remains of ... found | the remains of ..."),
# and goes on to share half its words or more. The split is the first word boundary where
# that holds, after 4 to 20 words that open with no function word ("the", "in") and hold
# no verb of a past report ("said", "was"), where the word before it ends no phrase ("of",
# "the") and the word after it continues none ("that", "said", "of").
UNSTOPPED_HEAD_WORDS = (4, 20)
UNSTOPPED_HEAD_SPAN = 200  # characters the headline may take
UNSTOPPED_HEAD_SHARED = 0.5
UNSTOPPED_OPENING = 3  # two of the headline's first 3 content words open the lead
UNSTOPPED_LEAD_WORDS = 30  # the lead's words the headline's are looked for in
UNSTOPPED_READ = 600  # characters read: the headline's span and the lead's words


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION = _word_set(
    "a an the of to in on at by for from with into onto over under about after before as "
    "and or but nor if than that which who whom whose his her its their our your my this "
    "these those is are was were be been being has have had will would can could may might "
    "shall should must do does did not no so where when"
)
_CONTINUES = (_FUNCTION - {"a", "an", "the", "this", "these", "his", "her", "their", "its"}) | {
    "said",
    "says",
    "told",
    "added",
    "according",
    "also",
    "while",
    "because",
}
_REPORTED = _word_set("said told was were had did")
# a dash, bracket or bar before the split: a dateline's or a page's cue, other rules' work,
# and a page's label inside the headline ("<headline> exclusive <lead>"): the label rules'
_NO_HEADLINE = re.compile(r"[–—|&;()\[\]]|--|\s-\s|\bexclusive\b", re.IGNORECASE)
_HEAD_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*|[.!?]", re.UNICODE)
_GAP = " \t\n.'\"’”"  # what may stand between headline and lead: blanks, a stop, a quote


def _bare(word: str) -> str:
    w = word.lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _stem(word: str) -> str | None:
    """A word of four letters or more by its first five ("harbour", "harbours")."""
    w = _bare(word).replace("-", "")
    return w[:5] if len(w) >= 4 and w.isalpha() and w not in _FUNCTION else None


def unstopped_headline(line: str) -> int:
    """Where the lead starts when a headline runs into it with no stop, dash or label."""
    m = _HEAD_TOKEN.search(line, 0, 40)
    if m is None or m.group().lower() in _FUNCTION:
        return 0  # a headline drops its opening article; a sentence keeps it
    first = _bare(m.group())
    # the lead restates the first word within the headline's span and two words: most
    # first sentences are refused here, before they are read word by word
    window = line[: UNSTOPPED_HEAD_SPAN + 40].lower()
    at = window.find(" " + first, m.end())
    while at >= 0 and window.count(" ", m.end(), at) < UNSTOPPED_HEAD_WORDS[0] - 2:
        at = window.find(" " + first, at + 1)  # too soon: inside the shortest headline
    if at < 0:
        return 0
    # ... and, close after it, one of the headline's next two content words
    following: list[str] = []
    for t in _HEAD_TOKEN.finditer(window, m.end(), at):
        stem = _stem(t.group())
        if stem:
            following.append(stem)
            if len(following) == 2:
                break
    if not any(window.find(stem, at, at + 120) >= 0 for stem in following):
        return 0
    low, high = UNSTOPPED_HEAD_WORDS
    words = []  # the headline's longest run and the lead's words after it
    for t in _HEAD_TOKEN.finditer(line, 0, UNSTOPPED_READ):
        if t.group() not in ".!?":
            words.append((t.group(), t.start()))
            if len(words) > high + UNSTOPPED_LEAD_WORDS:
                break
    lowered = [w.lower() for w, _ in words]
    reported = next((i for i, w in enumerate(lowered) if w in _REPORTED), len(words))
    stems: list[str | None] = []  # found once a split passes the cheap tests
    stopped = None  # where the first sentence ends, once a split after it was tried
    for k in range(low, min(high, len(words) - UNSTOPPED_LEAD_WORDS // 2) + 1):
        (last, end), (nxt, start) = words[k - 1], words[k]
        if start > UNSTOPPED_HEAD_SPAN:
            break
        between = line[end + len(last) : start]
        if stopped is not None and stopped < start:
            return 0  # a sentence before the split: a standfirst, or the lead itself
        if "." in between:
            if _ABBREVIATION_END.fullmatch(last):
                continue  # "in nov. 29": the sentence goes on
            stopped = start
        if between.strip(_GAP) or lowered[k - 1] in _FUNCTION or lowered[k] in _CONTINUES:
            continue
        if reported < k:
            return 0  # a past report: the lead itself
        if _NO_HEADLINE.search(line, 0, start):
            return 0
        # the lead opens with the headline's first word, after an article at most ("the
        # remains of ..."); a split inside a name ("... jim | carrey") fails this
        opener = words[k + 1][0] if lowered[k] in _ARTICLES else nxt
        if _bare(opener) != first:
            continue
        stems = stems or [_stem(w) for w, _ in words]
        head = [s for s in stems[:k] if s]
        own = set(head)
        if len(own) < 4:
            continue  # two words of three restated are no evidence
        opening = [s for s in stems[k : k + 2 * UNSTOPPED_OPENING] if s][: UNSTOPPED_OPENING + 1]
        if len(set(head[:UNSTOPPED_OPENING]).intersection(opening)) < 2:
            continue
        shared = own.intersection(stems[k : k + UNSTOPPED_LEAD_WORDS])
        if len(shared) >= UNSTOPPED_HEAD_SHARED * len(own):
            return start
    return 0


# A headline run into a lead that restates it word for word later in its first sentence
# ("ten boats, a ferry and a tug lost in the storm | a wild night on the coast cost the
# island ten boats, a ferry and a tug"), where the lead does not open with the headline's
# first word (unstopped_headline): a run of REPEAT_RUN_WORDS words of the headline, two
# of them content words, comes again within REPEAT_LEAD_WORDS words; the lead opens at the
# first article after the whole run that follows no function word or comma ("lost in |
# the storm" is the headline going on), REPEAT_HEAD_WORDS words in, with no stop, dash,
# bracket or label before it.
_GOES_ON = _FUNCTION | _word_set(
    "despite amid against among across through without within near like including via toward "
    "towards"
)
REPEAT_RUN_WORDS = 6
REPEAT_HEAD_WORDS = (4, 24)
REPEAT_LEAD_WORDS = 40
REPEAT_READ = 450  # characters: a headline of 24 words, a run and the lead's 40 words


def _repeats_a_run(line: str, n: int) -> bool:
    """Whether ``n`` words of ``line`` (split at blanks, with their punctuation) starting
    among its first REPEAT_HEAD_WORDS come again later in its first REPEAT_READ
    characters: most first lines have no such run, and are refused here, by substring
    search, before they are read word by word."""
    words = line[:REPEAT_READ].lower().split()
    if len(words) < 2 * n:
        return False
    joined = " ".join(words)
    # (a run of n words repeated holds a repeated run of n - 2 words at an even position:
    # half the searches)
    k = n - 2
    at = 0  # where words[i] starts in ``joined``
    for i in range(0, min(REPEAT_HEAD_WORDS[1] + 2, len(words) - 2 * k + 1), 2):
        run = " ".join(words[i : i + k])
        if joined.find(run, at + len(run)) != -1:
            return True
        at += len(words[i]) + len(words[i + 1]) + 2
    return False


def repeated_run_headline(line: str) -> int:
    """Where the lead starts when a headline it restates word for word runs into it."""
    if not _repeats_a_run(line, REPEAT_RUN_WORDS):
        return 0
    words = [
        (t.group().lower(), t.start())
        for t in _HEAD_TOKEN.finditer(line, 0, UNSTOPPED_READ)
        if t.group() not in ".!?"
    ]
    low, high = REPEAT_HEAD_WORDS
    n = REPEAT_RUN_WORDS
    if len(words) < low + 2 * n or words[0][0] in _FUNCTION:
        return 0
    lowered = [w for w, _ in words]
    first: dict[tuple[str, ...], int] = {}
    for j in range(len(words) - n + 1):
        run = tuple(lowered[j : j + n])
        i = first.setdefault(run, j)
        if i == j or j < i + n or i >= high or j > i + n + REPEAT_LEAD_WORDS:
            continue
        if sum(1 for w in run if _stem(w)) < 2:
            continue
        end = i + n  # the whole run: as far as the two copies go on alike
        while end < j and j + end - i < len(words) and lowered[end] == lowered[j + end - i]:
            end += 1
        for k in range(max(end, low), min(j, high + 1)):
            if lowered[k] in _ARTICLES and lowered[k - 1] not in _GOES_ON:
                start = words[k][1]
                gap = line[words[k - 1][1] + len(lowered[k - 1]) : start]
                if start > UNSTOPPED_HEAD_SPAN or "," in gap or _NO_HEADLINE.search(line, 0, start):
                    return 0  # (a comma: a list going on, "..., the university of ...")
                return 0 if _NEXT_SENTENCE.search(line, 0, start + 1) else start
        return 0
    return 0


def _cut_glued_headline(text: str, line: Line, meta: dict[str, str], cut: Cut | None) -> None:
    """Cut a headline glued before the lead of the first body ``line`` (glued_headline)
    as the title, when the document has none yet."""
    if cut is None or "title" in meta or len(line.keep) != 1:
        return
    a, b = line.keep[0]
    lead = glued_headline(text[a:b])
    if lead:
        meta["title"] = " ".join(text[a : a + lead].split())
        cut(line, a, a + lead, TITLE)


def _sentence(line: str, options: CleanOptions) -> bool:
    return word_count(line, options.prose_words) >= options.prose_words and bool(
        _ENDS_SPACED.search(line)
    )


def drop_subheads(text: str, lines: list[Line], options: CleanOptions, drop: Drop) -> None:
    """Short lines with no sentence punctuation between paragraphs: section headings."""
    kept = [line for line in lines if line.keep]
    for i, line in enumerate(kept):
        s = kept_text(text, line)
        words = word_count(s, max(options.caps_subhead_words, options.subhead_words))
        caps = words <= options.caps_subhead_words and s.upper() == s
        if not caps and (words > options.subhead_words or ENDS_CLAUSE.search(s)):
            continue
        if not caps and s[:1].islower():
            continue
        prev = kept_text(text, kept[i - 1]) if i else ""
        if prev and not ENDS_CLAUSE.search(prev):
            continue  # the tail of a wrapped sentence, not a heading
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if nxt is not None and text[nxt.keep[0][0]].islower():
            continue  # wraps into the next line
        drop(line, SUBHEAD)


def drop_trailing(text: str, lines: list[Line], options: CleanOptions, drop: Drop) -> None:
    """Short lines without final punctuation after the last sentence: links, tags, handles."""
    kept = [line for line in lines if line.keep]
    for line in reversed(kept[1:]):
        s = kept_text(text, line)
        if (
            ENDS_SENTENCE.search(s)
            or word_count(s, options.trailing_words) > options.trailing_words
            or _QUOTED.search(s)
        ):
            break  # a quotation with its speaker is a sentence that lost its full stop
        drop(line, TRAILING)
