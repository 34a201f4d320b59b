"""``group_stories``: a corpus of articles grouped into stories, all at once.

The notion of a story is stream mode's (:mod:`synopsis.stream.similarity`): the same
words, names, TF-IDF weighting, time decay, threshold and window. What differs is that
the whole corpus is known in advance, so

1. document frequencies are counted over the whole corpus (order does not matter);
2. **candidates**: each article's ``key_terms`` highest-weighted terms are MinHashed and
   LSH finds the pairs whose key-term sets have a Jaccard similarity of about
   ``key_jaccard`` or more (datasketch locally, Spark ML's ``MinHashLSH`` on Spark),
   kept when that Jaccard is really reached and the two lie within the time window;
3. **confirmation**: a candidate pair is one story when stream mode's similarity of one
   article to a story made of the other reaches the threshold;
4. **stories**: connected components of the confirmed pairs (SciPy locally, iterative
   label propagation on Spark). A story's id is stream mode's id for its earliest
   article, so the two modes name a story alike.

Steps 1-3 split over partitions; step 4 is the part that is not embarrassingly parallel
(a component can span every partition), which is why Spark needs several rounds there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..errors import InputError
from ..stream.similarity import (
    DAY,
    Article,
    DocumentFrequencies,
    Features,
    StoryOptions,
    features,
    similarity,
    story_id_for,
    tokens,
)
from .records import Item, parse_json, read_items, text_payload

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

PairScore = Callable[[Features, Features, StoryOptions], float]


@dataclass(frozen=True)
class GroupOptions:
    """Candidate search; what a story is comes from ``story`` (stream mode's options)."""

    story: StoryOptions = field(default_factory=StoryOptions)
    # Terms per article that go into its MinHash (the highest TF-IDF weights).
    key_terms: int = 30
    # Key-term Jaccard from which a pair is a candidate (LSH's threshold, then checked).
    # Chosen on the tune corpus (benchmarks/batch.md): 0.03 found 0.004 more F1 with
    # 3.7 times the candidates, 0.08 lost 0.019.
    key_jaccard: float = 0.05
    permutations: int = 128  # datasketch permutations
    hash_tables: int = 40  # Spark MinHashLSH tables (an OR of single hashes)
    # Confirmed pairs need this similarity (None: stream mode's join threshold). Chosen on
    # the tune corpus (benchmarks/batch.md), where it was also stream mode's threshold
    # then; kept apart since: one article against one article is not one article against
    # a story's centroid, and stream mode's later 0.22 cost 0.02 F1 here.
    threshold: float | None = 0.18

    @property
    def pair_threshold(self) -> float:
        return self.story.threshold if self.threshold is None else self.threshold


@dataclass(frozen=True)
class Stories:
    """One story id per article (input order), and how much work finding them took."""

    article_ids: tuple[str, ...]
    labels: tuple[str, ...]
    candidate_pairs: int  # pairs LSH proposed (within the window)
    confirmed_pairs: int  # of those, pairs similar enough to be one story
    skipped: tuple[tuple[int, str], ...] = ()  # (line, reason) of unreadable articles

    @property
    def all_pairs(self) -> int:
        n = len(self.labels)
        return n * (n - 1) // 2

    def groups(self) -> dict[str, list[str]]:
        """Story id to its article ids, stories in order of their first article."""
        out: dict[str, list[str]] = {}
        for article_id, label in zip(self.article_ids, self.labels, strict=True):
            out.setdefault(label, []).append(article_id)
        return out


def to_article(item: Item) -> Article:
    """One input row (``id``, ``text``, ``published``?, ``title``?) as an Article."""
    payload, where = text_payload(item)
    record = payload if isinstance(payload, Mapping) else parse_json(str(payload), where)
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
    text, title = record.get("text"), record.get("title")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: 'text' must be a non-empty string")
    if title is not None and not isinstance(title, str):
        raise InputError(f"{where}: 'title' must be a string")
    article_id = str(record["id"]) if record.get("id") is not None else str(item.number)
    return Article(article_id, text, _published(record.get("published"), where), title)


def _published(value: object, where: str) -> datetime:
    """ISO 8601 (``Z`` allowed; naive read as UTC), or the epoch when absent."""
    if value is None or value == "":
        return EPOCH
    if isinstance(value, datetime):
        when = value
    else:
        try:
            when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"{where}: 'published' is not an ISO 8601 date: {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def read_articles(path: str) -> tuple[list[Article], list[tuple[int, str]]]:
    """Every readable article of a JSONL or Parquet input, and the lines that were not."""
    articles, skipped = [], []
    for item in read_items(path):
        try:
            articles.append(to_article(item))
        except InputError as exc:
            skipped.append((item.number, str(exc)))
    return articles, skipped


def article_terms(article: Article) -> frozenset[str]:
    """The terms an article counts once in the document frequencies (as stream mode)."""
    return frozenset(tokens(article.text)) | frozenset(tokens(article.title or ""))


def key_terms(feats: Features, n: int) -> list[str]:
    """The article's ``n`` highest-weighted terms: what its MinHash is made of."""
    ranked = sorted(feats.vector.items(), key=lambda kv: (-kv[1], kv[0]))
    return [t for t, _ in ranked[:n]]


def pair_score(a: Features, b: Features, options: StoryOptions) -> float:
    """Stream mode's similarity of ``a`` to a story holding only ``b`` (symmetric: the
    centroid and closest article are then both ``b``)."""
    from ..stream.similarity import _Story

    story = _Story("pair", options.recent)
    story.add(b)
    return similarity(a, story, options)


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def group_stories(
    articles: Sequence[Article],
    options: GroupOptions | None = None,
    *,
    engine: str = "local",
    spark: object | None = None,
    score: PairScore = pair_score,
) -> Stories:
    """Group ``articles`` into stories (see the module doc). ``score`` is the pairwise
    similarity (stream mode's by default), kept a parameter so it can be swapped."""
    options = options or GroupOptions()
    if engine == "spark":
        from .spark_stories import group_stories_spark

        return group_stories_spark(articles, options, spark=spark, score=score)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; choose from local, spark")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise InputError("article ids must be unique")
    if not articles:
        return Stories((), (), 0, 0)
    # 1. document frequencies over the whole corpus, then every article's features
    df = corpus_frequencies(article_terms(a) for a in articles)
    feats = [features(a, df, options.story) for a in articles]
    keys = [key_terms(f, options.key_terms) for f in feats]
    # 2. candidates: LSH on the key terms, checked, within the time window
    candidates = list(_lsh_candidates(keys, options))
    window = options.story.window_days * DAY
    pairs = [
        (i, j)
        for i, j in candidates
        if abs(feats[i].timestamp - feats[j].timestamp) <= window
        and jaccard(keys[i], keys[j]) >= options.key_jaccard
    ]
    # 3. confirmation by story similarity
    threshold = options.pair_threshold
    edges = [(i, j) for i, j in pairs if score(feats[i], feats[j], options.story) >= threshold]
    # 4. stories: connected components
    labels = _components(len(articles), edges)
    return Stories(
        tuple(ids), name_stories(articles, labels), len(pairs), len(edges)
    )  # fmt: skip


def corpus_frequencies(term_sets: Iterable[frozenset[str]]) -> DocumentFrequencies:
    df = DocumentFrequencies()
    for terms in term_sets:
        df.add(terms)
    return df


def _lsh_candidates(
    keys: Sequence[Sequence[str]], options: GroupOptions
) -> Iterator[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=options.key_jaccard, num_perm=options.permutations)
    hashes = MinHash.bulk(
        [[t.encode() for t in k] for k in keys], num_perm=options.permutations, seed=1
    )
    for i, h in enumerate(hashes):
        lsh.insert(i, h)
    for i, h in enumerate(hashes):
        for j in lsh.query(h):
            if j > i:
                yield i, j


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rows = np.fromiter((i for i, _ in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((j for _, j in edges), dtype=np.int64, count=len(edges))
    graph = coo_matrix((np.ones(len(edges)), (rows, cols)), shape=(n, n))
    return list(connected_components(graph, directed=False)[1])


def name_stories(articles: Sequence[Article], labels: Sequence[int]) -> tuple[str, ...]:
    """Each component named as stream mode names a story: by its earliest article."""
    first: dict[int, Article] = {}
    for article, label in zip(articles, labels, strict=True):
        seen = first.get(label)
        if seen is None or (article.timestamp, article.id) < (seen.timestamp, seen.id):
            first[label] = article
    names = {label: story_id_for(a.id) for label, a in first.items()}
    return tuple(names[label] for label in labels)


def sizes(stories: Stories) -> dict[int, int]:
    """How many stories have each size (for reports)."""
    counts: dict[int, int] = {}
    for members in stories.groups().values():
        counts[len(members)] = counts.get(len(members), 0) + 1
    return dict(sorted(counts.items()))


def group_corpus(
    input: str,
    output: str,
    *,
    options: GroupOptions | None = None,
    engine: str = "local",
    spark: object | None = None,
    summaries: str | None = None,
    jobs: int = 1,
    words: int = 300,
) -> tuple[Stories, object | None]:
    """``synopsis batch stories``: group the articles of ``input`` into stories, write one
    JSON line per story to ``output`` (``story_id``, ``articles`` in time order, ``first``
    and ``last`` dates), and with ``summaries`` summarize every story of two articles or
    more there as :func:`~synopsis.batch.summarize_corpus` does (the documents of a story's
    cluster are numbered in the order of its ``articles``)."""
    import json
    import os
    import tempfile

    from .corpus import summarize_corpus

    articles, skipped = read_articles(input)
    if not articles:
        raise InputError(f"{input}: no readable article")
    found = group_stories(articles, options, engine=engine, spark=spark)
    found = Stories(found.article_ids, found.labels, found.candidate_pairs,
                    found.confirmed_pairs, tuple(skipped))  # fmt: skip
    members: dict[str, list[Article]] = {}
    for article, label in zip(articles, found.labels, strict=True):
        members.setdefault(label, []).append(article)
    ordered = {k: sorted(v, key=lambda a: (a.timestamp, a.id)) for k, v in members.items()}
    try:
        with open(output, "w", encoding="utf-8") as f:
            for story_id, group in ordered.items():
                line = {"story_id": story_id, "articles": [a.id for a in group],
                        "first": group[0].published.isoformat(),
                        "last": group[-1].published.isoformat()}  # fmt: skip
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"{output}: cannot write ({exc.strerror})") from None
    if summaries is None:
        return found, None
    fd, clusters = tempfile.mkstemp(suffix=".jsonl", prefix="synopsis-stories-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for story_id, group in ordered.items():
                if len(group) > 1:
                    line = {"id": story_id, "documents": [a.text for a in group]}
                    f.write(json.dumps(line, ensure_ascii=False) + "\n")
        result = summarize_corpus(clusters, summaries, engine=engine, jobs=jobs, words=words,
                                  spark=spark)  # fmt: skip
    finally:
        os.unlink(clusters)
    return found, result
