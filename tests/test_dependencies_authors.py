"""Who wrote a document (dependencies/authors.py), and the writer's first-person words
shown with their author: found, used, refused where nothing says who wrote them, the
insertion's offsets on the byline, and the JSON round trip.

Fixtures under tests/fixtures/authors/ were written for these tests: a column about a
town's flood with and without its byline, a news report of the same flood, a blog post
with its "posted ... by" header, an appeal whose writer introduces herself, an essay with
a closing credit, a rights notice, and a page whose "posted by" is a reader's comment.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import synopsis
from synopsis.cleaning import clean
from synopsis.dependencies import Article, Author, find_author, resolve
from synopsis.model import Cluster, Document, apply_insertions
from synopsis.render.json import render_json
from synopsis.segment import segment

FIXTURES = Path(__file__).parent / "fixtures" / "authors"


def document(name: str, **meta: str) -> Document:
    return Document(id=name, text=(FIXTURES / f"{name}.txt").read_text(), meta=meta)


def author_of(doc: Document) -> Author | None:
    return find_author(segment(clean(doc), 0))


@pytest.mark.parametrize(
    ("name", "writer", "how"),
    [
        ("column-byline", "Nora Field", "byline"),
        ("blog-posted", "riverwatcher", "posted by"),
        ("appeal", "Clara", "my name is"),
        ("essay-credit", "Nora Field", "credit"),
    ],
)
def test_the_writer_is_found_where_the_document_names_them(
    name: str, writer: str, how: str
) -> None:
    doc = document(name)
    found = author_of(doc)
    assert found is not None and (found.name, found.how) == (writer, how)
    assert doc.text[found.start : found.end] == writer  # the span is the name, exactly


@pytest.mark.parametrize("name", ["column-none", "report", "notice-rights", "comments-foot"])
def test_no_writer_is_made_up(name: str) -> None:
    # no byline; a report; "© 2024 by" a rights holder; "posted by" a reader at the foot
    assert author_of(document(name)) is None


@pytest.mark.parametrize(
    "text",
    [
        "A video posted by police on Monday shows the levee giving way. I was there.",
        "A study posted online by researchers in March found the levee too low. I agree.",
        '"My name is Clara and I lost the bakery," the baker told the council on Monday. '
        "The council listened. I think it should have acted sooner.",
    ],
)
def test_no_writer_from_a_report_s_own_words(text: str) -> None:
    # no header time or date before "by", and a quotation's "my name is" is its speaker's
    assert author_of(Document(id="r", text=text * 3)) is None


def test_an_author_given_as_metadata_has_no_place_in_the_text() -> None:
    found = author_of(document("column-none", author="  Nora   Field "))
    assert found == Author("Nora Field", 0, 0, "metadata")


COLUMN = [
    "The river flooded the town of Millbrook last week.",
    "I have never seen the water rise as fast as it did that night.",
    "We lost the bakery and half of the library.",
]


def test_first_person_words_are_refused_without_an_author_and_bracketed_with_one() -> None:
    assert resolve(COLUMN, 1) is None
    article = Article(COLUMN, author=Author("Nora Field", 10, 20, "byline"))
    unit = resolve(COLUMN, 1, article=article)
    assert unit is not None and (unit.first, unit.last) == (1, 1)
    (ins,) = unit.insertions
    assert (ins.at, ins.start, ins.end, ins.text) == (1, 0, 0, "Nora Field wrote:")
    assert (ins.source_start, ins.source_end) == (10, 20)
    # the next sentence of the run goes on from it: taken with it, one insertion for both
    unit = resolve(COLUMN, 2, article=article)
    assert unit is not None and (unit.first, unit.last) == (1, 2)
    assert [i.at for i in unit.insertions] == [1]


def test_an_introduced_post_keeps_its_own_speaker() -> None:
    texts = ["Mayor Ann Webb wrote on her page:", "I thank every firefighter who came out."]
    article = Article(texts, author=Author("Nora Field", 0, 10, "byline"))
    unit = resolve(texts, 1, article=article)
    assert unit is not None and (unit.first, unit.insertions) == (0, ())


def cluster(column: Document) -> Cluster:
    return Cluster(id="flood", documents=(column, document("report")))


def first_person_sentences(summary: synopsis.Summary) -> list[int]:
    return [k for k, s in enumerate(summary.sentences) if s.document_id.startswith("column")]


def test_the_column_comes_in_with_its_byline_and_never_without() -> None:
    with_byline = cluster(document("column-byline"))
    shown = 0
    for words in (40, 100, 150, 200):
        summary = synopsis.summarize(with_byline, words=words)
        assert summary.words <= words
        for k, s in enumerate(summary.sentences):
            if s.raw.startswith(("I have lived", "We lost")):
                authored = s.text.startswith("[Nora Field wrote:] ")
                # the run's next sentence, right after the one that names its writer
                went_on = s.raw.startswith("We lost") and k > 0
                went_on = went_on and summary.sentences[k - 1].raw.startswith("I have lived")
                assert authored or went_on, [x.text for x in summary.sentences]
                shown += authored
    assert shown  # at some budget the writer's words are in, with their author
    without = cluster(document("column-none"))
    for words in (40, 100, 150, 200):
        summary = synopsis.summarize(without, words=words)
        assert not any(s.raw.startswith(("I have lived", "We lost")) for s in summary.sentences)
        assert not any("wrote:]" in s.text for s in summary.sentences)


def authored(summary: synopsis.Summary) -> synopsis.SummarySentence:
    return next(s for s in summary.sentences if s.text.startswith("[Nora Field wrote:]"))


def test_the_insertion_points_at_the_byline_and_round_trips_through_json() -> None:
    column = document("column-byline")
    summary = synopsis.summarize(cluster(column), words=200)
    s = authored(summary)
    (ins,) = s.insertions
    assert ins.at == ins.end == s.start  # before the sentence, replacing nothing
    byline = author_of(column)
    assert byline is not None
    assert (ins.source.document_id, ins.source.start, ins.source.end) == (
        column.id,
        byline.start,
        byline.end,
    )
    assert column.text[ins.source.start : ins.source.end] == "Nora Field"
    data = json.loads(render_json(summary))
    row = next(r for r in data["sentences"] if r["text"] == s.text)
    assert row["raw"] == column.text[row["start"] : row["end"]]
    (out,) = row["insertions"]
    assert out == {
        "at": ins.at,
        "end": ins.end,
        "text": "[Nora Field wrote:]",
        "from": {"document_id": column.id, "start": byline.start, "end": byline.end},
    }
    assert apply_insertions(row["raw"], row["start"], s.insertions) == row["text"]


def test_a_metadata_author_is_shown_with_an_empty_span() -> None:
    column = document("column-none", author="Nora Field")
    s = authored(synopsis.summarize(cluster(column), words=200))
    (ins,) = s.insertions
    assert (ins.source.document_id, ins.source.start, ins.source.end) == (column.id, 0, 0)


def test_a_writer_who_gives_their_name_needs_no_author() -> None:
    from synopsis.dependencies import first_person

    assert first_person("My name is Clara and I am the daughter of the baker.") is None
    assert first_person("I am the daughter of the baker.") is not None
    assert first_person("My name is on the list, and I am not leaving.") is not None


def test_an_html_page_s_author_metadata_names_the_writer() -> None:
    from synopsis.ingest import load

    (page,) = load([FIXTURES / "column.html"]).clusters[0].documents
    assert page.meta.get("author") == "Nora Field"
    s = authored(synopsis.summarize(cluster(page), words=200))
    (ins,) = s.insertions
    assert (ins.source.document_id, ins.source.start, ins.source.end) == (page.id, 0, 0)
