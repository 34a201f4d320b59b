"""Does counting support in independent copy groups (not documents) change ROUGE?

    python benchmarks/support_rouge.py ../shared/data/multi-news-full-100.jsonl --words 300

Runs the summarizer twice per cluster: with dedup (support counts other copy groups) and
with dedup disabled (every document is its own group: support counts other documents, the
behaviour before copy groups). Prints mean ROUGE-1/2/L F1 (rouge-score, stemmed) of each,
and on how many clusters the summaries differ at all. A short benchmark, not the harness.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics

from rouge_score import rouge_scorer

import synopsis
from synopsis.options import DedupOptions, Options


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="Multi-News style JSONL with reference summaries")
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    grouped = Options.with_words(args.words)
    documents = dataclasses.replace(grouped, dedup=DedupOptions(enabled=False))
    scores: dict[str, dict[str, list[float]]] = {"groups": {}, "documents": {}}
    differ = with_copies = 0
    clusters = [c for c in synopsis.load([args.path]).clusters if c.reference]
    for cluster in clusters:
        texts = {}
        for name, options in (("groups", grouped), ("documents", documents)):
            summary = synopsis.summarize(cluster, options=options)
            texts[name] = summary.text
            for metric, s in scorer.score(cluster.reference, summary.text).items():
                scores[name].setdefault(metric, []).append(s.fmeasure)
            if name == "groups":
                with_copies += summary.independent_sources < len(summary.documents)
        differ += texts["groups"] != texts["documents"]
    print(f"clusters: {len(clusters)}; with copies: {with_copies}; summaries that differ: {differ}")
    for name, label in (
        ("documents", "support = other documents"),
        ("groups", "support = other copy groups"),
    ):
        means = "  ".join(f"{m} {100 * statistics.mean(v):.2f}" for m, v in scores[name].items())
        print(f"{label:<30} {means}")


if __name__ == "__main__":
    main()
