from __future__ import annotations

from pathlib import Path

import synopsis
from synopsis.model import apply_insertions


def test_every_sentence_slices_its_source_exactly(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=300)
    texts = {d.id: d.text for d in summary.documents}
    for s in summary.sentences:
        assert texts[s.document_id][s.start : s.end] == s.raw
        assert apply_insertions(s.raw, s.start, s.insertions).split() == s.text.split()
        assert s.document_id not in s.supported_by
    assert any(s.insertions for s in summary.sentences)  # the sample has a "he said"


def test_insertions_round_trip_to_their_sources() -> None:
    summary = synopsis.summarize(
        [
            "Harbour master Ellen Marsh said on Tuesday that the port would reopen. "
            "The storm had closed it for four days, stranding dozens of ships offshore. "
            '"We expect the first ferries by noon," she said. '
            "Crews cleared debris from the channel overnight.",
            "The port reopened on Tuesday after a four-day closure caused by the storm. "
            "Ferries were expected to resume by noon, the harbour authority said.",
        ],
        words=200,
    )
    texts = {d.id: d.text for d in summary.documents}
    (quote,) = [s for s in summary.sentences if "ferries by noon" in s.text]
    assert quote.text == '"We expect the first ferries by noon," [Marsh] said.'
    assert texts[quote.document_id][quote.start : quote.end] == quote.raw
    (insertion,) = quote.insertions
    assert texts[quote.document_id][insertion.at : insertion.end] == "she"
    assert apply_insertions(quote.raw, quote.start, quote.insertions) == quote.text
    source = insertion.source
    assert "Marsh" in texts[source.document_id][source.start : source.end]


def test_supported_by_finds_copies_not_strangers() -> None:
    lead = "The harbour bridge reopened to traffic on Tuesday after three weeks of repairs."
    summary = synopsis.summarize(
        [
            lead + " Engineers replaced two expansion joints on the span.",
            "City news: " + lead + " Officials were pleased with the result of the work.",
            "A chess tournament in the old town hall drew players from twelve countries.",
        ],
        words=20,
    )
    (first,) = [s for s in summary.sentences if "harbour bridge" in s.text]
    assert len(first.supported_by) == 1
    assert "3" not in first.supported_by and first.document_id not in first.supported_by
