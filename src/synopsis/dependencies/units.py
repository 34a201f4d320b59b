"""An article's sentences read together: the smallest unit around a candidate with needs met."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..textfacts import outside_quotes, text_of
from ..wordlists import (
    NOT_A_NAME,
    NOT_SURNAME,
)
from .authors import Author
from .names import (
    NAME_WORD,
    Name,
    _persons,
    attributed_name,
    introduces_name,
    introduction,
    speaker_name,
    unintroduced,
)
from .openers import Need
from .quotes import _says, is_quoted, quote_balance, quote_context, speaker_need
from .sentence import meets_another, needs


@dataclass(frozen=True)
class Insertion:
    """An editorial insertion: replace ``[start, end)`` of sentence ``at`` (positions in
    its text) with ``[text]``, the name found at ``[source_start, source_end)`` of sentence
    ``source``. Positions are article sentence indices; for the writer's name
    (``source == AUTHOR``, :mod:`.authors`) ``source_start``/``source_end`` are offsets
    into the document's raw text, since a byline is no sentence."""

    at: int
    start: int
    end: int
    text: str
    source: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Unit:
    """Article sentences ``first..last`` (inclusive) read together, with the insertions
    that make them stand alone."""

    first: int
    last: int
    insertions: tuple[Insertion, ...] = ()


# How far back an insertion looks for a speaker's name (sentences that do not mention the
# same "he"/"she"), and how many sentences one unit may hold (a longer chain of
# dependencies is not worth its budget).
NAME_LOOKBACK = 3
MAX_UNIT = 3
# ``Insertion.source`` of the writer's name (:class:`~.authors.Author`): no sentence.
AUTHOR = -1


class Article:
    """An article's sentence texts, with the first sentence that names each surname by
    full name found once, so that every candidate's unit looks back in constant time
    (the lookups were a scan of all earlier sentences per candidate)."""

    def __init__(
        self, texts: list[str], strict: bool = False, author: Author | None = None
    ) -> None:
        # each a textfacts.Text, so that every rule asking about a sentence shares what
        # the others found in it
        self.texts = [text_of(t) for t in texts]
        # Lower-cased copy (synopsis.casing): only the people found in the cluster are
        # capitalised, so a sentence may name someone the rules cannot see. A "he" is then
        # resolved only by the nearest sentence outside its chain of "he"s, and only when
        # that one's subject or speaker is a person found: no looking past someone unseen.
        self.strict = strict
        # Who wrote the article, when it says (:func:`~.authors.find_author`): the writer's
        # first-person words are then shown with "[Jane Doe wrote:]" instead of refused.
        self.author = author
        self._first_named: dict[str, int] | None = None
        self._needs: dict[int, tuple[Need | None, tuple[int, int], Need | None, bool]] = {}
        self._unintroduced: dict[int, list[Need]] = {}
        # name -> (sentences read so far, the first of them introducing it or None)
        self._introduced: dict[str, tuple[int, int | None]] = {}
        # name -> (sentences read so far, the first introduction a summary can show)
        self._introductions: dict[str, tuple[int, tuple[int, int, int] | None]] = {}

    def needs(self, i: int) -> tuple[Need | None, tuple[int, int], Need | None, bool]:
        """Sentence ``i``'s need, quotation balance, pronoun speaker and whether a
        quotation of it leans on the sentence before (:func:`quote_context`), found once
        (every unit that holds the sentence asks for them)."""
        if i not in self._needs:
            text = self.texts[i]
            context = quote_context(text) is not None
            self._needs[i] = (needs(text), quote_balance(text), speaker_need(text), context)
        return self._needs[i]

    def unintroduced(self, i: int) -> list[Need]:
        """Names sentence ``i`` cites alone that the article introduced before it
        (:func:`~synopsis.dependencies.names.unintroduced`), found once."""
        if i not in self._unintroduced:
            self._unintroduced[i] = unintroduced(
                self.texts, i, self.strict, self.named_before, self.introduced_before
            )
        return self._unintroduced[i]

    def introduced_before(self, name: str, i: int) -> bool:
        """A sentence before ``i`` introduces ``name`` (:func:`introduces_name`). (The
        article is read only as far as asked: a name never introduced is asked about by
        each sentence that cites it.)"""
        read, first = self._introduced.get(name, (0, None))
        while first is None and read < i:
            if introduces_name(self.texts[read], name, self.strict):
                first = read
            read += 1
        self._introduced[name] = (read, first)
        return first is not None and first < i

    def introduction(self, name: str, i: int) -> tuple[int, int, int] | None:
        """The first sentence before ``i`` that introduces ``name`` with words a summary
        can show with it (:func:`~.names.introduction`: "spokesman Webb", "Dr. Ann
        Webb"), as (sentence, start, end) of those words, or None. (Read only as far as
        asked, like :meth:`introduced_before`.)"""
        read, found = self._introductions.get(name, (0, None))
        while found is None and read < i:
            span = introduction(self.texts[read], name, self.strict)
            if span is not None:
                found = (read, *span)
            read += 1
        self._introductions[name] = (read, found)
        return found if found is not None and found[0] < i else None

    def shown_introductions(self, i: int) -> list[tuple[Need, Insertion]]:
        """The names sentence ``i`` cites alone that its article introduced before
        (:meth:`unintroduced`) with words a summary can show, each with the insertion
        that shows them in place of the name ("Webb said" -> "[spokesman Webb] said",
        from the introduction's span). Empty with ``SHOW_INTRODUCTION`` off."""
        if not SHOW_INTRODUCTION:
            return []
        out = []
        for need in self.unintroduced(i):
            word = self.texts[i][need.start : need.end]
            found = self.introduction(word, i)
            if found is None:
                continue
            j, start, end = found
            shown = " ".join(self.texts[j][start:end].split())
            out.append((need, Insertion(i, need.start, need.end, shown, j, start, end)))
        return out

    def named_before(self, surname: str, i: int) -> bool:
        """A sentence before ``i`` names ``surname`` with a full name."""
        if self._first_named is None:
            self._first_named = {}
            for j, text in enumerate(self.texts):
                for p in _persons(text):
                    self._first_named.setdefault(p.text, j)
        return self._first_named.get(surname, len(self.texts)) < i


