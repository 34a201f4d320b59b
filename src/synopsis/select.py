"""Choose sentences under a word budget without saying anything twice, each one
understandable where it stands.

Greedy maximal marginal relevance (Carbonell & Goldstein 1998): at each step take the
candidate with the best ``λ·salience − (1−λ)·similarity to what is already chosen`` that
still fits the budget; a candidate whose cosine similarity to a chosen sentence reaches
``redundancy_threshold`` is never taken, nor is one that shares a run of
``repeat_words`` words with it (the same quotation in two translations or attributions,
which the cosine of two differently worded sentences can miss), nor one whose content
words and numbers a chosen sentence already has (a fact restated in other words,
``restate_share``). At most
``max_quote_share`` of the sentences are quotations while anything else fits: a summary
reports. The budget is a hard cap: the summary never has more words than asked for.

Dependencies (:mod:`synopsis.dependencies`): a candidate is taken as a *unit*, with the
sentences of its article it needs ("But ..." with the sentence before, an open quotation
with the sentence that closes it and names its speaker, a quotation that answers what
came before it, "That is why ...", with that sentence), or with a bracketed insertion of
the name a "he"/"she" stands for: the speaker a "he said" follows, or for a "He has been
charged" the subject of the nearest clause before that names a person (no insertion when
that sentence names two people and neither is its subject: the sentence then comes with
it). The budget counts every sentence of the unit. A candidate whose needs cannot be met
(a quotation whose speaker is nowhere near) is never taken. A person cited by surname
alone, as speaker or as subject ("Gallant said", "Gallant and her passenger were not
hurt"), before the summary has named them in full is shown with the bracketed full name
("[Jack Gallant] said"), taken from their article or the one other article that names
them (``_introduce``); the words that adds are kept free when the sentence is taken. Only
a person: the cluster must attribute something to that surname, and no name is guessed
when two people of the article share it.

Words in the first person that no one is said to speak (a post or a statement printed
without quotation marks) come only with the sentence that introduces them. "Another
resident said", "Police also said" wait until the summary has met a resident, or the
police, in a sentence read before them, or come in together with the best candidate that
gives one (the budget counts both). A reaction ("the family said they were
devastated") waits until the summary has told what happened.

On topic (:mod:`synopsis.topic`): a sentence about another event ("In a separate
incident"), a tip line, page text (a caption, a headline left in the body, a note to the
reader) or an open question is never taken, nor is one that is not a whole sentence
(glued to the next, cut, a headline without final punctuation), nor one that only
announces what its article tells next ("Here is what we know:", "X has already made a
move in the fight."); such a sentence may still come in as part of the unit of what it
announces.

Coverage of sources: each source is a copy group (copies of one wire story count once),
and what it has given is counted in sentences, units included. Before a source gives its
third sentence, the next one comes from a source not yet heard from, if one has a
candidate that fits the words left, is not redundant, and has at least
``coverage_salience`` of the best candidate's salience (the best such candidate);
otherwise the best candidate, whichever its source.

Central fact first: the summary opens with an article's lead (its first sentence, if it
stands) that states an event: leads that are a quotation, a reaction ("Leaders
condemned ..."), background ("The rise of ...", "For years ...") or an announcement go
only when no other lead fits. Among those, the best by salience (which counts support
across independent sources), plus ``headline_weight`` times its word overlap with the
story's headline, plus ``lead_agreement_weight`` times how closely the other independent
sources open with the same news (``_agreement``): the event most sources lead with, not a
side event one of them leads with.

Reading order: sentences adjacent in one article stay adjacent, as one run; runs are
shown by the relative position of their first sentence in its own article (a lead
sentence before a closing one), ties broken by salience. News articles put context
first, so this reads like a story rather than a ranking. A run that opens with a
reaction is read after the first run that tells the news.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
from scipy import sparse

from .casing import People, find_people, lower_cased, restore_names
from .dependencies import (
    Article,
    Name,
    Need,
    Unit,
    announces,
    attributed_name,
    cited_surnames,
    fragment,
    full_names,
    meets_another,
    reacts,
    resolve,
    unmet_another,
)
from .model import Insertion, Mention, ScoredCluster, Selection, Sentence
from .options import SelectOptions
from .score import is_quotation, words
from .stopwords import ENGLISH_STOP_WORDS
from .textfacts import Text
from .topic import content_words, not_a_lead, off_topic, overlap

# "Another resident said" with no resident in the summary yet may come in together with a
# candidate that names one and is read before it (select's ``partner``), not only once
# such a sentence has been taken. (A module switch so an ablation can turn it off.)
PAIR_ANOTHER = True
# A middle initial or a name particle, kept in a bracketed full name.
_MIDDLE = re.compile(r"[A-Z]\.|de|van|von|al|bin|da|del|di|le|la")
# Capitalised only because they open a sentence: no first name ("Any American athletes",
# "Did Romney ..."), though the person finder reads a capitalised pair as a name.
_NOT_FIRST_NAME = (ENGLISH_STOP_WORDS - {"bill"}) | {
    *("did", "does", "do", "why", "what", "how", "who", "will", "would", "can", "could"),
    *("should", "is", "are", "was", "were", "has", "have", "had", "many", "any", "some"),
}
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

    quotes = np.array([is_quotation(sentences[r].text) for r in ranked], dtype=bool)
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


def _added_words(scored: ScoredCluster, g: int, found: Sequence[Insertion]) -> int:
    """How many words sentence ``g``'s insertions add to it ("he" -> "[Kerry]" adds none,
    "he" -> "[Lt. Todd Joyce]" adds two)."""
    raw = scored.documents[scored.sentences[g].doc_index].document.text
    return sum(len(i.text.split()) - len(raw[i.at : i.end].split()) for i in found)


def _introduce(
    scored: ScoredCluster,
    units: _Units,
    order: list[int],
    insertions: dict[int, tuple[Insertion, ...]],
    spare: int,
) -> dict[int, tuple[Insertion, ...]]:
    """Speakers cited by surname alone ("Gallant said", "[Murga] said") before the summary
    has given their full name: the surname is shown as the bracketed full name the
    article (or, failing that, another article of the cluster) introduced them with, so
    a reader is told who they are the first time they appear. A full name is shown only
    while the ``spare`` words of the budget allow it: the budget stays a hard cap."""
    out = dict(insertions)
    known: set[str] = set()  # surnames whose full name the summary has shown
    for g in order:
        sentence = scored.sentences[g]
        doc = scored.documents[sentence.doc_index]
        raw = doc.document.text
        mine = list(out.get(g, ()))
        for k, ins in enumerate(mine):  # a bracketed surname standing for "he"/"she"
            surname = ins.text.strip("[]")
            if " " not in surname and surname not in known:
                found = units.full_name(g, surname)
                extra = 0 if found is None else len(found[0].split()) - len(surname.split())
                if found is not None and extra <= spare:
                    text, mention = found
                    mine[k] = Insertion(ins.at, ins.end, f"[{text}]", mention)
                    known.add(surname)
                    spare -= extra
        here = units.named(g)  # people this sentence names in full itself
        for name in units.citations(g):  # "Webb said", "Altahan reacted": a surname alone
            if name.text in known or name.text in here:
                continue
            at = _raw_offset(raw, sentence, name.start)
            end = _raw_offset(raw, sentence, name.end)
            free = all(i.end <= at or i.at >= end for i in mine)
            found = units.full_name(g, name.text)
            extra = 0 if found is None else len(found[0].split()) - len(name.text.split())
            if free and found is not None and found[0] != name.text and extra <= spare:
                text, mention = found
                mine.append(Insertion(at=at, end=end, text=f"[{text}]", source=mention))
                known.add(name.text)
                spare -= extra
        for ins in mine:
            known.add(ins.text.strip("[]").split()[-1])
        known.update(here)
        if mine:
            out[g] = tuple(sorted(mine, key=lambda i: (i.at, i.end)))
    return out


def _full_name(
    scored: ScoredCluster, units: _Units, doc_index: int, index: int, surname: str
) -> tuple[str, Mention] | None:
    """The full name a surname stands for, and where it is: the nearest sentence before
    ``index`` in its own article that names the person in full (none when the article
    names two people with it: no guess), else any article of the cluster (one that
    gives two different full names for the surname is no evidence)."""
    hits = units.people().get(surname, ())
    own = [(s, p) for d, s, p in hits if d == doc_index and s.index < index]
    if own:
        names = [_shown_name(units.sentence_text(s), p) for s, p in own]
        if len({text.split()[0] for text, _ in names}) > 1:
            return None
        (s, p), (text, start) = own[-1], names[-1]
    else:
        others = [(d, s, p) for d, s, p in hits if d != doc_index]
        if not others or len({_shown_name(units.sentence_text(s), p)[0] for _, s, p in others}) > 1:
            return None
        _, s, p = others[0]
        text, start = _shown_name(units.sentence_text(s), p)
    doc = scored.documents[s.doc_index]
    raw = doc.document.text
    if units.lower_cased(s.doc_index):  # lower-cased copy: a given name of a person found
        first = units.restored().first_name(text.split()[0])
    else:
        first = _first_name(text.split()[0], raw)
    if not first or not text[-1:].isalpha():
        return None
    mention = Mention(
        document_id=doc.document.id,
        start=_raw_offset(raw, s, start),
        end=_raw_offset(raw, s, p.end),
    )
    return text, mention


# Words that start the name of a place, a body or a thing rather than a person's
# ("Southern Israel", "New Jersey"), which the person finder can take for a first name.
_PLACE_STARTS = frozenset(
    [
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
        *("central", "upper", "lower", "greater", "new", "old", "great", "saint", "st"),
        *("san", "los", "las", "el", "fort", "mount", "lake", "port", "cape", "gulf", "bay"),
        *("united", "royal", "national", "federal", "state", "county", "city", "hurricane"),
        *("storm", "tropical", "operation", "project", "team", "club", "camp", "planet"),
    ]
)


def _first_name(word: str, raw: str) -> bool:
    """Whether ``word`` can be a person's first name: not a word that starts place names,
    and not one the article also writes in lower case (a common word: "southern",
    "breaking"), which a given name seldom is."""
    low = word.lower()
    if low in _PLACE_STARTS or not word[:1].isupper() or not re.fullmatch(r"[A-Z][a-z]*", word):
        return False  # (nor a possessive, "Asia's", nor "Fifty-six", nor a cut "Dewey-")
    return low not in raw or re.search(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", raw) is None


def _shown_name(text: str, p: Name) -> tuple[str, int]:
    """The full name to show for person ``p`` of a sentence's ``text``, and where it starts
    in the sentence: first name and surname only, since a capitalised run can carry titles
    and places ("Modoc County Deputy Ann Webb"); a middle initial or a particle is kept
    ("Gerald E. Connolly", "Ludwig van Beek")."""
    parts = text[p.start : p.end].split()
    keep = 3 if len(parts) > 2 and _MIDDLE.fullmatch(parts[-2]) else 2
    if len(parts) > keep:
        parts = parts[-keep:]
        return " ".join(parts), p.end - len(" ".join(parts))
    return " ".join(parts), p.start


def _candidate_cites(
    units: _Units, members: list[int], found: dict[int, tuple[Insertion, ...]]
) -> dict[str, int]:
    """The surnames a candidate's unit cites alone (in its text, or as a bracketed
    "[Webb]" for a "he") whose full name its article gives, and the words showing that
    full name adds; none named in full by the unit before they are cited."""
    if not units.enabled:
        return {}
    out: dict[str, int] = {}
    for k, g in enumerate(members):
        cited = [n.text for n in units.citations(g)]
        cited += [i.text.strip("[]") for i in found.get(g, ()) if " " not in i.text.strip()]
        for surname in cited:
            if surname in out or surname in units.named(g):
                continue
            if any(surname in units.named(h) for h in members[:k]):
                continue  # the unit names them in full before
            full = units.full_name(g, surname)
            if full is not None and full[0] != surname:
                out[surname] = len(full[0].split()) - 1
    return out


def _standalone(text: str) -> bool:
    return off_topic(text) is None and fragment(text) is None


class _Units:
    """The unit of each candidate (:func:`synopsis.dependencies.resolve`), made on demand,
    as sentence indices of the cluster."""

    def __init__(self, scored: ScoredCluster, enabled: bool, on_topic: bool = True) -> None:
        self.scored, self.enabled, self.on_topic = scored, enabled, on_topic
        self._first: dict[int, int] = {}
        for g, s in enumerate(scored.sentences):
            self._first.setdefault(s.doc_index, g - s.index)
        self._units: dict[int, Unit | None] = {}
        self._insertions: dict[int, dict[int, tuple[Insertion, ...]]] = {}
        self._articles: dict[int, Article] = {}
        self._texts: dict[str, Text] = {}
        self._stands: dict[int, bool] = {}
        self._named: dict[int, frozenset[str]] = {}
        self._citations: dict[int, list[Name]] = {}
        self._full: dict[tuple[int, str], tuple[str, Mention] | None] = {}
        self._people: dict[str, list[tuple[int, Sentence, Name]]] | None = None
        self._speaks: dict[str, bool] = {}
        self._lower: list[bool] | None = None
        self._restored: People | None = None

    def lower_cased(self, d: int) -> bool:
        """Whether document ``d`` is lower-cased copy (:mod:`synopsis.casing`)."""
        if self._lower is None:
            self._lower = [lower_cased(doc.document.text) for doc in self.scored.documents]
        return self._lower[d]

    def restored(self) -> People:
        """The people of the cluster's lower-cased documents (found once)."""
        if self._restored is None:
            texts = [
                s.text
                for d, doc in enumerate(self.scored.documents)
                if self.lower_cased(d)
                for s in doc.sentences
            ]
            self._restored = find_people(texts) if texts else People({})
        return self._restored

    def named(self, g: int) -> frozenset[str]:
        """Surnames sentence ``g`` gives with a full name."""
        if g not in self._named:
            self._named[g] = frozenset(p.text for p in full_names(self.text(g)))
        return self._named[g]

    def citations(self, g: int) -> list[Name]:
        """Capitalised words sentence ``g`` uses alone, as a surname may be
        (:func:`synopsis.dependencies.cited_surnames`)."""
        if g not in self._citations:
            text = self.text(g)
            found = cited_surnames(text)
            if found:  # (the people of the cluster are found only when a word may be one)
                people = self.people()
                found = [n for n in found if n.text in people]
            if found:
                said = attributed_name(text)
                found = [
                    n
                    for n in found
                    if (said is not None and said.text == n.text) or self.speaks(n.text)
                ]
            self._citations[g] = found
        return self._citations[g]

    def speaks(self, surname: str) -> bool:
        """Whether the cluster attributes something to ``surname`` ("Webb said"): the
        evidence that a capitalised word used alone is a person, not a place or a
        thing the person finder took for a name ("Unlike Caihong", "Supplementary Fig")."""
        if surname not in self._speaks:
            self._speaks[surname] = any(
                surname in self.text(g)
                and (n := attributed_name(self.text(g))) is not None
                and n.text == surname
                for g, s in enumerate(self.scored.sentences)
            )
        return self._speaks[surname]

    def people(self) -> dict[str, list[tuple[int, Sentence, Name]]]:
        """Every person the cluster's sentences name in full, by surname, in document
        order: (document index, sentence, name), found once per cluster."""
        if self._people is None:
            self._people = {}
            for d, doc in enumerate(self.scored.documents):
                texts = self.article(d).texts
                for s in doc.sentences:
                    for p in full_names(texts[s.index]):
                        first = texts[s.index][p.start : p.end].split()[0].lower()
                        opening = not texts[s.index][: p.start].strip(" \"“‘'([—–-")
                        if opening and first in _NOT_FIRST_NAME:  # "Many Twitter users"
                            continue
                        self._people.setdefault(p.text, []).append((d, s, p))
        return self._people

    def full_name(self, g: int, surname: str) -> tuple[str, Mention] | None:
        """The full name ``surname`` stands for in sentence ``g`` (:func:`_full_name`)."""
        if surname not in self.people():
            return None
        if (g, surname) not in self._full:
            s = self.scored.sentences[g]
            self._full[g, surname] = _full_name(self.scored, self, s.doc_index, s.index, surname)
        return self._full[g, surname]

    def stands(self, g: int) -> bool:
        """Sentence ``g`` can stand in a summary: on topic and whole (judged once: it is
        asked for as a candidate and again as a part of its neighbours' units)."""
        if g not in self._stands:
            self._stands[g] = _standalone(self.plain(g))
        return self._stands[g]

    def article(self, d: int) -> Article:
        """Document ``d``'s sentences as a :class:`~synopsis.dependencies.Article` (made
        once: its sentence texts carry what every rule found in them)."""
        if d not in self._articles:
            texts = []
            # in lower-cased copy the rules see people's names capitalised (same offsets)
            people = self.restored() if self.enabled and self.lower_cased(d) else None
            for s in self.scored.documents[d].sentences:  # one Text per distinct sentence:
                # the copies of a wire story share what the rules found in their sentences
                text = s.text if people is None else restore_names(s.text, people)
                if text not in self._texts:
                    self._texts[text] = Text(text)
                texts.append(self._texts[text])
            self._articles[d] = Article(texts, strict=people is not None)
        return self._articles[d]

    def sentence_text(self, s: Sentence) -> str:
        """Sentence ``s``'s text as the rules see it (names capitalised in lower-cased
        copy)."""
        return self.article(s.doc_index).texts[s.index]

    def as_written(
        self, insertions: dict[int, tuple[Insertion, ...]]
    ) -> dict[int, tuple[Insertion, ...]]:
        """``insertions`` with each name taken from a lower-cased document shown as that
        document writes it ("[anthony weiner]"): the capitals were only for the rules."""
        lower = {
            doc.document.id: doc.document.text
            for d, doc in enumerate(self.scored.documents)
            if self.lower_cased(d)
        }
        if not lower:
            return insertions
        out = {}
        for g, found in insertions.items():
            shown = []
            for ins in found:
                raw = lower.get(ins.source.document_id)
                if raw is not None:
                    written = " ".join(raw[ins.source.start : ins.source.end].split())
                    name = ins.text[1:-1]
                    k = written.lower().rfind(name.lower())
                    if k >= 0:
                        ins = replace(ins, text=f"[{written[k : k + len(name)]}]")
                shown.append(ins)
            out[g] = tuple(shown)
        return out

    def plain(self, g: int) -> str:
        """Sentence ``g``'s text for the rules that judge its form and topic (whole,
        cut, page text, an announcement): as its article writes it. The capitals put back
        for the rules (:mod:`synopsis.casing`) would change their verdicts: a lower-case
        opening is the mark of a fragment, and capitalised runs that of page text
        (judging the restored text instead cost 0.12 R-2 on validation-500 tune)."""
        sentence = self.scored.sentences[g]
        text = self.text(g)
        if text == sentence.text:
            return text  # (the same Text: the rules share what they found in it)
        if sentence.text not in self._texts:
            self._texts[sentence.text] = Text(sentence.text)
        return self._texts[sentence.text]

    def text(self, g: int) -> str:
        """Sentence ``g``'s text, as its article's :class:`~synopsis.textfacts.Text`."""
        sentence = self.scored.sentences[g]
        return self.article(sentence.doc_index).texts[sentence.index]

    def of(self, g: int) -> Unit | None:
        if not self.enabled:
            return Unit(self.scored.sentences[g].index, self.scored.sentences[g].index)
        if g not in self._units:
            sentence = self.scored.sentences[g]
            article = self.article(sentence.doc_index)
            unit = resolve(article.texts, sentence.index, article=article)
            if unit is not None and self.on_topic:  # every part of a unit must stand
                base = self._first[sentence.doc_index]
                parts = range(base + unit.first, base + unit.last + 1)
                unit = unit if all(self.stands(p) for p in parts) else None
            self._units[g] = unit
        return self._units[g]

    def waits(self, g: int) -> list[tuple[int, Need]]:
        """Sentences of ``g``'s unit that add "another" of a kind of person no earlier
        part of the unit met (:func:`synopsis.dependencies.unmet_another`), by sentence
        index, with their need."""
        unit = self.of(g)
        if unit is None or not self.enabled:
            return []
        doc_index = self.scored.sentences[g].doc_index
        base = self._first[doc_index]
        return [(base + i, need) for i, need in unmet_another(self.article(doc_index), unit)]

    def members(self, g: int) -> list[int]:
        unit = self.of(g)
        if unit is None:
            return [g]
        base = self._first[self.scored.sentences[g].doc_index]
        return [base + k for k in range(unit.first, unit.last + 1)]

    def size(self, g: int) -> int:
        unit = self.of(g)
        return 1 if unit is None else unit.last - unit.first + 1

    def insertions(self, g: int) -> dict[int, tuple[Insertion, ...]]:
        """Insertions of the unit, by sentence index, in document offsets (made once per
        candidate: the budget check asks for them at every step)."""
        if g not in self._insertions:
            self._insertions[g] = self._make_insertions(g)
        return self._insertions[g]

    def _make_insertions(self, g: int) -> dict[int, tuple[Insertion, ...]]:
        unit = self.of(g)
        if unit is None or not unit.insertions:
            return {}
        doc_index = self.scored.sentences[g].doc_index
        base = self._first[doc_index]
        doc = self.scored.documents[doc_index]
        out: dict[int, list[Insertion]] = {}
        for ins in unit.insertions:
            target, source = doc.sentences[ins.at], doc.sentences[ins.source]
            raw = doc.document.text
            out.setdefault(base + ins.at, []).append(
                Insertion(
                    at=_raw_offset(raw, target, ins.start),
                    end=_raw_offset(raw, target, ins.end),
                    text=f"[{ins.text}]",
                    source=Mention(
                        document_id=doc.document.id,
                        start=_raw_offset(raw, source, ins.source_start),
                        end=_raw_offset(raw, source, ins.source_end),
                    ),
                )
            )
        return {g: tuple(v) for g, v in out.items()}


