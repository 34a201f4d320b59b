"""The file ``spark-submit`` runs: ``synopsis batch`` under a Spark cluster's session.

``spark-submit [spark options] $(synopsis batch spark-job) summarize INPUT -o OUT`` runs
``synopsis batch summarize INPUT -o OUT --engine spark`` in the driver that spark-submit
starts, so master, executors and memory come from spark-submit's own options.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> None:
    from synopsis.cli import main as cli

    args = list(argv)
    if "--engine" not in args:
        args.append("--engine=spark")
    sys.argv = ["synopsis", "batch", *args]
    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
