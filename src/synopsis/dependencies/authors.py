"""Who wrote a document, so that the writer's own first-person words can be shown with
their author.

A column, a post or an appeal is written in the first person ("I decided to ...", "We
want to thank ..."). Lifted into a summary of other people's articles such a sentence is
a quotation with no speaker (:func:`synopsis.dependencies.first_person`), so it is refused
unless the cluster tells who wrote it. Where it does, the newsroom convention shows it
with an editorial insertion before the first sentence of the run, ``[Jane Doe wrote:]``,
taken from where the document names its writer (:mod:`synopsis.dependencies.units`).

Where a document names its writer (:func:`find_author`, the first that applies):

* ``metadata``: ``Document.meta["author"]``, given with the input. It has no place in the
  text, so its insertion's ``from`` is the empty span ``start == end == 0`` of that
  document (a reader of the JSON told "from: document 3, 0-0" looks at its metadata).
* ``byline``: the byline cleaning kept (``CleanDocument.meta["byline"]``, a "By Jane Doe"
  line or a bare name line in the header), the name's span inside the line cleaning took
  out (its removal, reason ``byline``).
* ``posted by``: "posted at 4:17 pm on May 3 by jdoe" or "posted by: jdoe" in the
  document's first characters, outside quotation marks (a blog's header left in the
  text): a time or a date, or a colon, makes it a header, since "a video posted by
  police" or "a study published by researchers" names no writer. Only at the head: at the
  foot "posted by" credits a reader's comment.
* ``my name is``: the writer introduces themself in the first sentences, outside
  quotation marks ("My name is Jane and I am the cousin of ..."), an appeal's opening.
* ``credit``: a closing credit line naming a person, "© Jane Doe, founder of ...". A
  rights notice with a year or "by" ("© 2016 by Acme Books") names a rights holder, not
  the writer, and does not count.

Left unfound (no general rule: benchmarks/readability.md): a company or an agency that
says "we" in its own statement, a study's "we found", a transcript's speaker labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import SegmentedDocument
from ..stopwords import ENGLISH_STOP_WORDS
from ..textfacts import outside_quotes


@dataclass(frozen=True)
class Author:
    """A document's writer: ``name`` as the document writes it, at ``[start, end)`` of its
    raw text (``start == end == 0`` for metadata, which has no place in the text), and
    ``how`` it was found (see the module docstring)."""

    name: str
    start: int
    end: int
    how: str


# How far into a document a blog's "posted ... by" header, or a writer's introduction,
# may stand (and within its first half); how far from its end a closing credit.
HEAD_CHARS = 400
TAIL_CHARS = 250
# At most this many words in a name taken from running text (a first and a last name,
# and a middle one).
NAME_WORDS = 3
# Words that stand after "posted by" but name nobody.
_NOBODY = frozenset(
    ["admin", "administrator", "staff", "editor", "editors", "guest", "anonymous", "user"]
)

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A cased name in a byline: capitalised words and initials, with particles ("Ann de
# Vries"), up to the first comma, bullet, bar, dash, bracket or date.
_CASED_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*\.?|de|van|von|da|del|der|al|bin|le|la)"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*\.?|de|van|von|da|del|der|al|bin|le|la)){0,3}"
)
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_POSTED_BY = re.compile(
    r"\bposted\b(?:[^.!?|•\d]{0,30}\d[^.!?|•]{0,50}?\s+by|\s+by:)\s+", re.IGNORECASE
)
_MY_NAME = re.compile(r"\bmy\s+name\s+is\s+", re.IGNORECASE)
_CREDIT = re.compile(r"©[ \t]*(?=[A-Z])")
_AND = re.compile(r"[ \t]+and[ \t]+")


def find_author(doc: SegmentedDocument) -> Author | None:
    """The writer of ``doc``, when the document says who it is (see the module
    docstring), else None."""
    meta = doc.document.meta.get("author") if doc.document.meta else None
    if isinstance(meta, str) and meta.split():
        return Author(" ".join(meta.split()), 0, 0, "metadata")
    text = doc.document.text
    found = _from_byline(doc)
    if found is None:
        # (a short page's foot is no head; a quotation's "my name is" is its speaker's)
        head = outside_quotes(text[: min(HEAD_CHARS, len(text) // 2)])
        for how, pattern in (("posted by", _POSTED_BY), ("my name is", _MY_NAME)):
            m = pattern.search(head)
            if m is not None and (found := _running_name(text, m.end(), how)) is not None:
                break
    if found is None:
        tail = len(text) - TAIL_CHARS
        m = _CREDIT.search(text, max(0, tail))
        if m is not None:
            found = _cased_name(text, m.end(), "credit")
    return found


def _from_byline(doc: SegmentedDocument) -> Author | None:
    """The name in the byline line cleaning took out of the header."""
    if "byline" not in doc.clean.meta:
        return None
    text = doc.document.text
    for removal in doc.clean.removals:
        if removal.reason != "byline":
            continue
        line = text[removal.start : removal.end]
        by = _BY.match(line)
        at = by.end() if by else len(line) - len(line.lstrip())
        return _cased_name(text, removal.start + at, "byline")
    return None


def _cased_name(text: str, at: int, how: str) -> Author | None:
    """A capitalised name starting at ``at`` (a byline, a credit): at least two words, and
    two names joined by "and" taken together ("Ann Lee and Tom Webb")."""
    m = _CASED_NAME.match(text, at)
    if m is None or len(m.group().split()) < 2:
        return None
    end = m.end()
    more = _AND.match(text, end)
    if more is not None:
        other = _CASED_NAME.match(text, more.end())
        if other is not None and len(other.group().split()) >= 2:
            end = other.end()
    name = text[at:end].rstrip(".")
    return Author(" ".join(name.split()), at, at + len(name), how)


def _running_name(text: str, at: int, how: str) -> Author | None:
    """A name in running text (lower-cased copy writes it so): one to ``NAME_WORDS``
    words from ``at``, up to the first function word or punctuation ("jdoe in case ...",
    "jane and i am ...")."""
    words = []
    pos = at
    for m in _WORD.finditer(text, at):
        gap = text[pos : m.start()]
        if gap.strip() or "\n" in gap or len(words) == NAME_WORDS:
            break  # punctuation between: the name ended
        word = m.group().rstrip(".’'")
        if word.lower() in ENGLISH_STOP_WORDS or word.lower() in _NOBODY:
            break
        words.append((m.start(), m.start() + len(word)))
        pos = m.end()
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    return Author(" ".join(text[start:end].split()), start, end, how)
