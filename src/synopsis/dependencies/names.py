"""Persons a sentence names, and the one it attributes its words to, for who "he" may be."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..stopwords import ENGLISH_STOP_WORDS
from ..textfacts import Text, found_once, text_of
from ..wordlists import (
    FIRST_NAMES,
    NOT_A_NAME,
    NOT_NAME_START,
    NOT_SURNAME,
    SAY,
    TITLES,
)
from .openers import Need
from .quotes import _SAY_FIRST, _SAY_WORD

# One word of a name: a capital, then lower case ("Webb", "al-Ansi's"), or a surname
# prefix with a capital inside ("McKee", "MacLeod", "DeVine", "DiMaggio", "LaGuardia",
# "LeBlanc", "VanDyke", "O'Brien"; given names too: "DeAndre", "LaToya"). Only these
# prefixes and a lower-case rest after the inner capital, so that brand words stay out
# ("PageRank", "YouTube", "iPhone", "LaTeX"). A company with a prefix's shape
# ("McDonald's", "McKinsey") is then read as any one-word company name ("Google") is:
# cited alone it waits only where its article introduced it after a role word, and
# :mod:`synopsis.select` shows that introduction. Product names with the shape
# (:data:`_PRODUCTS`, "MacBook") are no name.
NAME_WORD = r"(?:(?:Mc|Mac|De|Di|Da|La|Le|Van)(?=[A-Z][a-z])|O['’](?=[A-Z][a-z]))?[A-Z][a-z'’-]+"
_PRODUCTS = frozenset(["macbook", "macbooks"])
# (Every name, and every title, starts with a capital: the lookahead lets the matcher
# skip to the next one instead of trying the titles at every position.)
_PERSON = re.compile(
    rf"(?=[A-Z])(?:(?:{TITLES})\.?\s+)?"
    rf"((?:{NAME_WORD}|[A-Z]\.)(?:\s+(?:{NAME_WORD}|[A-Z]\.|de|van|von|al|bin))*"
    rf"\s+{NAME_WORD})(?![A-Za-z])"
)


@dataclass(frozen=True)
class Name:
    """A person named in a sentence: ``text`` (the surname) found at ``[start, end)`` of
    that sentence's text."""

    text: str
    start: int
    end: int


def _persons(text: str) -> list[Name]:
    text = text_of(text)
    if "persons" not in text.found:
        text.found["persons"] = tuple(_find_persons(text))
    return list(text.found["persons"])


def _find_persons(text: Text) -> list[Name]:
    rest = text.rest
    out = []
    for m in _PERSON.finditer(rest):
        parts = m.group(1).split()
        surname = parts[-1].rstrip("'’")
        if surname.endswith(("'s", "’s")) or surname.lower() in NOT_SURNAME | _PRODUCTS:
            continue
        if m.start(1) == 0 and parts[0].lower() in NOT_NAME_START:
            continue
        start = m.start(1)
        # "Getty Images Harbour", "Lake County Deputy Ann Cole": a person's name
        # starts after the last word that names an institution or a place.
        cut = max((k for k, w in enumerate(parts) if w.lower() in NOT_SURNAME), default=-1)
        if cut >= 0:
            if len(parts) - cut - 1 < 2:
                continue
            start += list(re.finditer(r"\S+", m.group(1)))[cut + 1].start()
        out.append(Name(surname, start, m.end(1)))
    return out


def full_names(text: str) -> list[Name]:
    """The people ``text`` names with a first name and a surname (outside quotations):
    ``Name.text`` is the surname, ``[start, end)`` the whole name."""
    return _persons(text)


_PLACE_PREPOSITIONS = frozenset(
    [
        *("in", "at", "on", "from", "to", "of", "for", "by", "near", "into", "across"),
        *("outside", "inside", "around", "through", "toward", "towards", "via", "between"),
        *("against", "about", "throughout", "within", "across", "off", "over", "under"),
    ]
)
# A run of capitalised words (with name particles): a lone word is one run of one word,
# once a sentence-opening "When", "The", "In" before it is set aside.
_CAPITALISED_RUN = re.compile(
    r"(?=[A-Z])[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|al|bin)\b))*"
)
_TOKEN = re.compile(r"\S+")
_LONE_WORD = re.compile(NAME_WORD + r"(?=\.?$)")  # the whole word ("PageRank" is none)
_OPENS_CLAUSE = (",", ";", ":", "(", "—", "–", "-")
# Words after which a capitalised word is a clause's subject, and words that may follow a
# subject (a verb, an auxiliary, an adverb before one).
_BEFORE_SUBJECT = frozenset(
    [
        *("when", "that", "if", "how", "as", "and", "but", "while", "because", "after"),
        *("before", "since", "until", "where", "why", "whom", "whether", "then", "so"),
        *("though", "although", "also", "according", "once", "unless", "said", "says"),
    ]
)
_VERB_LIKE = re.compile(
    r"(?:[a-z]+(?:ed|s)|and|or|has|had|was|is|will|would|could|can|may|might|must|should|did|"
    r"does|do|also|then|never|still|later|now|first|allegedly|reportedly|recently|only|"
    r"just|told|said|say|thinks|went|got|began|took|gave|made|came|saw|knew|felt|left|"
    r"won|lost|ran|sat|stood|spent|found|put|kept|held|led|met|paid|sent|wrote|spoke|"
    r"drove|fell|grew|flew|threw|broke|chose|hid|shot|bit|fled)\b"
)


