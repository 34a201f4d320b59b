"""The report and the service's page in a real headless Chromium (Debian's package).

Playwright drives /usr/bin/chromium by ``executable_path``: Playwright's own browser
download is not reachable from these machines.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

import synopsis
from synopsis.model import Cluster, Disagreement, Document, Mention, Variant
from synopsis.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")

INJECTED = (
    '<script>window.pwned = "script";</script>'
    '<img src="x" onerror="window.pwned = &quot;img&quot;">'
    "<b>bold?</b>"
)
ARTICLES = [
    "The city council voted on Tuesday to build a new bridge over the river. "
    "The bridge will cost 40 million dollars, the mayor said. "
    f"Residents had asked for it for years. {INJECTED} Work starts in the spring.",
    "On Tuesday the city council approved a new bridge across the river. "
    "The mayor said the bridge would cost 45 million dollars. "
    "Construction is planned to begin next spring.",
    "A new river bridge won the council's approval on Tuesday after a long debate. "
    "Some residents worried about traffic during construction.",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.errors.append("dialog: " + d.message), d.dismiss()))
    yield page
    context.close()


def hostile_summary() -> synopsis.Summary:
    docs = tuple(Document(id=f"art-{i}.txt", text=t) for i, t in enumerate(ARTICLES, 1))
    summary = synopsis.summarize(Cluster(id="bridge <vote>", documents=docs), words=40)
    cost = [
        Variant(v, (Mention(d.id, d.text.index(v), d.text.index(v) + len(v)),), (k,))
        for k, (d, v) in enumerate([(docs[0], "40 million"), (docs[1], "45 million")])
    ]
    return dataclasses.replace(
        summary, disagreements=(Disagreement("number", "cost of the bridge", tuple(cost)),)
    )


def assert_nothing_injected_ran(page: object) -> None:
    assert page.evaluate("window.pwned") is None
    assert page.locator(".doc img, .doc script, .doc b").count() == 0
    texts = page.locator(".doc .text").all_text_contents()
    assert any('<script>window.pwned = "script";</script>' in t for t in texts)
    assert any("onerror=" in t for t in texts)
    assert page.errors == []


def click_first_sentence_and_check(page: object, sentence: synopsis.SummarySentence) -> None:
    page.locator(".sent").first.click()
    marked = page.locator("mark.on")
    assert marked.count() >= 1
    assert "".join(marked.all_text_contents()) == sentence.raw
    # the highlight sits inside the article the sentence cites
    n = 1 + [d for d in ARTICLES].index(next(a for a in ARTICLES if sentence.raw in a))
    assert page.locator(f"#doc-{n} mark.on").count() == marked.count()
    assert "src" in (page.locator(f"#doc-{n}").get_attribute("class") or "")


def test_report_file_highlights_sources_and_runs_no_injected_code(
    page: object, tmp_path: Path
) -> None:
    summary = hostile_summary()
    path = tmp_path / "report.html"
    path.write_text(render_html(summary), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert page.locator("h1").text_content() == "Summary of bridge <vote>"
    click_first_sentence_and_check(page, summary.sentences[0])
    # a second click unpins and clears; hovering alone highlights again
    page.locator(".sent").first.click()
    assert page.locator("mark.on").count() == 0
    page.locator("h1").hover()
    page.locator(".sent").first.hover()
    assert page.locator("mark.on").count() >= 1
    # a disagreement's variant highlights its own mention
    page.locator(".variant").nth(1).click()
    assert page.locator("mark.mv.on").all_text_contents() == ["45 million"]
    assert_nothing_injected_ran(page)
    assert requests == [path.as_uri()]  # self-contained: nothing else is fetched


def test_report_fits_a_phone_screen(browser: object, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(hostile_summary()), encoding="utf-8")
    context = browser.new_context(viewport={"width": 375, "height": 700}, is_mobile=True)
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_service_form_pastes_articles_and_shows_the_report(page: object, server: str) -> None:
    page.goto(server + "/")
    page.locator("#more").click()  # the page's own script adds a fourth box
    assert page.locator("textarea").count() == 4
    for n, text in enumerate(ARTICLES, start=1):
        page.fill(f"#article-{n}", text)
    page.fill("#words", "40")
    with page.expect_navigation():
        page.locator("#submit").click()
    assert page.locator("h1").text_content() == "Summary of cluster"
    expected = synopsis.summarize(ARTICLES, words=40)
    sentences = page.locator(".sent").all_text_contents()
    assert len(sentences) == len(expected.sentences)
    assert all(got.startswith(s.text) for got, s in zip(sentences, expected.sentences, strict=True))
    click_first_sentence_and_check(page, expected.sentences[0])
    assert_nothing_injected_ran(page)


def test_service_form_shows_a_readable_error(page: object, server: str) -> None:
    page.goto(server + "/")
    with page.expect_navigation():
        page.locator("#submit").click()  # nothing pasted
    assert "no article given" in (page.locator(".note").text_content() or "")
