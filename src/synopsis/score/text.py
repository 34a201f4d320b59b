"""Text features: cheap surface cues that tell reporting from quotes, chatter and furniture.

Human summaries of news are third-person reporting; sentences that are mostly a quotation,
speak in the first or second person, ask a question or carry page furniture (links,
"click", photo credits) are rarely in them. :func:`words` is the one tokenization of the
summary-word cue, its training table, and selection's repeat check.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

import numpy as np

from ..model import SegmentedDocument, Sentence

# Text cues of a sentence, in the column order of ``surface()``'s rows. (The learned
# scorer adds one more, ``summary_words``, from its word table: see .learned.)
TEXT_CUES = (
    "log_words",
    "quote",
    "personal",
    "question",
    "digits",
    "relative_position",
    "furniture",
)
_OPENS_QUOTE = re.compile(r"""\s*(?:["“”„«]|''|``|'(?=\w))""")
_QUOTED = re.compile(r"""["“][^"“”]*["”]""")
# Matched against lowercased text (cheaper than IGNORECASE over many alternatives).
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'll|my|our|ours|me|you|your)\b")
_PERSONAL_WORDS = frozenset(("i", "we", "my", "our", "ours", "me", "you", "your"))
_CLOSERS = " \"'”’)]"
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\w+")
_FURNITURE = re.compile(
    r"https?:|www\.|@\w|\bclick\b|\bsubscribe\b|copyright|all rights reserved|\bphoto\b"
    r"|\bvideo\b|advertisement|\bnewsletter\b|\bsign up\b|\bread more\b"
)
# A literal that every _FURNITURE match contains: most sentences hold none of them, and
# looking for substrings is several times cheaper than the expression (its \b anchors
# keep the regex engine from scanning for literals).
_FURNITURE_HINTS = (
    "http", "www.", "@", "click", "subscribe", "copyright", "all rights reserved", "photo",
    "video", "advertisement", "newsletter", "sign up", "read more",
)  # fmt: skip


def _is_furniture(lower: str) -> bool:
    """Whether lowercased text matches _FURNITURE (checked only if a hint is in it)."""
    return any(h in lower for h in _FURNITURE_HINTS) and _FURNITURE.search(lower) is not None


def words(text: str) -> list[str]:
    """Lowercased runs of word characters: the words the summary-word table counts."""
    return _TOKEN.findall(text.lower())


def sentence_words(documents: Sequence[SegmentedDocument]) -> list[list[list[str]]]:
    """Per document, each sentence's :func:`words`: the cluster's one tokenization, shared
    by dedup and scoring (the pipeline computes it once, between segmenting and dedup)."""
    return [[words(s.text) for s in d.sentences] for d in documents]


def surface(
    sentences: Sequence[Sentence],
    counts: Sequence[int],
    tokens: Sequence[Sequence[str]] | None = None,
) -> np.ndarray:
    """One row of TEXT_CUES per sentence.

    ``counts`` holds each document's number of sentences (for the relative position);
    ``tokens``, each sentence's :func:`words` if the caller has them: outside quotations
    the first-person cue is then a set lookup instead of a regex search.
    """
    n = len(sentences)
    if tokens is None:
        tokens = [words(s.text) for s in sentences]
    texts = [s.text for s in sentences]
    lowers = [t.lower() for t in texts]
    # Digits and furniture hints looked for once in the whole cluster, not per sentence.
    digits = _containing(texts, "0123456789")
    hinted = _containing(lowers, _FURNITURE_HINTS)
    # One row of plain values per sentence, turned into one array at once: on a news
    # cluster numpy's per-call cost (an array per column) outweighed the work.
    flags = []
    # a sentence's cues depend on its text alone (its words are the text's): each
    # distinct text is read once (copies of one story repeat sentences)
    known: dict[str, tuple[int, bool, bool, bool, bool, bool]] = {}
    repeats = len(set(texts)) < len(texts)
    for k, (s, text, lower, ws) in enumerate(zip(sentences, texts, lowers, tokens, strict=True)):
        cues = known.get(text) if repeats else None
        if cues is None:
            quoted = _quoted_chars(text)
            # _PERSONAL matches exactly the \w runs in _PERSONAL_WORDS (its longer
            # alternatives start with one of them), and without quotes `outside` is `lower`.
            if quoted:
                personal = _PERSONAL.search(_QUOTED.sub(" ", lower)) is not None
            else:
                personal = not _PERSONAL_WORDS.isdisjoint(ws)
            # \d is any Unicode decimal digit: only a non-ASCII sentence can hold one of
            # those without an ASCII digit.
            digit = digits[k] or (not text.isascii() and _DIGIT.search(text) is not None)
            cues = (
                len(text.split()),  # s.words
                _is_quotation(text, quoted),
                personal,
                text.rstrip(_CLOSERS).endswith("?"),
                digit,
                hinted[k] and _FURNITURE.search(lower) is not None,
            )
            if repeats:
                known[text] = cues
        flags.append((*cues, s.index, s.doc_index))
    rows = np.zeros((n, len(TEXT_CUES)), dtype=np.float64)
    if not n:
        return rows
    cues = np.array(flags, dtype=np.float64)
    rows[:, 0] = np.log1p(cues[:, 0])
    rows[:, 1:5] = cues[:, 1:5]
    index = cues[:, 6]
    doc = np.array([f[7] for f in flags], dtype=np.int64)
    known = doc < len(counts)
    total = np.ones(n, dtype=np.float64)
    total[known] = np.maximum(np.asarray(counts, dtype=np.float64)[doc[known]], 1)
    rows[:, 5] = np.where(known, index / total, 0.0)
    rows[:, 6] = cues[:, 5]
    return rows


def _containing(texts: Sequence[str], needles: Sequence[str]) -> list[bool]:
    """Per text, whether it contains any of ``needles`` (none holding a line break):
    ``str.find`` over the texts joined by line breaks, skipping to the next text at each
    hit, instead of one search per text and needle."""
    found = [False] * len(texts)
    if not texts:
        return found
    joined = "\n".join(texts)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    starts.append(len(joined) + 1)
    for needle in needles:
        i = joined.find(needle)
        while i >= 0:
            k = bisect.bisect_right(starts, i) - 1
            found[k] = True
            i = joined.find(needle, starts[k + 1])
    return found


def _quoted_chars(text: str) -> int:
    if '"' not in text and "“" not in text:
        return 0
    return sum(len(m.group()) for m in _QUOTED.finditer(text))


def _is_quotation(text: str, quoted: int) -> bool:
    return bool(_OPENS_QUOTE.match(text)) or quoted > 0.5 * len(text)


def is_quotation(text: str) -> bool:
    """Whether a sentence opens with a quotation mark or is mostly inside quotes."""
    return _is_quotation(text, _quoted_chars(text))
