"""Say where every summary sentence came from, and which other documents state it.

The exact raw slice travels with each sentence (``raw == document.text[start:end]``),
next to the display text with hard-wrapped lines re-joined and the selection's bracketed
insertions applied (each insertion names the document span it was taken from).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .model import ScoredCluster, Selection, SummarySentence, Support, apply_insertions
from .options import AttributeOptions
from .score import pair_arrays


def attribute(
    scored: ScoredCluster,
    selection: Selection,
    options: AttributeOptions | None = None,
    groups: Sequence[int] | None = None,
) -> tuple[SummarySentence, ...]:
    """Source, offsets and support of each selected sentence.

    ``groups`` maps each document index to its copy group's *id*; with it every sentence
    also gets a :class:`Support` naming the independent groups that state it.
    """
    options = options or AttributeOptions()
    doc_of = np.fromiter(
        (s.doc_index for s in scored.sentences), dtype=np.int64, count=len(scored.sentences)
    )
    indptr, indices = pair_arrays(scored, options.support_threshold)
    out = []
    for i in selection.indices:
        sentence = scored.sentences[i]
        document = scored.documents[sentence.doc_index].document
        # the distinct documents, ascending (np.unique's answer, as Python ints: numpy's
        # per-call cost on a handful of entries was most of this stage)
        docs = sorted(set(doc_of[indices[indptr[i] : indptr[i + 1]]].tolist()))
        supported_by = tuple(
            scored.documents[d].document.id for d in docs if d != sentence.doc_index
        )
        raw = document.text[sentence.start : sentence.end]
        insertions = tuple(selection.insertions.get(i, ()))
        out.append(
            SummarySentence(
                text=apply_insertions(raw, sentence.start, insertions)
                if insertions
                else sentence.text,
                document_id=document.id,
                start=sentence.start,
                end=sentence.end,
                raw=raw,
                score=round(scored.scores[i], 6),
                supported_by=supported_by,
                support=_support(scored, sentence.doc_index, docs, groups),
                insertions=insertions,
            )
        )
    return tuple(out)


def _support(
    scored: ScoredCluster, own: int, docs: Sequence[int], groups: Sequence[int] | None
) -> Support | None:
    if groups is None:
        return None
    indices = [own, *(d for d in docs if d != own)]
    return Support(
        documents=tuple(scored.documents[d].document.id for d in indices),
        groups=tuple(sorted({groups[d] for d in indices})),
    )
