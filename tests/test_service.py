"""The service over a real loopback socket: a uvicorn subprocess on a free port."""

from __future__ import annotations

import asyncio
import importlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import synopsis
from conftest import start_server
from synopsis.errors import MissingExtraError
from synopsis.model import Document
from synopsis.render import RENDERERS, to_dict

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "iran-isis-2014"


@pytest.fixture(scope="module")
def sample_docs() -> list[Document]:
    return [Document(id=p.name, text=p.read_text()) for p in sorted(SAMPLE.glob("*.txt"))]


def as_objects(docs: list[Document]) -> list[dict[str, str]]:
    return [{"id": d.id, "text": d.text} for d in docs]


def assert_error(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and words in body["error"]


def test_summarize_the_sample_as_json(server: str, sample_docs: list[Document]) -> None:
    payload = {"documents": as_objects(sample_docs), "words": 100}
    response = httpx.post(f"{server}/v1/summarize", json=payload, timeout=60)
    assert response.status_code == 200
    assert response.json() == to_dict(synopsis.summarize(sample_docs, words=100))


def test_plain_strings_and_other_formats(server: str, sample_docs: list[Document]) -> None:
    texts = [d.text for d in sample_docs]
    expected = synopsis.summarize(texts, words=60)
    for fmt, kind in [("text", "text/plain"), ("md", "text/markdown"), ("html", "text/html")]:
        payload = {"documents": texts, "words": 60, "format": fmt}
        response = httpx.post(f"{server}/v1/summarize", json=payload, timeout=60)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(kind)
        assert response.text == RENDERERS[fmt](expected)


def test_uploads_are_read_like_the_cli(server: str) -> None:
    paths = sorted(SAMPLE.glob("*.txt"))
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in paths]
    response = httpx.post(f"{server}/v1/summarize", files=files, data={"words": "80"}, timeout=60)
    assert response.status_code == 200
    got = response.json()
    expected = to_dict(synopsis.summarize(paths, words=80))
    assert got["sentences"] == expected["sentences"]
    assert [d["id"] for d in got["documents"]] == [p.name for p in paths]


def test_pages_health_and_offline_docs(server: str) -> None:
    assert httpx.get(f"{server}/healthz").json()["status"] == "ok"
    index = httpx.get(f"{server}/")
    assert index.status_code == 200 and 'action="/v1/summarize"' in index.text
    docs = httpx.get(f"{server}/docs")
    assert docs.status_code == 200 and "/v1/summarize" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text  # nothing from a CDN
    schema = httpx.get(f"{server}/openapi.json").json()
    assert (
        "multipart/form-data" in schema["paths"]["/v1/summarize"]["post"]["requestBody"]["content"]
    )


BAD_JSON = [
    ({"documents": []}, 422, "documents"),
    ({"documents": [1, 2]}, 422, "documents.0: must be a string or an object"),
    ({"documents": "one article"}, 422, "documents"),
    ({"documents": [{"title": "no text"}]}, 422, "documents.0.text"),
    ({"documents": ["An article."], "words": 0}, 422, "words"),
    ({"documents": ["An article."], "words": "100"}, 422, "words"),
    ({"documents": ["An article."], "format": "pdf"}, 422, "format"),
    ({"documents": ["An article."], "extra": 1}, 422, "extra"),
    ({"documents": ["   ", ""]}, 400, "no documents"),
    ([1, 2, 3], 422, "body"),
]


@pytest.mark.parametrize(("payload", "status", "words"), BAD_JSON)
def test_bad_json_fields(server: str, payload: object, status: int, words: str) -> None:
    response = httpx.post(f"{server}/v1/summarize", json=payload, timeout=30)
    assert_error(response, status, words)


def test_bad_bodies(server: str) -> None:
    url = f"{server}/v1/summarize"
    json_type = {"content-type": "application/json"}
    bad_utf8 = b'{"documents": ["caf\xe9 \xff"]}'
    assert_error(httpx.post(url, content=bad_utf8, headers=json_type), 400, "UTF-8")
    assert_error(httpx.post(url, content=b'{"documents": [', headers=json_type), 400, "JSON")
    half = b'{"documents": ["\\ud800 is half of a character."]}'
    assert_error(httpx.post(url, content=half, headers=json_type), 400, "lone surrogate")
    huge = b'{"documents": ["An article."], "words": ' + b"7" * 5000 + b"}"
    assert_error(httpx.post(url, content=huge, headers=json_type), 400, "words: integer of 5,000")
    deep = b'{"documents": ["An article."], "x": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    assert_error(httpx.post(url, content=deep, headers=json_type), 400, "nested more than")
    text_type = {"content-type": "text/plain"}
    assert_error(httpx.post(url, content=b"hello", headers=text_type), 415, "content type")
    many = {"documents": [f"Article number {i} says a thing." for i in range(2000)]}
    assert_error(httpx.post(url, json=many, timeout=30), 413, "too many documents")
    assert httpx.get(f"{server}/healthz").status_code == 200


