"""How well predicted stories match gold stories: BCubed and pairwise scores.

BCubed (Bagga & Baldwin 1998, item-averaged as in Amigó et al. 2009): for each article,
precision is the share of its predicted story that shares its gold story, recall the share
of its gold story inside its predicted story; both averaged over articles. Pairwise scores
count pairs of articles put together. Both take two equally long label sequences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Score:
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)


@dataclass(frozen=True)
class Grouping:
    """The scores of one predicted grouping against gold."""

    bcubed: Score
    pairwise: Score
    largest_predicted: int
    largest_gold: int
    predicted_stories: int
    gold_stories: int


def _check(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> None:
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if not gold:
        raise ValueError("no items to score")


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Score:
    """Item-averaged BCubed precision, recall and F1."""
    _check(predicted, gold)
    both = Counter(zip(predicted, gold, strict=True))
    pred_size, gold_size = Counter(predicted), Counter(gold)
    precision = sum(n * n / pred_size[p] for (p, _), n in both.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (_, g), n in both.items()) / len(gold)
    return Score.of(precision, recall)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Score:
    """Precision and recall over pairs of items placed in one story."""
    _check(predicted, gold)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter(zip(predicted, gold, strict=True)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return Score.of(precision, recall)


def grouping(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Grouping:
    """BCubed, pairwise and the sizes of the largest stories."""
    pred_size, gold_size = Counter(predicted), Counter(gold)
    return Grouping(
        bcubed=bcubed(predicted, gold),
        pairwise=pairwise(predicted, gold),
        largest_predicted=max(pred_size.values()),
        largest_gold=max(gold_size.values()),
        predicted_stories=len(pred_size),
        gold_stories=len(gold_size),
    )
