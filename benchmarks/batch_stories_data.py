"""Build the article corpus for the ``batch stories`` benchmark (``benchmarks/batch.md``).

    python benchmarks/batch_stories_data.py TRAIN.jsonl.gz OUT.jsonl [--split all|tune|check]

Every cluster of the input is used. A seeded share of the clusters are stories: all
their usable documents (40 words or more, no web-archive notice) are articles of one gold
story. Each other cluster gives one article, a one-off (a gold story of its own); the
share is chosen so that one-offs are ``--oneoff`` (25%) of all articles. Dates as in
stream mode's builder: topically similar stories (TF-IDF nearest neighbours, in groups of
``--group``) start within a day of their group's day over ``--span`` days, each article
arriving after its story's start (seeded exponential offsets, mean 1.5 days, at most 7);
one-offs at uniform times. Lines are in arrival order: ``id``, ``published``, ``text``,
``gold``. The output holds article text: write it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from stream_data import is_usable, schedule  # the stream builder's rules, beside this file

START = datetime(2024, 1, 1, tzinfo=timezone.utc)


def build(path: Path, which: str, seed: int, oneoff: float, group: int, span: float) -> list:
    from synopsis.evaluate import split
    from synopsis.evaluate.data import read_clusters

    rng = random.Random(seed)
    clusters = [(c.id, [d.text for d in c.documents if is_usable(d.text)]) for c in
                split(read_clusters(path), which)]  # fmt: skip
    clusters = [(cid, docs) for cid, docs in clusters if docs]
    rng.shuffle(clusters)
    # stories first, until the rest (one article each) is the wanted share of the total
    stories, story_articles = [], 0
    for n, (cid, docs) in enumerate(clusters):
        rest = len(clusters) - n
        if rest <= oneoff / (1 - oneoff) * story_articles:
            break
        if len(docs) >= 2:
            stories.append((cid, docs))
            story_articles += len(docs)
    chosen = {cid for cid, _ in stories}
    spare = [(cid, docs) for cid, docs in clusters if cid not in chosen]
    oneoffs = round(oneoff / (1 - oneoff) * story_articles)
    out = schedule(stories, rng, group, span)
    for cid, docs in spare[:oneoffs]:
        out.append((rng.uniform(0, span + 3), f"{cid}-x", rng.choice(docs), f"{cid}-x"))
    out.sort(key=lambda item: (item[0], item[1]))
    return [
        {"id": i, "published": (START + timedelta(days=d)).isoformat(), "text": t, "gold": g}
        for d, i, t, g in out
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--split", choices=["all", "tune", "check"], default="all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--oneoff", type=float, default=0.25)
    parser.add_argument("--group", type=int, default=4)
    parser.add_argument("--span", type=float, default=90.0, help="days the corpus covers")
    args = parser.parse_args()
    lines = build(args.data, args.split, args.seed, args.oneoff, args.group, args.span)
    with args.out.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    gold = {line["gold"] for line in lines}
    oneoffs = sum(1 for line in lines if line["gold"].endswith("-x"))
    print(f"{args.out}: {len(lines)} articles, {len(gold)} gold stories, "
          f"{oneoffs} one-offs ({oneoffs / len(lines):.1%})", file=sys.stderr)  # fmt: skip


if __name__ == "__main__":
    main()
