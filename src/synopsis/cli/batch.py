"""batch: corpus jobs on every local core or on Spark (synopsis.batch)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..errors import SynopsisError
from .common import (
    PLAIN_HELP,
    app,
    counter,
    fail,
    say,
    stderr,
)

batch_app = typer.Typer(
    rich_markup_mode=PLAIN_HELP,
    help="Corpus jobs, on every local core or on Spark.",
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
            metavar="INPUT",
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
        Engine,
        typer.Option(help="local (a process pool) or spark (pip install synopsis[spark])."),
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
    """Summarize every cluster of a corpus, one record each.

    Reads clusters from JSON Lines, Multi-News text or Parquet and writes one record per
    cluster to --output: the fields of 'summarize --format json' plus 'error' (a cluster
    that fails is recorded with its reason and the job goes on; a malformed line is
    recorded the same way, with its line number as the id). Each such cluster is named on
    stderr (locally; Spark gives a count) and a closing line counts them. Exit code 0:
    every cluster summarized; 1: some records of this run carry an error; 2: stopped,
    one line says why. Re-running with the same --output resumes (it does not retry
    records already there, errors included).

    \b
    Example:
      synopsis batch summarize clusters.jsonl.gz -o summaries.jsonl -j 4
    """
    from .. import batch

    cores = jobs or batch.default_jobs()

    def record_done(record) -> None:
        tick()
        if record["error"] is not None:
            say(f"synopsis: cluster {record['cluster_id']}: failed: {record['error']}")

    try:
        if engine is Engine.spark:
            from ..batch.spark import session, stop

            spark = session(cores)
            try:
                result = batch.summarize_corpus(
                    input, output, engine="spark", words=words, fmt=fmt and fmt.value,
                    clean=not no_clean, spark=spark, partitions=partitions,
                )  # fmt: skip
            finally:
                stop(spark)
        else:
            with counter("Summarizing", batch.count_items(input)) as tick:
                result = batch.summarize_corpus(
                    input, output, jobs=cores, words=words, fmt=fmt and fmt.value,
                    clean=not no_clean, on_record=record_done,
                )  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    stderr.print(
        f"synopsis: {result.written} records written to {result.output} "
        f"({result.errors} with an error), {result.resumed} already there",
        highlight=False,
    )
    if result.errors:
        where = "" if engine is Engine.local else " (see their 'error' field)"
        say(f"synopsis: {result.errors} cluster{'s' if result.errors > 1 else ''} failed"
            f"{where}; the rest were summarized")  # fmt: skip
        raise typer.Exit(1)


@batch_app.command("stories")
def batch_stories_command(
    input: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
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
    """Group a corpus of articles into stories.

    Reads articles from JSON Lines or Parquet and writes one JSON line per story (stream
    mode's notion of a story: same event, within --window-days) to --output; with
    --summaries also summarizes every story of two or more articles. Malformed lines (bad
    JSON, no text, a bad 'published') are named on stderr with their numbers and skipped,
    and a closing line counts them. Exit code 0: every article grouped; 1: some lines were
    skipped; 2: stopped, one line says why.

    \b
    Example:
      synopsis batch stories articles.jsonl -o stories.jsonl --summaries summaries.jsonl
    """
    import dataclasses

    from .. import batch
    from ..batch.stories import GroupOptions, group_corpus

    cores = jobs or batch.default_jobs()
    options = GroupOptions()
    options = dataclasses.replace(
        options, story=dataclasses.replace(options.story, window_days=window_days)
    )
    spark = None
    try:
        if engine is Engine.spark:
            from ..batch.spark import session

            spark = session(cores)
        found, summarized = group_corpus(
            input, output, options=options, engine=engine.value, spark=spark,
            summaries=summaries, jobs=cores, words=words,
        )  # fmt: skip
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    finally:
        if spark is not None:
            from ..batch.spark import stop

            stop(spark)
    for line, reason in found.skipped:
        where = "" if f"line {line}:" in reason else f"line {line}: "  # most name it already
        stderr.print(f"synopsis: skipped {where}{reason}", highlight=False, markup=False)
    stderr.print(
        f"synopsis: {len(found.labels)} articles in {len(found.groups())} stories "
        f"({found.candidate_pairs} candidate pairs of {found.all_pairs}, "
        f"{found.confirmed_pairs} confirmed)"
        + (
            f"; {summarized.written} summaries written to {summarized.output}" if summarized else ""
        ),
        highlight=False,
    )
    if found.skipped:
        lost = len(found.skipped)
        say(f"synopsis: {lost} unreadable input line{'s' if lost > 1 else ''} skipped; the "
            "rest were grouped")  # fmt: skip
        raise typer.Exit(1)


@batch_app.command("spark-job")
def batch_spark_job_command() -> None:
    """Print the path of the file to give spark-submit.

    See the README's Spark section for the spark-submit command that runs it.
    """
    from ..batch import job

    typer.echo(job.__file__)
