"""Frozen option dataclasses, one per stage, gathered in :class:`Options`.

Make variants with :func:`dataclasses.replace`; nothing here is read from the environment.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanOptions:
    enabled: bool = True


@dataclass(frozen=True)
class SegmentOptions:
    # A line shorter than this fraction of the block's typical line length ends a
    # paragraph even without final punctuation (headlines, subheads, bylines).
    short_line_ratio: float = 0.6


@dataclass(frozen=True)
class ScoreOptions:
    scorer: str = "learned"  # tuned on the Multi-News tune halves (benchmarks/quality.md)
    centrality_weight: float = 1.0
    support_weight: float = 0.5
    position_weight: float = 0.35
    # Cosine similarity at which two sentences count as stating the same thing.
    support_threshold: float = 0.5


@dataclass(frozen=True)
class SelectOptions:
    words: int = 100
    # A candidate whose cosine similarity to a chosen sentence reaches this is redundant.
    redundancy_threshold: float = 0.5
    # MMR trade-off between salience (1.0) and novelty (0.0).
    mmr_lambda: float = 1.0  # novelty comes from redundancy_threshold alone (tuned)
    min_words: int = 6
    max_words: int = 60


@dataclass(frozen=True)
class AttributeOptions:
    # Cosine similarity at which another document is said to support a sentence.
    support_threshold: float = 0.5


@dataclass(frozen=True)
class Options:
    clean: CleanOptions = field(default_factory=CleanOptions)
    segment: SegmentOptions = field(default_factory=SegmentOptions)
    score: ScoreOptions = field(default_factory=ScoreOptions)
    select: SelectOptions = field(default_factory=SelectOptions)
    attribute: AttributeOptions = field(default_factory=AttributeOptions)

    @classmethod
    def with_words(cls, words: int) -> Options:
        if words < 1:
            raise ValueError(f"words must be at least 1, got {words}")
        return cls(select=SelectOptions(words=words))