def _raw_offset(raw: str, sentence: Sentence, k: int) -> int:
    """The document offset of position ``k`` of a sentence's display text (display text
    folds runs of whitespace, so count the non-space characters before ``k``)."""
    text, start = sentence.text, sentence.start
    if sentence.end - start == len(text) and raw.startswith(text, start):
        # nothing folded: the same position, or (at a space) just after the word before
        if k < len(text) and not text[k].isspace():
            return start + k
        j = min(k, len(text))
        while j > 0 and text[j - 1].isspace():
            j -= 1
        return start + j
    n = sum(1 for ch in sentence.text[:k] if not ch.isspace())
    pos = sentence.start
    while n and pos < sentence.end:
        if not raw[pos].isspace():
            n -= 1
        pos += 1
    if k < len(sentence.text) and not sentence.text[k].isspace():
        while pos < sentence.end and raw[pos].isspace():
            pos += 1
    return pos


def _reading_order(
    scored: ScoredCluster,
    taken: list[int],
    opening: int | None,
    reacting: Callable[[int], bool] | None = None,
) -> list[int]:
    """Runs of article-adjacent sentences, by the reading key of each run's first one;
    the run holding the ``opening`` lead first. A run that opens with a reaction
    (``reacting``: "the family said they were devastated") is read after the first run
    that tells the news: the reader learns what happened before how people took it."""
    runs: list[list[int]] = []
    for g in taken:  # sentence indices are in article order within each document
        s = scored.sentences[g]
        if runs:
            prev = scored.sentences[runs[-1][-1]]
            if prev.doc_index == s.doc_index and prev.index + 1 == s.index:
                runs[-1].append(g)
                continue
        runs.append([g])
    runs.sort(key=lambda run: (opening not in run, _reading_key(scored, run[0])))
    if reacting is not None:
        k = next((k for k, run in enumerate(runs) if not reacting(run[0])), 0)
        runs = [runs[k], *runs[:k], *runs[k + 1 :]]
    return [g for run in runs for g in run]


