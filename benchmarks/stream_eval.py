"""Score story grouping on streams built by ``benchmarks/stream_data.py``.

    python benchmarks/stream_eval.py STREAM.jsonl [STREAM2.jsonl ...] [--set threshold=0.3]
    python benchmarks/stream_eval.py STREAM.jsonl --sweep threshold=0.2:0.6:0.05
    python benchmarks/stream_eval.py STREAM.jsonl --baseline --sweep threshold=0.1:0.6:0.05

Runs :func:`synopsis.stream.similarity.group_articles` (the code ``synopsis track``
uses) on each stream in arrival order and prints BCubed and pairwise P/R/F1, the largest
predicted and gold story, articles/s (CPU time, ``time.process_time``). ``--baseline``
is a single-pass TF-IDF centroid with a 3-day Gaussian time decay (no names, no
closest-article term, no merging). ``--sweep`` tries values of one option: choose on tune
streams only. ``--embed`` adds the article embeddings of :mod:`synopsis.stream.embed`
(``synopsis[embed]``, computed once per stream and kept in ``--embed-cache``, a folder) and
starts from ``StoryOptions.with_embeddings()``;
their CPU cost is printed when they are computed, and not counted in the grouping rate.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import time
from datetime import datetime
from pathlib import Path

from synopsis.stream.embed import EmbedOptions
from synopsis.stream.metrics import Grouping, grouping
from synopsis.stream.similarity import Article, StoryOptions, group_articles

BASELINE = {"centroid_mix": 1.0, "entity_weight": 0.0, "merge_threshold": 1.1,
            "size_penalty": 0.0, "decay_days": 3.0}  # fmt: skip


def read_stream(path: Path) -> tuple[list[Article], list[str]]:
    articles, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        when = datetime.fromisoformat(row["published"].replace("Z", "+00:00"))
        articles.append(Article(row["id"], row["text"], when, row.get("title")))
        gold.append(row["gold"])
    return articles, gold


def _value(text: str) -> object:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def settings(items: list[str]) -> dict[str, object]:
    """``field=value`` arguments (``--set``, ``--try``) as a dict, numbers parsed."""
    return {k: _value(v) for k, v in (item.split("=", 1) for item in items)}


def embeddings(path: Path, articles: list[Article], cache: Path | None,
               options: EmbedOptions | None = None) -> list:  # fmt: skip
    """The stream's article embeddings, from the cache when the stream is unchanged."""
    import numpy as np

    from synopsis.stream.embed import Embedder

    options = options or EmbedOptions()
    digest = hashlib.md5(path.read_bytes()).hexdigest()[:12]
    shape = f"{options.sentences}s{options.words}w"
    target = cache / f"{path.stem}-{digest}-{shape}.npy" if cache else None
    if target is not None and target.exists():
        return list(np.load(target))
    start = time.process_time()
    vectors = Embedder(options).encode(articles)
    cpu = time.process_time() - start
    print(f"embedded {path.name}: {len(articles)} articles, {cpu:.1f} s CPU "
          f"({len(articles) / max(cpu, 1e-9):.0f} art/s CPU)")  # fmt: skip
    if target is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(target, np.stack(vectors))  # exact float32: the same grouping as fresh
    return vectors


def evaluate(streams: list[tuple], options: StoryOptions) -> None:
    for name, articles, gold, embs in streams:
        start = time.process_time()
        predicted = group_articles(articles, options, embs)
        cpu = time.process_time() - start
        print(report_line(name, grouping(predicted, gold), len(articles), cpu))


def report_line(name: str, g: Grouping, articles: int, cpu: float, width: int = 28) -> str:
    """One stream's row: B3 P/R/F1, pairwise F1, largest and story counts against gold,
    and articles per CPU second (shared by stream_tries.py and stream_fsd.py)."""
    return (
        f"{name:{width}s} B3 P {g.bcubed.precision:.3f} R {g.bcubed.recall:.3f} "
        f"F1 {g.bcubed.f1:.3f} | pair F1 {g.pairwise.f1:.3f} | largest "
        f"{g.largest_predicted} (gold {g.largest_gold}) | stories {g.predicted_stories} "
        f"(gold {g.gold_stories}) | {articles / max(cpu, 1e-9):.0f} art/s CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("streams", nargs="+", type=Path)
    parser.add_argument("--set", action="append", default=[], help="option=value")
    parser.add_argument("--sweep", help="option=start:stop:step")
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--embed", action="store_true", help="use article embeddings")
    parser.add_argument("--embed-cache", type=Path, help="folder keeping computed embeddings")
    parser.add_argument("--embed-sentences", type=int, default=EmbedOptions.sentences)
    parser.add_argument("--embed-words", type=int, default=EmbedOptions.words)
    args = parser.parse_args()
    overrides = dict(BASELINE) if args.baseline else {}
    overrides.update(settings(args.set))
    streams = []
    for path in args.streams:
        articles, gold = read_stream(path)
        shape = EmbedOptions(sentences=args.embed_sentences, words=args.embed_words)
        embs = embeddings(path, articles, args.embed_cache, shape) if args.embed else None
        streams.append((path.name, articles, gold, embs))
    base = StoryOptions.with_embeddings() if args.embed else StoryOptions()
    options = dataclasses.replace(base, **overrides)
    if not args.sweep:
        evaluate(streams, options)
        return
    key, spec = args.sweep.split("=", 1)
    lo, hi, step = (float(x) for x in spec.split(":"))
    value = lo
    while value <= hi + 1e-9:
        print(f"-- {key}={value:g}")
        evaluate(streams, dataclasses.replace(options, **{key: round(value, 6)}))
        value += step


if __name__ == "__main__":
    main()
