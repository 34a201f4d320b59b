"""Reading order of the chosen sentences, and the repeats and restated facts they avoid."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import ScoredCluster
from ..options import SelectOptions
from ..score import words
from ..topic import content_words


def _reading_order(
    scored: ScoredCluster,
    taken: list[int],
    opening: int | None,
    reacting: Callable[[int], bool] | None = None,
) -> list[int]:
    """Runs of article-adjacent sentences, by the reading key of each run's first one;
    the run holding the ``opening`` lead first. A run that opens with a reaction
    (``reacting``: "the family said they were devastated") is read after the first run
    that tells the news: the reader learns what happened before how people took it."""
    runs: list[list[int]] = []
    for g in taken:  # sentence indices are in article order within each document
        s = scored.sentences[g]
        if runs:
            prev = scored.sentences[runs[-1][-1]]
            if prev.doc_index == s.doc_index and prev.index + 1 == s.index:
                runs[-1].append(g)
                continue
        runs.append([g])
    runs.sort(key=lambda run: (opening not in run, _reading_key(scored, run[0])))
    if reacting is not None and runs:  # (nothing taken: nothing to order)
        k = next((k for k, run in enumerate(runs) if not reacting(run[0])), 0)
        runs = [runs[k], *runs[:k], *runs[k + 1 :]]
    return [g for run in runs for g in run]


class _Runs:
    """Runs of ``n`` words of each text (case and punctuation ignored), made on demand."""

    def __init__(self, texts: list[str], n: int) -> None:
        self.texts, self.n = texts, n
        self._runs: dict[int, set[tuple[str, ...]]] = {}

    def of(self, i: int) -> set[tuple[str, ...]]:
        if i not in self._runs:
            tokens = words(self.texts[i])
            self._runs[i] = {tuple(tokens[k : k + self.n]) for k in range(len(tokens) - self.n + 1)}
        return self._runs[i]

    def shared(self, i: int, j: int) -> bool:
        return not self.of(i).isdisjoint(self.of(j))


def _read_before(scored: ScoredCluster, h: int, g: int, n_chosen: int) -> bool:
    """Whether summary sentence ``h`` is read before sentence ``g`` (:func:`_reading_order`
    puts the opening first, then runs by their place in their article), ``n_chosen``
    candidates having been chosen: the opening, an earlier sentence of the same article,
    or one further up its own article."""
    a, b = scored.sentences[h], scored.sentences[g]
    if a.doc_index == b.doc_index:
        return a.index < b.index
    return n_chosen == 1 or _reading_key(scored, h)[0] < _reading_key(scored, g)[0]


_NUMBER = re.compile(r"\d+")
# Two copies write "today" and "on Monday" for one day: every day's name is one word here
# (both naming a day is still evidence of one event; which day they write is not).
_WHEN = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tomorrow", "tonight"}
)


class _Facts:
    """Content words and numbers of each text, made on demand, to tell a fact restated in
    other words ("X was convicted of murder" after "a jury found X guilty of murder"),
    which a cosine over differently worded sentences misses."""

    def __init__(self, text: Callable[[int], str], options: SelectOptions) -> None:
        self.text, self.share, self.least = text, options.restate_share, options.restate_min_words
        self.short_share = options.restate_short_share
        self._of: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def of(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        if i not in self._of:
            text = self.text(i)
            stems = frozenset("<day>" if w in _WHEN else w[:6] for w in content_words(text))
            self._of[i] = stems, frozenset(_NUMBER.findall(text))
        return self._of[i]

    def restated(self, i: int, j: int) -> bool:
        """Whether text ``j`` tells the fact of text ``i`` (chosen) again, and no number of
        its own: most of its content words in ``i`` (``restate_share``; only that way
        round for a longer ``j``: one that contains a short ``i`` adds what ``i`` lacks),
        or, a paraphrase of the same event by the same people, most of the *shorter*
        one's content words in the other (``restate_short_share``): two sources word one
        fact differently, so each has words of its own, and a cosine or a share of the
        longer one's words stays low while the shorter one's are nearly all there."""
        if self.share > 1 and self.short_share > 1:
            return False
        (a, na), (b, nb) = self.of(i), self.of(j)
        common = len(a & b)
        if common < self.least or not nb <= na:
            return False  # a number of its own is a fact of its own
        return common >= self.share * len(b) or common >= self.short_share * min(len(a), len(b))


def restates(earlier: str, later: str, options: SelectOptions | None = None) -> bool:
    """Whether sentence ``later`` tells the fact of ``earlier`` again, by the rule the
    selector uses (:class:`_Facts`; without its cosine gate, which needs the cluster's
    vectors). The readability checker's ``repeat`` flag.

    >>> restates("A jury found Tom Hale guilty of murder on Friday.",
    ...          "Tom Hale was convicted of murder on Friday, jurors found.")
    True
    """
    texts = (earlier, later)
    return _Facts(lambda k: texts[k], options or SelectOptions()).restated(0, 1)


def _reading_key(scored: ScoredCluster, i: int) -> tuple[float, float, int]:
    sentence = scored.sentences[i]
    total = len(scored.documents[sentence.doc_index].sentences)
    return (sentence.index / max(total, 1), -scored.scores[i], i)
