"""The tracker: articles in, stories with current, attributed summaries out.

>>> from synopsis import Tracker
>>> with Tracker(db="stories.db") as tracker:  # doctest: +SKIP
...     assignment = tracker.add({"id": "a1", "text": "...", "published": "2024-05-01T09:00Z"})
...     tracker.stories()[0].headline

``add`` assigns an article to a story (:mod:`synopsis.stream.similarity`), writes it in
one transaction and only then returns: an acknowledged article is never lost. Summaries
are recomputed with the regular pipeline for the stories whose articles changed, in
batches (every ``TrackOptions.summary_every`` articles, and on ``refresh``/``close``),
not once per article of a burst.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from ..errors import InputError, SynopsisError
from ..ingest import Skipped
from ..options import Options
from .reader import article_from_record, parse_published
from .similarity import DAY, Article, Assignment, DocumentFrequencies, StoryIndex, StoryOptions
from .store import Saved, Store, StoryRow

if TYPE_CHECKING:
    from ..model import Cluster, Summary
    from .embed import Embedder


@dataclass(frozen=True)
class TrackOptions:
    """Grouping options, summary options, and how often summaries are refreshed."""

    story: StoryOptions = field(default_factory=StoryOptions)
    summary: Options = field(default_factory=Options)
    # Summaries of changed stories are recomputed after this many new articles.
    summary_every: int = 500
    # Group with sentence embeddings too (``synopsis[embed]``; see
    # :mod:`synopsis.stream.embed`); use with ``StoryOptions.with_embeddings()``, whose
    # threshold and weights were chosen for it. A database keeps the mode it started with.
    embed: bool = False


@dataclass(frozen=True)
class StoryArticle:
    """An article as listed under its story."""

    id: str
    title: str | None
    url: str | None
    published: str
    source: str | None


@dataclass(frozen=True)
class Story:
    """A story with its current summary (``summary`` holds the sentence objects of
    ``summarize --format json``); ``version`` counts summary changes."""

    story_id: str
    headline: str
    text: str
    summary: tuple[Mapping[str, object], ...]
    articles: tuple[StoryArticle, ...]
    first_seen: str
    last_seen: str
    independent_sources: int
    disagreements: tuple[Mapping[str, object], ...]
    version: int
    new_since_previous: tuple[Mapping[str, object], ...]
    pending: bool  # articles arrived since the summary was computed

    def to_dict(self) -> dict[str, object]:
        """The JSON Lines record of ``synopsis stories --format json``."""
        return {
            "story_id": self.story_id,
            "headline": self.headline,
            "text": self.text,
            "summary": list(self.summary),
            "articles": [a.__dict__ for a in self.articles],
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "independent_sources": self.independent_sources,
            "disagreements": list(self.disagreements),
            "version": self.version,
            "new_since_previous": list(self.new_since_previous),
            "pending": self.pending,
        }


class StoryNotFoundError(InputError):
    """No story with that id."""


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat().replace("+00:00", "Z")


class Tracker:
    """Follow a stream of articles into a story database (SQLite path or PostgreSQL URL).

    Only the first ``add`` takes the writer lock and loads the active stories, so a
    tracker used only to read (``stories``, ``story``) can run beside a writer.
    """

    def __init__(self, db: str | os.PathLike[str] = "stories.db",
                 options: TrackOptions | None = None) -> None:  # fmt: skip
        self.options = options or TrackOptions()
        if self.options.embed:
            from .embed import require

            require()
        self.store = Store(db)
        self._index: StoryIndex | None = None
        self._seq = 0
        self._since_refresh = 0
        self._locked = False
        self._embedder: Embedder | None = None

    @classmethod
    def following(cls, db: str | os.PathLike[str]) -> Tracker:
        """A tracker with the default options of the mode ``db`` was started in (text
        for a new database): what a writer that takes no options (the service) opens."""
        tracker = cls(db)
        if tracker.store.grouping() == "embed":
            from .embed import require

            try:
                require()
            except BaseException:
                tracker.store.close()
                raise
            story = StoryOptions.with_embeddings()
            tracker.options = dataclasses.replace(tracker.options, story=story, embed=True)
        return tracker

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Bring pending summaries up to date and close the database."""
        try:
            if self._index is not None:
                self.refresh()
        finally:
            self.store.close()

    # --- writing ----------------------------------------------------------------------
    def add(self, article: Article | Mapping[str, object]) -> Assignment:
        """Assign one article to a story and store it; returns once it is committed.
        Re-adding a stored id is a no-op that returns its story."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article | Mapping[str, object]]) -> list[Assignment]:
        """Assign and store several articles in one transaction (one commit for all)."""
        batch = [
            a if isinstance(a, Article) else article_from_record(a, "article") for a in articles
        ]
        index = self._writer()
        known = self.store.known(a.id for a in batch)
        embeddings = self._embeddings([a for a in batch if a.id not in known])
        out: list[Assignment] = []
        saved: list[Saved] = []
        fresh: dict[str, Assignment] = {}
        try:
            for article in batch:
                if article.id in known or article.id in fresh:
                    done = fresh.get(article.id) or self._existing(article.id)
                    out.append(Assignment(done.story_id, False))
                    continue
                assignment, feats = index.assign(article, embeddings.get(article.id))
                self._seq += 1
                saved.append(Saved(self._seq, article, assignment.story_id, assignment.new_story,
                                   feats, assignment.merged, assignment.split))  # fmt: skip
                fresh[article.id] = assignment
                if assignment.split is not None:  # earlier articles of this batch moved
                    for moved in assignment.split.moved:
                        if moved in fresh and moved != article.id:
                            fresh[moved] = Assignment(assignment.split.new_id, False)
                out.append(assignment)
            self.store.save_articles(saved, "embed" if self.options.embed else "text")
        except BaseException:
            self._index = None  # memory ran ahead of the database: rebuild from it
            raise
        self._since_refresh += len(saved)
        if self._since_refresh >= self.options.summary_every:
            self.refresh()
        return out

    def _embeddings(self, articles: list[Article]) -> dict[str, object]:
        """The new articles' embeddings, encoded in one batch (none unless ``embed``)."""
        if not self.options.embed or not articles:
            return {}
        if self._embedder is None:
            from .embed import Embedder

            self._embedder = Embedder()
        return dict(zip((a.id for a in articles), self._embedder.encode(articles), strict=True))

    def _existing(self, article_id: str) -> Assignment:
        row = self.store.one("SELECT story FROM articles WHERE id = ?", (article_id,))
        return Assignment(self.store.resolve(row[0]) or row[0], False)

    def _writer(self) -> StoryIndex:
        """Take the writer lock once, and rebuild the active stories from the database."""
        if self._index is not None:
            return self._index
        if not self._locked:
            self.store.lock_writer()
            self._locked = True
        mode, stored = ("embed" if self.options.embed else "text"), self.store.grouping()
        if stored is not None and stored != mode:
            # one database, one way of comparing: stories built with embeddings would be
            # scored against articles without them (or the reverse) on another scale
            hint = "pass --embed" if stored == "embed" else "drop --embed or start a new database"
            raise InputError(
                f"{self.store.target} was built {'with' if stored == 'embed' else 'without'}"
                f" embeddings (--embed): {hint} to add to it"
            )
        counts, documents = self.store.document_frequencies()
        index = StoryIndex(self.options.story, DocumentFrequencies(counts, documents))
        latest = self.store.latest_time()
        if latest is not None:
            horizon = latest - self.options.story.window_days * DAY
            rows, merges = self.store.active(horizon)
            pending = list(merges)
            for seq, article_id, assigned, feats in rows:
                index.restore(assigned, feats, article_id)
                while pending and pending[0][0] == seq:
                    _, old, new = pending.pop(0)
                    index.restore_merge(old, new)
            index.now = latest
        self._seq = self.store.next_seq() - 1
        self._index = index
        return index

    def refresh(self, progress: Callable[[list[str]], Iterator[str]] | None = None) -> int:
        """Recompute the summaries of stories whose articles changed; returns how many."""
        dirty = self.store.dirty()
        done = [self._summarize(s) for s in (progress(dirty) if progress else dirty)]
        self.store.save_summaries(done)  # one commit for the whole batch
        self._since_refresh = 0
        return len(dirty)

    def report(self, story_id: str) -> Summary:
        """The full :class:`~synopsis.model.Summary` of a story's current articles (computed
        again by the pipeline, so the HTML report can show every source)."""
        from ..pipeline import run

        story_id = self.story(story_id).story_id
        cluster = self._cluster(story_id, self.store.articles_of(story_id))
        return run(cluster, self.options.summary)

    def _cluster(self, story_id: str, rows: list[tuple]) -> Cluster:
        from ..model import Cluster, Document

        docs = tuple(
            Document(id=r[0], text=r[5], path=r[2], title=r[1]) for r in rows if r[5].strip()
        )
        return Cluster(id=story_id, documents=docs)

    def _summarize(self, story_id: str) -> tuple[str, int, str, str, str]:
        from ..pipeline import run
        from ..render.json import to_dict

        rows = self.store.articles_of(story_id)
        cluster = self._cluster(story_id, rows)
        docs = cluster.documents
        try:
            data = to_dict(run(cluster, self.options.summary))
        except SynopsisError as exc:
            data = {"summary": "", "sentences": [], "notes": [str(exc)],
                    "independent_sources": len(docs), "disagreements": []}  # fmt: skip
        previous = self.store.story_rows(story_id=story_id)
        before = set()
        if previous and previous[0].summary:
            before = {s["text"] for s in json.loads(previous[0].summary)["sentences"]}
        added = [s for s in data["sentences"] if s["text"] not in before]
        headline = next((r[1] for r in rows if r[1]), None) or _headline(data, docs)
        return story_id, len(rows), headline, json.dumps(data), json.dumps(added)

    # --- reading ----------------------------------------------------------------------
    def stories(self, since: str | datetime | None = None,
                limit: int | None = None) -> list[Story]:  # fmt: skip
        """Stories, newest activity first; ``since`` keeps those active since then."""
        if isinstance(since, str):
            since = parse_published(since, "--since")
        after = None if since is None else since.timestamp()
        return [self._story(row) for row in self.store.story_rows(since=after, limit=limit)]

    def story(self, story_id: str) -> Story:
        """One story by id (a merged story's old id gives the story it joined)."""
        current = self.store.resolve(story_id)
        rows = self.store.story_rows(story_id=current) if current else []
        if not rows:
            raise StoryNotFoundError(f"no story {story_id!r} in {self.store.target}")
        return self._story(rows[0])

    def _story(self, row: StoryRow) -> Story:
        data = json.loads(row.summary) if row.summary else {}
        articles = tuple(
            StoryArticle(r[0], r[1], r[2], r[3], r[4]) for r in self.store.articles_of(row.id)
        )
        return Story(
            story_id=row.id,
            headline=row.headline or (articles[0].title if articles else None) or row.id,
            text=str(data.get("summary", "")),
            summary=tuple(data.get("sentences", ())),
            articles=articles,
            first_seen=_iso(row.first_seen),
            last_seen=_iso(row.last_seen),
            independent_sources=int(data.get("independent_sources", len(articles))),
            disagreements=tuple(data.get("disagreements", ())),
            version=row.version,
            new_since_previous=tuple(json.loads(row.new_since_previous or "[]")),
            pending=row.dirty,
        )


