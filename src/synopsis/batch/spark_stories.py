"""``group_stories`` on Spark: the local steps as DataFrame jobs (see :mod:`.stories`).

Features and pair scores are computed by the same Python functions in ``mapInPandas``;
candidates come from Spark ML's ``MinHashLSH`` (its hash functions differ from
datasketch's, so a few borderline pairs can differ between engines); stories are the
connected components of the confirmed pairs by iterative minimum-label propagation
(GraphFrames' jar cannot be fetched offline, and a component may span every partition).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..errors import InputError
from ..stream.similarity import Article, DocumentFrequencies, Features
from .stories import (
    GroupOptions,
    PairScore,
    Stories,
    article_terms,
    features,
    key_terms,
    name_stories,
)

HASHED_FEATURES = 1 << 22  # HashingTF buckets for key terms: collisions are negligible
MAX_ROUNDS = 100  # label propagation stops long before on news (diameter of a story)


def _encode(feats: Features) -> str:
    return json.dumps([feats.vector, sorted(feats.entities), feats.timestamp])


def _decode(text: str) -> Features:
    vector, entities, timestamp = json.loads(text)
    return Features(vector, frozenset(entities), timestamp)


def group_stories_spark(
    articles: Sequence[Article], options: GroupOptions, *, spark=None, score: PairScore
) -> Stories:
    """Spark's run of :func:`synopsis.batch.stories.group_stories` (same arguments)."""
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.sql import functions as F

    from .spark import session

    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise InputError("article ids must be unique")
    if not articles:
        return Stories((), (), 0, 0)
    spark = spark or session()
    sc = spark.sparkContext
    rows = [(i, a.id, a.text, a.title, a.published.isoformat()) for i, a in enumerate(articles)]
    frame = spark.createDataFrame(
        rows, "idx long, id string, text string, title string, published string"
    ).repartition(2 * sc.defaultParallelism)
    # 1. document frequencies over the whole corpus, then every article's features
    terms = frame.mapInPandas(_terms_job(), "idx long, terms array<string>")
    counts = dict(terms.select(F.explode("terms").alias("t")).groupBy("t").count().collect())
    df = sc.broadcast(DocumentFrequencies(counts, len(articles)))
    feats = frame.mapInPandas(
        _features_job(df, options), "idx long, ts double, feats string, keys array<string>"
    ).cache()
    try:
        edges, candidates = _confirmed_pairs(spark, feats, options, score, HashingTF, MinHashLSH)
        labels = _components(spark, feats.select("idx"), edges)
    finally:
        feats.unpersist()
    by_idx = dict(labels.collect())
    component = [by_idx.get(i, i) for i in range(len(articles))]
    return Stories(tuple(ids), name_stories(articles, component), candidates, edges.count())


def _terms_job():
    def run(batches: Iterator) -> Iterator:
        import pandas as pd

        for b in batches:
            terms = [
                sorted(article_terms(Article(i, t, None, ti)))  # type: ignore[arg-type]
                for i, t, ti in zip(b["id"], b["text"], b["title"], strict=True)
            ]
            yield pd.DataFrame({"idx": b["idx"], "terms": terms})

    return run


def _features_job(df, options: GroupOptions):
    def run(batches: Iterator) -> Iterator:
        from datetime import datetime

        import pandas as pd

        freq = df.value
        for b in batches:
            out = []
            for idx, aid, text, title, when in zip(
                b["idx"], b["id"], b["text"], b["title"], b["published"], strict=True
            ):
                article = Article(aid, text, datetime.fromisoformat(when), title)
                f = features(article, freq, options.story)
                out.append((idx, f.timestamp, _encode(f), key_terms(f, options.key_terms)))
            yield pd.DataFrame(out, columns=["idx", "ts", "feats", "keys"])

    return run


def _confirmed_pairs(spark, feats, options: GroupOptions, score, HashingTF, MinHashLSH):
    """Candidate pairs by MinHash LSH within the window, kept when the score confirms."""
    from pyspark.sql import functions as F

    keyed = feats.filter(F.size("keys") > 0)
    vectors = HashingTF(
        inputCol="keys", outputCol="vec", numFeatures=HASHED_FEATURES, binary=True
    ).transform(keyed)
    model = MinHashLSH(
        inputCol="vec", outputCol="hashes", numHashTables=options.hash_tables, seed=1
    ).fit(vectors)
    window = options.story.window_days * 86400.0
    joined = model.approxSimilarityJoin(vectors, vectors, 1.0 - options.key_jaccard, "dist")
    pairs = joined.select(
        F.col("datasetA.idx").alias("a"), F.col("datasetB.idx").alias("b"),
        F.col("datasetA.feats").alias("fa"), F.col("datasetB.feats").alias("fb"),
        F.abs(F.col("datasetA.ts") - F.col("datasetB.ts")).alias("gap"),
    ).filter((F.col("a") < F.col("b")) & (F.col("gap") <= window))  # fmt: skip
    # the LSH join returns pairs strictly closer than the distance: <= as the local check
    pairs = pairs.cache()
    candidates = pairs.count()
    threshold = options.pair_threshold
    story = options.story

    def confirm(batches: Iterator) -> Iterator:
        import pandas as pd

        for b in batches:
            keep = [
                (a, c)
                for a, c, fa, fb in zip(b["a"], b["b"], b["fa"], b["fb"], strict=True)
                if score(_decode(fa), _decode(fb), story) >= threshold
            ]
            yield pd.DataFrame(keep, columns=["a", "b"])

    edges = pairs.mapInPandas(confirm, "a long, b long").cache()
    edges.count()
    pairs.unpersist()
    return edges, candidates


def _components(spark, vertices, edges):
    """(idx, label): the smallest idx of each vertex's component, by propagating the
    minimum label along edges until no label changes."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst")).union(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"))
    )
    both = both.cache()
    # only vertices with an edge can change; the others keep their own index
    labels = both.select(F.col("src").alias("idx")).distinct().withColumn("label", F.col("idx"))
    labels = labels.localCheckpoint()
    for _ in range(MAX_ROUNDS):
        offers = (
            both.join(labels, both.src == labels.idx)
            .groupBy("dst")
            .agg(F.min("label").alias("offer"))
        )
        updated = (
            labels.join(offers, labels.idx == offers.dst, "left")
            .select("idx", F.least("label", F.coalesce("offer", "label")).alias("label"))
            .localCheckpoint()
        )
        changed = (
            updated.join(labels.withColumnRenamed("label", "old"), "idx")
            .filter("label != old")
            .count()
        )
        labels = updated
        if changed == 0:
            break
    else:
        raise RuntimeError(f"label propagation did not settle in {MAX_ROUNDS} rounds")
    both.unpersist()
    return labels
