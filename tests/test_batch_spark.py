"""The Spark engine of synopsis.batch, on a real local[2] SparkSession: the same records as
the local engine, error records, resume. One session for the whole file, stopped (JVM and
all) at the end."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from batch_corpus import write_corpus
from synopsis.batch import read_records, summarize_corpus

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="session")
def spark() -> Iterator[object]:
    from synopsis.batch.spark import session, stop

    spark = session(2)
    proc = spark.sparkContext._gateway.proc
    yield spark
    stop(spark)
    assert proc.poll() is not None  # the JVM is gone


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spark") / "clusters.jsonl"
    write_corpus(path)
    with path.open("a") as f:
        f.write("{not json\n")
    return path


@pytest.fixture(scope="session")
def local_records(corpus: Path) -> list[dict[str, object]]:
    out = corpus.with_name("local.jsonl")
    summarize_corpus(corpus, out, words=60)
    return read_records(out)


def test_spark_records_equal_the_local_engine_s_in_input_order(spark, corpus, local_records):
    out = corpus.with_name("spark-out.jsonl")
    result = summarize_corpus(corpus, out, engine="spark", spark=spark, words=60, partitions=3)
    assert out.is_dir() and len(list(out.glob("part-*"))) == 3  # the small file was split
    assert read_records(out) == local_records  # every field of every record, same order
    assert (result.written, result.errors) == (5, 2)


def test_lines_are_numbered_across_input_partitions(spark, corpus, local_records):
    spark.conf.set("spark.sql.files.maxPartitionBytes", "1500")  # the file in splits
    try:
        assert spark.read.text(str(corpus)).rdd.getNumPartitions() > 1
        out = corpus.with_name("spark-splits.jsonl")
        summarize_corpus(corpus, out, engine="spark", spark=spark, words=60)
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert read_records(out) == local_records  # "5", an id from a line number, included


def test_spark_records_a_bad_cluster_with_the_local_engine_s_reason(spark, corpus):
    out = corpus.with_name("spark-errors.jsonl")
    summarize_corpus(corpus, out, engine="spark", spark=spark, words=60)
    errors = {r["cluster_id"]: r["error"] for r in read_records(out) if r["error"]}
    assert set(errors) == {"empty", "5"}
    assert "no non-empty document" in errors["empty"] and "invalid JSON" in errors["5"]


def test_spark_parquet_output_holds_the_same_records(spark, corpus, local_records):
    out = corpus.with_name("spark-out.parquet")
    summarize_corpus(corpus, out, engine="spark", spark=spark, words=60)
    assert read_records(out) == local_records


def test_spark_resume_skips_finished_clusters(spark, corpus, local_records):
    out = corpus.with_name("resume")
    out.mkdir()
    # a previous run (here: the local engine) finished the first two clusters
    (out / "part-00000-earlier.txt").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in local_records[:2])
    )
    result = summarize_corpus(corpus, out, engine="spark", fmt="jsonl", spark=spark, words=60)
    assert (result.resumed, result.written) == (2, 3)
    records = read_records(out)
    assert sorted(map(str, (r["cluster_id"] for r in records))) == sorted(
        str(r["cluster_id"]) for r in local_records
    )


def test_no_network_settings_are_in_force(spark):
    conf = spark.sparkContext.getConf()
    assert conf.get("spark.driver.host") == "127.0.0.1"
    assert conf.get("spark.ui.enabled") == "false"
    assert os.environ["SPARK_LOCAL_IP"] == "127.0.0.1"


def test_spark_groups_interleaved_stories_as_the_local_engine(spark, tmp_path: Path):
    from batch_corpus import write_articles
    from synopsis.batch.stories import group_stories, read_articles

    gold = write_articles(tmp_path / "articles.jsonl")
    articles, _ = read_articles(str(tmp_path / "articles.jsonl"))
    found = group_stories(articles, engine="spark", spark=spark)
    local = group_stories(articles)
    assert found.labels == local.labels
    groups = {frozenset(g) for g in found.groups().values()}
    assert groups == {
        frozenset(a for a, s in gold.items() if s == story) for story in set(gold.values())
    }