def resolve(
    texts: list[str], k: int, max_unit: int = MAX_UNIT, article: Article | None = None
) -> Unit | None:
    """The smallest unit around sentence ``k`` of an article (``texts``: its sentences in
    order) in which every need is met, or None when there is none within ``max_unit``
    sentences (a quotation whose speaker cannot be found, a chain too long).

    A "he"/"she" subject or speaker is resolved with an insertion of the name given in
    the ``NAME_LOOKBACK`` sentences before; a pronoun, connective or continued quotation
    takes in the sentence before; an open quotation the sentences up to its close; a
    quotation without attribution the sentence before only when that one introduces it
    (a quotation with a named speaker, or a line ending in a colon). ``article``, made once
    from the same ``texts``, spares the look-backs when many sentences of it are resolved.
    """
    article = article or Article(texts)
    first = last = k
    inserted: dict[int, Insertion] = {}
    while last - first + 1 <= max_unit:
        grow = _unmet(article, first, last, inserted)
        if grow == "done":
            return Unit(first, last, tuple(inserted[i] for i in sorted(inserted)))
        if grow == "before" and first > 0:
            first -= 1
        elif grow == "after" and last + 1 < len(texts):
            last += 1
        elif grow != "inserted":
            return None
    return None


def _unmet(article: Article, first: int, last: int, inserted: dict[int, Insertion]) -> str:
    """The first unmet need of the unit ``first..last``: "before" or "after" (the unit
    must grow that way), "inserted" (an insertion was added), "never" or "done"."""
    texts = article.texts
    depth = 0  # quotation marks left open by the unit's sentences so far
    for i in range(first, last + 1):
        text = texts[i]
        need, (close, open_), speaker, context = article.needs(i)
        kind = need.kind if need else None
        opened_before = depth > 0
        depth = max(0, depth - close) + open_
        if context and i == first:  # "That is why ...": the sentence it answers comes too
            return "before"
        if i in inserted:
            continue
        if kind == "definite" and i == 0:
            continue  # an article's first sentence introduces what it names
        if kind == "definite" and i > first:  # "the talks" needs where the talks came in
            noun = text[need.start : need.end].split()[-1].lower()
            if not any(noun in texts[j].lower() for j in range(first, i)):
                return "before"
        if kind in {"pronoun", "connective", "continued-quote", "definite"} and i == first:
            if _try_insert(article, i, need, inserted):
                return "inserted"
            return "before"
        if kind == "speakerless" and not opened_before:
            if i > first and introduces(texts[i - 1]):
                continue
            return "before" if i == first and i > 0 and introduces(texts[i - 1]) else "never"
        if kind == "first-person":  # like a quotation: introduced, or goes on from one
            led = i > 0 and (
                _kind(article.needs(i - 1)[0]) == "first-person" or introduces(texts[i - 1])
            )
            if led and i > first:
                continue
            if led:
                return "before"
            if article.author is not None and article.author.name in outside_quotes(text):
                continue  # the writer names themself: "My name is Clara and I ..."
            if article.author is not None:  # the writer is known: "[Jane Doe wrote:] I ..."
                inserted[i] = author_insertion(article.author, i)
                return "inserted"
            return "never"
        if speaker is not None and _named_before(text, speaker.start, article, i):
            speaker = None  # "Johnson also says she mis-spoke when she said ..."
        if speaker is not None and not any(speaker_name(texts[j]) for j in range(first, i)):
            if _try_insert(article, i, speaker, inserted, lookback=NAME_LOOKBACK + i - first):
                return "inserted"
            return "before"
    if depth > 0:
        return "after"
    return "done"


