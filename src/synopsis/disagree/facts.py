"""Figures and dates: link claims about one thing across groups, then compare values.

Claims are linked by what they are about, not by whole-sentence similarity: the same
counted noun in sentences that are alike, or in contexts sharing uncommon words, or as the
one figure each source gives for that noun in contexts sharing the event's words (the
"26 nations" / "the conference's 24 participant nations" of two unlike sentences). A
linked set whose values are incompatible is a ``conflict``; when the sources give their
figures for different times ("as of Monday" / "as of Tuesday") it is an ``update``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Container, Iterable, Sequence
from typing import TypeVar

import numpy as np

from ..model import Copies, Disagreement, Mention, ScoredCluster, Variant
from ..options import DisagreeOptions
from ..stopwords import ENGLISH_STOP_WORDS
from ..textfacts import folded, may
from .claims import (
    Claim,
    Quantity,
    Singulars,
    When,
    components,
    content_words,
    once_per_text,
    singular,
    text_frequency,
)
from .dates import DATE_SUBJECT, calendar_days, date_claims, times_compatible
from .numbers import NUMBER_WORDS, folds_alike, number_claims, numbers_compatible
from .subjects import claim_subject, predicate_stem, subject_allows

# Counted nouns that name no one thing: "12 people" in one source and "14 people" in
# another are often two groups (the dead, the injured). They are linked only by aligned
# sentences or shared uncommon context, never as a source's sole figure.
GENERIC_NOUNS = frozenset(
    {
        "person",
        "man",
        "woman",
        "child",
        "thing",
        "way",
        "part",
        "case",
        "other",
        "member",
        "time",
        "place",
        "story",
        "share",
        "item",
        "side",
        "group",
    }
)


# Statistics of play, records and product specs: every player, team, game, season and
# model has its own count of these, so two sources' figures are compared only for one
# named subject (as if each source counted them at two values).
STAT_NOUNS = frozenset(
    {
        "game", "win", "loss", "season", "point", "rebound", "assist", "yard", "touchdown",
        "goal", "run", "hit", "inning", "round", "knockout", "fight", "title", "match",
        "start", "pass", "sack", "interception", "turnover", "basket", "shot", "lap",
        "medal", "steal", "block", "save", "strikeout", "homer", "carry", "reception",
        "catch", "victory", "defeat", "appearance", "version", "port", "model",
    }
)  # fmt: skip


def compatible(a: Claim, b: Claim, max_ratio: float) -> bool:
    """Two values of one thing that can both be true ("more than 20" and "24")."""
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return numbers_compatible(a.compare, b.compare, max_ratio)
    if isinstance(a, When) and isinstance(b, When) and a.unit == b.unit == "time":
        return times_compatible(a, b)
    return a.compare == b.compare


def fact_disagreements(
    scored: ScoredCluster,
    copies: Copies,
    sent_group: np.ndarray,
    aligned: Sequence[tuple[int, int]],
    raws: Sequence[str],
    options: DisagreeOptions,
) -> list[Disagreement]:
    """Figures and dates that independent groups state differently, each located."""
    claims: list[list[Claim]] = []
    values_in_group: dict[tuple[int, tuple[str, str]], set[object]] = {}
    # a claim's place (its sentence text and offsets there) is worth finding only when
    # some sentence text repeats; else each claim is its own place
    place = _place if len(set(raws)) < len(raws) else _itself
    # dates are linked only through aligned sentences: only theirs are read
    dated = set(np.asarray(aligned, dtype=np.int64).ravel().tolist())
    starts = [s.start for s in scored.sentences]
    for i, found in enumerate(sentence_claims(starts, raws, dated)):
        for c in found:
            value = c.value if isinstance(c, Quantity) else c.compare
            values_in_group.setdefault((int(sent_group[i]), c.about), set()).add(value)
        # A sentence naming two values of one thing ("3 dead, 5 dead") is ambiguous.
        abouts = [c.about for c in found]
        claims.append([c for c in found if abouts.count(c.about) == 1])
    # A noun counted more than max_figures times in one cluster (1,000 articles giving one
    # figure each) counts many things, not one disputed fact: it is left out, which also
    # keeps the pairing of its figures below max_figures² on any text.
    counts: dict[str, int] = {}
    for c in (c for cs in claims for c in cs if isinstance(c, Quantity)):
        counts[c.noun] = counts.get(c.noun, 0) + 1
    crowded = {noun for noun, n in counts.items() if n > options.max_figures}
    if crowded:
        claims = [
            [c for c in cs if not (isinstance(c, Quantity) and c.noun in crowded)] for cs in claims
        ]
    # A source that counts a noun at two values counts several things (two players'
    # rebounds): that noun's claims are then linked only through one named subject.
    # (Days and times are tied to their event by the word they are attached to instead:
    # a source names many days, of many events.)
    ambiguous = {
        about for (_, about), vs in values_in_group.items() if len(vs) > 1 and about[0] == "number"
    } | {("number", noun) for noun in STAT_NOUNS}
    links: list[tuple[Claim, Claim]] = []
    aligned = np.asarray(aligned, dtype=np.int64).reshape(-1, 2)
    has_claims = np.array([bool(cs) for cs in claims] or [False], dtype=bool)
    aligned = aligned[has_claims[aligned[:, 0]] & has_claims[aligned[:, 1]]]
    # What the pair test needs of each claim, computed once per claim rather than once
    # per aligned pair (near-identical documents align every sentence with every other),
    # and only for the sentences some aligned pair holds.
    # A claim's facts depend on its sentence's text and its place there alone, so a
    # repeated sentence (copies of one story) shares the facts of its first occurrence.
    facts_of: list[list[tuple[tuple[str, str], _WhenFacts | None]] | None] = [None] * len(claims)
    facts_by_text: dict[object, list[tuple[tuple[str, str], _WhenFacts | None]]] = {}

    def pair_facts(i: int) -> list[tuple[tuple[str, str], _WhenFacts | None]]:
        key = _text_of(raws, i)
        found = facts_by_text.get(key)
        if found is None:
            found = facts_by_text[key] = [_pair_facts(scored, raws, c) for c in claims[i]]
        facts_of[i] = found
        return found

    days_of: dict[int, set[tuple[int, int]]] = {}  # calendar days of a sentence, when asked
    for i, j in aligned.tolist():
        facts_i, facts_j = facts_of[i], facts_of[j]
        if facts_i is None:
            facts_i = pair_facts(i)
        if facts_j is None:
            facts_j = pair_facts(j)
        for a, (about_a, when_a) in zip(claims[i], facts_i, strict=True):
            for b, (about_b, when_b) in zip(claims[j], facts_j, strict=True):
                if about_a != about_b:
                    continue
                # A day or time names one event only when it is attached to the same word
                # ("fled the scene about 4:20" / "fled the scene about 4:30").
                if when_a is not None and when_b is not None:
                    anchors_a, before_a, future_a = when_a
                    anchors_b, before_b, future_b = when_b
                    if not anchors_a & anchors_b:
                        continue
                    # the word before names what happened then ("claimed responsibility
                    # Thursday" / "linked to Wednesday's attack": two events, one "attack")
                    if before_a and before_b and before_a != before_b:
                        continue
                    # Two dates can name one event only when both sentences speak of it
                    # in one tense, and two times or weekdays only when their sentences
                    # name no two different days ("on Jul 20 at 11:57" / "on Jul 19 at
                    # 6:51": two posts, not one).
                    if future_a != future_b:
                        continue
                    if a.unit != "day":  # type: ignore[union-attr]
                        days_a = _days(days_of, raws, a.sentence)
                        days_b = _days(days_of, raws, b.sentence)
                        if days_a and days_b and days_a.isdisjoint(days_b):
                            continue
                links.append((a, b))
    quantities = [c for cs in claims for c in cs if isinstance(c, Quantity)]
    by_noun: dict[str, list[Quantity]] = {}
    for c in quantities:
        by_noun.setdefault(c.noun, []).append(c)
    by_noun = _counted_by_two_groups(by_noun, sent_group)
    # each sentence's content words once, used twice, and only by the figures' links;
    # words in many sentences ("Islamic", "State") tie nothing
    words_of = once_per_text(raws, content_words) if by_noun else []
    frequency: dict[str, int] = {}
    if by_noun:
        frequency = text_frequency(raws, dict(zip(raws, words_of, strict=True)).__getitem__)
    rare = max(2, int(options.common_fraction * len(raws)))
    part_counts = PartCounts(raws, sent_group)
    window_of: dict[object, set[str]] = {}  # by the claim's text and place
    around: dict[int, set[str]] = {}  # by sentence
    singulars = Singulars()  # the context words' singulars, each word's found once
    for noun, same in by_noun.items():
        windows = {}
        for c in same:
            key = place(scored, raws, c)
            if key not in window_of:
                window_of[key] = _window(
                    scored, c, options.context_words, rare, frequency, singulars
                )
            windows[c] = window_of[key]
        for a, b in sharing_pairs(same, windows, options.shared_context):
            if sent_group[a.sentence] != sent_group[b.sentence]:
                links.append((a, b))
        if noun not in GENERIC_NOUNS:
            links += _sole_figures(
                scored,
                sent_group,
                same,
                words_of,
                rare,
                frequency,
                options,
                part_counts,
                around,
                singulars,
            )
    stat_abouts = {("number", noun) for noun in STAT_NOUNS}
    # Claims are numbered (equal claims are one, as they are one key of the union-find)
    # and what the link filter asks of each is looked up once per claim: a cluster of
    # aligned copies has millions of links and few claims.
    items = list(dict.fromkeys(c for cs in claims for c in cs))
    number = {c: n for n, c in enumerate(items)}
    quantity = [isinstance(c, Quantity) for c in items]
    in_ambiguous = [c.about in ambiguous for c in items]
    counts_by_predicate = [c.about not in stat_abouts for c in items]
    # each claim's subject and predicate words, found when a link first asks for them,
    # once per claim text and place (``canon``: the first claim of the same sentence text
    # at the same place): they are read from the sentence's text alone
    first: dict[object, int] = {}
    canon = [first.setdefault(place(scored, raws, c), n) for n, c in enumerate(items)]
    unset = object()
    subjects: list[object] = [unset] * len(items)
    predicates: list[object] = [unset] * len(items)

    def subject_of(n: int) -> str | None:
        n = canon[n]
        if subjects[n] is unset:
            c, start = items[n], scored.sentences[items[n].sentence].start
            subjects[n] = claim_subject(raws[c.sentence], c.start - start, c.end - start)
        return subjects[n]  # type: ignore[return-value]

    def predicates_of(n: int) -> set[str]:
        n = canon[n]
        if predicates[n] is unset:
            predicates[n] = _predicates(scored, items[n]) if quantity[n] else set()  # type: ignore[arg-type]
        return predicates[n]  # type: ignore[return-value]

    based: dict[int, bool] = {}  # a base others are counted out of, asked only of links

    def is_base(n: int) -> bool:
        n = canon[n]
        if n not in based:
            based[n] = quantity[n] and _partitive(scored, items[n], _BASE)  # type: ignore[arg-type]
        return based[n]

    kept: list[tuple[int, int]] = []
    for a, b in links:
        x, y = number[a], number[b]
        same_predicate = counts_by_predicate[x] and bool(predicates_of(x) & predicates_of(y))
        if not subject_allows(subject_of(x), subject_of(y), in_ambiguous[x], same_predicate):
            continue
        if quantity[x] and quantity[y] and (_different_kinds(a, b) or _other_scopes(claims, a, b)):
            continue
        if is_base(x) or is_base(y):
            continue
        kept.append((x, y))
    out = []
    for ids in components(range(len(items)), kept):
        members = [items[n] for n in ids]
        if len(members) < 2:
            continue
        if len({subject_of(n) for n in ids} - {None}) > 1:
            continue  # linked through an unattached figure, yet about two subjects
        d = _claim_disagreement(scored, copies, sent_group, members, raws, options, part_counts)
        if d is not None:
            out.append(d)
    return out


def _counted_by_two_groups(
    by_noun: dict[str, list[Quantity]], sent_group: np.ndarray
) -> dict[str, list[Quantity]]:
    """The nouns whose figures come from two groups or more, in order. The links of
    shared context and sole figures join figures of two groups: a noun counted by one
    group only (most nouns; in most clusters every noun) gets none, and the contexts of
    its figures need not be read."""
    return {
        noun: same
        for noun, same in by_noun.items()
        if len({int(sent_group[c.sentence]) for c in same}) > 1
    }


def sentence_claims(
    starts: Sequence[int], raws: Sequence[str], dated: Container[int] | None = None
) -> list[list[Claim]]:
    """Each sentence's figures (:func:`number_claims`) then dates (:func:`date_claims`),
    read once per distinct text: a repeated sentence (copies of one story) gets the
    claims of its first occurrence, moved to its own index and offsets (``starts``: each
    sentence's start in its document; claims depend on the text alone). ``dated``: the
    sentences whose dates are read (every one when None; :func:`fact_disagreements`
    links dates only through aligned sentences, so it asks for theirs alone)."""
    wanted = dated.__contains__ if dated is not None else None
    if len(set(raws)) == len(raws):  # nothing repeats: each read once anyway
        return [
            [
                *number_claims(raw, start, i),
                *(date_claims(raw, start, i) if wanted is None or wanted(i) else ()),
            ]
            for i, (start, raw) in enumerate(zip(starts, raws, strict=True))
        ]
    out: list[list[Claim]] = []
    figures: dict[str, tuple[int, list[Quantity]]] = {}
    days: dict[str, tuple[int, list[When]]] = {}
    for i, (start, raw) in enumerate(zip(starts, raws, strict=True)):
        found: list[Claim] = [*_read_once(figures, number_claims, raw, start, i)]
        if wanted is None or wanted(i):
            found += _read_once(days, date_claims, raw, start, i)
        out.append(found)
    return out


C = TypeVar("C", Quantity, When)


def _read_once(
    first: dict[str, tuple[int, list[C]]],
    read: Callable[[str, int, int], list[C]],
    raw: str,
    start: int,
    i: int,
) -> list[C]:
    """``read(raw, start, i)``, or the claims of the text's first reading (kept in
    ``first``) moved to sentence ``i`` at ``start``."""
    seen = first.get(raw)
    if seen is None:
        found = read(raw, start, i)
        first[raw] = (start, found)
        return found
    return [c.moved(i, start - seen[0]) for c in seen[1]]  # type: ignore[misc]


def sharing_pairs(
    items: Sequence[Claim], words: dict[Claim, set[str]], at_least: int
) -> list[tuple[Claim, Claim]]:
    """Pairs of ``items`` (in ``combinations`` order) whose word sets share at least
    ``at_least`` words, found through an index word -> items: only items sharing a word
    are ever compared, so figures in unlike contexts cost nothing."""
    if at_least < 1:
        return list(itertools.combinations(items, 2))
    postings: dict[str, list[int]] = {}
    for n, c in enumerate(items):
        for w in words[c]:
            postings.setdefault(w, []).append(n)
    shared: dict[tuple[int, int], int] = {}
    for ns in postings.values():
        for x, a in enumerate(ns):
            for b in ns[x + 1 :]:
                shared[a, b] = shared.get((a, b), 0) + 1
    return [(items[a], items[b]) for a, b in sorted(k for k, v in shared.items() if v >= at_least)]


def _other_scopes(claims: Sequence[Sequence[Claim]], a: Claim, b: Claim) -> bool:
    """Two figures whose sentences give another shared counted noun at different values
    ("13 homers in 54 games" / "33 homers in 157 games") count over different scopes."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)) or a.sentence == b.sentence:
        return False
    other_a = {c.noun: c for c in claims[a.sentence] if isinstance(c, Quantity) and c != a}
    for c in claims[b.sentence]:
        if (
            isinstance(c, Quantity)
            and c != b
            and c.noun in other_a
            and c.noun != a.noun
            and other_a[c.noun].value != c.value
        ):
            return True
    return False


