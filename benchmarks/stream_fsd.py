"""First-story detection tries on tune streams (issue 17): cues and rules, kept out of the
library because none gained 0.01 on the tune minimum (``benchmarks/stream.md``, sixth pass).
They read gold labels (``cues``) or only the stream (``eval``); no text is printed.

    python benchmarks/stream_fsd.py cues STREAM.jsonl [...]
    python benchmarks/stream_fsd.py eval STREAM.jsonl [...] [--try rule=value] [--set option=value]

``cues``: replays each stream with the real rule; for every article the rule lets join a
story it records cues about the join, and prints per cue the deciles for first-article
joins (the article is its gold story's first), right continuing joins (into a story whose
majority is its own gold story) and wrong continuing joins, and the AUC (the chance that a
random first-article join has a higher cue value than a random right join; 0.5 = no
separation), overall and by the size of the story joined:

- ``score``: the best story's score; ``margin``: its lead over the runner-up (0 if none);
  ``ratio``: runner-up / best;
- ``generic``: the share of the article-centroid dot product carried by terms that occur
  in at least 2% of the articles seen so far (the topic's common words);
- ``new_names``: the share of the article's names the story never mentioned;
- ``lead_unseen``: the share of the article's 12 highest-weighted terms absent from the
  story's recent members;
- ``size``: the best story's size.

``eval``: B3-F1 of :class:`FsdIndex` (the real index plus the rules of :class:`Tries`) on
each stream, and the means of the first three and the last three (ECB+ tune, Multi-News
tune when given in that order) and their minimum, the choice rule of ``stream.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stream_eval import read_stream, report_line, settings
from synopsis.stream.metrics import grouping
from synopsis.stream.similarity import (
    DocumentFrequencies,
    Features,
    Split,
    StoryIndex,
    StoryOptions,
    _dot,
    _two_means,
    features,
)

CUES = ("score", "margin", "ratio", "generic", "new_names", "lead_unseen", "size")


@dataclass(frozen=True)
class Tries:
    """The first-story rules tried (all off by default).

    At join time, for a join scoring under ``ceiling`` (a clear match always joins), the
    article starts a story instead when the best story leads the runner-up by less than
    ``margin``, when the runner-up scores at least ``ratio`` of the best, or when the
    best score, multiplied by 1 - ``generic`` · generic share (the cue above, terms in at
    least ``common`` of the articles seen), by 1 - ``lead`` · lead_unseen and by
    1 - ``names`` · new_names, falls under the threshold.

    After the fact: ``peel`` (a ratio; 0 off) peels the one member of a story of 3 to
    ``peel_max`` whose cosine with the centroid of the others is under ``peel`` times the
    others' mean; ``small_split`` (a ratio; 0 off) lets a story of at least
    ``small_size`` split into parts of 2 (under ``split_min_part``) when the parts'
    centroids are under this stricter ratio (the split rule of the library otherwise).
    """

    ceiling: float = 1.0
    margin: float = 0.0
    ratio: float = 0.0
    generic: float = 0.0
    common: float = 0.02
    lead: float = 0.0
    names: float = 0.0
    peel: float = 0.0
    peel_max: int = 8
    small_split: float = 0.0
    small_size: int = 4

    @property
    def at_join(self) -> bool:
        return bool(self.margin or self.ratio or self.generic or self.lead or self.names)


def cues(index: StoryIndex, feats: Features, ranked) -> dict[str, float]:
    """The cues of a join into ``ranked[0]`` (see the module docstring)."""
    best, sid = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0.0
    story = index.stories[sid]
    df, n = index.df, max(index.df.documents, 1)
    contrib = {t: w * story.centroid.get(t, 0.0) for t, w in feats.vector.items()}
    total = sum(contrib.values()) or 1.0
    generic = sum(c for t, c in contrib.items() if df.counts.get(t, 0) >= 0.02 * n) / total
    ents = feats.entities
    new_names = sum(1 for e in ents if e not in story.entities) / len(ents) if ents else 0.0
    top = sorted(feats.vector.items(), key=lambda kv: (-kv[1], kv[0]))[:12]
    recent = set().union(*(set(v) for v in story.recent)) if story.recent else set()
    lead_unseen = sum(1 for t, _ in top if t not in recent) / max(len(top), 1)
    return {"score": best, "margin": best - second, "ratio": second / best if best else 0.0,
            "generic": generic, "new_names": new_names, "lead_unseen": lead_unseen,
            "size": float(story.size)}  # fmt: skip


def first_story(feats: Features, ranked: Sequence[tuple[float, str]], index: StoryIndex,
                tries: Tries) -> bool:  # fmt: skip
    """Whether the join-time rules of ``tries`` make the article start a story."""
    best = ranked[0][0]
    if best >= tries.ceiling:
        return False
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best - runner_up < tries.margin or (tries.ratio and runner_up >= tries.ratio * best):
        return True
    c = cues(index, feats, ranked)
    factor = (1 - tries.generic * c["generic"]) * (1 - tries.lead * c["lead_unseen"])
    factor *= 1 - tries.names * c["new_names"]
    return best * factor < index.options.threshold


class FsdIndex(StoryIndex):
    """The library's StoryIndex with the rules of :class:`Tries` on top."""

    def __init__(self, options: StoryOptions, tries: Tries,
                 df: DocumentFrequencies | None = None) -> None:  # fmt: skip
        super().__init__(options, df)
        self.tries = tries
        self._feats: Features | None = None

    def _ranked(self, feats: Features) -> list[tuple[float, str]]:
        self._feats = feats  # the article being assigned, for _joins
        return super()._ranked(feats)

    def _joins(self, ranked: list[tuple[float, str]]) -> bool:
        if not super()._joins(ranked):
            return False
        if not self.tries.at_join or self._feats is None:
            return True
        return not first_story(self._feats, ranked, self, self.tries)

    def _split_apart(self, story_id: str) -> Split | None:
        return super()._split_apart(story_id) or self._small(story_id) or self._peel(story_id)

    def _small(self, story_id: str) -> Split | None:
        story, t = self.stories[story_id], self.tries
        if not t.small_split or not story.splittable or len(story.members) < t.small_size:
            return None
        keep, move = _two_means([f.vector for _, f in story.members], t.small_split)
        return self._divide(story_id, keep, move) if min(len(keep), len(move)) >= 2 else None

    def _peel(self, story_id: str) -> Split | None:
        story, t = self.stories[story_id], self.tries
        members, n = story.members, len(story.members)
        if not t.peel or not story.splittable or not 3 <= n <= t.peel_max:
            return None
        total: dict[str, float] = {}
        for _, f in members:
            for term, w in f.vector.items():
                total[term] = total.get(term, 0.0) + w
        norm2 = sum(w * w for w in total.values())
        fits = []  # each member's cosine with the centroid of the others
        for _, f in members:
            shared = _dot(f.vector, total)
            rest = norm2 - 2 * shared + 1.0
            fits.append((shared - 1.0) / math.sqrt(rest) if rest > 1e-12 else 0.0)
        worst = min(range(n), key=lambda i: (fits[i], i))
        if fits[worst] >= t.peel * (sum(fits) - fits[worst]) / (n - 1):
            return None
        if worst == 0:  # the first keeps the story's id; the others move
            return self._divide(story_id, [0], list(range(1, n)))
        return self._divide(story_id, [i for i in range(n) if i != worst], [worst])


