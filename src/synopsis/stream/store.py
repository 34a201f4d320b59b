"""Where stories live: one schema over plain DB-API, SQLite by default, PostgreSQL by URL.

Why plain DB-API: the schema is six small tables and a dozen statements, all written in
the SQL both databases share (``ON CONFLICT``, ``BIGINT``, ``DOUBLE PRECISION``); the only
dialect differences are the parameter marker, how the writer lock is taken and the
connection itself (:class:`Dialect`). SQLAlchemy would add a dependency for no gain here.

Every article is written with its story, its term counts and any merge in one
transaction (:meth:`Store.save_articles`), committed before the caller acknowledges it, so
a killed process leaves either the whole article or nothing. Summaries are written in their
own transactions later; a story whose articles changed stays ``dirty`` until one is.
A ``schema_version`` table records the schema; :meth:`Store.migrate` creates or upgrades it.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingExtraError, SynopsisError
from .similarity import Article, Features, Split

SCHEMA_VERSION = 1

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS articles (
        seq BIGINT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        assigned TEXT NOT NULL,
        story TEXT NOT NULL,
        title TEXT, url TEXT, source TEXT,
        published TEXT NOT NULL,
        ts DOUBLE PRECISION NOT NULL,
        text TEXT NOT NULL,
        features TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles (story, seq)",
    """CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY,
        first_seen DOUBLE PRECISION NOT NULL,
        last_seen DOUBLE PRECISION NOT NULL,
        size BIGINT NOT NULL,
        merged_into TEXT,
        dirty BIGINT NOT NULL DEFAULT 1,
        version BIGINT NOT NULL DEFAULT 0,
        summarized_size BIGINT NOT NULL DEFAULT 0,
        headline TEXT,
        summary TEXT,
        new_since_previous TEXT)""",
    "CREATE INDEX IF NOT EXISTS stories_last ON stories (last_seen)",
    """CREATE TABLE IF NOT EXISTS merges (
        old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL, seq BIGINT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]


class StoreError(SynopsisError):
    """The story database cannot be opened or used as asked."""


@dataclass(frozen=True)
class Saved:
    """One article ready to be written: its place in the stream, story and features."""

    seq: int
    article: Article
    story_id: str
    new_story: bool
    features: Features
    merged: tuple[str, ...] = ()
    split: Split | None = None


@dataclass(frozen=True)
class StoryRow:
    """A story as stored (summary still JSON text)."""

    id: str
    first_seen: float
    last_seen: float
    size: int
    version: int
    headline: str | None
    summary: str | None
    new_since_previous: str | None
    dirty: bool


class Dialect:
    """What differs between SQLite and PostgreSQL."""

    name = "sqlite"
    marker = "?"

    def connect(self, target: str) -> Any:
        raise NotImplementedError

    def lock(self, store: Store) -> None:
        raise NotImplementedError

    def unlock(self) -> None:
        """Release the writer lock (closing a PostgreSQL connection releases its own)."""


