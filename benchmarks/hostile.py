"""Hostile and huge input: a corpus generator and a runner (see benchmarks/robustness.md).

    python benchmarks/hostile.py                    # every case, CLI then service
    python benchmarks/hostile.py --only cli         # or: api, service
    python benchmarks/hostile.py --keep /tmp/corpus # keep the generated corpus there

The corpus is generated afresh into a temporary folder (never committed): text of
realistic vocabulary (sentences of the bundled sample, numbers varied, seeded) and of low
vocabulary (a dozen words, where every sentence resembles every other), 1 KB to 50 MB;
every malformed-JSON kind; every filesystem oddity; encodings; scripts; and abuse of the
service on a loopback port. Each CLI case runs in a fresh subprocess under a 6 GB
address-space cap (so a runaway case cannot take the machine) and reports: exit code,
traceback y/n, peak RSS of the child (getrusage), CPU seconds (user+sys, less distorted
by load than wall time), and whether data was lost: an input document or cluster that is
neither in the output nor named on stderr, an existing output file changed by a failed
run, or an empty summary with exit 0 and no note saying why.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"
PY = sys.executable
CAP_BYTES = 6 * 2**30
CLI_TIMEOUT = 600
LOW_VOCAB = [
    "the",
    "river",
    "city",
    "council",
    "said",
    "water",
    "bridge",
    "road",
    "new",
    "people",
    "today",
    "year",
]


# ---- corpus ----------------------------------------------------------------------------


def realistic(size: int, seed: int) -> str:
    """Sample sentences reshuffled into paragraphs, numbers varied: news-like vocabulary."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6]
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        para = " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
        para = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), para)
        out.append(para)
        total += len(para) + 2
    return "\n\n".join(out)[:size]


def low_vocabulary(size: int, seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        words = [rng.choice(LOW_VOCAB) for _ in range(rng.randint(8, 16))]
        sentence = " ".join(words).capitalize() + "."
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else " "))
        total += len(sentence) + 1
    return "".join(out)[:size]


