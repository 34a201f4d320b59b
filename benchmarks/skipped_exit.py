"""One exit-code rule for skipped input, checked on `track` and `batch` (benchmarks/ux.md).

    PYTHONPATH=src python benchmarks/skipped_exit.py

Writes, into a temporary folder, JSONL inputs whose good lines are synthetic articles
(written here, no data set) and whose bad lines are every malformed kind the readers
refuse, then runs each command in a fresh subprocess, with and without the bad lines and
with --strict where the command has it. For each run it reports the exit code, whether
stderr holds a traceback, and the lines lost: a line neither in the output (acknowledged,
grouped or recorded) nor named on stderr by its number.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PY = sys.executable
TOPICS = [
    ("flood", "River water rose over the levee at Marrow and the town hall was evacuated."),
    ("comet", "Astronomers at the Keld observatory tracked a bright comet near the sun."),
    ("strike", "Dock workers at the port of Halden walked out over a new shift rota."),
]

# Every kind of line the readers refuse, in our own words (no article text).
BAD = [
    "{not json",
    "[1, 2]",
    json.dumps({"id": "blank", "text": "   "}),
    json.dumps({"id": "when", "text": "A short note.", "published": "last Tuesday"}),
    '{"id": "nan", "text": NaN}',
    '{"id": "deep", "text": ' + "[" * 80 + "]" * 80 + "}",
    '{"id": "big", "text": "x", "n": ' + "9" * 80 + "}",
    '{"id": "lone", "text": "\\ud800"}',
]


def articles(bad: bool) -> tuple[list[str], list[int]]:
    """JSONL lines of articles (three per topic, the bad lines between) and the bad lines'
    numbers."""
    lines: list[str] = []
    bad_numbers: list[int] = []
    queue = list(BAD) if bad else []
    for i in range(3):
        for name, text in TOPICS:
            day = f"2024-03-0{i + 1}T08:00:00Z"
            lines.append(json.dumps({"id": f"{name}-{i}", "text": f"{text} Day {i + 1}.",
                                     "published": day}))  # fmt: skip
            if queue:
                lines.append(queue.pop(0))
                bad_numbers.append(len(lines))
    for rest in queue:
        lines.append(rest)
        bad_numbers.append(len(lines))
    return lines, bad_numbers


def clusters(bad: bool) -> tuple[list[str], list[int]]:
    """JSONL lines of clusters (one per topic, three documents) and the bad lines' numbers."""
    good = [
        json.dumps({"id": name, "documents": [f"{text} Report {i}." for i in range(3)]})
        for name, text in TOPICS
    ]
    bad_lines = ["{not json", json.dumps({"id": "empty", "documents": ["  "]})] if bad else []
    lines = good[:1] + bad_lines + good[1:]
    return lines, list(range(2, 2 + len(bad_lines)))


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, "-m", "synopsis", *args], capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip


def lost(lines: list[str], bad: list[int], kept: set[str], stderr: str, until: int) -> int:
    """Lines before ``until`` neither kept (by id) nor named on stderr by number."""
    named = {int(n) for n in re.findall(r"line (\d+)", stderr)}
    missing = 0
    for number, line in enumerate(lines[: until - 1], start=1):
        if number in bad:
            missing += number not in named
        else:
            missing += json.loads(line)["id"] not in kept
    return missing


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for bad in (False, True):
            tag = "bad" if bad else "good"
            lines, numbers = articles(bad)
            src = folder / f"articles-{tag}.jsonl"
            src.write_text("\n".join(lines) + "\n")
            for strict in (False, True):
                db = folder / f"{tag}-{strict}.db"
                proc = run(["track", str(src), "--db", str(db), *(["--strict"] if strict else [])])
                kept = {json.loads(x)["id"] for x in proc.stdout.splitlines()}
                until = numbers[0] if (strict and numbers) else len(lines) + 1
                rows.append((f"track{' --strict' if strict else ''}", tag, proc, len(numbers),
                             lost(lines, numbers, kept, proc.stderr, until)))  # fmt: skip
            out = folder / f"stories-{tag}.jsonl"
            proc = run(["batch", "stories", str(src), "-o", str(out), "-j", "1"])
            kept = {a for s in map(json.loads, out.read_text().splitlines()) for a in s["articles"]}
            rows.append(("batch stories", tag, proc, len(numbers),
                         lost(lines, numbers, kept, proc.stderr, len(lines) + 1)))  # fmt: skip
            lines, numbers = clusters(bad)
            src = folder / f"clusters-{tag}.jsonl"
            src.write_text("\n".join(lines) + "\n")
            out = folder / f"summaries-{tag}.jsonl"
            proc = run(["batch", "summarize", str(src), "-o", str(out), "-j", "1", "-w", "40"])
            records = [json.loads(x) for x in out.read_text().splitlines()]
            kept = {r["cluster_id"] for r in records if r["error"] is None}
            rows.append(("batch summarize", tag, proc, len(numbers),
                         lost(lines, numbers, kept, proc.stderr, len(lines) + 1)))  # fmt: skip
    print("| command | input | bad lines | exit | traceback | lines lost |")
    print("|---|---|---|---|---|---|")
    for command, tag, proc, n, missing in rows:
        trace = "yes" if "Traceback" in proc.stderr else "no"
        print(f"| {command} | {tag} | {n} | {proc.returncode} | {trace} | {missing} |")


if __name__ == "__main__":
    main()
