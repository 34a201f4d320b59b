"""Corpus jobs: every cluster of a corpus summarized, or a corpus of articles grouped into
stories, on a local process pool (the default) or on Apache Spark (``synopsis[spark]``).

>>> from synopsis.batch import summarize_corpus
>>> summarize_corpus("clusters.jsonl", "summaries.jsonl", jobs=2)  # doctest: +SKIP
CorpusResult(output='summaries.jsonl', written=500, resumed=0, errors=0)

Both engines run the same per-cluster code (:mod:`synopsis.batch.records`), so their
records are identical; heavy libraries (pyspark, pyarrow) are imported only when used.
"""

from __future__ import annotations

from .corpus import ENGINES, CorpusResult, count_items, summarize_corpus
from .pool import default_jobs, ordered_map
from .records import read_records

__all__ = [
    "ENGINES",
    "CorpusResult",
    "count_items",
    "default_jobs",
    "ordered_map",
    "read_records",
    "summarize_corpus",
]
