"""The ``synopsis`` command: a thin layer over the Python API.

Every user mistake ends in one line on stderr and a non-zero exit, never a traceback.
Only typer, rich and the light option types are imported here: each command imports the
pipeline, renderers and evaluation it needs, so ``--help`` and ``--version`` start fast.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from .errors import SynopsisError
from .options import CleanOptions, Options

if TYPE_CHECKING:
    from .ingest import Loaded
    from .model import Cluster, Summary

T = TypeVar("T")
EXIT_USAGE = 2

app = typer.Typer(
    help="Summarize many news articles about one story into one short, attributed summary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, soft_wrap=True)

# Show a progress bar only when a run has enough items to take a while.
PROGRESS_MIN_ITEMS = 20


# One definition of the flag every writing command shares.
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]


JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for many clusters (results in input order)."
    ),
]


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def visible(text: str) -> str:
    """Terminal control characters in a message (file names, ids, article text) shown as
    symbols, so a hostile name cannot clear the screen or retitle the window."""
    from .render.text import neutralise_controls

    return neutralise_controls(text)


def say(message: str) -> None:
    """One line on stderr, taken literally (no rich markup read from user data)."""
    stderr.print(visible(message), highlight=False, markup=False)


def fail(message: str) -> typer.Exit:
    stderr.print(
        f"[bold red]synopsis: error:[/] {escape(visible(message))}", highlight=False, markup=True
    )
    return typer.Exit(EXIT_USAGE)


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    if total is None:
        items = list(items)
        total = len(items)
    if total < PROGRESS_MIN_ITEMS:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=label, total=total, console=stderr, transient=True)


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``output`` written atomically: a temporary file beside it is
    renamed over it only once everything is written, so a failure half-way (a bad cluster,
    Ctrl-C, a full disk) never leaves an existing file emptied or truncated."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    if output.is_dir():
        raise fail(f"{output}: is a folder, not a file")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=output.parent or ".", prefix=f".{output.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(output))
        os.replace(tmp, output)
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _mode_for(output: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual umask-based mode."""
    try:
        return stat.S_IMODE(output.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write(text: str, output: Path | None) -> None:
    with open_output(output) as handle:
        handle.write(text)


def read_inputs(paths: list[str]) -> Loaded:
    """Load the inputs, telling the user about every one that was skipped."""
    from .ingest import load

    loaded = load(paths, stdin=sys.stdin.buffer, progress=lambda f: progress(f, "Reading"))
    for skipped in loaded.skipped:
        say(f"synopsis: skipped {skipped.source}: {skipped.reason}")
    return loaded


def version_callback(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"synopsis {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """synopsis reads text, HTML, folders, JSONL and Multi-News files, or '-' for stdin."""


@app.command("summarize")
def summarize_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles to summarize: files (.txt .md .html), folders, JSONL or "
            "Multi-News files, or '-' for standard input. Single articles form one cluster; "
            "JSONL and Multi-News inputs give one summary per cluster.",
            show_default=False,
        ),
    ],
    words: Annotated[
        int, typer.Option("--words", "-w", min=1, help="Word budget: the summary never exceeds it.")
    ] = 100,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="text (with \\[n] source markers), json, md, or html (a self-contained page "
            "showing each summary sentence beside its source passage).",
        ),
    ] = Format.text,
    output: OutputOption = None,
    no_clean: Annotated[
        bool,
        typer.Option(
            "--no-clean", help="Summarize the raw text: keep page furniture, headers and captions."
        ),
    ] = False,
    jobs: JobsOption = 1,
) -> None:
    """Summarize articles about one story, citing the source of every sentence."""
    from . import summarize

    try:
        loaded = read_inputs(paths)
        options = Options(clean=CleanOptions(enabled=not no_clean))
        job = partial(summarize, words=words, options=options)
        stream_summaries(loaded.clusters, job, fmt.value, output, "Summarizing", jobs=jobs)
    except SynopsisError as exc:
        raise fail(str(exc)) from None


# Between two clusters' summaries in text and Markdown output (JSON becomes JSON Lines).
RULES = {"text": "\n" + "-" * 72 + "\n\n", "md": "\n---\n\n", "json": ""}


def stream_summaries(
    clusters: tuple[Cluster, ...],
    job: Callable[[Cluster], Summary],
    fmt: str,
    output: Path | None,
    label: str,
    renderers: dict[str, Callable[[Summary], str]] | None = None,
    jobs: int = 1,
) -> None:
    """Summarize and write one cluster at a time, in input order (over ``jobs`` processes),
    so output appears as it is made and memory holds a few summaries. With several clusters
    a failing one is reported with its id and skipped (exit code 1 at the end); with one,
    its error is the command's error."""
    from .render import RENDERERS, render_jsonl

    if len(clusters) > 1 and fmt == "html":
        raise SynopsisError(
            f"the html report shows one cluster, but the input holds {len(clusters)}; "
            "summarize one cluster at a time, or use json or md"
        )
    several = len(clusters) > 1
    render_one = render_jsonl if several and fmt == "json" else (renderers or RENDERERS)[fmt]
    if not several:
        with open_output(output) as out:
            for cluster in clusters:
                try:
                    out.write(render_one(job(cluster)))
                except MemoryError:
                    raise SynopsisError(f"cluster {cluster.id}: {out_of_memory(cluster)}") from None
        return
    from .batch import ordered_map

    failed: list[str] = []
    outcomes = ordered_map(partial(attempt, job, render_one), clusters, jobs)
    with open_output(output) as out:
        written = 0
        for cluster, (text, problem) in zip(
            clusters, progress(outcomes, label, total=len(clusters)), strict=True
        ):
            if problem is not None:
                failed.append(cluster.id)
                say(f"synopsis: cluster {cluster.id}: skipped: {problem}")
                continue
            out.write((RULES[fmt] if written else "") + text)
            written += 1
    if failed:
        shown = ", ".join(failed[:10]) + (" ..." if len(failed) > 10 else "")
        say(
            f"synopsis: {len(failed)} of {len(clusters)} clusters failed ({shown}); "
            "the rest were written"
        )
        raise typer.Exit(1)


def out_of_memory(cluster: Cluster) -> str:
    return (
        f"ran out of memory ({sum(len(d.text) for d in cluster.documents):,} characters); "
        "split it into smaller clusters"
    )


def attempt(
    job: Callable[[Cluster], Summary], render_one: Callable[[Summary], str], cluster: Cluster
) -> tuple[str, None] | tuple[None, str]:
    """One cluster's rendered summary, or why it failed: a plain message, so that it
    crosses a process boundary (exceptions do not always pickle) and one bad cluster never
    costs the others."""
    try:
        return render_one(job(cluster)), None
    except SynopsisError as exc:
        return None, str(exc)
    except MemoryError:
        return None, out_of_memory(cluster)
    except Exception as exc:  # a bug on one cluster must not cost the others
        return None, f"internal error ({type(exc).__name__}: {exc}); please report it"


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    max_body_mb: Annotated[
        float, typer.Option(min=0.001, help="Largest request body accepted, in MB.")
    ] = 20.0,
    max_documents: Annotated[
        int, typer.Option(min=1, help="Most documents accepted in one request.")
    ] = 1000,
    time_limit: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request may take (503 after that).")
    ] = 60.0,
    workers: Annotated[int, typer.Option(min=1, help="Summaries computed at once.")] = 2,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Story database for /v1/articles, /v1/stories, /stories."),
    ] = None,
    processes: Annotated[
        bool,
        typer.Option(
            "--processes/--threads",
            help="Compute summaries in worker processes, killed and replaced when a request "
            "passes its time or memory limit, or in threads (lighter, but a request over its "
            "limit keeps its thread busy until it finishes).",
        ),
    ] = True,
    memory_limit_mb: Annotated[
        int, typer.Option(min=50, help="Memory one request may use, in MB (processes only).")
    ] = 2000,
    upload_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request body may stall before 408.")
    ] = 15.0,
) -> None:
    """Run the HTTP service: POST /v1/summarize, a web page at /, API docs at /docs."""
    try:
        from .service import ServiceOptions, serve
    except SynopsisError as exc:  # the web extra is not installed
        raise fail(str(exc)) from None
    options = ServiceOptions(
        max_body_bytes=int(max_body_mb * 1_000_000),
        max_documents=max_documents,
        time_limit=time_limit,
        workers=workers,
        processes=processes,
        memory_limit_mb=memory_limit_mb,
        upload_timeout=upload_timeout,
        stories_db=db,
    )
    serve(host, port, options)


class CleanFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("clean")
def clean_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles to clean: files, folders, JSONL or Multi-News files, or '-' for "
            "standard input. Articles read together are cleaned as one cluster.",
            show_default=False,
        ),
    ],
    explain: Annotated[
        bool,
        typer.Option("--explain", help="List every removed span with its reason and line."),
    ] = False,
    fmt: Annotated[
        CleanFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (the cleaned body) or json (body, metadata, removals with raw offsets).",
        ),
    ] = CleanFormat.text,
    output: OutputOption = None,
) -> None:
    """Print the article text that cleaning keeps: no page furniture, headers or captions."""
    from .cleaning import clean_cluster
    from .render.clean import render_clean_json, render_clean_text

    try:
        loaded = read_inputs(paths)
        cleaned = [
            d for c in progress(loaded.clusters, "Cleaning") for d in clean_cluster(c.documents)
        ]
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    if fmt is CleanFormat.json:
        write(render_clean_json(cleaned), output)
    else:
        write(render_clean_text(cleaned, explain=explain), output)


@app.command("compare")
def compare_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Articles to compare: the same inputs as 'summarize'.", show_default=False
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text, json, md or html (the report page).")
    ] = Format.text,
    output: OutputOption = None,
) -> None:
    """Only the cross-source analysis: which articles are copies of one story, how many
    independent sources there are, and where they disagree (numbers, names, quotes, dates)."""
    from . import summarize
    from .render import render_analysis

    try:
        loaded = read_inputs(paths)
        summaries = [summarize(c) for c in progress(loaded.clusters, "Comparing")]
        rendered = render_analysis(summaries, fmt.value)
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    write(rendered, output)


