"""Seventh-pass tries on tune streams (issue 17): term weightings measured by the oracle
ceiling, and decisions that wait. Kept out of the library because none gained 0.01 on the
tune minimum (``benchmarks/stream.md``, seventh pass). No text is printed.

    python benchmarks/stream_tries.py STREAM.jsonl [...] [--weighting NAME] [--oracle]
        [--try rule=value] [--set option=value]

Prints, per stream, B3 P/R/F1, pairwise F1, the largest predicted and gold story, the
number of stories and articles/s of CPU, then the means of the first three and the last
three streams (ECB+ tune, Multi-News tune when given in that order) and their minimum, the
choice rule of ``stream.md``; with ``--oracle`` also the means of the "perfect decisions"
replay of ``stream_oracle.py`` (first articles start a story, every other article joins its
best-scoring candidate: the ceiling of any join rule on that scoring; reads gold labels).

``--weighting`` replaces the library's term weight ``(1 + log tf) · idf`` (``log``, the
default) while the script runs:

- ``sqrt``: ``sqrt(tf) · idf``;
- ``bm25``: ``idf · tf (k + 1) / (tf + k (1 - b + b · len / mean len))``, the mean length
  over the stream so far (``--try bm25_k=…``, ``--try bm25_b=…``);
- ``unseen``: the library's weight, times ``unseen`` (``--try unseen=…``) for terms no
  earlier article of the stream had (they match no story yet and only dilute the cosine);
- ``lead``: the first ``lead_words`` words of the text count ``lead_boost`` more times.

Rules (:class:`Tries`, all off by default) on top of the library's ``StoryIndex``:

- ``defer`` (a score; 0 off): a join scoring under it is deferred: the article starts a
  provisional story of its own, which falls back into the story it would have joined
  (its *parent*) unless another article joins it within ``defer_days``;
- ``third`` (a ratio; 0 off): when a third article joins a story of two whose second
  member joined under ``third_ceiling``, the pair is undone if the third article's cosine
  with one of the two is under ``third`` times its cosine with the other: the odd one
  leaves (the first article keeps the story's id).

The names in the story split, the one try of this pass that went into the library (off by
default), is ``--set split_name_weight=…`` of ``StoryOptions``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import stream_oracle
from stream_eval import read_stream, report_line, settings
from synopsis.stream import similarity
from synopsis.stream.metrics import grouping
from synopsis.stream.similarity import (
    DAY,
    Article,
    Assignment,
    DocumentFrequencies,
    Features,
    Split,
    StoryIndex,
    StoryOptions,
    _dot,
)


@dataclass(frozen=True)
class Tries:
    """The weighting parameters and rules tried (see the module docstring)."""

    bm25_k: float = 1.2
    bm25_b: float = 0.75
    unseen: float = 0.5
    lead_words: int = 40
    lead_boost: int = 1
    defer: float = 0.0
    defer_days: float = 2.0
    third: float = 0.0
    third_ceiling: float = 1.0


def weighted_features(kind: str, tries: Tries):
    """A stand-in for ``similarity.features`` with another term weight (one per stream:
    ``bm25`` keeps the mean length of the articles seen so far)."""
    seen = {"words": 0, "articles": 0}

    def features(article: Article, df: DocumentFrequencies, options: StoryOptions,
                 embedding=None, background=None) -> Features:  # fmt: skip
        words = similarity.tokens(article.text)
        counts = Counter(words)
        if kind == "lead":
            for word in words[: tries.lead_words]:
                counts[word] += tries.lead_boost
        if article.title:
            for word in similarity.tokens(article.title):
                counts[word] += options.title_weight
        length = sum(counts.values())
        seen["words"] += length
        seen["articles"] += 1
        mean = seen["words"] / seen["articles"]
        k, b = tries.bm25_k, tries.bm25_b
        weights = {}
        for term, tf in counts.items():
            if kind == "sqrt":
                w = math.sqrt(tf) * df.idf(term)
            elif kind == "bm25":
                w = df.idf(term) * tf * (k + 1) / (tf + k * (1 - b + b * length / mean))
            else:
                w = (1.0 + math.log(tf)) * df.idf(term)
                if kind == "unseen" and not df.counts.get(term):
                    w *= tries.unseen
            weights[term] = w
        if len(weights) > options.max_terms:
            kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: options.max_terms]
            weights = dict(kept)
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vector = {t: w / norm for t, w in sorted(weights.items())}
        ents = similarity.names((article.title or "") + ". " + article.text)
        salient = (similarity.salient_names(article.text, article.title)
                   if options.novelty_weight else frozenset())  # fmt: skip
        return Features(vector, ents, article.timestamp, frozenset(counts), salient)

    return features


@contextlib.contextmanager
def weighting(kind: str, tries: Tries) -> Iterator[None]:
    """Swap the library's ``features`` for the weighting ``kind`` (``log``: unchanged)."""
    original = similarity.features
    if kind != "log":
        similarity.features = weighted_features(kind, tries)
    try:
        yield
    finally:
        similarity.features = original


