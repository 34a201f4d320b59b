"""Choose sentences under a word budget without saying anything twice, each one
understandable where it stands.

Greedy maximal marginal relevance (Carbonell & Goldstein 1998): at each step take the
candidate with the best ``λ·salience − (1−λ)·similarity to what is already chosen`` that
still fits the budget; a candidate whose cosine similarity to a chosen sentence reaches
``redundancy_threshold`` is never taken, nor is one that shares a run of
``repeat_words`` words with it (the same quotation in two translations or attributions,
which the cosine of two differently worded sentences can miss), nor one whose content
words and numbers a chosen sentence already has (a fact restated in other words,
``restate_share``; or most of the shorter one's, ``restate_short_share``: two sources
word one event differently, so neither has most of the other's words). At most
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
when two people of the article share it. Anyone else cited alone whom the article
introduced before by a role, a title or a given name is shown with those words, the
surname inside the bracket ("According to [spokesman Keller]"), counted the same way.

Words in the first person that no one is said to speak (a post or a statement printed
without quotation marks) come only with the sentence that introduces them, or, where the
document names its writer (:mod:`synopsis.dependencies.authors`), shown with
"[Jane Doe wrote:]"; such a unit counts as a quotation. "Another
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

The stage lives by what it does: :mod:`.greedy` runs it (:func:`select`; the ablation
switch ``PAIR_ANOTHER`` and the rules it calls by name, ``announces``, ``reacts``,
``not_a_lead``, are read there); :mod:`.units` makes each candidate's unit and its
bracketed names (``fragment``, ``off_topic`` and ``resolve`` are read there);
:mod:`.order` puts the chosen sentences in reading order and finds repeats and restated
facts. A candidate is judged (whether it stands, its unit, its needs) only when a step
could take it, with the state the steps before would have given it: greedy takes a
handful, so most are never judged, and the summary is the one judging them all first
gives (``greedy.JUDGE_AHEAD``, for tests).
"""

from __future__ import annotations

from .greedy import select

__all__ = ["select"]
