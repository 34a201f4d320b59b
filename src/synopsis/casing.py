"""People in lower-cased copy: the capitals of their names put back, from the cluster's
own evidence, so that the dependency rules can find them.

Some copy is lower-cased throughout except at sentence starts ("rep. Anthony weiner
... weiner said"). The rules of :mod:`synopsis.dependencies` know a person by the
capitals of a full name, so in such copy no "he" can be bracketed, no "he said" gets its
speaker and no surname is introduced. :func:`restore_names` gives the rules a view of the
sentences in which a person's name is capitalised (same length, same offsets: only the
case of a name's first letters changes); what the reader sees is still the article's
own text.

A person is a common given name (:data:`synopsis.wordlists.FIRST_NAMES`) followed by a
surname, where the cluster also uses that surname in a speaker's slot ("weiner said",
"said weiner", "weiner, 46,") or after a title ("rep. weiner"): one mention of a given
name before a word is no evidence ("mary went"). A surname that two people of the
cluster share is left alone (no guess which of them a "he" is), and so is any word that
is a common English word or names an institution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .stopwords import ENGLISH_STOP_WORDS
from .wordlists import FIRST_NAMES, NOT_A_NAME, NOT_NAME_START, NOT_SURNAME, SAY, TITLES

# Copy is lower-cased when almost no word inside a sentence is capitalised (cased news
# copy has one in eight or so: names, places, titles). Judged on the first characters.
LOWER_CASED_MAX_SHARE = 0.02
LOWER_CASED_MIN_WORDS = 20
LOWER_CASED_SAMPLE = 3000

_INNER_WORD = re.compile(r"(?<=[\w,;)] )[^\W\d_]")
_TITLE_WORDS = frozenset(t.lower() for t in TITLES.split("|"))
_SAY_WORDS = frozenset(w for phrase in SAY.split("|") for w in phrase.split())
# Words that are never a surname: function words, verbs of saying, titles, institutions.
_NOT_SURNAME = (
    ENGLISH_STOP_WORDS | NOT_SURNAME | NOT_A_NAME | NOT_NAME_START | _TITLE_WORDS | _SAY_WORDS
)
_SURNAME = re.compile(r"[a-z][a-z'’-]*[a-z]")
_WORDS = re.compile(r"[a-z][a-z'’-]*|[.,\"“”]|\d+")
_SAY_ALT = SAY.lower()
_TITLE_ALT = TITLES.lower()


def lower_cased(text: str) -> bool:
    """Whether ``text`` (a document) is lower-cased copy: under
    ``LOWER_CASED_MAX_SHARE`` of its words inside sentences start with a capital."""
    sample = text[:LOWER_CASED_SAMPLE]
    inner = _INNER_WORD.findall(sample)
    if len(inner) < LOWER_CASED_MIN_WORDS:
        return False
    return sum(ch.isupper() for ch in inner) <= LOWER_CASED_MAX_SHARE * len(inner)


@dataclass(frozen=True)
class People:
    """The people found in a cluster's lower-cased copy: surname -> given name."""

    given: dict[str, str]

    def first_name(self, word: str) -> bool:
        """Whether ``word`` is the given name of a person found."""
        return word.lower() in self.given.values()


def find_people(texts: Sequence[str]) -> People:
    """The people the lower-cased ``texts`` (sentences of a cluster) name: a given name
    and a surname that the cluster also puts in a speaker's slot or after a title."""
    pairs: dict[str, set[str]] = {}
    slotted: set[str] = set()
    for text in texts:
        low = text.lower()
        tokens = _WORDS.findall(low)
        for k, word in enumerate(tokens):
            if word in FIRST_NAMES and k + 1 < len(tokens):
                surname = _surname(tokens[k + 1])
                if surname is not None:
                    pairs.setdefault(surname, set()).add(word)
        if pairs:
            slotted.update(_slotted(low))
    given = {}
    for surname, names in pairs.items():
        if surname in slotted and len(names) == 1 and surname not in FIRST_NAMES:
            given[surname] = next(iter(names))
    return People(given)


def _surname(token: str) -> str | None:
    for end in ("'s", "’s"):
        token = token.removesuffix(end)
    if not _SURNAME.fullmatch(token) or token in _NOT_SURNAME:
        return None
    return token


def _slotted(low: str) -> set[str]:
    """Words of ``low`` in a speaker's slot, after a title or before an age."""
    found = set()
    for pattern in _SLOTS:
        for m in pattern.finditer(low):
            found.add(m.group("w"))
    return found


_W = r"(?P<w>[a-z][a-z'’-]*[a-z])"
_SLOTS = (
    re.compile(rf"\b{_W}(?:'s)?\s*(?:,[^,\"“”]{{0,30}},)?\s+(?:{_SAY_ALT})\b"),
    re.compile(rf"\b(?:{_SAY_ALT})\s+(?:(?:{_TITLE_ALT})\.?\s+)?(?:[a-z]+\s+)?{_W}\b"),
    re.compile(rf"\b(?:{_TITLE_ALT})\.?\s+(?:[a-z]+\s+)?{_W}\b"),
    re.compile(rf"\b{_W},\s*\d{{1,3}},"),
)


def restore_names(text: str, people: People) -> str:
    """``text`` with the names of ``people`` capitalised: each surname, the given name
    before it and a title before either ("rep. anthony weiner" -> "rep. Anthony Weiner",
    "mr. weiner" -> "Mr. Weiner"). Same length as ``text``."""
    if not people.given:
        return text
    chars = list(text)
    low = text.lower()
    for m in re.finditer(r"[a-z][a-z'’-]*[a-z]", low):
        word = m.group()
        surname = word.removesuffix("'s").removesuffix("’s")
        if surname not in people.given:
            continue
        chars[m.start()] = chars[m.start()].upper()
        start = m.start()
        before = low[:start].rstrip()
        given = people.given[surname]
        if before.endswith(given) and re.search(rf"(?<![\w'’-]){given}$", before):
            start = len(before) - len(given)
            chars[start] = chars[start].upper()
            before = low[:start].rstrip()
        title = re.search(rf"(?<![\w'’-])(?:{_TITLE_ALT})\.?$", before)
        if title is not None:
            chars[title.start()] = chars[title.start()].upper()
    return "".join(chars)
