"""Does each summary sentence read where it stands? A checker for any system's output.

ROUGE does not see a summary that opens "He added that ...", quotes nobody in
particular or drifts to a sidebar; a reader does. :func:`check` flags each sentence of a
summary (plain strings, as every system in :data:`SYSTEMS` returns them) with:

* ``unmet``: it needs something before it (a pronoun or demonstrative subject, an
  opening connective, a "he said", "the attack" in a short sentence, a quotation that
  opens "That is why ..." or speaks of "these two countries") and the summary sentence
  before it is not the sentence before it in its article; or it only announces what
  comes next ("Here is what we know:") and the summary sentence after it is not what
  follows it in its article. A bracketed insertion (``[Kerry] said``) meets the need it
  replaces. "Another witness said", "Police also said", "these findings": no summary
  sentence before it mentions a witness, the police, findings. "Webb said", where the
  article introduced Webb before ("spokesman Tom Webb") and no summary sentence before
  mentions Webb, unless the sentence shows the introduction with the name, bracketed
  ("[spokesman Webb] said"; "[Webb] said" alone is still flagged).
* ``speakerless``: a quotation with no attribution, or words in the first person
  outside quotation marks attributed to no one ("I am so proud of our crews"), not
  introduced by the summary sentence before it (a quotation attributed by name, or a
  line ending in a colon). First-person words shown with their writer, ``[Jane Doe
  wrote:] I am ...`` (:mod:`synopsis.dependencies.authors`), are attributed, and so is
  the first-person text that goes on from them in the next summary sentence.
* ``off_topic``: :func:`synopsis.topic.off_topic` (another event, a tip line, page text,
  an open question), or page text glued before the story's words
  (:func:`synopsis.segment.page_text_opening`: a credit, a byline, a dateline).
* ``garbled``: half a quotation (a quotation opened and not closed, or closed and not
  opened, without the neighbour that completes it), two sentences glued together
  (``said."He``), a sentence starting in lower case or ending without punctuation, or
  with no main clause (:func:`synopsis.dependencies.verbless`).
* ``repeat``: it tells the fact of an earlier summary sentence again, in other words
  (:func:`synopsis.select.order.restates`, the selector's rule without its cosine gate).
  Counted apart: ``flagged`` stays the four kinds above, so its rates compare with the
  reports before this flag; a repeat reads where it stands, it only wastes the budget.

Sentences are located in their article by their text (whitespace folded), in the raw
text and in the body that cleaning keeps, so adjacency is measured the same way for every
system. The rules are those of
:mod:`synopsis.dependencies` and :mod:`synopsis.topic`, which the selector uses too: for
synopsis the checker measures whether the selector kept its own rules, and hand reading
is the independent measure (benchmarks/readability.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..casing import lower_cased
from ..dependencies import (
    Need,
    announces,
    attributed_name,
    cited_surnames,
    fragment,
    full_names,
    introduces,
    introduces_name,
    meets_another,
    needs,
    quote_balance,
    quote_context,
)
from ..dependencies.names import NOT_CITED
from ..model import Cluster
from ..segment import page_text_opening
from ..topic import off_topic

KINDS = ("unmet", "speakerless", "off_topic", "garbled")
# Counted, but not in ``flagged`` (see the module docstring).
REPEAT = "repeat"
_INSERTION = re.compile(r"\[[^\[\]]{1,60}\]")
# The writer named before their first-person words (select's author insertion).
_AUTHOR_INSERTION = re.compile(r"\s*\[[^\[\]]{1,60}\swrote:\]\s*")


@dataclass(frozen=True)
class SentenceFlags:
    """The checker's verdict on one summary sentence."""

    text: str
    unmet: bool = False
    speakerless: bool = False
    off_topic: bool = False
    garbled: bool = False
    repeat: bool = False

    @property
    def flagged(self) -> bool:
        return self.unmet or self.speakerless or self.off_topic or self.garbled


