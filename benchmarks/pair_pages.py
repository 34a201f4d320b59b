"""List the documents the two-source page rule drops, and the two-source pairs left.

    python benchmarks/pair_pages.py DATA.jsonl[.gz] [--split tune] [--show]

Cleans every cluster of the split (:func:`synopsis.cleaning.clean_cluster`) and prints,
for each document dropped as a page beside a source that is no report either
(``OFF_TOPIC_PAIR_PAGE``), and for each pair kept with the "share no story" note, the
cluster id, the document index, its body words and its (page, reader, narrative) cues
(:func:`synopsis.cleaning.kinds.page_cues`). ``--show`` prints the start of each body so a
person can judge it (for reading only, never for committing: the data is research-use).
"""

from __future__ import annotations

import argparse
import sys

from synopsis.cleaning import clean_cluster
from synopsis.cleaning.kinds import page_cues, reads_as_news, reads_as_page
from synopsis.cleaning.reasons import OFF_TOPIC_PAIR_PAGE
from synopsis.evaluate.data import read_clusters, split


def describe(cluster_id: str, index: int, body: str, tag: str, show: bool) -> None:
    """One line per document: what it is and what the kinds say of it."""
    cues = page_cues(body)
    kind = f"news={reads_as_news(body)} page={reads_as_page(body)}"
    print(f"{tag}\t{cluster_id}\td{index}\t{len(body.split())} words\tcues={cues}\t{kind}")
    if show:
        print("    " + body[:600].replace("\n", " "))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--split", default="tune", choices=("tune", "check", "all"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    dropped = kept = 0
    for cluster in split(read_clusters(args.data), args.split):
        cleaned = clean_cluster(cluster.documents)
        for i, c in enumerate(cleaned):
            if c.dropped == OFF_TOPIC_PAIR_PAGE:
                dropped += 1
                describe(cluster.id, i, c.body_text, "DROP", args.show)
                others = [j for j, o in enumerate(cleaned) if j != i and o.dropped is None]
                for j in others:
                    describe(cluster.id, j, cleaned[j].body_text, "  kept", args.show)
            elif c.note:
                kept += 1
                for j, o in enumerate(cleaned):
                    if o.dropped is None:
                        describe(cluster.id, j, o.body_text, "PAIR", args.show)
    print(f"{dropped} dropped as a page beside a non-report; {kept} pairs kept with the note")


if __name__ == "__main__":
    main(sys.argv[1:])
