"""Measure ``synopsis batch`` (``benchmarks/batch.md``): wall, CPU and peak memory of a
command and of every process it starts, and compare the records of several outputs.

    python benchmarks/batch.py run OUT.json -- synopsis batch summarize IN -o OUT -j 2
    python benchmarks/batch.py same OUT1 OUT2 [OUT3 ...]
    python benchmarks/batch.py bcubed ARTICLES.jsonl STORIES.jsonl
    python benchmarks/batch.py sweep ARTICLES.jsonl KEY_JACCARDS THRESHOLDS KEY_TERMS

``sweep`` runs the local ``group_stories`` for every combination of the comma-separated
values (``0.03,0.05 0.18 30``) and prints BCubed against the ``gold`` field, the pairs
examined and the CPU time of each run.

``run`` samples the process tree every 0.1 s from /proc: peak memory is the largest sum
of resident memory over the tree (the Python workers, the JVM and Spark's Python workers
included); CPU time is the larger of (a) the sum over every process seen of its last
sampled user+system time and (b) the user+system time the kernel reports for the
finished children (getrusage). (a) misses at most the last 0.1 s of a process, (b) misses
processes not reaped by their parent; neither counts time twice. CPU time is the figure
to compare when other jobs share the machine; wall time is reported with the load.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def _sample(root: int) -> tuple[dict[int, float], int]:
    """CPU seconds of every process under ``root`` and their summed resident bytes."""
    tree, cpu, rss = _children(), {}, 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(tree.get(pid, []))
        try:
            fields = Path(f"/proc/{pid}/stat").read_text()
            fields = fields[fields.rfind(")") + 2 :].split()
            statm = Path(f"/proc/{pid}/statm").read_text().split()
        except OSError:
            continue
        cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
        rss += int(statm[1]) * PAGE
    return cpu, rss


def run(out: Path, command: list[str]) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(command)
    seen: dict[int, float] = {}
    peak = 0
    while proc.poll() is None:
        cpu, rss = _sample(proc.pid)
        seen.update(cpu)
        peak = max(peak, rss)
        time.sleep(0.1)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    rusage_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {
        "command": " ".join(command),
        "exit": proc.returncode,
        "wall_s": round(wall, 2),
        "cpu_s": round(max(sum(seen.values()), rusage_cpu), 2),
        "cpu_sampled_s": round(sum(seen.values()), 2),
        "cpu_rusage_s": round(rusage_cpu, 2),
        # the command's own process (reading, writing, the pool's bookkeeping) apart
        "cpu_main_s": round(seen.get(proc.pid, 0.0), 2),
        "peak_rss_mb": round(peak / 1e6, 1),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
    }
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))
    return result


def same(outputs: list[str]) -> None:
    from synopsis.batch import read_records

    first = read_records(outputs[0])
    for other in outputs[1:]:
        records = read_records(other)
        mine = {r["cluster_id"]: r for r in first}
        theirs = {r["cluster_id"]: r for r in records}
        differ = [k for k in mine if mine[k] != theirs.get(k)]
        print(f"{other}: {len(records)} records vs {len(first)}; same order: "
              f"{[r['cluster_id'] for r in records] == [r['cluster_id'] for r in first]}; "
              f"records that differ: {len(differ) + len(set(theirs) - set(mine))}")  # fmt: skip


def _bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    both = Counter(zip(predicted, gold, strict=True))
    ps, gs = Counter(predicted), Counter(gold)
    precision = sum(n * n / ps[p] for (p, _), n in both.items()) / len(gold)
    recall = sum(n * n / gs[g] for (_, g), n in both.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def sweep(articles: str, jaccards: str, thresholds: str, terms: str) -> None:
    from synopsis.batch.stories import GroupOptions, group_stories, read_articles

    found, _ = read_articles(articles)
    with open(articles, encoding="utf-8") as f:
        gold = [json.loads(line)["gold"] for line in f]
    for kj in map(float, jaccards.split(",")):
        for th in map(float, thresholds.split(",")):
            for kt in map(int, terms.split(",")):
                start = time.process_time()
                options = GroupOptions(key_jaccard=kj, threshold=th, key_terms=kt)
                stories = group_stories(found, options)
                p, r, f1 = _bcubed(list(stories.labels), gold)
                print(f"key_jaccard={kj} threshold={th} key_terms={kt}: BCubed P {p:.3f} "
                      f"R {r:.3f} F1 {f1:.3f}; {stories.candidate_pairs} candidates, "
                      f"{stories.confirmed_pairs} confirmed of {stories.all_pairs} pairs; "
                      f"CPU {time.process_time() - start:.1f} s", flush=True)  # fmt: skip


def bcubed(articles: str, stories: str) -> None:
    gold = {}
    with open(articles, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold[row["id"]] = row["gold"]
    predicted = {}
    with open(stories, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for a in row["articles"]:
                predicted[a] = row["story_id"]
    ids = list(gold)
    p_labels, g_labels = [predicted[i] for i in ids], [gold[i] for i in ids]
    precision, recall, f1 = _bcubed(p_labels, g_labels)
    print(f"{stories}: {len(ids)} articles, {len(set(p_labels))} stories "
          f"({len(set(g_labels))} gold): "
          f"BCubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")  # fmt: skip


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "run" and "--" in args:
        run(Path(args[1]), args[args.index("--") + 1 :])
    elif args and args[0] == "same":
        same(args[1:])
    elif args and args[0] == "sweep":
        sweep(*args[1:5])
    elif args and args[0] == "bcubed":
        bcubed(args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
