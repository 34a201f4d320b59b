"""Facts of one sentence's text that several rules ask for, found once and shared.

The rules of :mod:`synopsis.dependencies` and :mod:`synopsis.topic` are regular
expressions, and most of them match few sentences; Python's matcher still tries every
alternative of a pattern at every position of a sentence before it says no. So a rule
whose pattern cannot match unless the text holds one of a few literal strings (a word of
its alternation, a fixed phrase) first asks :meth:`Text.may` whether the lower-cased text
holds one, and runs the pattern only when it does: the same verdicts, at a fraction of
the cost. :class:`Text` is a ``str``, so every rule still takes plain text; the selector
builds one per sentence so that the rules share its lower case, words and the text
outside its quotations.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")
_TOKEN = re.compile(r"\w+")
# Characters that re.IGNORECASE matches to an ASCII letter though str.lower() does not
# make them one ("ſ" matches "s"), and "İ", whose lower case is two characters: in a text
# with one of them a pre-check on the lower case could say no where the pattern says
# yes, so every pre-check passes.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def outside_quotes(text: str) -> str:
    """``text`` with every complete quotation blanked out."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def folded(text: str) -> str | None:
    """``text`` lower-cased for pre-checks, or None when they cannot be trusted on it."""
    return None if _FOLDS.search(text) else text.lower()


def word_count(text: str, most: int) -> int:
    """``min(len(text.split()), most + 1)``: enough to compare the words of ``text`` with a
    threshold up to ``most``, without splitting a long text to its end (a rule that asks
    "more than 3 words?" of every sentence reads its first four)."""
    return len(text.split(None, max(most, 0)))


def may(lower: str | None, needles: Iterable[str]) -> bool:
    """Whether ``lower`` (from :func:`folded`) holds one of ``needles``; always True for
    None. False means a pattern that needs one of them cannot match the text."""
    if lower is None:
        return True
    for needle in needles:  # noqa: SIM110 (any() over a generator costs more than the tests)
        if needle in lower:
            return True
    return False


class Text(str):
    """A sentence's text with its lower case (``lower_``: None when pre-checks cannot be
    trusted), its set of lower-cased words and its text outside quotations, each found
    once, on first use; ``found`` keeps what the rules found in it (a rule's verdict,
    by the rule's name), so that rules asking for the same fact find it once."""

    def __new__(cls, text: str) -> Text:
        self = super().__new__(cls, text)
        self.lower_ = folded(text)
        self._words: frozenset[str] | None = None
        self._rest: str | None = None
        self.found: dict[str, object] = {}
        return self

    @property
    def rest(self) -> str:
        """:func:`outside_quotes` of the text."""
        if self._rest is None:
            self._rest = outside_quotes(self)
        return self._rest

    def may(self, needles: Iterable[str]) -> bool:
        """Whether the lower-cased text holds one of ``needles`` (always True when the
        lower case cannot be trusted): False means a pattern that needs one cannot
        match. (The loop of :func:`may`, inlined: this runs on every sentence.)"""
        lower = self.lower_
        if lower is None:
            return True
        for needle in needles:  # noqa: SIM110 (any() over a generator costs more)
            if needle in lower:
                return True
        return False

    def has_word(self, vocabulary: frozenset[str]) -> bool:
        """Whether one of the text's words (maximal runs of word characters, lower-cased)
        is in ``vocabulary`` (always True when the lower case cannot be trusted): False
        means no ``\\b(?:word|...)\\b`` of those words matches, in any case."""
        if self.lower_ is None:
            return True
        if self._words is None:
            self._words = frozenset(_TOKEN.findall(self.lower_))
        return not self._words.isdisjoint(vocabulary)


def text_of(text: str) -> Text:
    """``text`` as a :class:`Text` (itself when it is one already)."""
    return text if isinstance(text, Text) else Text(text)


_UNSET = object()  # no verdict kept yet (None is a verdict)


def found_once(rule: Callable[[str], T]) -> Callable[[str], T]:
    """``rule`` (a function of one sentence's text alone) asked once per :class:`Text`:
    its verdict is kept in ``Text.found``, so a sentence shared by several units, or
    the same sentence in several copies of a story, is judged once. Plain strings are
    judged afresh every time."""
    key = rule.__module__ + "." + rule.__qualname__

    @functools.wraps(rule)
    def judged(text: str) -> T:
        if not isinstance(text, Text):
            return rule(text)
        found = text.found
        verdict = found.get(key, _UNSET)  # (one look-up where a verdict is kept)
        if verdict is _UNSET:
            verdict = found[key] = rule(text)
        return verdict  # type: ignore[return-value]

    return judged