def _predicates(scored: ScoredCluster, claim: Quantity) -> set[str]:
    """Stems of the content words right before and after a figure (the verb that counts it:
    "killing four people", "12 people were injured"), number words left out."""
    return {
        predicate_stem(w)
        for _, w in _anchors(scored, claim)
        if w not in NUMBER_WORDS and singular(w) != claim.noun
    }


def _different_kinds(a: Claim, b: Claim) -> bool:
    """Two kinds of one noun ("120 rushing yards", "80 receiving yards"), or a named part
    of a count ("seven Somali pirates" of "ten pirates"): a capitalized qualifier names a
    subset, where "24 participant nations" are all the "26 nations"."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return False
    ka, kb = a.kind_of.lower(), b.kind_of.lower()
    if ka and kb:
        return ka != kb
    named = a.kind_of if ka else b.kind_of
    return any(w[:1].isupper() for w in named.split())


def _sole_figures(
    scored: ScoredCluster,
    sent_group: np.ndarray,
    same: list[Quantity],
    words_of: Sequence[list[str]],
    rare: int,
    frequency: dict[str, int],
    options: DisagreeOptions,
    part_counts: PartCounts,
    around: dict[int, set[str]] | None = None,
    singulars: Singulars | None = None,
) -> list[tuple[Quantity, Quantity]]:
    """Link the one figure each group gives for a counted noun, across groups.

    A source that counts "nations" once, at one value, is counting the story's nations;
    two such sources are linked when the sentences around the figures (the sentence and
    its neighbours in the paragraph) share an uncommon word naming the event. ``around``
    keeps :func:`_around` of each sentence asked (for every noun of the cluster);
    ``singulars``, :func:`singular` of words as :class:`.claims.Singulars` keeps them.
    """
    per_group: dict[int, list[Quantity]] = {}
    for c in same:
        per_group.setdefault(int(sent_group[c.sentence]), []).append(c)
    in_parts = part_counts(same[0].noun)
    sole = [
        cs[0]
        for g, cs in per_group.items()
        if len({c.compare for c in cs}) == 1 and g not in in_parts and not _partitive(scored, cs[0])
    ]
    around = {} if around is None else around
    for c in sole:
        if c.sentence not in around:
            around[c.sentence] = _around(scored, c.sentence, words_of, rare, frequency, singulars)
    context = {c: around[c.sentence] - {c.noun} for c in sole}
    return [
        (a, b)
        for a, b in sharing_pairs(sole, context, options.sole_shared_context)
        # weaker evidence of one thing asks for closer values: a disputed count is near
        if max(a.value, b.value) <= options.sole_max_ratio * min(a.value, b.value)
    ]


# "will hear the case on Thursday" names a coming event, "filed it on Monday" a past one.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is due|are due|(?:is|are) (?:scheduled|set|expected) to|plans? to)\b",
    re.IGNORECASE,
)


_WhenFacts = tuple[set[tuple[str, str]], set[str], bool]


def _pair_facts(
    scored: ScoredCluster, raws: Sequence[str], claim: Claim
) -> tuple[tuple[str, str], _WhenFacts | None]:
    """A claim's ``about`` and, for a day or time, its anchors, the words before it among
    them, and whether its sentence speaks of the future before it."""
    if not isinstance(claim, When):
        return claim.about, None
    anchors = _anchors(scored, claim)
    before = {w for side, w in anchors if side == "before"}
    head = raws[claim.sentence][: claim.start - scored.sentences[claim.sentence].start]
    return claim.about, (anchors, before, bool(_FUTURE.search(head)))


def _itself(scored: ScoredCluster, raws: Sequence[str], claim: Claim) -> object:
    """The place of a claim in a cluster whose sentence texts are all distinct: itself."""
    return claim


def _text_of(raws: Sequence[str], i: int) -> object:
    """What a sentence's claims and their facts depend on: its text."""
    return raws[i]


