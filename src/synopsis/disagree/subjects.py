"""Whose figure is it: the subject a counted quantity or a date is attached to.

A round-up gives many figures of one counted noun: two players' rebounds, two laptop
models' ports, two nights' arrests. Two sources' "12 rebounds" and "9 rebounds" disagree
only if they are the same player's. The subject of a claim is read from its clause, in
this order: the possessor right before the figure ("the conference's 24 nations"), the
nearest name before it in its clause ("James had 12 rebounds"), or a name right after
its noun ("12 rebounds for James", "26 nations gathered at Lake Ohrid"). A subject is
written as the last word of the name, lowercased ("james"), so "LeBron James" and
"James" agree.

The rule built on it (:func:`subject_allows`) abstains rather than guesses: two claims
with different subjects are never linked, and when a source gives a counted noun at two
values (so it counts more than one thing), claims of that noun are linked only when both
have a subject and it is the same one.
"""

from __future__ import annotations

import re

from ..stopwords import ENGLISH_STOP_WORDS
from .dates import MONTHS, WEEKDAYS

# A name: capitalized words, "of" allowed inside ("Secretary of State John Kerry").
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w'’.-]*)*")
_POSSESSOR = re.compile(r"([A-Za-z][\w.-]*)(?:'s|’s|s'|s’)\s+$")
# A clause ends at punctuation or at an opening or closing quotation mark.
_CLAUSE_BREAK = re.compile(r"[;:,()\[\]\"“”—–]|\s-\s")
_BEFORE_WORDS = 8  # how far back a name may stand and still be the clause's subject
_AFTER_WORDS = 4  # how far after the counted noun a name may start
_NOT_NAMES = (
    ENGLISH_STOP_WORDS
    | set(WEEKDAYS)
    | {m for m in MONTHS}
    | {
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "mr", "mrs", "ms", "dr",
    }
)  # fmt: skip


def _name_key(name: str) -> str | None:
    """The last word of a name, lowercased, without a possessive; None for no name."""
    words = [w.strip(".'’").lower() for w in name.split() if w.lower() not in ("of", "de", "van")]
    words = [re.sub(r"(?:'s|’s)$", "", w) for w in words if w]
    words = [w for w in words if w and w not in _NOT_NAMES]
    return words[-1] if words else None


def _names(text: str, sentence_start: bool) -> list[tuple[int, int, str]]:
    """Names in ``text`` as (start, end, key); a one-word name opening a sentence is left
    out ("Diplomats from 26 nations"): capitals there say nothing."""
    out = []
    for m in _NAME.finditer(text):
        name = m.group(0)
        if sentence_start and not text[: m.start()].strip() and " " not in name.strip():
            continue
        key = _name_key(name)
        if key is not None:
            out.append((m.start(), m.end(), key))
    return out


def _possessor(head: str) -> re.Match[str] | None:
    """``_POSSESSOR.search(head)``, searched from the head's last word on: the pattern
    holds no space before its final one, so no match starts earlier (and trying it at
    every word of a long head cost half of :func:`claim_subject`)."""
    kept = head.rstrip()
    last = kept.rsplit(None, 1)[-1] if kept else ""
    return _POSSESSOR.search(head, len(kept) - len(last))


def claim_subject(sentence: str, start: int, end: int) -> str | None:
    """The subject of the claim at ``sentence[start:end]`` (offsets inside the sentence)."""
    head = sentence[:start]
    possessor = _possessor(head)
    if possessor and possessor.group(1).lower() not in ENGLISH_STOP_WORDS:
        return possessor.group(1).lower().rstrip(".")
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause_start = breaks[-1].end() if breaks else 0
    clause = head[clause_start:]
    names = _names(clause, sentence_start=clause_start == 0)
    if names:
        n_start, _, key = names[-1]
        if len(clause[n_start:].split()) <= _BEFORE_WORDS + 1:
            return key
    tail = sentence[end:]
    stop = _CLAUSE_BREAK.search(tail)
    tail = tail[: stop.start()] if stop else tail
    for n_start, _, key in _names(tail, sentence_start=False):
        if len(tail[:n_start].split()) <= _AFTER_WORDS:
            return key
        break
    return None


def subject_allows(
    subject_a: str | None, subject_b: str | None, ambiguous: bool, same_predicate: bool = False
) -> bool:
    """May two claims of one counted noun (or one kind of date) be about one thing?

    Different subjects never; when the noun is ``ambiguous`` (a source counts it at two
    values), only the same established subject, or, when neither names a subject, the same
    predicate word next to both figures (``same_predicate``: "12 people were injured" /
    "18 people had been injured"; "five people were killed" / "killing four people")."""
    if subject_a is not None and subject_b is not None and subject_a != subject_b:
        return False
    if ambiguous:
        if subject_a is not None and subject_a == subject_b:
            return True
        return same_predicate and subject_a is None and subject_b is None
    return True


def predicate_stem(word: str) -> str:
    """'killing', 'killed', 'kills' -> 'kill': enough to match a verb across tenses."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