@dataclass(frozen=True)
class Readability:
    """Counts over one or more summaries: sentences, and sentences with each flag."""

    sentences: int = 0
    unmet: int = 0
    speakerless: int = 0
    off_topic: int = 0
    garbled: int = 0
    flagged: int = 0  # sentences with at least one flag of KINDS
    repeat: int = 0  # sentences that tell an earlier one's fact again (not in ``flagged``)

    def __add__(self, other: Readability) -> Readability:
        fields = ("sentences", *KINDS, "flagged", REPEAT)
        return Readability(**{f: getattr(self, f) + getattr(other, f) for f in fields})

    def rate(self, kind: str) -> float:
        """Share of sentences with ``kind`` (or ``"flagged"``), 0 when there are none."""
        return getattr(self, kind) / self.sentences if self.sentences else 0.0


# How far past the replaced words the next piece of a sentence with insertions may start.
_NEAR = 40


def _kind(need: Need | None) -> str | None:
    return need.kind if need else None


def _fold(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class _Place:
    doc: int
    start: int
    end: int
    leading_insertion: bool


def _locate(sentence: str, docs: list[str]) -> list[_Place]:
    """Where a summary sentence sits in the folded article texts (insertions aside): its
    first place in each article that has it (copies of one story share sentences)."""
    pieces = [p.strip() for p in _INSERTION.split(sentence)]
    longest = max(pieces, key=len)
    if len(longest) < 8:
        return []
    k = pieces.index(longest)
    lead = bool(_INSERTION.match(sentence.strip()))
    places = []
    for d, text in enumerate(docs):
        pos = text.find(longest)
        if pos < 0:
            continue
        # The other pieces follow in the article with a replaced word or name between
        # them (an insertion can be longer than what it replaces: "[Ann Webb]" for
        # "Webb"); where one is not found near, count about a word for the insertion.
        start, end = pos, pos + len(longest)
        for piece in pieces[k + 1 :]:
            at = text.find(piece, end, end + len(piece) + _NEAR) if piece else -1
            end = at + len(piece) if at >= 0 else end + len(piece) + 1
        for piece in reversed(pieces[:k]):
            at = text.rfind(piece, max(0, start - len(piece) - _NEAR), start) if piece else -1
            start = at if at >= 0 else start - len(piece) - 1
        places.append(_Place(d, max(0, start), min(len(text), end), lead))
    return places


def _adjacent(before: list[_Place], after: list[_Place], docs: list[str]) -> bool:
    """``after`` follows ``before`` directly in one article (whitespace or a replaced
    pronoun between them)."""
    return any(_follows(b, a, docs) for b in before for a in after)


def _follows(before: _Place, after: _Place, docs: list[str]) -> bool:
    if before.doc != after.doc or after.start < before.end - 2:
        return False
    gap = docs[before.doc][before.end : after.start].strip()
    return not gap or (after.leading_insertion and len(gap.split()) <= 1)


def _opens_article(place: _Place, docs: list[str]) -> bool:
    return not re.search(r"[.!?][\"”’]?\s", docs[place.doc][: place.start])


def _unintroduced(
    text: str, before: list[str], places: list[_Place], docs: list[str], lower: list[bool]
) -> bool:
    """A name ``text`` cites alone (:func:`~synopsis.dependencies.cited_surnames`) that
    every article holding it introduced before it (by full name, role or title:
    :func:`~synopsis.dependencies.introduces_name`) and that no summary sentence before
    mentions. In lower-cased copy only a name in a speaker's slot counts ("Ansi said").
    A name shown with its introduction in brackets ("[spokesman Webb] said", "[Ann
    Webb]", select's ``_introduce``) is introduced: read without the brackets, a role,
    title or given name stands before it, so it is not cited alone; a name bracketed
    alone ("[Webb] said", for a "he") is not."""
    plain = text.replace("[", "").replace("]", "")  # "[Ann] Webb" names Ann Webb
    cited = cited_surnames(plain)
    if not cited or not places:
        return False
    full = {p.text for p in full_names(plain)}
    said = attributed_name(plain)
    for name in cited:
        word = name.text
        if word in full or word.lower() in NOT_CITED:
            continue
        pattern = re.compile(rf"(?<![\w'’]){re.escape(word)}(?!\w)", re.IGNORECASE)
        if any(pattern.search(t) for t in before):
            continue
        if all(
            (not lower[p.doc] or (said is not None and said.text == word))
            and introduces_name(docs[p.doc][: p.start], word, lower[p.doc])
            for p in places
        ):
            return True
    return False


def check_sentences(sentences: Sequence[str], cluster: Cluster) -> list[SentenceFlags]:
    """Flags for each summary sentence, in order (see the module docstring)."""
    # Each article as read, and as cleaning leaves it (a caption or an older version of a
    # sentence taken out makes the sentences around it adjacent for a reader).
    from ..cleaning import clean_cluster
    from ..select.order import restates

    docs = [_fold(d.text) for d in cluster.documents]
    docs += [_fold(c.body_text) for c in clean_cluster(cluster.documents)]
    texts = [_fold(s) for s in sentences]
    places = [_locate(t, docs) for t in texts]
    # each sentence's need, judged without a leading "[Jane Doe wrote:]"
    authored = [_AUTHOR_INSERTION.match(t) for t in texts]
    found = [needs(t[a.end() :] if a else t) for t, a in zip(texts, authored, strict=True)]
    lower = [lower_cased(d) for d in docs]
    out = []
    for i, text in enumerate(texts):
        prev_adjacent = i > 0 and _adjacent(places[i - 1], places[i], docs)
        next_adjacent = i + 1 < len(texts) and _adjacent(places[i], places[i + 1], docs)
        need = found[i]
        kind = need.kind if need else None
        unmet = kind in {"pronoun", "connective", "speaker", "definite"} and not prev_adjacent
        # "another witness said", "these findings": the summary met a witness, findings
        if kind in {"another", "demonstrative"}:
            unmet = not any(meets_another(text, need, t) for t in texts[:i])
        if kind == "definite" and any(_opens_article(p, docs) for p in places[i]):
            unmet = False  # an article's first sentence introduces what it names
        # a quotation that answers what the summary does not give ("That is why ..."), or
        # a sentence that only announces what the summary does not go on to tell
        unmet = unmet or (quote_context(text) is not None and not prev_adjacent)
        unmet = unmet or (announces(text) and not next_adjacent)
        # "Webb said", where the article introduced Webb before and the summary did not
        unmet = unmet or _unintroduced(text, texts[:i], places[i], docs, lower)
        closes, opens = quote_balance(text)
        half_quote = (closes and not prev_adjacent) or (opens and not next_adjacent)
        # a quotation, or words in the first person, that no one is said to have spoken:
        # introduced by the sentence before, or going on from first-person words before
        # (or, first-person words, shown with their writer)
        went_on = i > 0 and kind == "first-person" and _kind(found[i - 1]) == kind
        speakerless = kind in {"speakerless", "first-person"} and not (
            prev_adjacent and (went_on or introduces(texts[i - 1]))
        )
        speakerless = speakerless and not (kind == "first-person" and authored[i])
        garbled = bool(half_quote or fragment(text))
        out.append(
            SentenceFlags(
                text=text,
                unmet=unmet,
                speakerless=speakerless,
                off_topic=off_topic(text) is not None or page_text_opening(sentences[i]),
                garbled=garbled,
                repeat=any(restates(t, text) for t in texts[:i]),
            )
        )
    return out


def check(sentences: Sequence[str], cluster: Cluster) -> Readability:
    """Counts of flagged sentences in one summary."""
    flags = check_sentences(sentences, cluster)
    return Readability(
        sentences=len(flags),
        unmet=sum(f.unmet for f in flags),
        speakerless=sum(f.speakerless for f in flags),
        off_topic=sum(f.off_topic for f in flags),
        garbled=sum(f.garbled for f in flags),
        flagged=sum(f.flagged for f in flags),
        repeat=sum(f.repeat for f in flags),
    )