def group(articles, options: StoryOptions, tries: Tries) -> list[str]:
    """Final story ids (splits replayed, merges resolved), as ``group_articles``."""
    index, out, where = FsdIndex(options, tries), [], {}
    for article in articles:
        assignment = index.assign(article)[0]
        where[article.id] = len(out)
        out.append(assignment.story_id)
        if assignment.split is not None:
            for moved in assignment.split.moved:
                out[where[moved]] = assignment.split.new_id
    return [index.resolve(s) for s in out]


def replay(path: Path, options: StoryOptions) -> dict[str, list[dict[str, float]]]:
    """Cues of every join, by kind: ``first``, ``right`` and ``wrong`` (module docstring)."""
    articles, gold = read_stream(path)
    index, seen, labels = StoryIndex(options), set(), {}
    majority: dict[str, Counter] = defaultdict(Counter)
    out: dict[str, list[dict[str, float]]] = defaultdict(list)
    for article, label in zip(articles, gold, strict=True):
        first = label not in seen
        seen.add(label)
        feats = features(article, index.df, options, None, index.background)
        ranked = index._ranked(feats)
        if ranked and index._joins(ranked):
            sid = ranked[0][1]
            own = majority[sid].most_common(1)[0][0] == label if majority[sid] else False
            kind = "first" if first else ("right" if own else "wrong")
            out[kind].append(cues(index, feats, ranked))
        assignment = index.assign(article)[0]
        labels[article.id] = label
        if assignment.split is not None:
            for moved in assignment.split.moved:
                if moved != article.id:
                    majority[assignment.split.story_id][labels[moved]] -= 1
                    majority[assignment.split.new_id][labels[moved]] += 1
        majority[assignment.story_id][label] += 1
    return out


