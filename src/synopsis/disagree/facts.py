"""Numbers and dates: link claims about one thing across groups, then compare values."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence

import numpy as np

from ..model import Copies, Disagreement, Mention, ScoredCluster, Variant
from ..options import DisagreeOptions
from ..stopwords import ENGLISH_STOP_WORDS
from .claims import Claim, content_words, singular
from .dates import DATE_SUBJECT, date_claims
from .numbers import number_claims, numbers_compatible


def compatible(key: str, a: object, b: object, max_ratio: float) -> bool:
    if key.startswith("number:"):
        return numbers_compatible(a, b, max_ratio)  # type: ignore[arg-type]
    return a == b


def fact_disagreements(
    scored: ScoredCluster,
    copies: Copies,
    sent_group: np.ndarray,
    aligned: Sequence[tuple[int, int]],
    raws: Sequence[str],
    options: DisagreeOptions,
) -> list[Disagreement]:
    """Numbers and dates: link equal-keyed claims of aligned sentences, then compare values."""
    claims: dict[int, list[Claim]] = {}

    def of(i: int) -> list[Claim]:
        if i not in claims:
            s = scored.sentences[i]
            found = number_claims(raws[i], s.start, i) + date_claims(raws[i], s.start, i)
            # A sentence naming two values of one thing ("3 dead, 5 dead") is ambiguous.
            keys = [c.key for c in found]
            claims[i] = [c for c in found if keys.count(c.key) == 1]
        return claims[i]

    parent: dict[Claim, Claim] = {}

    def find(c: Claim) -> Claim:
        parent.setdefault(c, c)
        while parent[c] != c:
            c = parent[c]
        return c

    def link(a: Claim, b: Claim) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for i, j in aligned:
        for a in of(i):
            for b in of(j):
                if a.key != b.key:
                    continue
                # A day or time names one event only when it is attached to the same word
                # ("fled the scene about 4:20" / "fled the scene about 4:30").
                if a.key.startswith("date:") and not _anchors(scored, a) & _anchors(scored, b):
                    continue
                link(a, b)
    # A figure is often given in sentences that are otherwise unlike ("26 nations began
    # ..." / "the conference's 24 participant nations"): numbers of one counted noun in
    # different groups are linked too when the words around them share two uncommon words.
    numbers = [
        c for i in range(len(scored.sentences)) for c in of(i) if c.key.startswith("number:")
    ]
    # Words in many sentences of the cluster ("Islamic", "State") tie nothing together.
    frequency: dict[str, int] = {}
    for raw in raws:
        for w in set(content_words(raw)):
            frequency[w] = frequency.get(w, 0) + 1
    rare = max(2, int(options.common_fraction * len(raws)))
    by_key: dict[str, list[tuple[Claim, set[str]]]] = {}
    for c in numbers:
        window = _window(scored, c, options.context_words)
        window = {w for w in window if frequency.get(w, 0) <= rare}
        by_key.setdefault(c.key, []).append((c, window))
    for same_noun in by_key.values():
        for (a, wa), (b, wb) in itertools.combinations(same_noun, 2):
            if (
                sent_group[a.sentence] != sent_group[b.sentence]
                and len(wa & wb) >= options.shared_context
            ):
                link(a, b)
    components: dict[Claim, list[Claim]] = {}
    for c in list(parent):
        components.setdefault(find(c), []).append(c)
    out = []
    for members in components.values():
        d = _claim_disagreement(scored, copies, sent_group, members, raws, options)
        if d is not None:
            out.append(d)
    return out


def _window(scored: ScoredCluster, claim: Claim, width: int) -> set[str]:
    """Content words within ``width`` words either side of a claim, the claim excluded."""
    text = scored.documents[scored.sentences[claim.sentence].doc_index].document.text
    s = scored.sentences[claim.sentence]
    before = content_words(text[s.start : claim.start])[-width:]
    after = content_words(text[claim.end : s.end])[:width]
    return {w for w in before + after if singular(w) != claim.key.split(":")[1]}


def _anchors(scored: ScoredCluster, claim: Claim) -> set[tuple[str, str]]:
    """The nearest content word before and after a claim, inside its sentence."""
    s = scored.sentences[claim.sentence]
    text = scored.documents[s.doc_index].document.text
    before = content_words(text[s.start : claim.start])
    after = content_words(text[claim.end : s.end])
    out = set()
    if before:
        out.add(("before", before[-1]))
    if after:
        out.add(("after", after[0]))
    return out


def _claim_disagreement(
    scored: ScoredCluster,
    copies: Copies,
    sent_group: np.ndarray,
    members: list[Claim],
    raws: Sequence[str],
    options: DisagreeOptions,
) -> Disagreement | None:
    key = members[0].key
    # A source giving two incompatible figures for the linked claims is describing two
    # things (or two moments): its claims are left out rather than guessed at.
    per_group: dict[int, list[Claim]] = {}
    for c in members:
        per_group.setdefault(int(sent_group[c.sentence]), []).append(c)
    members = [
        c
        for cs in per_group.values()
        if all(compatible(key, a.compare, b.compare, options.max_ratio) for a in cs for b in cs)
        for c in cs
    ]
    by_value: dict[object, list[Claim]] = {}
    for c in members:
        by_value.setdefault(c.compare, []).append(c)
    if len(by_value) < 2 or len(by_value) > 3:  # many values: several things, not one fact
        return None
    groups_of = {v: {int(sent_group[c.sentence]) for c in cs} for v, cs in by_value.items()}
    values = list(by_value)
    conflict = any(
        not compatible(key, values[x], values[y], options.max_ratio)
        and groups_of[values[x]].isdisjoint(groups_of[values[y]])
        for x in range(len(values))
        for y in range(x + 1, len(values))
    )
    if not conflict:
        return None
    variants = []
    for v, cs in by_value.items():
        variants.append(
            Variant(
                value=cs[0].value,
                mentions=tuple(_mention(scored, c.sentence, c.start, c.end) for c in cs),
                groups=tuple(sorted(copies.groups[g].id for g in groups_of[v])),
            )
        )
    variants.sort(key=lambda v: (-len(v.documents), v.value))
    kind, what = key.split(":")
    if kind == "number":  # the counted noun as the first source wrote it ("nations")
        first = members[0]
        text = scored.documents[scored.sentences[first.sentence].doc_index].document.text
        what = text[first.start : first.end].split()[-1].lower()
    subject = _subject(what if kind == "number" else DATE_SUBJECT[what], raws, members)
    return Disagreement(kind=kind, subject=subject, variants=tuple(variants))


def _mention(scored: ScoredCluster, sentence: int, start: int, end: int) -> Mention:
    return Mention(scored.sentences[sentence].doc_id, start, end)


def _subject(what: str, raws: Sequence[str], members: Iterable[Claim]) -> str:
    """The thing disputed, with the content words its sentences share as context."""
    sentence_ids = sorted({c.sentence for c in members})
    word_sets = [set(re.findall(r"[A-Za-z][\w-]{3,}", raws[i])) for i in sentence_ids]
    shared = set.intersection(*word_sets) if word_sets else set()
    first = re.findall(r"[A-Za-z][\w-]{3,}", raws[sentence_ids[0]])
    context = [
        w for w in dict.fromkeys(first) if w in shared and w.lower() not in ENGLISH_STOP_WORDS
    ]
    context = [w for w in context if singular(w) != singular(what)][:4]
    return f"{what} ({', '.join(context)})" if context else what
