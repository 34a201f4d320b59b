"""Quotations and their speakers: balance, bare or reported quotes, "he said", leaning quotes."""

from __future__ import annotations

import re

from ..textfacts import Text, found_once, outside_quotes, text_of
from ..wordlists import (
    SAY,
)
from .openers import (
    _CONNECTIVE_OPENER,
    _LEADING,
    _NOT_ANAPHORIC,
    _OPEN,
    _PRONOUN_OPENER,
    Need,
    _opens_clause,
)

_SAY_WORD = re.compile(rf"\b(?:{SAY})\b", re.IGNORECASE)
# The first word of each verb of saying: a pattern that needs one of them cannot match a
# text without it (textfacts.Text.has_word).
_SAY_FIRST = frozenset(w.split()[0] for w in SAY.split("|"))
# A pronoun speaker is "he said" or "said he." (the pronoun ends a clause). One pattern for
# both tried every verb of saying at every position; so "he said" is found from its
# pronoun, and "said he." from a pronoun that ends a clause, checked for a verb of saying
# just before it by matching the reversed text before it (the lookaheads let the matcher
# skip to the next h, s or t).
_PRONOUN_SAYS = re.compile(rf"(?=[hst])\b(?P<p>he|she|they)\s+(?:{SAY})\b", re.IGNORECASE)
_PRONOUN_ENDS = re.compile(r"(?=[hst])\b(?:he|she|they)\b(?=\s*(?:[.,;:!?]|$))", re.IGNORECASE)
_SAYS_REVERSED = re.compile(
    r"\s+(?:" + "|".join(w[::-1] for w in SAY.split("|")) + r")\b", re.IGNORECASE
)
# (The lookahead lets the matcher skip to the next h, s or t.)
_SPEAKER_PRONOUN = re.compile(r"(?=[hst])\b(?:he|she|they)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")


# Inside a quotation, words that lean on what was said before it: "these two countries",
# "the first three", "both of them" (an opening pronoun or connective is found too).
_QUOTE_CONTEXT = re.compile(
    r"\b(?:these|those)\s+(?:two|three|four|five|six|few|several)\b|"
    r"\bthe\s+(?:first|other|last)\s+(?:two|three|four|five|one)\b|"
    r"\b(?:both|neither|either)\s+of\s+(?:them|these|those|us)\b",
    re.IGNORECASE,
)


@found_once
def quote_context(text: str) -> Need | None:
    """A quotation that leans on something the sentence does not give: it opens with a
    pronoun or a connective ("That is why ...", "But we ...", "It was not ..."; not the
    piece that resumes it after its attribution, '..., she said, "and ..."'), or it
    refers back ("these two countries"). Met only by the sentence before it in its
    article; a reader given the quotation alone cannot tell what it answers."""
    resumed = False  # a piece after the sentence's own attribution goes on from its first
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1].lstrip(" .…-–—")
        if not resumed:
            connective = _CONNECTIVE_OPENER.match(inner)
            if connective and _opens_clause(inner, connective.end()):
                return Need("quote-context", m.start(), m.end())
            pronoun = _PRONOUN_OPENER.match(inner)
            if pronoun and not _NOT_ANAPHORIC.match(inner) and not _DUMMY_IT.match(inner):
                return Need("quote-context", m.start(), m.end())
            resumed = _RESUMES.match(text, m.end()) is not None
        if _QUOTE_CONTEXT.search(inner):
            return Need("quote-context", m.start(), m.end())
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    if head[:1] in _OPEN and quote_balance(text)[1]:  # a quotation left open: its first words
        inner = head[1:].lstrip()
        connective = _CONNECTIVE_OPENER.match(inner)
        pronoun = _PRONOUN_OPENER.match(inner)
        if (connective and _opens_clause(inner, connective.end())) or (
            pronoun and not _NOT_ANAPHORIC.match(inner) and not _DUMMY_IT.match(inner)
        ):
            return Need("quote-context", 0, len(text))
    return None


# A quotation split by its attribution ('"We will rebuild," Lee said, "and we will do it
# fast."'): the piece after the attribution goes on from the first one, in the same
# sentence, so an "and" or an "it" opening it leans on nothing outside the sentence.
_RESUMES = re.compile(rf"""[^"“”„«»]{{0,60}}\b(?:{SAY})\b[^"“”„«»]{{0,60}},\s*["“„«]""", re.I)


