"""Greedy MMR under the budget: units, sources heard, the lead, waiting needs met first."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..dependencies import (
    Need,
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
# Judge every candidate before the first step instead of when a step needs it (the same
# summaries, at the cost of judging sentences that are never taken: for tests).
JUDGE_AHEAD = False


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
    greedy = _Greedy(scored, options, ranked, scores, words, groups)
    if greedy.empty:
        return Selection(indices=())
    if options.lead_first:
        greedy.open_with_a_lead(headline)
    greedy.fill()
    return greedy.selection()


class _Greedy:
    """One run of greedy MMR over the ranked candidates (:func:`select`).

    Candidates are judged lazily (:meth:`judge`: whether the sentence stands, is no
    announcement and has a unit; then its unit, insertions and needs), when a step needs
    to know about them, in the order of their value at that step: most are never
    judged, since greedy takes a handful. Every step still takes what judging them all
    first would: a candidate not yet judged is judged as soon as it could be the best
    of a step, or the partner it looks for (:meth:`_best`, :meth:`partner`), and it
    comes with the state the steps before would have given it (closed by a restated
    fact, "another" needs met by what was taken: :meth:`_admit`). What a candidate's
    value and cheap limits need (salience, similarity to the summary, words, its own
    sentence taken, a shared run of words) is kept for every candidate from the start.
    """

    def __init__(
        self,
        scored: ScoredCluster,
        options: SelectOptions,
        ranked: np.ndarray,
        scores: np.ndarray,
        words: np.ndarray,
        groups: Sequence[int] | None,
    ) -> None:
        self.scored, self.options, self.groups = scored, options, groups
        self.sentences = sentences = scored.sentences
        self.units = units = _Units(scored, options.dependencies, options.on_topic)
        self._verdicts: dict[int, bool] = {}
        if len(ranked) > MAX_CANDIDATES:  # the first MAX_CANDIDATES that can be candidates
            k = n = 0
            while k < len(ranked) and n < MAX_CANDIDATES:
                n += self._can_be_taken(int(ranked[k]))
                k += 1
            ranked = ranked[:k]
        first = next((r for r in ranked if self._can_be_taken(int(r))), None)
        self.empty = first is None
        if first is None:
            return
        self.ranked = ranked
        n = len(ranked)
        self.position = {int(r): c for c, r in enumerate(ranked)}
        self.article_leads = _article_leads(scored, units) if options.lead_first else {}
        self.cosines = _Cosines(scored.vectors, ranked, list(self.article_leads.values()))
        self.similarity = self.cosines.among_candidates()
        salience = scores[ranked]
        top = scores[first]  # (the best candidate's: ranked by score)
        self.salience = salience / top if top > 0 else salience
        # With mmr_lambda 1 a candidate's value is its salience, exactly (x·1 − m·0 = x),
        # which falls along the ranked order: the best of any set is its first.
        self.by_rank = options.mmr_lambda == 1.0 and bool(np.isfinite(self.salience).all())
        self.words = words[ranked]
        self.length = words.tolist()
        # quotations (and, once judged, units that show a writer's words: ``_admit``)
        self.quotes = np.array([is_quotation(sentences[r].text) for r in ranked], dtype=bool)
        self.runs = _Runs([sentences[r].text for r in ranked], options.repeat_words)
        self.facts = _Facts(units.plain, options)  # by sentence index
        # By candidate: -1 not judged yet, 0 judged and never to be taken, 1 judged.
        self.status = np.full(n, -1, dtype=np.int8)
        self.open_ = np.ones(n, dtype=bool)
        self.max_sim = np.zeros(n)
        self.ready = np.zeros(n, dtype=bool)  # (set when judged)
        # A waiting candidate may also come in with a candidate that meets it and is read
        # before it, the two taken together (``partner``); ``alone``: none fits.
        self.wants = np.zeros(n, dtype=bool)
        self.alone = np.zeros(n, dtype=bool)
        self.held = np.zeros(n, dtype=bool)  # reactions held back (``held_back``)
        # whether a candidate's cost can differ from its own words
        self.compound = np.zeros(n, dtype=bool)
        self.members: list[list[int]] = [[] for _ in range(n)]  # its unit (when judged)
        self.found: list[dict[int, tuple[Insertion, ...]]] = [{} for _ in range(n)]
        self.holders: dict[int, list[int]] = {}  # sentence -> judged candidates holding it
        # "Another witness said", "Police also said": taken only once the summary has met
        # a witness, or the police, in a sentence read before it (``waiting``: what is
        # still missing, by candidate; ``history``: what each step showed, for the
        # candidates judged after it).
        self.waiting: dict[int, list[tuple[int, Need]]] = {}
        self.history: list[tuple[int, list[tuple[int, tuple[Insertion, ...]]]]] = []
        self.chosen: list[int] = []  # candidates taken
        self.taken: dict[int, int] = {}  # sentence in the summary -> the step that took it
        # sentence in the summary -> the rows of the product then at least
        # RESTATE_MIN_COSINE similar to it, and how many rows it had
        self.near: dict[int, tuple[set[int], int]] = {}
        self.insertions: dict[int, tuple[Insertion, ...]] = {}
        self.used = 0
        self.reserved = 0  # words of the budget kept for full names (spent by _introduce)
        self.added: dict[tuple[int, int], int] = {}  # (candidate, sentence): words added
        # Surnames cited alone that the summary will show with the full name
        # (``_introduce``): the words that adds are counted when the first sentence citing
        # one is taken, so that the budget leaves room for it. ``introduced``: surnames
        # the summary already names in full or has counted so. (Found when a candidate is
        # about to be taken, or asked for its cost: most never are.)
        self.cites: list[dict[str, int] | None] = [None] * n
        self.introduced: set[str] = set()
        self.heard = None  # sentences of the summary from each copy group (source)
        if groups is not None:
            self.group_of = np.array([groups[sentences[r].doc_index] for r in ranked])
            self.heard = np.zeros(int(max(groups)) + 1, dtype=np.int64)
        # A reaction ("the family said they were devastated") only once the summary has
        # told what happened (``news``): alone it reacts to nothing the reader knows.
        # (Asked only of a candidate about to be taken: most never are.)
        self.reacting = (
            (lambda g: reacts(units.plain(g))) if options.dependencies else (lambda g: False)
        )
        self.reaction: set[int] = set()  # candidates held back so far
        self.news = False
        if JUDGE_AHEAD:
            for c in range(n):
                self.judge(c)

    def _can_be_taken(self, r: int) -> bool:
        """Whether sentence ``r`` can be a candidate: not another event, a tip line, a
        teaser, a cut or glued sentence, nor one that only announces what its article
        tells next (it may still come in as part of the unit of the sentence after it),
        and with a unit whose needs are met."""
        if r not in self._verdicts:
            units, options = self.units, self.options
            self._verdicts[r] = (
                not options.on_topic or (units.stands(r) and not announces(units.plain(r)))
            ) and (not options.dependencies or units.of(r) is not None)
        return self._verdicts[r]

    def judge(self, c: int) -> bool:
        """Whether candidate ``c`` can be taken, judged once (:meth:`_admit` when it can)."""
        if self.status[c] < 0:
            if self._can_be_taken(int(self.ranked[c])):
                self.status[c] = 1
                self._admit(c)
            else:
                self.status[c] = 0
                self.open_[c] = False
        return bool(self.status[c])

    def _admit(self, c: int) -> None:
        """Candidate ``c``'s unit and insertions, and the state the steps taken so far
        leave it in: closed if a sentence of its unit restates one taken before it; its
        "another" needs less those the sentences taken met (the same tests, step by step,
        as if it had been waiting from the start)."""
        r = int(self.ranked[c])
        members = self.units.members(r)
        found = self.units.insertions(r)
        self.members[c], self.found[c] = members, found
        self.compound[c] = len(members) > 1 or bool(found)
        if self.units.authored(r):  # "[Jane Doe wrote:] I ...": quoted words
            self.quotes[c] = True
        self.cosines.ensure(members)
        for g in members:
            self.holders.setdefault(g, []).append(c)
        if self.taken and any(self._restated_before(g) for g in members):
            self.open_[c] = False
        needs = self.units.waits(r)
        for n_chosen, shown in self.history:
            if not needs:
                break
            needs = self._unmet(needs, shown, n_chosen)
        if needs:
            self.waiting[c] = needs
            self.wants[c] = PAIR_ANOTHER
        else:
            self.ready[c] = True

    def _restated_before(self, g: int) -> bool:
        """Whether sentence ``g`` restates a sentence taken at a step when ``g`` was not
        in the summary (what :meth:`take` closes the candidates holding ``g`` for)."""
        at, k = self.taken.get(g), self.cosines.pos[g]
        for h, step in self.taken.items():
            if at is not None and at <= step:
                continue
            near, rows = self.near[h]
            if k < rows:  # (a row of the product when ``h`` was taken)
                if g not in near:
                    continue
            elif self.cosines.product[self.cosines.pos[h], k] < RESTATE_MIN_COSINE:
                continue
            if self.facts.restated(h, g):
                return True
        return False

    def _unmet(
        self,
        needs: list[tuple[int, Need]],
        shown: list[tuple[int, tuple[Insertion, ...]]],
        n_chosen: int,
    ) -> list[tuple[int, Need]]:
        """``needs`` less those a step met: a sentence it took, as shown then (``shown``:
        with the names then bracketed in), read before the sentence that needs it."""
        units, scored = self.units, self.scored
        return [
            (g, need)
            for g, need in needs
            if not any(
                _read_before(scored, h, g, n_chosen)
                and meets_another(
                    units.text(g), need, " ".join([units.text(h), *(i.text for i in found)])
                )
                for h, found in shown
            )
        ]

    def cites_of(self, c: int) -> dict[str, int]:
        cites = self.cites[c]
        if cites is None:
            cites = _candidate_cites(self.units, self.members[c], self.found[c])
            self.cites[c] = cites
            self.compound[c] |= bool(cites)  # its cost can now differ from its words
        return cites

    def cost(self, c: int, exact: bool = False) -> int:
        """Words a candidate adds: its unit's new sentences, what their bracketed
        insertions add to them, and the first names of the people they cite by surname
        alone (the budget counts what the reader sees)."""
        found, taken, length = self.found[c], self.taken, self.length
        total = 0
        for g in self.members[c]:
            if g in taken:
                continue
            total += length[g]
            if g in found and g not in self.insertions:
                if (c, g) not in self.added:
                    self.added[c, g] = _added_words(self.scored, g, found[g])
                total += self.added[c, g]
        # (the full names only once found, or when ``exact``: at the step that takes it)
        names = self.cites_of(c) if exact else self.cites[c] or {}
        return total + sum(extra for name, extra in names.items() if name not in self.introduced)

    def take(self, c: int) -> None:
        units, taken = self.units, self.taken
        self.chosen.append(c)
        step = len(self.chosen)
        self.used += self.cost(c, exact=True)
        cites = self.cites_of(c)
        self.reserved += sum(extra for name, extra in cites.items() if name not in self.introduced)
        members = [g for g in self.members[c] if g not in taken]
        self.introduced.update(cites)
        product, pos = self.cosines.product, self.cosines.pos
        for g in members:
            self.introduced.update(units.named(g))
            taken[g] = step
            if self.heard is not None:
                self.heard[self.groups[self.sentences[g].doc_index]] += 1
            if g in self.position:
                self.open_[self.position[g]] = False
            if g != int(self.ranked[c]):  # another member of the unit: its similarities too
                self.max_sim = np.maximum(self.max_sim, self.cosines.to_candidates(g))
        for g, found in self.found[c].items():
            self.insertions.setdefault(g, found)
        shown = [(h, self.insertions.get(h, ())) for h in members]
        self.history.append((step, shown))
        if self.waiting:
            self.met(shown, step)
        self.open_[c] = False
        if self.runs.n:  # only sentences with some words in common can share a run of them
            for j in np.flatnonzero(self.open_ & (self.similarity[c] >= REPEAT_MIN_COSINE)):
                if self.runs.shared(c, int(j)):
                    self.open_[j] = False
        holders = self.holders
        for h in members:  # a sentence that restates one now in the summary, and every
            # candidate whose unit holds it (only sentences with words in common can; the
            # candidates judged later are closed by ``_restated_before``)
            close = self.cosines.rows[product[pos[h]] >= RESTATE_MIN_COSINE].tolist()
            self.near[h] = set(close), len(self.cosines.rows)
            for g in close:
                if g in holders and g not in taken and self.facts.restated(h, g):
                    self.open_[holders[g]] = False
        if not self.news and not any(self.reacting(g) for g in members):
            self.news = True  # the summary has told what happened: reactions may follow
            for r in self.reaction:
                self.ready[r] = r not in self.waiting
        self.max_sim = np.maximum(self.max_sim, self.similarity[c])

    def met(self, shown: list[tuple[int, tuple[Insertion, ...]]], n_chosen: int) -> None:
        for c in list(self.waiting):
            left = self._unmet(self.waiting[c], shown, n_chosen)
            if left:
                self.waiting[c] = left
            else:
                del self.waiting[c]
                self.wants[c] = False
                self.ready[c] = self.news or c not in self.reaction

    def held_back(self, c: int) -> bool:
        if self.news or not self.reacting(int(self.ranked[c])):
            return False
        self.reaction.add(c)
        self.ready[c] = False
        self.held[c] = True
        return True

    def with_insertions(self, p: int, h: int) -> str:
        """Sentence ``h`` as candidate ``p`` would show it."""
        return " ".join([self.units.text(h), *(i.text for i in self.found[p].get(h, ()))])

    def partner(self, c: int) -> int | None:
        """The best candidate that meets every "another" need of waiting candidate ``c``
        in a sentence read before it, that leaves ``c`` not redundant, and that fits the
        budget with ``c`` (the two cost what they add together)."""
        options, lam = self.options, self.options.mmr_lambda
        left = options.words - self.used - self.cost(c, exact=True)
        free = self.open_ & (self.max_sim < options.redundancy_threshold)
        candidates = np.flatnonzero(free & (self.ready | (self.status < 0)) & (self.words <= left))
        if not candidates.size:
            return None
        if not self.by_rank:
            value = lam * self.salience[candidates] - (1 - lam) * self.max_sim[candidates]
            candidates = candidates[np.argsort(-value, kind="stable")]
        after = len(self.chosen) + 1  # the partner is taken next: as if one more were chosen
        for p in candidates.tolist():
            if self.status[p] < 0 and not (self.judge(p) and self.open_[p] and self.ready[p]):
                continue
            if self.similarity[p, c] >= options.redundancy_threshold:
                continue
            members = [h for h in self.members[p] if h not in self.taken]
            if not all(
                any(
                    _read_before(self.scored, h, g, after)
                    and meets_another(self.units.text(g), need, self.with_insertions(p, h))
                    for h in members
                )
                for g, need in self.waiting[c]
            ):
                continue
            if self.cost(p, exact=True) <= left and not self.held_back(p):
                return p
        return None

    def fits_budget(self, mask: np.ndarray) -> np.ndarray:
        left = self.options.words - self.used
        return self._costs_within(mask & (self.words <= left), left)

    def _costs_within(self, mask: np.ndarray, left: int) -> np.ndarray:
        """``mask`` less the candidates whose unit costs more than ``left`` words (only
        those whose cost can differ from their own words are asked)."""
        for c in np.flatnonzero(mask & self.compound):
            if self.cost(int(c)) > left:
                mask[c] = False
        return mask

    def _fits(self, c: int, left: int) -> bool:
        """Whether candidate ``c`` (just judged) can be taken at this step: what
        :meth:`fill` asks of every judged candidate at once."""
        if not (
            self.open_[c]
            and self.max_sim[c] < self.options.redundancy_threshold
            and self.words[c] <= left
        ):
            return False
        if not (self.ready[c] or (self.wants[c] and not self.alone[c] and not self.held[c])):
            return False  # (a candidate just judged has been held back by no step)
        return not self.compound[c] or self.cost(c) <= left

    def _best(
        self,
        fits: np.ndarray,
        scope: list[bool] | None,
        order: list[int],
        reporting: bool = False,
    ) -> int | None:
        """The first candidate of ``order`` (this step's, by value: those that fit and
        those not judged yet that may) in ``fits`` and ``scope`` (and no quotation, when
        ``reporting``), judging on the way each one not judged yet (and adding it to
        ``fits`` when it fits): the candidate judging them all would have given. (A
        candidate is known to be a quotation once judged: its unit may show a writer's
        words.)"""
        left = self.options.words - self.used
        status, quotes = self.status, self.quotes
        for c in order:
            if (scope is not None and not scope[c]) or (reporting and quotes[c]):
                continue
            if fits[c]:
                return c
            if status[c] < 0 and self.judge(c) and self._fits(c, left):
                fits[c] = True
                if not (reporting and quotes[c]):
                    return c
        return None

    def open_with_a_lead(self, headline: str | None) -> None:
        """Take the opening: an article's lead that states an event (:func:`select`)."""
        options, sentences, quotes = self.options, self.sentences, self.quotes
        lead_rows = set(self.article_leads.values())
        leads = np.array(
            [c for c, r in enumerate(self.ranked) if int(r) in lead_rows and self.judge(c)],
            dtype=np.int64,
        )
        kinds = [_not_a_lead(self.units.plain(int(self.ranked[c])), bool(quotes[c])) for c in leads]
        if any(k is None for k in kinds):  # the news, not a reaction, a quote or background
            leads = leads[[k is None for k in kinds]]
        elif (~quotes[leads]).any():
            leads = leads[~quotes[leads]]
        for c in leads:
            self.cites_of(int(c))
        leads = np.array([c for c in leads if not self.held_back(int(c))], dtype=np.int64)
        leads = leads[self.fits_budget(self.ready.copy())[leads]]
        if not leads.size:
            return
        value = self.salience[leads].copy()
        if headline:
            words_of = content_words(headline)
            value += options.headline_weight * np.array(
                [overlap(words_of, content_words(sentences[r].text)) for r in self.ranked[leads]]
            )
        if self.groups is not None and options.lead_agreement_weight:
            value += options.lead_agreement_weight * _agreement(
                self.scored, self.cosines, self.ranked[leads], self.article_leads, self.groups
            )
        # ties keep the ranked order (by score): argmax takes the first
        self.take(int(leads[np.argmax(value)]))

    def fill(self) -> None:
        """Take the best candidate that fits, step by step, until none does."""
        options, lam = self.options, self.options.mmr_lambda
        while True:
            left = options.words - self.used
            free = self.open_ & (self.max_sim < options.redundancy_threshold)
            within = free & (self.words <= left)
            want = self.ready
            if self.waiting:  # (and with a partner, a candidate still waiting for its first)
                want = want | (self.wants & ~self.alone & (self.news | ~self.held))
            fits = self._costs_within(within & want, left)
            # the candidates that fit, and those not judged yet whose cheap limits let them
            live = np.flatnonzero(fits | (within & (self.status < 0)))
            if not live.size:
                break
            if self.by_rank:
                order = live.tolist()
            else:
                value = lam * self.salience[live] - (1 - lam) * self.max_sim[live]
                order = live[np.argsort(-value, kind="stable")].tolist()  # (ties: the first)
            reporting, best = False, None
            chosen = self.chosen
            if self.quotes[chosen].sum() + 1 > options.max_quote_share * (len(chosen) + 1):
                # One more quotation would make too many of them, unless nothing else fits.
                best = self._best(fits, None, order, reporting=True)
                reporting = best is not None
            if best is None:
                best = self._best(fits, None, order)
            if best is None:
                break
            heard = self.heard
            if heard is not None and heard[self.group_of[best]] >= 2:
                # A source already heard twice: a salient sentence from an unheard one first.
                unheard = (heard[self.group_of] == 0) & (self.salience >= options.coverage_salience)
                other = self._best(fits, unheard.tolist(), order, reporting)
                if other is not None:
                    best = other
            if (
                self.cites[best] is None
                and self.cites_of(best)
                and self.cost(best, True) > options.words - self.used
            ):
                continue  # the full name it needs does not fit: its cost is known from now on
            if self.held_back(best):
                continue
            if self.wants[best]:
                p = self.partner(best)
                if p is None:
                    self.alone[best] = True  # (for good: partners only get fewer)
                    continue
                self.take(p)  # which meets it, so it is ready now, unless it turned redundant
                if (
                    self.open_[best]
                    and self.ready[best]
                    and self.max_sim[best] < options.redundancy_threshold
                    and self.cost(best, exact=True) <= options.words - self.used
                ):
                    self.take(best)
                continue
            self.take(best)

    def selection(self) -> Selection:
        """The chosen sentences in reading order, with their insertions."""
        scored, options, units = self.scored, self.options, self.units
        chosen = self.chosen
        opening = int(self.ranked[chosen[0]]) if chosen and options.lead_first else None
        order = _reading_order(scored, sorted(self.taken), opening, self.reacting)
        kept = {g: self.insertions[g] for g in order if g in self.insertions}
        if options.dependencies:
            spare = options.words - self.used + self.reserved
            kept = _introduce(scored, units, order, kept, spare=spare)
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
    sources = np.unique(row_group).tolist()
    # each lead's best cosine with each source's leads, for all leads at once
    best = {h: cos[:, row_group == h].max(axis=1) for h in sources}
    out = np.zeros(len(leads))
    for k, r in enumerate(leads):
        own = groups[scored.sentences[int(r)].doc_index]
        others = [h for h in sources if h != own]
        if others:
            out[k] = np.mean([best[h][k] for h in others])
    return out


