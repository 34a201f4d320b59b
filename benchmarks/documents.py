"""Whole-document decisions of cleaning: every dropped document, and the short kept ones.

    python benchmarks/documents.py list DATA/multi-news-validation-500.jsonl --split tune
    python benchmarks/documents.py list DATA/multi-news-full-100.jsonl --split check --short 80
    python benchmarks/documents.py list DATA/ecbplus/ecbplus_docs.jsonl --ecbplus --split check
    python benchmarks/documents.py inject DATA/multi-news-full-100.jsonl --split tune
    python benchmarks/documents.py common-words DATA/multi-news-train-5000.jsonl.gz
    python benchmarks/documents.py pages DATA/multi-news-train-5000.jsonl.gz [--show 400]

``list`` prints, per cluster of the chosen half (``synopsis.evaluate.data.split``), every
document cleaning drops whole (cluster id, document index, reason, raw words), every note
it leaves on a kept one (two sources that share no story, both kept), and every
kept document whose body is shorter than ``--short`` words (the ones most likely to hold
no story), then the counts by reason and clean's CPU time per cluster. ``--show N``
prints the first N characters of each listed body, for reading by hand only: the data
are research-use, keep that output to yourself. ``--topic`` adds each document's
topicality figures.

``inject`` measures the off-topic rule where the truth is known: into each cluster it
puts one live document of another cluster of the same half (``random.Random(13)``), and
counts how many of those the rule marks off-topic and how many of the cluster's own
documents it marks, over a grid of the two thresholds (``topic_agreement``,
``topic_max_story``). The cluster's own documents are not all on the story, so that
count is an upper bound on wrong drops; ``list`` shows which they are.

``pages`` looks at the page rule (``cleaning.stories._judge_pages``) from the other side:
in every cluster of three or more sources it lists each document long enough to judge
that :func:`synopsis.cleaning.kinds.reads_as_page`, with how many of its sentences are
matched in another document (the story test) and whether the rule drops it, so the
pages that share the story (kept) can be read beside the ones dropped.

``list`` also runs on an older checkout (``PYTHONPATH=<checkout>/src``), for a before
and after. ``common-words`` prints the content words found in at least ``--share`` of the clusters
(the list kept as ``synopsis.furniture.COMMON_WORDS``).

Times are CPU seconds (``time.process_time``), which other work on a shared machine
distorts less than wall time.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from collections import Counter

from synopsis.cleaning import clean_cluster
from synopsis.evaluate.data import read_clusters, split
from synopsis.model import Cluster
from synopsis.options import CleanOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("list", "inject", "common-words", "pages"))
    parser.add_argument("path", help="a JSONL / Multi-News file (or ECB+ docs with --ecbplus)")
    parser.add_argument("--split", default="all", help="all, tune or check (seeded halves)")
    parser.add_argument("--ecbplus", action="store_true", help="ECB+ docs grouped by story")
    parser.add_argument("--short", type=int, default=80, help="list kept bodies under N words")
    parser.add_argument("--show", type=int, default=0, help="print N characters of each body")
    parser.add_argument("--topic", action="store_true", help="print topicality per document")
    parser.add_argument("--share", type=float, default=0.05, help="common-words: cluster share")
    args = parser.parse_args()

    if args.ecbplus:
        from cross_source import _ecbplus

        clusters = split(_ecbplus(args.path), args.split)
    else:
        clusters = split(read_clusters(args.path), args.split)
    if args.command == "list":
        list_documents(clusters, args)
    elif args.command == "inject":
        inject(clusters)
    elif args.command == "pages":
        pages(clusters, args.show)
    else:
        common_words(clusters, args.share)


def list_documents(clusters: list[Cluster], args: argparse.Namespace) -> None:
    options = CleanOptions()
    reasons: Counter[str] = Counter()
    documents = short = notes = 0
    cpu = 0.0
    for cluster in clusters:
        start = time.process_time()
        cleaned = clean_cluster(cluster.documents, options)
        cpu += time.process_time() - start
        figures = {}
        if args.topic:
            from synopsis.cleaning.stories import topicality

            figures = topicality(cleaned, options, exact=True)
        for i, c in enumerate(cleaned):
            documents += 1
            text = c.document.text
            words = sum(len(text[s.start : s.end].split()) for s in c.body)
            note = getattr(c, "note", None)  # None on a checkout from before notes
            if note:  # kept with a doubt: two sources of two stories
                notes += 1
                print(f"NOTE {cluster.id} d{i}: {note}")
            if c.dropped:
                reasons[c.dropped] += 1
                print(f"DROP {cluster.id} d{i} ({len(text.split())} raw words): {c.dropped}")
            elif words < args.short:
                short += 1
                print(f"SHORT {cluster.id} d{i} ({words} body words)")
            elif not args.topic:
                continue
            if i in figures:
                t = figures[i]
                print(
                    f"  topic {cluster.id} d{i}: {t.story} of {t.sentences} sentences story, "
                    f"agreement {t.agreement:.2f}, {t.groups} sources, {t.copies} copies"
                )
            if args.show:
                body = " | ".join(text[s.start : s.end].strip() for s in c.body)
                print("   ", (body or text)[: args.show].replace("\n", " "))
    print(f"\n{len(clusters)} clusters, {documents} documents, {short} kept under {args.short}")
    print(f"kept with a note: {notes}; dropped {sum(reasons.values())}:")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")
    print(f"clean_cluster CPU: {1000 * cpu / max(len(clusters), 1):.2f} ms per cluster")


AGREEMENT = (0.2, 0.3, 0.4, 0.5)
MAX_STORY = (0.0, 0.05, 0.1, 0.2)
MIN_WORDS = (0, 150, 250, 400)


def inject(clusters: list[Cluster]) -> None:
    from synopsis.cleaning.stories import topicality

    rng = random.Random(13)
    never = dataclasses.replace(CleanOptions(), topic_agreement=2.0)  # figures only
    rows = []
    for k, cluster in enumerate(clusters):
        donor = clusters[(k + rng.randrange(1, len(clusters))) % len(clusters)]
        kept = clean_cluster(donor.documents, never)
        live = [d for d, c in zip(donor.documents, kept, strict=True) if c.dropped is None]
        if not live:
            continue
        extra = dataclasses.replace(rng.choice(live), id=f"injected-from-{donor.id}")
        documents = (*cluster.documents, extra)
        figures = topicality(clean_cluster(documents, never), never, exact=True)
        for i, t in figures.items():
            rows.append((cluster.id, i, i == len(documents) - 1, t))
    injected = sum(1 for r in rows if r[2])
    print(f"{len(clusters)} clusters, {injected} injected documents, {len(rows) - injected} own")
    base = CleanOptions()
    grid = [(a, s, n) for n in MIN_WORDS for a in AGREEMENT for s in MAX_STORY]
    for agreement, max_story, min_words in grid:
        caught, own = 0, []
        for cid, i, is_injected, t in rows:
            off = (
                not t.longest
                and t.groups >= base.topic_min_groups
                and t.agreement >= agreement
                and t.sentences >= base.topic_min_sentences
                and t.words >= min_words
                and t.copies == 1
                and t.story <= max_story * t.sentences
            )
            if off and is_injected:
                caught += 1
            elif off:
                own.append(f"{cid}/d{i}")
        print(
            f"words >= {min_words:3d}, agreement >= {agreement:.2f}, story <= "
            f"{max_story:.2f}: injected caught {caught}/{injected}; own documents marked "
            f"{len(own)} {' '.join(own)}"
        )


def pages(clusters: list[Cluster], show: int) -> None:
    from synopsis.cleaning.kinds import page_cues, reads_as_page
    from synopsis.cleaning.reasons import OFF_TOPIC_PAGE
    from synopsis.cleaning.stories import _body_words, _copy_groups, _sentence_words, _shares

    options = CleanOptions()
    never = dataclasses.replace(options, page_min_cues=10**9)  # the others, as the rule sees them
    judged = listed = dropped = 0
    for cluster in clusters:
        cleaned = clean_cluster(cluster.documents, never)
        live = [i for i, c in enumerate(cleaned) if c.dropped is None]
        words = {i: _sentence_words(cleaned[i]) for i in live}
        vocab = {i: set().union(*words[i]) for i in live}
        groups = set(_copy_groups(live, vocab, options.topic_copy_similarity).values())
        if len(groups) < options.topic_min_groups:
            continue
        judged += 1
        final = clean_cluster(cluster.documents, options)
        for i in live:
            body, n = cleaned[i].body_text, len(words[i])
            if n < options.page_min_sentences or _body_words(cleaned[i]) < options.page_min_words:
                continue
            if not reads_as_page(body, options.page_min_cues):
                continue
            story = sum(
                any(_shares(w, words[j], None, options.topic_shared_words) for j in live if j != i)
                for w in words[i]
            )
            listed += 1
            drop = final[i].dropped == OFF_TOPIC_PAGE
            dropped += drop
            page, reader, narrative = page_cues(body)
            print(
                f"{'DROP' if drop else 'kept'} {cluster.id} d{i}: {story} of {n} sentences "
                f"matched; cues page {page}, reader {reader}, narrative {narrative}"
            )
            if show:
                print("   ", body[:show].replace("\n", " "))
    print(f"\n{judged} clusters of 3+ sources; {listed} documents read as pages; {dropped} dropped")


def common_words(clusters: list[Cluster], share: float) -> None:
    from synopsis.cleaning.stories import _content_words

    df: Counter[str] = Counter()
    for cluster in clusters:
        df.update(set().union(*(_content_words(d.text) for d in cluster.documents)))
    words = sorted(w for w, n in df.items() if n >= share * len(clusters))
    print(f"{len(words)} words in at least {share:.0%} of {len(clusters)} clusters:")
    print(" ".join(words))


if __name__ == "__main__":
    main()
