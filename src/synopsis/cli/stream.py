"""track and stories: stream mode (synopsis.stream)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..errors import SynopsisError
from .common import (
    OutputOption,
    app,
    check_writable,
    fail,
    stderr,
    write,
)

# --- stream mode: track and stories (synopsis.stream) ---------------------------------
DbOption = Annotated[
    str,
    typer.Option("--db", help="Story database: a SQLite file path or a postgresql:// URL."),
]


class StoryFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


@app.command("track")
def track_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH", help="JSONL files (one article a line), folders, or '-' for stdin."
        ),
    ] = None,
    db: DbOption = "stories.db",
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS/Atom feed URL (repeatable).")
    ] = None,
    follow_: Annotated[
        bool, typer.Option("--follow", help="Keep watching folders for new files.")
    ] = False,
    window_days: Annotated[
        float, typer.Option(min=0.01, help="Days a story stays open to new articles.")
    ] = 14.0,
    summary_every: Annotated[
        int, typer.Option(min=1, help="Recompute changed summaries after this many articles.")
    ] = 500,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Do not print one line per stored article.")
    ] = False,
    embed: Annotated[
        bool,
        typer.Option(
            "--embed",
            help="Also compare articles by sentence embeddings (paraphrase-aware, slower;"
            " needs synopsis[embed]). A database keeps the mode it was started with.",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Stop at the first bad line, file or feed (exit code 2), after committing "
            "the articles read before it. By default each is reported on stderr and skipped, "
            "tracking goes on, and the exit code is 1.",
        ),
    ] = False,
) -> None:
    """Group incoming articles into stories, with live summaries.

    Reads articles in arrival order from JSONL files ({"id", "text", "published"?,
    "title"?} a line), folders of .jsonl, .txt, .md or .html files, standard input or RSS/Atom
    feeds, assigns each to a story in --db, and prints {"id", "story_id", "new_story"}
    on standard output once it is committed. Bad lines (invalid JSON, no text, a bad
    'published') and unreachable feeds are named on stderr with their line or URL and
    skipped, and tracking goes on. Exit code 0: every article read; 1: some input was
    skipped (the closing line counts it); 2: stopped, one line says why. Re-adding an id is
    a no-op, so a stopped run is resumed by running it again.

    \b
    Examples:
      synopsis track articles.jsonl --db stories.db
      synopsis track --feed https://example.org/rss --follow
    """
    from ..stream import cli as stream_cli

    try:
        skipped = stream_cli.track(inputs or [], feed or [], db, follow_, window_days,
                                   summary_every, quiet, stderr, embed, strict)  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    if skipped:  # each named on stderr, and counted by the closing line
        raise typer.Exit(1)


@app.command("stories")
def stories_command(
    db: DbOption = "stories.db",
    fmt: Annotated[StoryFormat, typer.Option("--format", "-f", help="Output format.")] = (
        StoryFormat.text
    ),
    since: Annotated[
        str | None, typer.Option(help="Only stories active since this ISO 8601 time.")
    ] = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story id.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many stories.")] = None,
    output: OutputOption = None,
) -> None:
    """List the tracked stories, newest activity first.

    Reads the story database that 'synopsis track' writes and prints each story's
    headline, sources and current summary (json: one story a line; html: one page) to
    standard output or --output.

    \b
    Example:
      synopsis stories --db stories.db --since 2024-05-01 --format md
    """
    from ..stream import cli as stream_cli

    check_writable(output, "--output")
    try:
        rendered = stream_cli.stories(db, fmt.value, since, story, limit)
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    write(rendered, output)
