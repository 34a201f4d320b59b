"""serve: the HTTP service (the web extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import SynopsisError
from .common import (
    app,
    fail,
)


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    max_body_mb: Annotated[
        float, typer.Option(min=0.001, help="Largest request body accepted, in MB.")
    ] = 20.0,
    max_documents: Annotated[
        int, typer.Option(min=1, help="Most documents accepted in one request.")
    ] = 1000,
    time_limit: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request may take (503 after that).")
    ] = 60.0,
    workers: Annotated[int, typer.Option(min=1, help="Summaries computed at once.")] = 2,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Story database for /v1/articles, /v1/stories, /stories."),
    ] = None,
    processes: Annotated[
        bool,
        typer.Option(
            "--processes/--threads",
            help="Compute summaries in worker processes, killed and replaced when a request "
            "passes its time or memory limit, or in threads (lighter, but a request over its "
            "limit keeps its thread busy until it finishes).",
        ),
    ] = True,
    memory_limit_mb: Annotated[
        int, typer.Option(min=50, help="Memory one request may use, in MB (processes only).")
    ] = 2000,
    upload_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a request body may stall before 408.")
    ] = 15.0,
) -> None:
    """Run the HTTP service and its web page.

    Reads HTTP requests on --host and --port (127.0.0.1:8000) until Ctrl-C and serves
    POST /v1/summarize (JSON in, the 'summarize --format json' record out), a web page at
    / to paste or upload articles, and API docs at /docs; with --db also the stream routes
    (/v1/articles, /v1/stories, /stories). Logs go to stderr. Needs the web extra: pip
    install 'synopsis[web]'.

    \b
    Example:
      synopsis serve --port 8080 --db stories.db
    """
    try:
        from ..service import ServiceOptions, serve
    except SynopsisError as exc:  # the web extra is not installed
        raise fail(str(exc)) from None
    check_address(host, port)
    if db is not None:
        check_db(db)
    options = ServiceOptions(
        max_body_bytes=int(max_body_mb * 1_000_000),
        max_documents=max_documents,
        time_limit=time_limit,
        workers=workers,
        processes=processes,
        memory_limit_mb=memory_limit_mb,
        upload_timeout=upload_timeout,
        stories_db=db,
    )
    serve(host, port, options)


def check_db(db: str) -> None:
    """Open the story database once before start-up, so a bad --db (a folder that does not
    exist, a file that is not a database, an unreachable PostgreSQL) fails in one line
    instead of in every stream request after the server has started."""
    from ..stream.tracker import Tracker

    try:
        Tracker(db).store.close()
    except SynopsisError as exc:
        message = str(exc)
        raise fail(message if message.startswith("--db") else f"--db: {message}") from None


def check_address(host: str, port: int) -> None:
    """Fail in one line before start-up when the address cannot be listened on (a port in
    use, a host that does not resolve), instead of uvicorn's log lines and exit code 3."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except socket.gaierror as exc:
        raise fail(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    except UnicodeError:  # the name cannot even be encoded for a lookup ("a..b", 64+ chars)
        raise fail(f"--host {host}: not a valid host name") from None
    except OSError as exc:
        raise fail(
            f"cannot listen on {host}:{port}: {exc.strerror} (is another server running? "
            "choose another --port)"
        ) from None
