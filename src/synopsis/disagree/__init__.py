"""Disagreements: where independent sources state one thing differently.

Claims are typed records (:mod:`.claims`) and are compared only when they are *about the
same thing*: figures of one counted noun (:mod:`.numbers`) and days or dates
(:mod:`.dates`) linked by aligned sentences, shared uncommon context or, for a source's
one figure of a noun, the event's words around it (:mod:`.facts`); spellings of one name
(:mod:`.names`); quotations of one speaker (:mod:`.quotes`). Copies of one wire story are
one group, so they never disagree with themselves. Each item has a kind a reader can weigh:

* ``conflict``: the facts differ ("24 nations" / "26 nations"; a weekday or date).
  Compatible figures ("more than 20" and "24", "about 1,500" and "1,520") are none.
* ``update``: figures given for different times ("as of Monday" / "as of Tuesday").
* ``spelling``: one name spelled two ways (close letters, a shared neighbouring word, each
  spelling exclusive to its side), transliterations included.
* ``wording``: one statement of one speaker worded differently (two translations). A
  quotation contained in the other is a shortening, and two different sentences of one
  speaker are neither: both are left out.

Precision matters more than recall: a source that gives two incompatible figures for
one thing is left out of it, spellings must be exclusive to their side, and units,
partial counts ("another 3,000") and figures far apart are not compared.
"""

from __future__ import annotations

import numpy as np

from ..model import KINDS, Copies, Disagreement, ScoredCluster
from ..options import DisagreeOptions
from ..score import pair_arrays
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
    indptr, col = pair_arrays(scored, options.align_threshold)
    row = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
    # One numpy mask, not a Python test per pair: near-identical documents align every
    # sentence with every other, and only pairs across groups are compared.
    keep = (row < col) & (sent_group[row] != sent_group[col])
    aligned = np.stack([row[keep], col[keep]], axis=1).astype(np.int64)
    raws = [scored.documents[s.doc_index].document.text[s.start : s.end] for s in sentences]
    found: list[Disagreement] = []
    found += fact_disagreements(scored, copies, sent_group, aligned, raws, options)
    found += name_disagreements(scored, copies, raws, options)
    found += quote_disagreements(scored, copies, options)
    rank = {k: n for n, k in enumerate(KINDS)}  # conflicts first: what a reader must weigh
    return tuple(sorted(found, key=lambda d: rank[d.kind]))