def cited_surnames(text: str) -> list[Name]:
    """Capitalised words ``text`` uses alone, outside quotations, as a surname may be
    ("Webb said", "Webb's report", "Altahan reacted"): not part of a longer capitalised
    run ("Ann Webb", "President Webb", "Webb County"), nor a place after a preposition
    ("in Nevada"). Whether one is a person's surname is for the caller to find (an
    earlier full name with it); possessives give the bare word."""
    return list(_cited(text))


@found_once
def _cited(text: str) -> tuple[Name, ...]:
    # (asked of each sentence by select's full names and by unintroduced: found once)
    rest = text_of(text).rest
    out = []
    for run in _CAPITALISED_RUN.finditer(rest):
        group = run.group()
        if len(group) < 2:
            continue
        if " " in group:
            parts = [(m.start(), m.group()) for m in _TOKEN.finditer(group)]
        else:
            parts = [(0, group)]
        prev = None  # the word before the lone word, if any
        while len(parts) > 1 and parts[0][1].lower() in NOT_NAME_START:
            prev = parts.pop(0)[1]
        if len(parts) != 1:
            continue
        offset, token = parts[0]
        m = _LONE_WORD.match(token)
        if m is None:
            continue
        start = run.start() + offset
        if prev is None:
            before = rest[max(0, start - 30) : start].rstrip()
            if before and not before.endswith(_OPENS_CLAUSE):
                prev = before.split()[-1]
        # "according to Webb" cites a source, as "said Webb" does
        according = prev == "to" and rest[max(0, start - 30) : start].lower().rstrip().endswith(
            "according to"
        )
        if prev is not None and prev.lower() in _PLACE_PREPOSITIONS and not according:
            continue  # "in Nevada"
        word = m.group().rstrip("'’")
        possessive = word.endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        # a person is cited as a subject ("Webb said", "when Webb arrived", "said Webb"),
        # not as a modifier ("the Webb report", "a component Battalion")
        if (
            prev is not None
            and not according
            and prev.lower() not in _BEFORE_SUBJECT
            and not _SAY_WORD.fullmatch(prev)
        ):
            continue
        after = rest[start + len(m.group()) : start + len(m.group()) + 30].split()
        following = after[0] if after else ""
        if not possessive and following[:1].isalpha() and not _VERB_LIKE.match(following):
            continue
        low = word.lower()
        if len(word) > 1 and low not in NOT_SURNAME and low not in NOT_A_NAME | _PRODUCTS:
            out.append(Name(word, start, start + len(word)))
    return tuple(out)


def attributed_name(text: str) -> Name | None:
    """The person ``text`` attributes something to by name ("..., Kerry said", "said Lt.
    Todd Joyce", "Kerry told reporters"), the last one when there are several."""
    text = text_of(text)
    if "attributed_name" not in text.found:
        # every way of attributing needs a verb of saying: a cheap test first
        found = _attributed_name(text) if text.has_word(_SAY_FIRST) else None
        text.found["attributed_name"] = found
    return text.found["attributed_name"]


def _attributed_name(text: Text) -> Name | None:
    rest = text.rest
    for name in reversed(_persons(text)):
        after = rest[name.end : name.end + 40]
        before = rest[max(0, name.start - 40) : name.start]
        if _SAYS_AFTER.match(after) or _SAYS_BEFORE.search(before):
            return name
    found = None
    for m in _SURNAME_SAYS.finditer(rest):
        word = m.group("a") or m.group("b")
        if word.lower() not in NOT_SURNAME and word.lower() not in NOT_A_NAME:
            start = m.start("a") if m.group("a") else m.start("b")
            found = Name(word, start, start + len(word))
    return found


def speaker_name(text: str) -> Name | None:
    """The person ``text`` attributes something to by name, else its only named person;
    None if neither."""
    name = attributed_name(text)
    if name is not None:
        return name
    persons = _persons(text)
    surnames = {p.text for p in persons}
    return persons[-1] if len(surnames) == 1 else None