def author_insertion(author: Author, i: int) -> Insertion:
    """The newsroom's attribution of a writer's first-person words, put before sentence
    ``i`` (replacing nothing): ``Jane Doe wrote:`` (bracketed when shown), from the span
    where the document names its writer. The run of first-person sentences after it
    goes on from it and needs none of its own."""
    return Insertion(i, 0, 0, f"{author.name} wrote:", AUTHOR, author.start, author.end)


# Needs met by any sentence read before, in the summary (select waits for one); a
# surname the article introduced before ("surname", Article.unintroduced) is one too.
WAITING = frozenset(["another", "demonstrative", "surname"])
# A surname whose introduction can be shown with it ("[spokesman Webb] said",
# Article.shown_introductions) needs no wait: select brackets the introduction in where
# the summary has not mentioned the name before, counting its words in the budget, as it
# does a speaker's full name. (A module switch, for the ablation: off, every such
# sentence waits, as before.)
SHOW_INTRODUCTION = True


def unmet_another(article: Article, unit: Unit) -> list[tuple[int, Need]]:
    """The sentences of ``unit`` that add "another" of a kind of person, or more from a
    speaker, that no earlier sentence of the unit met (:func:`another`), or cite a name
    their article introduced before (:meth:`Article.unintroduced`) with no introduction
    a summary can show (:meth:`Article.shown_introductions`), with their need: the
    summary must give it before them (:mod:`synopsis.select` waits for it)."""
    span = range(unit.first, unit.last + 1)
    kinds = {_kind(article.needs(i)[0]) for i in span}
    names = {i: found for i in span if (found := _waiting_names(article, i))}
    if kinds.isdisjoint(WAITING) and not names:
        return []
    # (a name bracketed in for a "he" counts: '"...," [Hangi] added. Hangi also said')
    shown = {j: article.texts[j] for j in range(unit.first, unit.last + 1)}
    for ins in unit.insertions:
        shown[ins.at] += " " + ins.text
    out = []
    for i in span:
        need = article.needs(i)[0]
        asked = [need] if need is not None and need.kind in WAITING else []
        text = article.texts[i]
        for need in [*asked, *names.get(i, ())]:
            if not any(meets_another(text, need, shown[j]) for j in range(unit.first, i)):
                out.append((i, need))
    return out


def _waiting_names(article: Article, i: int) -> list[Need]:
    """The surname needs of sentence ``i`` that no shown introduction meets."""
    found = article.unintroduced(i)
    if not found:
        return found
    shown = {need for need, _ in article.shown_introductions(i)}
    return [need for need in found if need not in shown]


def _kind(need: Need | None) -> str | None:
    return need.kind if need else None


def _named_before(text: str, position: int, article: Article, i: int) -> bool:
    """A person is named in ``text`` before ``position`` (outside quotations): by full
    name, or by a surname the article's sentences before ``i`` gave with a full name."""
    head = outside_quotes(text)[:position]
    if any(p.end <= position for p in _persons(text)):
        return True
    return any(article.named_before(w, i) for w in re.findall(NAME_WORD, head))


def introduces(text: str) -> bool:
    """A sentence that gives the speaker of the quotation after it: it ends with a colon
    after a verb of saying, it is itself a quotation attributed by name, or it reports
    what a named person said ("Smith said the plan had failed."): by newsroom convention
    a bare quotation right after it is that person's words."""
    if text.rstrip().endswith(":"):
        return True
    text = text_of(text)
    if is_quoted(text) and _says(text) and speaker_need(text) is None:
        return True
    return speaker_need(text) is None and attributed_name(text) is not None