class TriesIndex(StoryIndex):
    """The library's StoryIndex with the ``defer`` and ``third`` rules of :class:`Tries`.
    Moves are reported through ``Assignment.split`` (``third``) or ``self.moved``
    (``defer``'s fall-backs, which happen when a later article arrives)."""

    def __init__(self, options: StoryOptions, tries: Tries) -> None:
        super().__init__(options)
        self.tries = tries
        self.pending: dict[str, tuple[str, Features, str, float]] = {}
        self.weak: dict[str, float] = {}  # story of two -> its second member's join score
        self.moved: list[tuple[str, str]] = []  # (article id, story id) of fall-backs

    def settle(self, now: float) -> None:
        """Provisional stories past their deadline and still of one article fall back."""
        due = sorted((deadline, sid) for sid, (*_, deadline) in self.pending.items())
        for deadline, sid in due:
            if deadline > now:
                break
            article_id, feats, parent, _ = self.pending.pop(sid)
            story, parent = self.stories.get(sid), self.resolve(parent)
            if story is None or story.size > 1 or parent not in self.stories:
                continue
            self._drop(story)
            self._join(parent, feats, article_id)
            self.moved.append((article_id, parent))

    def assign(self, article: Article, embedding=None) -> tuple[Assignment, Features]:
        feats = similarity.features(article, self.df, self.options, embedding, self.background)
        self.df.add(feats.terms)
        self._advance(feats.timestamp)
        self.settle(feats.timestamp)
        ranked = self._ranked(feats)
        joins = bool(ranked) and self._joins(ranked)
        best, parent = ranked[0] if ranked else (0.0, "")
        deferred = joins and best < self.tries.defer and parent not in self.pending
        if joins and not deferred:
            story_id, new = parent, False
        else:
            story_id, new = self._unique_id(article.id), True
        size = 0 if new else self.stories[story_id].size
        self._join(story_id, feats, article.id)
        if deferred:
            deadline = feats.timestamp + self.tries.defer_days * DAY
            self.pending[story_id] = (article.id, feats, parent, deadline)
        split = None if new else self._split_apart(story_id)
        if split is None and not new:
            split = self._third(story_id, size, best)
        if split is not None and article.id in split.moved:
            story_id, new = split.new_id, True
        return Assignment(story_id, new, (), split), feats

    def _third(self, story_id: str, size: int, score: float) -> Split | None:
        t, story = self.tries, self.stories[story_id]
        if not t.third or len(story.members) != size + 1:
            return None
        if size == 1 and score < t.third_ceiling:
            self.weak[story_id] = score
            return None
        if size != 2 or self.weak.pop(story_id, None) is None:
            return None
        (_, fa), (_, fb), (_, fc) = story.members
        with_a, with_b = _dot(fc.vector, fa.vector), _dot(fc.vector, fb.vector)
        if with_a < t.third * with_b:  # the first is the odd one: the other two leave
            return self._divide(story_id, [0], [1, 2])
        if with_b < t.third * with_a:  # the second is
            return self._divide(story_id, [0, 2], [1])
        return None


def group(articles: list[Article], options: StoryOptions, tries: Tries) -> list[str]:
    """Final story ids (splits and fall-backs replayed, merges resolved)."""
    index, out, where = TriesIndex(options, tries), [], {}

    def replay_moves() -> None:
        for article_id, story_id in index.moved:
            out[where[article_id]] = story_id
        index.moved.clear()

    for article in articles:
        assignment = index.assign(article)[0]
        replay_moves()
        where[article.id] = len(out)
        out.append(assignment.story_id)
        if assignment.split is not None:
            for moved in assignment.split.moved:
                out[where[moved]] = assignment.split.new_id
    index.settle(math.inf)
    replay_moves()
    return [index.resolve(s) for s in out]


def evaluate(
    paths: list[Path],
    options: StoryOptions,
    tries: Tries,
    swap: Callable[[], contextlib.AbstractContextManager[None]],
    oracle: bool,
) -> None:
    """Print each stream's row and the means, grouping (and replaying the oracle) inside
    ``swap()``, which puts the features under trial in place of the library's: shared with
    ``stream_repr.py``, whose swap is its representation."""
    scores, ceilings = [], []
    for path in paths:
        articles, gold = read_stream(path)
        with swap():
            start = time.process_time()
            predicted = group(articles, options, tries)
            cpu = time.process_time() - start
        g = grouping(predicted, gold)
        scores.append(g.bcubed.f1)
        print(report_line(path.name, g, len(articles), cpu, width=24))
        if oracle:
            with swap():
                ids = stream_oracle.replay(articles, gold, options, [None] * len(gold),
                                           "perfect decisions")  # fmt: skip
            ceilings.append(grouping(ids, gold).bcubed.f1)
    if len(scores) == 6:
        a, b = sum(scores[:3]) / 3, sum(scores[3:]) / 3
        line = f"means {a:.3f} {b:.3f} min {min(a, b):.3f}"
        if ceilings:
            line += f" | perfect decisions {sum(ceilings[:3]) / 3:.3f} {sum(ceilings[3:]) / 3:.3f}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--weighting", choices=["log", "sqrt", "bm25", "unseen", "lead"],
                        default="log")  # fmt: skip
    parser.add_argument("--oracle", action="store_true", help="also the perfect-decision ceiling")
    parser.add_argument("--set", action="append", default=[], help="StoryOptions field=value")
    parser.add_argument("--try", dest="tries", action="append", default=[],
                        help="Tries field=value")  # fmt: skip
    args = parser.parse_args()
    changes = settings(args.set)
    options = dataclasses.replace(StoryOptions(), **changes)
    tries = Tries(**settings(args.tries))
    evaluate(args.streams, options, tries, lambda: weighting(args.weighting, tries),
             args.oracle)  # fmt: skip


if __name__ == "__main__":
    main()
