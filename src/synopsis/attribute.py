"""Say where every summary sentence came from, and which other documents state it.

The exact raw slice travels with each sentence (``raw == document.text[start:end]``),
next to the display text with hard-wrapped lines re-joined.
"""

from __future__ import annotations

import numpy as np

from .model import ScoredCluster, Selection, SummarySentence
from .options import AttributeOptions


def attribute(
    scored: ScoredCluster, selection: Selection, options: AttributeOptions | None = None
) -> tuple[SummarySentence, ...]:
    options = options or AttributeOptions()
    doc_of = np.fromiter(
        (s.doc_index for s in scored.sentences), dtype=np.int64, count=len(scored.sentences)
    )
    out = []
    for i in selection.indices:
        sentence = scored.sentences[i]
        document = scored.documents[sentence.doc_index].document
        sims = (scored.vectors @ scored.vectors[i].T).toarray().ravel()
        docs = np.unique(doc_of[sims >= options.support_threshold])
        supported_by = tuple(
            scored.documents[d].document.id for d in docs if d != sentence.doc_index
        )
        out.append(
            SummarySentence(
                text=sentence.text,
                document_id=document.id,
                start=sentence.start,
                end=sentence.end,
                raw=document.text[sentence.start : sentence.end],
                score=round(scored.scores[i], 6),
                supported_by=supported_by,
            )
        )
    return tuple(out)
