"""The tracker over real databases: SQLite in a temp dir, PostgreSQL started here."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from stream_builders import interleaved, twin_floods
from synopsis.stream.similarity import StoryOptions
from synopsis.stream.store import SCHEMA_VERSION, Store, StoreError
from synopsis.stream.tracker import StoryNotFoundError, Tracker, TrackOptions


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free loopback port, as the postgres user."""
    # on the PATH, or where Debian's postgresql package puts them
    path = os.pathsep.join(
        [os.environ.get("PATH", ""), *sorted(glob.glob("/usr/lib/postgresql/*/bin"))]
    )
    initdb, pg_ctl = shutil.which("initdb", path=path), shutil.which("pg_ctl", path=path)
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) are not on the PATH")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'synopsis[stream]')")
    user = "postgres" if os.geteuid() == 0 else None
    root = tempfile.mkdtemp(prefix="synopsis-pg-")
    if user:
        shutil.chown(root, user)
    data, port = os.path.join(root, "data"), _free_port()
    run = lambda *cmd: subprocess.run(cmd, user=user, check=True, capture_output=True)  # noqa: E731
    run(initdb, "-D", data, "-U", "postgres", "-A", "trust")
    run(pg_ctl, "-D", data, "-l", os.path.join(root, "log"), "-w", "-o",
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start")  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(pg_ctl, "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres: str) -> Iterator[str]:
    """A fresh database per test."""
    import psycopg

    name = f"t{time.monotonic_ns()}"
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = postgres.rsplit("/", 1)[0] + "/" + name
    yield url
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def ids_of(db: str, records: list[dict], every: int = 100,
           story: StoryOptions | None = None) -> list[str]:  # fmt: skip
    options = TrackOptions(story=story or StoryOptions(), summary_every=every)
    with Tracker(db, options) as tracker:
        return [tracker.add(r).story_id for r in records]


def test_interleaved_stories_are_separated_and_summarized(tmp_path: Path):
    records = interleaved(per_story=5)
    with Tracker(tmp_path / "s.db") as tracker:
        got = {r["id"]: tracker.add(r) for r in records}
        assert all(s.pending and s.version == 0 for s in tracker.stories())
        assert tracker.refresh() == 4
        stories = tracker.stories()
    assert len(stories) == 4
    for story in stories:
        kits = {a.id.split("-")[0] for a in story.articles}
        assert len(kits) == 1 and len(story.articles) == 5
        assert story.version == 1 and story.summary and not story.pending
        assert all(s["document_id"] in {a.id for a in story.articles} for s in story.summary)
        assert story.new_since_previous == story.summary  # the first version added all
    assert sum(a.new_story for a in got.values()) == 4
    assert [s.last_seen for s in stories] == sorted((s.last_seen for s in stories), reverse=True)


def test_follow_up_days_later_joins_and_bumps_the_version(tmp_path: Path):
    records = interleaved(per_story=3, kits=("flood", "comet"))
    late = interleaved(per_story=4, kits=("flood",), seed=9, hours=24)[-1]
    late["published"] = "2024-03-05T10:00:00Z"
    late["id"] = "flood-late"
    db = tmp_path / "s.db"
    with Tracker(db) as tracker:
        first = {r["id"]: tracker.add(r).story_id for r in records}
    with Tracker(db) as tracker:
        joined = tracker.add(late)
        assert joined.story_id == first["flood-0"] and not joined.new_story
        tracker.refresh()
        story = tracker.story(joined.story_id)
    assert len(story.articles) == 4 and story.last_seen.startswith("2024-03-05")


def test_re_adding_an_id_is_a_no_op(tmp_path: Path):
    records = interleaved(per_story=2, kits=("strike",))
    db = tmp_path / "s.db"
    with Tracker(db) as tracker:
        first = [tracker.add(r) for r in records]
        again = tracker.add(records[0])
        assert again.story_id == first[0].story_id and not again.new_story
        assert len(tracker.stories()[0].articles) == 2
    store = Store(db)
    assert store.one("SELECT COUNT(*) FROM articles")[0] == 2
    assert store.one("SELECT version FROM schema_version")[0] == SCHEMA_VERSION
    assert store.one("PRAGMA journal_mode")[0] == "wal"
    store.close()


def test_ids_stable_across_a_restart(tmp_path: Path):
    records = interleaved(per_story=6)
    straight = ids_of(str(tmp_path / "a.db"), records)
    half = len(records) // 2
    db = str(tmp_path / "b.db")
    resumed = ids_of(db, records[:half]) + ids_of(db, records[half:])
    assert resumed == straight
    assert len(set(straight)) == 4


def test_event_cues_are_restored_across_a_restart(tmp_path: Path):
    records = interleaved(per_story=6)
    cues = StoryOptions(number_weight=0.3, day_weight=0.3)
    straight = ids_of(str(tmp_path / "a.db"), records, story=cues)
    db, half = str(tmp_path / "b.db"), len(records) // 2
    resumed = ids_of(db, records[:half], story=cues) + ids_of(db, records[half:], story=cues)
    assert resumed == straight
    store = Store(db)
    stored = store.all("SELECT features FROM articles")
    store.close()
    assert any('"d":' in row[0] for row in stored)  # the days were kept with the article


