"""eval and train: ROUGE against the baselines, and the learned scorer's fit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import SynopsisError
from .common import (
    app,
    check_writable,
    counter,
    fail,
    stderr,
    write,
)


@app.command("eval")
def eval_command(
    data: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
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
    """Score synopsis and baselines with ROUGE against references.

    Reads JSON Lines clusters that each have a reference 'summary', cuts every system's
    summary to --words words, and prints a table of ROUGE scores (R-2 with its 95%
    interval); --json and --report also write the full result. A malformed line stops
    the run (exit code 2): scores over a silently smaller set would mislead. Tune on
    --split tune, report --split check.

    \b
    Example:
      synopsis eval multi-news-validation.jsonl --split check -s synopsis,lead -j 2
    """
    from .. import evaluate as ev

    check_writable(json_out, "--json")
    check_writable(report, "--report")
    try:
        names = ev.parse_systems(systems)  # a typo in either fails before the data is read
        ev.split([], split)
        clusters = ev.split(ev.read_clusters(data), split)[:limit]
        with counter("Evaluating", len(clusters)) as tick:
            result = ev.evaluate(
                clusters, names, words=words, jobs=jobs, data=str(data), split=split,
                on_cluster=lambda _: tick(),
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
            metavar="FILE",
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
    """Fit the learned scorer's weights on training clusters.

    Reads JSON Lines clusters with reference summaries, runs them through the pipeline
    (cleaned, segmented, deduped) as the scorer will see them, fits the weights on the
    first --fit-clusters and counts the summary-word table on the rest, then writes
    learned_weights.json and summary_words.tsv. A malformed line stops the run.

    \b
    Example:
      synopsis train multi-news-train.jsonl.gz -o weights/
    """
    from importlib import resources

    from ..evaluate import read_clusters
    from ..score.learned import LEARNED_INPUTS
    from ..score.training import TrainOptions, train

    try:
        clusters = read_clusters(data)
        with counter("Preparing", len(clusters)) as tick:
            trained = train(clusters, TrainOptions(fit_clusters=fit_clusters), source=data.name,
                            on_cluster=tick)  # fmt: skip
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