class _Cosines:
    """Cosines between the sentences selection compares, from one sparse product: the
    candidates (first, in ranked order) and the other sentences it may ask about (article
    leads; unit members that are no candidate, added by :meth:`ensure` when their unit
    is judged). Each sparse operation has a fixed cost larger than a small cluster's
    arithmetic, so one product replaces one per question; an entry is the value the
    product of those two rows alone gives (same terms, same order), whichever rows the
    product holds."""

    def __init__(self, vectors: sparse.csr_matrix, ranked: np.ndarray, others: list[int]) -> None:
        rows = [int(r) for r in ranked]
        seen = set(rows)
        rows += sorted(g for g in set(others) if g not in seen)
        n = vectors.shape[0]
        self.vectors = vectors
        if 2 * len(rows) >= n:  # most of the cluster: all of it, since picking rows costs
            # more than the others' arithmetic (and no unit member is missing later)
            rows = list(range(n))
            self.product: np.ndarray = (vectors @ vectors.T).toarray()
            # where the candidates are among the rows: every sentence is one
            self.candidates: slice | np.ndarray = np.asarray(ranked, dtype=np.int64)
            self.complete = True
        else:
            block = vectors[rows]
            self.product = (block @ block.T).toarray()
            self.candidates = slice(0, len(ranked))  # the first rows
            self.complete = False
        self.pos = {g: i for i, g in enumerate(rows)}
        self.rows = np.array(rows, dtype=np.int64)

    def among_candidates(self) -> np.ndarray:
        """The cosines of every pair of candidates (in ranked order)."""
        if isinstance(self.candidates, slice):
            return self.product[self.candidates, self.candidates]
        return self.product[np.ix_(self.candidates, self.candidates)]

    def to_candidates(self, g: int) -> np.ndarray:
        """The cosines of sentence ``g`` with every candidate (in ranked order)."""
        return self.product[self.pos[g], self.candidates]

    def ensure(self, sentences: Sequence[int]) -> None:
        """Add the rows and columns of those of ``sentences`` the product lacks."""
        if self.complete:
            return
        new = sorted({int(g) for g in sentences if g not in self.pos})
        if not new:
            return
        old, k = self.rows, len(self.rows)
        rows = np.concatenate([old, np.array(new, dtype=np.int64)])
        block = self.vectors[new]
        product = np.empty((len(rows), len(rows)), dtype=self.product.dtype)
        product[:k, :k] = self.product
        product[k:, :] = (block @ self.vectors[rows].T).toarray()
        product[:k, k:] = (self.vectors[old] @ block.T).toarray()
        self.product, self.rows = product, rows
        self.pos.update({g: k + i for i, g in enumerate(new)})

    def between(self, a: Sequence[int], b: Sequence[int]) -> np.ndarray:
        """The cosines of sentences ``a`` (rows) with sentences ``b`` (columns)."""
        return self.product[np.ix_([self.pos[int(g)] for g in a], [self.pos[int(g)] for g in b])]
