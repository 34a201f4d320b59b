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
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from . import __version__, summarize
from .errors import InputError, MissingExtraError, SynopsisError
from .ingest import document_from_bytes, parse_json
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
from .service_workers import JobFailed, ProcessWorkers, Reclaimed, ThreadWorkers
from .stream import routes as stream_routes

FORMATS = ("json", "text", "md", "html")


@dataclass(frozen=True)
class ServiceOptions:
    """Limits a deployment may change (``synopsis serve --help`` lists the flags)."""

    max_body_bytes: int = 20_000_000
    max_documents: int = 1000
    time_limit: float = 60.0  # seconds per request, queueing included; then its work stops
    workers: int = 2  # summaries computed at once; more requests wait their turn
    processes: bool = True  # killable worker processes; threads cannot be stopped
    max_words: int = 5000
    memory_limit_mb: int = 2000  # per request (per worker process); its worker is killed past it
    upload_timeout: float = 15.0  # seconds a request body may stall without sending a byte
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
    workers = make_workers(options)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        workers.start()  # in the event loop's thread: worker processes die with it
        try:
            yield
        finally:  # SIGTERM or Ctrl-C: uvicorn ends the lifespan; no worker survives it
            workers.close()

    app = FastAPI(
        lifespan=lifespan,
        title="synopsis",
        version=__version__,
        description="One short, faithful, attributed summary of many news articles.",
        docs_url=None,  # the default page loads Swagger UI from a CDN; ours is offline
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, limit=options.max_body_bytes, idle_timeout=options.upload_timeout)
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)

    app.include_router(stream_routes.router(options.stories_db))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return _page(index_page(options.max_documents, options.max_body_bytes, options.max_words))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return _page(docs_page(app.openapi()))

    @app.get("/healthz", summary="Liveness check", responses={503: {}})
    async def healthz() -> Response:
        starved = workers.starved_for()
        if starved > options.time_limit:  # every worker taken for longer than a request may
            return JSONResponse(
                {"status": "busy", "version": __version__, "starved_seconds": round(starved, 1)},
                status_code=503,
            )
        return JSONResponse({"status": "ok", "version": __version__})

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
        summary = await run_limited(workers, job, options.time_limit, options.memory_limit_mb)
        return respond(summary, fmt)

    return app


async def read_request(
    request: Request, options: ServiceOptions
) -> tuple[list[str | Document], int, str]:
    """The documents, word budget and format of a request, whatever its content type."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        parsed = parse_body(await request.body())
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


def parse_body(body: bytes) -> SummarizeRequest:
    """Strict UTF-8 JSON under the input contract (:func:`synopsis.ingest.parse_json`),
    validated; messages name the field at fault."""
    try:
        data = parse_json(body, where="request body")
    except InputError as exc:
        raise ServiceError(400, str(exc)) from None
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
    try:
        async with request.form(
            max_files=options.max_documents,
            max_fields=options.max_documents + 10,
            max_part_size=options.max_body_bytes,
        ) as form:
            items, blank = await _form_documents(form)
            fields = list(form.keys())
            words_field = form.get("words") or "100"
            fmt = form.get("format") or "json"
    except StarletteHTTPException as exc:  # the form parser's limits: same status as JSON
        if "Too many" in str(exc.detail) or "too large" in str(exc.detail).lower():
            raise ServiceError(
                413, f"too many documents or fields (this service takes at most "
                f"{options.max_documents} documents per request)",
            ) from None  # fmt: skip
        raise ServiceError(400, f"unreadable form: {exc.detail}") from None
    if not items and any(f.lstrip().startswith(("{", "[")) for f in fields):
        # curl -d '{"documents": ...}' sends JSON labelled as a form: say so, rather than
        # "no article given" or a complaint about a words field the user never sent.
        raise ServiceError(
            415, "the body is JSON but was sent as a form (Content-Type: application/"
            "x-www-form-urlencoded, curl -d's default); send it with the header "
            "Content-Type: application/json",
        )  # fmt: skip
    words = _form_words(words_field)
    if fmt not in FORMATS:
        raise ServiceError(422, f"format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if not items:
        if blank:  # as JSON with only blank documents: nothing left to summarize
            raise ServiceError(400, "no documents to summarize (all were empty)")
        raise ServiceError(422, "documents: no article given (paste text or upload files)")
    return items, words, str(fmt)


async def _form_documents(form: Any) -> tuple[list[str | Document], bool]:
    """Pasted texts and uploads, whichever field a file came under; and whether some
    given document was blank."""
    items: list[str | Document] = []
    blank = False
    for value in [*form.getlist("documents"), *form.getlist("files")]:
        if isinstance(value, str):
            if value.strip():
                items.append(value)
            else:
                blank = blank or bool(value)
            continue
        if not isinstance(value, UploadFile):
            raise ServiceError(422, "files: expected file uploads")
        data = await value.read()
        if not value.filename and not data:
            continue  # an empty file input in a browser form
        if not data.strip():
            blank = True
            continue
        try:
            items.append(document_from_bytes(data, value.filename or "upload"))
        except SynopsisError as exc:
            raise ServiceError(415, str(exc)) from None
    return items, blank


def _form_words(value: object) -> int:
    """The form's word budget, refused exactly as the JSON field is (422)."""
    text = value.strip() if isinstance(value, str) else ""
    # isdigit() alone accepts "²" and other digits int() refuses; and bound the length
    if not (text.isascii() and text.isdigit() and len(text) <= 9) or int(text) < 1:
        raise ServiceError(422, f"words: expected a positive whole number, got {str(value)[:20]!r}")
    return int(text)