def _headline(data: Mapping[str, object], docs: tuple) -> str:
    sentences = data.get("sentences") or []
    text = sentences[0]["text"] if sentences else (docs[0].text if docs else "")
    text = " ".join(str(text).split())
    return text if len(text) <= 120 else text[:117].rsplit(" ", 1)[0] + "..."


@dataclass
class Progress:
    """What a run of :func:`follow` did."""

    stored: int = 0
    repeated: int = 0
    skipped: int = 0


def follow(
    tracker: Tracker,
    items: Iterable[Article | Skipped | None],
    batch: int = 64,
    on_stored: Callable[[Article, Assignment], None] | None = None,
    on_skipped: Callable[[Skipped], None] | None = None,
) -> Progress:
    """Feed a reader's items to the tracker, committing every ``batch`` articles (and
    whenever the reader is idle, which it says with ``None``); ``on_stored`` is told of
    each article only after its commit: that is the acknowledgement."""
    done = Progress()
    pending: list[Article] = []

    def flush() -> None:
        if not pending:
            return
        known = tracker.store.known(a.id for a in pending)
        for article, assignment in zip(pending, tracker.add_many(pending), strict=True):
            if article.id in known:
                done.repeated += 1
            else:
                done.stored += 1
            if on_stored:
                on_stored(article, assignment)
        pending.clear()

    for item in items:
        if isinstance(item, Skipped):
            done.skipped += 1
            if on_skipped:
                on_skipped(item)
        elif item is None:
            flush()
        else:
            pending.append(item)
            if len(pending) >= batch:
                flush()
    flush()
    return done
