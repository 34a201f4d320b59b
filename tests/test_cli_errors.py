"""What a user meets on bad input, a closed or empty stdin, a bad --db, Ctrl-C: one line
naming the problem, the documented exit code, no traceback, and nothing lost silently.

Inputs are the invented files under ``tests/fixtures/input/`` (see its README)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from synopsis.errors import InputError
from synopsis.ingest import Skipped, load

INPUT = FIXTURES / "input"
run = run_cli


def json_ids(stdout: str) -> list[str]:
    return [json.loads(line)["cluster_id"] for line in stdout.splitlines() if line.strip()]


# --- a bad line among good ones: reported by number, the rest written, exit 1 ------------


@pytest.mark.parametrize("command", ["summarize", "clean", "compare"])
def test_a_malformed_jsonl_line_is_reported_and_the_rest_written(command: str) -> None:
    result = run(command, str(INPUT / "one-bad-line.jsonl"), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "one-bad-line.jsonl, line 2: invalid JSON" in result.stderr
    assert "1 unreadable input line skipped; the rest were written" in result.stderr
    assert "Traceback" not in result.stderr
    if command == "summarize":
        assert json_ids(result.stdout) == ["bridge", "library"]
    else:
        assert result.stdout.strip()


def test_empty_clusters_are_each_reported_by_line() -> None:
    result = run("summarize", str(INPUT / "empty-clusters.jsonl"), "-f", "json")
    assert result.returncode == 1, result.stderr
    assert "empty-clusters.jsonl, line 2: cluster 'nothing' has no non-empty document" in (
        result.stderr
    )
    assert "empty-clusters.jsonl, line 3: cluster 'blank'" in result.stderr
    assert "2 unreadable input lines skipped" in result.stderr
    assert json_ids(result.stdout) == ["bridge", "library"]


def test_strict_stops_at_the_first_bad_line_and_keeps_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("earlier results\n")
    result = run("summarize", str(INPUT / "one-bad-line.jsonl"), "--strict", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "synopsis: error: "
        f"{INPUT / 'one-bad-line.jsonl'}, line 2: invalid JSON "
        "(Unterminated string starting at character 31)"
    ]
    assert out.read_text() == "earlier results\n"


def test_strict_applies_to_a_bad_line_among_several_inputs() -> None:
    bad, good = str(INPUT / "one-bad-line.jsonl"), str(INPUT / "empty-clusters.jsonl")
    assert run("summarize", bad, good, "--strict").returncode == 2
    relaxed = run("summarize", bad, good, "-f", "json")
    assert relaxed.returncode == 1
    assert "3 unreadable input lines skipped" in relaxed.stderr
    assert json_ids(relaxed.stdout) == ["bridge", "library", "bridge", "library"]


def test_a_file_of_no_readable_line_is_one_error_naming_the_first() -> None:
    result = run("summarize", str(INPUT / "no-good-line.jsonl"))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "no-good-line.jsonl, line 1: invalid JSON" in line
    assert "(and 1 more unreadable line); no line could be read" in line


def test_among_several_inputs_every_line_of_an_unreadable_file_is_reported() -> None:
    result = run("summarize", str(INPUT / "no-good-line.jsonl"),
                 str(INPUT / "one-bad-line.jsonl"), "-f", "json")  # fmt: skip
    assert result.returncode == 1
    for where in ("no-good-line.jsonl, line 1", "no-good-line.jsonl, line 2",
                  "one-bad-line.jsonl, line 2"):  # fmt: skip
        assert f"skipped {INPUT / where}" in result.stderr
    assert json_ids(result.stdout) == ["bridge", "library"]


def test_a_multinews_line_of_separators_only_is_reported() -> None:
    result = run("summarize", str(INPUT / "separators-only.txt"), "-f", "json")
    assert result.returncode == 1
    assert "separators-only.txt, line 2: no article on this line" in result.stderr
    assert json_ids(result.stdout) == ["1", "3"]


def test_a_bad_line_on_stdin_is_reported_as_standard_input() -> None:
    data = (INPUT / "one-bad-line.jsonl").read_bytes()
    result = run("summarize", "-", "-f", "json", stdin=data)
    assert result.returncode == 1
    assert "skipped standard input, line 2: invalid JSON" in result.stderr
    assert json_ids(result.stdout) == ["bridge", "library"]


def test_the_library_still_raises_on_a_bad_line_unless_asked_to_skip() -> None:
    with pytest.raises(InputError, match=r"one-bad-line\.jsonl, line 2: invalid JSON"):
        load(INPUT / "one-bad-line.jsonl")
    loaded = load(INPUT / "one-bad-line.jsonl", skip_bad_lines=True)
    assert [c.id for c in loaded.clusters] == ["bridge", "library"]
    (skipped,) = loaded.skipped
    assert skipped.line == 2 and skipped.where.endswith("one-bad-line.jsonl, line 2")
    assert skipped.reason.startswith("invalid JSON")
    assert Skipped("a.txt", "why").where == "a.txt"


# --- whole inputs: one line naming what and why -------------------------------------------


def test_a_file_that_is_not_utf8_is_read_not_refused() -> None:
    result = run("summarize", str(INPUT / "cp1252.txt"))
    assert result.returncode == 0, result.stderr
    assert "caf\u00e9" in result.stdout


def test_a_binary_file_is_one_line() -> None:
    result = run("summarize", str(INPUT / "binary.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"synopsis: error: {INPUT / 'binary.txt'}: looks like a binary file, not text"
    ]


def test_a_folder_of_unreadable_files_names_each(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html"):
        (tmp_path / name).write_bytes((INPUT / "binary.txt").read_bytes())
    result = run("summarize", str(tmp_path))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"{tmp_path / 'a.txt'}: looks like a binary" in line
    assert f"{tmp_path / 'b.html'}: looks like a binary" in line


def test_a_web_address_is_refused_saying_what_to_do() -> None:
    result = run("summarize", "https://news.example.org/story")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "https://news.example.org/story: is a web address" in line
    assert "save the page first" in line


@pytest.mark.parametrize("stdin", [b"", b"  \n\n"])
def test_empty_stdin_is_one_line(stdin: bytes) -> None:
    result = run("summarize", "-", stdin=stdin)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["synopsis: error: standard input: is empty"]


@pytest.mark.parametrize("command", ["summarize", "track"])
def test_closed_stdin_is_one_line_not_a_traceback(tmp_path: Path, command: str) -> None:
    """``synopsis summarize - <&-`` (or ``track -``): Python sets sys.stdin to None."""
    db = ["--db", str(tmp_path / "s.db")] if command == "track" else []
    result = subprocess.run(
        [sys.executable, "-m", "synopsis", command, "-", *db],
        capture_output=True, text=True, timeout=120, check=False,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "synopsis: error: standard input: is closed, nothing to read"
    ]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--format", "xml"], "'--format'"),
        (["--words", "0"], "'--words'"),
        (["--words", "-5"], "'--words'"),
        (["--words", "many"], "'--words'"),
    ],
)
def test_bad_options_are_usage_errors_in_one_line(args: list[str], named: str) -> None:
    result = run("summarize", str(INPUT / "cp1252.txt"), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and named in errors[0]


# --- stream mode and the service --------------------------------------------------------


def test_stories_since_names_the_expected_format(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "x", "text": "A storm shut the port. Boats stayed in."}))
    assert run("track", str(articles), "--db", str(db), "-q").returncode == 0
    result = run("stories", "--db", str(db), "--since", "last week")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "synopsis: error: --since 'last week': not an ISO 8601 time (such as 2024-05-01 "
        "or 2024-05-01T12:00:00Z)"
    ]


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("ftp://example.org/x", "--db 'ftp://example.org/x': use a file path"),
        ("{tmp}/missing/s.db", "--db: {tmp}/missing/s.db: folder {tmp}/missing does not exist"),
        ("{tmp}/junk.db", "--db: {tmp}/junk.db: not a story database"),
    ],
)
def test_serve_checks_its_story_database_before_starting(
    tmp_path: Path, db: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def started(*args: object, **kwargs: object) -> None:  # a missed check must not serve
        raise AssertionError("the server started with a bad --db")

    monkeypatch.setattr("synopsis.service.serve", started)
    (tmp_path / "junk.db").write_bytes((INPUT / "binary.txt").read_bytes())
    db, message = db.format(tmp=tmp_path), message.format(tmp=tmp_path)
    result = run("serve", "--db", db, "--port", "1")
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("synopsis: error: " + message)


# --- help ---------------------------------------------------------------------------------


def test_every_command_help_says_what_it_reads_and_gives_an_example() -> None:
    import typer

    from synopsis.cli import app

    def leaves(cmd: object, path: list[str]):
        subs = getattr(cmd, "commands", {})
        if not subs:
            yield path
        for name, sub in subs.items():
            yield from leaves(sub, [*path, name])

    for path in leaves(typer.main.get_command(app), []):
        if path == ["batch", "spark-job"]:
            continue  # prints one path; its help says so
        shown = run(*path, "--help").stdout
        assert "Reads" in shown, path
        assert "Example" in shown and f"synopsis {' '.join(path)} " in shown, path
        assert "<bool>" not in shown, path


def test_a_summary_line_for_the_command_list_is_not_cut() -> None:
    for group in ([], ["batch"]):
        listing = run(*group, "--help").stdout
        commands = listing.split("Commands:", 1)[1].strip().splitlines()
        assert commands and not [line for line in commands if line.endswith("...")]


# --- progress and Ctrl-C ------------------------------------------------------------------


def test_progress_writes_nothing_to_a_stderr_that_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from synopsis.cli.common import counter, progress

    assert list(progress(range(50), "Reading")) == list(range(50))
    with counter("Evaluating", 3) as tick:
        for _ in range(3):
            tick()
    assert capsys.readouterr().err == ""


def test_ctrl_c_ends_in_one_line_saying_what_is_kept(tmp_path: Path) -> None:
    """A real SIGINT to the real entry point, while it waits on a pipe that never ends."""
    out = tmp_path / "out.txt"
    out.write_text("earlier results\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "synopsis", "summarize", "-", "-o", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert proc.stdin is not None
        proc.stdin.write(b"The ferry resumed service on Monday. ")
        proc.stdin.flush()
        time.sleep(3)  # start-up, then blocked reading standard input
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert err.decode().strip().splitlines() == [
        "synopsis: interrupted; an --output file is replaced only when a run completes, "
        "so it is as it was"
    ]
    assert out.read_text() == "earlier results\n"


# --- outputs that would destroy or pollute the input ---------------------------------------


def test_output_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes((INPUT / "cp1252.txt").read_bytes())
    result = run("summarize", str(article), "-o", str(article))
    assert result.returncode == 2
    assert "is one of the inputs" in result.stderr
    assert article.read_bytes() == (INPUT / "cp1252.txt").read_bytes()


def test_output_inside_an_input_folder_is_refused_when_it_would_be_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes((INPUT / "cp1252.txt").read_bytes())
    (tmp_path / "summary.txt").write_text("an earlier summary\n")
    result = run("summarize", str(tmp_path), "-o", str(tmp_path / "summary.txt"))
    assert result.returncode == 2
    assert "inside the input folder" in result.stderr
    assert (tmp_path / "summary.txt").read_text() == "an earlier summary\n"
    (tmp_path / "summary.json").write_text("{}")  # a type the folder reader passes over
    assert run("summarize", str(tmp_path), "-o", str(tmp_path / "summary.json")).returncode == 0


def test_eval_refuses_an_unwritable_report_before_it_runs(tmp_path: Path) -> None:
    """The check comes first: the data file does not even exist here."""
    result = run("eval", str(tmp_path / "none.jsonl"), "--json", str(tmp_path / "no" / "r.json"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"synopsis: error: --json {tmp_path / 'no' / 'r.json'}: folder {tmp_path / 'no'} "
        "does not exist"
    ]


def test_track_writes_no_blank_progress_line_when_stderr_is_not_a_terminal(
    tmp_path: Path,
) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "x", "text": "A storm shut the port. Boats stayed in."}))
    result = run("track", str(articles), "--db", str(tmp_path / "s.db"), "-q")
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["synopsis: 1 article stored, 0 already stored, 0 skipped"]


@pytest.mark.parametrize("command", ["summarize", "clean", "compare"])
def test_an_output_into_a_missing_folder_is_refused_before_any_work(
    tmp_path: Path, command: str
) -> None:
    out = tmp_path / "missing" / "out.txt"
    result = run(command, str(INPUT / "no-good-line.jsonl"), "-o", str(out))
    assert result.returncode == 2  # refused for the output, not for the unreadable input
    assert result.stderr.strip().splitlines() == [
        f"synopsis: error: --output {out}: folder {out.parent} does not exist"
    ]


def test_json_sent_as_a_form_is_told_to_send_json() -> None:
    """``curl -d '{...}'`` labels JSON as a form; the service says so instead of "no article
    given". In-process (starlette's TestClient), threads: no server, no process left."""
    from starlette.testclient import TestClient

    from synopsis.service import ServiceOptions, create_app

    body = json.dumps({"documents": ["A storm shut the port. Boats stayed in."], "words": 20})
    with TestClient(create_app(ServiceOptions(processes=False, workers=1))) as client:
        as_form = client.post(
            "/v1/summarize", content=body,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        as_json = client.post(
            "/v1/summarize", content=body, headers={"content-type": "application/json"}
        )
    assert as_form.status_code == 415
    assert "sent as a form" in as_form.json()["error"]
    assert "Content-Type: application/json" in as_form.json()["error"]
    assert as_json.status_code == 200, as_json.text


def test_a_terminal_on_stdin_gets_a_hint_to_end_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``synopsis summarize -`` typed at a prompt would otherwise wait without a word."""
    import io

    from synopsis.cli.common import read_inputs

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    text = (INPUT / "cp1252.txt").read_text(encoding="cp1252").encode()
    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(text)))
    loaded = read_inputs(["-"])
    assert [len(c.documents) for c in loaded.clusters] == [1]
    assert capsys.readouterr().err == "synopsis: reading standard input (end it with Ctrl-D)\n"


def test_mixing_articles_and_cluster_files_names_both(tmp_path: Path) -> None:
    article, clusters = INPUT / "cp1252.txt", INPUT / "empty-clusters.jsonl"
    result = run("summarize", str(article), str(clusters))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"single articles ({article})" in line and f"Multi-News ({clusters})" in line


def test_a_json_file_is_told_how_to_become_json_lines(tmp_path: Path) -> None:
    data = tmp_path / "clusters.json"
    data.write_text(json.dumps([{"id": "a", "documents": ["A storm shut the port."]}]))
    result = run("summarize", str(data))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "synopsis reads JSON Lines (.jsonl" in line and "jq -c '.[]'" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--split", "checks"], "unknown split 'checks'; choose from all, tune, check"),
        (["-s", "synopsis,leed"], "unknown system 'leed'"),
    ],
)
def test_eval_refuses_a_typo_before_reading_the_data(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """The data file does not exist: the typo is what gets reported."""
    result = run("eval", str(tmp_path / "none.jsonl"), *args)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert message in line