def make_workers(options: ServiceOptions) -> ProcessWorkers | ThreadWorkers:
    """Killable processes by default; threads only when asked for (they cannot be stopped)."""
    if options.processes:
        return ProcessWorkers(options.workers, options.memory_limit_mb * 1_000_000)
    return ThreadWorkers(options.workers)


async def run_limited(
    workers: ProcessWorkers | ThreadWorkers,
    job: Callable[[], Summary],
    time_limit: float,
    memory_limit_mb: int | None = None,
) -> Summary:
    """Run the CPU-bound summary in a worker, within the time limit and memory ceiling.

    Past either, the client gets an error at once and (with processes) the worker doing
    the job is killed and replaced, so an abandoned request consumes nothing more.
    """
    try:
        result = await workers.run(job, time.monotonic() + time_limit)
    except Reclaimed as exc:
        if exc.reason == "memory":
            raise ServiceError(
                413, f"this request needs more memory than this service allows per request "
                f"({memory_limit_mb or '?'} MB); send fewer or shorter documents",
            ) from None  # fmt: skip
        if exc.reason == "died":
            raise ServiceError(
                503, "a summarizing worker stopped unexpectedly; try again"
            ) from None
        raise ServiceError(
            503, f"summarizing took longer than this service's limit of {time_limit:g} s; "
            "send fewer or shorter documents",
        ) from None  # fmt: skip
    except JobFailed as exc:
        if exc.status == 500:  # a bug: the generic handler answers 500 and logs it
            raise RuntimeError(exc.message) from None
        raise ServiceError(exc.status, exc.message) from None
    assert isinstance(result, Summary)
    return result


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
    return HTMLResponse(html)  # BodyLimit adds the security headers to every response


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


# Sent with every response. The pages also carry their own script-hash policy in a <meta>
# tag; browsers apply both, and frame-ancestors only works as a header.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class BodyLimit:
    """Refuse bodies over ``limit`` bytes (413) before or while reading them, and bodies
    that stall for ``idle_timeout`` seconds (408); add :data:`SECURITY_HEADERS` to every
    response."""

    def __init__(self, app: ASGIApp, limit: int, idle_timeout: float = 15.0) -> None:
        self.app = app
        self.limit = limit
        self.idle_timeout = idle_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isascii() and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(receive, secured)
            return
        seen, finished = 0, False

        async def limited() -> Message:
            nonlocal seen, finished
            if finished:  # after the body, receive() waits for a disconnect: no timeout
                return await receive()
            message = await self._next(receive)
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ServiceError(413, self._message())
            finished = not message.get("more_body", False)
            return message

        await self.app(scope, limited, secured)

    async def _next(self, receive: Receive) -> Message:
        try:
            return await asyncio.wait_for(receive(), timeout=self.idle_timeout)
        except asyncio.TimeoutError:
            raise ServiceError(
                408, f"request body stalled: nothing arrived for {self.idle_timeout:g} s"
            ) from None

    def _message(self) -> str:
        return f"request body too large: this service takes at most {self.limit:,} bytes"

    async def _refuse(self, receive: Receive, send: Send) -> None:
        # Read (and drop) what the client is sending so it sees the answer, not a reset;
        # past twice the limit, or once it stalls, stop reading and let the connection close.
        more, drained = True, 0
        while more and drained <= 2 * self.limit:
            try:
                message = await self._next(receive)
            except ServiceError:
                break
            drained += len(message.get("body", b""))
            more = message.get("more_body", False) and message["type"] == "http.request"
        body = json.dumps({"error": self._message(), "status": 413}).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def serve(host: str = "127.0.0.1", port: int = 8000, options: ServiceOptions | None = None) -> None:
    """Run the service until interrupted."""
    import uvicorn

    # On SIGTERM or Ctrl-C uvicorn stops accepting, lets running requests finish for a few
    # seconds, then ends the app's lifespan, which kills and reaps every worker process.
    uvicorn.run(
        create_app(options), host=host, port=port, log_level="info", timeout_graceful_shutdown=5
    )


__all__ = ["ServiceError", "ServiceOptions", "create_app", "serve"]
