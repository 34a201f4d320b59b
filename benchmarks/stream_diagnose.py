"""Diagnoses of story grouping on tune streams (they read the gold labels; no text printed).

    python benchmarks/stream_diagnose.py cues ECB_STREAM.jsonl
    python benchmarks/stream_diagnose.py candidates STREAM.jsonl [...]
    python benchmarks/stream_diagnose.py nearest STREAM.jsonl [...] --embed-cache DIR
    python benchmarks/stream_diagnose.py newevent STREAM.jsonl [...] [--set event_novelty=0.7]

``cues``: over pairs of ECB+ articles of one topic, how often an article pair of the *same*
event and of the two *twin* events share (or contradict) event cues: counted quantities
and days or dates as :mod:`synopsis.disagree` extracts them (``number_claims``,
``date_claims``, used as a library), and the figures of
:func:`synopsis.stream.similarity.figures`. Gold labels are ``TOPIC_ecb`` /
``TOPIC_ecbplus``.

``candidates``: replaying with oracle decisions (first article of a gold story starts a
story, every other joins), how often a continuing article's own story is not among the
candidates the term index proposes, or is proposed but outranked.

``nearest``: for articles with an earlier article of their own story and of another
within 7 days, deciles of the embedding cosine to the nearest earlier own-story article
and to the nearest earlier other one, and how often the own one is nearer.

``newevent``: replaying with the options given (``--set``), of the articles the threshold
lets join a story (before the new-event test), how many
are the first of their gold story (the joins the "first starts" oracle undoes) and how
many continue one, and how often the new-event test (``StoryOptions.event_novelty``)
fires on each: what it catches against what it splits.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path

from stream_eval import embeddings, read_stream, settings
from stream_oracle import OracleIndex
from synopsis.stream.similarity import StoryIndex, StoryOptions, features, figures, new_event

_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def cues(path: Path) -> None:
    from synopsis.disagree.dates import date_claims
    from synopsis.disagree.numbers import number_claims

    articles, gold = read_stream(path)
    claims = []
    for a in articles:
        quantities, dates = defaultdict(set), defaultdict(set)
        for i, sentence in enumerate(_SENTENCES.split(f"{a.title or ''}. {a.text}")):
            for q in number_claims(sentence, 0, i):
                quantities[q.noun].add(q.value)
            for w in date_claims(sentence, 0, i):
                dates[w.unit].add(w.value)
        claims.append((quantities, dates, figures(f"{a.title or ''}. {a.text}")))
    counts: dict[str, Counter] = defaultdict(Counter)
    for i, j in itertools.combinations(range(len(articles)), 2):
        if gold[i].split("_")[0] != gold[j].split("_")[0]:
            continue
        c = counts["same event" if gold[i] == gold[j] else "twin events"]
        c["pairs"] += 1
        for name, a, b in (("quantity", claims[i][0], claims[j][0]),
                           ("date", claims[i][1], claims[j][1])):  # fmt: skip
            shared = set(a) & set(b)
            c[f"{name} agrees"] += any(a[k] & b[k] for k in shared)
            c[f"{name} contradicts"] += any(not a[k] & b[k] for k in shared)
        fa, fb = claims[i][2], claims[j][2]
        c["both give figures"] += bool(fa and fb)
        c["share a figure"] += bool(fa & fb)
    for kind, c in counts.items():
        rates = ", ".join(f"{k} {v / c['pairs']:.2f}" for k, v in c.items() if k != "pairs")
        print(f"{path.name} {kind} ({c['pairs']} pairs): {rates}")


def candidates(path: Path) -> None:
    articles, gold = read_stream(path)
    index, seen, labels = OracleIndex(StoryOptions()), set(), {}
    majority: dict[str, Counter] = defaultdict(Counter)
    n = missing = outranked = 0
    for article, label in zip(articles, gold, strict=True):
        first = label not in seen
        seen.add(label)
        if not first:
            feats = features(article, index.df, index.options, None, index.background)
            ranked = index._ranked(feats)
            own = {s for s, c in majority.items()
                   if s in index.stories and c.most_common(1)[0][0] == label}  # fmt: skip
            n += 1
            if not own & {s for _, s in ranked}:
                missing += 1
            elif ranked[0][1] not in own:
                outranked += 1
        index.decision = "start" if first else "join"
        assignment = index.assign(article)[0]
        labels[article.id] = label
        if assignment.split is not None:  # moved articles count for the new story
            for moved in assignment.split.moved:
                if moved != article.id:
                    majority[assignment.split.story_id][labels[moved]] -= 1
                    majority[assignment.split.new_id][labels[moved]] += 1
        majority[assignment.story_id][label] += 1
    print(f"{path.name}: {n} continuing articles; own story not a candidate {missing} "
          f"({missing / n:.0%}), a candidate but outranked {outranked} "
          f"({outranked / n:.0%})")  # fmt: skip


def nearest(path: Path, cache: Path | None) -> None:
    import numpy as np

    articles, gold = read_stream(path)
    vectors = np.stack(embeddings(path, articles, cache))
    days = np.array([a.timestamp for a in articles]) / 86400
    labels = np.array(gold)
    own, other = [], []
    for i in range(len(articles)):
        earlier = np.arange(i)[np.abs(days[:i] - days[i]) < 7]
        same, diff = earlier[labels[earlier] == labels[i]], earlier[labels[earlier] != labels[i]]
        if len(same) and len(diff):
            own.append((vectors[same] @ vectors[i]).max())
            other.append((vectors[diff] @ vectors[i]).max())
    own_, other_ = np.array(own), np.array(other)
    deciles = [10, 25, 50, 75, 90]
    print(f"{path.name}: {len(own_)} articles; nearest own {np.percentile(own_, deciles).round(2)}"
          f", nearest other {np.percentile(other_, deciles).round(2)} (p10 p25 p50 p75 p90);"
          f" own nearer {np.mean(own_ > other_):.2f}")  # fmt: skip


def newevent(path: Path, test: StoryOptions) -> None:
    articles, gold = read_stream(path)
    index, seen = StoryIndex(test), set()
    counts: Counter = Counter()
    for article, label in zip(articles, gold, strict=True):
        first = label not in seen
        seen.add(label)
        feats = features(article, index.df, test, None, index.background)
        ranked = index._ranked(feats)
        if ranked and index._joins(ranked):
            kind = "first" if first else "continuing"
            counts[kind] += 1
            counts[f"{kind} fires"] += new_event(feats, index.stories[ranked[0][1]], test)
        index.assign(article)
    f, c = counts["first"], counts["continuing"]
    print(
        f"{path.name}: joins of a first article {f}, test fires on {counts['first fires']}"
        f" ({counts['first fires'] / max(f, 1):.0%}); joins continuing a story {c}, fires on "
        f"{counts['continuing fires']} ({counts['continuing fires'] / max(c, 1):.0%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["cues", "candidates", "nearest", "newevent"])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--embed-cache", type=Path)
    parser.add_argument("--set", action="append", default=[], help="option=value (newevent)")
    args = parser.parse_args()
    test = StoryOptions(**settings(args.set))
    for path in args.streams:
        if args.what == "cues":
            cues(path)
        elif args.what == "newevent":
            newevent(path, test)
        elif args.what == "candidates":
            candidates(path)
        else:
            nearest(path, args.embed_cache)


if __name__ == "__main__":
    main()
