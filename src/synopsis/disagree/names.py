"""Spellings of one name: close letters, a shared neighbour, each exclusive to its side."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np

from ..model import Copies, Disagreement, Mention, ScoredCluster, Variant
from ..options import DisagreeOptions
from ..stopwords import ENGLISH_STOP_WORDS
from .claims import (
    CAPITAL_TOKEN,
    components,
    first_token_start,
    has_word,
    once_per_text,
    token_starts,
    word_spans,
    word_tokens,
)
from .dates import MONTHS, WEEKDAYS

CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?\b")
_MONTH_NAMES = ("january", "february", "march", "april", "june", "july", "august", "september",
                "october", "november", "december")  # fmt: skip
NOT_NAMES = {w.capitalize() for w in (*WEEKDAYS, *MONTHS, *_MONTH_NAMES)}
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")


def group_texts(scored: ScoredCluster, copies: Copies) -> list[str]:
    texts = [""] * len(copies.groups)
    for d, seg in enumerate(scored.documents):
        texts[copies.group_of[d]] += "\n" + seg.document.text
    return texts


def lowercase_words(texts: Iterable[str]) -> set[str]:
    """Every lowercase word (``_LOWER_WORD``) of ``texts``, read once per distinct line
    (copies repeat lines): a word never spans a line break, and a break is a word
    boundary as a text's start and end are, so the lines hold the texts' words."""
    # the distinct lines joined again by line breaks: one search, no Python step per word
    lines = dict.fromkeys(itertools.chain.from_iterable(t.split("\n") for t in texts))
    return set(_LOWER_WORD.findall("\n".join(lines)))


def name_disagreements(
    scored: ScoredCluster, copies: Copies, raws: Sequence[str], options: DisagreeOptions
) -> list[Disagreement]:
    """Spellings of one name: close letters, a shared neighbour, each exclusive to its side."""
    group_text = group_texts(scored, copies)
    lower_words = lowercase_words(seg.document.text for seg in scored.documents)
    # spelling -> group -> where it stands (sentence, start in it), for every capitalised,
    # never-lowercase token but a sentence's first; the words around it are read (by
    # ``around``) only for the spellings that reach a comparison: most blocks below hold
    # one spelling
    where: dict[str, dict[int, list[tuple[int, int]]]] = {}
    is_name: dict[str, bool] = {}  # decided once per distinct token (they repeat)

    def scan(raw: str) -> list[tuple[int, str]]:
        """A sentence's names with their starts: the tokens with an ASCII capital first
        (what CAPITALISED asks, found by one search) that pass the other tests."""
        names = []
        first = first_token_start(raw)
        for m in CAPITAL_TOKEN.finditer(raw):
            t = m.group()
            name = is_name.get(t)
            if name is None:
                name = is_name[t] = (
                    CAPITALISED.fullmatch(t) is not None
                    and t not in NOT_NAMES
                    and t.lower() not in lower_words
                )
            if name and m.start() != first:
                names.append((m.start(), t))
        return names

    # each distinct sentence text scanned once (copies of one story repeat sentences)
    for i, names in enumerate(once_per_text(raws, scan)):
        g = copies.group_of[scored.sentences[i].doc_index]
        for start, t in names:
            where.setdefault(t, {}).setdefault(g, []).append((i, start))
    tokens_of: dict[int, tuple[list[str], list[int]]] = {}  # a sentence's, when asked
    context: dict[str, str | None] = {}  # the context word a token gives (or None)
    seen: dict[tuple[str, int], set[str]] = {}

    def around(spelling: str, g: int) -> set[str]:
        """The words around a spelling in group ``g``: two tokens either side."""
        if (spelling, g) not in seen:
            words = set()
            for i, start in where[spelling][g]:
                if i not in tokens_of:
                    tokens_of[i] = token_starts(raws[i])
                tokens, starts = tokens_of[i]
                p = bisect.bisect_left(starts, start)  # the spelling's token
                for w in (*tokens[max(0, p - 2) : p], *tokens[p + 1 : p + 3]):
                    if w not in context:
                        c = w.lower().strip(".,;:’'").replace("’s", "").replace("'s", "")
                        context[w] = c if len(c) > 2 and c not in ENGLISH_STOP_WORDS else None
                    if context[w] is not None:
                        words.add(context[w])
            seen[spelling, g] = words
        return seen[spelling, g]

    links: list[tuple[str, str]] = []
    context_of: dict[str, str] = {}
    linked_by: dict[str, set[str]] = {}  # spelling -> its neighbouring words, own side

    # Only spellings with the same first and last letter can be one name: compare inside
    # those blocks, never all spellings with all.
    blocks: dict[tuple[str, str], list[str]] = {}
    for spelling in where:
        blocks.setdefault((spelling[0].lower(), spelling[-1].lower()), []).append(spelling)
    for block in blocks.values():
        if len(block) < 2:
            continue  # one spelling makes no pair (most blocks: no cdist call for them)
        for a, b in _close_pairs(sorted(block), options):
            if not same_name(a, b, options):
                continue
            # Each spelling must be exclusive to its side, or the two are two names.
            a_only = [g for g in where[a] if not has_word(group_text[g], b)]
            b_only = [g for g in where[b] if not has_word(group_text[g], a)]
            shared = set().union(*(around(a, ga) & around(b, gb) for ga in a_only for gb in b_only))
            if not shared:
                continue
            context_of.setdefault(a, sorted(shared)[0])
            # Mentions are kept where a spelling stands in the company it keeps on its own
            # side; another man with the same first name elsewhere is left out.
            linked_by.setdefault(a, set()).update(*(around(a, g) for g in a_only))
            linked_by.setdefault(b, set()).update(*(around(b, g) for g in b_only))
            links.append((a, b))
    out = []
    for spellings in components((x for pair in links for x in pair), links):
        root = spellings[0]
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
        subject = f"a name next to “{context}”" if context else "a name"
        out.append(
            Disagreement(kind="spelling", subject=subject, variants=tuple(variants), about="name")
        )
    return out


def _close_pairs(block: list[str], options: DisagreeOptions) -> list[tuple[str, str]]:
    """Pairs of a sorted block (in ``combinations`` order) at most 3 letters apart in
    length and close enough in letters to pass :func:`same_name`'s ratio.

    Spellings are bucketed by length and each bucket is compared only with the buckets
    up to 3 letters longer, in one vectorised ``cdist`` per bucket pair. A bucket of more
    than ``max_spellings`` spellings of one first letter, last letter and length is no
    set of names (invented or generated words) and is left out: the work is then at most
    4 x ``max_spellings`` comparisons per spelling.
    """
    from rapidfuzz import fuzz, process

    position = {w: n for n, w in enumerate(block)}
    by_length: dict[int, list[str]] = {}
    for w in block:
        by_length.setdefault(len(w), []).append(w)
    by_length = {n: ws for n, ws in by_length.items() if len(ws) <= options.max_spellings}
    found: list[tuple[int, int]] = []
    for length, words in by_length.items():
        lower = [w.lower() for w in words]
        for other in range(length, length + 4):
            if other not in by_length:
                continue
            others = by_length[other]
            ratio = process.cdist(
                lower,
                [w.lower() for w in others],
                scorer=fuzz.ratio,
                score_cutoff=options.name_ratio,
                dtype=np.float32,
            )
            for x, y in zip(*np.nonzero(ratio), strict=True):
                a, b = position[words[x]], position[others[y]]
                if a != b:
                    found.append((min(a, b), max(a, b)))
    return [(block[a], block[b]) for a, b in sorted(set(found))]


def _name_mentions(scored: ScoredCluster, spelling: str, context: set[str]) -> tuple[Mention, ...]:
    """Where a spelling occurs next to a word it is seen with on its own side ("President",
    "Morsi"), so another person sharing a first name is left out; all if none is."""
    every, near = [], []
    for seg in scored.documents:
        text = seg.document.text
        if spelling not in text:  # cheap test before the regex
            continue
        for start, end in word_spans(text, spelling):
            mention = Mention(seg.document.id, start, end)
            every.append(mention)
            around = word_tokens(text[max(0, start - 40) : start])[-2:]
            around += word_tokens(text[end : end + 40])[:2]
            words = {w.lower().strip(".,;:’'").replace("’s", "").replace("'s", "") for w in around}
            if words & context:
                near.append(mention)
    return tuple(near or every)


def same_name(a: str, b: str, options: DisagreeOptions) -> bool:
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
    from rapidfuzz import fuzz

    return fuzz.ratio(la, lb) >= options.name_ratio


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
