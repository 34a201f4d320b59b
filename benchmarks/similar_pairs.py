"""Peak memory and CPU time of the score stage on generated low-vocabulary text.

    python benchmarks/similar_pairs.py [--sizes 1,2,5,20] [--vocabulary 300] \\
        [--src PATH] [--limit-gb 6]

Low-vocabulary, repetitive text is the worst case for sentence similarity: nearly every
pair of sentences shares words, so an unbounded all-pairs product grows with the square
of the text. For each size (MB) a child process segments one generated document and
scores it as the pipeline does (``keep_pairs`` as in ``pipeline.run``), and reports
CPU time (``time.process_time``, not wall time: the machine is shared) and peak RSS
(``getrusage``) after segmentation and after scoring. ``--src`` runs another source tree
(e.g. a checkout of main) for the before figure; ``--limit-gb`` caps the child's address
space so a run that would exhaust the machine fails instead. The text is seeded random
letters: no article text.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
limit = int(float(sys.argv[2]) * 2**30)
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from synopsis.model import CleanDocument, Document
from synopsis.options import Options
from synopsis.score import score
from synopsis.segment import segment
text = open(sys.argv[1], encoding="utf-8").read()
out = {}
t = time.process_time()
seg = segment(CleanDocument.whole(Document(id="big", text=text)), 0)
out["segment_cpu_s"] = time.process_time() - t
out["sentences"] = len(seg.sentences)
out["rss_after_segment_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.process_time()
try:
    o = Options()
    keep = min(o.attribute.support_threshold, o.disagree.align_threshold)
    scored = score([seg], groups=[0], keep_pairs=keep)
    out["pairs"] = int(scored.similar.nnz)
except MemoryError:
    out["error"] = "MemoryError at the address-space limit"
out["score_cpu_s"] = time.process_time() - t
out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def generate(megabytes: float, vocabulary: int, pool: int = 0, seed: int = 0) -> str:
    """Sentences of 8-20 words drawn from ``vocabulary`` made-up words, 5 to a paragraph;
    with ``pool``, every sentence is one of ``pool`` such sentences (repetitive text)."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = [
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(vocabulary)
    ]
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)

    def sentence() -> str:
        return " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 20))).capitalize() + "."

    sentences = [sentence() for _ in range(pool)]
    while size < target:
        para = [rng.choice(sentences) if pool else sentence() for _ in range(5)]
        parts.append(" ".join(para))
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5,20")
    parser.add_argument("--vocabulary", type=int, default=300)
    parser.add_argument("--pool", type=int, default=0, help="repeat this many sentences")
    parser.add_argument("--src", help="source tree to import synopsis from (default: this one)")
    parser.add_argument("--limit-gb", type=float, default=6.0)
    parser.add_argument("--workdir", default="/tmp")
    args = parser.parse_args()
    src = Path(args.src) if args.src else Path(__file__).resolve().parent.parent / "src"
    print("| MB | sentences | segment CPU s | score CPU s | RSS after segment MB | peak RSS MB "
          "| pairs kept |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        path = Path(args.workdir) / f"similar-pairs-{size}mb-v{args.vocabulary}-p{args.pool}.txt"
        if not path.exists():
            path.write_text(generate(float(size), args.vocabulary, args.pool), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(args.limit_gb)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        )
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["?"])[-1]
            print(f"| {size} | | | | | failed (exit {run.returncode}: {last[:80]}) | |", flush=True)
            continue
        r = json.loads(run.stdout.strip().splitlines()[-1])
        print(f"| {size} | {r['sentences']} | {r['segment_cpu_s']:.1f} | {r['score_cpu_s']:.1f} "
              f"| {r['rss_after_segment_mb']:.0f} | {r['peak_rss_mb']:.0f} "
              f"| {r.get('pairs', r.get('error'))} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
