"""Stream routes of the service: in-process over the API, and /stories in real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import start_server
from stream_builders import interleaved
from synopsis.service import ServiceOptions, create_app
from synopsis.stream import embed
from synopsis.stream.similarity import StoryOptions
from synopsis.stream.store import Store
from synopsis.stream.tracker import Tracker, TrackOptions

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(ServiceOptions(stories_db=str(tmp_path / "s.db")))
    with TestClient(app) as c:
        yield c


def test_post_articles_then_read_stories(client: TestClient):
    records = interleaved(per_story=3, kits=("flood", "strike"))
    one = client.post("/v1/articles", json=records[0])
    assert one.status_code == 200 and one.json()["assignments"][0]["new_story"] is True
    rest = client.post("/v1/articles", json={"articles": [*records[1:], {"id": "bad"}]})
    body = rest.json()
    assert len(body["assignments"]) == 5
    assert body["skipped"] == [{"index": 5, "reason": "article 5: article 'bad' has no text"}]
    stories = client.get("/v1/stories").json()["stories"]
    assert len(stories) == 2 and all(s["version"] == 1 and s["summary"] for s in stories)
    first = stories[0]["story_id"]
    assert client.get(f"/v1/stories/{first}").json()["story_id"] == first
    report = client.get(f"/v1/stories/{first}", params={"format": "html"})
    assert report.status_code == 200 and "<html" in report.text.lower()
    again = client.post("/v1/articles", json=records[0]).json()["assignments"][0]
    assert again["new_story"] is False  # idempotent


def test_errors_are_json_with_a_status(client: TestClient):
    assert client.get("/v1/stories/nope").status_code == 404
    bad = client.post(
        "/v1/articles", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert bad.status_code == 400 and "JSON" in bad.json()["error"]
    assert client.post("/v1/articles", json=[]).status_code == 422
    assert client.get("/v1/stories", params={"since": "later"}).status_code == 422


def test_routes_off_without_a_database():
    with TestClient(create_app()) as c:
        answer = c.get("/v1/stories")
    assert answer.status_code == 404 and "--db" in answer.json()["error"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_stories_page_in_chromium(tmp_path: Path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_browser import CHROMIUM_ARGS

    proc, url = start_server("--db", str(tmp_path / "s.db"))
    try:
        import httpx

        records = interleaved(per_story=3, kits=("comet", "election"))
        assert httpx.post(f"{url}/v1/articles", json=records, timeout=60).status_code == 200
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{url}/stories")
            assert page.locator("article.story").count() == 2
            headlines = page.locator("article.story h2").all_text_contents()
            assert {h.split()[0] for h in headlines} <= {r["title"].split()[0] for r in records}
            first = page.locator("article.story").first
            assert not first.locator(".summary").is_visible()
            first.locator("details summary").click()
            assert first.locator(".summary .sentence").first.is_visible()
            assert first.locator("ul.articles li").count() == 3
            assert "3 articles" in first.locator(".meta").first.text_content()
            assert errors == []
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.skipif(not embed.available(), reason="the embed extra is absent")
def test_the_service_adds_to_a_database_in_the_mode_it_was_started(tmp_path: Path):
    records = interleaved(per_story=2, kits=("flood", "strike"))
    db = str(tmp_path / "e.db")
    options = TrackOptions(story=StoryOptions.with_embeddings(), embed=True)
    with Tracker(db, options) as tracker:
        tracker.add_many(records[:2])
    with TestClient(create_app(ServiceOptions(stories_db=db))) as c:
        answer = c.post("/v1/articles", json=records[2:])
    assert answer.status_code == 200, answer.text
    assert [a["new_story"] for a in answer.json()["assignments"]] == [False, False]
    store = Store(db)
    rows = store.all("SELECT features FROM articles ORDER BY seq")
    store.close()
    assert len(rows) == 4 and all('"m":' in r[0] for r in rows)  # all embedded
