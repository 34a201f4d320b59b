from __future__ import annotations

import json
from pathlib import Path

import synopsis
from synopsis.render import render, render_markdown, render_text, to_dict


def test_json_schema(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=100)
    data = json.loads(render([summary], "json"))
    assert set(data) == {
        "schema", "version", "cluster_id", "headline", "summary", "words", "sentences",
        "documents", "parameters", "notes", "copies", "independent_sources", "disagreements",
    }  # fmt: skip
    assert data["parameters"]["words"] == 100
    for s in data["sentences"]:
        assert set(s) == {
            "text", "document_id", "start", "end", "raw", "score", "supported_by", "support",
            "insertions",
        }  # fmt: skip
    assert [d["id"] for d in data["documents"]] == [p.name for p in sample_files]
    assert data == to_dict(summary)


def test_text_has_markers_and_numbered_sources(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=100)
    out = render_text(summary)
    numbers = {p.name: i for i, p in enumerate(sample_files, start=1)}
    for s in summary.sentences:
        assert f"{s.text} [{numbers[s.document_id]}" in out
    for name, n in numbers.items():
        assert f"[{n}] {name}" in out


def test_markdown_escapes_markup() -> None:
    summary = synopsis.summarize(
        ["Shares of *Acme* rose [sharply] after the <b>results</b> came out."]
    )
    out = render_markdown(summary)
    assert r"\*Acme\*" in out and r"\<b\>" in out


def test_many_clusters_in_json_are_json_lines(sample_files: list[Path]) -> None:
    a = synopsis.summarize(sample_files[:2], words=30)
    b = synopsis.summarize(sample_files[2:], words=30)
    lines = render([a, b], "json").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["sentences"] for line in lines)


def test_analysis_in_plain_words() -> None:
    from synopsis.model import CopyGroup, Disagreement, Document, Mention, Summary, Variant
    from synopsis.render import render_analysis

    docs = tuple(Document(id=f"{n}.txt", text="x") for n in "abcde")
    summary = Summary(
        sentences=(),
        documents=docs,
        copies=(
            CopyGroup(1, ("a.txt", "b.txt", "c.txt"), 0.9),
            CopyGroup(2, ("d.txt",)),
            CopyGroup(3, ("e.txt",)),
        ),
        disagreements=(
            Disagreement(
                "number",
                "nations (Paris, conference)",
                (
                    Variant("26", tuple(Mention(d, 0, 1) for d in ("a.txt", "b.txt")), (1,)),
                    Variant("24", (Mention("d.txt", 0, 1),), (2,)),
                ),
            ),
        ),
    )
    text = render_analysis([summary], "text")
    assert "3 of 5 articles are one story (a.txt, b.txt, c.txt); 3 independent sources" in text
    assert "nations (Paris, conference): 26 (2 articles, one source [1,2]), 24 (1 [4])" in text
    assert "Sources disagree" in render_analysis([summary], "md")
    assert '"independent_sources": 3' in render_analysis([summary], "json")


def _with_a_dropped_document() -> synopsis.Summary:
    """Three articles read, the second left out by cleaning, the others independent."""
    from synopsis.model import CopyGroup, Document, Summary

    docs = tuple(Document(id=f"{n}.txt", text="x") for n in "abc")
    return Summary(
        sentences=(),
        documents=docs,
        copies=(CopyGroup(1, ("a.txt",)), CopyGroup(2, ("c.txt",))),
        excluded=("b.txt",),
        notes=("document b.txt dropped: nothing but page furniture",),
    )


def test_a_dropped_document_is_marked_in_every_format() -> None:
    from synopsis.render import render_analysis, render_html

    summary = _with_a_dropped_document()
    assert summary.independent_sources == 2
    text = render_text(summary)
    assert "[2] b.txt (left out by cleaning" in text and "[1] a.txt\n" in text
    assert "3 articles (1 left out by cleaning), no copies among them; 2 independent" in text
    assert r"2. b.txt (left out by cleaning" in render_markdown(summary)
    assert "[2] b.txt (left out by cleaning" in render_analysis([summary], "text")
    documents = json.loads(render([summary], "json"))["documents"]
    assert [d["dropped"] for d in documents] == [False, True, False]
    page = render_html(summary)
    assert page.count("left out by cleaning: no source") == 2  # source list, article header
    article = page.split('id="doc-2"')[1].split("</header>")[0]
    assert "left out by cleaning" in article
    assert "1 left out by cleaning count not at all" in page


def test_compare_markdown_escapes_article_text_as_summarize_does() -> None:
    from synopsis.model import CopyGroup, Disagreement, Document, Mention, Summary, Variant
    from synopsis.render import render_analysis

    docs = (Document(id="a_1.txt", text="x"), Document(id="b.txt", text="y"))
    said = Disagreement(
        "wording",
        "words of the *mayor*",
        (
            Variant("<b>never</b> again", (Mention("a_1.txt", 0, 1),), (1,)),
            Variant("not again", (Mention("b.txt", 0, 1),), (2,)),
        ),
    )
    summary = Summary(
        sentences=(),
        documents=docs,
        copies=(CopyGroup(1, ("a_1.txt",)), CopyGroup(2, ("b.txt",))),
        disagreements=(said,),
    )
    md = render_analysis([summary], "md")
    assert r"\<b\>never\</b\>" in md and r"\*mayor\*" in md and r"1. a\_1.txt" in md
    assert "### Sources" in md
    across = render_markdown(summary).split("### Across sources")[1]
    assert all(line in md for line in across.strip().splitlines())


def test_text_and_markdown_say_what_the_numbers_after_a_sentence_mean() -> None:
    """'[4,1,3]' reads as three equal sources unless the report says the first is the one
    the sentence is taken from; said only when some sentence has such other numbers."""
    from synopsis.render.sources import LEGEND

    backed = synopsis.summarize(
        [
            "The council approved the new bridge on Tuesday after a long debate.",
            "The council approved the new bridge on Tuesday after a long debate in the hall.",
        ]
    )
    assert any(s.supported_by for s in backed.sentences)
    assert f"Sources:\n  ({LEGEND})\n  [1]" in render_text(backed)
    assert "_the first number after a sentence" in render_markdown(backed)
    alone = synopsis.summarize(["The council approved the new bridge on Tuesday."])
    assert LEGEND not in render_text(alone) and "first number" not in render_markdown(alone)
