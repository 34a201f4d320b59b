from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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
