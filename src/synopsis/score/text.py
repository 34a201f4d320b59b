"""Text features: cheap surface cues that tell reporting from quotes, chatter and furniture.

Human summaries of news are third-person reporting; sentences that are mostly a quotation,
speak in the first or second person, ask a question or carry page furniture (links,
"click", photo credits) are rarely in them. ``summary_words`` is the mean log-odds of the
sentence's words appearing in a human summary (a table learned from training clusters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources

import numpy as np

from ..model import Sentence

# Surface cues of a sentence, in the column order of ``Features.surface``.
SURFACE = (
    "log_words",
    "quote",
    "personal",
    "question",
    "digits",
    "relative_position",
    "furniture",
    "summary_words",
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


def words(text: str) -> list[str]:
    """Lowercased runs of word characters: the words the summary-word table counts."""
    return _TOKEN.findall(text.lower())


# Written by benchmarks/train_scorer.py: for each word seen in the documents of at least
# 20 training clusters, the log-odds that a cluster's human summary uses it when its
# articles do (smoothed toward all words' rate, given on the UNKNOWN row).
SUMMARY_WORDS_FILE = "summary_words.tsv"
UNKNOWN = "<unknown>"


_summary_words: tuple[dict[str, float], float] | None = None


def summary_words() -> tuple[dict[str, float], float]:
    """The summary-word log-odds table and the value for a word not in it."""
    global _summary_words
    if _summary_words is None:
        text = resources.files(__package__).joinpath(SUMMARY_WORDS_FILE).read_text("utf-8")
        table: dict[str, float] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                word, value = line.split("\t")
                table[word] = float(value)
        _summary_words = (table, table.pop(UNKNOWN))
    return _summary_words


def use_summary_words(table: dict[str, float], unknown: float) -> None:
    """Score with this table instead of the shipped one (for the training script)."""
    global _summary_words
    _summary_words = (dict(table), unknown)


def surface(sentences: Sequence[Sentence], counts: Sequence[int]) -> np.ndarray:
    """One row of SURFACE cues per sentence.

    ``counts`` holds each document's number of sentences (for the relative position).
    """
    prior, unknown = summary_words()
    rows = np.zeros((len(sentences), len(SURFACE)), dtype=np.float64)
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
            1.0 if _FURNITURE.search(lower) else 0.0,
            _mean_prior(words(text), prior, unknown),
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


def _mean_prior(tokens: list[str], prior: dict[str, float], unknown: float) -> float:
    return sum(prior.get(t, unknown) for t in tokens) / len(tokens) if tokens else unknown