def _place(scored: ScoredCluster, raws: Sequence[str], claim: Claim) -> tuple[object, ...]:
    """A claim's sentence text, kind, subject of comparison and offsets in that text: what
    the facts read of a claim depend on (two claims with one place read alike)."""
    start = scored.sentences[claim.sentence].start
    return (raws[claim.sentence], type(claim), claim.about, claim.start - start, claim.end - start)


def _days(cache: dict[int, set[tuple[int, int]]], raws: Sequence[str], i: int) -> set:
    """:func:`calendar_days` of sentence ``i``, kept in ``cache``."""
    if i not in cache:
        cache[i] = calendar_days(raws[i])
    return cache[i]


_PARTITIVE = re.compile(r"\b(?:of|among|half of)(?:\s+(?:the|those|these))?\s+$", re.I)
# "three of New England's four games", "of the Cranes' four": a base for certain
_BASE = re.compile(
    r"\b(?:\w+\s+of|among)\s+(?:the\s+)?(?:[\w.-]+\s)?[\w.-]+(?:['’]s|s['’])\s+$", re.I
)


_PARTS_WORD = re.compile(r"\b(?:another|other|more|additional|further)\s", re.I)
# What the lower case of a text ``_PARTS_WORD`` matches holds ("another" holds "other"):
# four ``in`` tests instead of the folding alternation's try at every position of every
# sentence (most have no word of parts; textfacts.folded gives None, and every text
# passes, where folding reaches an ASCII letter that lower() does not).
_PARTS_NEEDLES = ("other", "more", "additional", "further")
_PARTS_PREFIX = re.compile(r"\b(?:another|other|more|additional|further)\s+", re.I)
_WORD_AND_SPACE = re.compile(r"\w+\s+")


