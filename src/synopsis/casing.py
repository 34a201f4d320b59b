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
LOWER_CASED_SAMPLE = 1500

_INNER_LOWER = re.compile(r"[a-z,;] [a-z]")
_INNER_UPPER = re.compile(r"[a-z,;] [A-Z]")
_TITLE_WORDS = frozenset(t.lower() for t in TITLES.split("|"))
_SAY_WORDS = frozenset(w for phrase in SAY.split("|") for w in phrase.split())
# Words that are never a surname: function words, verbs of saying, titles, institutions.
_NOT_SURNAME = (
    ENGLISH_STOP_WORDS | NOT_SURNAME | NOT_A_NAME | NOT_NAME_START | _TITLE_WORDS | _SAY_WORDS
)
_SURNAME = re.compile(r"[a-z][a-z'’-]*[a-z]")
# Words (a possessive's "'s" apart) and the punctuation marks between them.
_TOKENS = re.compile(r"[a-z'’-]+|[^\sa-z'’-]")
_SAY_ALT = SAY.lower()
_SAYS_AFTER = re.compile(rf" (?:{_SAY_ALT})\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{_SAY_ALT}) (?:[a-z.]+ ){{0,2}}$")
_WORD_CHAR = re.compile(r"[\w'’-]")
_AGE = re.compile(r", \d{1,3},")
_TRIGGERS = FIRST_NAMES | _TITLE_WORDS
# A word after a title that is a verb or an adverb, not a name ("judge ruled").
_VERB_FORM = re.compile(r"(?:ed|ing|ly)$")
_TITLE_BEFORE = re.compile(rf"(?<![\w'’-])(?:{TITLES.lower()})\.?$")


def lower_cased(text: str) -> bool:
    """Whether ``text`` (a document) is lower-cased copy: under
    ``LOWER_CASED_MAX_SHARE`` of its words inside sentences start with a capital."""
    sample = text[:LOWER_CASED_SAMPLE]
    upper = len(_INNER_UPPER.findall(sample))
    inner = upper + len(_INNER_LOWER.findall(sample))
    return inner >= LOWER_CASED_MIN_WORDS and upper <= LOWER_CASED_MAX_SHARE * inner


@dataclass(frozen=True)
class People:
    """The people found in a cluster's lower-cased copy: surname -> given name."""

    given: dict[str, str]

    def first_name(self, word: str) -> bool:
        """Whether ``word`` is the given name of a person found."""
        return word.lower() in self.given.values()


def find_people(texts: Sequence[str]) -> People:
    """The people the lower-cased ``texts`` (sentences of a cluster) name: a given name
    and a surname that the cluster also puts in a speaker's slot or after a title; or,
    after a title, a name the given-name list does not know ("president hamid karzai")
    or a surname alone ("president obama") that the cluster cites as a speaker."""
    pairs: dict[str, set[str]] = {}  # surname -> given names before it
    titled: dict[str, set[str]] = {}  # surname -> unknown given names ("" for none)
    slotted: set[str] = set()  # words in a speaker's slot, after a title, before an age
    spoken: set[str] = set()  # words in a speaker's slot
    low = "\n".join(texts).lower()
    tokens = _TOKENS.findall(low)  # words, and the punctuation between them
    present = _TRIGGERS.intersection(tokens)
    # only the words after a given name or a title are looked at
    hits = [k for k, w in enumerate(tokens) if w in present] if present else []
    n = len(tokens)
    for k in hits:
        word = tokens[k]
        if k + 1 == n:
            break
        if word in FIRST_NAMES:
            surname = _surname(tokens[k + 1])
            if surname is not None:
                pairs.setdefault(surname, set()).add(word)
            continue
        j = k + 2 if tokens[k + 1] == "." else k + 1  # "rep. weiner"
        first = _surname(tokens[j]) if j < n else None
        if first in FIRST_NAMES and j + 1 < n:  # "dr. robert baker"
            slotted.add(tokens[j + 1])
        if first is None or first in FIRST_NAMES or _VERB_FORM.search(first):
            continue
        slotted.add(first)
        second = _surname(tokens[j + 1]) if j + 1 < n else None
        if second is not None and not _VERB_FORM.search(second):
            titled.setdefault(second, set()).add(first)
            slotted.add(second)
        else:
            titled.setdefault(first, set()).add("")
    for m in _AGE.finditer(low):  # "weiner, 46,"
        before = low[max(0, m.start() - 30) : m.start()].split()
        if before:
            slotted.add(before[-1])
    candidates = {*pairs, *titled}
    if candidates:  # which of them the cluster cites as a speaker
        spoken = _spoken(low, candidates)
    slotted |= spoken
    given = {}
    for surname, names in pairs.items():
        if surname in slotted and len(names) == 1 and surname not in FIRST_NAMES:
            given[surname] = next(iter(names))
    for surname, names in titled.items():
        # (a name no list knows: it must also open a sentence somewhere, as a name does
        # and "executive" in "chief executive" seldom does)
        capitalised = any(surname.capitalize() in text for text in texts)
        if surname in spoken and capitalised and surname not in pairs and len(names) == 1:
            given[surname] = next(iter(names))
    return People(given)


