"""What every kind of claim shares: typed claim records, word helpers, one union-find.

Each extractor works on a raw slice of a document and returns offsets into the raw text,
so every claim can be shown where it was made. A claim is a typed record
(:class:`Quantity`, :class:`When`), never a string key: what it is about and its value
are separate fields, so alignment compares the right things.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar, Union

from ..stopwords import ENGLISH_STOP_WORDS

# Plurals that do not end in -s: grammar, not synonyms ("nations" and "countries" are two
# counted nouns: a source that writes one and a source that writes the other may count
# different things, delegations and member states).
IRREGULAR = {
    "people": "person", "persons": "person", "children": "child", "men": "man",
    "women": "woman", "cent": "percent",
}  # fmt: skip


def _cached_hash(claim: object) -> int:
    """``hash`` of a claim's field values, the one ``dataclass`` would compute (so sets
    of claims iterate in the same order), kept on the instance after the first call."""
    found = claim.__dict__.get("_hash")
    if found is None:
        found = hash(_FIELD_VALUES[type(claim)](claim))
        object.__setattr__(claim, "_hash", found)
    return found


@dataclass(frozen=True)
class Quantity:
    """A counted quantity: "at least 24 nations", "about 1,500 people as of Monday"."""

    noun: str  # the counted noun, singular ("nation")
    value: float
    modifier: str  # "" or "at least", "about", "more than", "up to" ...
    as_of: str | None  # the time it holds for, as written ("as of august", "on monday")
    shown: str  # display form of the figure ("at least 24")
    sentence: int  # index into ScoredCluster.sentences
    start: int
    end: int
    # words between the figure and its noun, as written ("rushing" in "120 rushing yards",
    # "Yemeni" in "seven Yemeni pirates"): what kind of the noun is counted; "" when none
    kind_of: str = ""

    def __hash__(self) -> int:
        # the dataclass's own hash (of every field), computed once: claims are set and
        # dict keys in loops over pairs, where rehashing nine fields dominated
        return _cached_hash(self)

    @property
    def about(self) -> tuple[str, str]:
        return ("number", self.noun)

    def moved(self, sentence: int, shift: int) -> Quantity:
        """The same claim in another sentence of the same text, ``shift`` characters on."""
        return Quantity(self.noun, self.value, self.modifier, self.as_of, self.shown,
                        sentence, self.start + shift, self.end + shift, self.kind_of)  # fmt: skip

    @property
    def compare(self) -> tuple[str, float]:
        return (self.modifier, self.value)


@dataclass(frozen=True)
class When:
    """A day, calendar date or clock time in a sentence ("on Monday", "Sept. 15", "4:20 p.m.")."""

    unit: str  # "weekday" | "day" | "time"
    value: object  # what equality is decided on: "monday", (9, 15), (16, 20)
    shown: str
    sentence: int
    start: int
    end: int
    bound: str = ""  # "before" / "after" for "just before 5 p.m.": a bound, not the time

    def __hash__(self) -> int:
        # the dataclass's own hash (of every field), computed once: claims are set and
        # dict keys in loops over pairs, where rehashing nine fields dominated
        return _cached_hash(self)

    @property
    def about(self) -> tuple[str, str]:
        return ("date", self.unit)

    def moved(self, sentence: int, shift: int) -> When:
        """The same claim in another sentence of the same text, ``shift`` characters on."""
        return When(self.unit, self.value, self.shown, sentence, self.start + shift,
                    self.end + shift, self.bound)  # fmt: skip

    @property
    def compare(self) -> object:
        return self.value


# Each claim type's field values as one tuple in field order (what the dataclass hashes),
# read by one C call instead of a generator over ``fields()``.
_FIELD_VALUES = {
    cls: operator.attrgetter(*(f.name for f in fields(cls))) for cls in (Quantity, When)
}

Claim = Union[Quantity, When]  # noqa: UP007 (a runtime alias, Python 3.10 safe)

T = TypeVar("T", bound=Hashable)
R = TypeVar("R")


def once_per_text(texts: Sequence[str], read: Callable[[str], R]) -> list[R]:
    """``[read(t) for t in texts]``, with ``read`` called once per distinct text (copies of
    a wire story repeat most sentences word for word): equal texts share one answer, so
    ``read`` must depend on the text alone and its answer must not be changed."""
    if len(set(texts)) == len(texts):  # nothing repeats: no table to keep
        return [read(text) for text in texts]
    known: dict[str, R] = {}
    out = []
    for text in texts:
        found = known.get(text, _MISSING)
        if found is _MISSING:
            found = known[text] = read(text)
        out.append(found)
    return out


_MISSING: Any = object()


def text_frequency(texts: Sequence[str], read: Callable[[str], Iterable[str]]) -> dict[str, int]:
    """How many of ``texts`` hold each word ``read`` finds: each distinct text read once and
    counted as often as it occurs (copies repeat sentences)."""
    frequency: dict[str, int] = {}
    for text, n in Counter(texts).items():
        for w in set(read(text)):
            frequency[w] = frequency.get(w, 0) + n
    return frequency


def components(items: Iterable[T], links: Iterable[tuple[T, T]]) -> list[list[T]]:
    """Connected components of ``links`` over ``items`` (union-find), in first-seen order.

    The one union-find of the cross-source analysis: figures, dates and name spellings
    are all grouped by it.
    """
    parent: dict[T, T] = {}

    def find(x: T) -> T:
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for x in items:
        find(x)
    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    out: dict[T, list[T]] = {}
    for x in parent:
        out.setdefault(find(x), []).append(x)
    return list(out.values())


def singular(word: str) -> str:
    """A crude singular, enough to match "nations" with "nation" and "people" with "person"."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return IRREGULAR.get(word, word)


