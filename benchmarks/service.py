"""Throughput, latency and memory of `synopsis serve` on loopback, for the sample cluster.

Starts the server itself (a subprocess on a free 127.0.0.1 port), sends a bounded number
of requests at 1, 8 and 50 concurrent clients, then 1,000 more while sampling the
server's resident memory, and stops the server. Writes a Markdown table to stdout.

Run: python benchmarks/service.py [--requests 100 200 300] [--memory-requests 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int, flags: list[str]) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "synopsis", "serve", "--port", str(port), *flags]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def memory_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) in kB of the server plus its worker processes, if any."""
    rss = hwm = 0
    for p in [pid, *children(pid)]:
        fields = {}
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value
        rss += int(fields["VmRSS"].split()[0])
        hwm += int(fields["VmHWM"].split()[0])
    return rss, hwm


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


async def load(url: str, payload: dict, total: int, clients: int) -> tuple[list[float], float]:
    """``total`` requests from ``clients`` concurrent workers; latencies and wall time."""
    latencies: list[float] = []
    queue = iter(range(total))

    async def worker(client: httpx.AsyncClient) -> None:
        for _ in queue:
            start = time.perf_counter()
            response = await client.post(url, json=payload)
            latencies.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"request failed: {response.status_code} {response.text[:200]}")

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        return latencies, time.perf_counter() - began


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, nargs=3, default=[100, 200, 300])
    parser.add_argument("--memory-requests", type=int, default=1000)
    parser.add_argument(
        "--processes", action="store_true", help="serve with --processes (worker processes)"
    )
    args = parser.parse_args()

    docs = [{"id": p.name, "text": p.read_text()} for p in sorted(SAMPLE.glob("*.txt"))]
    payload = {"documents": docs, "words": 100}
    port = free_port()
    flags = ["--processes"] if args.processes else []
    proc = start(port, flags)
    url = f"http://127.0.0.1:{port}/v1/summarize"
    try:
        asyncio.run(load(url, payload, 20, 2))  # warm up imports and caches
        mode = "2 worker processes" if args.processes else "2 worker threads"
        print(f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; "
              f"server: `synopsis serve {' '.join(flags)}` ({mode}); client: httpx on "
              "the same machine.")  # fmt: skip
        print(f"Load average before the runs (other work on the machine): "
              f"{os.getloadavg()[0]:.1f}\n")  # fmt: skip
        print("| clients | requests | requests/s | p50 ms | p95 ms |")
        print("|---:|---:|---:|---:|---:|")
        for clients, total in zip([1, 8, 50], args.requests, strict=True):
            latencies, wall = asyncio.run(load(url, payload, total, clients))
            print(f"| {clients} | {total} | {total / wall:.1f} | {pct(latencies, 50):.0f} | "
                  f"{pct(latencies, 95):.0f} |")  # fmt: skip

        print("\nServer memory while sending more requests (8 clients):\n")
        print("RSS and peak RSS (VmHWM) summed over the server and its child processes.\n")
        print("| requests sent after the runs above | RSS MB | peak RSS MB |")
        print("|---:|---:|---:|")
        rss, hwm = memory_kb(proc.pid)
        print(f"| 0 | {rss / 1024:.1f} | {hwm / 1024:.1f} |")
        step = max(1, args.memory_requests // 5)
        sent = 0
        while sent < args.memory_requests:
            n = min(step, args.memory_requests - sent)
            asyncio.run(load(url, payload, n, 8))
            sent += n
            rss, hwm = memory_kb(proc.pid)
            print(f"| {sent} | {rss / 1024:.1f} | {hwm / 1024:.1f} |")
        print(f"\nLoad average after the runs: {os.getloadavg()[0]:.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