def _spoken(low: str, candidates: set[str]) -> set[str]:
    """The ``candidates`` that ``low`` puts in a speaker's slot: "weiner said", "said
    weiner.", "said sen. weiner,", "said chris napolitano," ("weiner's office said" is
    no slot of his)."""
    found = set()
    for name in candidates:
        at = low.find(name)
        while at >= 0:
            end = at + len(name)
            if _whole_word(low, at, end) and (
                _SAYS_AFTER.match(low, end)
                or (
                    end < len(low)
                    and low[end] in ",."
                    and _SAYS_BEFORE.search(low[max(0, at - 40) : at])
                )
            ):
                found.add(name)
                break
            at = low.find(name, end)
    return found


def _whole_word(low: str, at: int, end: int) -> bool:
    """Whether ``low[at:end]`` is a word of its own: no word character touches it."""
    return (at == 0 or not _WORD_CHAR.match(low, at - 1)) and not _WORD_CHAR.match(low, end)


def _surname(token: str) -> str | None:
    for end in ("'s", "’s"):
        token = token.removesuffix(end)
    if token in _NOT_SURNAME or not _SURNAME.fullmatch(token):
        return None
    return token


def restore_names(text: str, people: People) -> str:
    """``text`` with the names of ``people`` capitalised: each surname, the given name
    before it and a title before either ("rep. anthony weiner" -> "rep. Anthony Weiner",
    "mr. weiner" -> "Mr. Weiner"). Same length as ``text``. (Plain string search, no
    pattern made per cluster: compiling one cost more than the search.)"""
    low = text.lower()
    found = [surname for surname in people.given if surname in low]
    if not found:
        return text
    chars = list(text)
    for surname in found:
        at = low.find(surname)
        while at >= 0:
            end = at + len(surname)
            tail = end + 2 if low.startswith(("'s", "’s"), end) else end
            if _whole_word(low, at, tail):
                _capitalise(chars, low, at, people.given[surname])
            at = low.find(surname, end)
    return "".join(chars)


def _capitalise(chars: list[str], low: str, at: int, given: str) -> None:
    """Capitalise the surname at ``at``, the given name just before it and a title."""
    chars[at] = chars[at].upper()
    before = low[:at].rstrip()
    start = len(before) - len(given)
    if given and before.endswith(given) and (start == 0 or not _WORD_CHAR.match(before, start - 1)):
        chars[start] = chars[start].upper()
        before = before[:start].rstrip()
    title = _TITLE_BEFORE.search(before[-20:])
    if title is not None:
        k = len(before) - len(before[-20:]) + title.start()
        chars[k] = chars[k].upper()