class SQLite(Dialect):
    name = "sqlite"
    marker = "?"

    def __init__(self) -> None:
        self._lock_file: int | None = None
        self.path = ""

    def connect(self, target: str) -> sqlite3.Connection:
        self.path = target
        folder = Path(target).parent
        if not folder.is_dir():
            raise StoreError(f"{target}: folder {folder} does not exist")
        try:
            # check_same_thread off: the service uses one tracker from its thread pool, under a lock
            conn = sqlite3.connect(
                target, isolation_level=None, timeout=30, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed article survives power loss too, not only a killed process
            conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{target}: not a story database ({exc})") from None
        return conn

    def lock(self, store: Store) -> None:
        """One writer per file: an advisory lock on ``PATH.lock``, released by the OS
        when the process ends, however it ends."""
        import fcntl

        fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise StoreError(
                f"{self.path}: another synopsis process is already tracking into this "
                "database; stop it first (readers such as 'synopsis stories' may run)"
            ) from None
        self._lock_file = fd

    def unlock(self) -> None:
        if self._lock_file is not None:
            os.close(self._lock_file)  # closing the descriptor releases the flock
            self._lock_file = None


class PostgreSQL(Dialect):
    name = "postgresql"
    marker = "%s"

    def connect(self, target: str) -> Any:
        try:
            import psycopg
        except ImportError:
            raise MissingExtraError("a PostgreSQL story database", "stream") from None
        try:
            return psycopg.connect(target, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc)
            raise StoreError(f"cannot connect to PostgreSQL: {message}") from None

    def lock(self, store: Store) -> None:
        """A session advisory lock: released when the connection closes or dies."""
        row = store.one("SELECT pg_try_advisory_lock(?)", (0x5354524D,))
        if not row or not row[0]:
            raise StoreError(
                "another synopsis process is already tracking into this PostgreSQL "
                "database; stop it first"
            )


def dialect_for(db: str) -> Dialect:
    """PostgreSQL for ``postgresql://`` / ``postgres://`` URLs, else a SQLite file path."""
    if db.startswith(("postgresql://", "postgres://")):
        return PostgreSQL()
    if "://" in db:
        raise InputError(f"--db {db!r}: use a file path (SQLite) or a postgresql:// URL")
    return SQLite()


IN_LIST_SIZE = 500  # ids per "IN (?, ...)": under every SQLite build's variable limit


def _in_lists(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    """``ids`` in chunks of at most ``IN_LIST_SIZE``, each with its ``?`` placeholders."""
    for i in range(0, len(ids), IN_LIST_SIZE):
        chunk = ids[i : i + IN_LIST_SIZE]
        yield chunk, ",".join("?" * len(chunk))


class Store:
    """The story database: ``Store("stories.db")`` or ``Store("postgresql://...")``."""

    def __init__(self, db: str | os.PathLike[str]) -> None:
        self.target = os.fspath(db)
        self.dialect = dialect_for(self.target)
        self.conn = self.dialect.connect(self.target)
        self.migrate()

    # --- plumbing ---------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.dialect.marker == "?" else sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[object] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), params)
        return cur

    def one(self, sql: str, params: Sequence[object] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[object] = ()) -> list[Any]:
        return list(self.execute(sql, params).fetchall())

    def _begin(self) -> None:
        self.execute("BEGIN IMMEDIATE" if self.dialect.name == "sqlite" else "BEGIN")

    def close(self) -> None:
        self.conn.close()
        self.dialect.unlock()

    def lock_writer(self) -> None:
        """Refuse a second writer with a clear error instead of corrupting the stories."""
        self.dialect.lock(self)

    def migrate(self) -> None:
        """Create the tables, or upgrade them, and record the schema version."""
        self._begin()
        try:
            for statement in SCHEMA:
                self.execute(statement)
            row = self.one("SELECT version FROM schema_version")
            if row is None:
                self.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.target}: written by a newer synopsis (schema {row[0]}, this "
                    f"one knows {SCHEMA_VERSION}); upgrade synopsis"
                )
            self.execute("COMMIT")
        except BaseException:
            self.execute("ROLLBACK")
            raise

    # --- writing ----------------------------------------------------------------------
    def known(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` already stored (re-adding one is a no-op)."""
        found: set[str] = set()
        for chunk, marks in _in_lists(list(ids)):
            rows = self.all(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def next_seq(self) -> int:
        row = self.one("SELECT MAX(seq) FROM articles")
        return (row[0] or 0) + 1

    def save_articles(self, items: Sequence[Saved], grouping: str = "text") -> None:
        """Write articles, their stories, term counts and merges in one transaction;
        ``grouping`` ("text" or "embed") is recorded with the first articles."""
        if not items:
            return
        self._begin()
        try:
            self.execute(
                "INSERT INTO meta (key, value) VALUES ('grouping', ?) ON CONFLICT (key) DO NOTHING",
                (grouping,),
            )
            terms: Counter[str] = Counter()
            for item in items:
                self._save(item)
                terms.update(item.features.terms)
            self._count_terms(terms)
            documents = self.one("SELECT value FROM meta WHERE key = 'documents'")
            total = int(documents[0]) + len(items) if documents else len(items)
            self.execute(
                "INSERT INTO meta (key, value) VALUES ('documents', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(total),),
            )
            self.execute("COMMIT")
        except BaseException:
            self.execute("ROLLBACK")
            raise

    def _save(self, item: Saved) -> None:
        a, f = item.article, item.features
        blob = json.dumps(_features_record(f), separators=(",", ":"))
        self.execute(
            "INSERT INTO articles (seq, id, assigned, story, title, url, source, published,"
            " ts, text, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item.seq, a.id, item.story_id, item.story_id, a.title, a.url, a.source,
             a.published.isoformat(), f.timestamp, a.text, blob),
        )  # fmt: skip
        if item.split is not None:
            self._split(item.split, f.timestamp)
        elif item.new_story:
            self.execute(
                "INSERT INTO stories (id, first_seen, last_seen, size) VALUES (?, ?, ?, 1)",
                (item.story_id, f.timestamp, f.timestamp),
            )
        else:
            self.execute(
                "UPDATE stories SET size = size + 1, dirty = 1,"
                " first_seen = CASE WHEN first_seen > ? THEN ? ELSE first_seen END,"
                " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE id = ?",
                (f.timestamp, f.timestamp, f.timestamp, f.timestamp, item.story_id),
            )
        for old in item.merged:
            self._merge(old, item.story_id, item.seq)

    def _split(self, split: Split, ts: float) -> None:
        """Move a split story's articles to the new story (as if assigned to it: a restart
        replays them there) and recount both stories from their articles."""
        self.execute(
            "INSERT INTO stories (id, first_seen, last_seen, size) VALUES (?, ?, ?, 0)"
            " ON CONFLICT (id) DO NOTHING",
            (split.new_id, ts, ts),
        )
        for chunk, marks in _in_lists(list(split.moved)):
            self.execute(
                f"UPDATE articles SET assigned = ?, story = ? WHERE id IN ({marks})",
                [split.new_id, split.new_id, *chunk],
            )
        for story_id in (split.story_id, split.new_id):
            self.execute(
                "UPDATE stories SET dirty = 1,"
                " size = (SELECT COUNT(*) FROM articles WHERE story = ?),"
                " first_seen = (SELECT MIN(ts) FROM articles WHERE story = ?),"
                " last_seen = (SELECT MAX(ts) FROM articles WHERE story = ?) WHERE id = ?",
                (story_id, story_id, story_id, story_id),
            )

    def _count_terms(self, terms: Counter[str]) -> None:
        """Add a batch's document frequencies: one statement on PostgreSQL (arrays),
        one prepared statement run per term on SQLite (no round trips there)."""
        ordered = sorted(terms.items())
        upsert = " ON CONFLICT (term) DO UPDATE SET df = terms.df + excluded.df"
        if self.dialect.name == "postgresql":
            self.execute(
                "INSERT INTO terms (term, df) SELECT * FROM unnest(?::text[], ?::bigint[])"
                + upsert,
                ([t for t, _ in ordered], [n for _, n in ordered]),
            )
        else:
            self.conn.executemany("INSERT INTO terms (term, df) VALUES (?, ?)" + upsert, ordered)

    def _merge(self, old: str, new: str, seq: int) -> None:
        row = self.one("SELECT first_seen, last_seen, size FROM stories WHERE id = ?", (old,))
        self.execute("INSERT INTO merges (old_id, new_id, seq) VALUES (?, ?, ?)", (old, new, seq))
        self.execute("UPDATE merges SET new_id = ? WHERE new_id = ?", (new, old))
        self.execute("UPDATE articles SET story = ? WHERE story = ?", (new, old))
        self.execute("UPDATE stories SET merged_into = ?, dirty = 0 WHERE id = ?", (new, old))
        self.execute(
            "UPDATE stories SET size = size + ?, dirty = 1,"
            " first_seen = CASE WHEN first_seen > ? THEN ? ELSE first_seen END,"
            " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE id = ?",
            (row[2], row[0], row[0], row[1], row[1], new),
        )

    def save_summaries(self, items: Sequence[tuple[str, int, str, str, str]]) -> None:
        """Store summaries ``(story_id, size, headline, summary_json, new_sentences_json)``
        in one transaction; each was computed from the story's first ``size`` articles.
        A story's version increases only when its summary text changed."""
        if not items:
            return
        self._begin()
        try:
            for story_id, size, headline, summary, new_sentences in items:
                self._save_summary(story_id, size, headline, summary, new_sentences)
            self.execute("COMMIT")
        except BaseException:
            self.execute("ROLLBACK")
            raise

    def _save_summary(self, story_id: str, size: int, headline: str, summary: str,
                      new_sentences: str) -> None:  # fmt: skip
        row = self.one("SELECT version, summary, size FROM stories WHERE id = ?", (story_id,))
        version, old, current = row
        changed = old is None or _summary_text(old) != _summary_text(summary)
        self.execute(
            "UPDATE stories SET headline = ?, summary = ?, summarized_size = ?, dirty = ?"
            " WHERE id = ?",
            (headline, summary, size, int(current != size), story_id),
        )
        if changed:  # a new version, and what it added; else the last one's stay
            self.execute(
                "UPDATE stories SET version = ?, new_since_previous = ? WHERE id = ?",
                (version + 1, new_sentences, story_id),
            )

    # --- reading ----------------------------------------------------------------------
    def document_frequencies(self) -> tuple[dict[str, int], int]:
        counts = {term: int(df) for term, df in self.all("SELECT term, df FROM terms")}
        row = self.one("SELECT value FROM meta WHERE key = 'documents'")
        return counts, int(row[0]) if row else 0

    def active(self, horizon: float) -> tuple[list[tuple[int, str, str, Features]], list[tuple]]:
        """Articles of stories active since ``horizon`` (seq, article id, story assigned,
        features), in stream order, and the merges among them (seq, old, new as first
        recorded)."""
        rows = self.all(
            "SELECT a.seq, a.id, a.assigned, a.ts, a.features FROM articles a JOIN stories s"
            " ON s.id = a.story WHERE s.last_seen >= ? AND s.merged_into IS NULL"
            " ORDER BY a.seq",
            (horizon,),
        )
        out = []
        for seq, article_id, assigned, ts, blob in rows:
            out.append((seq, article_id, assigned, _features_from(json.loads(blob), ts)))
        merges = self.all(
            "SELECT m.seq, m.old_id, a.assigned FROM merges m JOIN articles a ON a.seq = m.seq"
            " JOIN stories s ON s.id = m.new_id WHERE s.last_seen >= ? ORDER BY m.seq",
            (horizon,),
        )
        return out, merges

    def grouping(self) -> str | None:
        """How the stored articles were grouped ("text", "embed"), None if none is stored.
        Databases written before this was recorded grouped by text."""
        row = self.one("SELECT value FROM meta WHERE key = 'grouping'")
        if row:
            return str(row[0])
        return "text" if self.one("SELECT 1 FROM articles LIMIT 1") else None

    def latest_time(self) -> float | None:
        row = self.one("SELECT MAX(ts) FROM articles")
        return row[0] if row else None

    def resolve(self, story_id: str) -> str | None:
        """The current id of a story (merged stories resolve to their survivor)."""
        row = self.one("SELECT new_id FROM merges WHERE old_id = ?", (story_id,))
        if row:
            return row[0]
        row = self.one("SELECT id FROM stories WHERE id = ?", (story_id,))
        return row[0] if row else None

    def dirty(self) -> list[str]:
        rows = self.all(
            "SELECT id FROM stories WHERE dirty = 1 AND merged_into IS NULL ORDER BY last_seen, id"
        )
        return [r[0] for r in rows]

    def articles_of(self, story_id: str) -> list[tuple]:
        return self.all(
            "SELECT id, title, url, published, source, text FROM articles WHERE story = ?"
            " ORDER BY seq",
            (story_id,),
        )

    def story_rows(self, since: float | None = None, story_id: str | None = None,
                   limit: int | None = None) -> list[StoryRow]:  # fmt: skip
        where, params = ["merged_into IS NULL"], []
        if since is not None:
            where.append("last_seen >= ?")
            params.append(since)
        if story_id is not None:
            where.append("id = ?")
            params.append(story_id)
        sql = (
            "SELECT id, first_seen, last_seen, size, version, headline, summary,"
            " new_since_previous, dirty FROM stories WHERE " + " AND ".join(where)
            + " ORDER BY last_seen DESC, id"
        )  # fmt: skip
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [StoryRow(*r[:8], bool(r[8])) for r in self.all(sql, params)]


def _features_record(f: Features) -> dict[str, Any]:
    """What is kept of an article's features to rebuild its story on restart: the vector
    and names, and when present the event cues and the embedding (float32, base64: about
    2 KB for 384 dimensions, a quarter of its JSON digits)."""
    record: dict[str, Any] = {"v": f.vector, "e": sorted(f.entities)}
    if f.numbers:
        record["n"] = sorted(f.numbers)
    if f.days:
        record["d"] = sorted(f.days)
    if f.embedding is not None:
        record["m"] = base64.b64encode(f.embedding.astype("<f4").tobytes()).decode("ascii")
    return record


def _features_from(data: dict[str, Any], ts: float) -> Features:
    embedding = None
    if "m" in data:
        import numpy as np  # only in databases grouped with embeddings

        embedding = np.frombuffer(base64.b64decode(data["m"]), dtype="<f4")
    return Features(
        data["v"], frozenset(data["e"]), ts, embedding=embedding,
        numbers=frozenset(data.get("n", ())), days=frozenset(data.get("d", ())),
    )  # fmt: skip


def _summary_text(summary_json: str) -> str:
    return str(json.loads(summary_json).get("summary", ""))
