"""The service over a real loopback socket: a uvicorn subprocess on a free port."""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from functools import partial
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


def test_time_limit_answers_503_in_thread_mode() -> None:
    from synopsis.service import ServiceError, run_limited
    from synopsis.service_workers import ThreadWorkers

    workers = ThreadWorkers(1)
    with pytest.raises(ServiceError) as caught:
        asyncio.run(run_limited(workers, lambda: time.sleep(0.5), 0.05))  # type: ignore[arg-type]
    workers.close()
    assert caught.value.status == 503 and "limit" in caught.value.message


def _alive(pid: int) -> bool:
    """A process that exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to check the worker")
def test_time_limited_request_reclaims_its_worker() -> None:
    """Past the deadline the worker is killed (its CPU and memory freed) and replaced."""
    from synopsis.service import ServiceError, run_limited
    from synopsis.service_workers import ProcessWorkers

    async def scenario() -> tuple[list[int], list[int], float, int, int]:
        workers = ProcessWorkers(1, memory_limit=300_000_000)
        workers.start()
        try:
            statuses = []
            before = workers.pids()
            started = time.monotonic()
            # a job that would run for a minute: cut off at one second
            with pytest.raises(ServiceError) as slow:
                await run_limited(workers, partial(time.sleep, 60), 1.0)  # type: ignore[arg-type]
            cut = time.monotonic() - started
            statuses.append(slow.value.status)
            # a job that would take 2 GB: stopped at the 300 MB ceiling
            with pytest.raises(ServiceError) as big:
                await run_limited(workers, partial(str.__mul__, "x", 2_000_000_000), 30, 300)  # type: ignore[arg-type]
            statuses.append(big.value.status)
            after = workers.pids()
            # the replacement answers a normal job
            assert await workers.run(partial(sum, [1, 2]), time.monotonic() + 30) == 3
            page = os.sysconf("SC_PAGE_SIZE")
            rss = max(int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page for p in after)
            return before, after, cut, statuses[0] * 1000 + statuses[1], rss
        finally:
            workers.close()

    before, after, cut, statuses, rss = asyncio.run(scenario())
    assert statuses == 503_413
    assert cut < 5, cut  # the client is answered at the limit, not when the job ends
    killed = set(before) - set(after)
    assert len(killed) == 2  # the slow job's worker and the big job's worker: both gone
    assert not any(_alive(pid) for pid in killed)
    assert len(after) == 2  # replaced: one worker and its warm spare
    assert rss < 300_000_000  # memory is back under the ceiling
    assert not any(_alive(pid) for pid in after)  # close() reaps every worker


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
    """Pids of the worker processes a server process started."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"synopsis.service_workers" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find worker processes")
def test_process_workers_survive_a_killed_worker(sample_docs: list[Document]) -> None:
    proc, url = start_server("--workers", "2")
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


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find worker processes")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_no_process_left_after_the_server_stops(stop: signal.Signals) -> None:
    proc, url = start_server("--workers", "2")
    workers = spawned_workers(proc.pid)
    assert len(workers) == 3 and all(_alive(pid) for pid in workers)  # 2 and a warm spare
    # one worker busy on a long request when the signal arrives
    with httpx.Client(timeout=60) as client:
        payload = {"documents": ["word " * 200_000, "other " * 200_000]}
        with contextlib.suppress(httpx.TimeoutException):
            client.post(f"{url}/v1/summarize", json=payload, timeout=0.5)
    proc.send_signal(stop)
    assert proc.wait(timeout=20) is not None
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    assert spawned_workers(proc.pid) == []


def test_framing_is_refused_on_every_page(server: str) -> None:
    for path in ("/", "/docs", "/healthz", "/openapi.json", "/nowhere"):
        response = httpx.get(f"{server}{path}")
        policy = response.headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy, path
        assert response.headers.get("x-frame-options") == "DENY", path
    report = httpx.post(
        f"{server}/v1/summarize",
        data={"documents": "An article about it.", "format": "html"},
        timeout=60,
    )
    assert "frame-ancestors 'none'" in report.headers["content-security-policy"]


