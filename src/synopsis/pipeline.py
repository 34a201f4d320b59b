"""The stages in order: read this file top to bottom to know what synopsis does."""

from __future__ import annotations

import functools
from dataclasses import asdict

from .attribute import attribute
from .cleaning import clean_cluster
from .dedup import dedup
from .disagree import disagree
from .model import CleanDocument, Cluster, Summary
from .options import Options
from .score import score, sentence_words
from .segment import segment
from .select import select
from .topic import choose_headline
from .wording import counted


def run(cluster: Cluster, options: Options | None = None) -> Summary:
    """Summarize one cluster of documents."""
    options = options or Options()
    # 1. clean: decide which spans of each raw text are article body
    if options.clean.enabled:
        cleaned = list(clean_cluster(cluster.documents, options.clean))
    else:
        cleaned = [CleanDocument.whole(doc) for doc in cluster.documents]
    # a document that is no source (nothing left, a notice page, off-topic) is left out
    dropped = [c for c in cleaned if c.dropped] if options.clean.drop_empty else []
    cleaned = [c for c in cleaned if not (c.dropped and options.clean.drop_empty)]
    notes = tuple(f"document {c.document.id} dropped: {c.dropped}" for c in dropped)
    notes += tuple(c.note for c in cleaned if c.note)  # e.g. two sources of two stories
    if not cleaned:  # every document was furniture: an empty summary that says why
        return Summary(sentences=(), documents=cluster.documents, cluster_id=cluster.id,
                       parameters=parameters(options), notes=notes,
                       excluded=tuple(c.document.id for c in dropped))  # fmt: skip
    # 2. segment: paragraphs and sentences inside the body, with raw offsets
    segmented = [segment(c, i, options.segment) for i, c in enumerate(cleaned)]
    # each sentence's words, tokenized once for dedup and scoring
    tokens = sentence_words(segmented)
    # 3. dedup: copies of one story form one group, one independent source
    copies = dedup(segmented, options.dedup, tokens=tokens)
    # 4. score: salience of every sentence; support counts independent groups
    # (keeping the similar pairs that attribution and disagreement look at)
    keep = options.attribute.support_threshold
    if options.disagree.enabled:
        keep = min(keep, options.disagree.align_threshold)
    flat = [ws for doc in tokens for ws in doc]
    scored = score(segmented, options.score, groups=copies.group_of, keep_pairs=keep, tokens=flat)
    # 5. select: the best sentences under the word budget, no repeats, in reading order
    headline = choose_headline(segmented, copies.group_of)
    selection = select(
        scored, options.select, headline.text if headline else None, groups=copies.group_of
    )
    # 6. attribute: source document, exact offsets, supporting documents and groups
    group_ids = [copies.groups[g].id for g in copies.group_of]
    sentences = attribute(scored, selection, options.attribute, groups=group_ids)
    # 7. disagree: facts that independent groups state differently
    disagreements = disagree(scored, copies, options.disagree)
    if not sentences:
        notes += (f"no sentence fits a budget of {counted(options.select.words, 'word')}",)
    return Summary(
        sentences=sentences,
        documents=cluster.documents,
        cluster_id=cluster.id,
        parameters=parameters(options),
        notes=notes,
        copies=copies.groups,
        disagreements=disagreements,
        excluded=tuple(c.document.id for c in dropped),
        headline=headline,
    )


def parameters(options: Options) -> dict[str, object]:
    """The options that shaped a summary, flattened for reports (a fresh dict per call;
    ``asdict``'s deep copies, once per options value, cost as much as attribution)."""
    cached = _parameters(options)
    return {k: dict(v) if isinstance(v, dict) else v for k, v in cached.items()}


@functools.lru_cache(maxsize=32)
def _parameters(options: Options) -> dict[str, object]:
    return {
        "words": options.select.words,
        "clean": options.clean.enabled,
        "scorer": options.score.scorer,
        "score": asdict(options.score),
        "select": asdict(options.select),
        "dedup": options.dedup.enabled,
    }
