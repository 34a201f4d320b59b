"""Change-tracker pages (NewsSniffer style): banner, text joined twice, older versions."""

from __future__ import annotations

import re

from .. import furniture as fw
from ..options import CleanOptions
from .datelines import DATELINE_CAPS
from .lines import LETTER, WORD, Cut, Line, strip_span
from .reasons import DATELINE, JOINED_DUPLICATE, OLDER_VERSION

# A sentence boundary inside a line, for comparing versions on change-tracker pages.
_SENTENCE_END = re.compile(r"""(?<=[.!?])(["'”’)\]]*)(?:\s+|(?=[A-Z“"][a-z]))(?=["“‘(]?[A-Z0-9])""")


def tracker_header(text: str, lines: list[Line]) -> int | None:
    """Index of a change-tracker page's "Version N Version M" line, if near the top."""
    for i, line in enumerate(lines[:15]):
        if fw.VERSION_HEADER.match(text[line.start : line.end]):
            return i
    return None


def split_joined_duplicate(text: str, line: Line, cut: Cut) -> None:
    """ "X.X." or "X X": the same text twice on one line; keep the first copy."""
    s = text[line.start : line.end]
    n = len(s)
    if not LETTER.search(s):
        return
    for gap in (0, 1):
        half = (n - gap) // 2
        if half < 8 or 2 * half + gap != n:
            continue
        if s[:half] == s[half + gap :] and (gap == 0 or s[half].isspace()):
            cut(line, line.start + half, line.end, JOINED_DUPLICATE)
            return


def _sentences(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    start = a
    for m in _SENTENCE_END.finditer(text, a, b):
        out.append((start, m.end(1)))
        start = m.end()
    out.append((start, b))
    return [strip_span(text, x, y) for x, y in out if text[x:y].strip()]


def drop_older_versions(text: str, lines: list[Line], options: CleanOptions, cut: Cut) -> None:
    """Change-tracker pages show two versions side by side: keep the later of two.

    A dateline in the middle of a line starts the later version of that paragraph; of two
    sentences that share most of their words, the earlier one is the older version. A
    sentence is compared with the next ``options.version_window`` sentences only, so a huge
    page costs a number of comparisons linear in its length, not its square (a page of up
    to that many sentences is compared in full; the bundled tracker page has under 100).
    """
    for line in lines:
        for a, b in list(line.keep):
            for x, _ in _sentences(text, a, b)[1:]:
                m = DATELINE_CAPS.match(text[x:b])
                if m and m.group("dash"):
                    cut(line, a, x, OLDER_VERSION)
                    cut(line, x, x + m.end(), DATELINE)
                    break
    units = [
        (line, x, y, set(w.lower() for w in WORD.findall(text[x:y])))
        for line in lines
        for a, b in line.keep
        for x, y in _sentences(text, a, b)
    ]
    older: list[tuple[Line, int, int]] = []
    for i, (line, x, y, words) in enumerate(units):
        if len(words) < 4:
            continue
        for _, _, _, later in units[i + 1 : i + 1 + options.version_window]:
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
