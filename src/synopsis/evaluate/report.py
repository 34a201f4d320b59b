"""Evaluation reports: JSON for machines, Markdown for people, a rich table for the CLI.

JSON schema (``"schema": "synopsis.eval/1"``)::

    {
      "schema": "synopsis.eval/1",
      "data": str,                 # the evaluated file as given
      "split": "all"|"tune"|"check",
      "words": int,                # the word budget every summary was cut to
      "clusters": int,             # number of clusters evaluated
      "memory_cluster": str,       # id of the cluster the peak-memory figures come from
      "seeds": {"bootstrap": int, "split": int},
      "systems": [                 # in the order they were run
        {
          "name": str,
          "rouge1"|"rouge2"|"rougeL"|"rougeLsum": {"mean": float, "low": float, "high": float},
          "mean_words": float,
          "clusters_per_second": float,
          "peak_memory_bytes": int,
          "p_synopsis_better_r2": float | null,
          "readability": {"sentences": int, "unmet": int, "speakerless": int,
                          "off_topic": int, "garbled": int, "flagged": int,
                          "repeat": int}
        }, ...
      ],
      "per_cluster": [             # one row per (cluster, system)
        {"cluster": str, "system": str, "seconds": float, "words": int,
         "readability": {...as above, for this summary...},
         "rouge1"|"rouge2"|"rougeL"|"rougeLsum":
             {"precision": float, "recall": float, "fmeasure": float}}, ...
      ]
    }

ROUGE values are F1 (``fmeasure``) in [0, 1] in JSON and in points (x100) in the tables.
Readability counts are summary sentences flagged by :mod:`synopsis.evaluate.readability`;
the tables show them as percentages of the system's sentences.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from .data import SPLIT_SEED
from .rouge import METRICS, SEED
from .run import Evaluation, SystemResult

SCHEMA = "synopsis.eval/1"
LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeL": "R-L", "rougeLsum": "R-Lsum"}


def to_dict(evaluation: Evaluation) -> dict[str, Any]:
    """The report as plain JSON-ready data (schema in this module's docstring)."""
    return {
        "schema": SCHEMA,
        "data": evaluation.data,
        "split": evaluation.split,
        "words": evaluation.words,
        "clusters": len(evaluation.clusters),
        "memory_cluster": evaluation.memory_cluster,
        "seeds": {"bootstrap": SEED, "split": SPLIT_SEED},
        "systems": [asdict(s) for s in evaluation.systems],
        "per_cluster": [
            {
                "cluster": r.cluster_id,
                "system": r.system,
                "seconds": r.seconds,
                "words": r.words,
                "readability": asdict(r.readability),
                **{m: asdict(r.scores.get(m)) for m in METRICS},
            }
            for r in evaluation.results
        ],
    }


def to_json(evaluation: Evaluation) -> str:
    return json.dumps(to_dict(evaluation), indent=2, allow_nan=False) + "\n"


def _points(value: float) -> str:
    return f"{100 * value:.2f}"


def _ci(s: SystemResult, metric: str) -> str:
    a = s.get(metric)
    return f"{_points(a.mean)} [{_points(a.low)}, {_points(a.high)}]"


def _p(value: float | None) -> str:
    if value is None:
        return "–"
    return "<0.0001" if value < 1e-4 else f"{value:.4f}"


def _memory(n: int) -> str:
    return f"{n / 2**20:.2f}"


def _share(s: SystemResult, kind: str) -> str:
    return f"{100 * s.readability.rate(kind):.1f}"


READABILITY = ("flagged", "unmet", "speakerless", "off_topic", "garbled", "repeat")
READABILITY_LABELS = {
    "flagged": "flagged %",
    "unmet": "unmet dep. %",
    "speakerless": "speakerless %",
    "off_topic": "off-topic %",
    "garbled": "garbled %",
    "repeat": "repeat %",
}


def rows(evaluation: Evaluation) -> list[list[str]]:
    """Table rows shared by the Markdown report and the terminal table."""
    return [
        [
            s.name,
            *(_ci(s, m) for m in METRICS),
            _p(s.p_synopsis_better_r2),
            f"{s.mean_words:.0f}",
            f"{s.clusters_per_second:.2f}",
            _memory(s.peak_memory_bytes),
            *(_share(s, k) for k in READABILITY),
        ]
        for s in evaluation.systems
    ]


HEADER = [
    "system",
    *(f"{LABELS[m]} F1 [95% CI]" for m in METRICS),
    "p (synopsis > it, R-2)",
    "words",
    "clusters/s",
    "peak MiB",
    *(READABILITY_LABELS[k] for k in READABILITY),
]


def to_markdown(evaluation: Evaluation) -> str:
    """A Markdown table with a short legend."""
    lines = [
        f"### {evaluation.data} — split `{evaluation.split}`, {len(evaluation.clusters)} "
        f"clusters, {evaluation.words}-word budget",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
        *("| " + " | ".join(row) + " |" for row in rows(evaluation)),
        "",
        "ROUGE F1 in points with Porter stemming (rouge-score); 95% percentile bootstrap "
        f"intervals over clusters (seed {SEED}); p: one-sided paired bootstrap that "
        "synopsis's ROUGE-2 beats the system's. clusters/s: summed time of the system's "
        "calls only. peak MiB: tracemalloc peak of one call on the largest cluster "
        f"(`{evaluation.memory_cluster}`). Readability: share of the summary sentences "
        "flagged by synopsis.evaluate.readability (any flag, then each kind; repeat, a "
        "fact an earlier sentence told, is counted apart from flagged).",
        "",
    ]
    return "\n".join(lines)


def to_table(evaluation: Evaluation):
    """A rich table for the terminal."""
    from rich.table import Table

    table = Table(
        title=f"{evaluation.data} ({evaluation.split}, {len(evaluation.clusters)} clusters, "
        f"{evaluation.words} words)"
    )
    columns = ["system", "R-1", "R-2", "R-2 95% CI", "R-L", "R-Lsum", "p R-2", "words",
               "clusters/s", "peak MiB", "flagged %"]  # fmt: skip
    for i, name in enumerate(columns):
        table.add_column(name, justify="left" if i == 0 else "right")
    for s in evaluation.systems:
        table.add_row(
            s.name,
            _points(s.rouge1.mean),
            _points(s.rouge2.mean),
            f"{_points(s.rouge2.low)}–{_points(s.rouge2.high)}",
            _points(s.rougeL.mean),
            _points(s.rougeLsum.mean),
            _p(s.p_synopsis_better_r2),
            f"{s.mean_words:.0f}",
            f"{s.clusters_per_second:.2f}",
            _memory(s.peak_memory_bytes),
            _share(s, "flagged"),
        )
    table.caption = (
        "ROUGE F1 in points; p: paired bootstrap that synopsis beats it on R-2; flagged: "
        "share of summary sentences the readability checker flags"
    )
    return table
