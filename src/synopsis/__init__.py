"""synopsis: one short, faithful, attributed summary of many news articles.

>>> import synopsis
>>> summary = synopsis.summarize(["First article text ...", "Second article text ..."])
>>> print(summary.text)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .clean import clean, clean_cluster
from .errors import EmptyClusterError, InputError, MissingExtraError, SynopsisError
from .ingest import Loaded, documents_from_objects, load
from .model import CleanDocument, Cluster, Document, Removal, Sentence, Summary, SummarySentence
from .options import CleanOptions, Options
from .pipeline import run

try:
    __version__ = version("synopsis")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "CleanDocument",
    "CleanOptions",
    "Cluster",
    "Document",
    "EmptyClusterError",
    "InputError",
    "Loaded",
    "MissingExtraError",
    "Options",
    "Removal",
    "Sentence",
    "Summary",
    "SummarySentence",
    "SynopsisError",
    "Tracker",
    "__version__",
    "clean",
    "clean_cluster",
    "load",
    "summarize",
]


# Loaded on first use: stream mode (and its database drivers) costs nothing until used.
_LAZY = {"Tracker": ("synopsis.stream.tracker", "Tracker")}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'synopsis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def summarize(
    documents: Cluster | Iterable[str | Path | Document],
    words: int | None = None,
    *,
    options: Options | None = None,
) -> Summary:
    """Summarize articles about one story.

    ``documents`` are article texts, paths to article files, :class:`Document` objects,
    or a :class:`Cluster`. ``words`` caps the summary length (default 100); it
    overrides ``options.select.words`` when both are given.
    """
    options = options or Options()
    if words is not None:
        if isinstance(words, bool) or not isinstance(words, int) or words < 1:
            raise InputError(f"words must be a positive whole number, got {words!r}")
        options = dataclasses.replace(
            options, select=dataclasses.replace(options.select, words=words)
        )
    if isinstance(documents, Cluster):
        cluster = documents
    else:
        if isinstance(documents, (str, Path, Document)):
            documents = [documents]
        docs = documents_from_objects(documents)
        if not docs:
            raise EmptyClusterError("no documents to summarize (all were empty)")
        cluster = Cluster(id="cluster", documents=docs)
    return run(cluster, options)