def _parts_pattern(noun: str) -> re.Pattern[str]:
    """A word of parts before ``noun``, one word between at most: "another shipment",
    "more aid shipments" (``noun`` is a prefix: its plural matches)."""
    return re.compile(rf"\b(?:another|other|more|additional|further)\s+(?:\w+\s+)?{noun}", re.I)


def groups_counting_in_parts(noun: str, raws: Sequence[str], sent_group: np.ndarray) -> set[int]:
    """Groups that count ``noun`` in parts ("four shipments ... and another shipment"):
    none of their figures is the total another source may give."""
    return PartCounts(raws, sent_group)(noun)


class PartCounts:
    """:func:`groups_counting_in_parts` for many nouns of one cluster: the sentences with
    a word of parts ("another", "more") are found once, and each noun's answer is kept,
    so the work is the nouns times those sentences, not the claims times every sentence.

    No pattern is compiled per noun (compiling cost more than the searches): where a
    noun could follow a word of parts is found once per sentence, as :func:`_parts_pattern`
    would reach it (the word of parts and its spaces, then the noun or one word, spaces
    and the noun), and the noun is compared there in the lowercased sentence, which is
    exact where :func:`folds_alike` holds; other sentences and nouns use the pattern."""

    def __init__(self, raws: Sequence[str], sent_group: np.ndarray) -> None:
        self.sentences = raws
        self.sent_group = sent_group
        self.known: dict[str, set[int]] = {}
        self._raws: list[tuple[int, str, str, list[int] | None]] | None = None

    @property
    def raws(self) -> list[tuple[int, str, str, list[int] | None]]:
        """The sentences with a word of parts, found on the first question (a cluster
        without figures asks none)."""
        if self._raws is None:
            self._raws = self._find(self.sentences)
        return self._raws

    @staticmethod
    def _find(raws: Sequence[str]) -> list[tuple[int, str, str, list[int] | None]]:
        out = []
        for i, raw in enumerate(raws):
            if not may(folded(raw), _PARTS_NEEDLES) or not _PARTS_WORD.search(raw):
                continue
            lower = raw.lower()  # for the literal test before a noun's pattern
            starts = None
            if folds_alike(raw, lower):
                starts = []
                for m in _PARTS_PREFIX.finditer(raw):
                    starts.append(m.end())
                    word = _WORD_AND_SPACE.match(raw, m.end())
                    if word:
                        starts.append(word.end())
            out.append((i, raw, lower, starts))
        return out

    def __call__(self, noun: str) -> set[int]:
        if noun not in self.known:
            plain = noun.isascii() and noun == noun.lower()
            found: set[int] = set()
            pattern: re.Pattern[str] | None = None
            for i, raw, lower, starts in self.raws:
                if noun not in lower:
                    continue
                if starts is not None and plain:
                    hit = any(lower.startswith(noun, p) for p in starts)
                else:  # the pattern, compiled only for a noun such a sentence has
                    pattern = pattern or _parts_pattern(noun)
                    hit = pattern.search(raw) is not None
                if hit:
                    found.add(int(self.sent_group[i]))
            self.known[noun] = found
        return self.known[noun]


