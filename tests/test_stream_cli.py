"""``synopsis track`` and ``synopsis stories``: in-process, and a real killed subprocess."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stream_builders import interleaved, write_jsonl
from synopsis.cli import app
from synopsis.stream import embed
from synopsis.stream.store import Store
from synopsis.stream.tracker import Tracker

runner = CliRunner()


def track(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["track", *args], input=stdin)


def test_track_then_stories_in_every_format(tmp_path: Path):
    stream = write_jsonl(tmp_path / "in.jsonl", interleaved(per_story=4))
    db = str(tmp_path / "s.db")
    result = track(str(stream), "--db", db)
    assert result.exit_code == 0, result.stderr
    acks = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(acks) == 16 and sum(a["new_story"] for a in acks) == 4
    assert "16 articles stored" in result.stderr
    lines = runner.invoke(app, ["stories", "--db", db, "--format", "json"]).stdout.splitlines()
    stories = [json.loads(line) for line in lines]
    assert len(stories) == 4
    keys = {"story_id", "headline", "summary", "articles", "first_seen", "last_seen",
            "independent_sources", "disagreements", "version", "new_since_previous"}  # fmt: skip
    assert keys <= set(stories[0])
    sentence = stories[0]["summary"][0]
    assert {"text", "document_id", "start", "end", "support"} <= set(sentence)
    for fmt, marker in (("text", "independent source"), ("md", "## "), ("html", "<details>")):
        out = runner.invoke(app, ["stories", "--db", db, "--format", fmt])
        assert out.exit_code == 0 and marker in out.stdout
    one = runner.invoke(
        app, ["stories", "--db", db, "--story", stories[1]["story_id"], "-f", "json"]
    )
    assert json.loads(one.stdout)["story_id"] == stories[1]["story_id"]
    newest = max(s["last_seen"] for s in stories)
    since = runner.invoke(app, ["stories", "--db", db, "--since", newest, "-f", "json"])
    assert len(since.stdout.splitlines()) == 1


def test_bad_lines_are_reported_with_their_numbers_and_skipped(tmp_path: Path):
    good = interleaved(per_story=1, kits=("flood", "comet"))
    text = (
        json.dumps(good[0]) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "when", "text": "Some text here.", "published": "last Tuesday"}) + "\n"
        + "[1, 2]\n"
        + json.dumps(good[1]) + "\n"
    )  # fmt: skip
    result = track("-", "--db", str(tmp_path / "s.db"), stdin=text)
    assert result.exit_code == 1, result.stderr  # the rest tracked, but input was lost
    for number in (2, 3, 4, 5):
        assert f"<stdin>, line {number}:" in result.stderr
    assert result.stderr.splitlines()[-1].endswith(", 4 skipped")
    assert "Traceback" not in result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == [
        good[0]["id"],
        good[1]["id"],
    ]


def test_strict_stops_at_the_first_bad_line_after_storing_the_ones_before(tmp_path: Path):
    good = interleaved(per_story=1, kits=("flood", "comet", "strike"))
    text = (
        json.dumps(good[0]) + "\n"
        + json.dumps(good[1]) + "\n"
        + "{not json\n"
        + json.dumps(good[2]) + "\n"
    )  # fmt: skip
    db = tmp_path / "s.db"
    result = track("-", "--db", str(db), "--strict", stdin=text)
    assert result.exit_code == 2, result.stderr
    assert "<stdin>, line 3:" in result.stderr and "--strict" in result.stderr
    assert "Traceback" not in result.stderr
    acked = [json.loads(x)["id"] for x in result.stdout.splitlines()]
    assert acked == [good[0]["id"], good[1]["id"]]
    with Tracker(db) as tracker:  # acknowledged means committed; nothing after the line
        stored = {a.id for s in tracker.stories() for a in s.articles}
    assert stored == set(acked)
    clean = track("-", "--db", str(tmp_path / "t.db"), "--strict", stdin=text.replace(
        "{not json\n", ""))  # fmt: skip
    assert clean.exit_code == 0, clean.stderr
    assert len(clean.stdout.splitlines()) == 3


def test_user_mistakes_are_one_line_errors(tmp_path: Path):
    for args, message in (
        (["track", str(tmp_path / "missing.jsonl")], "no such file"),
        (["track"], "nothing to track"),
        (["track", "-", "--db", "mysql://x"], "postgresql:// URL"),
        (["stories", "--db", str(tmp_path / "none.db")], "no such story database"),
        (["stories", "--db", str(tmp_path / "s.db"), "--since", "soon"], "ISO 8601"),
    ):
        if args[0] == "stories" and "--since" in args:
            Tracker(tmp_path / "s.db").store.close()
        result = runner.invoke(app, args, input="")
        assert result.exit_code == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr


def test_folder_input(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    records = interleaved(per_story=2, kits=("strike", "election"))
    write_jsonl(folder / "a.jsonl", records[:2])
    write_jsonl(folder / "b.jsonl", records[2:])
    (folder / "note.txt").write_text("Dock workers at the port of Halden walked out again.")
    result = track(str(folder), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.stderr
    assert {json.loads(x)["id"] for x in result.stdout.splitlines()} == {
        *(r["id"] for r in records), "note.txt"}  # fmt: skip


PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1>{p}</article></body></html>"


@pytest.fixture
def feed_server() -> Iterator[str]:
    """An RSS feed and its linked pages on a loopback port (one link is missing)."""
    records = interleaved(per_story=2, kits=("comet",))
    pages = {
        f"/{r['id']}.html": PAGE.format(
            t=r["title"], p="".join(f"<p>{s}.</p>" for s in r["text"].split(". "))
        )
        for r in records
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = (
                    "".join(
                        f"<item><title>{r['title']}</title><link>{host}/{r['id']}.html</link>"
                        f"<pubDate>Fri, 01 Mar 2024 0{i}:00:00 GMT</pubDate></item>"
                        for i, r in enumerate(records)
                    )
                    + f"<item><title>gone</title><link>{host}/gone.html</link></item>"
                )
                channel = f"<channel><title>Test wire</title>{items}</channel>"
                body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
            elif self.path in pages:
                body = pages[self.path]
            else:
                self.send_error(404)
                return
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_feed_pages_are_fetched_and_a_missing_page_skipped(tmp_path: Path, feed_server: str):
    db = str(tmp_path / "s.db")
    result = track("--feed", f"{feed_server}/feed.xml", "--db", db)
    assert result.exit_code == 1, result.stderr  # the missing page
    acks = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(acks) == 2 and len({a["story_id"] for a in acks}) == 1
    assert f"{feed_server}/gone.html" in result.stderr
    story = Tracker(db).stories()[0]
    assert {a.source for a in story.articles} == {"Test wire"}
    assert all(a.url.startswith(feed_server) for a in story.articles)
    assert story.articles[0].published.startswith("2024-03-01T00:00")


def test_unreachable_feed_is_skipped_and_the_rest_processed(tmp_path: Path, feed_server: str):
    stream = write_jsonl(tmp_path / "in.jsonl", interleaved(per_story=1, kits=("flood",)))
    dead = "http://127.0.0.1:9/feed.xml"
    result = track(str(stream), "--feed", dead, "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1, result.stderr
    assert dead in result.stderr and "unreachable" in result.stderr
    assert result.stderr.splitlines()[-1].endswith(", 1 skipped")
    assert len(result.stdout.splitlines()) == 1


def test_killed_track_loses_no_acknowledged_article(tmp_path: Path):
    """SIGKILL a real ``synopsis track`` mid-stream, restart it: every acknowledged article
    is stored exactly once, and the story ids equal an uninterrupted run's."""
    records = interleaved(per_story=80)
    stream = write_jsonl(tmp_path / "in.jsonl", records)
    db = str(tmp_path / "k.db")
    cmd = [sys.executable, "-m", "synopsis", "track", str(stream), "--db", db,
           "--summary-every", "40"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    acked = []
    for line in proc.stdout:
        acked.append(json.loads(line)["id"])
        if len(acked) >= 130:
            break
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    acked += [json.loads(line)["id"] for line in rest.splitlines()]
    assert proc.returncode == -signal.SIGKILL
    assert len(acked) < len(records)  # it really was cut short
    store = Store(db)
    stored = [r[0] for r in store.all("SELECT id FROM articles")]
    store.close()
    assert set(acked) <= set(stored) and len(stored) == len(set(stored))
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    reference = str(tmp_path / "ref.db")
    with Tracker(reference) as tracker:
        expected = {r["id"]: tracker.add(r).story_id for r in records}
    with Tracker(db) as tracker:
        got = {a.id: s.story_id for s in tracker.stories() for a in s.articles}
    assert got == expected


def test_follow_picks_up_new_files_once_complete(tmp_path: Path):
    from synopsis.stream.reader import read_folder

    folder = tmp_path / "in"
    folder.mkdir()
    records = interleaved(per_story=2, kits=("comet",))
    write_jsonl(folder / "1.jsonl", records[:1])
    polls = []

    def stop() -> bool:
        polls.append(1)
        if len(polls) == 2:  # a file appears while we watch
            write_jsonl(folder / "2.jsonl", records[1:])
        return len(polls) > 5

    got = [i.id for i in read_folder(folder, follow=True, poll=0.01, stop=stop) if i]
    assert got == [r["id"] for r in records]


@pytest.mark.skipif(
    not embed.available(),
    reason="the embed extra (pip install 'synopsis[embed]') is absent",
)
def test_track_with_embeddings_and_a_database_keeps_its_mode(tmp_path: Path):
    records = interleaved(per_story=3)
    db = str(tmp_path / "e.db")
    first = track(str(write_jsonl(tmp_path / "a.jsonl", records[:6])), "--db", db, "--embed")
    assert first.exit_code == 0, first.stderr
    rest = write_jsonl(tmp_path / "b.jsonl", records[6:])
    refused = track(str(rest), "--db", db)  # the same database without --embed
    assert refused.exit_code == 2
    assert "built with embeddings" in refused.stderr and "Traceback" not in refused.stderr
    again = track(str(rest), "--db", db, "--embed", "-q")
    assert again.exit_code == 0, again.stderr
    acks = [json.loads(line) for line in first.stdout.splitlines()]
    with Tracker(db) as reader:
        stored = {a.id for s in reader.stories() for a in s.articles}
    assert stored == {r["id"] for r in records}
    assert len({a["story_id"] for a in acks}) <= 4  # four stories interleaved