# "It's time", "It takes", "That's it": an "it"/"that" in a quotation that points at
# nothing before.
_DUMMY_IT = re.compile(
    r"(?:it(?:'s|’s|\s+is|\s+was)\s+(?:time|an?\s+(?:\w+\s+)?(?:day|moment|honou?r|privilege))|"
    r"it\s+(?:takes|took|feels|felt|seems|seemed|looks|looked|depends)|"
    r"that(?:'s|’s|\s+is)\s+(?:it|all|right|true|correct|life))\b",
    re.IGNORECASE,
)


_ANY_QUOTE = re.compile('["“”„«»]')


def quote_balance(text: str) -> tuple[int, int]:
    """Unmatched closing and opening quotation marks of ``text``, in reading order.

    Curly quotes say which they are; a straight one closes when a quotation is open or
    when it follows a word (``act," he said``), else it opens.
    """
    text = text_of(text)
    if "quote_balance" not in text.found:
        text.found["quote_balance"] = _quote_balance(text)
    return text.found["quote_balance"]


def _quote_balance(text: str) -> tuple[int, int]:
    unmatched_close = depth = 0
    for m in _ANY_QUOTE.finditer(text):  # the quotation marks only (most have none)
        k, ch = m.start(), m.group()
        if ch == '"':
            # A straight quote after a word and before a space or the end closes.
            after_word = k > 0 and not text[k - 1].isspace()
            closes = depth > 0 or (after_word and (k + 1 == len(text) or not text[k + 1].isalnum()))
            ch = "”" if closes else "“"
        if ch in "“„«":
            depth += 1
        elif ch in "”»":
            if depth:
                depth -= 1
            else:
                unmatched_close += 1
    return unmatched_close, depth


def is_quoted(text: str) -> bool:
    """A quotation: it opens with a quotation mark or is mostly quoted words."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    if head[:1] in _OPEN:
        return True
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(text))
    return quoted > 0.5 * len(text)


# Words before the first quotation mark that make a sentence a report quoting a phrase
# ("The panel said the plan needs “urgent” work"), not a bare quotation.
REPORT_LEAD_WORDS = 4


def reports_quote(text: str) -> bool:
    """A sentence that opens in the writer's words and quotes only a phrase later on: its
    subject is stated, so it needs no speaker from elsewhere ("The second sample was
    “mostly fat”")."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    first = min((head.find(q) for q in _OPEN if q in head), default=-1)
    if first <= 0:
        return False
    before = head[:first]
    return len(before.split()) >= REPORT_LEAD_WORDS and not before.rstrip().endswith(":")


# At most this many words in a quotation that names something ("“Blood Sport” is ...").
NAMED_QUOTE_WORDS = 5


def names_quoted(text: str) -> bool:
    """A sentence whose subject is a short quoted name (a title, a catchphrase) and whose
    predicate is the writer's ('"Netflix and chill" is a case of ...'): a report, not a
    quotation, so it needs no speaker. Speech is told apart by its punctuation: a quoted
    sentence ends inside its marks ('"We won," ...'), a name does not."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    m = _QUOTED.match(head)
    if m is None:
        return False
    inner = m.group()[1:-1].strip()
    if not inner or len(inner.split()) > NAMED_QUOTE_WORDS or inner[-1] in ",.!?;:…-—":
        return False
    after = head[m.end() :].lstrip()
    return after[:1].islower() and len(outside_quotes(after).split()) >= REPORT_LEAD_WORDS


def speaker_need(text: str) -> Need | None:
    """A quotation or report attributed to a pronoun ("he said", "said she")."""
    text = text_of(text)
    if "speaker_need" not in text.found:
        text.found["speaker_need"] = _speaker_need(text)
    return text.found["speaker_need"]


def _speaker_need(text: Text) -> Need | None:
    if not _SPEAKER_PRONOUN.search(text):  # a cheap test first
        return None
    span = _pronoun_speaker(text.rest)
    return None if span is None else Need("speaker", *span)


def _pronoun_speaker(rest: str) -> tuple[int, int] | None:
    """The pronoun of the first "he said" or "said he." in ``rest``, by where the
    attribution starts (the verb of "said he." comes first)."""
    said = _PRONOUN_SAYS.search(rest)
    for m in _PRONOUN_ENDS.finditer(rest):
        verb = _SAYS_REVERSED.match(rest[: m.start()][::-1])
        if verb is not None:  # the first "said he.": it starts before "he said" or not
            if said is None or m.start() - verb.end() < said.start():
                return m.span()
            break
    return None if said is None else said.span("p")


def _says(text: Text) -> bool:
    """A verb of saying outside the quotations of ``text``."""
    return text.has_word(_SAY_FIRST) and bool(_SAY_WORD.search(text.rest))
