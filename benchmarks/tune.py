"""Compare synopsis option variants on the tune halves (choices are made there only).

    python benchmarks/tune.py DATA.jsonl [DATA2.jsonl ...] --variants base,lexrank

``--split check`` exists to report, once choices are fixed, what each kept change bought
on the check halves; never to choose between variants.

Segmentation does not depend on the options tried here, so each cluster is segmented
once and only scoring and selection are re-run per variant (what ``pipeline.run`` does
minus attribution, which does not change the summary's text). ROUGE is computed by the
same :class:`synopsis.evaluate.RougeMetric` and the same budget cut as ``synopsis eval``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable

import numpy as np

from synopsis.evaluate import RougeMetric, cut, read_clusters, split
from synopsis.model import CleanDocument
from synopsis.options import Options
from synopsis.score import score
from synopsis.segment import segment
from synopsis.select import select

WORDS = 300


def with_score(**kw: object) -> Callable[[Options], Options]:
    return lambda o: dataclasses.replace(o, score=dataclasses.replace(o.score, **kw))


def with_select(**kw: object) -> Callable[[Options], Options]:
    return lambda o: dataclasses.replace(o, select=dataclasses.replace(o.select, **kw))


def both(*fs: Callable[[Options], Options]) -> Callable[[Options], Options]:
    def apply(o: Options) -> Options:
        for f in fs:
            o = f(o)
        return o

    return apply


# Each variant changes the current defaults; add rows here to try more.
VARIANTS: dict[str, Callable[[Options], Options]] = {
    "base": lambda o: o,
    # The steps from the first defaults to the tuned ones, for the report:
    "step0-centroid-lam0.7": both(with_score(scorer="centroid"), with_select(mmr_lambda=0.7)),
    "step1-learned-lam0.7": both(with_score(scorer="learned"), with_select(mmr_lambda=0.7)),
    "step2-learned-lam1": both(with_score(scorer="learned"), with_select(mmr_lambda=1.0)),
    "lexrank": with_score(scorer="lexrank"),
    "pos0": with_score(position_weight=0.0),
    "pos0.15": with_score(position_weight=0.15),
    "pos0.7": with_score(position_weight=0.7),
    "sup0": with_score(support_weight=0.0),
    "sup1": with_score(support_weight=1.0),
    "red0.3": with_select(redundancy_threshold=0.3),
    "red0.7": with_select(redundancy_threshold=0.7),
    "lam1": with_select(mmr_lambda=1.0),
    "lam0.5": with_select(mmr_lambda=0.5),
    "min10": with_select(min_words=10),
    "min15": with_select(min_words=15),
    "max40": with_select(max_words=40),
    "max80": with_select(max_words=80),
    "learned": with_score(scorer="learned"),
    "learned-lam1": both(with_score(scorer="learned"), with_select(mmr_lambda=1.0)),
    "learned-lam0.5": both(with_score(scorer="learned"), with_select(mmr_lambda=0.5)),
    "learned-lam1-red0.4": both(
        with_score(scorer="learned"), with_select(mmr_lambda=1.0, redundancy_threshold=0.4)
    ),
    "learned-lam1-red0.6": both(
        with_score(scorer="learned"), with_select(mmr_lambda=1.0, redundancy_threshold=0.6)
    ),
    "learned-lam1-min4": both(
        with_score(scorer="learned"), with_select(mmr_lambda=1.0, min_words=4)
    ),
    "learned-lam1-max45": both(
        with_score(scorer="learned"), with_select(mmr_lambda=1.0, max_words=45)
    ),
}


def prepare(path: str, limit: int | None, half: str = "tune") -> list[tuple[object, list, str]]:
    clusters = split(read_clusters(path), half)[:limit]
    out = []
    for c in clusters:
        segs = [segment(CleanDocument.whole(d), i) for i, d in enumerate(c.documents)]
        out.append((c, segs, c.reference or ""))
    return out


def run_variant(prepared: list, options: Options, metric: RougeMetric) -> dict[str, float]:
    r1, r2, rl, words = [], [], [], []
    start = time.perf_counter()
    for _, segs, reference in prepared:
        if not any(s.sentences for s in segs):
            sentences: list[str] = []
        else:
            scored = score(segs, options.score)
            chosen = select(scored, options.select)
            sentences = [scored.sentences[i].text for i in chosen.indices]
        summary = cut(sentences, WORDS)
        s = metric.score(summary, reference)
        r1.append(s.rouge1.fmeasure)
        r2.append(s.rouge2.fmeasure)
        rl.append(s.rougeLsum.fmeasure)
        words.append(sum(len(x.split()) for x in summary))
    return {
        "R-1": 100 * float(np.mean(r1)),
        "R-2": 100 * float(np.mean(r2)),
        "R-Lsum": 100 * float(np.mean(rl)),
        "words": float(np.mean(words)),
        "seconds": time.perf_counter() - start,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="+")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--split", default="tune", choices=["tune", "check"])
    args = parser.parse_args()
    metric = RougeMetric()
    base = Options.with_words(WORDS)
    names = args.variants.split(",")
    data = {path: prepare(path, args.limit, args.split) for path in args.data}
    print("| variant | " + " | ".join(f"{p.split('/')[-1]} R-1 / R-2" for p in data) + " |")
    print("|---|" + "---|" * len(data))
    for name in names:
        options = VARIANTS[name](base)
        cells = []
        for prepared in data.values():
            r = run_variant(prepared, options, metric)
            cells.append(f"{r['R-1']:.2f} / {r['R-2']:.2f} ({r['words']:.0f}w)")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
