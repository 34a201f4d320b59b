"""summarize, clean and compare: one cluster or many, streamed in input order."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import SynopsisError
from ..options import CleanOptions, Options
from .common import (
    Format,
    JobsOption,
    OutputOption,
    StrictOption,
    app,
    check_not_an_input,
    check_writable,
    end_with_lost_lines,
    fail,
    lost_lines,
    open_output,
    progress,
    read_inputs,
    say,
    write,
)

if TYPE_CHECKING:
    from ..model import Cluster, Summary


@app.command("summarize")
def summarize_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
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
            help="text (with [n] source markers), json, md, or html (a self-contained page "
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
    strict: StrictOption = False,
) -> None:
    """Summarize articles about one story, citing every source.

    Reads the articles named (a folder: every .txt .md .html file in it; a JSONL or
    Multi-News file: one cluster per line) and writes one summary of at most --words words
    per cluster to standard output or --output, each sentence marked with its source.
    Every input or line skipped is named on stderr. Exit code 0: all written; 1: written,
    but an input line or a cluster was skipped; 2: nothing written (one line says why).

    \b
    Examples:
      synopsis summarize articles/
      synopsis summarize a.txt b.html --words 150 --format md -o summary.md
      synopsis summarize clusters.jsonl --format json > summaries.jsonl
    """
    from .. import summarize

    check_writable(output, "--output")
    check_not_an_input(output, paths)
    try:
        loaded = read_inputs(paths, strict)
        options = Options(clean=CleanOptions(enabled=not no_clean))
        job = partial(summarize, words=words, options=options)
        stream_summaries(loaded.clusters, job, fmt.value, output, "Summarizing", jobs=jobs,
                         strict=strict, lost=lost_lines(loaded))  # fmt: skip
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
    strict: bool = False,
    lost: int = 0,
) -> None:
    """Summarize and write one cluster at a time, in input order (over ``jobs`` processes),
    so output appears as it is made and memory holds a few summaries. With several clusters
    a failing one is reported with its id and skipped (exit code 1 at the end); with one,
    or with ``strict``, its error is the command's error. ``lost`` input lines that could
    not be read (already reported) also end the run with exit code 1."""
    from ..render import RENDERERS, RENDERERS_MANY

    if len(clusters) > 1 and fmt == "html":
        raise SynopsisError(
            f"the html report shows one cluster, but the input holds {len(clusters)}; "
            "summarize one cluster at a time, or use json or md"
        )
    several = len(clusters) > 1
    render_one = (renderers or (RENDERERS_MANY if several else RENDERERS))[fmt]
    if not several:
        with open_output(output) as out:
            for cluster in clusters:
                try:
                    out.write(render_one(job(cluster)))
                except MemoryError:
                    raise SynopsisError(f"cluster {cluster.id}: {out_of_memory(cluster)}") from None
        end_run(lost, [], len(clusters))
        return
    from ..batch import ordered_map

    failed: list[str] = []
    outcomes = ordered_map(partial(attempt, job, render_one), clusters, jobs)
    with open_output(output) as out:
        written = 0
        for cluster, (text, problem) in zip(
            clusters, progress(outcomes, label, total=len(clusters)), strict=True
        ):
            if problem is not None:
                if strict:
                    raise SynopsisError(f"cluster {cluster.id}: {problem}")
                failed.append(cluster.id)
                say(f"synopsis: cluster {cluster.id}: skipped: {problem}")
                continue
            out.write((RULES[fmt] if written else "") + text)
            written += 1
    end_run(lost, failed, len(clusters))


def end_run(lost: int, failed: list[str], total: int) -> None:
    """One closing line and exit code 1 when anything was skipped; silence otherwise."""
    problems = []
    if lost:
        problems.append(f"{lost} unreadable input line{'s' if lost > 1 else ''} skipped")
    if failed:
        shown = ", ".join(failed[:10]) + (" ..." if len(failed) > 10 else "")
        problems.append(f"{len(failed)} of {total} clusters failed ({shown})")
    if problems:
        say(f"synopsis: {'; '.join(problems)}; the rest were written")
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


class CleanFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("clean")
def clean_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
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
    strict: StrictOption = False,
) -> None:
    """Print the article text that cleaning keeps.

    Reads the same inputs as 'summarize' and writes each document's body without page
    furniture, headers or captions (text), or its body, metadata and every removal with
    raw offsets (json), to standard output or --output. Exit codes as for 'summarize'.

    \b
    Example:
      synopsis clean page.html --explain
    """
    from ..cleaning import clean_cluster
    from ..render.clean import render_clean_json, render_clean_text

    check_writable(output, "--output")
    check_not_an_input(output, paths)
    try:
        loaded = read_inputs(paths, strict)
        clusters_read = progress(loaded.clusters, "Cleaning")
        per_cluster = [(c.id, clean_cluster(c.documents)) for c in clusters_read]
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    cleaned = [d for _, docs in per_cluster for d in docs]
    # Several clusters: name each document's cluster, since their ids repeat (1, 2, ...).
    clusters = [cid for cid, docs in per_cluster for _ in docs] if len(per_cluster) > 1 else None
    if fmt is CleanFormat.json:
        write(render_clean_json(cleaned, clusters), output)
    else:
        write(render_clean_text(cleaned, explain=explain, clusters=clusters), output)
    end_with_lost_lines(loaded)


@app.command("compare")
def compare_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Articles to compare: the same inputs as 'summarize'.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="text, json, md or html (the report page).")
    ] = Format.text,
    output: OutputOption = None,
    strict: StrictOption = False,
) -> None:
    """Cross-source analysis only: copies, sources, disagreements.

    Reads the same inputs as 'summarize' and writes, per cluster, which articles are
    copies of one story, how many independent sources there are, and where they disagree
    (numbers, names, quotes, dates), to standard output or --output. Exit codes as for
    'summarize'.

    \b
    Example:
      synopsis compare articles/ --format html -o report.html
    """
    from .. import summarize
    from ..render import render_analysis

    check_writable(output, "--output")
    check_not_an_input(output, paths)
    try:
        loaded = read_inputs(paths, strict)
        summaries = [summarize(c) for c in progress(loaded.clusters, "Comparing")]
        rendered = render_analysis(summaries, fmt.value)
    except SynopsisError as exc:
        raise fail(str(exc)) from None
    write(rendered, output)
    end_with_lost_lines(loaded)
