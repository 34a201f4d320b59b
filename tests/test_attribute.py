from __future__ import annotations

from pathlib import Path

import synopsis


def test_every_sentence_slices_its_source_exactly(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=300)
    texts = {d.id: d.text for d in summary.documents}
    for s in summary.sentences:
        assert texts[s.document_id][s.start : s.end] == s.raw
        assert s.raw.split() == s.text.split()
        assert s.document_id not in s.supported_by


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
