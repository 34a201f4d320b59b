"""Corpus inputs and outputs shared by every engine: one cluster in, one record out.

Both engines run the same three functions, so their records are identical:
:func:`read_items` turns an input file into raw items (a JSON line, a Multi-News line or a
Parquet row, with its 1-based number), :func:`to_cluster` parses one item into a
:class:`~synopsis.model.Cluster`, and :func:`summarize_item` turns one item into one
record. A record has the fields of ``synopsis summarize --format json`` plus ``error``:
``None`` for a summary, the reason for a cluster that could not be summarized (its other
fields are then ``None`` too, so every record has the same keys).

Parquet rows keep the scalar fields as columns and hold each nested field (sentences,
documents, parameters, notes, copies, disagreements) as a JSON string, so that every
part file has one fixed schema whatever the clusters held.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, MissingExtraError, SynopsisError
from ..ingest import cluster_from_multinews_line, cluster_from_record
from ..ingest import parse_json as ingest_parse_json
from ..model import Cluster
from ..options import CleanOptions, Options
from ..render.json import NESTED_FIELDS, SUMMARY_FIELDS

INPUT_KINDS = ("jsonl", "multinews", "parquet")
OUTPUT_FORMATS = ("jsonl", "parquet")

# Record fields in order: those of `summarize --format json`, then `error`.
FIELDS = (*SUMMARY_FIELDS, "error")  # the fields of `summarize --format json`, plus error
NESTED = NESTED_FIELDS


@dataclass(frozen=True)
class Item:
    """One unparsed cluster: a line of text (JSONL or Multi-News) or a Parquet row."""

    number: int  # 1-based line (or row) number: the cluster's id when it names none
    kind: str  # "jsonl" | "multinews" | "parquet"
    payload: bytes | str | Mapping[str, object]  # bytes or str for a line, a dict for a row
    source: str


def input_kind(path: str | Path) -> str:
    """jsonl, multinews or parquet, from the file name (``.gz`` allowed for text)."""
    name = str(path).lower().removesuffix(".gz")
    if name.endswith(".parquet") or (Path(path).is_dir() and any(Path(path).glob("*.parquet"))):
        return "parquet"
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "multinews"


def _text_lines(path: Path) -> Iterator[bytes]:
    """Raw lines: each is decoded on its own, so one bad byte spoils one cluster only."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            for number, line in enumerate(f):
                yield (line.removeprefix(b"\xef\xbb\xbf") if number == 0 else line).rstrip(b"\r\n")
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def read_items(path: str | Path) -> Iterator[Item]:
    """Every cluster of an input as raw items, in file order, without parsing them."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    kind = input_kind(path)
    if kind == "parquet":
        for number, row in enumerate(_parquet_rows(path), start=1):
            yield Item(number, kind, row, str(path))
        return
    for number, line in enumerate(_text_lines(path), start=1):
        if line.strip():
            yield Item(number, kind, line, str(path))


def _parquet_rows(path: Path) -> Iterator[dict[str, object]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("Parquet input", "spark") from None
    try:
        dataset = pq.ParquetDataset(path)
        columns = [c for c in ("id", "documents", "summary") if c in dataset.schema.names]
        table = dataset.read(columns=columns)
    except OSError as exc:
        raise InputError(f"{path}: cannot read as Parquet ({exc})") from None
    for batch in table.to_batches(max_chunksize=1000):
        yield from batch.to_pylist()


def parse_json(text: str, where: str) -> object:
    """The one place a JSON record of ours is parsed (input lines and written records),
    under the input contract of every JSON reader (:func:`synopsis.ingest.parse_json`)."""
    return ingest_parse_json(text, where)


def text_payload(item: Item) -> tuple[object, str]:
    """The item's payload with bytes decoded as UTF-8, and where it is for messages."""
    where = f"{item.source}, line {item.number}"
    payload = item.payload
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{where}: not UTF-8 text") from None
    return payload, where


def to_cluster(item: Item) -> Cluster:
    """Parse one item as :mod:`synopsis.ingest` would, or raise :class:`InputError`."""
    payload, where = text_payload(item)
    if item.kind == "multinews":
        cluster = cluster_from_multinews_line(str(payload), item.number, item.source)
        if cluster is None:
            raise InputError(f"{where}: no articles on this line")
        return cluster
    if item.kind == "jsonl":
        record = parse_json(str(payload), where)
    else:
        where = f"{item.source}, row {item.number}"
        record = item.payload
    return cluster_from_record(record, where, item.number, item.source)


