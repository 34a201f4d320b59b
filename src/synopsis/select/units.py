"""Each candidate's unit of article sentences, and the full names bracketed in for a surname."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..casing import People, find_people, lower_cased, restore_names
from ..dependencies import (
    AUTHOR,
    Article,
    Name,
    Need,
    Unit,
    attributed_name,
    cited_surnames,
    find_author,
    fragment,
    full_names,
    resolve,
    unmet_another,
)
from ..model import Insertion, Mention, ScoredCluster, Sentence
from ..stopwords import ENGLISH_STOP_WORDS
from ..textfacts import Text
from ..topic import off_topic

# A middle initial or a name particle, kept in a bracketed full name.
_MIDDLE = re.compile(r"[A-Z]\.|de|van|von|al|bin|da|del|di|le|la")
# Capitalised only because they open a sentence: no first name ("Any American athletes",
# "Did Romney ..."), though the person finder reads a capitalised pair as a name.
_NOT_FIRST_NAME = (ENGLISH_STOP_WORDS - {"bill"}) | {
    *("did", "does", "do", "why", "what", "how", "who", "will", "would", "can", "could"),
    *("should", "is", "are", "was", "were", "has", "have", "had", "many", "any", "some"),
}


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
    a reader is told who they are the first time they appear. Likewise anyone cited by
    surname alone whom the article introduced before by a role, a title or a given name
    ("Webb's car" -> "[spokesman Webb]'s car", from the introduction's span: the
    convention is the speaker's, the bracket replaces the surname and holds it), unless
    the summary mentioned them before. A full name or an introduction is shown only
    while the ``spare`` words of the budget allow it: the budget stays a hard cap."""
    out = dict(insertions)
    known: set[str] = set()  # surnames whose full name the summary has shown
    said: list[str] = []  # the summary's sentences so far, as shown
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
        # introduced before ("Webb said"): the role or title with the name, which says
        # more than the full name alone ("[Sgt. Tim Webb]"), first
        for name, shown, mention in units.introductions(g):
            if name.text in known or name.text in here:
                continue
            if any(_mentions(t, name.text) for t in said):
                continue  # the summary mentioned them before (the wait this replaces)
            if (extra := _bracket(raw, sentence, mine, name, shown, mention, spare)) is not None:
                known.add(name.text)
                spare -= extra
        for name in units.citations(g):  # "Webb said", "Altahan reacted": a surname alone
            if name.text in known or name.text in here:
                continue
            found = units.full_name(g, name.text)
            if found is None or found[0] == name.text:
                continue
            if (extra := _bracket(raw, sentence, mine, name, *found, spare)) is not None:
                known.add(name.text)
                spare -= extra
        for ins in mine:
            known.add(ins.text.strip("[]").split()[-1])
        known.update(here)
        said.append(" ".join([units.text(g), *(i.text for i in mine)]))
        if mine:
            out[g] = tuple(sorted(mine, key=lambda i: (i.at, i.end)))
    return out


def _bracket(
    raw: str,
    sentence: Sentence,
    mine: list[Insertion],
    name: Name,
    shown: str,
    mention: Mention,
    spare: int,
) -> int | None:
    """Show the surname ``name`` of ``sentence`` as ``[shown]`` (from ``mention``), added to
    its insertions ``mine``, if none of them covers it and the words it adds fit in
    ``spare``: the words it adds, or None when it is not shown."""
    at = _raw_offset(raw, sentence, name.start)
    end = _raw_offset(raw, sentence, name.end)
    extra = len(shown.split()) - len(name.text.split())
    if extra > spare or any(i.end > at and i.at < end for i in mine):
        return None
    mine.append(Insertion(at=at, end=end, text=f"[{shown}]", source=mention))
    return extra


