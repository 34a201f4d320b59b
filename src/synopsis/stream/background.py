"""A background document frequency for story grouping, so that a stream's first articles
are weighted on informative words.

A stream's own document frequencies start empty: the first articles see every word as
rare, and "said" or "police" weigh as much as a name. English word frequencies from the
``wordfreq`` package (its data ships in the wheel: nothing is downloaded) stand in for a
corpus seen in advance, as ``documents`` pseudo-documents of ``words`` words each in which a
word of frequency ``f`` occurs with probability ``1 - exp(-words · f)``. They are added to
the stream's own counts (:meth:`DocumentFrequencies.idf`), so the stream's counts take over
as it grows. Measured in ``benchmarks/stream.md`` (eighth pass).

Optional (``pip install 'synopsis[background]'``); nothing here is imported by ``import
synopsis``, and wordfreq only when a :class:`Background` is made.
"""

from __future__ import annotations

import math

from ..errors import MissingExtraError


def available() -> bool:
    """Whether the ``background`` extra (wordfreq) is installed."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        return False
    return True


class Background:
    """English document probabilities of terms, from wordfreq, each looked up once.

    Terms are :func:`synopsis.stream.similarity.tokens` (lowercased, a plural ``s``
    stripped), so a term counts as often as its more frequent form, with or without the
    ``s``; a pair of words (``StoryOptions.bigrams``) has none.

    >>> background = Background(1000)  # doctest: +SKIP
    >>> background.probability("said") > background.probability("ceasefire")  # doctest: +SKIP
    True
    """

    def __init__(self, documents: float, words: float = 400.0, language: str = "en") -> None:
        try:
            from wordfreq import word_frequency
        except ImportError as error:
            raise MissingExtraError("a background document frequency", "background") from error
        if documents <= 0 or words <= 0:
            raise ValueError("a background needs a positive number of documents and words")
        self.documents = float(documents)
        self._words = float(words)
        self._language = language
        self._frequency = word_frequency
        # one entry per term of the stream's vocabulary, as the stream's own counts keep
        self._seen: dict[str, float] = {}

    def probability(self, term: str) -> float:
        """The share of background documents that hold ``term``."""
        p = self._seen.get(term)
        if p is None:
            if " " in term:
                p = 0.0
            else:
                f = self._frequency(term, self._language)
                if len(term) > 3:
                    f = max(f, self._frequency(term + "s", self._language))
                p = 1.0 - math.exp(-self._words * f)
            self._seen[term] = p
        return p