def test_second_writer_gets_a_clear_error(tmp_path: Path):
    db = tmp_path / "s.db"
    records = interleaved(per_story=1)
    with Tracker(db) as first:
        first.add(records[0])
        second = Tracker(db)
        with pytest.raises(StoreError, match="another synopsis process"):
            second.add(records[1])
        assert len(second.stories()) == 1  # reading beside a writer is fine
        second.store.close()


def test_unknown_story_and_bad_db(tmp_path: Path):
    with Tracker(tmp_path / "s.db") as tracker, pytest.raises(StoryNotFoundError):
        tracker.story("nope")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a story database"):
        Tracker(tmp_path / "junk.db")
    with pytest.raises(StoreError, match="does not exist"):
        Tracker(tmp_path / "missing" / "s.db")


def test_postgresql_gives_the_same_ids_as_sqlite(tmp_path: Path, pg_url: str):
    records = interleaved(per_story=6)
    lite = ids_of(str(tmp_path / "s.db"), records)
    half = len(records) // 2
    pg = ids_of(pg_url, records[:half]) + ids_of(pg_url, records[half:])
    assert pg == lite
    with Tracker(pg_url) as tracker:
        stories = tracker.stories()
        assert len(stories) == 4 and all(s.summary for s in stories)
        assert tracker.add(records[0]).story_id == lite[0]  # idempotent there too


def test_postgresql_second_writer_refused(pg_url: str):
    records = interleaved(per_story=1)
    with Tracker(pg_url) as first:
        first.add(records[0])
        second = Tracker(pg_url)
        with pytest.raises(StoreError, match="another synopsis process"):
            second.add(records[1])
        second.store.close()


def test_unreachable_postgresql_is_a_clear_error():
    port = _free_port()
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        Tracker(f"postgresql://nobody@127.0.0.1:{port}/none")


def test_merged_story_resolves_to_its_survivor_across_a_restart(tmp_path: Path):
    from synopsis.stream.similarity import StoryOptions

    options = TrackOptions(story=StoryOptions(threshold=1.01, merge_threshold=0.2))
    records = interleaved(per_story=3, kits=("flood",))
    db = tmp_path / "m.db"
    with Tracker(db, options) as tracker:
        first = tracker.add(records[0])
        second = tracker.add(records[1])
    assert second.new_story and second.merged == (first.story_id,)
    with Tracker(db, options) as tracker:
        third = tracker.add(records[2])
        assert tracker.story(first.story_id).story_id == third.story_id
        [story] = tracker.stories()
        assert len(story.articles) == 3
    with Tracker(tmp_path / "straight.db", options) as tracker:
        assert [tracker.add(r).story_id for r in records][-1] == third.story_id


# Loose options under which the second flood's first article joins the first flood's
# story, so that the story is later split (see test_stream_similarity).
SPLITTING = StoryOptions(threshold=0.01, novelty_weight=0, entity_weight=0, split_ratio=0.55)


def stored_stories(db: str) -> tuple[list[tuple[str, str]], dict[str, tuple]]:
    """Each article's story as stored, and each live story's size, first and last time."""
    store = Store(db)
    try:
        articles = [tuple(r) for r in store.all("SELECT id, story FROM articles ORDER BY seq")]
        stories = {
            r[0]: tuple(r[1:])
            for r in store.all(
                "SELECT id, size, first_seen, last_seen FROM stories WHERE merged_into IS NULL"
            )
        }
    finally:
        store.close()
    return articles, stories


# ...and a split that only the names make (the terms alone keep the floods together at
# this ratio): the members' names must come back from the store for it to happen again.
SPLITTING_ON_NAMES = replace(SPLITTING, split_ratio=0.3, split_name_weight=1.0)


@pytest.mark.parametrize("options", [SPLITTING, SPLITTING_ON_NAMES], ids=["terms", "names"])
def test_a_split_story_is_stored_and_survives_a_restart(tmp_path: Path, options: StoryOptions):
    records = twin_floods()
    straight = str(tmp_path / "a.db")
    ids_of(straight, records, story=options)
    articles, stories = stored_stories(straight)
    by_town = {town: {s for a, s in articles if a.startswith(town)} for town in ("m", "k")}
    assert len(by_town["m"]) == len(by_town["k"]) == 1 and by_town["m"] != by_town["k"]
    assert sorted(size for size, _, _ in stories.values()) == [7, 7]
    with Tracker(straight) as tracker:  # both stories summarized after the split
        assert all(s.summary and len(s.articles) == 7 for s in tracker.stories())
    for cut in (5, 9, 12):  # restarts before, around and after the split
        db = str(tmp_path / f"r{cut}.db")
        ids_of(db, records[:cut], story=options)
        ids_of(db, records[cut:], story=options)
        assert stored_stories(db) == (articles, stories)


def test_postgresql_stores_a_split_as_sqlite_does(tmp_path: Path, pg_url: str):
    records = twin_floods()
    lite = str(tmp_path / "s.db")
    ids_of(lite, records, story=SPLITTING)
    half = len(records) // 2
    ids_of(pg_url, records[:half], story=SPLITTING)
    ids_of(pg_url, records[half:], story=SPLITTING)
    assert stored_stories(pg_url) == stored_stories(lite)
