# ruff: noqa: E501  (fixture articles keep one sentence per line)
"""Disagreements between independent sources, in small fixtures written for the test."""

from __future__ import annotations

import synopsis
from conftest import FIXTURES
from synopsis.model import Disagreement, Summary

CROSS = FIXTURES / "cross"

SUMMIT_A = """Diplomats from 26 nations gathered at the Lake Ohrid water summit to negotiate a treaty on shared rivers.
The summit chairman, Ahmed Rahimov, opened the session with a warning about falling reservoirs.
"We cannot allow our rivers to run dry while we argue about borders and maps," Rahimov said in his opening speech.
Farmers in the region have lost a third of their irrigation water over the past decade.
"""

SUMMIT_B = """Delegations of 24 nations arrived for the water summit at Lake Ohrid, hoping to seal a treaty on rivers they share.
Chairman Ahmed Rakhimov told the delegates that the reservoirs of the region were falling every year.
"We must not let the rivers dry up while we quarrel over frontiers and maps," Rakhimov said at the start of the talks.
Environmental groups staged a small protest outside the conference hall demanding binding targets.
"""

VOTE_A = """The city council approved the new stadium plan on Tuesday after a heated debate over its cost to taxpayers.
Opponents had gathered signatures from residents who feared traffic and noise near the riverside site.
"""

VOTE_B = """The city council approved its new stadium plan on Wednesday, despite a long debate about what it would cost taxpayers.
Construction is due to begin next spring and will take about two years, the developer said.
"""


def run(*texts: str) -> Summary:
    return synopsis.summarize(list(texts), words=200)


def kinds(summary: Summary) -> dict[str, Disagreement]:
    return {d.kind: d for d in summary.disagreements}


def test_number_name_and_quote_variants_are_found() -> None:
    summary = run(SUMMIT_A, SUMMIT_B)
    assert summary.independent_sources == 2
    found = kinds(summary)
    assert {v.value for v in found["number"].variants} == {"26", "24"}
    assert "nations" in found["number"].subject
    assert {v.value for v in found["name"].variants} == {"Rahimov", "Rakhimov"}
    quote = found["quote"]
    assert quote.subject == "words of Rahimov" or quote.subject == "words of Rakhimov"
    assert {v.groups for v in quote.variants} == {(1,), (2,)}


def test_mentions_point_at_the_raw_text() -> None:
    summary = run(SUMMIT_A, SUMMIT_B)
    text = {d.id: d.text for d in summary.documents}
    for d in summary.disagreements:
        for v in d.variants:
            for m in v.mentions:
                assert v.value in text[m.document_id][m.start : m.end] or d.kind == "quote"
                if d.kind == "quote":
                    assert text[m.document_id][m.start : m.end] == v.value


def test_date_variant_is_found() -> None:
    found = kinds(run(VOTE_A, VOTE_B))
    assert {v.value for v in found["date"].variants} == {"Tuesday", "Wednesday"}


def test_copies_of_one_story_never_disagree() -> None:
    wire = (CROSS / "wire.txt").read_text()
    edited = wire.replace("more than 4,000 people", "more than 3,000 people").replace(
        "Dimova", "Dimowa"
    )
    summary = run(wire, edited)
    assert summary.independent_sources == 1
    assert summary.disagreements == ()


def test_numbers_about_different_things_are_not_a_disagreement() -> None:
    a = "The storm killed 5 people in the mountain village of Tarn overnight, rescuers said."
    b = "The storm left 40 homes in the mountain village of Tarn without power overnight."
    assert run(a, b).disagreements == ()


def test_one_document_is_one_source_and_never_disagrees() -> None:
    summary = run(SUMMIT_A)
    assert summary.independent_sources == 1
    assert summary.disagreements == ()


def test_disabled_stage_reports_nothing() -> None:
    from synopsis.options import DisagreeOptions, Options

    options = Options(disagree=DisagreeOptions(enabled=False))
    assert synopsis.summarize([SUMMIT_A, SUMMIT_B], options=options).disagreements == ()


def test_partial_counts_and_units_are_not_counts() -> None:
    a = "The carmaker will cut another 3,000 jobs at its plants in Bavaria and Saxony this year."
    b = "The carmaker has now announced it will cut 7,000 jobs at its plants in Bavaria and Saxony."
    c = "The new plant in Saxony lies 15 miles north of Leipzig, near the Bavaria border road."
    d = "Its old plant in Saxony lies 10 miles north of Dresden, near the Bavaria border road."
    assert run(a, b).disagreements == ()
    assert run(c, d).disagreements == ()


def test_json_text_and_html_agree_on_independent_sources_when_a_document_is_dropped() -> None:
    import json

    from synopsis.render import render

    notice = "Sorry, the page you requested was not found.\nPlease try again later."
    wire = (FIXTURES / "cross" / "wire.txt").read_text()
    other = (FIXTURES / "cross" / "independent.txt").read_text()
    summary = synopsis.summarize([wire, other, notice], words=120)
    assert summary.excluded == ("3",) and summary.independent_sources == 2
    data = json.loads(render([summary], "json"))
    assert data["independent_sources"] == 2
    assert "; 2 independent sources" in render([summary], "text")
    assert "<b>2</b> independent sources" in render([summary], "html")