def test_form_and_json_give_one_status_for_one_error(server: str) -> None:
    url = f"{server}/v1/summarize"
    article = "An article about the bridge that reopened on Monday."
    for words in ("0", "²", "9" * 5000):  # "²".isdigit() is true, int("²") fails
        assert_error(httpx.post(url, data={"documents": article, "words": words}), 422, "words")
    assert_error(httpx.post(url, json={"documents": [article], "words": 0}), 422, "words")
    files = [("files", (f"{i}.txt", b"Some text here.", "text/plain")) for i in range(1002)]
    assert_error(httpx.post(url, files=files, timeout=60), 413, "too many documents")
    assert_error(httpx.post(url, data={"documents": "   "}), 400, "no documents")
    assert_error(httpx.post(url, json={"documents": ["   "]}), 400, "no documents")
    # a file sent under the 'documents' field is read, not dropped
    upload = [("documents", ("a.txt", article.encode(), "text/plain"))]
    response = httpx.post(url, files=upload, timeout=60)
    assert response.status_code == 200 and response.json()["documents"][0]["id"] == "a.txt"


def test_input_over_the_size_policy_is_413(server: str) -> None:
    from synopsis.ingest import MAX_DOCUMENT_CHARS

    body = {"documents": ["word " * (MAX_DOCUMENT_CHARS // 5 + 1)]}
    assert_error(httpx.post(f"{server}/v1/summarize", json=body, timeout=60), 413, "split it")


def test_stalled_upload_times_out() -> None:
    import socket

    proc, url = start_server("--threads", "--workers", "1", "--upload-timeout", "1")
    try:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(
                b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000000\r\n\r\n" + b'{"documents": ["'
            )
            started = time.monotonic()
            answer = sock.recv(4096)
            waited = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
        assert waited < 10
        assert httpx.get(f"{url}/healthz").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_healthz_reports_starvation_while_every_worker_is_taken() -> None:
    from synopsis.service_workers import Reclaimed, ThreadWorkers

    async def scenario() -> tuple[float, float]:
        workers = ThreadWorkers(1)
        with pytest.raises(Reclaimed):  # threads: the job outlives its request
            await workers.run(partial(time.sleep, 1.5), time.monotonic() + 0.3)
        await asyncio.sleep(0.3)
        during = workers.starved_for()
        await asyncio.sleep(1.5)
        after = workers.starved_for()
        workers.close()
        return during, after

    during, after = asyncio.run(scenario())
    assert during >= 0.5 and after == 0.0


def test_docs_page_lists_every_error_status_and_shows_names_as_code() -> None:
    """The page once left out 404 and 408 and showed `files` with its backquotes."""
    pytest.importorskip("fastapi")
    from synopsis.service import create_app
    from synopsis.service_pages import docs_page

    page = docs_page(create_app().openapi())
    for status in (400, 404, 408, 413, 415, 422, 503):
        assert f"{status} (" in page
    assert "<code>files</code>" in page and "`files`" not in page


def test_serve_on_a_taken_port_or_unknown_host_fails_in_one_line() -> None:
    """Before: uvicorn started, logged the bind error among its INFO lines, exit code 3."""
    import socket

    from conftest import run_cli

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--host", "127.0.0.1", "--port", str(port))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    elsewhere = run_cli("serve", "--host", "192.0.2.1", "--port", str(port))  # TEST-NET-1
    assert elsewhere.returncode == 2 and "cannot listen on 192.0.2.1" in elsewhere.stderr
    malformed = run_cli("serve", "--host", "bad..host", "--port", str(port))  # no lookup made
    assert malformed.returncode == 2 and "not a valid host name" in malformed.stderr


def test_form_caps_the_word_budget_at_what_the_service_accepts(server: str) -> None:
    """The form let one ask for 6,000 words, only to get an error page back."""
    page = httpx.get(f"{server}/").text
    assert 'id="words" value="100" min="1" max="5000"' in page
    refused = httpx.post(f"{server}/v1/summarize", json={"documents": ["a b."], "words": 5001})
    assert refused.status_code == 422 and "at most 5000" in refused.json()["error"]
