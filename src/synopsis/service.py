"""The HTTP service: ``synopsis serve`` (FastAPI + uvicorn, the ``web`` extra).

Routes stay thin: parse the request, call :func:`synopsis.summarize` in a worker thread
(so the event loop keeps answering), render. Every user mistake becomes a JSON error
``{"error": message, "status": code}`` with the right status; nothing a client sends
ends in a 500 or stops the server.

>>> app = create_app(ServiceOptions(max_documents=100))  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from . import __version__, summarize
from .errors import MissingExtraError, SynopsisError
from .ingest import document_from_bytes
from .model import Document, Summary
from .render import render_html, render_markdown, render_text, to_dict

try:
    from fastapi import FastAPI, Request
    from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError
    from starlette.datastructures import UploadFile
    from starlette.exceptions import HTTPException as StarletteHTTPException
    from starlette.types import ASGIApp, Message, Receive, Scope, Send
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtraError("synopsis serve", "web") from exc

from .service_pages import docs_page, error_page, index_page
from .stream import routes as stream_routes

FORMATS = ("json", "text", "md", "html")


@dataclass(frozen=True)
class ServiceOptions:
    """Limits a deployment may change (``synopsis serve --help`` lists the flags)."""

    max_body_bytes: int = 20_000_000
    max_documents: int = 1000
    time_limit: float = 60.0  # seconds per request, queueing included
    workers: int = 2  # summaries computed at once; more requests wait their turn
    processes: bool = False  # workers as processes (uses every core) instead of threads
    max_words: int = 5000
    stories_db: str | None = None  # stream mode's story database (None: routes off)


class ServiceError(Exception):
    """A request the service refuses, with the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class DocumentIn(BaseModel):
    """An article given as an object; ``id`` defaults to its position (1, 2, ...)."""

    model_config = ConfigDict(extra="forbid")
    id: StrictStr | None = None
    title: StrictStr | None = None
    text: StrictStr


class SummarizeRequest(BaseModel):
    """The JSON body of ``POST /v1/summarize``."""

    model_config = ConfigDict(extra="forbid")
    documents: list[StrictStr | DocumentIn] = Field(min_length=1)
    words: StrictInt = Field(default=100, ge=1)
    format: Literal["json", "text", "md", "html"] = "json"


REQUEST_BODY_DOC: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {"schema": SummarizeRequest.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "documents": {"type": "array", "items": {"type": "string"}},
                    "words": {"type": "integer", "default": 100},
                    "format": {"type": "string", "enum": list(FORMATS), "default": "json"},
                },
            }
        },
    },
}


def create_app(options: ServiceOptions | None = None) -> FastAPI:
    """The ASGI application, with its limits; run it with uvicorn or :func:`serve`."""
    options = options or ServiceOptions()
    pool = WorkerPool(options.workers, options.processes)
    app = FastAPI(
        title="synopsis",
        version=__version__,
        description="One short, faithful, attributed summary of many news articles.",
        docs_url=None,  # the default page loads Swagger UI from a CDN; ours is offline
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)

    app.include_router(stream_routes.router(options.stories_db))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return _page(index_page(options.max_documents, options.max_body_bytes))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return _page(docs_page(app.openapi()))

    @app.get("/healthz", summary="Liveness check")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.post(
        "/v1/summarize",
        summary="Summarize articles about one story",
        description="JSON body, or multipart form with `files` uploads and/or `documents` "
        "text fields. `format` picks the answer: json (as `synopsis summarize --format json`), "
        "text, md or html (the report page).",
        openapi_extra={"requestBody": REQUEST_BODY_DOC},
        responses={400: {}, 413: {}, 415: {}, 422: {}, 503: {}},
    )
    async def summarize_route(request: Request) -> Response:
        items, words, fmt = await read_request(request, options)
        job = partial(summarize, items, words=words)
        summary = await run_limited(pool, job, options.time_limit)
        return respond(summary, fmt)

    return app


async def read_request(
    request: Request, options: ServiceOptions
) -> tuple[list[str | Document], int, str]:
    """The documents, word budget and format of a request, whatever its content type."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        parsed = parse_json(await request.body())
        items = [_from_object(d, i) for i, d in enumerate(parsed.documents, start=1)]
        words, fmt = parsed.words, parsed.format
    elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        items, words, fmt = await read_form(request, options)
    else:
        raise ServiceError(
            415, f"unsupported content type {kind or '(none)'!r}: send application/json "
            "or multipart/form-data",
        )  # fmt: skip
    if len(items) > options.max_documents:
        raise ServiceError(
            413, f"too many documents: {len(items)} (this service takes at most "
            f"{options.max_documents} per request)",
        )  # fmt: skip
    if words > options.max_words:
        raise ServiceError(422, f"words: at most {options.max_words}, got {words}")
    return items, words, fmt


def parse_json(body: bytes) -> SummarizeRequest:
    """Strict UTF-8 JSON, validated; messages name the field at fault."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ServiceError(400, f"request body is not valid UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ServiceError(400, f"request body is not valid JSON: {exc.msg} at {exc.pos}") from None
    try:  # JSON may escape lone surrogates (\\ud800), which no text can hold
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ServiceError(
            400, "request body is not valid Unicode: it escapes a lone surrogate (\\ud800-\\udfff)"
        ) from None
    try:
        return SummarizeRequest.model_validate(data)
    except ValidationError as exc:
        raise ServiceError(422, _validation_message(exc)) from None


