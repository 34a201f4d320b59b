from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.model import (
    CopyGroup,
    Disagreement,
    Document,
    Mention,
    Summary,
    Support,
    Variant,
)
from synopsis.render import RENDERERS, render, render_html
from synopsis.render.html import CSS, JS, _Mark, marked_text

HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"></script>'


class Marks(HTMLParser):
    """Collects the text inside each <mark>, by ref, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.by_ref: dict[str, str] = {}
        self.tags: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self._open.append((dict(attrs).get("data-refs") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for refs in self._open:
            for ref in refs:
                self.by_ref[ref] = self.by_ref.get(ref, "") + data


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def sample_summary() -> Summary:
    root = Path(__file__).resolve().parent.parent / "examples" / "iran-isis-2014"
    (cluster,) = synopsis.load([root]).clusters
    return synopsis.summarize(cluster, words=100)


def mention(summary: Summary, doc_id: str, needle: str) -> Mention:
    text = next(d.text for d in summary.documents if d.id == doc_id)
    start = text.index(needle)
    return Mention(doc_id, start, start + len(needle))


def test_registered_and_each_sentence_marks_its_exact_source(sample_summary: Summary) -> None:
    assert RENDERERS["html"] is render_html
    page = render_html(sample_summary)
    marks = parse(page).by_ref
    assert sample_summary.sentences
    for i, s in enumerate(sample_summary.sentences):
        assert marks[f"s{i}"] == s.raw  # the highlighted characters are the raw slice
        assert f'data-ref="s{i}"' in page
    # no copy groups: the cross-source analysis has not run, and the page says so
    bare = render_html(dataclasses.replace(sample_summary, copies=(), disagreements=()))
    assert "Copy detection has not run" in bare and "Disagreement detection has not run" in bare
    assert "Copy detection has not run" not in page or not sample_summary.copies


def test_article_text_is_escaped_and_no_data_reaches_scripts() -> None:
    doc_text = f"Officials met on Monday in Paris. {HOSTILE} They agreed to meet again soon."
    docs = [
        Document(id=f"a{HOSTILE}", title=HOSTILE, text=doc_text),
        Document(id="b", text="Officials met on Monday in Paris to talk. They will meet again."),
    ]
    summary = synopsis.summarize(synopsis.Cluster(id=HOSTILE, documents=tuple(docs)), words=50)
    page = render_html(summary)
    parsed = parse(page)
    assert parsed.tags.count("script") == 2  # the JSON data block and the page's own script
    assert "img" not in parsed.tags
    assert page.count("</script>") == 2
    assert "onerror=" not in page.replace("onerror=&quot;", "")
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page


def test_policy_allows_only_the_pages_own_script_and_style() -> None:
    page = render_html(synopsis.summarize(["One plain sentence about a meeting in Paris today."]))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    for source in (JS, CSS):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy.group(1)
        assert source in page
    assert "default-src 'none'" in policy.group(1)


def test_copy_groups_support_and_disagreements_render(sample_summary: Summary) -> None:
    ids = [d.id for d in sample_summary.documents]
    copies = (CopyGroup(0, (ids[3], ids[0], ids[2]), 0.8), CopyGroup(1, (ids[1],)))
    first = sample_summary.sentences[0]
    sentences = (
        dataclasses.replace(first, support=Support((first.document_id, ids[1]), (0, 1))),
        *sample_summary.sentences[1:],
    )
    variants = (
        Variant("Paris", (mention(sample_summary, ids[3], "Paris"),), (0,)),
        Variant("Monday", (mention(sample_summary, ids[1], "Monday"),), (1,)),
    )
    summary = dataclasses.replace(
        sample_summary,
        copies=copies,
        sentences=sentences,
        disagreements=(Disagreement("name", "where it happened <b>", variants),),
    )
    page = render_html(summary)
    assert "One story, 3 copies" in page and "80% of sentences shared" in page
    # ids[4] is in no group: it counts as its own source
    assert "<b>3</b> independent sources among 5 articles" in page
    assert "stated by 2 articles from 2 independent sources" in page
    assert "where it happened &lt;b&gt;" in page
    marks = parse(page).by_ref
    assert marks["v0-0"] == "Paris" and marks["v0-1"] == "Monday"
    assert 'data-ref="v0-1"' in page


def test_overlapping_marks_keep_the_text_exact() -> None:
    text = "A <b>bold</b> & plain claim, said 30 officials."
    marks = [_Mark(1, 0, 20, "s0"), _Mark(1, 15, 38, "v0-0"), _Mark(1, 40, 999, "s1")]
    out = marked_text(text, marks)
    assert unescape(re.sub(r"<[^>]+>", "", out)) == text
    by_ref = parse(out).by_ref
    assert by_ref["s0"] == text[0:20] and by_ref["v0-0"] == text[15:38]
    assert by_ref["s1"] == text[40:]


def test_many_clusters_are_refused(sample_summary: Summary) -> None:
    with pytest.raises(InputError, match="one cluster"):
        render([sample_summary, sample_summary], "html")


def test_cli_writes_the_report(tmp_path: Path, sample_dir: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["summarize", str(sample_dir), "--format", "html", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Summary of iran-isis-2014" in page


def test_disagreements_table_leads_with_conflicts() -> None:
    """As the text report does, whatever order the summary holds them in."""
    docs = (
        Document(id="a.txt", text="Masoum said 24."),
        Document(id="b.txt", text="Massoum said 26."),
    )
    spelling = Disagreement(
        "spelling",
        "spelling of a name",
        (
            Variant("Masoum", (Mention("a.txt", 0, 6),), (1,)),
            Variant("Massoum", (Mention("b.txt", 0, 7),), (2,)),
        ),
    )
    conflict = Disagreement(
        "conflict",
        "nations",
        (
            Variant("24", (Mention("a.txt", 12, 14),), (1,)),
            Variant("26", (Mention("b.txt", 13, 15),), (2,)),
        ),
    )
    summary = Summary(
        sentences=(),
        documents=docs,
        copies=(CopyGroup(1, ("a.txt",)), CopyGroup(2, ("b.txt",))),
        disagreements=(spelling, conflict),
    )
    page = render_html(summary)
    assert page.index('class="kind">conflict') < page.index('class="kind">spelling')
    # each mark still opens its own variant: the conflict's "24" is now v0-0
    assert 'data-refs="v0-0">24</mark>' in page and 'data-ref="v0-0">24<' in page
