"""The examples in docstrings run, so the documentation cannot drift from the code (one
in ``dependencies.needs`` had: a rule added later made its "stands alone" example false)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = (
    "synopsis",
    "synopsis.batch",
    "synopsis.cleaning",
    "synopsis.dependencies.fragments",
    "synopsis.dependencies.sentence",
    "synopsis.evaluate.rouge",
    "synopsis.ingest",
    "synopsis.ingest.jsontext",
    "synopsis.model",
    "synopsis.score.learned",
    "synopsis.stream.tracker",
    "synopsis.topic",
    "synopsis.wording",
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples left: drop it from MODULES"
    assert result.failed == 0
