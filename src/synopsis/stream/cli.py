"""What ``synopsis track`` and ``synopsis stories`` do, kept out of the typer layer."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import InputError
from ..ingest import Skipped
from .reader import Item, parse_published, read_feed, read_file, read_folder, read_lines
from .render import render
from .similarity import StoryOptions
from .tracker import Tracker, TrackOptions, follow


def items(inputs: list[str], feeds: list[str], watch: bool) -> tuple[Iterator[Item], int]:
    """All inputs as one item stream, and the batch size to commit at (1 for stdin:
    a piped article is acknowledged as soon as it is stored)."""
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise InputError(f"{name}: no such file or folder")
    if not inputs and not feeds:
        raise InputError("nothing to track: give JSONL files, folders, '-' or --feed URL")
    if "-" in inputs and sys.stdin is None:  # started with standard input closed (<&-)
        raise InputError("standard input: is closed, nothing to read")

    def chain() -> Iterator[Item]:
        for name in inputs:
            if name == "-":
                yield from read_lines(sys.stdin, "<stdin>")
            elif Path(name).is_dir():
                yield from read_folder(Path(name), follow=watch)
            else:
                yield from read_file(Path(name))
        for url in feeds:
            yield from read_feed(url)

    return chain(), 1 if "-" in inputs else 64


def track(
    inputs: list[str],
    feeds: list[str],
    db: str,
    watch: bool,
    window_days: float,
    summary_every: int,
    quiet: bool,
    stderr: Console,
    embed: bool = False,
    strict: bool = False,
) -> int:
    """Track the inputs; returns how many items were skipped (each already named on
    stderr). With ``strict`` the first bad item ends the run, after the good ones read
    before it are committed, as an :class:`InputError`."""
    stream, batch = items(inputs, feeds, watch)
    first_bad: list[Skipped] = []
    if strict:
        stream = _until_bad(stream, first_bad)
    story = StoryOptions.with_embeddings() if embed else StoryOptions()
    options = TrackOptions(story=dataclasses.replace(story, window_days=window_days),
                           summary_every=summary_every, embed=embed)  # fmt: skip
    start = time.monotonic()
    with (
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=not stderr.is_terminal,  # no bar, nor its blank line, in a pipe or log
        ) as bar,
        Tracker(db, options) as tracker,
    ):
        task = bar.add_task("Tracking")

        def stored(article, assignment) -> None:
            if not quiet:
                line = {
                    "id": article.id,
                    "story_id": assignment.story_id,
                    "new_story": assignment.new_story,
                }
                sys.stdout.write(json.dumps(line) + "\n")
                sys.stdout.flush()
            done = bar.tasks[0].completed + 1
            rate = done / max(time.monotonic() - start, 1e-6)
            bar.update(task, completed=done, description=f"{done} articles, {rate:.0f}/s")

        def skipped(item: Skipped) -> None:
            if strict:
                return  # the command's error, once the articles before it are committed
            stderr.print(
                f"synopsis: skipped {item.source}: {item.reason}", highlight=False, markup=False
            )

        result = follow(tracker, stream, batch, stored, skipped)
        bar.update(task, description="Summarizing changed stories")
    stderr.print(
        f"synopsis: {result.stored} article{'' if result.stored == 1 else 's'} stored, "
        f"{result.repeated} already stored, "
        f"{result.skipped} skipped",
        highlight=False,
    )
    if first_bad:
        bad = first_bad[0]
        raise InputError(f"{bad.source}: {bad.reason} (--strict: stopped there; the "
                         "articles before it are stored)")  # fmt: skip
    return result.skipped


def _until_bad(stream: Iterator[Item], bad: list[Skipped]) -> Iterator[Item]:
    """The items up to and including the first skipped one (kept in ``bad``)."""
    for item in stream:
        yield item
        if isinstance(item, Skipped):
            bad.append(item)
            return


def stories(db: str, fmt: str, since: str | None, story: str | None, limit: int | None) -> str:
    if since is not None:
        try:
            parse_published(since, "--since")
        except InputError:
            raise InputError(
                f"--since {since!r}: not an ISO 8601 time (such as 2024-05-01 or "
                "2024-05-01T12:00:00Z)"
            ) from None
    if not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
        raise InputError(f"{db}: no such story database (create it with 'synopsis track')")
    tracker = Tracker(db)
    try:
        found = [tracker.story(story)] if story else tracker.stories(since, limit)
    finally:
        tracker.store.close()
    return render(found, fmt)