def _partitive(
    scored: ScoredCluster, claim: Quantity, pattern: re.Pattern[str] = _PARTITIVE
) -> bool:
    """'of the 970 cases', 'half of 1,416 cases': a base others are counted out of."""
    s = scored.sentences[claim.sentence]
    text = scored.documents[s.doc_index].document.text
    return bool(pattern.search(text[max(s.start, claim.start - 40) : claim.start]))


def _around(
    scored: ScoredCluster,
    i: int,
    words_of: Sequence[list[str]],
    rare: int,
    frequency: dict[str, int],
    singulars: Singulars | None = None,
) -> set[str]:
    """Uncommon content words of sentence ``i`` and the sentences either side of it
    (``words_of``: each sentence's :func:`content_words`, computed once per cluster;
    ``singulars``: :func:`singular` of a word, looked up).

    Wire copy often gives each sentence its own paragraph, so neighbours are taken across
    paragraph breaks, inside the document."""
    s = scored.sentences[i]
    out = set()
    singulars = Singulars() if singulars is None else singulars
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(words_of):
            t = scored.sentences[j]
            if t.doc_index == s.doc_index:
                out.update(
                    singulars[w]
                    for w in words_of[j]
                    if frequency[w] <= rare and w not in NUMBER_WORDS
                )
    return out


