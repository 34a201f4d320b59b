"""Oracle replays: how far better join-or-start decisions alone could take story grouping.

    python benchmarks/stream_oracle.py STREAM.jsonl [...] [--embed --embed-cache DIR]
        [--set option=value]

Replays each stream through :class:`synopsis.stream.similarity.StoryIndex` three ways and
prints B3 P/R/F1: ``as is`` (the real rule); ``first starts`` (an article that is the first
of its gold story always starts a story, the others decide as usual); ``perfect decisions``
(first articles start a story, every other article joins its best-scoring candidate: the
join-or-start decision is always right, only the ranking of stories is the system's own).
The last is the ceiling of any threshold or new-story rule on this scoring. For diagnosis
on tune streams only: the oracle reads the gold labels.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from stream_eval import embeddings, read_stream, settings
from synopsis.stream.metrics import grouping
from synopsis.stream.similarity import StoryIndex, StoryOptions


class OracleIndex(StoryIndex):
    """A StoryIndex whose join-or-start decision is set from outside, per article."""

    decision: str = "rule"  # "rule", "start" or "join"

    def _joins(self, ranked: list[tuple[float, str]]) -> bool:
        if self.decision == "rule":
            return super()._joins(ranked)
        return self.decision == "join"


def replay(articles, gold, options, embs, mode: str) -> list[str]:
    index, seen, out, where = OracleIndex(options), set(), [], {}
    for article, label, emb in zip(articles, gold, embs, strict=True):
        first = label not in seen
        seen.add(label)
        if mode == "as is":
            index.decision = "rule"
        elif first:
            index.decision = "start"
        else:
            index.decision = "join" if mode == "perfect decisions" else "rule"
        assignment = index.assign(article, emb)[0]
        where[article.id] = len(out)
        out.append(assignment.story_id)
        if assignment.split is not None:  # moved articles now belong to the new story
            for moved in assignment.split.moved:
                out[where[moved]] = assignment.split.new_id
    return [index.resolve(s) for s in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--embed", action="store_true", help="use article embeddings")
    parser.add_argument("--embed-cache", type=Path, help="folder keeping computed embeddings")
    parser.add_argument("--set", action="append", default=[], help="StoryOptions field=value")
    args = parser.parse_args()
    options = StoryOptions.with_embeddings() if args.embed else StoryOptions()
    changes = settings(args.set)
    options = dataclasses.replace(options, **changes)
    for path in args.streams:
        articles, gold = read_stream(path)
        embs = embeddings(path, articles, args.embed_cache) if args.embed else [None] * len(gold)
        for mode in ("as is", "first starts", "perfect decisions"):
            g = grouping(replay(articles, gold, options, embs, mode), gold)
            print(
                f"{path.name:24s} {mode:18s} B3 P {g.bcubed.precision:.3f} "
                f"R {g.bcubed.recall:.3f} F1 {g.bcubed.f1:.3f} | largest {g.largest_predicted}"
                f" (gold {g.largest_gold})"
            )


if __name__ == "__main__":
    main()
