"""Eighth-pass tries on tune streams (issue 17): other representations of an article,
measured by the oracle ceiling ("perfect decisions") as well as by the real rule.

    python benchmarks/stream_repr.py STREAM.jsonl [...] [--oracle] [--rep field=value]
        [--set option=value] [--try rule=value]

Prints the rows of ``stream_tries.py`` (B3 P/R/F1, pairwise F1, largest story, stories,
articles/s of CPU; the means of the first and last three streams and their minimum; with
``--oracle`` the "perfect decisions" means). ``--rep`` sets a field of :class:`Rep`, which
replaces the library's ``similarity.features`` while the script runs (the background
document frequency, the one try of this pass that went into the library, off by default,
is ``--set background_docs=…`` of ``StoryOptions``: ``synopsis[background]``; the blocks
below read it too):

- ``bigram_weight`` (0: off): adjacent content words as a block of its own, a unit vector
  times this weight beside the words' (``StoryOptions.bigrams`` mixes them into one block,
  where the rarer pairs outweigh the words);
- ``lead_weight`` (0: off): the title and first ``lead_words`` words as a block of their
  own beside the whole text's, under keys no term takes (``stream_tries --weighting lead``
  boosted those words inside the one vector instead).

The blocks are joined and scaled back to unit length, so the cosine of two articles (or an
article and a story) is the weighted mean of their blocks' cosines. The document
frequencies count words and pairs; the lead block reads the words' idf. No text is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from stream_eval import settings
from stream_tries import Tries, evaluate
from synopsis.stream import similarity
from synopsis.stream.similarity import Article, DocumentFrequencies, Features, StoryOptions


@dataclass(frozen=True)
class Rep:
    """The representation tried (see the module docstring); all off gives the library's."""

    bigram_weight: float = 0.0
    lead_weight: float = 0.0
    lead_words: int = 40


def _block(counts: Counter[str], idf, keep: int, prefix: str = "") -> dict[str, float]:
    weights = {prefix + t: (1.0 + math.log(c)) * idf(t) for t, c in counts.items()}
    if len(weights) > keep:
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def rep_features(rep: Rep):
    """A stand-in for ``similarity.features`` building the representation ``rep``."""

    def features(article: Article, df: DocumentFrequencies, options: StoryOptions,
                 embedding=None, background=None) -> Features:  # fmt: skip
        def idf(term: str) -> float:
            return df.idf(term, background)

        words = similarity.tokens(article.text)
        title = similarity.tokens(article.title) if article.title else []
        counts = Counter(words)
        for term in title:
            counts[term] += options.title_weight
        pairs: Counter[str] = Counter()
        if rep.bigram_weight:
            pairs.update(f"{a} {b}" for a, b in itertools.pairwise(words))
            for pair in itertools.pairwise(title):
                pairs[f"{pair[0]} {pair[1]}"] += options.title_weight
        vector = _block(counts, idf, options.max_terms)
        lead = Counter(title + words[: rep.lead_words])
        for weight, block, prefix in ((rep.bigram_weight, pairs, ""), (rep.lead_weight, lead, "^")):
            if weight and block:
                unit = _block(block, idf, options.max_terms, prefix)
                vector.update((t, weight * w) for t, w in unit.items())
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vector = {t: w / norm for t, w in sorted(vector.items())}
        ents = similarity.names((article.title or "") + ". " + article.text)
        salient = (similarity.salient_names(article.text, article.title)
                   if options.novelty_weight else frozenset())  # fmt: skip
        terms = frozenset(counts) | frozenset(pairs)
        return Features(vector, ents, article.timestamp, terms, salient)

    return features


@contextlib.contextmanager
def representation(rep: Rep) -> Iterator[None]:
    """Swap the library's ``features`` for the representation ``rep`` while it is open."""
    original = similarity.features
    similarity.features = rep_features(rep)
    try:
        yield
    finally:
        similarity.features = original


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--oracle", action="store_true", help="also the perfect-decision ceiling")
    parser.add_argument("--set", action="append", default=[], help="StoryOptions field=value")
    parser.add_argument("--rep", action="append", default=[], help="Rep field=value")
    parser.add_argument("--try", dest="tries", action="append", default=[],
                        help="stream_tries.Tries field=value (defer, third)")  # fmt: skip
    args = parser.parse_args()
    options = dataclasses.replace(StoryOptions(), **settings(args.set))
    rep, tries = Rep(**settings(args.rep)), Tries(**settings(args.tries))
    evaluate(args.streams, options, tries, lambda: representation(rep), args.oracle)


if __name__ == "__main__":
    main()
