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