# A verb of saying just after a name ("Kerry, 71, said", "Ann Ford of the Alliance party
# said": a body after "of" is where the person is from, not who speaks) or just before
# it ("said Lt.").
_SAYS_AFTER = re.compile(
    rf"\s*(?:,[^,]{{0,30}},)?\s*(?:of\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){{1,4}}(?:party\s+)?)?"
    rf"(?:{SAY})\b"
)
_SAYS_BEFORE = re.compile(rf"\b(?:{SAY})\s*(?:(?:{TITLES})\.?\s+)?$")
# A lone capitalised word next to a verb of saying ("Kerry said", "said Psaki").
_SURNAME_SAYS = re.compile(
    rf"\b(?P<a>{NAME_WORD})\s+(?:{SAY})\b|\b(?:{SAY})\s+(?P<b>{NAME_WORD})\b"
)


# A later reference without its first one: "Webb said" where the article introduced Webb
# sentences before ("harbour police spokesman Tom Webb", "Sgt. Webb", a full name the
# copy's lower case hides). A writer cites a surname alone only once the reader has met
# it; lifted out of its article, the sentence names someone the summary never
# introduced. Where the article gives the full name, :mod:`synopsis.select` shows it
# ("[Tom] Webb"); this is for the rest. A name the article first cites alone (a company,
# someone famous: "Google said") was not introduced there either, and needs nothing.
SURNAME = True  # a module switch, for the ablation (benchmarks/readability.py)


def unintroduced(
    texts: Sequence[str],
    i: int,
    lower: bool = False,
    named_before: Callable[[str, int], bool] | None = None,
    introduced_before: Callable[[str, int], bool] | None = None,
) -> list[Need]:
    """Names sentence ``i`` of an article (``texts``) cites alone (:func:`cited_surnames`)
    that a sentence before ``i`` introduced (kind ``surname``, range the name: met by a
    sentence read before it that mentions the name). A speaker the article gave with a
    full name before ("Ann Webb ...", then "Webb said") is left to :mod:`synopsis.select`,
    which shows the full name ("[Ann] Webb said") for speakers. An introduction is the
    name after a word that says who or what it is: a role, a given name or a title
    ("spokesman Webb", "Sgt. Webb", "nasr al-ansi"), not after punctuation or a function
    word ("On Monday, Google said"). In lower-cased copy (``lower``: only people
    :mod:`synopsis.casing` found are capitalised) only a name in a speaker's slot ("Ansi
    said") counts as cited. ``named_before`` and ``introduced_before`` (word, ``i``)
    answer for the article when the caller keeps them (:class:`~.units.Article`)."""
    if not SURNAME:
        return []
    text = texts[i]
    cited = cited_surnames(text)
    if not cited:
        return []
    full = {p.text for p in _persons(text)}
    said = attributed_name(text)
    speaker = said.text if said is not None else None
    out = []
    for name in cited:
        word = name.text
        if word in full or word.lower() in NOT_CITED:
            continue
        if lower and speaker != word:
            continue
        if speaker == word and (
            named_before(word, i)
            if named_before is not None
            else any(word == p.text for j in range(i) for p in _persons(texts[j]))
        ):
            continue  # a speaker given in full before: select shows the full name
        if (
            introduced_before(word, i)
            if introduced_before is not None
            else any(introduces_name(texts[j], word, lower) for j in range(i))
        ):
            out.append(Need("surname", name.start, name.end))
    return out


_WORD_BEFORE = re.compile(r"([\w'’.]+)(-|\s+)$")


def introduces_name(text: str, word: str, lower: bool) -> bool:
    """``text`` introduces ``word`` (see :func:`unintroduced`): after a word that is no
    function word or verb of saying, or joined to a particle by a hyphen ("al-Ansi")."""
    if not (text.may((word.lower(),)) if isinstance(text, Text) else word.lower() in text.lower()):
        return False  # (a cheap test first: most sentences do not mention it)
    flags = re.IGNORECASE if lower else 0
    for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?!\w)", text, flags):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None:
            continue
        prev = before.group(1).lower().strip(".'’")
        joined = before.group(2) == "-"
        if joined or (prev and prev not in ENGLISH_STOP_WORDS and prev not in _SAYS):
            return True
    return False