def test_thirty_megabyte_body_is_refused(server: str) -> None:
    body = b'{"documents": ["' + b"a" * 30_000_000 + b'"]}'
    response = httpx.post(
        f"{server}/v1/summarize", content=body, headers={"content-type": "application/json"}
    )
    assert_error(response, 413, "too large")
    assert httpx.get(f"{server}/healthz").status_code == 200


def test_oversized_chunked_body_is_refused_while_reading(server: str) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must count bytes
        yield b'{"documents": ["'
        for _ in range(25):
            yield b"a" * 1_000_000
        yield b'"]}'

    response = httpx.post(
        f"{server}/v1/summarize",
        content=chunks(),
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert_error(response, 413, "too large")
    assert httpx.get(f"{server}/healthz").status_code == 200


def test_bad_uploads(server: str) -> None:
    url = f"{server}/v1/summarize"
    binary = bytes(range(256)) * 64
    response = httpx.post(url, files=[("files", ("photo.txt", binary, "text/plain"))])
    assert_error(response, 415, "binary")
    response = httpx.post(url, files=[("files", ("scan.pdf", b"%PDF-1.4 ...", "application/pdf"))])
    assert_error(response, 415, "unsupported file type")
    response = httpx.post(url, data={"words": "many", "documents": "An article about it."})
    assert_error(response, 422, "words")
    response = httpx.post(url, files=[("files", ("", b"", "application/octet-stream"))])
    assert_error(response, 422, "no article")
    # Latin-1 bytes are not UTF-8: an upload is decoded like a file the CLI reads
    latin = "Le président a déclaré lundi que la réunion aurait lieu à Paris.".encode("latin-1")
    response = httpx.post(url, files=[("files", ("fr.txt", latin, "text/plain"))])
    assert response.status_code == 200 and "président" in response.json()["summary"]


def test_fifty_concurrent_requests(server: str, sample_docs: list[Document]) -> None:
    budgets = [40, 60, 80, 100, 120]
    expected = {w: to_dict(synopsis.summarize(sample_docs, words=w)) for w in budgets}

    async def one(client: httpx.AsyncClient, words: int) -> tuple[int, int, dict[str, object]]:
        payload = {"documents": as_objects(sample_docs), "words": words}
        response = await client.post(f"{server}/v1/summarize", json=payload)
        return words, response.status_code, response.json()

    async def all_of_them() -> list[tuple[int, int, dict[str, object]]]:
        limits = httpx.Limits(max_connections=50)
        async with httpx.AsyncClient(timeout=120, limits=limits) as client:
            return await asyncio.gather(*(one(client, budgets[i % 5]) for i in range(50)))

    results = asyncio.run(all_of_them())
    assert [status for _, status, _ in results] == [200] * 50
    for words, _, body in results:
        assert body == expected[words]
    assert httpx.get(f"{server}/healthz").status_code == 200


def test_time_limit_answers_503() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from synopsis.service import ServiceError, run_limited

    with ThreadPoolExecutor(1) as pool, pytest.raises(ServiceError) as caught:
        asyncio.run(run_limited(pool, lambda: time.sleep(0.5), 0.05))
    assert caught.value.status == 503 and "limit" in caught.value.message


def test_missing_web_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "synopsis.service", raising=False)
    with pytest.raises(MissingExtraError, match=r"synopsis\[web\]"):
        importlib.import_module("synopsis.service")
    from typer.testing import CliRunner

    from synopsis.cli import app

    result = CliRunner().invoke(app, ["serve", "--port", "1"])
    assert result.exit_code == 2 and "synopsis[web]" in result.output


def test_serve_help_lists_the_limits() -> None:
    from typer.testing import CliRunner

    from synopsis.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for flag in ("--max-body-mb", "--max-documents", "--time-limit", "--port"):
        assert flag in result.output


def spawned_workers(pid: int) -> list[int]:
    """Pids of the multiprocessing workers a server process started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find worker processes")
def test_process_workers_survive_a_killed_worker(sample_docs: list[Document]) -> None:
    proc, url = start_server("--processes", "--workers", "2")
    try:
        payload = {"documents": as_objects(sample_docs), "words": 100}
        expected = to_dict(synopsis.summarize(sample_docs, words=100))
        first = httpx.post(f"{url}/v1/summarize", json=payload, timeout=120)
        assert first.status_code == 200 and first.json() == expected
        workers = spawned_workers(proc.pid)
        assert workers
        os.kill(workers[0], signal.SIGKILL)
        statuses = []
        for _ in range(3):
            response = httpx.post(f"{url}/v1/summarize", json=payload, timeout=120)
            statuses.append(response.status_code)
            if response.status_code == 200:
                assert response.json() == expected
                break
        assert statuses[-1] == 200 and set(statuses) <= {200, 503}, statuses
    finally:
        proc.terminate()
        proc.wait(timeout=10)
