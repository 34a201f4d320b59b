"""The Need record and the pronoun and connective openers that needs and quotations both read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..wordlists import (
    CONNECTIVES,
    PRONOUNS,
)

_PRONOUN_OPENER = re.compile(rf"(?:{PRONOUNS})\b(?!-)", re.IGNORECASE)
# "This week", "That night", "It is unclear whether": time phrases and dummy "it" do not
# point back.
_NOT_ANAPHORIC = re.compile(
    r"(?:this|that|these)\s+(?:week|weekend|year|month|morning|afternoon|evening|night|"
    r"time|summer|winter|spring|fall|autumn|season|past|coming|is\s+(?:the\s+)?(?:first|"
    r"latest))\b|it(?:'s|’s|\s+(?:is|was|has been|will be|would be|remains|remained))\s+"
    r"(?:not\s+)?(?:unclear|clear|likely|unlikely|possible|impossible|expected|"
    r"believed|thought|estimated|understood|feared|hoped|rare|common|hard|difficult|"
    r"easy|important|too|time|the\s+first|the\s+latest|the\s+second|the\s+third|"
    r"the\s+largest|the\s+biggest|the\s+worst)\b|that\s+(?:is|was)\s+according\b",
    re.IGNORECASE,
)
_CONNECTIVE_OPENER = re.compile(rf"(?:{CONNECTIVES})\b(?!-)\s*,?", re.IGNORECASE)

_OPEN = '"“„«'
_CLOSE = '"”»'
_LEADING = re.compile(r"""[\s\-–—'‘’(\[]*""")


@dataclass(frozen=True)
class Need:
    """What one sentence needs: ``kind`` (see the module docstring), and the character
    range ``[start, end)`` of the words that need it, relative to the sentence text."""

    kind: str
    start: int = 0
    end: int = 0

    @property
    def before(self) -> bool:
        """Met by the sentence before it in its article (or an insertion)."""
        return self.kind in {"pronoun", "connective", "continued-quote", "speaker", "definite"}

    @property
    def after(self) -> bool:
        """Met by the sentence after it in its article."""
        return self.kind in {"open-quote", "speakerless"}


def _opens_clause(head: str, end: int) -> bool:
    """A connective opens a clause only when words follow it ("So far" is no "So")."""
    rest = head[end:].lstrip()
    if not rest:
        return False
    word = head[:end].strip(" ,").lower()
    return not (word == "so" and re.match(r"(?:far|much|many|long|called)\b", rest, re.I))


# A connective set off by commas just after a sentence's opening words ("Syria, however,
# is ...", "The council, meanwhile, ...", "Webb, too, ...", "Some towns, for example,
# ..."): it leans on the sentence before just as an opening "However," does, and is the
# same need (``connective``, range the connective's words). Only after a short opening
# phrase (at most ``SUBJECT_MAX_WORDS`` words, with no comma, quotation mark or
# bracket in it) and only with a clause after it; a connective further in is the
# sentence's own business ("The mayor of the city and the council, however, ..." is
# left alone: a long opening carries its own context more often than not).
SUBJECT_MAX_WORDS = 4
_AFTER_SUBJECT = (
    "however|though|meanwhile|in turn|too|for example|for instance|by contrast|"
    "in contrast|on the other hand|for (?:his|her|its|their) part|nonetheless|"
    "nevertheless|likewise|similarly|instead|moreover|in addition|as a result|therefore|"
    "thus"
)
_CONNECTIVE_AFTER_SUBJECT = re.compile(
    rf"(?:[^\s,;:\"“”‘’()\[\]]+\s+){{0,{SUBJECT_MAX_WORDS - 1}}}[^\s,;:\"“”‘’()\[\]]+"
    rf",\s*(?P<c>(?:{_AFTER_SUBJECT}))\s*,\s*(?=\w)",
    re.IGNORECASE,
)


def connective_after_subject(head: str) -> tuple[int, int] | None:
    """Where the connective after ``head``'s opening words is ("however" in "Syria,
    however, is ..."), or None when there is none (see :data:`SUBJECT_MAX_WORDS`)."""
    m = _CONNECTIVE_AFTER_SUBJECT.match(head)
    return (m.start("c"), m.end("c")) if m else None