def _validation_message(exc: ValidationError) -> str:
    problems: dict[str, str] = {}
    for err in exc.errors():
        loc = [str(p) for p in err["loc"] if p not in ("str", "DocumentIn")]
        where = ".".join(loc) or "body"
        if len(loc) == 2 and loc[0] == "documents" and err["type"] in ("string_type", "model_type"):
            problems[where] = "must be a string or an object {id?, title?, text}"
        else:
            problems.setdefault(where, err["msg"])
    shown = [f"{where}: {msg}" for where, msg in list(problems.items())[:5]]
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    hint = "; expected {documents: [str | {id?, title?, text}], words?: int, format?: str}"
    return "; ".join(shown) + more + hint


def _from_object(item: str | DocumentIn, position: int) -> str | Document:
    if isinstance(item, str):
        return item
    text = item.text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(id=item.id or str(position), text=text, title=item.title)


async def read_form(
    request: Request, options: ServiceOptions
) -> tuple[list[str | Document], int, str]:
    """Uploads (``files``) and pasted texts (``documents``) from a form, read like the CLI."""
    async with request.form(
        max_files=options.max_documents + 1,
        max_fields=options.max_documents + 10,
        max_part_size=options.max_body_bytes,
    ) as form:
        items: list[str | Document] = [
            v for v in form.getlist("documents") if isinstance(v, str) and v.strip()
        ]
        for upload in form.getlist("files"):
            if isinstance(upload, str) and not upload:
                continue  # a browser's empty file input arrives as an empty field
            if not isinstance(upload, UploadFile):
                raise ServiceError(422, "files: expected file uploads")
            data = await upload.read()
            if not upload.filename and not data:
                continue  # an empty file input in a browser form
            try:
                items.append(document_from_bytes(data, upload.filename or "upload"))
            except SynopsisError as exc:
                raise ServiceError(415, str(exc)) from None
        words_field = form.get("words") or "100"
        fmt = form.get("format") or "json"
    if not isinstance(words_field, str) or not words_field.strip().isdigit():
        raise ServiceError(422, f"words: expected a positive whole number, got {words_field!r}")
    if fmt not in FORMATS:
        raise ServiceError(422, f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if not items:
        raise ServiceError(422, "documents: no article given (paste text or upload files)")
    return items, int(words_field), str(fmt)


class WorkerPool:
    """Where summaries are computed: threads (light) or processes (every core, no GIL).

    A process pool whose worker died (killed, out of memory) is replaced, so one bad
    request cannot leave the service failing every later one.
    """

    def __init__(self, workers: int, processes: bool) -> None:
        self.workers = workers
        self.processes = processes
        self._pool = self._new()

    def _new(self) -> Executor:
        if self.processes:
            # spawn: the server's threads and event loop must not be forked mid-flight
            context = multiprocessing.get_context("spawn")
            return ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="summarize")

    def submit(self, job: Callable[[], Summary]) -> asyncio.Future[Summary]:
        loop = asyncio.get_running_loop()
        try:
            return loop.run_in_executor(self._pool, job)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new()
            return loop.run_in_executor(self._pool, job)


async def run_limited(
    pool: WorkerPool | Executor, job: Callable[[], Summary], time_limit: float
) -> Summary:
    """Run the CPU-bound summary off the event loop, within the time limit.

    A running job cannot be stopped safely: on timeout the client gets 503 at once and the
    abandoned job finishes in its worker; the bounded pool keeps such jobs from piling up.
    """
    if isinstance(pool, WorkerPool):
        future = pool.submit(job)
    else:
        future = asyncio.get_running_loop().run_in_executor(pool, job)
    try:
        return await asyncio.wait_for(future, timeout=time_limit)
    except asyncio.TimeoutError:
        raise ServiceError(
            503, f"summarizing took longer than this service's limit of {time_limit:g} s; "
            "send fewer or shorter documents",
        ) from None  # fmt: skip
    except BrokenProcessPool:
        raise ServiceError(503, "a summarizing worker stopped unexpectedly; try again") from None
    except SynopsisError as exc:
        raise ServiceError(400, str(exc)) from None


def respond(summary: Summary, fmt: str) -> Response:
    """The summary in the asked format; json is exactly what the CLI prints."""
    if fmt == "json":
        return JSONResponse(to_dict(summary))
    if fmt == "html":
        return _page(render_html(summary))
    if fmt == "md":
        return Response(render_markdown(summary), media_type="text/markdown; charset=utf-8")
    return PlainTextResponse(render_text(summary))


def _page(html: str) -> HTMLResponse:
    return HTMLResponse(html, headers={"X-Content-Type-Options": "nosniff"})


def _error(request: Request, status: int, message: str) -> Response:
    # A person submitting the page's form gets a page; programs get JSON.
    if "text/html" in request.headers.get("accept", ""):
        return HTMLResponse(error_page(status, message), status_code=status)
    return JSONResponse({"error": message, "status": status}, status_code=status)


async def _service_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceError)
    return _error(request, exc.status, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(request, exc.status_code, str(exc.detail))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    return _error(request, 500, f"internal error ({type(exc).__name__}); please report it")


class BodyLimit:
    """Refuse bodies over ``limit`` bytes (413) before or while reading them."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ServiceError(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"request body too large: this service takes at most {self.limit:,} bytes"

    async def _refuse(self, receive: Receive, send: Send) -> None:
        # Read (and drop) what the client is sending so it sees the answer, not a reset;
        # past twice the limit, stop reading and let the connection close.
        more, drained = True, 0
        while more and drained <= 2 * self.limit:
            message = await receive()
            drained += len(message.get("body", b""))
            more = message.get("more_body", False) and message["type"] == "http.request"
        body = json.dumps({"error": self._message(), "status": 413}).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def serve(host: str = "127.0.0.1", port: int = 8000, options: ServiceOptions | None = None) -> None:
    """Run the service until interrupted."""
    import uvicorn

    uvicorn.run(create_app(options), host=host, port=port, log_level="info")


__all__ = ["ServiceError", "ServiceOptions", "create_app", "serve"]