def _window(
    scored: ScoredCluster,
    claim: Quantity,
    width: int,
    rare: int,
    frequency: dict[str, int],
    singulars: Singulars | None = None,
) -> set[str]:
    """Uncommon content words within ``width`` words either side of a figure
    (``singulars``: :func:`singular` of a word, looked up)."""
    s = scored.sentences[claim.sentence]
    text = scored.documents[s.doc_index].document.text
    before = content_words(text[s.start : claim.start])[-width:]
    after = content_words(text[claim.end : s.end])[:width]
    singulars = Singulars() if singulars is None else singulars
    return {w for w in before + after if singulars[w] != claim.noun and frequency.get(w, 0) <= rare}


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
    part_counts: PartCounts,
) -> Disagreement | None:
    # A source giving two incompatible figures for the linked claims is describing two
    # things (or two moments): its claims are left out rather than guessed at.
    per_group: dict[int, list[Claim]] = {}
    for c in members:
        per_group.setdefault(int(sent_group[c.sentence]), []).append(c)
    if isinstance(members[0], Quantity):  # a source counting in parts gives no total
        for g in part_counts(members[0].noun):
            per_group.pop(g, None)
    members = [c for cs in per_group.values() if _consistent(cs, options.max_ratio) for c in cs]
    by_value: dict[object, list[Claim]] = {}
    for c in members:
        by_value.setdefault(c.compare, []).append(c)
    if len(by_value) < 2 or len(by_value) > 3:  # many values: several things, not one fact
        return None
    groups_of = {v: {int(sent_group[c.sentence]) for c in cs} for v, cs in by_value.items()}
    values = list(by_value)
    clashing = [
        (x, y)
        for x, y in itertools.combinations(range(len(values)), 2)
        if not compatible(by_value[values[x]][0], by_value[values[y]][0], options.max_ratio)
        and groups_of[values[x]].isdisjoint(groups_of[values[y]])
    ]
    if not clashing:
        return None
    variants = []
    for v, cs in by_value.items():
        variants.append(
            Variant(
                value=cs[0].shown,
                mentions=tuple(_mention(scored, c.sentence, c.start, c.end) for c in cs),
                groups=tuple(sorted(copies.groups[g].id for g in groups_of[v])),
            )
        )
    variants.sort(key=lambda v: (-len(v.documents), v.value))
    first = members[0]
    if isinstance(first, Quantity):  # the counted noun as the first source wrote it
        text = scored.documents[scored.sentences[first.sentence].doc_index].document.text
        what = text[first.start : first.end].split()[-1].lower()
        about = "number"
    else:
        what, about = DATE_SUBJECT[first.unit], "date"
    if _of_another_year(by_value, raws):
        return None
    kind = "update" if _at_different_times(by_value, values, clashing) else "conflict"
    subject = _subject(what, raws, members)
    return Disagreement(kind=kind, subject=subject, variants=tuple(variants), about=about)


