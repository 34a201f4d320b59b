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


def test_supporting_documents_are_those_of_np_unique_over_pairs_at(
    sample_files: list[Path], monkeypatch
) -> None:
    """attribute lists each sentence's other documents by a sorted set of Python ints
    over pair_arrays: the same documents, in the same order, as ``np.unique`` over
    ``pairs_at``'s row (the code it replaced), with and without copy groups."""
    import numpy as np

    from synopsis import pipeline
    from synopsis.options import AttributeOptions
    from synopsis.score import pairs_at

    calls = []
    real = pipeline.attribute

    def spy(scored, selection, options=None, groups=None):  # type: ignore[no-untyped-def]
        calls.append((scored, selection, groups))
        return real(scored, selection, options, groups)

    monkeypatch.setattr(pipeline, "attribute", spy)
    synopsis.summarize(sample_files, words=300)
    checked = 0
    for scored, selection, groups in calls:
        similar = pairs_at(scored, AttributeOptions().support_threshold)
        doc_of = np.array([s.doc_index for s in scored.sentences])
        for g in (groups, None):
            got = real(scored, selection, groups=g)
            for i, s in zip(selection.indices, got, strict=True):
                own = scored.sentences[i].doc_index
                docs = np.unique(doc_of[similar.indices[similar.indptr[i] : similar.indptr[i + 1]]])
                ids = [scored.documents[d].document.id for d in docs if d != own]
                assert list(s.supported_by) == ids
                if g is not None:
                    indices = [own, *(int(d) for d in docs if d != own)]
                    assert s.support is not None
                    assert s.support.groups == tuple(sorted({g[d] for d in indices}))
                    assert len(s.support.documents) == len(indices)
                checked += bool(ids)
    assert checked >= 2
