"""Build seeded article streams with gold stories, for ``benchmarks/stream_eval.py``.

    python benchmarks/stream_data.py ecbplus ECBPLUS.jsonl OUT.jsonl --seed 1 [--topics tune]
    python benchmarks/stream_data.py multinews MULTINEWS.jsonl[.gz] OUT.jsonl --seed 1

Each output line is an article as ``synopsis track`` reads it (``id``, ``title``,
``text``, ``published``) plus ``gold``, its true story; lines are in arrival order. The
output holds article text: write it outside the repository (the data is research-use).

ECB+ has no dates: topics start on seeded days over ``--span`` days, the two events of a
topic within 2 days of each other, and each event's articles arrive over the following
days (seeded exponential offsets, mean 1.5 days, at most 7). ``--topics tune|check``
keeps half the topics by a seeded hash (the tune stream is built from the other half of
the topics than the one reported).

Multi-News: one cluster is one story. Documents under 40 words and web-archive notices
are dropped; clusters left with fewer than 2 documents are not stories. Topically similar
stories (nearest neighbours by TF-IDF of their documents, in groups of ``--group``) get
start times within ±1 day of their group's day; a quarter of all arrivals are one-off
articles from clusters not used as stories. ``--split tune|check`` uses the seeded
tune/check split of ``synopsis.evaluate``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

START = datetime(2024, 1, 1, tzinfo=timezone.utc)
ARCHIVE_WORDS = ("wayback", "crawl", "archive.org", "internet archive")


def _half(key: str, seed: int) -> str:
    digest = hashlib.blake2b(f"{seed}:{key}".encode(), digest_size=8).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def _arrival(rng: random.Random) -> float:
    return min(rng.expovariate(1 / 1.5), 7.0)


def ecbplus(path: Path, seed: int, topics: str, span: float) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(seed)
    by_topic: dict[int, dict[str, list[dict]]] = {}
    for row in rows:
        by_topic.setdefault(row["topic"], {}).setdefault(row["story"], []).append(row)
    out = []
    for topic in sorted(by_topic):
        if topics != "all" and _half(f"topic{topic}", 17) != topics:
            continue
        topic_day = rng.uniform(0, span)
        for story in sorted(by_topic[topic]):
            day = topic_day + rng.uniform(0, 2)
            for row in by_topic[topic][story]:
                out.append((day + _arrival(rng), row["id"], row.get("title"), row["text"], story))
    out.sort(key=lambda item: (item[0], item[1]))
    return [_line(*item) for item in out]


def _line(day: float, doc_id: str, title: str | None, text: str, gold: str) -> dict:
    when = (START + timedelta(days=day)).isoformat().replace("+00:00", "Z")
    line = {"id": doc_id, "published": when, "text": text, "gold": gold}
    if title:
        line["title"] = title
    return line


def is_usable(doc: str) -> bool:
    """An article of a stream: 40 words or more, and no web-archive notice."""
    lowered = doc.lower()
    return len(doc.split()) >= 40 and not any(w in lowered for w in ARCHIVE_WORDS)


def schedule(
    stories: list[tuple[str, list[str]]], rng: random.Random, group: int, span: float
) -> list[tuple[float, str, str, str]]:
    """Arrival times for the articles of gold stories: topically similar stories (TF-IDF
    nearest neighbours, greedily in groups of ``group``) start within a day of their
    group's day over ``span`` days, each article arriving after its story's start.
    Returns ``(day, article id, text, gold story)`` in story order."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.neighbors import NearestNeighbors

    texts = [" ".join(docs) for _, docs in stories]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    k = min(group * 3, len(stories))
    _, near = NearestNeighbors(n_neighbors=k, metric="cosine").fit(matrix).kneighbors(matrix)
    placed: set[int] = set()
    out = []
    for i in range(len(stories)):
        if i in placed:
            continue
        members = [j for j in near[i] if j not in placed][:group]
        placed.update(members)
        day = rng.uniform(0, span)
        for j in members:
            cid, docs = stories[j]
            start = day + rng.uniform(-1, 1)
            for n, doc in enumerate(docs):
                out.append((start + _arrival(rng), f"{cid}-{n}", doc, cid))
    return out


def multinews(
    path: Path, seed: int, which: str, stories: int, group: int, span: float
) -> list[dict]:
    from synopsis.evaluate import split
    from synopsis.evaluate.data import read_clusters

    clusters = split(read_clusters(path), which)
    rng = random.Random(seed)
    usable = [(c.id, [d.text for d in c.documents if is_usable(d.text)]) for c in clusters]
    rng.shuffle(usable)
    chosen = [(cid, docs) for cid, docs in usable if len(docs) >= 2][:stories]
    chosen_ids = {cid for cid, _ in chosen}
    spare = [(cid, docs) for cid, docs in usable if cid not in chosen_ids and docs]
    out = [(day, doc_id, None, text, gold) for day, doc_id, text, gold in
           schedule(chosen, rng, group, span)]  # fmt: skip
    # one-off articles: a quarter of all arrivals
    oneoffs = len(out) // 3
    if oneoffs > len(spare):
        sys.exit(f"only {len(spare)} spare clusters for {oneoffs} one-off articles")
    for cid, docs in spare[:oneoffs]:
        out.append((rng.uniform(0, span + 3), f"{cid}-x", None, rng.choice(docs), f"{cid}-x"))
    out.sort(key=lambda item: (item[0], item[1]))
    return [_line(*item) for item in out]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["ecbplus", "multinews"])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--topics", choices=["all", "tune", "check"], default="all")
    parser.add_argument("--split", choices=["all", "tune", "check"], default="all")
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--group", type=int, default=4)
    parser.add_argument("--span", type=float, default=30.0, help="days the stream covers")
    args = parser.parse_args()
    if args.kind == "ecbplus":
        lines = ecbplus(args.data, args.seed, args.topics, args.span)
    else:
        lines = multinews(args.data, args.seed, args.split, args.stories, args.group, args.span)
    opener = gzip.open if args.out.name.endswith(".gz") else open
    with opener(args.out, "wt", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    stories = len({line["gold"] for line in lines})
    print(f"{args.out}: {len(lines)} articles, {stories} gold stories", file=sys.stderr)


if __name__ == "__main__":
    main()
