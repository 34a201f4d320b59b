"""Greedy MMR under the budget: units, sources heard, the lead, waiting needs met first."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..dependencies import (
    announces,
    meets_another,
    reacts,
)
from ..model import Insertion, ScoredCluster, Selection
from ..options import SelectOptions
from ..score import is_quotation
from ..topic import content_words, not_a_lead, overlap
from .order import _Facts, _read_before, _reading_order, _Runs
from .units import _added_words, _candidate_cites, _introduce, _Units

# "Another resident said" with no resident in the summary yet may come in together with a
# candidate that names one and is read before it (select's ``partner``), not only once
# such a sentence has been taken. (A module switch so an ablation can turn it off.)
PAIR_ANOTHER = True
# MMR looks at the best candidates only; beyond a few hundred nothing reaches the top.
MAX_CANDIDATES = 400
# The repeat check looks only at candidates this similar to the chosen sentence: cheap, and
# a run of common words ("one of the most ...") shared by unrelated sentences is no repeat.
REPEAT_MIN_COSINE = 0.2
# Likewise for a fact restated in other words (``_Facts``): most of one sentence's content
# words in the other make a cosine well above this.
RESTATE_MIN_COSINE = 0.3


def select(
    scored: ScoredCluster,
    options: SelectOptions | None = None,
    headline: str | None = None,
    groups: Sequence[int] | None = None,
) -> Selection:
    """Indices of the chosen sentences, in reading order, and their insertions.

    With the story's ``headline`` (:func:`synopsis.topic.choose_headline`) the opening
    lead is the one that best joins salience and closeness to it. With ``groups`` (the
    copy group of each document) an independent source not yet heard from goes before a
    third sentence from one source (``SelectOptions.coverage_salience``).
    """
    options = options or SelectOptions()
    sentences = scored.sentences
    scores = np.asarray(scored.scores, dtype=np.float64)
    words = np.array([s.words for s in sentences])
    eligible = np.flatnonzero((words >= options.min_words) & (words <= options.max_words))
    if eligible.size == 0:
        eligible = np.arange(len(sentences))
    eligible = eligible[words[eligible] <= options.words]
    if eligible.size == 0:
        return Selection(indices=())
    # Stable sort on (-score, index) keeps ties deterministic.
    ranked = eligible[np.lexsort((eligible, -scores[eligible]))]
    units = _Units(scored, options.dependencies, options.on_topic)
    if options.on_topic:  # another event, a tip line, a teaser, a cut or glued sentence,
        # or one that only announces what its article tells next (it may still come in as
        # part of the unit of the sentence after it)
        keep = [units.stands(int(r)) and not announces(units.plain(int(r))) for r in ranked]
        ranked = ranked[keep]
        if ranked.size == 0:
            return Selection(indices=())
    if options.dependencies:
        ranked = np.array([r for r in ranked if units.of(int(r)) is not None], dtype=np.int64)
        if ranked.size == 0:
            return Selection(indices=())
    ranked = ranked[:MAX_CANDIDATES]
    position = {int(r): c for c, r in enumerate(ranked)}

    # Each candidate's unit and insertions, found once (the budget check asks at every
    # step), and whether its cost can differ from its own words.
    unit_members = [units.members(int(r)) for r in ranked]
    unit_found = [units.insertions(int(r)) for r in ranked]
    article_leads = _article_leads(scored, units) if options.lead_first else {}
    cosines = _Cosines(
        scored.vectors, ranked, [g for m in unit_members for g in m] + list(article_leads.values())
    )
    similarity = cosines.product[: len(ranked), : len(ranked)]  # candidate pairs
    salience = scores[ranked]
    top = salience.max()
    salience = salience / top if top > 0 else salience
    max_sim = np.zeros(len(ranked))
    open_ = np.ones(len(ranked), dtype=bool)
    runs = _Runs([sentences[r].text for r in ranked], options.repeat_words)
    facts = _Facts(units.plain, options)  # by sentence index
    chosen: list[int] = []  # positions in ranked of the candidates taken
    taken: set[int] = set()  # sentence indices in the summary, units included
    insertions: dict[int, tuple[Insertion, ...]] = {}
    used = 0
    lam = options.mmr_lambda
    compound = np.array(
        [len(m) > 1 or bool(f) for m, f in zip(unit_members, unit_found, strict=True)]
    )
    holders: dict[int, list[int]] = {}  # sentence -> the candidates whose unit holds it
    for c, members in enumerate(unit_members):
        for g in members:
            holders.setdefault(g, []).append(c)
    length = [int(w) for w in words]
    added: dict[tuple[int, int], int] = {}  # (candidate, sentence): words its insertions add
    # Surnames cited alone that the summary will show with the full name (``_introduce``):
    # the words that adds are counted when the first sentence citing one is taken, so
    # that the budget leaves room for it. ``introduced``: surnames the summary already
    # names in full or has counted so.
    # (Found when a candidate is about to be taken, or asked for its cost: most never are.)
    cites: list[dict[str, int] | None] = [None] * len(ranked)
    introduced: set[str] = set()

    def cites_of(c: int) -> dict[str, int]:
        if cites[c] is None:
            cites[c] = _candidate_cites(units, unit_members[c], unit_found[c])
            compound[c] |= bool(cites[c])  # its cost can now differ from its words
        return cites[c]

    def cost(c: int, exact: bool = False) -> int:
        """Words a candidate adds: its unit's new sentences, what their bracketed
        insertions add to them, and the first names of the people they cite by surname
        alone (the budget counts what the reader sees)."""
        found = unit_found[c]
        total = 0
        for g in unit_members[c]:
            if g in taken:
                continue
            total += length[g]
            if g in found and g not in insertions:
                if (c, g) not in added:
                    added[c, g] = _added_words(scored, g, found[g])
                total += added[c, g]
        # (the full names only once found, or when ``exact``: at the step that takes it)
        names = cites_of(c) if exact else cites[c] or {}
        return total + sum(extra for name, extra in names.items() if name not in introduced)

    heard = None  # sentences of the summary from each copy group (independent source)
    if groups is not None:
        group_of = np.array([groups[sentences[r].doc_index] for r in ranked], dtype=np.int64)
        heard = np.zeros(int(max(groups)) + 1, dtype=np.int64)

    reserved = 0  # words of the budget kept for full names (spent by _introduce)

    def take(c: int) -> None:
        nonlocal used, max_sim, reserved
        chosen.append(c)
        used += cost(c, exact=True)
        reserved += sum(extra for name, extra in cites_of(c).items() if name not in introduced)
        members = [g for g in unit_members[c] if g not in taken]
        introduced.update(cites_of(c))
        for g in members:
            introduced.update(units.named(g))
            taken.add(g)
            if heard is not None:
                heard[groups[sentences[g].doc_index]] += 1
            if g in position:
                open_[position[g]] = False
            if g != int(ranked[c]):  # another member of the unit: its similarities too
                max_sim = np.maximum(max_sim, cosines.product[cosines.pos[g], : len(ranked)])
        for g, found in unit_found[c].items():
            insertions.setdefault(g, found)
        if waiting:
            met(members)
        open_[c] = False
        if runs.n:  # only sentences with some words in common can share a run of them
            for j in np.flatnonzero(open_ & (similarity[c] >= REPEAT_MIN_COSINE)):
                if runs.shared(c, int(j)):
                    open_[j] = False
        for h in members:  # a sentence that restates one now in the summary, and every
            # candidate whose unit holds it (only sentences with words in common can)
            close = cosines.rows[cosines.product[cosines.pos[h]] >= RESTATE_MIN_COSINE]
            for g in close:
                if int(g) not in taken and facts.restated(h, int(g)):
                    open_[holders.get(int(g), [])] = False
        if not news[0] and not any(reacting(g) for g in members):
            news[0] = True  # the summary has told what happened: reactions may follow
            for r in reaction:
                ready[r] = r not in waiting
        max_sim = np.maximum(max_sim, similarity[c])

    # "Another witness said", "Police also said": taken only once the summary has met a
    # witness, or the police, in a sentence read before it (``waiting``: what is still
    # missing, by candidate).
    waiting = {c: w for c in range(len(ranked)) if (w := units.waits(int(ranked[c])))}
    ready = np.ones(len(ranked), dtype=bool)
    ready[list(waiting)] = False
    # A waiting candidate may also come in with a candidate that meets it and is read
    # before it, the two taken together (``partner``); ``alone``: none fits.
    wants = np.zeros(len(ranked), dtype=bool)
    wants[list(waiting)] = PAIR_ANOTHER
    alone = np.zeros(len(ranked), dtype=bool)
    held = np.zeros(len(ranked), dtype=bool)  # reactions held back (``held_back``)
    # A reaction ("the family said they were devastated") only once the summary has told
    # what happened (``news``): alone it reacts to nothing the reader knows.
    # (Asked only of a candidate about to be taken: most never are.)
    reacting = (lambda g: reacts(units.plain(g))) if options.dependencies else (lambda g: False)
    reaction: set[int] = set()  # candidates held back so far
    news = [False]

    def held_back(c: int) -> bool:
        if news[0] or not reacting(int(ranked[c])):
            return False
        reaction.add(c)
        ready[c] = False
        held[c] = True
        return True

    def shown(h: int) -> str:  # with the names bracketed in
        return " ".join([units.text(h), *(i.text for i in insertions.get(h, ()))])

    def met(members: list[int]) -> None:
        for c in list(waiting):
            left = [
                (g, need)
                for g, need in waiting[c]
                if not any(
                    _read_before(scored, h, g, chosen)
                    and meets_another(units.text(g), need, shown(h))
                    for h in members
                )
            ]
            if left:
                waiting[c] = left
            else:
                del waiting[c]
                wants[c] = False
                ready[c] = news[0] or c not in reaction

    def with_insertions(p: int, h: int) -> str:  # sentence h as candidate p would show it
        return " ".join([units.text(h), *(i.text for i in unit_found[p].get(h, ()))])

    def partner(c: int, free: np.ndarray) -> int | None:
        """The best candidate that meets every "another" need of waiting candidate ``c``
        in a sentence read before it, that leaves ``c`` not redundant, and that fits the
        budget with ``c`` (the two cost what they add together)."""
        left = options.words - used - cost(c, exact=True)
        candidates = np.flatnonzero(free & ready & (ranked_words <= left))
        if not candidates.size:
            return None
        value = lam * salience[candidates] - (1 - lam) * max_sim[candidates]
        after = [*chosen, -1]  # the partner is taken next: as if one more were chosen
        for p in candidates[np.argsort(-value, kind="stable")]:
            p = int(p)
            if similarity[p, c] >= options.redundancy_threshold:
                continue
            members = [h for h in unit_members[p] if h not in taken]
            if not all(
                any(
                    _read_before(scored, h, g, after)
                    and meets_another(units.text(g), need, with_insertions(p, h))
                    for h in members
                )
                for g, need in waiting[c]
            ):
                continue
            if cost(p, exact=True) <= left and not held_back(p):
                return p
        return None

    ranked_words = words[ranked]

    def fits_budget(mask: np.ndarray) -> np.ndarray:
        left = options.words - used
        out = mask & (ranked_words <= left)
        for c in np.flatnonzero(out & compound):
            if cost(int(c)) > left:
                out[c] = False
        return out

    quotes = np.array(
        [is_quotation(sentences[r].text) or units.authored(int(r)) for r in ranked], dtype=bool
    )
    if options.lead_first:
        lead_rows = set(article_leads.values())
        leads = np.flatnonzero([int(r) in lead_rows for r in ranked])
        kinds = [_not_a_lead(units.plain(int(ranked[c])), bool(quotes[c])) for c in leads]
        if any(k is None for k in kinds):  # the news, not a reaction, a quote or background
            leads = leads[[k is None for k in kinds]]
        elif (~quotes[leads]).any():
            leads = leads[~quotes[leads]]
        for c in leads:
            cites_of(int(c))
        leads = np.array([c for c in leads if not held_back(int(c))], dtype=np.int64)
        leads = leads[fits_budget(ready.copy())[leads]]
        if leads.size:
            value = salience[leads].copy()
            if headline:
                words_of = content_words(headline)
                value += options.headline_weight * np.array(
                    [overlap(words_of, content_words(sentences[r].text)) for r in ranked[leads]]
                )
            if groups is not None and options.lead_agreement_weight:
                value += options.lead_agreement_weight * _agreement(
                    scored, cosines, ranked[leads], article_leads, groups
                )
            # ties keep the ranked order (by score): argmax takes the first
            take(int(leads[np.argmax(value)]))
    while True:
        free = open_ & (max_sim < options.redundancy_threshold)
        fits = fits_budget(free & ready)
        if waiting:  # (and with a partner, a candidate still waiting for its first one)
            fits |= fits_budget(free & wants & ~alone & (news[0] | ~held))
        if quotes[chosen].sum() + 1 > options.max_quote_share * (len(chosen) + 1):
            # One more quotation would make too many of them, unless nothing else fits.
            reporting = fits & ~quotes
            fits = reporting if reporting.any() else fits
        if not fits.any():
            break
        value = np.where(fits, lam * salience - (1 - lam) * max_sim, -np.inf)
        best = int(np.argmax(value))
        if heard is not None and heard[group_of[best]] >= 2:
            # A source already heard twice: a salient sentence from an unheard one first.
            unheard = fits & (heard[group_of] == 0) & (salience >= options.coverage_salience)
            if unheard.any():
                best = int(np.argmax(np.where(unheard, value, -np.inf)))
        if cites[best] is None and cites_of(best) and cost(best, True) > options.words - used:
            continue  # the full name it needs does not fit: its cost is known from now on
        if held_back(best):
            continue
        if wants[best]:
            p = partner(best, free)
            if p is None:
                alone[best] = True  # (for good: partners only get fewer)
                continue
            take(p)  # which meets it, so it is ready now, unless it turned redundant
            if (
                open_[best]
                and ready[best]
                and max_sim[best] < options.redundancy_threshold
                and cost(best, exact=True) <= options.words - used
            ):
                take(best)
            continue
        take(best)

    opening = int(ranked[chosen[0]]) if chosen and options.lead_first else None
    order = _reading_order(scored, sorted(taken), opening, reacting)
    kept = {g: insertions[g] for g in order if g in insertions}
    if options.dependencies:
        kept = _introduce(scored, units, order, kept, spare=options.words - used + reserved)
        kept = units.as_written(kept)
    return Selection(indices=tuple(order), insertions=kept)


# An article's lead is its first sentence that stands (page text and fragments before it
# skipped), if that is among its first LEAD_SPAN sentences. Decided on the tune halves by
# reading the openings that change: with 3, a second or third sentence (a reaction, a
# line under a caption) too often stood in for an article's lead (3 openings worse, 1
# better than with 1).
LEAD_SPAN = 1


def _not_a_lead(text: str, quotation: bool) -> str | None:
    """Why ``text`` cannot open the summary (:func:`synopsis.topic.not_a_lead`), or a
    reaction to the news it does not tell (:func:`synopsis.dependencies.reacts`)."""
    return not_a_lead(text, quotation) or ("reaction" if reacts(text) else None)


def _article_leads(scored: ScoredCluster, units: _Units) -> dict[int, int]:
    """The lead of each article that has one: document index -> sentence index."""
    first: dict[int, int] = {}
    for g, s in enumerate(scored.sentences):
        if s.doc_index not in first and s.index < LEAD_SPAN and units.stands(g):
            first[s.doc_index] = g
    return first


def _agreement(
    scored: ScoredCluster,
    cosines: _Cosines,
    leads: np.ndarray,
    article_leads: dict[int, int],
    groups: Sequence[int],
) -> np.ndarray:
    """How far the other independent sources open with the same news as each lead: the
    mean, over the copy groups other than the lead's own, of its best cosine with the
    leads of that group's articles (0 with one source). Articles put the news first, so
    the event most sources lead with is the story's central fact, not a side event
    that one of them leads with."""
    rows = sorted(article_leads.values())
    row_group = np.array([groups[scored.sentences[g].doc_index] for g in rows])
    cos = cosines.between(leads, rows)
    out = np.zeros(len(leads))
    for k, r in enumerate(leads):
        own = groups[scored.sentences[int(r)].doc_index]
        others = [h for h in np.unique(row_group) if h != own]
        if others:
            out[k] = np.mean([cos[k, row_group == h].max() for h in others])
    return out


class _Cosines:
    """Cosines between the sentences selection compares, from one sparse product: the
    candidates (first, in ranked order) and the other sentences it may ask about (unit
    members that are no candidate, article leads). Each sparse operation has a fixed cost
    larger than a small cluster's arithmetic, so one product replaces one per question;
    an entry is the value the product of those two rows alone gives (same terms, same
    order)."""

    def __init__(self, vectors: sparse.csr_matrix, ranked: np.ndarray, others: list[int]) -> None:
        rows = [int(r) for r in ranked]
        seen = set(rows)
        rows += sorted(g for g in set(others) if g not in seen)
        self.pos = {g: i for i, g in enumerate(rows)}
        self.rows = np.array(rows, dtype=np.int64)
        block = vectors[rows]
        self.product: np.ndarray = (block @ block.T).toarray()

    def between(self, a: Sequence[int], b: Sequence[int]) -> np.ndarray:
        """The cosines of sentences ``a`` (rows) with sentences ``b`` (columns)."""
        return self.product[np.ix_([self.pos[int(g)] for g in a], [self.pos[int(g)] for g in b])]
