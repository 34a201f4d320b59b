"""synopsis: one short, faithful, attributed summary of many news articles.

>>> import synopsis
>>> summary = synopsis.summarize(["First article text ...", "Second article text ..."])
>>> print(summary.text)  # doctest: +SKIP

Import cost is user-facing (``synopsis --help`` pays it), so this module imports only the
light model, option and error types; every other public name is loaded on first use
(PEP 562), and the heavy libraries behind them are imported where they are used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import EmptyClusterError, InputError, MissingExtraError, SynopsisError
from .model import CleanDocument, Cluster, Document, Removal, Sentence, Summary, SummarySentence
from .options import CleanOptions, Options

if TYPE_CHECKING:
    from .cleaning import clean, clean_cluster
    from .ingest import Loaded, load
    from .stream.tracker import Tracker

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

# Public name -> the submodule that defines it, imported on first access.
_LAZY = {
    "clean": ".cleaning",
    "clean_cluster": ".cleaning",
    "Loaded": ".ingest",
    "load": ".ingest",
    "documents_from_objects": ".ingest",
    "Tracker": ".stream.tracker",  # stream mode and its database drivers cost nothing until used
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("synopsis")
        except PackageNotFoundError:  # running from a source tree
            value = "0.0.0"
    elif name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    from .ingest import check_cluster, documents_from_objects, unique_ids
    from .pipeline import run

    options = options or Options()
    if words is not None:
        if isinstance(words, bool) or not isinstance(words, int) or words < 1:
            raise InputError(f"words must be a positive whole number, got {words!r}")
        options = dataclasses.replace(
            options, select=dataclasses.replace(options.select, words=words)
        )
    if isinstance(documents, Cluster):  # ids made unique before any stage uses them
        cluster = dataclasses.replace(documents, documents=unique_ids(documents.documents))
    else:
        if isinstance(documents, (str, Path, Document)):
            documents = [documents]
        docs = documents_from_objects(documents)
        if not docs:
            raise EmptyClusterError("no documents to summarize (all were empty)")
        cluster = Cluster(id="cluster", documents=docs)
    cluster, notes = check_cluster(cluster)  # the size policy; languages it cannot segment
    summary = run(cluster, options)
    return dataclasses.replace(summary, notes=summary.notes + notes) if notes else summary