def auc(pos: list[float], neg: list[float]) -> float:
    """P(pos > neg) + P(pos == neg) / 2."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def deciles(values: list[float]) -> str:
    if not values:
        return "-"
    s = sorted(values)
    qs = (0.1, 0.25, 0.5, 0.75, 0.9)
    return " ".join(f"{s[min(len(s) - 1, int(q * len(s)))]:.2f}" for q in qs)


def print_cues(path: Path, options: StoryOptions) -> None:
    out = replay(path, options)
    for lo, hi in ((1, 10**9), (1, 1), (2, 3), (4, 10**9)):
        part = {k: [c for c in v if lo <= c["size"] <= hi] for k, v in out.items()}
        label = "all sizes" if hi > 10**8 and lo == 1 else f"story size {lo}-{min(hi, 999)}"
        print(f"{path.name} {label}: joins first {len(part['first'])}, right "
              f"{len(part['right'])}, wrong {len(part['wrong'])}")  # fmt: skip
        for cue in CUES:
            f, r, w = ([c[cue] for c in part[k]] for k in ("first", "right", "wrong"))
            print(f"  {cue:12s} AUC first>right {auc(f, r):.2f}  first [{deciles(f)}]  "
                  f"right [{deciles(r)}]  wrong [{deciles(w)}]")  # fmt: skip


def evaluate(paths: list[Path], options: StoryOptions, tries: Tries) -> None:
    scores = []
    for path in paths:
        articles, gold = read_stream(path)
        start = time.process_time()
        predicted = group(articles, options, tries)
        cpu = time.process_time() - start
        g = grouping(predicted, gold)
        scores.append(g.bcubed.f1)
        print(report_line(path.name, g, len(articles), cpu, width=24))
    if len(scores) == 6:
        a, b = sum(scores[:3]) / 3, sum(scores[3:]) / 3
        print(f"means {a:.3f} {b:.3f} min {min(a, b):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["cues", "eval"])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--set", action="append", default=[], help="StoryOptions field=value")
    parser.add_argument("--try", dest="tries", action="append", default=[],
                        help="Tries field=value (eval)")  # fmt: skip
    args = parser.parse_args()
    changes = settings(args.set)
    options = dataclasses.replace(StoryOptions(), **changes)
    tries = Tries(**settings(args.tries))
    if args.what == "cues":
        for path in args.streams:
            print_cues(path, options)
    else:
        evaluate(args.streams, options, tries)


if __name__ == "__main__":
    main()
