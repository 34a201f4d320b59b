"""Disagreements: where independent sources state one thing differently.

Only claims *about the same thing* are compared: in pairs of sentences from different
copy groups whose TF-IDF vectors are at least ``align_threshold`` similar, or, for
figures, where the words around them share uncommon words. Copies of one wire story are
one group, so they never disagree with themselves. Four kinds of conflict are looked for:

* **number**: the same counted noun with different values ("26 nations" / "about 30
  countries"; nations and countries count the same thing). Qualified figures that are
  compatible ("more than 20" and "24") are not a conflict.
* **name**: two spellings of one capitalised name (same first and last letter, close
  letters) found next to a same word in both sources ("President", "Fouad"), where
  neither source ever uses the other's spelling.
* **quote**: direct quotes of one speaker that share their content words but are worded
  differently (two translations, or a paraphrase printed inside quote marks).
* **date**: a different weekday, calendar day or clock time for the same event.

Precision matters more than recall: a source that gives two incompatible figures for
one thing is left out of it, spellings must be exclusive to their side, and units,
partial counts ("another 3,000") and figures far apart are not compared.
"""

from __future__ import annotations

import numpy as np

from ..model import Copies, Disagreement, ScoredCluster
from ..options import DisagreeOptions
from ..score import pairs_at
from .facts import fact_disagreements
from .names import name_disagreements
from .quotes import quote_disagreements

__all__ = ["disagree"]


def disagree(
    scored: ScoredCluster, copies: Copies, options: DisagreeOptions | None = None
) -> tuple[Disagreement, ...]:
    """Facts that independent copy groups state differently, with every variant located."""
    options = options or DisagreeOptions()
    if not options.enabled or copies.independent_sources < 2:
        return ()
    sentences = scored.sentences
    group_of = np.asarray(copies.group_of, dtype=np.int64)
    sent_group = group_of[[s.doc_index for s in sentences]]
    pairs = pairs_at(scored, options.align_threshold).tocoo()
    aligned = [
        (int(i), int(j))
        for i, j in zip(pairs.row, pairs.col, strict=True)
        if i < j and sent_group[i] != sent_group[j]
    ]
    raws = [scored.documents[s.doc_index].document.text[s.start : s.end] for s in sentences]
    found: list[Disagreement] = []
    found += fact_disagreements(scored, copies, sent_group, aligned, raws, options)
    found += name_disagreements(scored, copies, raws, options)
    found += quote_disagreements(scored, copies, options)
    return tuple(found)
