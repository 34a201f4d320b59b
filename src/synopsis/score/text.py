"""Text features: cheap surface cues that tell reporting from quotes, chatter and furniture.

Human summaries of news are third-person reporting; sentences that are mostly a quotation,
speak in the first or second person, ask a question or carry page furniture (links,
"click", photo credits) are rarely in them. :func:`words` is the one tokenization of the
summary-word cue, its training table, and selection's repeat check.
"""

from __future__ import annotations

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


def surface(sentences: Sequence[Sentence], counts: Sequence[int]) -> np.ndarray:
    """One row of TEXT_CUES per sentence.

    ``counts`` holds each document's number of sentences (for the relative position).
    """
    rows = np.zeros((len(sentences), len(TEXT_CUES)), dtype=np.float64)
    for i, s in enumerate(sentences):
        text = s.text
        lower = text.lower()
        quoted = _quoted_chars(text)
        outside = _QUOTED.sub(" ", lower) if quoted else lower
        rows[i] = (
            np.log1p(s.words),
            1.0 if _is_quotation(text, quoted) else 0.0,
            1.0 if _PERSONAL.search(outside) else 0.0,
            1.0 if text.rstrip(_CLOSERS).endswith("?") else 0.0,
            1.0 if _DIGIT.search(text) else 0.0,
            s.index / max(counts[s.doc_index], 1) if s.doc_index < len(counts) else 0.0,
            1.0 if _is_furniture(lower) else 0.0,
        )
    return rows


def _quoted_chars(text: str) -> int:
    if '"' not in text and "“" not in text:
        return 0
    return sum(len(m.group()) for m in _QUOTED.finditer(text))


def _is_quotation(text: str, quoted: int) -> bool:
    return bool(_OPENS_QUOTE.match(text)) or quoted > 0.5 * len(text)


def is_quotation(text: str) -> bool:
    """Whether a sentence opens with a quotation mark or is mostly inside quotes."""
    return _is_quotation(text, _quoted_chars(text))
