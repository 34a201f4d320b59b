"""The learned scorer: a linear model over the signals, shipped as package data.

Its weights (``learned_weights.json``) and its summary-word table (``summary_words.tsv``)
sit beside this module and are written by ``synopsis train`` (:mod:`.training`), which
fits them on what the pipeline scores. :class:`LearnedScorer` loads them with
:mod:`importlib.resources` the first time it scores, and keeps them; there is no
module-level cache, so a scorer built with another :class:`LearnedModel` scores with that.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import InputError
from ..options import ScoreOptions
from .signals import Features, unit
from .text import TEXT_CUES

WEIGHTS_FILE = "learned_weights.json"
SUMMARY_WORDS_FILE = "summary_words.tsv"
UNKNOWN = "<unknown>"  # the table's row for a word not in it

# Inputs of the learned scorer, in order: the three signals (each cluster's centrality and
# support scaled to [0, 1]), the text cues, the summary-word cue, and a constant.
LEARNED_INPUTS = ("centrality", "support", "position", *TEXT_CUES, "summary_words", "bias")


@dataclass(frozen=True)
class LearnedModel:
    """Weights (one per name in LEARNED_INPUTS) and the summary-word table.

    ``words`` maps a word to the log-odds that a human summary uses it when the cluster's
    articles do; ``unknown`` is the value for any other word. ``about`` says where the
    model came from (data, clusters, fit), for reports.

    >>> model = LearnedModel.load()  # the shipped one
    >>> len(model.weights) == len(LEARNED_INPUTS)
    True
    """

    weights: tuple[float, ...]
    words: Mapping[str, float]
    unknown: float
    about: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.weights) != len(LEARNED_INPUTS):
            raise InputError(
                f"a learned model needs {len(LEARNED_INPUTS)} weights, got {len(self.weights)}"
            )
        if not all(math.isfinite(w) for w in self.weights):
            raise InputError("a learned model's weights must be finite numbers")

    @classmethod
    def load(cls, directory: Path | None = None) -> LearnedModel:
        """The model in ``directory`` (as :meth:`save` wrote it), or the shipped one."""
        where = resources.files(__package__) if directory is None else Path(directory)
        try:
            meta = json.loads(where.joinpath(WEIGHTS_FILE).read_text("utf-8"))
            table_text = where.joinpath(SUMMARY_WORDS_FILE).read_text("utf-8")
        except (OSError, ValueError) as exc:
            raise InputError(f"{where}: cannot read a learned model ({exc})") from None
        if list(meta.get("inputs", [])) != list(LEARNED_INPUTS):
            raise InputError(f"{where}: the model's inputs are not {', '.join(LEARNED_INPUTS)}")
        table: dict[str, float] = {}
        for line in table_text.splitlines():
            if line and not line.startswith("#"):
                word, value = line.split("\t")
                table[word] = float(value)
        if UNKNOWN not in table:
            raise InputError(f"{where}: {SUMMARY_WORDS_FILE} has no {UNKNOWN} row")
        unknown = table.pop(UNKNOWN)
        weights = tuple(float(w) for w in meta["weights"])
        return cls(weights, table, unknown, dict(meta.get("about", {})))

    def save(self, directory: Path) -> list[Path]:
        """Write the two files :meth:`load` reads; returns their paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            "inputs": list(LEARNED_INPUTS),
            "weights": [round(w, 6) for w in self.weights],
            "about": dict(self.about),
        }
        weights = directory / WEIGHTS_FILE
        weights.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        lines = [
            "# Summary-word log-odds for synopsis's learned scorer (see score.learned).",
            f"# Written by synopsis train from {self.about.get('data', '?')}; do not edit.",
            f"{UNKNOWN}\t{self.unknown}",
            *(f"{w}\t{v}" for w, v in sorted(self.words.items())),
        ]
        table = directory / SUMMARY_WORDS_FILE
        table.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [weights, table]

    def summary_words(self, tokens: Sequence[Sequence[str]]) -> np.ndarray:
        """Per sentence, the mean log-odds of its words (``unknown`` for no words)."""
        get, unknown = self.words.get, self.unknown
        same = itertools.repeat(unknown)
        return np.fromiter(
            (sum(map(get, ts, same)) / len(ts) if ts else unknown for ts in tokens),
            dtype=np.float64,
            count=len(tokens),
        )

    def design(self, f: Features) -> np.ndarray:
        """One row per sentence, one column per name in LEARNED_INPUTS."""
        n = f.centrality.shape[0]
        return np.column_stack(
            [
                unit(f.centrality),
                unit(f.support),
                f.position,
                f.surface,
                self.summary_words(f.tokens),
                np.ones(n),
            ]
        )


class LearnedScorer:
    """Scores by a :class:`LearnedModel`: the shipped one unless another is given.

    Fitted (``synopsis train``) to predict a sentence's share of bigrams found in the
    human summary of Multi-News training clusters.
    """

    def __init__(self, model: LearnedModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> LearnedModel:
        """The model, loaded from package data on first use."""
        if self._model is None:
            self._model = LearnedModel.load()
        return self._model

    def __call__(self, f: Features, options: ScoreOptions) -> np.ndarray:
        return self.model.design(f) @ np.asarray(self.model.weights, dtype=np.float64)