def disagree_worst(case: str, size: int, documents: int = 5, seed: int = 0) -> list[str]:
    """Documents of ``size`` characters each that push one loop of the disagree stage to
    its worst (see benchmarks/disagree_bounds.py); generated, never committed.

    ``figures``: every sentence gives a number of "people" amid invented uncommon words,
    each word beside many figures (thousands of claims of one counted noun);
    ``nouns``: the same with invented counted nouns, each counted about 900 times (just
    under the cap past which a noun is left out);
    ``names``: thousands of distinct invented capitalised words of one first and last
    letter, each beside shared words (one block of spellings);
    ``aligned``: each document repeats a template sentence (half its words shared by all
    documents) with varied weekdays and words, so every sentence of one document is like
    every sentence of another and each aligned pair holds two day claims to compare.
    """
    rng = random.Random(seed)
    letters = "aeioulmnrstk"

    def word(n: int) -> str:
        return "".join(rng.choice(letters) for _ in range(n))

    pool = [word(rng.randint(6, 9)) for _ in range(max(50, size // 400))]
    common = [word(7) for _ in range(6)]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    # about 900 figures of each noun: just under DisagreeOptions.max_figures
    nouns = [word(8) + "s" for _ in range(max(1, size * documents // 45 // 900))]
    out = []
    for _ in range(documents):
        parts: list[str] = []
        total = 0
        # shared words and the document's own: sentences align across documents, yet
        # no two documents are copies of one story
        template = [common[k] if k % 2 else word(7) for k in range(6)]
        while total < size:
            if case in ("figures", "nouns"):
                a, b, c, e = (rng.choice(pool) for _ in range(4))
                noun = rng.choice(nouns) if case == "nouns" else "people"
                s = f"Near {a} {b}, {rng.randint(2, 99_999):,} {noun} {c} {e}."
            elif case == "names":
                name = "B" + word(rng.randint(4, 7)) + "n"
                s = f"The {rng.choice(pool)} {name} {rng.choice(pool[:20])} said {word(6)}."
            elif case == "aligned":
                s = (
                    f"{template[0].capitalize()} {template[1]} on {rng.choice(days)} "
                    f"{template[2]} {rng.choice(pool)} {' '.join(template[3:])}."
                )
            else:
                raise ValueError(f"unknown case {case!r}")
            parts.append(s + ("\n\n" if rng.random() < 0.2 else " "))
            total += len(s) + 1
        out.append("".join(parts)[:size])
    return out


@dataclass
class Case:
    name: str
    kind: str  # what the case abuses, for the table
    args: list[str]  # synopsis CLI arguments (paths relative to the corpus folder)
    expect_ids: list[str] = field(default_factory=list)  # documents/clusters that must appear
    existing_output: str | None = None  # a file that must survive a failed run unchanged
    stdin: bytes | None = None
    python: str | None = None  # run this Python code instead of the CLI


def build(corpus: Path) -> list[Case]:
    """Write every input into ``corpus`` and return the cases that use them."""
    cases: list[Case] = []

    def put(name: str, data: str | bytes) -> str:
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return str(path)

    # sizes: one document, and a cluster of documents; realistic and low vocabulary
    for label, size in [("1KB", 1_000), ("100KB", 100_000), ("900KB", 900_000)]:
        for vocab, make in [("realistic", realistic), ("low-vocab", low_vocabulary)]:
            path = put(f"size/{vocab}-{label}.txt", make(size, seed=size))
            cases.append(Case(f"{vocab} {label} one doc", "size", [path], [Path(path).name]))
    for label, size in [("5MB", 5_000_000), ("20MB", 20_000_000), ("50MB", 50_000_000)]:
        path = put(f"size/low-vocab-{label}.txt", low_vocabulary(size, seed=7))
        cases.append(Case(f"low-vocab {label} one doc", "size", [path], [Path(path).name]))
    folder = corpus / "size" / "cluster-4MB"
    for i in range(40):
        put(f"size/cluster-4MB/a{i:02}.txt", realistic(100_000, seed=100 + i))
    cases.append(Case("realistic 40 x 100KB cluster", "size", [str(folder)], ["a00.txt"]))
    folder = corpus / "size" / "low-cluster-4MB"
    for i in range(40):
        put(f"size/low-cluster-4MB/a{i:02}.txt", low_vocabulary(100_000, seed=300 + i))
    cases.append(Case("low-vocab 40 x 100KB cluster", "size", [str(folder)], ["a00.txt"]))
    folder = corpus / "size" / "low-cluster-20MB"
    for i in range(40):
        put(f"size/low-cluster-20MB/a{i:02}.txt", low_vocabulary(500_000, seed=200 + i))
    cases.append(Case("low-vocab 40 x 500KB cluster", "size", [str(folder)], ["a00.txt"]))

    # malformed JSON Lines, each written over an existing output file
    good = json.dumps({"id": "good", "documents": [realistic(2000, 1), realistic(2000, 2)]})
    bad = {
        "huge integer": '{"id": ' + "9" * 5000 + ', "documents": ["Text."]}',
        "deep nesting": '{"documents": ["Text."], "x": ' + "[" * 3000 + "]" * 3000 + "}",
        "lone surrogate": '{"id": "s", "documents": ["half \\ud800 a character"]}',
        "NaN": '{"id": "n", "documents": ["Text."], "x": NaN}',
        "truncated line": '{"id": "t", "documents": ["Text.',
        "not an object": "[1, 2, 3]",
        "documents not strings": '{"id": "d", "documents": [1, 2]}',
    }
    for label, line in bad.items():
        path = put(f"json/{label.replace(' ', '-')}.jsonl", good + "\n" + line + "\n")
        # by default the bad line is named and skipped, the good cluster summarized (exit 1)
        cases.append(Case(f"jsonl {label}", "json", [path, "-f", "json"], ["good", "line 2"]))
        # --strict refuses the run (exit 2), which must leave an existing output as it was
        out = put(f"json/{label.replace(' ', '-')}.out", "previous results\n")
        cases.append(Case(f"jsonl {label} --strict", "json", [path, "-o", out, "--strict"],
                          existing_output=out))  # fmt: skip
    ok_lines = [json.dumps({"id": f"c{i}", "documents": [realistic(1500, i)]}) for i in range(3)]
    chinese = json.dumps({"id": "zh", "documents": ["北京市政府周一宣布新的地铁线路明年开通。"]})
    lines = [ok_lines[0], chinese, ok_lines[1], ok_lines[2]]
    path = put("json/one-bad-cluster.jsonl", "\n".join(lines) + "\n")
    cases.append(
        Case("jsonl one bad cluster of 4", "json", [path, "--no-clean"], ["c0", "c1", "c2", "zh"])
    )
    cases.append(Case("stdin deep nesting", "json", ["-"], stdin=("[" * 100_000).encode() + b"\n"))

    # the filesystem
    fs = corpus / "fs" / "folder"
    put("fs/folder/a.txt", realistic(3000, 11))
    put("fs/folder/sub/b.txt", realistic(3000, 12))
    put("fs/folder/.hidden.txt", realistic(3000, 13))
    put("fs/folder/README.md", "About this folder.")
    put("fs/folder/notes.csv", "a,b\n")
    (fs / "broken.txt").symlink_to(corpus / "nowhere.txt")
    (fs / "loop.txt").symlink_to(fs / "loop.txt")
    (fs / "linked-folder").symlink_to(fs / "sub")
    (fs / "linked-file.txt").symlink_to(fs / "a.txt")
    os.mkfifo(fs / "pipe.txt")
    expected = ["a.txt", "b.txt", ".hidden.txt", "README.md", "notes.csv", "broken.txt"]
    expected += ["loop.txt", "linked-folder", "pipe.txt"]
    cases.append(Case("folder of oddities", "filesystem", [str(fs)], expected))
    cases.append(Case("missing path", "filesystem", [str(corpus / "nope.txt")]))
    cases.append(Case("broken link given", "filesystem", [str(fs / "broken.txt")]))

    # encodings and bytes
    french = "Le président a rouvert le pont lundi après deux ans de travaux, a-t-il déclaré. "
    for label, data in [
        ("utf-16 bom", (french * 5).encode("utf-16")),
        ("utf-32 bom", (french * 5).encode("utf-32")),
        ("utf-8 + latin-1", (french * 3).encode() + (french * 2).encode("latin-1")),
        ("latin-1", (french * 5).encode("latin-1")),
        ("binary", bytes(range(256)) * 40),
        ("empty", b""),
        ("nul bytes", b"Text\x00with\x00nul.\x00" * 100),
    ]:
        path = put(f"enc/{label.replace(' ', '-').replace('+', 'and')}.txt", data)
        cases.append(Case(label, "encoding", [path], [Path(path).name]))

    # formats, scripts, terminals
    table = realistic(2000, 21) + "\n\n| a ||||| b |\n\n" + realistic(2000, 22)
    path = put("fmt/table.txt", table)
    cases.append(Case("||||| inside an article", "format", [path], ["table.txt"]))
    zh = "北京市政府周一宣布，新的地铁线路将于明年年底开通。市民对此表示欢迎。" * 5
    ja = "東京都は月曜日、新しい地下鉄路線を来年末に開業すると発表した。" * 5
    cases.append(Case("chinese article", "script", [put("fmt/zh.txt", zh)], ["zh.txt"]))
    cases.append(Case("japanese article", "script", [put("fmt/ja.txt", ja)], ["ja.txt"]))
    mixed = [put("fmt/mixed/zh.txt", zh), put("fmt/mixed/en.txt", realistic(3000, 23))]
    cases.append(Case("chinese + english", "script", mixed, ["zh.txt", "en.txt"]))
    escape = realistic(1500, 24).replace(". ", ". \x1b[2J\x1b]0;owned\x07", 3)
    path = put("fmt/escapes.txt", escape)
    cases.append(Case("terminal escapes", "terminal", [path, "--format", "text"], ["escapes.txt"]))

    # eval data
    line = json.dumps({"id": "1", "documents": [realistic(2000, 31)], "summary": "A summary."})
    put("eval/corrupt.jsonl.gz", b"\x1f\x8b\x08\x00 this is not deflate data")
    put("eval/truncated.jsonl.gz", gzip.compress((line + "\n").encode() * 30)[:-30])
    for label in ("corrupt", "truncated"):
        path = str(corpus / "eval" / f"{label}.jsonl.gz")
        cases.append(Case(f"eval {label} .jsonl.gz", "eval", ["eval", path, "--systems", "lead"]))

    # the Python API
    api = {
        "ids 2, unnamed, 2#2": "import synopsis\n"
        "s = synopsis.summarize([synopsis.Document(id='2', text=A), B,"
        " synopsis.Document(id='2#2', text=C)], words=80)\n"
        "ids = [d.id for d in s.documents]\n"
        "assert len(set(ids)) == 3, ids\n"
        "t = {d.id: d.text for d in s.documents}\n"
        "assert all(t[x.document_id][x.start:x.end] == x.raw for x in s.sentences)\n",
        "load('folder') as str": f"import synopsis\nl = synopsis.load({str(fs)!r})\n"
        "assert len(l.clusters[0].documents) == 3, l\n",
        "summarize(dict)": "import synopsis\ns = synopsis.summarize({'a': A, 'b': B})\n"
        "assert [d.id for d in s.documents] == ['a', 'b']\n",
        "summarize([Path(jsonl)])": "import synopsis, pathlib\n"
        "try:\n"
        f"    synopsis.summarize([pathlib.Path({str(corpus / 'json' / 'one-bad-cluster.jsonl')!r})])\n"  # noqa: E501
        "except synopsis.InputError as exc:\n"
        "    print('refused:', exc)\n",
    }
    prelude = "".join(
        f"{name} = {realistic(1500, 40 + i)!r}\n" for i, name in enumerate(("A", "B", "C"))
    )
    for label, code in api.items():
        cases.append(Case(label, "api", [], python=prelude + code))
    return cases


# ---- running ---------------------------------------------------------------------------


@dataclass
class Result:
    case: str
    kind: str
    status: str
    traceback: bool
    rss_mb: float
    cpu_s: float
    lost: str  # "" when nothing was lost, else what


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))


def run_cli(case: Case) -> Result:
    if case.python is not None:
        cmd = [PY, "-c", case.python]
    elif case.args and case.args[0] == "eval":
        cmd = [PY, "-m", "synopsis", *case.args]
    else:
        fmt = [] if "--format" in case.args else ["--format", "json"]
        cmd = [PY, "-m", "synopsis", "summarize", *case.args, *fmt]
    before = Path(case.existing_output).read_bytes() if case.existing_output else None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            preexec_fn=_limit,
        )
        if case.stdin is not None:
            assert proc.stdin is not None
            proc.stdin.write(case.stdin)
            proc.stdin.close()
        timer = threading.Timer(CLI_TIMEOUT, proc.kill)
        timer.start()
        _, code, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(code)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    lost = _lost(case, proc.returncode, stdout, stderr, before)
    return Result(
        case.name,
        case.kind,
        f"exit {proc.returncode}",
        "Traceback (most recent call last)" in stderr,
        usage.ru_maxrss / 1024,
        usage.ru_utime + usage.ru_stime,
        lost,
    )


def _lost(case: Case, code: int, stdout: str, stderr: str, before: bytes | None) -> str:
    if case.existing_output and Path(case.existing_output).read_bytes() != before and code:
        return "existing output changed by a failed run"
    if code != 0 and not stderr.strip():
        return "failed without a message"
    if "\x1b" in stdout:
        return "a terminal escape reached the terminal"
    said = stdout + stderr
    missing = [i for i in case.expect_ids if i not in said]
    if missing and code in (0, 1):  # exit 2 refuses the whole run, saying why
        return "not in output or stderr: " + ", ".join(missing)
    if code == 0 and "--format" not in case.args and stdout.strip() and not case.python:
        try:
            records = [json.loads(stdout)]
        except json.JSONDecodeError:  # several clusters: JSON Lines
            try:
                records = [json.loads(x) for x in stdout.splitlines() if x.strip()]
            except json.JSONDecodeError:
                return "output is not the JSON asked for"
        for record in records:
            if not record.get("sentences") and not record.get("notes"):
                return f"empty summary of {record.get('cluster_id')} without a note"
    return ""


# ---- the service -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree_rss_mb(pid: int) -> float:
    """RSS of a process and its children (the server and its workers), in MB."""
    total = 0
    pids = [pid] + [
        int(p.name)
        for p in Path("/proc").iterdir()
        if p.name.isdigit() and _ppid(int(p.name)) == pid
    ]
    for p in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1])
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def _ppid(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


class Server:
    def __init__(self, *flags: str) -> None:
        import httpx

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        cmd = [PY, "-m", "synopsis", "serve", "--port", str(self.port), *flags]
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    time.sleep(5)  # let every worker finish importing, then warm one up
                    warm = {"documents": [realistic(2000, 1)], "words": 40}
                    httpx.post(f"{self.url}/v1/summarize", json=warm, timeout=120)
                    return
            except httpx.TransportError:
                time.sleep(0.3)
        raise RuntimeError("server did not start")

    def stop(self) -> list[int]:
        """SIGTERM the server; the pids of its children still alive afterwards."""
        children = [
            int(p.name)
            for p in Path("/proc").iterdir()
            if p.name.isdigit() and _ppid(int(p.name)) == self.proc.pid
        ]
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        time.sleep(1)
        return [c for c in children if Path(f"/proc/{c}").exists() and _state(c) != "Z"]

    def tracebacks(self) -> int:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace").count("Traceback")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "?"


def run_service(corpus: Path) -> list[Result]:
    import httpx

    results: list[Result] = []
    normal = {"documents": [realistic(2000, 51), realistic(2000, 52)], "words": 60}
    # the heaviest input the size policy admits that we found: 40 articles of 100 KB
    heavy = [realistic(100_000, seed=100 + i) for i in range(40)]

    def record(name: str, kind: str, send: Callable[[], httpx.Response], server: Server) -> None:
        peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_mb(server.proc.pid))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample)
        sampler.start()
        before = server.tracebacks()
        started = time.monotonic()
        try:
            status = str(send().status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        took = time.monotonic() - started
        follow = time.monotonic()
        ok = httpx.post(f"{server.url}/v1/summarize", json=normal, timeout=60).status_code
        after = time.monotonic() - follow
        done.set()
        sampler.join()
        lost = "" if status != "500" else "HTTP 500"
        results.append(
            Result(
                f"{name} (then normal: {ok} in {after:.2f} s)",
                kind,
                f"HTTP {status} in {took:.1f} s",
                server.tracebacks() > before,
                peak[0],
                float("nan"),
                lost,
            )
        )

    server = Server("--workers", "2", "--time-limit", "5", "--memory-limit-mb", "1500")
    url = f"{server.url}/v1/summarize"
    js = {"content-type": "application/json"}
    bodies = {
        "json huge integer": b'{"documents": ["A text."], "words": ' + b"9" * 5000 + b"}",
        "json deep nesting": b'{"documents": ' + b"[" * 3000 + b"]" * 3000 + b"}",
        "json lone surrogate": b'{"documents": ["\\ud800 half"]}',
        "json invalid utf-8": b'{"documents": ["caf\xe9"]}',
    }
    for label, body in bodies.items():
        record(label, "json", lambda b=body: httpx.post(url, content=b, headers=js), server)
    for words in ("0", "²", "9" * 5000):
        data = {"documents": "A short article.", "words": words}
        record(f"form words={words[:6]}", "form", lambda d=data: httpx.post(url, data=d), server)
    files = [("files", (f"{i}.txt", b"Text.", "text/plain")) for i in range(1002)]
    record("1,002 uploads", "form", lambda: httpx.post(url, files=files, timeout=60), server)
    upload = [("documents", ("a.txt", realistic(2000, 53).encode(), "text/plain"))]
    record("upload under 'documents'", "form", lambda: httpx.post(url, files=upload), server)
    big = b'{"documents": ["' + b"a" * 25_000_000 + b'"]}'
    record("25 MB body", "size", lambda: httpx.post(url, content=big, headers=js), server)
    huge = {"documents": ["word " * 250_000]}
    record("1.25M-character doc", "size", lambda: httpx.post(url, json=huge, timeout=60), server)
    slow = {"documents": heavy}
    record(
        "4 MB cluster (time limit 5 s)",
        "time",
        lambda: httpx.post(url, json=slow, timeout=120),
        server,
    )

    def two_slow() -> httpx.Response:
        with httpx.Client(timeout=120) as client:
            threads = [
                threading.Thread(target=client.post, args=(url,), kwargs={"json": slow})
                for _ in range(2)
            ]
            for t in threads:
                t.start()
            time.sleep(1)
            health = client.get(f"{server.url}/healthz")
            for t in threads:
                t.join()
            return health

    record("2 slow at once: /healthz during", "time", two_slow, server)

    def stalled() -> httpx.Response:
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000000\r\n\r\n{"
            )
            answer = sock.recv(4096)
        code = int(answer.split()[1]) if answer.startswith(b"HTTP/") else 0
        return httpx.Response(code)

    record("stalled upload", "slow client", stalled, server)
    headers = httpx.get(f"{server.url}/").headers
    framing = "frame-ancestors 'none'" in headers.get("content-security-policy", "")
    nan = float("nan")
    lost = "" if framing else "frameable"
    nan = float("nan")
    lost = "" if framing else "frameable"
    results.append(Result("GET / framing", "headers", f"CSP: {framing}", False, nan, nan, lost))
    left = server.stop()
    lost = "orphans" if left else ""
    results.append(Result("SIGTERM", "shutdown", f"{len(left)} left", False, nan, nan, lost))

    server = Server("--workers", "1", "--time-limit", "60", "--memory-limit-mb", "150")
    record(
        "4 MB cluster (memory limit 150 MB)",
        "memory",
        lambda: httpx.post(f"{server.url}/v1/summarize", json=slow, timeout=120),
        server,
    )
    server.stop()
    return results


def table(results: list[Result]) -> str:
    lines = [
        "| case | kind | exit / status | traceback | peak RSS MB | CPU s | data lost |",
        "|---|---|---|---|---:|---:|---|",
    ]
    for r in results:
        rss = "" if r.rss_mb != r.rss_mb else f"{r.rss_mb:.0f}"
        cpu = "" if r.cpu_s != r.cpu_s else f"{r.cpu_s:.1f}"
        tb = "yes" if r.traceback else "no"
        lines.append(
            f"| {r.case} | {r.kind} | {r.status} | {tb} | {rss} | {cpu} | {r.lost or 'no'} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["cli", "api", "service"])
    parser.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    parser.add_argument("--match", help="only cases whose name contains this")
    args = parser.parse_args()
    corpus = args.keep or Path(tempfile.mkdtemp(prefix="synopsis-hostile-"))
    corpus.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    try:
        cases = build(corpus)
        if args.only in (None, "cli", "api"):
            for case in cases:
                if args.only == "api" and case.kind != "api":
                    continue
                if args.only == "cli" and case.kind == "api":
                    continue
                if args.match and args.match not in case.name:
                    continue
                result = run_cli(case)
                print(table([result]).splitlines()[-1], flush=True)
                results.append(result)
        if args.only in (None, "service") and not args.match:
            for result in run_service(corpus):
                print(table([result]).splitlines()[-1], flush=True)
                results.append(result)
    finally:
        if args.keep is None:
            shutil.rmtree(corpus, ignore_errors=True)
    print()
    print(table(results))
    tracebacks = sum(r.traceback for r in results)
    lost = sum(bool(r.lost) for r in results)
    print(f"\n{len(results)} cases: {tracebacks} tracebacks, {lost} with data lost or HTTP 500")


if __name__ == "__main__":
    main()