def _consistent(claims: list[Claim], max_ratio: float) -> bool:
    """Every two of one group's claims are :func:`compatible`. Claims with one value (and
    bound) are compatible and compare alike, so each distinct one is tested once: copies
    of one story repeat a figure many times."""
    distinct = list({(c.about, c.compare, getattr(c, "bound", "")): c for c in claims}.values())
    return all(compatible(a, b, max_ratio) for a in distinct for b in distinct)


def _at_different_times(
    by_value: dict[object, list[Claim]], values: list[object], clashing: list[tuple[int, int]]
) -> bool:
    """Every clashing pair of figures is given for different times: a later count."""

    def times(v: object) -> set[str | None]:
        return {c.as_of if isinstance(c, Quantity) else None for c in by_value[v]}

    for x, y in clashing:
        tx, ty = times(values[x]), times(values[y])
        if None in tx or None in ty or not tx.isdisjoint(ty):
            return False
    return True


_YEAR = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\b", re.I)  # "in 2009", not "the 2003 war"


def _of_another_year(by_value: dict[object, list[Claim]], raws: Sequence[str]) -> bool:
    """A figure told of a year the other sentences do not name ("pleaded guilty to two
    counts in 2009") is about an earlier event, not an earlier count of this one."""
    years = [{y for c in cs for y in _YEAR.findall(raws[c.sentence])} for cs in by_value.values()]
    named = [ys for ys in years if ys]
    return bool(named) and (len(named) < len(years) or len(set.union(*named)) > 1)


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
