"""The service's stream routes, as one FastAPI router that ``service.py`` includes.

``POST /v1/articles`` (one article object, a list, or ``{"articles": [...]}``) assigns and
stores; each answer comes after its articles are committed. ``GET /v1/stories`` and
``GET /v1/stories/{id}`` first bring changed summaries up to date (so a burst of posts
costs one recomputation per story, at the next read), then answer JSON, or HTML with
``?format=html``. ``GET /stories`` is a page listing the stories.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..errors import InputError, SynopsisError
from ..ingest import parse_json
from .render import render_html
from .tracker import StoryNotFoundError, Tracker

MAX_ARTICLES = 1000  # per request


class _Shared:
    """One tracker per service (it holds the writer lock), used under a lock: the
    route functions run in a thread pool. Every article is committed when its request
    is answered, so nothing is left to flush at shutdown."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.lock = threading.Lock()
        self._tracker: Tracker | None = None

    def tracker(self) -> Tracker:
        if self._tracker is None:
            self._tracker = Tracker.following(self.db)  # an --embed database stays one
        return self._tracker


def _articles(body: bytes) -> list[Any]:
    try:
        data = parse_json(body, where="request body")
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    if isinstance(data, dict) and "articles" in data:
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise HTTPException(422, "no articles in the request")
    if len(items) > MAX_ARTICLES:
        raise HTTPException(413, f"too many articles: {len(items)} (at most {MAX_ARTICLES})")
    return items


def router(db: str | None) -> APIRouter:
    """The stream routes over story database ``db`` (None: they answer 404 saying how
    to enable them)."""
    routes = APIRouter()
    shared = _Shared(db) if db else None

    def need() -> _Shared:
        if shared is None:
            raise HTTPException(404, "stream mode is off: start the service with --db PATH")
        return shared

    @routes.post("/v1/articles", summary="Add articles to their stories", responses={422: {}})
    async def add(request: Request) -> JSONResponse:
        items = _articles(await request.body())
        from starlette.concurrency import run_in_threadpool

        return JSONResponse(await run_in_threadpool(_add, need(), items))

    @routes.get("/v1/stories", summary="The stories, newest activity first")
    def stories(
        since: str | None = None, limit: int | None = None, format: str = "json"
    ) -> Response:
        s = need()
        with s.lock:
            tracker = s.tracker()
            try:
                tracker.refresh()
                found = tracker.stories(since, limit)
            except InputError as exc:
                raise HTTPException(422, str(exc)) from None
        if format == "html":
            return HTMLResponse(render_html(found))
        return JSONResponse({"stories": [x.to_dict() for x in found]})

    @routes.get("/v1/stories/{story_id}", summary="One story (format=html: its report page)")
    def story(story_id: str, format: str = "json") -> Response:
        s = need()
        with s.lock:
            tracker = s.tracker()
            try:
                tracker.refresh()
                found = tracker.story(story_id)
                if format == "html":
                    from ..render import render_html as report_html

                    return HTMLResponse(report_html(tracker.report(story_id)))
            except StoryNotFoundError as exc:
                raise HTTPException(404, str(exc)) from None
        return JSONResponse(found.to_dict())

    @routes.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        s = need()
        with s.lock:
            tracker = s.tracker()
            tracker.refresh()
            found = tracker.stories(limit=200)
        return HTMLResponse(render_html(found, "Stories"))

    return routes


def _add(shared: _Shared, items: list[Any]) -> dict[str, object]:
    from .reader import article_from_record

    articles, skipped = [], []
    for n, item in enumerate(items):
        try:
            articles.append(article_from_record(item, f"article {n}"))
        except InputError as exc:
            skipped.append({"index": n, "reason": str(exc)})
    with shared.lock:
        try:
            done = shared.tracker().add_many(articles) if articles else []
        except SynopsisError as exc:
            raise HTTPException(503, str(exc)) from None
    return {
        "assignments": [
            {"id": a.id, "story_id": x.story_id, "new_story": x.new_story}
            for a, x in zip(articles, done, strict=True)
        ],
        "skipped": skipped,
    }
