"""Time and peak memory of synopsis, and of sumy's LexRank on the same text.

Each measurement runs in a fresh subprocess so its peak RSS is its own.

    python benchmarks/speed.py                      # sample + 100 + 500 documents
    python benchmarks/speed.py --sizes 500 --sumy-timeout 600
    python benchmarks/speed.py --startup            # start-up: --help, import, sample
    python benchmarks/speed.py --child synopsis 500 # one fresh process: JSON with CPU by stage

The synthetic clusters are built deterministically (seeded) from the paragraphs of the
bundled sample cluster, each document drawing paragraphs until it has ~600 words.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"


def sample_documents() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]


def synthetic_documents(n: int, words: int = 600, seed: int = 13) -> list[str]:
    paragraphs = [
        " ".join(p.split())
        for doc in sample_documents()
        for p in re.split(r"\n\s*\n|\n(?=[A-Z\"“])", doc)
        if len(p.split()) >= 8
    ]
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        chosen: list[str] = []
        count = 0
        while count < words:
            para = rng.choice(paragraphs)
            chosen.append(para)
            count += len(para.split())
        docs.append("\n\n".join(chosen))
    return docs


def documents_for(case: str) -> list[str]:
    return sample_documents() if case == "sample" else synthetic_documents(int(case))


# The stage functions pipeline.run calls, timed one by one in the child (CPU seconds).
STAGES = (
    "clean_cluster", "segment", "sentence_words", "dedup", "score", "choose_headline",
    "select", "attribute", "disagree",
)  # fmt: skip


def run_synopsis(docs: list[str]) -> dict[str, object]:
    import synopsis
    import synopsis.ingest  # summarize imports it on first call: outside the timer too
    import synopsis.pipeline as pipeline  # the stages imported outside the timed call

    stages: dict[str, float] = {}
    for name in (s for s in STAGES if hasattr(pipeline, s)):  # older trees lack some
        real = getattr(pipeline, name)

        def timed(*args: object, _real=real, _name=name, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            before = time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                stages[_name] = stages.get(_name, 0.0) + time.process_time() - before

        setattr(pipeline, name, timed)
    start, cpu = time.perf_counter(), time.process_time()
    summary = synopsis.summarize(docs, words=100)
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "sentences": len(summary.sentences),
        "stage_cpu_seconds": {k: round(v, 4) for k, v in stages.items()},
    }


def run_sumy(docs: list[str]) -> dict[str, float]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from synopsis.segment import segment_text

    class Tokenizer:
        """sumy's tokenizer protocol without nltk's punkt data."""

        language = "english"

        def to_sentences(self, paragraph: str) -> list[str]:
            return segment_text(paragraph)

        def to_words(self, sentence: str) -> list[str]:
            return re.findall(r"\w+(?:'\w+)?", sentence)

    start, cpu = time.perf_counter(), time.process_time()
    parser = PlaintextParser.from_string("\n\n".join(docs), Tokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    sentences = summarizer(parser.document, 5)
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "sentences": len(sentences),
    }


def child(system: str, case: str) -> None:
    docs = documents_for(case)
    result = (run_synopsis if system == "synopsis" else run_sumy)(docs)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["documents"] = len(docs)
    result["words"] = sum(len(d.split()) for d in docs)
    print(json.dumps(result))


def measure(system: str, case: str, timeout: float) -> dict[str, object]:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", system, case],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    return json.loads(out.stdout.strip().splitlines()[-1])


STARTUP = {
    "bare python": ["-c", "pass"],
    "import synopsis": ["-c", "import synopsis"],
    "synopsis --version": ["-m", "synopsis", "--version"],
    "synopsis --help": ["-m", "synopsis", "--help"],
    "synopsis summarize examples/iran-isis-2014/": ["-m", "synopsis", "summarize", str(SAMPLE)],
}


def startup(runs: int) -> None:
    """Wall and CPU seconds (user + system, from the child's rusage) of fresh processes."""
    import statistics

    print(f"| command | wall s (median of {runs}) | CPU s (median of {runs}) |")
    print("|---|---:|---:|")
    for name, argv in STARTUP.items():
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, *argv], capture_output=True, check=True)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"| `{name}` | {wall:.3f} | {cpu:.3f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="sample,100,500", help="cases: 'sample' or a count")
    parser.add_argument("--sumy-timeout", type=float, default=600.0)
    parser.add_argument("--startup", action="store_true", help="Only the start-up table.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per start-up command.")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.startup:
        startup(args.runs)
        return
    print("| cluster | documents | words | synopsis s | synopsis peak RSS MB "
          "| sumy LexRank s | sumy peak RSS MB | sumy ÷ synopsis time |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for case in args.sizes.split(","):
        ours = measure("synopsis", case, timeout=600)
        theirs = measure("sumy", case, timeout=args.sumy_timeout)
        if "timeout" in theirs:
            sumy_s = f"> {theirs['timeout']:.0f} (stopped)"
            sumy_mb = "–"
            ratio = f"> {theirs['timeout'] / ours['seconds']:.0f}×"
        else:
            sumy_s = f"{theirs['seconds']:.2f}"
            sumy_mb = f"{theirs['peak_rss_mb']:.0f}"
            ratio = f"{theirs['seconds'] / ours['seconds']:.1f}×"
        print(
            f"| {case} | {ours['documents']} | {ours['words']} | {ours['seconds']:.2f} "
            f"| {ours['peak_rss_mb']:.0f} | {sumy_s} | {sumy_mb} | {ratio} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
