from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from synopsis.model import CleanDocument, Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_document(text: str, doc_id: str = "doc") -> Document:
    return Document(id=doc_id, text=text)


def make_clean(text: str, doc_id: str = "doc") -> CleanDocument:
    return CleanDocument.whole(make_document(text, doc_id))


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def sample_files() -> list[Path]:
    return sorted(SAMPLE.glob("*.txt"))


@dataclass(frozen=True)
class CliResult:
    """What a user sees of one ``synopsis`` run: exit code, stdout, stderr."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, stdin: bytes | None = None) -> CliResult:
    """``synopsis ARGS`` in-process with typer's CliRunner (no interpreter start-up).

    An exception the CLI let escape is written to ``stderr`` as the traceback a user would
    see, so tests asserting "no Traceback" keep their meaning in-process.
    """
    from typer.testing import CliRunner

    from synopsis.cli import app

    result = CliRunner().invoke(app, list(args), input=stdin)
    stderr = result.stderr
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tb = result.exc_info[2] if result.exc_info else None
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_tb(tb))
        stderr += f"{type(result.exception).__name__}: {result.exception}\n"
        code = 1
    return CliResult(returncode=code, stdout=result.stdout, stderr=stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(*flags: str) -> tuple[subprocess.Popen[bytes], str]:
    """``synopsis serve`` in a subprocess on a free loopback port, once it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "synopsis", "serve", "--port", str(port), *flags]
    # a file, not a pipe: a full pipe would block the server; closed when proc is collected
    log = tempfile.TemporaryFile()  # noqa: SIM115
    proc = subprocess.Popen(cmd, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"server exited: {log.read().decode(errors='replace')}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start within 60 s")


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One service for the whole session (service and browser tests share it)."""
    proc, url = start_server()
    yield url
    proc.terminate()
    proc.wait(timeout=10)