@app.command("eval")
def eval_command(
    data: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines clusters with references: "
            '{"id", "documents": [str, ...], "summary"} per line (.jsonl or .jsonl.gz).',
            show_default=False,
        ),
    ],
    systems: Annotated[
        str | None,
        typer.Option(
            "--systems",
            "-s",
            help="Comma-separated systems to run (default: all): synopsis, lead, lexrank, "
            "lexrank-docorder, textrank, textrank-docorder, lsa, lsa-docorder, random, oracle.",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Only the first N clusters.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (parallel over clusters).")
    ] = 1,
    words: Annotated[
        int, typer.Option("--words", "-w", min=1, help="Word budget every summary is cut to.")
    ] = 300,
    split: Annotated[
        str,
        typer.Option(
            "--split", help="all, or the seeded half: tune (for tuning) or check (for reporting)."
        ),
    ] = "all",
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full JSON report here.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a Markdown report here.")
    ] = None,
) -> None:
    """Score synopsis and baselines with ROUGE against reference summaries."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from . import evaluate as ev

    try:
        clusters = ev.split(ev.read_clusters(data), split)[:limit]
        names = ev.parse_systems(systems)
        with Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=stderr, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("Evaluating", total=len(clusters))
            result = ev.evaluate(
                clusters, names, words=words, jobs=jobs, data=str(data), split=split,
                on_cluster=lambda _: bar.advance(task),
            )  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    if json_out is not None:
        write(ev.to_json(result), json_out)
    if report is not None:
        write(ev.to_markdown(result), report)
    Console().print(ev.report.to_table(result))


@app.command("train")
def train_command(
    data: Annotated[
        Path,
        typer.Argument(
            help="JSON Lines training clusters with references (.jsonl or .jsonl.gz), "
            "e.g. Multi-News train; never the evaluation files.",
            show_default=False,
        ),
    ],
    fit_clusters: Annotated[
        int,
        typer.Option(
            "--fit-clusters",
            min=1,
            help="The first N clusters fit the weights; the rest count the summary-word table.",
        ),
    ] = 3000,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Directory for learned_weights.json and summary_words.tsv "
            "(default: the package's own data, which the learned scorer loads).",
        ),
    ] = None,
) -> None:
    """Fit the learned scorer on what the pipeline scores (cleaned, segmented, deduped)."""
    from importlib import resources

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from .evaluate import read_clusters
    from .score.learned import LEARNED_INPUTS
    from .score.training import TrainOptions, train

    try:
        clusters = read_clusters(data)
        with Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=stderr, transient=True,
        ) as bar:  # fmt: skip
            task = bar.add_task("Preparing", total=len(clusters))
            trained = train(clusters, TrainOptions(fit_clusters=fit_clusters), source=data.name,
                            on_cluster=lambda: bar.advance(task))  # fmt: skip
        where = output or Path(str(resources.files("synopsis.score")))
        written = trained.model.save(where)
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output}: cannot write ({exc.strerror})") from None
    stderr.print(f"{trained.sentences} sentences from {trained.fit_clusters} clusters, "
                 f"{len(trained.model.words)} words from {trained.table_clusters}; "
                 f"correlation with the target {trained.correlation:.3f}")  # fmt: skip
    for name, w in zip(LEARNED_INPUTS, trained.model.weights, strict=True):
        stderr.print(f"  {name:18s} {w:+.4f}", highlight=False)
    for path in written:
        stderr.print(f"wrote {path}", highlight=False)


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
        typer.Argument(help="JSONL files (one article a line), folders, or '-' for stdin."),
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
) -> None:
    """Assign articles, in arrival order, to stories and keep their summaries current.

    Prints {"id", "story_id", "new_story"} per article once it is committed. Bad lines
    and unreachable feeds are reported on stderr and skipped. Re-adding an id is a no-op.
    """
    from .stream import cli as stream_cli

    try:
        stream_cli.track(inputs or [], feed or [], db, follow_, window_days, summary_every,
                         quiet, stderr)  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None


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
    """List the tracked stories, newest activity first (json: one story a line)."""
    from .stream import cli as stream_cli

    try:
        rendered = stream_cli.stories(db, fmt.value, since, story, limit)
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    write(rendered, output)


batch_app = typer.Typer(
    help="Corpus jobs: every cluster of a corpus summarized, on every local core or on Spark.",
    no_args_is_help=True,
)
app.add_typer(batch_app, name="batch")


class Engine(str, Enum):
    local = "local"
    spark = "spark"


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


@batch_app.command("summarize")
def batch_summarize_command(
    input: Annotated[
        str,
        typer.Argument(
            help='Clusters: JSON Lines ({"id", "documents": [str, ...], "summary"?} per '
            "line, .gz too), Multi-News text, or Parquet with those columns.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            show_default=False,
            help="Where the records go; re-run with the same OUTPUT to resume (clusters "
            "already there are skipped). Spark and Parquet write a folder of part files.",
        ),
    ],
    engine: Annotated[
        Engine, typer.Option(help="local (a process pool) or spark (pip install synopsis[spark]).")
    ] = Engine.local,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Processes (local) or local Spark cores [default: all]."
        ),
    ] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget.")] = 300,
    fmt: Annotated[
        BatchFormat | None,
        typer.Option("--format", "-f", help="jsonl or parquet [default: from OUTPUT's name]."),
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Spark partitions [default: twice the cores].")
    ] = None,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Summarize the raw text.")] = False,
) -> None:
    """One record per cluster: the fields of 'summarize --format json' plus 'error' (a
    cluster that fails is recorded with its reason and the job goes on)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from . import batch

    cores = jobs or batch.default_jobs()
    try:
        if engine is Engine.spark:
            from .batch.spark import session, stop

            spark = session(cores)
            try:
                result = batch.summarize_corpus(
                    input, output, engine="spark", words=words, fmt=fmt and fmt.value,
                    clean=not no_clean, spark=spark, partitions=partitions,
                )  # fmt: skip
            finally:
                stop(spark)
        else:
            with Progress(
                "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                TimeElapsedColumn(), console=stderr, transient=True,
            ) as bar:  # fmt: skip
                task = bar.add_task("Summarizing", total=batch.count_items(input))
                result = batch.summarize_corpus(
                    input, output, jobs=cores, words=words, fmt=fmt and fmt.value,
                    clean=not no_clean, on_record=lambda _: bar.advance(task),
                )  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    stderr.print(
        f"synopsis: {result.written} records written to {result.output} "
        f"({result.errors} with an error), {result.resumed} already there",
        highlight=False,
    )


