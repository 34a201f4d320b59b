"""Support counts independent copy groups when the groups are known."""

from __future__ import annotations

from conftest import make_clean
from synopsis.score import score
from synopsis.segment import segment

WIRE = "The bridge over the Sava river reopened to traffic after two years of repairs."
SHARED = "Engineers found cracks in three of the main steel cables during a routine inspection."


def test_copies_count_once_and_independent_sources_count_each() -> None:
    texts = [
        WIRE + " The wire copy ends here with its own closing sentence about tolls.",
        WIRE + " A republished copy adds nothing but a different closing line on fares.",
        WIRE + " Another copy of the same wire story closes with parking changes.",
        SHARED + " A local paper wrote its own story about the cables.",
        SHARED + " A television station reported the inspection in its own words too.",
    ]
    docs = [segment(make_clean(t, f"d{i}"), i) for i, t in enumerate(texts)]
    by_documents = score(docs)
    by_groups = score(docs, groups=[0, 0, 0, 1, 2])
    wire = [i for i, s in enumerate(by_groups.sentences) if s.text == WIRE]
    shared = [i for i, s in enumerate(by_groups.sentences) if s.text == SHARED]
    # By documents the wire sentence looks best supported (two other copies) ...
    assert by_documents.support[wire[0]] == 2 and by_documents.support[shared[0]] == 1
    # ... by groups the copies confirm nothing, the two independent reports confirm each other.
    assert by_groups.support[wire[0]] == 0 and by_groups.support[shared[0]] == 1
    assert by_groups.scores[shared[0]] > by_groups.scores[wire[0]]


def test_relative_position_reads_each_documents_own_length_with_groups() -> None:
    # Copy groups change what support counts, never a sentence's place in its article:
    # the relative-position cue is index / sentences *of its own document*.
    from synopsis.score import TEXT_CUES, features, vectorize

    texts = [
        "The dam opened its gates at dawn. Farmers downstream moved their cattle uphill.",
        "The dam opened its gates at dawn on Monday. Water reached the valley by noon. "
        "Schools in two villages closed for the day. Officials said the level would fall.",
        "A regional paper said the gates opened early. It quoted a farmer who lost a barn.",
    ]
    docs = [segment(make_clean(t, f"d{i}"), i) for i, t in enumerate(texts)]
    sentences = [s for d in docs for s in d.sentences]
    matrix = vectorize([s.text for s in sentences])
    column = TEXT_CUES.index("relative_position")
    expected = [s.index / len(docs[s.doc_index].sentences) for s in sentences]
    for groups in (None, [0, 0, 1], [1, 0, 0], [0, 1, 2]):
        f = features(sentences, matrix, 0.5, groups)
        assert f.surface[:, column].tolist() == expected, groups
