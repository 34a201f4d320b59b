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

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .claims import (
    CAPITALISED,
    NOT_NAMES,
    Claim,
    Quote,
    compatible,
    content_words,
    date_claims,
    find_quotes,
    number_claims,
    quote_stems,
    singular,
    word_tokens,
)
from .model import Copies, Disagreement, Mention, ScoredCluster, Variant
from .options import DisagreeOptions
from .score import pairs_at

# ---------------------------------------------------------------- the stage


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
    found += _claim_disagreements(scored, copies, sent_group, aligned, raws, options)
    found += _name_disagreements(scored, copies, raws, options)
    found += _quote_disagreements(scored, copies, options)
    return tuple(found)


def _group_texts(scored: ScoredCluster, copies: Copies) -> list[str]:
    texts = [""] * len(copies.groups)
    for d, seg in enumerate(scored.documents):
        texts[copies.group_of[d]] += "\n" + seg.document.text
    return texts


def _claim_disagreements(
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
    subject = _subject(what if kind == "number" else _DATE_SUBJECT[what], raws, members)
    return Disagreement(kind=kind, subject=subject, variants=tuple(variants))


_DATE_SUBJECT = {"weekday": "day", "day": "date", "time": "time"}


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


def _name_disagreements(
    scored: ScoredCluster, copies: Copies, raws: Sequence[str], options: DisagreeOptions
) -> list[Disagreement]:
    """Spellings of one name: close letters, a shared neighbour, each exclusive to its side."""
    group_text = _group_texts(scored, copies)
    lower_words = {w for text in group_text for w in re.findall(r"\b[a-z][a-z]+\b", text)}
    # spelling -> group -> words around it, for every capitalised, never-lowercase token
    seen: dict[str, dict[int, set[str]]] = {}
    for i, sentence in enumerate(scored.sentences):
        g = copies.group_of[sentence.doc_index]
        tokens = word_tokens(raws[i])
        for p, t in enumerate(tokens[1:], start=1):
            if not CAPITALISED.fullmatch(t) or t in NOT_NAMES or t.lower() in lower_words:
                continue
            around = tokens[max(0, p - 2) : p] + tokens[p + 1 : p + 3]
            words = {w.lower().strip(".,;:’'") for w in around}
            words = {w.replace("’s", "").replace("'s", "") for w in words}
            seen.setdefault(t, {}).setdefault(g, set()).update(
                w for w in words if len(w) > 2 and w not in ENGLISH_STOP_WORDS
            )
    parent: dict[str, str] = {}
    context_of: dict[str, str] = {}
    linked_by: dict[str, set[str]] = {}  # spelling -> its neighbouring words, own side

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    # Only spellings with the same first and last letter can be one name: compare inside
    # those blocks, never all spellings with all.
    blocks: dict[tuple[str, str], list[str]] = {}
    for spelling in seen:
        blocks.setdefault((spelling[0].lower(), spelling[-1].lower()), []).append(spelling)
    for block in blocks.values():
        for a, b in itertools.combinations(sorted(block), 2):
            if abs(len(a) - len(b)) > 3 or not _same_name(a, b, options):
                continue
            # Each spelling must be exclusive to its side, or the two are two names.
            a_only = [g for g in seen[a] if not _has_word(group_text[g], b)]
            b_only = [g for g in seen[b] if not _has_word(group_text[g], a)]
            shared = set().union(*(seen[a][ga] & seen[b][gb] for ga in a_only for gb in b_only))
            if not shared:
                continue
            context_of.setdefault(a, sorted(shared)[0])
            # Mentions are kept where a spelling stands in the company it keeps on its own
            # side; another man with the same first name elsewhere is left out.
            linked_by.setdefault(a, set()).update(*(seen[a][g] for g in a_only))
            linked_by.setdefault(b, set()).update(*(seen[b][g] for g in b_only))
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
    components: dict[str, list[str]] = {}
    for spelling in list(parent):
        components.setdefault(find(spelling), []).append(spelling)
    out = []
    for root, spellings in components.items():
        variants = []
        for spelling in spellings:
            mentions = _name_mentions(scored, spelling, linked_by.get(spelling, set()))
            docs = {mm.document_id for mm in mentions}
            ids = sorted(
                {
                    copies.groups[copies.group_of[d]].id
                    for d, seg in enumerate(scored.documents)
                    if seg.document.id in docs
                }
            )
            variants.append(Variant(value=spelling, mentions=mentions, groups=tuple(ids)))
        variants.sort(key=lambda v: (-len(v.documents), v.value))
        context = context_of.get(root) or next(
            (context_of[s] for s in spellings if s in context_of), ""
        )
        subject = f"spelling of a name (next to “{context}”)" if context else "spelling of a name"
        out.append(Disagreement(kind="name", subject=subject, variants=tuple(variants)))
    return out


def _name_mentions(scored: ScoredCluster, spelling: str, context: set[str]) -> tuple[Mention, ...]:
    """Where a spelling occurs next to a word it is seen with on its own side ("President",
    "Morsi"), so another person sharing a first name is left out; all if none is."""
    every, near = [], []
    for seg in scored.documents:
        text = seg.document.text
        if spelling not in text:  # cheap test before the regex
            continue
        for m in re.finditer(rf"\b{re.escape(spelling)}\b", text):
            mention = Mention(seg.document.id, m.start(), m.end())
            every.append(mention)
            around = word_tokens(text[max(0, m.start() - 40) : m.start()])[-2:]
            around += word_tokens(text[m.end() : m.end() + 40])[:2]
            words = {w.lower().strip(".,;:’'").replace("’s", "").replace("'s", "") for w in around}
            if words & context:
                near.append(mention)
    return tuple(near or every)


def _same_name(a: str, b: str, options: DisagreeOptions) -> bool:
    """Two spellings of one name: same initial, close letters, not one a suffix form."""
    la, lb = a.lower(), b.lower()
    if len(la) < 4 or len(lb) < 4 or la[0] != lb[0] or la[-1] != lb[-1]:
        return False
    if la.startswith(lb) or lb.startswith(la):  # Iran / Iranian, Obama / Obamas
        return False
    if _fold(la) == _fold(lb):  # François / Francois: one spelling, with or without accents
        return False
    if la in ENGLISH_STOP_WORDS or lb in ENGLISH_STOP_WORDS:
        return False
    return fuzz.ratio(la, lb) >= options.name_ratio


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _has_word(text: str, word: str) -> bool:
    return word in text and re.search(rf"\b{re.escape(word)}\b", text) is not None


def _shared_run(a: str, b: str) -> int:
    """Length in words of the longest run of words two texts have in common."""
    wa, wb = a.split(), b.split()
    best = 0
    previous = [0] * (len(wb) + 1)
    for x in range(1, len(wa) + 1):
        current = [0] * (len(wb) + 1)
        for y in range(1, len(wb) + 1):
            if wa[x - 1] == wb[y - 1]:
                current[y] = previous[y - 1] + 1
                best = max(best, current[y])
        previous = current
    return best


def _quote_disagreements(
    scored: ScoredCluster, copies: Copies, options: DisagreeOptions
) -> list[Disagreement]:
    """Quotes of one speaker in different groups that share content words, worded otherwise."""
    quotes = find_quotes(scored)
    stems = [quote_stems(q.text) for q in quotes]
    norms = [" ".join(re.findall(r"\w+", q.text.lower())) for q in quotes]
    out = []
    used: set[int] = set()
    for x, y in _speaker_pairs(quotes):
        qa, qb = quotes[x], quotes[y]
        same = qa.speaker == qb.speaker or _same_name(qa.speaker, qb.speaker, options)
        if not same or x in used or y in used:
            continue
        ga, gb = copies.group_of[qa.document], copies.group_of[qb.document]
        if ga == gb:
            continue
        shared = stems[x] & stems[y]
        small, large = sorted((len(stems[x]), len(stems[y])))
        if len(shared) < 3 or len(shared) < 0.3 * small or len(shared) < 0.2 * large:
            continue
        if _shared_run(norms[x], norms[y]) >= 5:  # one wording, quoted to different extents
            continue
        used.update((x, y))
        variants = tuple(
            Variant(
                value=q.text,
                mentions=(Mention(scored.documents[q.document].document.id, q.start, q.end),),
                groups=(copies.groups[g].id,),
            )
            for q, g in ((qa, ga), (qb, gb))
        )
        out.append(Disagreement(kind="quote", subject=f"words of {qa.speaker}", variants=variants))
    return out


def _speaker_pairs(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Index pairs (x < y) of quotes whose speakers may be one person.

    ``_same_name`` needs the same first and last letter, so only quotes whose speakers
    agree on both are paired: the same pairs as all pairs, without the quadratic scan.
    """
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(quotes):
        name = q.speaker.lower()
        buckets.setdefault((name[:1], name[-1:]), []).append(i)
    return sorted(
        (x, y)
        for members in buckets.values()
        for i, x in enumerate(members)
        for y in members[i + 1 :]
    )