def _full_name(
    scored: ScoredCluster, units: _Units, doc_index: int, index: int, surname: str
) -> tuple[str, Mention] | None:
    """The full name a surname stands for, and where it is: the nearest sentence before
    ``index`` in its own article that names the person in full (none when the article
    names two people with it: no guess), else any article of the cluster (one that
    gives two different full names for the surname is no evidence)."""
    hits = units.people(surname)
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
    "[Webb]" for a "he") whose full name its article gives, or whose introduction it
    can show ("[spokesman Webb]", :meth:`_Units.introductions`), and the words showing
    that adds; none named in full, or mentioned, by the unit before they are cited."""
    if not units.enabled:
        return {}
    out: dict[str, int] = {}
    for k, g in enumerate(members):
        # an introduction the article gives first ("[Sgt. Tim Webb]"), else the full name
        for name, shown, _ in units.introductions(g):
            if name.text in out or name.text in units.named(g):
                continue
            if any(_mentions(units.text(h), name.text) for h in members[:k]):
                continue  # the unit mentions them before
            out[name.text] = len(shown.split()) - 1
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


def _mentions(text: str, word: str) -> bool:
    """``text`` mentions ``word`` (in any case: "al-ansi" mentions "Ansi")."""
    low = word.lower()
    if low not in text.lower():
        return False
    return re.search(rf"(?<![\w'’]){re.escape(low)}(?!\w)", text, re.IGNORECASE) is not None


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
        self._people: dict[str, list[tuple[int, Sentence, Name]]] = {}
        self._speaks: dict[str, bool] = {}
        self._introductions: dict[int, list[tuple[Name, str, Mention]]] = {}
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
            if found:  # (whom the cluster names in full, asked only when a word may be one)
                found = [n for n in found if self.people(n.text)]
            if found:
                said = attributed_name(text)
                found = [
                    n
                    for n in found
                    if (said is not None and said.text == n.text) or self.speaks(n.text)
                ]
            self._citations[g] = found
        return self._citations[g]

    def introductions(self, g: int) -> list[tuple[Name, str, Mention]]:
        """The names sentence ``g`` cites alone whose introduction in its article a
        summary can show (:meth:`~synopsis.dependencies.Article.shown_introductions`):
        the name's place in the sentence, the words to show ("spokesman Webb") and where
        they are in the document."""
        if not self.enabled:
            return []
        if g not in self._introductions:
            sentence = self.scored.sentences[g]
            doc = self.scored.documents[sentence.doc_index]
            raw = doc.document.text
            found = []
            for need, ins in self.article(sentence.doc_index).shown_introductions(sentence.index):
                source = doc.sentences[ins.source]
                mention = Mention(
                    document_id=doc.document.id,
                    start=_raw_offset(raw, source, ins.source_start),
                    end=_raw_offset(raw, source, ins.source_end),
                )
                word = self.text(g)[need.start : need.end]
                found.append((Name(word, need.start, need.end), ins.text, mention))
            self._introductions[g] = found
        return self._introductions[g]

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

    def people(self, surname: str) -> list[tuple[int, Sentence, Name]]:
        """Every person with ``surname`` the cluster's sentences name in full, in document
        order: (document index, sentence, name), found once per surname. Only sentences
        that hold the surname are read for names (each name's surname is a part of its
        sentence's text)."""
        if surname not in self._people:
            hits = self._people[surname] = []
            for d, doc in enumerate(self.scored.documents):
                texts = self.article(d).texts
                for s in doc.sentences:
                    text = texts[s.index]
                    if surname not in text:
                        continue
                    for p in full_names(text):
                        if p.text != surname:
                            continue
                        first = text[p.start : p.end].split()[0].lower()
                        opening = not text[: p.start].strip(" \"“‘'([—–-")
                        if opening and first in _NOT_FIRST_NAME:  # "Many Twitter users"
                            continue
                        hits.append((d, s, p))
        return self._people[surname]

    def full_name(self, g: int, surname: str) -> tuple[str, Mention] | None:
        """The full name ``surname`` stands for in sentence ``g`` (:func:`_full_name`)."""
        if not self.people(surname):
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
            author = find_author(self.scored.documents[d]) if self.enabled else None
            self._articles[d] = Article(texts, strict=people is not None, author=author)
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

    def authored(self, g: int) -> bool:
        """Whether ``g``'s unit shows a writer's first-person words with their author
        ("[Jane Doe wrote:] I ..."): quoted words, which do not open a summary while a
        lead that reports fits, and count as quotations."""
        unit = self.of(g)
        return unit is not None and any(i.source == AUTHOR for i in unit.insertions)

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
        raw = doc.document.text
        for ins in unit.insertions:
            target = doc.sentences[ins.at]
            if ins.source == AUTHOR:  # the writer's name: its span in the document already
                start, end = ins.source_start, ins.source_end
            else:
                source = doc.sentences[ins.source]
                start = _raw_offset(raw, source, ins.source_start)
                end = _raw_offset(raw, source, ins.source_end)
            out.setdefault(base + ins.at, []).append(
                Insertion(
                    at=_raw_offset(raw, target, ins.start),
                    end=_raw_offset(raw, target, ins.end),
                    text=f"[{ins.text}]",
                    source=Mention(document_id=doc.document.id, start=start, end=end),
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
