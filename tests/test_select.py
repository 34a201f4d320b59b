from __future__ import annotations

import re
from pathlib import Path

import pytest

import synopsis


def tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("words", [15, 40, 100, 250])
def test_word_budget_holds(sample_files: list[Path], words: int) -> None:
    summary = synopsis.summarize(sample_files, words=words)
    assert summary.sentences
    assert summary.words <= words


def test_budget_smaller_than_any_sentence_gives_empty_summary_with_note() -> None:
    summary = synopsis.summarize(
        ["This sentence has quite a few words in it, doesn't it."], words=3
    )
    assert summary.sentences == ()
    assert "budget" in summary.notes[0]


def test_no_two_summary_sentences_near_identical(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=250)
    sets = [tokens(s.text) for s in summary.sentences]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert len(a & b) / len(a | b) < 0.6


def test_reading_order_follows_position_in_article(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=250)
    texts = {d.id: d.text for d in summary.documents}
    fractions = [s.start / len(texts[s.document_id]) for s in summary.sentences]
    # relative sentence index, not characters, drives the order; characters track it closely
    assert fractions[0] <= min(fractions[1:]) + 0.1


def test_summary_opens_with_a_lead_sentence(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=100)
    first = summary.sentences[0]
    doc = next(d for d in summary.documents if d.id == first.document_id)
    body = synopsis.clean(doc)
    # the first sentence of the summary is the first body sentence of its article
    assert doc.text[body.body[0].start :].lstrip().startswith(first.raw)