class Singulars(dict[str, str]):
    """:func:`singular` of each word looked up, kept for one cluster: the figures'
    context words repeat across claims and sentences, and a dict lookup costs less than
    the suffix tests (``singulars[w] == singular(w)``)."""

    def __missing__(self, word: str) -> str:
        found = self[word] = singular(word)
        return found


_TOKEN_CHAR = r"[\w'’.-]"
_TOKEN = re.compile(_TOKEN_CHAR + "+")
# The tokens (of word_tokens) that start with an ASCII capital, found by the regex
# engine: most tokens are lower-case and fail its first test, with no Python step each.
CAPITAL_TOKEN = re.compile(rf"(?<!{_TOKEN_CHAR})[A-Z]{_TOKEN_CHAR}*")
_LONG_LETTERS = re.compile(r"[a-z]{3,}")  # the runs of [a-z]+ longer than two, as found


def word_tokens(raw: str) -> list[str]:
    return _TOKEN.findall(raw)


def first_token_start(raw: str) -> int:
    """Where the first of :func:`word_tokens` starts (the text's length when none)."""
    m = _TOKEN.search(raw)
    return m.start() if m else len(raw)


def token_starts(raw: str) -> tuple[list[str], list[int]]:
    """:func:`word_tokens` and where each starts in ``raw``."""
    spans = [(m.group(), m.start()) for m in _TOKEN.finditer(raw)]
    return [t for t, _ in spans], [i for _, i in spans]


STEM_STOP = ENGLISH_STOP_WORDS | {"said", "says", "just", "going", "like", "know", "think"}


def content_words(text: str) -> list[str]:
    words = _LONG_LETTERS.findall(text.lower().replace("’s", "").replace("'s", ""))
    return [w for w in words if w not in STEM_STOP]


def _is_word_char(c: str) -> bool:
    """Whether ``c`` is a ``\\w`` character (the regex module's test: alphanumeric or _)."""
    return c.isalnum() or c == "_"


def word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """The spans of ``re.finditer(rf"\\b{re.escape(word)}\\b", text)``, found by
    ``str.find`` and a look at the characters either side: no pattern is compiled per
    word (each name asked about is a new pattern, and compiling cost more than the
    search). ``\\b`` holds between a ``\\w`` character and another character, the
    text's ends counting as non-word; like ``finditer``, the search goes on after a
    match's end, and one place further after a miss."""
    if not word:
        yield from ((m.start(), m.end()) for m in re.finditer(r"\b\b", text))
        return
    n = len(word)
    first, last = _is_word_char(word[0]), _is_word_char(word[-1])
    i = text.find(word)
    while i >= 0:
        before = i > 0 and _is_word_char(text[i - 1])
        after = i + n < len(text) and _is_word_char(text[i + n])
        if before != first and after != last:
            yield i, i + n
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)


def has_word(text: str, word: str) -> bool:
    """Whether ``re.search(rf"\\b{re.escape(word)}\\b", text)`` finds a match."""
    return next(word_spans(text, word), None) is not None


def words_back(text: str, end: int, words: int = 2) -> int:
    """A position at or before the start of the last ``words`` words of ``text[:end]``
    (words: runs of non-space, as ``\\s`` splits them), 0 when it has no more."""
    parts = text[:end].rstrip().rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0