class _Runs:
    """Runs of ``n`` words of each text (case and punctuation ignored), made on demand."""

    def __init__(self, texts: list[str], n: int) -> None:
        self.texts, self.n = texts, n
        self._runs: dict[int, set[tuple[str, ...]]] = {}

    def of(self, i: int) -> set[tuple[str, ...]]:
        if i not in self._runs:
            tokens = words(self.texts[i])
            self._runs[i] = {tuple(tokens[k : k + self.n]) for k in range(len(tokens) - self.n + 1)}
        return self._runs[i]

    def shared(self, i: int, j: int) -> bool:
        return not self.of(i).isdisjoint(self.of(j))


def _read_before(scored: ScoredCluster, h: int, g: int, chosen: list[int]) -> bool:
    """Whether summary sentence ``h`` is read before sentence ``g`` (:func:`_reading_order`
    puts the opening first, then runs by their place in their article): the opening, an
    earlier sentence of the same article, or one further up its own article."""
    a, b = scored.sentences[h], scored.sentences[g]
    if a.doc_index == b.doc_index:
        return a.index < b.index
    return len(chosen) == 1 or _reading_key(scored, h)[0] < _reading_key(scored, g)[0]


_NUMBER = re.compile(r"\d+")


class _Facts:
    """Content words and numbers of each text, made on demand, to tell a fact restated in
    other words ("X was convicted of murder" after "a jury found X guilty of murder"),
    which a cosine over differently worded sentences misses."""

    def __init__(self, text: Callable[[int], str], options: SelectOptions) -> None:
        self.text, self.share, self.least = text, options.restate_share, options.restate_min_words
        self._of: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def of(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        if i not in self._of:
            text = self.text(i)
            stems = frozenset(w[:6] for w in content_words(text))
            self._of[i] = stems, frozenset(_NUMBER.findall(text))
        return self._of[i]

    def restated(self, i: int, j: int) -> bool:
        """Whether text ``j`` says little that text ``i`` (chosen) does not: most of its
        content words in ``i``, and none of its numbers new. (Only that way round: a
        longer sentence after a short one that it contains adds what the short one
        lacks.)"""
        if self.share > 1:
            return False
        (a, na), (b, nb) = self.of(i), self.of(j)
        common = len(a & b)
        return common >= self.least and common >= self.share * len(b) and nb <= na


def _reading_key(scored: ScoredCluster, i: int) -> tuple[float, float, int]:
    sentence = scored.sentences[i]
    total = len(scored.documents[sentence.doc_index].sentences)
    return (sentence.index / max(total, 1), -scored.scores[i], i)
