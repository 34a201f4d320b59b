from __future__ import annotations

from pathlib import Path

import pytest

import synopsis


def test_exported_members() -> None:
    exported = {name for name in dir(synopsis) if not name.startswith("_")}
    assert set(synopsis.__all__) - {"__version__"} <= exported
    for name in synopsis.__all__:
        assert getattr(synopsis, name) is not None


def test_summarize_strings_paths_and_documents(sample_files: list[Path]) -> None:
    doc = synopsis.Document(id="mine", text=sample_files[0].read_text())
    summary = synopsis.summarize([sample_files[1].read_text(), sample_files[2], doc])
    assert summary.text == "\n".join(s.text for s in summary.sentences)
    assert {s.document_id for s in summary.sentences} <= {"1", sample_files[2].name, "mine"}


def test_single_document_is_a_cluster() -> None:
    text = "The vote passed narrowly on Monday night. Turnout was the lowest in a decade."
    summary = synopsis.summarize(text, words=50)
    assert [s.text for s in summary.sentences] == [
        "The vote passed narrowly on Monday night.",
        "Turnout was the lowest in a decade.",
    ]


@pytest.mark.parametrize("words", [0, -5, 2.5, True])
def test_bad_word_budget(words: object) -> None:
    with pytest.raises(synopsis.InputError):
        synopsis.summarize(["Some text here."], words=words)  # type: ignore[arg-type]


def test_all_empty_documents() -> None:
    with pytest.raises(synopsis.EmptyClusterError):
        synopsis.summarize(["  ", ""])
