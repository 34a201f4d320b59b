"""The local engine of synopsis.batch: records, errors, resume, formats, the ordered pool."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from batch_corpus import STORIES, write_corpus
from synopsis.batch import ordered_map, read_records, summarize_corpus
from synopsis.batch.records import FIELDS
from synopsis.cli import app
from synopsis.render.json import to_dict


def expected(name: str, words: int = 60) -> dict[str, object]:
    cluster = synopsis.Cluster(
        id=name,
        documents=tuple(
            synopsis.Document(id=str(i), text=t) for i, t in enumerate(STORIES[name], 1)
        ),
    )
    return to_dict(synopsis.summarize(cluster, words=words))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    write_corpus(path)
    return path


def test_records_are_the_json_summaries_plus_error_in_input_order(corpus: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    result = summarize_corpus(corpus, out, words=60)
    records = read_records(out)
    assert [r["cluster_id"] for r in records] == ["bridge", "empty", "orchestra", "harvest"]
    assert (result.written, result.errors, result.resumed) == (4, 1, 0)
    for record in records:
        assert list(record) == list(FIELDS)
        if record["cluster_id"] == "empty":
            continue
        assert record["error"] is None
        want = expected(str(record["cluster_id"]))
        # path differs (the batch reader names the input file), everything else is equal
        for doc in want["documents"]:
            doc["path"] = str(corpus)
        assert {k: v for k, v in record.items() if k != "error"} == want


def test_a_bad_cluster_is_recorded_with_its_reason_and_the_job_goes_on(
    corpus: Path, tmp_path: Path
):
    with corpus.open("a") as f:
        f.write("{not json\n")
        f.write(json.dumps({"id": 7, "documents": "one string, not a list"}) + "\n")
    records = {r["cluster_id"]: r for r in read_records(_run(corpus, tmp_path / "o.jsonl"))}
    assert "no non-empty document" in records["empty"]["error"]
    assert records["empty"]["sentences"] is None
    assert "invalid JSON" in records["5"]["error"]  # no id: its line number
    assert "'documents' must be a list" in records["7"]["error"]
    assert records["harvest"]["error"] is None


def _run(corpus: Path, out: Path, **kwargs) -> Path:
    summarize_corpus(corpus, out, words=60, **kwargs)
    return out


def test_two_workers_give_the_records_of_the_plain_loop(corpus: Path, tmp_path: Path):
    one = _run(corpus, tmp_path / "one.jsonl", jobs=1)
    two = _run(corpus, tmp_path / "two.jsonl", jobs=2)
    assert one.read_bytes() == two.read_bytes()


def test_resume_skips_written_clusters_and_redoes_a_cut_off_line(corpus: Path, tmp_path: Path):
    full = _run(corpus, tmp_path / "full.jsonl")
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    # two records finished, the third cut off mid-write by a killed run
    partial.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")
    result = summarize_corpus(corpus, partial, words=60)
    assert (result.resumed, result.written) == (2, 2)
    assert partial.read_bytes() == full.read_bytes()
    again = summarize_corpus(corpus, partial, words=60)
    assert (again.resumed, again.written) == (4, 0)


def test_parquet_output_and_input_hold_the_same_records(corpus: Path, tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    jsonl = read_records(_run(corpus, tmp_path / "o.jsonl"))
    folder = _run(corpus, tmp_path / "o.parquet")
    assert folder.is_dir()
    assert read_records(folder) == jsonl
    # the same clusters as a Parquet input give the same records (the path aside)
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    source = tmp_path / "clusters.parquet"
    pq.write_table(pa.Table.from_pylist(rows), source)
    from_parquet = read_records(_run(source, tmp_path / "p.jsonl"))
    assert [r["cluster_id"] for r in from_parquet] == [r["cluster_id"] for r in jsonl]
    assert [r["summary"] for r in from_parquet] == [r["summary"] for r in jsonl]


def test_multinews_lines_are_clusters_named_by_line_number(tmp_path: Path):
    source = tmp_path / "multi.txt"
    source.write_text(
        " ||||| ".join(STORIES["harvest"]) + "\n\n" + " ||||| ".join(STORIES["bridge"]) + "\n"
    )
    records = read_records(_run(source, tmp_path / "o.jsonl"))
    assert [r["cluster_id"] for r in records] == ["1", "3"]
    assert records[1]["summary"] == expected("bridge")["summary"]


def test_ordered_map_keeps_input_order_when_later_items_finish_first():
    delays = [0.3, 0.0, 0.2, 0.0, 0.1, 0.0]
    assert list(ordered_map(_slow_identity, delays, 2)) == delays
    with pytest.raises(synopsis.InputError):
        list(ordered_map(_slow_identity, delays, 0))


def _slow_identity(delay: float) -> float:
    time.sleep(delay)
    return delay


def test_batch_command_writes_records_and_resumes(corpus: Path, tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "cli.jsonl"
    args = ["batch", "summarize", str(corpus), "-o", str(out), "-w", "60", "-j", "2"]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output  # written, but one cluster failed
    assert "4 records written" in first.output and "1 with an error" in first.output
    assert "cluster empty: failed:" in first.stderr and "1 cluster failed" in first.stderr
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output  # nothing new, nothing failed this run
    assert "0 records written" in second.output and "4 already there" in second.output
    assert out.read_bytes() == _run(corpus, tmp_path / "api.jsonl").read_bytes()


def test_batch_command_exits_0_when_every_cluster_is_summarized(corpus: Path, tmp_path: Path):
    good = corpus.with_name("good.jsonl")
    write_corpus(good, bad=False)
    with good.open("a") as f:
        f.write("{not json\n")
    out = tmp_path / "o.jsonl"
    args = ["batch", "summarize", str(good), "-o", str(out), "-w", "60", "-j", "1"]
    broken = CliRunner().invoke(app, args)
    assert broken.exit_code == 1, broken.output
    line = len(STORIES) + 1
    assert f"cluster {line}: failed: {good}, line {line}: invalid JSON" in broken.stderr
    write_corpus(good, bad=False)
    clean = CliRunner().invoke(app, [*args[:4], str(tmp_path / "p.jsonl"), *args[5:]])
    assert clean.exit_code == 0, clean.output
    assert "failed" not in clean.stderr


def test_batch_command_refuses_a_missing_input_in_one_line(tmp_path: Path):
    result = CliRunner().invoke(
        app, ["batch", "summarize", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output


def test_summarize_jobs_keeps_input_order(corpus: Path):
    good = corpus.with_name("good.jsonl")
    write_corpus(good, bad=False)
    runner = CliRunner()
    plain = runner.invoke(app, ["summarize", str(good), "-f", "json", "-w", "60"])
    pooled = runner.invoke(app, ["summarize", str(good), "-f", "json", "-w", "60", "-j", "2"])
    assert pooled.exit_code == 0, pooled.output
    assert pooled.stdout == plain.stdout
    ids = [json.loads(line)["cluster_id"] for line in pooled.stdout.splitlines()]
    assert ids == list(STORIES)


def test_every_batch_command_has_help_and_the_spark_job_file_exists():
    runner = CliRunner()
    for command in ("summarize", "stories", "spark-job"):
        result = runner.invoke(app, ["batch", command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
    job = Path(runner.invoke(app, ["batch", "spark-job"]).output.strip())
    assert job.is_file() and job.name == "job.py"


def test_importing_batch_loads_no_engine_library():
    import subprocess
    import sys

    code = (
        "import sys, synopsis.batch.stories; "
        "print(any(m in sys.modules for m in ('pyspark', 'pyarrow.parquet')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
