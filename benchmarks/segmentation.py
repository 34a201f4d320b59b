"""Sentence-boundary accuracy and speed of the segmenters on a hand-labelled set.

    python benchmarks/segmentation.py [--set benchmarks/segmentation/sentences.txt]

The set (``benchmarks/segmentation/sentences.txt``, written for this benchmark, see its
header) marks every sentence start. Each document runs through the real
:func:`synopsis.segment.segment` (paragraphs, hard-wrap joining, glue and quotation rules)
with each splitter; a boundary is a sentence start other than the document's first.
Precision, recall and F1 are over boundaries pooled across documents; time is CPU
(``time.process_time``) per document, the median of repeated passes.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import statistics
import textwrap
import time
from pathlib import Path

from synopsis.model import CleanDocument, Document
from synopsis.options import SegmentOptions
from synopsis.segment import SPLITTERS, segment

MARK = "¦"
DEFAULT_SET = Path(__file__).with_name("segmentation") / "sentences.txt"


@dataclasses.dataclass(frozen=True)
class Item:
    id: str
    text: str
    starts: frozenset[int]  # gold sentence starts, the document's first excluded
    sentences: int


def load(path: Path) -> list[Item]:
    """The labelled documents: text without marks, and the offsets the marks stood at."""
    items: list[Item] = []
    blocks = re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    for block in blocks:
        header, _, body = block.partition("\n")
        name, *flags = header.split()
        wrap = next((int(f[5:]) for f in flags if f.startswith("wrap=")), 0)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body.strip())]
        if wrap:
            paragraphs = [textwrap.fill(p, wrap) for p in paragraphs]
        marked = "\n\n".join(paragraphs) + "\n"
        text, starts, pos = [], set(), 0
        for piece in marked.split(MARK):
            if text:
                starts.add(pos)
            text.append(piece)
            pos += len(piece)
        items.append(Item(name, "".join(text), frozenset(starts), len(starts) + 1))
    return items


def boundaries(text: str, splitter: str) -> set[int]:
    doc = CleanDocument.whole(Document(id="x", text=text))
    sentences = segment(doc, options=SegmentOptions(splitter=splitter)).sentences
    for s in sentences:  # offsets stay exact
        if text[s.start : s.end].split() != s.text.split():
            raise AssertionError(f"offsets drift at {s.start}")
    return {s.start for s in sentences[1:]}


def score(items: list[Item], splitter: str) -> tuple[float, float, float, list[str]]:
    tp = fp = fn = 0
    errors = []
    for item in items:
        found = boundaries(item.text, splitter)
        tp += len(found & item.starts)
        fp += len(found - item.starts)
        fn += len(item.starts - found)
        errors += [
            f"{item.id}: extra at {item.text[p - 12 : p + 12]!r}"
            for p in sorted(found - item.starts)
        ]
        errors += [
            f"{item.id}: missed at {item.text[p - 12 : p + 12]!r}"
            for p in sorted(item.starts - found)
        ]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, errors


def cpu_per_document(items: list[Item], splitter: str, passes: int = 5) -> float:
    docs = [CleanDocument.whole(Document(id=i.id, text=i.text)) for i in items]
    options = SegmentOptions(splitter=splitter)
    times = []
    for _ in range(passes):
        t0 = time.process_time()
        for d in docs:
            segment(d, options=options)
        times.append((time.process_time() - t0) / len(docs))
    return statistics.median(times)


def _add_candidates() -> None:
    """Compiled or rule-based segmenters from PyPI, where installed (not dependencies)."""
    try:
        import pysbd

        sbd = pysbd.Segmenter(language="en", clean=False, char_span=True)

        def split_pysbd(chunk: str) -> list[tuple[int, int]]:
            spans = []
            for span in sbd.segment(chunk):
                a, b = span.start, span.end
                while b > a and chunk[b - 1].isspace():
                    b -= 1
                spans.append((a, b))
            return spans

        SPLITTERS["pysbd"] = split_pysbd
    except ImportError:
        pass
    try:
        import blingfire

        def split_blingfire(chunk: str) -> list[tuple[int, int]]:
            return list(blingfire.text_to_sentences_and_offsets(chunk)[1])

        SPLITTERS["blingfire"] = split_blingfire
    except ImportError:
        pass


def kind(text: str, start: int) -> str:
    """What stands before a boundary: names the rule that decided it (no text is shown)."""
    before = text[:start]
    if before and not before[-1].isspace():
        return "glued"
    word = before.split()[-1] if before.split() else ""
    bare = word.rstrip("\"'”’)]").lower()
    if bare in ("a.m.", "p.m."):
        return "a.m./p.m."
    if re.fullmatch(r"(?:[a-z]\.){2,}", bare):
        return "dotted acronym"
    if re.fullmatch(r"[a-z]\.", bare):
        return "initial"
    if bare.endswith(".") and len(bare) <= 6 and bare[:-1].isalpha() and word[0].isupper():
        return "short capitalised word"
    if word.endswith(('"', "”", "’", "'")):
        return "after a closing quote"
    return "other"


def compare(paths: list[Path], split_name: str, a: str, b: str) -> None:
    """Boundaries found by only one of two splitters on real documents, by kind."""
    from collections import Counter

    from synopsis.cleaning import clean_cluster
    from synopsis.evaluate import read_clusters, split

    only: dict[str, Counter[str]] = {a: Counter(), b: Counter()}
    total = docs = changed = 0
    for path in paths:
        for cluster in split(read_clusters(path), split_name):
            for clean in clean_cluster(cluster.documents):
                text = clean.document.text
                found = {}
                for name in (a, b):
                    seg = segment(clean, options=SegmentOptions(splitter=name))
                    found[name] = {s.start for s in seg.sentences[1:]}
                docs += 1
                total += len(found[a])
                changed += found[a] != found[b]
                for x, y in ((a, b), (b, a)):
                    only[x].update(kind(text, p) for p in found[x] - found[y])
    print(f"{docs} documents, {changed} segmented differently; {total} boundaries by {a}")
    for name, counts in only.items():
        print(f"only {name}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--errors", action="store_true", help="List every wrong boundary.")
    parser.add_argument(
        "--compare", type=Path, nargs="+", help="Data sets: count where rules and syntok differ."
    )
    parser.add_argument("--split", default="check", help="Half of --compare data to read.")
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.split, "rules", "syntok")
        return
    _add_candidates()
    items = load(args.set)
    n = sum(i.sentences for i in items)
    b = sum(len(i.starts) for i in items)
    print(f"{len(items)} documents, {n} sentences, {b} boundaries\n")
    print("| splitter | precision | recall | F1 | CPU ms / document |")
    print("|---|---:|---:|---:|---:|")
    for name in SPLITTERS:
        p, r, f, errors = score(items, name)
        ms = 1000 * cpu_per_document(items, name)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {ms:.3f} |")
        if args.errors:
            print("\n".join(f"    {e}" for e in errors))


if __name__ == "__main__":
    main()