def _try_insert(
    article: Article,
    i: int,
    need: Need | None,
    inserted: dict[int, Insertion],
    lookback: int = NAME_LOOKBACK,
) -> bool:
    insertion = _insert(article, i, need, lookback)
    if insertion is None:
        return False
    inserted[i] = insertion
    return True


def _insert(
    article: Article, i: int, need: Need | None, lookback: int = NAME_LOOKBACK
) -> Insertion | None:
    """An insertion for a "he"/"she" subject or speaker, when a sentence before attributes
    something to a person by name (a mere mention is no evidence of who "she" is)."""
    if need is None or need.kind not in {"speaker", "pronoun"}:
        return None
    texts = article.texts
    word = texts[i][need.start : need.end].lower()
    if word not in {"he", "she"}:
        return None
    same = re.compile(rf"\b{word}\b", re.IGNORECASE)
    # Only a person the article introduced by full name ("Lt. Todd Joyce") before: a lone
    # capitalised word next to "said" may be a country or an agency.
    j = i - 1
    while j >= 0 and lookback > 0:
        if need.kind == "pronoun":  # "He has been charged": who the story is about
            found = _clause_subject(article, j, i)
            if found is AMBIGUOUS:
                return None  # no guessing: the sentence before will come with it instead
            name = found if isinstance(found, Name) else None
        else:  # "..., he said": who was speaking
            name = attributed_name(texts[j])
        if name is not None and article.named_before(name.text, i):
            return Insertion(i, need.start, need.end, name.text, j, name.start, name.end)
        # A sentence about the same "she" carries the chain back one sentence further.
        chain = same.search(outside_quotes(texts[j])) is not None
        if article.strict and not chain:
            return None
        lookback -= 0 if chain else 1
        j -= 1
    return None


AMBIGUOUS = "ambiguous"
# An opening subordinate clause ("As he ran, ..."): the main clause, and its subject,
# come after its comma.
_SUBORDINATE = re.compile(
    r"^\W*(?:as|when|while|after|before|although|though|because|since|if|once|until|despite|"
    r"during|in|on|at|with|without|following|according\s+to)\b[^,]{0,80},\s*",
    re.IGNORECASE,
)
# Lower-case words that may stand before a name in a subject ("the late John Smith").
_SUBJECT_LEAD = frozenset(["the", "a", "an", "former", "late", "then", "ex", "de", "van", "von"])
_WORD = re.compile(r"[\w'’.-]+")
# A subject in apposition: a few lower-case words, then the name between commas.
_APPOSITION = re.compile(
    r"\W*[\w'’-]+(?:\s+[a-z][\w'’-]*){0,4},\s+(?:[A-Z][\w'’.-]*\s+)*(?P<s>" + NAME_WORD + r"),"
)


def _clause_subject(article: Article, j: int, i: int) -> Name | str | None:
    """Who a "he"/"she" opening sentence ``i`` stands for, judged on sentence ``j`` before
    it: the person who is the subject of ``j``'s main clause ("As he ran, Dunne ..."),
    else the one person ``j`` names; ``AMBIGUOUS`` when ``j`` names several people and none
    is its subject, None when it names nobody (look further back). Persons are surnames
    the article gave with a full name before ``i``."""
    text = outside_quotes(article.texts[j])
    m = _SUBORDINATE.match(text)
    pos = m.end() if m else 0
    run: list[re.Match[str]] = []
    for w in _WORD.finditer(text, pos):
        word = w.group().strip(".'’")
        if word[:1].isupper() and not word.endswith(("'s", "’s")):
            run.append(w)
            continue
        if run or word.lower() not in _SUBJECT_LEAD:
            break
    if run:
        last = run[-1]
        surname = last.group().rstrip(".,'’")
        if surname.lower() in {"he", "she"}:
            return None  # the same chain of pronouns: the name is further back
        if article.named_before(surname, i):
            return Name(surname, last.start(), last.start() + len(surname))
    if article.strict:  # the subject only, or one in apposition ("The mayor, Ann Webb, ...")
        m = _APPOSITION.match(text, pos)
        if m is not None and article.named_before(m.group("s"), i):
            return Name(m.group("s"), m.start("s"), m.end("s"))
        return None
    named = {}
    for w in re.finditer(rf"\b{NAME_WORD}\b", text):
        word = w.group()
        if word in named or word.lower() in NOT_SURNAME or word.lower() in NOT_A_NAME:
            continue
        if article.named_before(word, i):
            named[word] = Name(word, w.start(), w.end())
    if len(named) > 1:
        return AMBIGUOUS
    return next(iter(named.values()), None)
