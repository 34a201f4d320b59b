"""Choose sentences under a word budget without saying anything twice.

Greedy maximal marginal relevance (Carbonell & Goldstein 1998): at each step take the
candidate with the best ``λ·salience − (1−λ)·similarity to what is already chosen`` that
still fits the budget; a candidate whose cosine similarity to a chosen sentence reaches
``redundancy_threshold`` is never taken, nor is one that shares a run of
``repeat_words`` words with it (the same quotation in two translations or attributions,
which the cosine of two differently worded sentences can miss). At most
``max_quote_share`` of the sentences are quotations while anything else fits: a summary
reports. The budget is a hard cap: the summary never has more words than asked for.

Reading order: chosen sentences are shown by their relative position in their own
article (a lead sentence before a closing one), ties broken by salience. News articles
put context first, so this reads like a story rather than a ranking.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .model import ScoredCluster, Selection
from .options import SelectOptions
from .score import is_quotation, words

# MMR looks at the best candidates only; beyond a few hundred nothing reaches the top.
MAX_CANDIDATES = 400
# The repeat check looks only at candidates this similar to the chosen sentence: cheap, and
# a run of common words ("one of the most ...") shared by unrelated sentences is no repeat.
REPEAT_MIN_COSINE = 0.2


def select(scored: ScoredCluster, options: SelectOptions | None = None) -> Selection:
    """Indices of the chosen sentences, in reading order."""
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
    ranked = eligible[np.lexsort((eligible, -scores[eligible]))][:MAX_CANDIDATES]

    vectors: sparse.csr_matrix = scored.vectors[ranked]
    # One product for all candidate pairs: cheaper than a sparse product per step.
    similarity = (vectors @ vectors.T).toarray()
    salience = scores[ranked]
    top = salience.max()
    salience = salience / top if top > 0 else salience
    max_sim = np.zeros(len(ranked))
    open_ = np.ones(len(ranked), dtype=bool)
    runs = _Runs([sentences[r].text for r in ranked], options.repeat_words)
    chosen: list[int] = []
    used = 0
    lam = options.mmr_lambda

    def take(c: int) -> None:
        nonlocal used, max_sim
        chosen.append(c)
        open_[c] = False
        if runs.n:  # only sentences with some words in common can share a run of them
            for j in np.flatnonzero(open_ & (similarity[c] >= REPEAT_MIN_COSINE)):
                if runs.shared(c, int(j)):
                    open_[j] = False
        used += int(words[ranked[c]])
        max_sim = np.maximum(max_sim, similarity[c])

    if options.lead_first:
        leads = np.flatnonzero([sentences[r].index == 0 for r in ranked])
        if leads.size:  # ranked is sorted by score, so the first lead is the best one
            take(int(leads[0]))
    quotes = np.array([is_quotation(sentences[r].text) for r in ranked], dtype=bool)
    while True:
        fits = open_ & (words[ranked] <= options.words - used)
        fits &= max_sim < options.redundancy_threshold
        if quotes[chosen].sum() + 1 > options.max_quote_share * (len(chosen) + 1):
            # One more quotation would make too many of them, unless nothing else fits.
            reporting = fits & ~quotes
            fits = reporting if reporting.any() else fits
        if not fits.any():
            break
        value = np.where(fits, lam * salience - (1 - lam) * max_sim, -np.inf)
        take(int(np.argmax(value)))

    picked = [int(ranked[c]) for c in chosen]
    return Selection(indices=tuple(sorted(picked, key=lambda i: _reading_key(scored, i))))


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


def _reading_key(scored: ScoredCluster, i: int) -> tuple[float, float, int]:
    sentence = scored.sentences[i]
    total = len(scored.documents[sentence.doc_index].sentences)
    return (sentence.index / max(total, 1), -scored.scores[i], i)
