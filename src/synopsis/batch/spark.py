"""The Spark engine: the same records as the local pool, computed on a Spark cluster.

Spark reads the input (so it may live on HDFS or S3), numbers its lines as the local
reader does, cuts it into ranges of lines (a small file is one partition otherwise) and
runs :func:`~synopsis.batch.records.summarize_item` over each partition with
``mapInPandas``: synopsis is imported once per partition, never per row. Ranges keep the
input order, so the part files read in order hold the records in input order.

Resume: clusters already in the output folder are skipped. Spark commits a job's files
only when the job succeeds (failed tasks are retried by Spark itself), so a killed run
leaves nothing half-written and its clusters are redone on the next run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

from ..errors import InputError, MissingExtraError
from .records import (
    FIELDS,
    Item,
    input_kind,
    item_id,
    spark_schema,
    summarize_item,
    to_line,
    to_row,
)

# JVM flags that halve its start-up (a batch job gains nothing from the C2 compiler's
# warm-up on the driver, and little from a parallel collector on two cores).
FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def _pyspark():
    try:
        import pyspark
        from pyspark.sql import SparkSession
    except ImportError:
        raise MissingExtraError("the Spark engine", "spark") from None
    return pyspark, SparkSession


def session(cores: int = 2, memory: str | None = None):  # -> pyspark.sql.SparkSession
    """The SparkSession a job runs in.

    Under ``spark-submit`` (which starts the JVM and says so in ``PYSPARK_GATEWAY_PORT``)
    this is the session it configured: master, executors and memory come from the
    command line. Otherwise a local one with ``cores`` cores, offline and on loopback
    only, with workers running this interpreter.
    """
    _, SparkSession = _pyspark()
    builder = SparkSession.builder.appName("synopsis")
    if "PYSPARK_GATEWAY_PORT" in os.environ:
        return builder.getOrCreate()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        builder.master(f"local[{cores}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "true")
        .config("spark.driver.extraJavaOptions", FAST_JVM)
        .config("spark.sql.shuffle.partitions", str(max(2, 2 * cores)))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
    )
    if memory:
        builder = builder.config("spark.driver.memory", memory)
    return builder.getOrCreate()


def stop(spark) -> None:
    """Stop the session and, for a local one, its JVM too (nothing is left running).

    ``SparkSession.stop`` keeps the JVM alive for a later session; a finished job or a
    test wants it gone now rather than when Python exits.
    """
    from pyspark import SparkContext

    spark.stop()
    gateway = SparkContext._gateway
    proc = getattr(gateway, "proc", None)
    if gateway is None or proc is None:  # under spark-submit the JVM is not ours
        return
    gateway.shutdown()
    proc.stdin and proc.stdin.close()  # the JVM exits when its stdin closes
    try:
        proc.wait(timeout=30)
    except Exception:
        proc.kill()
        proc.wait()
    SparkContext._gateway = None
    SparkContext._jvm = None


def _exists(spark, path: str) -> bool:
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return bool(fs.exists(hpath))


def _finished(spark, output: str, fmt: str) -> frozenset[str]:
    """Cluster ids the output folder already holds (read by Spark: any file system)."""
    if not _exists(spark, output):
        return frozenset()
    from pyspark.sql import functions as F

    if fmt == "parquet":
        ids = spark.read.parquet(output).select("cluster_id")
    else:
        ids = spark.read.text(output).select(F.get_json_object("value", "$.cluster_id"))
    return frozenset(str(r[0]) for r in ids.collect() if r[0] is not None)


def _numbered_lines(spark, input: str, kind: str):
    """(number, line) for every line, numbered from 1 as the local reader numbers them.

    In the JVM only (no trip of the text through Python): a row's number is the rows of
    the partitions before its own plus its place in its partition, which
    ``monotonically_increasing_id`` holds in its low 33 bits.
    """
    from pyspark.sql import functions as F

    if kind == "parquet":
        frame = spark.read.parquet(input)
        columns = [c for c in ("id", "documents", "summary") if c in frame.columns]
        frame = frame.select(F.to_json(F.struct(*columns)).alias("value"))
    else:
        frame = spark.read.option("lineSep", "\n").text(input)
    frame = frame.select(
        F.spark_partition_id().alias("part"),
        (F.monotonically_increasing_id().bitwiseAND((1 << 33) - 1)).alias("row"),
        F.col("value").alias("line"),
    )
    counts = sorted((r["part"], r["count"]) for r in frame.groupBy("part").count().collect())
    offsets, total = [], 0
    for part, count in counts:
        offsets.append((part, total))
        total += count
    starts = spark.createDataFrame(offsets or [(0, 0)], "part int, start long")
    return frame.join(F.broadcast(starts), "part").select(
        (F.col("start") + F.col("row") + 1).alias("number"), "line"
    )


def _partition_job(
    kind: str, source: str, words: int, clean: bool, fmt: str, done, written, errors
) -> Callable[[Iterator], Iterator]:
    """The function each partition runs: parse, skip finished, summarize, encode."""

    def run(batches: Iterator) -> Iterator:
        import json

        import pandas as pd

        finished = done.value
        columns = ["number", "cluster_id", "line"] if fmt == "jsonl" else ["number", *FIELDS]
        for batch in batches:
            out = []
            for number, line in zip(batch["number"], batch["line"], strict=True):
                if line is None:
                    continue
                if number == 1:
                    line = line.removeprefix("\ufeff")
                line = line.removesuffix("\r")
                if not line.strip():
                    continue
                payload = json.loads(line) if kind == "parquet" else line
                item = Item(int(number), kind, payload, source)
                if finished and item_id(item) in finished:
                    continue
                record = summarize_item(item, words, clean)
                written.add(1)
                errors.add(record["error"] is not None)
                if fmt == "jsonl":
                    out.append((int(number), record["cluster_id"], to_line(record)[:-1]))
                else:
                    row = to_row(record)
                    out.append((int(number), *(row[k] for k in FIELDS)))
            yield pd.DataFrame(out, columns=columns)

    return run


def summarize_spark(
    input: str,
    output: str,
    *,
    fmt: str,
    words: int,
    clean: bool,
    spark=None,
    partitions: int | None = None,
):
    """Run :func:`~synopsis.batch.summarize_corpus` on Spark (see the module doc)."""
    from .corpus import CorpusResult

    spark = spark or session()
    # Paths are the local file system's only on a local master; on a cluster a bare
    # path is on the cluster's default file system (HDFS), which Spark itself checks.
    local = spark.sparkContext.master.startswith("local") and "://" not in input
    if local and not os.path.exists(input):
        raise InputError(f"{input}: no such file or folder")
    kind = input_kind(input) if local else _kind_from_name(input)
    done = _finished(spark, output, fmt)
    lines = _numbered_lines(spark, input, kind)
    if partitions is None:
        partitions = 2 * spark.sparkContext.defaultParallelism
    lines = lines.repartitionByRange(partitions, "number").sortWithinPartitions("number")
    sc = spark.sparkContext
    # Counted as records are made (a retried task may count twice: a figure, not a check).
    written, errors = sc.accumulator(0), sc.accumulator(0)
    job = _partition_job(kind, input, words, clean, fmt, sc.broadcast(done), written, errors)
    schema = (
        "number long, cluster_id string, line string"
        if fmt == "jsonl"
        else f"number long, {spark_schema()}"
    )
    records = lines.mapInPandas(job, schema)
    if fmt == "jsonl":
        records.select("line").write.mode("append").text(output)
    else:
        records.drop("number").write.mode("append").parquet(output)
    return CorpusResult(output, written.value, len(done), errors.value)


def _kind_from_name(input: str) -> str:
    name = input.lower().removesuffix(".gz").rstrip("/")
    if name.endswith(".parquet"):
        return "parquet"
    return "jsonl" if name.endswith((".jsonl", ".ndjson", ".json")) else "multinews"
