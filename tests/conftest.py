from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.model import CleanDocument, Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "iran-isis-2014"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_document(text: str, doc_id: str = "doc") -> Document:
    return Document(id=doc_id, text=text)


def make_clean(text: str, doc_id: str = "doc") -> CleanDocument:
    return CleanDocument.whole(make_document(text, doc_id))


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture
def sample_files() -> list[Path]:
    return sorted(SAMPLE.glob("*.txt"))
