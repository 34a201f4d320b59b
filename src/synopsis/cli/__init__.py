"""The ``synopsis`` command: a thin layer over the Python API.

Every user mistake ends in one line on stderr and a non-zero exit, never a traceback.
Only typer, rich and the light option types are imported here: each command imports the
pipeline, renderers and evaluation it needs, so ``--help`` and ``--version`` start fast.
"""

from __future__ import annotations

from .common import app

# Each module registers its commands on ``app``, in the order --help lists them.
# isort: off
from . import summarize  # noqa: F401  (summarize, clean, compare)
from . import serve  # noqa: F401
from . import evaluate  # noqa: F401  (eval, train)
from . import stream  # noqa: F401  (track, stories)
from . import batch  # noqa: F401
# isort: on


def main() -> None:
    app()


__all__ = ["app", "main"]
