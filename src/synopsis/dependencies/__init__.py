"""What a sentence needs from the text before (or after) it to be understood on its own.

A news sentence is written to sit in its article: "He added that ..." needs the "he",
"But ..." needs what it contradicts, a bare quotation needs its speaker. A summary that
lifts such a sentence out of its article reads as nonsense, so every candidate is checked
here and :mod:`synopsis.select` takes it only with what it needs.

Kinds of :class:`Need` (one per sentence, the first that applies):

* ``pronoun``: the subject is a pronoun or a demonstrative (he, she, they, it, this,
  these, his ...), or a definite reference back ("The move", "The latter").
* ``definite``: a short sentence names an event as "the fight", "the attack" with
  nothing saying which one (``_DEFINITE``); it is taken with the sentences before it back
  to one that names it ("talks" for "the talks"), or not at all.
* ``connective``: the sentence opens with a connective (But, However, Also, Meanwhile ...).
* ``continued-quote``: it closes a quotation it did not open (the quotation started in the
  sentence before).
* ``open-quote``: it opens a quotation it does not close (the rest, and its speaker, are
  in the sentence after).
* ``speaker``: a quotation attributed to "he"/"she" (``"...," he said``): the speaker is
  named earlier in the article.
* ``speakerless``: a quotation with no attribution at all.
* ``demonstrative``: "those questions", "a similar restraint", "the same trolls" in the
  writer's words, anywhere in the sentence, to a noun it does not give itself: like
  ``another``, met by a sentence read before it that names the noun (:data:`WAITING`).
* ``surname``: a name cited alone ("Webb said") that the article introduced in a
  sentence before ("spokesman Webb"): shown with that introduction in brackets
  ("[spokesman Webb] said", :meth:`Article.shown_introductions`) where the words
  before the name say who it is; else met, like ``another``, by a sentence read before
  it that mentions the name (found with the article: :meth:`Article.unintroduced`).

The same rules serve the selector and the readability checker
(:mod:`synopsis.evaluate.readability`), so the checker measures whether the selector kept
its own rules; hand reading is the independent measure (benchmarks/readability.md).

The rules live by what they read: :mod:`.fragments` judges a sentence's own form (glued
page text, no main clause, announcements, reactions); :mod:`.openers` holds :class:`Need`
and the pronoun and connective openers; :mod:`.quotes` reads quotations and their speakers;
:mod:`.sentence` finds each sentence's need (:func:`needs`; the ablation switches
``GENERIC_WE`` and ``DEMONSTRATIVE`` live there, beside the code that reads them);
:mod:`.names` finds persons, speakers and names cited before their introduction;
:mod:`.authors` finds who wrote a document (the writer's first-person words are then shown
with ``[Jane Doe wrote:]``); :mod:`.units` grows a candidate into the unit of article
sentences that meets every need (:func:`resolve`).
"""

from __future__ import annotations

from .authors import Author, find_author
from .fragments import announces, fragment, glued_page_text, reacts, verbless
from .names import (
    Name,
    attributed_name,
    cited_surnames,
    full_names,
    introduces_name,
    speaker_name,
    unintroduced,
)
from .openers import Need
from .quotes import (
    is_quoted,
    names_quoted,
    quote_balance,
    quote_context,
    reports_quote,
    speaker_need,
)
from .sentence import another, demonstrative, first_person, meets_another, needs
from .units import (
    AUTHOR,
    WAITING,
    Article,
    Insertion,
    Unit,
    author_insertion,
    introduces,
    resolve,
    unmet_another,
)

__all__ = [
    "AUTHOR",
    "WAITING",
    "Article",
    "Author",
    "Insertion",
    "Name",
    "Need",
    "Unit",
    "announces",
    "another",
    "attributed_name",
    "author_insertion",
    "cited_surnames",
    "demonstrative",
    "find_author",
    "first_person",
    "fragment",
    "full_names",
    "glued_page_text",
    "introduces",
    "introduces_name",
    "is_quoted",
    "meets_another",
    "names_quoted",
    "needs",
    "quote_balance",
    "quote_context",
    "reacts",
    "reports_quote",
    "resolve",
    "speaker_name",
    "speaker_need",
    "unintroduced",
    "unmet_another",
    "verbless",
]