@batch_app.command("stories")
def batch_stories_command(
    input: Annotated[
        str,
        typer.Argument(
            help='Articles: JSON Lines or Parquet, one a row: {"id", "text", "published"?, '
            '"title"?} (published: ISO 8601).',
            show_default=False,
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            show_default=False,
            help="One JSON line per story: story_id, articles, first, last.",
        ),
    ],
    engine: Annotated[Engine, typer.Option(help="local or spark.")] = Engine.local,
    window_days: Annotated[
        float, typer.Option(min=0.0, help="Articles further apart (days) are never one story.")
    ] = 14.0,
    summaries: Annotated[
        str | None,
        typer.Option(help="Also summarize every story of 2+ articles into this output."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processes or cores.")
    ] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=1, help="Word budget.")] = 300,
) -> None:
    """Group a corpus of articles into stories (stream mode's notion of a story), and
    optionally summarize each story."""
    import dataclasses

    from . import batch
    from .batch.stories import GroupOptions, group_corpus

    cores = jobs or batch.default_jobs()
    options = GroupOptions()
    options = dataclasses.replace(
        options, story=dataclasses.replace(options.story, window_days=window_days)
    )
    spark = None
    try:
        if engine is Engine.spark:
            from .batch.spark import session

            spark = session(cores)
        found, summarized = group_corpus(
            input, output, options=options, engine=engine.value, spark=spark,
            summaries=summaries, jobs=cores, words=words,
        )  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    finally:
        if spark is not None:
            from .batch.spark import stop

            stop(spark)
    for line, reason in found.skipped:
        stderr.print(f"synopsis: skipped line {line}: {reason}", highlight=False)
    stderr.print(
        f"synopsis: {len(found.labels)} articles in {len(found.groups())} stories "
        f"({found.candidate_pairs} candidate pairs of {found.all_pairs}, "
        f"{found.confirmed_pairs} confirmed)"
        + (
            f"; {summarized.written} summaries written to {summarized.output}" if summarized else ""
        ),
        highlight=False,
    )


@batch_app.command("spark-job")
def batch_spark_job_command() -> None:
    """Print the path of the file to give spark-submit (see the README's Spark section)."""
    from .batch import job

    typer.echo(job.__file__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
