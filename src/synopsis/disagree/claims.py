"""What every kind of claim shares: the claim record and the word helpers.

Each extractor works on a raw slice of a document and returns offsets into the raw text,
so every claim can be shown where it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..stopwords import ENGLISH_STOP_WORDS

# One counted thing, several words: nations and countries are counted the same way.
SYNONYMS = {
    "nation": "country", "people": "person", "persons": "person", "children": "child",
    "men": "man", "women": "woman", "dead": "death", "troop": "soldier", "cent": "percent",
}  # fmt: skip


@dataclass(frozen=True)
class Claim:
    """One extracted fact in one sentence: what it is about (``key``) and its value."""

    key: str  # e.g. "number:country", "date:weekday"
    value: str  # display form
    compare: object  # what compatibility is decided on
    sentence: int  # index into ScoredCluster.sentences
    start: int
    end: int


def singular(word: str) -> str:
    word = word.lower()
    if word in SYNONYMS:
        return SYNONYMS[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return SYNONYMS.get(word, word)


def word_tokens(raw: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", raw)


STEM_STOP = ENGLISH_STOP_WORDS | {"said", "says", "just", "going", "like", "know", "think"}


def content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "").replace("'s", ""))
    return [w for w in words if len(w) > 2 and w not in STEM_STOP]