def item_id(item: Item) -> str:
    """The id a record of this item carries: the cluster's id, else its line number."""
    try:
        return to_cluster(item).id
    except SynopsisError:
        record = item.payload
        if item.kind == "jsonl":
            try:
                record = json.loads(item.payload)  # type: ignore[arg-type]
            except (json.JSONDecodeError, UnicodeDecodeError):
                record = None
        if isinstance(record, Mapping) and record.get("id") is not None:
            return str(record["id"])
        return str(item.number)


def summarize_item(item: Item, words: int, clean: bool = True) -> dict[str, object]:
    """One record: the summary's JSON fields, or ``error`` when the cluster failed.

    Any exception is recorded rather than raised: one bad cluster must never end a job
    of a million. A synopsis error keeps its message; anything else (a bug) is recorded
    with its type so it can be found and reported.
    """
    from .. import summarize
    from ..render.json import to_dict

    try:
        cluster = to_cluster(item)
        options = Options(clean=CleanOptions(enabled=clean))
        record = to_dict(summarize(cluster, words=words, options=options))
    except SynopsisError as exc:
        return error_record(item_id(item), str(exc))
    except Exception as exc:
        return error_record(item_id(item), f"{type(exc).__name__}: {exc}")
    return {**{k: record.get(k) for k in FIELDS}, "error": None}


def error_record(cluster_id: str, message: str) -> dict[str, object]:
    from .. import __version__
    from ..render.json import SCHEMA_VERSION

    record: dict[str, object] = dict.fromkeys(FIELDS)
    record.update(schema=SCHEMA_VERSION, version=__version__, cluster_id=cluster_id)
    record["error"] = message
    return record


def to_line(record: Mapping[str, object]) -> str:
    """A record as one JSON line (the jsonl output format)."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def to_row(record: Mapping[str, object]) -> dict[str, object]:
    """A record as a Parquet row: nested fields as JSON strings (see the module doc)."""
    return {
        k: (None if record[k] is None else json.dumps(record[k], ensure_ascii=False))
        if k in NESTED
        else record[k]
        for k in FIELDS
    }


def from_row(row: Mapping[str, object]) -> dict[str, object]:
    """The record a Parquet row holds (the inverse of :func:`to_row`)."""
    return {
        k: (None if row[k] is None else parse_json(str(row[k]), "parquet record"))
        if k in NESTED
        else row[k]
        for k in FIELDS
    }


def arrow_schema():  # -> pyarrow.Schema
    import pyarrow as pa

    types = {"schema": pa.int64(), "words": pa.int64(), "independent_sources": pa.int64()}
    return pa.schema([(k, types.get(k, pa.string())) for k in FIELDS])


def spark_schema() -> str:
    """The same schema as a Spark DDL string."""
    ints = {"schema", "words", "independent_sources"}
    return ", ".join(f"{k} {'long' if k in ints else 'string'}" for k in FIELDS)


def output_format(output: str | Path, fmt: str | None) -> str:
    if fmt is None:
        fmt = "parquet" if str(output).lower().endswith(".parquet") else "jsonl"
    if fmt not in OUTPUT_FORMATS:
        raise InputError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    return fmt


def _output_files(output: Path) -> list[Path]:
    """A file, or the part files of a folder (what Spark and the Parquet writer make)."""
    if output.is_dir():
        return sorted(p for p in output.iterdir() if p.name.startswith("part-"))
    return [output] if output.exists() else []


def read_records(output: str | Path, fmt: str | None = None) -> list[dict[str, object]]:
    """Every record already written to ``output`` (a file or a folder of parts)."""
    output = Path(output)
    fmt = output_format(output, fmt)
    records: list[dict[str, object]] = []
    for path in _output_files(output):
        if fmt == "parquet":
            import pyarrow.parquet as pq

            records.extend(from_row(r) for r in pq.read_table(path).to_pylist())
            continue
        with path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if line.endswith("\n"):  # a last line without one was cut off mid-write
                    record = parse_json(line, f"{path}, line {number}")
                    if isinstance(record, dict):
                        records.append(record)
    return records


def finished_ids(output: str | Path, fmt: str | None = None) -> set[str]:
    """Ids of the clusters ``output`` already holds a record for (to resume a job)."""
    return {str(r["cluster_id"]) for r in read_records(output, fmt)}
