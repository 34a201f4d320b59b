"""The ``synopsis`` command in-process (typer's CliRunner), and a few checks of the real
entry point in a subprocess: start-up imports, ``--help``/``--version``, exit code and
one-line errors as a user sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SAMPLE, run_cli

run = run_cli


def entry_point(*args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m synopsis ARGS`` (or ``python -c CODE``) as a user runs it."""
    argv = ["-c", code] if code is not None else ["-m", "synopsis", *args]
    return subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, timeout=120, check=False
    )


HEAVY = ("sklearn", "scipy", "trafilatura", "fastapi", "datasketch", "pyspark", "psycopg")


def test_import_synopsis_pulls_in_no_heavy_library() -> None:
    code = (
        "import sys, synopsis; synopsis.Options(); "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = entry_point(code=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_help_and_version_load_no_pipeline() -> None:
    code = (
        "import sys; from synopsis.cli import app; from typer.testing import CliRunner; "
        "r = CliRunner(); assert r.invoke(app, ['--help']).exit_code == 0; "
        "assert r.invoke(app, ['summarize', '--help']).exit_code == 0; "
        "assert r.invoke(app, ['--version']).exit_code == 0; "
        "print(' '.join(m for m in sys.modules if m.startswith('synopsis.pipeline') "
        f"or m.split('.')[0] in {HEAVY!r}))"
    )
    result = entry_point(code=code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []


def test_entry_point_summarizes_and_fails_in_one_line(tmp_path: Path) -> None:
    ok = entry_point("summarize", str(SAMPLE))
    assert ok.returncode == 0, ok.stderr
    assert "Sources:" in ok.stdout and "[1] guardian.txt" in ok.stdout
    version = entry_point("--version")
    assert version.returncode == 0 and version.stdout.startswith("synopsis ")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    bad = entry_point("summarize", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and "unsupported file type" in bad.stderr
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


def test_summarize_sample_folder() -> None:
    result = run("summarize", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Sources:" in result.stdout and "[1] guardian.txt" in result.stdout
    assert "Traceback" not in result.stderr


def test_json_output_offsets_exact(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    result = run("summarize", str(SAMPLE / "reuters-wire.txt"), str(SAMPLE / "guardian.txt"),
                 "--words", "250", "--format", "json", "--output", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["words"] <= 250
    raw = {d["id"]: Path(d["path"]).read_text() for d in data["documents"]}
    for s in data["sentences"]:
        assert raw[s["document_id"]][s["start"] : s["end"]] == s["raw"]


def test_stdin_markdown() -> None:
    result = run("summarize", "-", "--format", "md", stdin=(SAMPLE / "reuters.txt").read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Summary")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty", b"", "folder has no supported files"),
        ("e.txt", b"   \n", "is empty"),
        ("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        ("b.jsonl", b'{oops\n{"documents": []}\n', "line 1"),
        ("x.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if name == "empty":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run("summarize", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_input_skipped_rest_summarized(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("")
    result = run("summarize", str(tmp_path / "e.txt"), str(SAMPLE / "reuters.txt"))
    assert result.returncode == 0
    assert "skipped" in result.stderr and "e.txt" in result.stderr
    assert "[1] reuters.txt" in result.stdout


def test_every_command_has_help() -> None:
    from synopsis.cli import app

    assert run("--help").returncode == 0
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert "summarize" in commands
    for command in commands:
        sub = run(command, "--help")
        assert sub.returncode == 0 and "Usage" in sub.stdout


def test_bad_word_budget_is_a_usage_error() -> None:
    result = run("summarize", str(SAMPLE), "--words", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_compare_prints_only_the_analysis() -> None:
    result = run("compare", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "3 of 5 articles are one story" in result.stdout
    assert "3 independent sources" in result.stdout
    assert "Sources disagree" in result.stdout
    assert "Traceback" not in result.stderr


def test_compare_json_and_summarize_json_carry_the_analysis() -> None:
    result = run("compare", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["independent_sources"] == len(data["copies"]) == 3
    for d in data["disagreements"]:
        assert d["kind"] in {"conflict", "update", "spelling", "wording"}
        assert d["about"] in {"number", "name", "quote", "date"}
        for v in d["variants"]:
            assert v["documents"] and v["groups"] and v["mentions"]
    summary = json.loads(run("summarize", str(SAMPLE), "--format", "json").stdout)
    for key in ("copies", "independent_sources", "disagreements"):
        assert key in summary
    assert all(set(s["support"]) == {"documents", "groups"} for s in summary["sentences"])


def test_compare_missing_file_is_a_clean_error() -> None:
    result = run("compare", "no-such-file.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_clean_prints_body_without_furniture() -> None:
    result = run("clean", str(SAMPLE / "reuters.txt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Iran's supreme leader said on Monday")
    assert "Comments" not in result.stdout


def test_clean_explain_lists_removals_with_reason_and_line() -> None:
    result = run("clean", str(SAMPLE / "reuters-wire.txt"), "--explain")
    assert result.returncode == 0, result.stderr
    assert "line    7  wire update note" in result.stdout
    assert "line    9  dateline" in result.stdout
    assert "meta dateline_place: PARIS/DUBAI" in result.stdout


def test_clean_json_has_body_meta_and_exact_removals() -> None:
    result = run("clean", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    docs = {d["id"]: d for d in json.loads(result.stdout)["documents"]}
    assert set(docs) == {p.name for p in SAMPLE.glob("*.txt")}
    latimes = docs["latimes-ap.txt"]
    assert latimes["meta"]["byline"] == "Lori Hinnant"
    raw = (SAMPLE / "latimes-ap.txt").read_text()
    for r in latimes["removals"]:
        assert raw[r["start"] : r["end"]] == r["text"] and r["reason"] and r["line"] >= 1
    for span in latimes["spans"]:
        assert raw[span["start"] : span["end"]].strip()


def test_clean_stdin_and_missing_file() -> None:
    result = run("clean", "-", stdin=b"BOSTON (AP) - A verdict came on Friday.\nAdvertisement\n")
    assert result.returncode == 0, result.stderr
    assert "Advertisement" not in result.stdout
    missing = run("clean", "no-such-file.txt")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_summarize_no_clean_flag() -> None:
    result = run("summarize", str(SAMPLE / "reuters.txt"), "--no-clean", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["parameters"]["clean"] is False


def test_help_shows_every_bracketed_text() -> None:
    """Rich reads '[spark]' or '[default: all]' as markup and drops it, so '--help' once
    told users to 'pip install synopsis' for Spark: every bracket in a help text is shown."""
    import re

    import typer.main
    from typer.testing import CliRunner

    from synopsis.cli import app

    def commands(cmd: object, path: list[str]) -> Iterator[tuple[list[str], object]]:
        yield path, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from commands(sub, [*path, name])

    lost = []
    for path, cmd in commands(typer.main.get_command(app), []):
        shown = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"}).stdout
        flat = " ".join(shown.replace("│", " ").split())
        texts = [cmd.help or "", *(getattr(p, "help", None) or "" for p in cmd.params)]
        for part in (b for t in texts for b in re.findall(r"\[[^\]]*\]", t)):
            if " ".join(part.split()) not in flat:
                lost.append((" ".join(path), part))
    assert not lost


def test_many_clusters_in_text_each_name_their_cluster(tmp_path: Path) -> None:
    """Text has no heading of its own: without one, which summary is which cluster?"""
    rain = "Heavy rain flooded the town on Monday. Roads were closed by the police."
    vote = "The council approved the budget on Tuesday. The mayor welcomed the vote."
    data = tmp_path / "two.jsonl"
    data.write_text(
        "".join(
            json.dumps({"id": i, "documents": [t]}) + "\n"
            for i, t in [("rain", rain), ("vote", vote)]
        ),
        encoding="utf-8",
    )
    out = run_cli("summarize", str(data)).stdout
    first, second = out.split("-" * 72)
    assert first.startswith("== rain ==\n") and "flooded" in first
    assert second.lstrip().startswith("== vote ==\n") and "budget" in second
    md = run_cli("summarize", str(data), "--format", "md").stdout
    assert "## Summary of rain" in md and "== rain ==" not in md


def test_clean_of_several_clusters_names_each_documents_cluster(tmp_path: Path) -> None:
    """Document ids repeat across clusters (a JSONL's articles are 1, 2, ...)."""
    rain = "Heavy rain flooded the town on Monday. Roads were closed by the police."
    vote = "The council approved the budget on Tuesday. The mayor welcomed the vote."
    data = tmp_path / "two.jsonl"
    lines = [json.dumps({"id": i, "documents": [t]}) for i, t in [("rain", rain), ("vote", vote)]]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = run_cli("clean", str(data)).stdout
    assert text.index("== rain: 1 ==") < text.index("flooded") < text.index("== vote: 1 ==")
    docs = json.loads(run_cli("clean", str(data), "--format", "json").stdout)["documents"]
    assert [(d["cluster_id"], d["id"]) for d in docs] == [("rain", "1"), ("vote", "1")]
    one = json.loads(run_cli("clean", str(SAMPLE / "reuters.txt"), "-f", "json").stdout)
    assert "cluster_id" not in one["documents"][0]


def test_output_through_a_symlink_or_into_a_pipe_keeps_it(tmp_path: Path) -> None:
    """The atomic rename once replaced what --output named: a symlink became a plain file
    (its target untouched) and, as root, '-o /dev/full' replaced the device itself."""
    import os
    import stat
    import threading

    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run_cli("summarize", str(SAMPLE / "reuters.txt"), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and "Sources:" in target.read_text()

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    result = run_cli("summarize", str(SAMPLE / "reuters.txt"), "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode) and "Sources:" in got[0]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
