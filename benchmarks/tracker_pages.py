"""How far apart the two versions on change-tracker pages are, to size ``version_window``.

    python benchmarks/tracker_pages.py DATA.jsonl[.gz] [...] [--sample examples/iran-isis-2014]

Cleans every cluster and, for each page with a change-tracker banner, prints the number of
sentences the tracker rule sees and the farthest distance (in sentences) from a sentence to
the first later one it matches, comparing every later sentence (no window). Prints the
number of tracker pages and the largest of both figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import synopsis.cleaning.documents as documents
from synopsis.cleaning import clean_cluster, trackers
from synopsis.evaluate import read_clusters
from synopsis.ingest import load

stats: list[tuple[int, int]] = []
_rule = trackers.drop_older_versions


def measured(text, lines, options, cut) -> None:
    units = [
        {w.lower() for w in trackers.WORD.findall(text[x:y])}
        for line in lines
        for a, b in line.keep
        for x, y in trackers._sentences(text, a, b)
    ]
    far = 0
    for i, words in enumerate(units):
        if len(words) < 4:
            continue
        for j in range(i + 1, len(units)):
            if len(units[j]) >= 4 and trackers._same_sentence(words, units[j], options):
                far = max(far, j - i)
                break
    stats.append((len(units), far))
    _rule(text, lines, options, cut)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*")
    parser.add_argument("--sample")
    args = parser.parse_args()
    documents.drop_older_versions = measured
    clusters = [c for path in args.data for c in read_clusters(path)]
    if args.sample:
        clusters += load(Path(args.sample)).clusters
    for cluster in clusters:
        clean_cluster(cluster.documents)
    print(f"{len(clusters)} clusters, {len(stats)} tracker pages")
    for units, far in stats:
        print(f"  {units} sentences, farthest later version {far} sentences on")


if __name__ == "__main__":
    main()
