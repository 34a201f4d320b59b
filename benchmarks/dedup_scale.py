"""Copy grouping at scale: synthetic documents made of real text, copied with edits.

    python benchmarks/dedup_scale.py ../shared/data/multi-news-train-5000.jsonl.gz --documents 10000

Deterministic (seeded): the first document of each cluster becomes one *original* article
(so no two originals share text); the rest of the documents are *copies* of a random
original, each edited the way republished wire copy is: re-wrapped at another width, page
furniture added above and below, cut short (up to a third of its sentences dropped), a few
words dropped, and straight quotes turned curly. The true groups are known, so the script
reports pair precision and recall besides the time of each step.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import textwrap
import time
from itertools import combinations
from pathlib import Path

from synopsis.dedup import candidate_pairs, dedup, normalize
from synopsis.model import CleanDocument, Document
from synopsis.options import DedupOptions
from synopsis.segment import segment, segment_text

FURNITURE = [
    "Home | News | World | Business | Sport",
    "Share this article",
    "Advertisement",
    "Sign up for our newsletter",
    "Related coverage",
    "Comments are closed.",
    "© All rights reserved.",
]


def originals(path: Path, count: int) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)["documents"][0].strip()
            if len(doc.split()) >= 150:
                out.append(" ".join(doc.split()[:600]))
            if len(out) == count:
                break
    return out


def edited(text: str, rng: random.Random) -> str:
    sentences = segment_text(text)
    keep = max(3, len(sentences) - rng.randint(0, len(sentences) // 3))
    words = " ".join(sentences[:keep]).split()
    words = [w for w in words if rng.random() > 0.02]  # a few words edited away
    body = " ".join(words).replace(' "', " “").replace('" ', "” ")
    wrapped = textwrap.fill(body, width=rng.randint(55, 90))
    head = rng.sample(FURNITURE, 2)
    tail = rng.sample(FURNITURE, 2)
    return "\n\n".join([*head, wrapped, *tail])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="JSONL (or .jsonl.gz) of clusters")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument(
        "--copies", type=float, default=0.6, help="share of documents that are copies"
    )
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n_copies = int(args.documents * args.copies)
    bases = originals(args.path, args.documents - n_copies)
    texts, truth = list(bases), list(range(len(bases)))
    for _ in range(args.documents - len(bases)):
        b = rng.randrange(len(bases))
        texts.append(edited(bases[b], rng))
        truth.append(b)
    order = list(range(len(texts)))
    rng.shuffle(order)
    texts, truth = [texts[i] for i in order], [truth[i] for i in order]

    t0 = time.perf_counter()
    docs = [
        segment(CleanDocument.whole(Document(id=str(i), text=t)), i) for i, t in enumerate(texts)
    ]
    t1 = time.perf_counter()
    options = DedupOptions()
    sentences = [[normalize(s.text) for s in d.sentences] for d in docs]
    pairs = candidate_pairs(sentences, options)
    t2 = time.perf_counter()
    copies = dedup(docs, options)
    t3 = time.perf_counter()

    def same_pairs(labels: list[int]) -> set[tuple[int, int]]:
        members: dict[int, list[int]] = {}
        for i, g in enumerate(labels):
            members.setdefault(g, []).append(i)
        return {p for m in members.values() for p in combinations(m, 2)}

    true_pairs, found_pairs = same_pairs(truth), same_pairs(list(copies.group_of))
    hit = len(true_pairs & found_pairs)
    n = len(texts)
    print(f"documents: {n} ({len(bases)} originals, {n - len(bases)} edited copies)")
    print(f"true groups: {len(set(truth))}; groups found: {copies.independent_sources}")
    print(f"candidate pairs from LSH: {len(pairs)} of {n * (n - 1) // 2} possible")
    print(f"same-story pairs: true {len(true_pairs)}, found {len(found_pairs)}, both {hit}")
    print(
        f"pair precision {hit / max(1, len(found_pairs)):.4f}, "
        f"recall {hit / max(1, len(true_pairs)):.4f}"
    )
    print(
        f"segment: {t1 - t0:.1f}s; LSH candidates alone: {t2 - t1:.1f}s; "
        f"dedup (LSH + alignment + union-find): {t3 - t2:.1f}s"
    )


if __name__ == "__main__":
    main()
