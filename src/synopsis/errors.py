"""Errors a user can cause, with messages a user can act on.

The CLI and the service catch :class:`SynopsisError` once and print its message; anything
else is a bug and is allowed to surface.
"""

from __future__ import annotations


class SynopsisError(Exception):
    """Base class for every error synopsis raises on purpose."""


class InputError(SynopsisError, ValueError):
    """An input could not be read: missing, empty, binary, malformed or unsupported."""


class EmptyClusterError(SynopsisError, ValueError):
    """Nothing summarisable was left: no document had a sentence in it."""


class MissingExtraError(SynopsisError, ImportError):
    """An optional feature was used without its extra installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs optional dependencies: pip install 'synopsis[{extra}]'")


class InputTooLargeError(InputError):
    """An input over the size synopsis summarizes at once (see ``ingest.MAX_CLUSTER_CHARS``):
    refused up front, because its cost would grow past any reasonable memory or time."""
