"""``summarize_corpus``: one record per cluster of a corpus, on a local pool or on Spark.

Resumable: records already in ``output`` are read first and their clusters skipped, and
the local engine writes each record as soon as it is made (a JSON line flushed, or a
Parquet part file every :data:`PARQUET_ROWS` records), so a killed job loses at most the
records not yet written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..errors import InputError, MissingExtraError
from .pool import ordered_map
from .records import (
    Item,
    arrow_schema,
    finished_ids,
    item_id,
    output_format,
    read_items,
    summarize_item,
    to_line,
    to_row,
)

ENGINES = ("local", "spark")
PARQUET_ROWS = 1000  # records per Parquet part file the local engine writes

OnRecord = Callable[[Mapping[str, object]], None]


@dataclass(frozen=True)
class CorpusResult:
    """What one run did: records written now, clusters skipped as already done, errors."""

    output: str
    written: int
    resumed: int
    errors: int


def count_items(input: str | Path) -> int:
    """Clusters in an input (for a progress bar's total): one cheap pass, no parsing."""
    return sum(1 for _ in read_items(input))


def summarize_corpus(
    input: str | Path,
    output: str | Path,
    *,
    engine: str = "local",
    jobs: int = 1,
    words: int = 300,
    fmt: str | None = None,
    clean: bool = True,
    on_record: OnRecord | None = None,
    spark: object | None = None,
    partitions: int | None = None,
) -> CorpusResult:
    """Summarize every cluster of ``input`` (JSONL, Multi-News or Parquet) into ``output``.

    ``fmt`` is ``jsonl`` or ``parquet`` (default: from the output name). The local engine
    writes one JSON Lines file or a folder of Parquet parts; Spark writes a folder of part
    files, as Spark does. ``spark`` is a SparkSession to use (default: a local one, or the
    one ``spark-submit`` provides); ``partitions`` defaults to twice its cores.
    ``on_record`` is called after each record (locally; for a progress bar).
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if isinstance(words, bool) or not isinstance(words, int) or words < 1:
        raise InputError(f"words must be a positive whole number, got {words!r}")
    fmt = output_format(output, fmt)
    if engine == "spark":
        from .spark import summarize_spark

        return summarize_spark(
            str(input), str(output), fmt=fmt, words=words, clean=clean, spark=spark,
            partitions=partitions,
        )  # fmt: skip
    return _summarize_local(Path(input), Path(output), fmt, words, clean, jobs, on_record)


def _summarize_local(
    input: Path,
    output: Path,
    fmt: str,
    words: int,
    clean: bool,
    jobs: int,
    on_record: OnRecord | None,
) -> CorpusResult:
    if not output.parent.is_dir():
        raise InputError(f"{output.parent}: no such folder for the output")
    if fmt == "parquet" and output.exists() and not output.is_dir():
        raise InputError(f"{output}: Parquet output is a folder of part files, not a file")
    if fmt == "jsonl":
        _drop_cut_line(output)
    done = finished_ids(output, fmt)
    items = read_items(input)
    skipped = [0]
    if done:
        items, skipped = _skip_done(items, done)
    work = partial(summarize_item, words=words, clean=clean)
    records = ordered_map(work, items, jobs)
    writer = _write_jsonl if fmt == "jsonl" else _write_parquet
    written = errors = 0
    for record in writer(output, records):
        written += 1
        errors += record["error"] is not None
        if on_record:
            on_record(record)
    return CorpusResult(str(output), written, skipped[0], errors)


def _skip_done(items: Iterator[Item], done: set[str]) -> tuple[Iterator[Item], list[int]]:
    skipped = [0]

    def keep() -> Iterator[Item]:
        for item in items:
            if item_id(item) in done:
                skipped[0] += 1
            else:
                yield item

    return keep(), skipped


def _drop_cut_line(output: Path) -> None:
    """Truncate a JSON Lines output after its last complete line (a killed run's tail)."""
    if not output.is_file() or output.stat().st_size == 0:
        return
    with output.open("rb+") as f:
        data = f.read()
        if not data.endswith(b"\n"):
            f.truncate(data.rfind(b"\n") + 1)


def _next_part(folder: Path, suffix: str) -> Iterator[Path]:
    n = sum(1 for p in folder.glob(f"part-*{suffix}"))
    while True:
        path = folder / f"part-{n:05d}-local{suffix}"
        n += 1
        if not path.exists():
            yield path


def _write_jsonl(output: Path, records: Iterator[dict[str, object]]) -> Iterator[dict[str, object]]:
    target = next(_next_part(output, ".jsonl")) if output.is_dir() else output
    try:
        f = target.open("a", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None
    with f:
        for record in records:
            f.write(to_line(record))
            f.flush()  # a record on disk is a record a resumed run skips
            yield record


def _write_parquet(
    output: Path, records: Iterator[dict[str, object]]
) -> Iterator[dict[str, object]]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("Parquet output", "spark") from None
    output.mkdir(exist_ok=True)
    parts = _next_part(output, ".parquet")
    schema = arrow_schema()
    rows: list[dict[str, object]] = []

    def flush() -> None:
        path = next(parts)
        tmp = path.with_name(f".{path.name}.tmp")  # hidden until complete, then renamed
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
        os.replace(tmp, path)
        rows.clear()

    for record in records:
        rows.append(to_row(record))
        if len(rows) >= PARQUET_ROWS:
            flush()
        yield record
    if rows:
        flush()