# What a summary shows of an introduction, bracketed in for the surname alone (select's
# ``_introduce``: "Webb said" -> "[spokesman Tom Webb] said"): the words just before the
# name that say who it is: a capitalised lead, a title, a given name, a word such as
# "Hurricane" ("Dr. Ann Stover", "Sgt. Webb", "Hurricane Gloria"), at most
# ``INTRO_LEAD`` words of it kept (a run can carry a place and a body: "Modoc County
# Deputy Ann Webb" shows "Deputy Ann Webb"); and a single lower-case role word before
# it or before the name ("spokesman Tom Webb", "spokesman Webb", :func:`_role`), never a
# verb ("visited Jacob" introduces nobody a reader can be shown) nor a word that only
# describes ("young Jacob").
INTRO_LEAD = 2
_LEAD_WORD = re.compile(NAME_WORD + r"|[A-Z]\.|(?:" + TITLES + r")\.?")
_TITLE = re.compile(r"(?:" + TITLES + r")\.?")
_ROLE = re.compile(r"[a-z][a-z-]{2,}")
# A role word: an agent noun's ending ("spokesman", "officer", "actress", "analyst",
# "resident", "sergeant") or a role that has none. (A word list, not a tagger: the word
# before a name after a verb is a verb as often, "visited Jacob", "woke Jacob".)
_ROLE_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "ian", "ant", "ent", "ee", "ess")
_ROLES = frozenset(
    [
        *("chief", "coach", "judge", "head", "boss", "star", "mayor", "captain", "deputy"),
        *("agent", "attorney", "nurse", "doctor", "mother", "father", "son", "daughter"),
        *("wife", "husband", "brother", "sister", "friend", "aunt", "uncle", "cousin"),
        *("hurricane", "storm", "typhoon", "cyclone", "pastor", "priest", "bishop", "pope"),
        *("guard", "chef", "host", "pilot", "cop", "sheriff", "marshal", "colonel", "major"),
        *("corporal", "poet", "model", "expert", "veteran", "graduate", "victim", "suspect"),
        *("plaintiff", "teen", "boy", "girl", "baby", "child", "kid", "rookie", "champion"),
        *("senator", "rep", "sen", "gov", "official", "executive", "detective", "counsel"),
        *("secretary", "general", "principal", "representative", "spokesperson", "aide"),
    ]
)
_NOT_ROLE = frozenset(
    [
        *("never", "ever", "later", "rather", "either", "whether", "together", "however"),
        *("further", "former", "remember", "consider", "offer", "order", "enter", "answer"),
        *("deliver", "cover", "meant", "want", "see", "agree", "free", "three", "per"),
    ]
)


def _role(word: str) -> bool:
    """``word`` says what a person (or a storm) is: "spokesman", "sergeant", "hurricane"."""
    if not _ROLE.fullmatch(word) or word in _NOT_ROLE:
        return False
    return word in _ROLES or word.endswith(_ROLE_ENDINGS)


def introduction(text: str, word: str, lower: bool) -> tuple[int, int] | None:
    """Where ``text`` introduces ``word`` (:func:`introduces_name`) with words a summary
    can show with the name: ``[start, end)`` of the role, title or given name and the
    name ("spokesman Tom Webb", "Sgt. Webb"), or None (joined by a hyphen, "al-Ansi",
    or after a verb: nothing to show)."""
    if not (text.may((word.lower(),)) if isinstance(text, Text) else word.lower() in text.lower()):
        return None
    flags = re.IGNORECASE if lower else 0
    for m in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?!\w)", text, flags):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None or before.group(2) == "-":
            continue
        prev = before.group(1).lower().strip(".'’")
        if not prev or prev in ENGLISH_STOP_WORDS or prev in _SAYS:
            continue  # no introduction here (introduces_name)
        start = _lead(text, m.start())
        if start is not None:  # with the role before it, if any: "spokesman Tom Webb"
            role = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
            if role is not None and _role(role.group(1)):
                start -= len(role.group())
            return start, m.end()
        if _role(before.group(1)):
            return before.start(1), m.end()
    return None


def _lead(text: str, at: int) -> int | None:
    """Where the capitalised lead of the name at ``at`` starts (see
    :data:`INTRO_LEAD`), or None when there is none a reader would take for a title, a
    given name or a kind ("Monday Webb", "County Webb")."""
    words = []  # (start, word), nearest first
    pos = at
    while len(words) < INTRO_LEAD:
        m = re.search(r"(\S+)\s+$", text[max(0, pos - 30) : pos])
        if m is None:
            break
        token = m.group(1)
        start = pos - len(m.group())
        if not _LEAD_WORD.fullmatch(token):
            break
        low = token.lower().strip(".")
        if low in NOT_SURNAME or low in NOT_A_NAME or low in NOT_NAME_START:
            break
        if low in ENGLISH_STOP_WORDS and not _TITLE.fullmatch(token):
            break
        words.append((start, token))
        pos = start
    while words:  # the sentence's first word is capitalised anyway: a title or a given name
        start, token = words[-1]
        if text[:start].strip(" \"“‘'([—–-") or _TITLE.fullmatch(token):
            break
        if token.lower() in FIRST_NAMES:
            break
        words.pop()
    return words[-1][0] if words else None


_SAYS = frozenset(w for phrase in SAY.split("|") for w in phrase.split())
# Words cited alone that are no name: function words and titles ("President has ...").
NOT_CITED = ENGLISH_STOP_WORDS | frozenset(t.lower() for t in TITLES.split("|"))
