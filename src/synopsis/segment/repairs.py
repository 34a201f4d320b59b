"""Joins of pieces cut where no sentence ends: abbreviations, attributions, quotes, tails."""

from __future__ import annotations

import re

from ..casing import lower_cased
from .glue import _split_glued
from .splitters import _AFTER_TIME, _JOINS, _MAY_END, _OPENING, _wordset

# syntok ends sentences where no sentence ends: before "(" or after ";" ("morning ( dec.
# 19 )"), after a title ("Gov." | "Chris Christie said") and between a month and its day
# ("on Dec." | "26"). Such a piece is joined to the next (a no-op for "rules", which does
# not cut there; a stop before a spaced closing quote, `born. "`, does end a sentence).
_FINAL = re.compile(r"""[.!?…]["'”’)\]]*(?:\s["”’])?$""")
_TAIL = 24  # longer than any ending the next patterns match, plus the character before
_WORD_END = 8  # longer than any abbreviation below with its stop, plus the character before
_ENDS_TITLE = re.compile(
    r"\b(?:mr|mrs|ms|dr|sen|sens|rep|reps|gov|gen|lt|col|sgt|capt|adm|cmdr|maj|prof|rev|st"
    r"|pres|supt|atty|insp|det|cpl|pvt|hon|msgr|fr|sec|secy|amb|treas|lieut)\.$",
    re.IGNORECASE,
)
_ENDS_DAY_ABBREVIATION = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|nos)\.$", re.IGNORECASE
)


def _missplit(chunk: str, a: int, b: int, next_start: int) -> bool:
    """Whether syntok's sentence ``chunk[a:b]`` does not really end before ``next_start``."""
    piece = chunk[max(a, b - _TAIL) : b]  # the patterns look at the end only
    # ... and the abbreviation patterns only at its last _WORD_END characters (a match
    # is an abbreviation and its stop, ending the piece: none starts earlier)
    tail = max(0, len(piece) - _WORD_END)
    if not _FINAL.search(piece) or _ENDS_TITLE.search(piece, tail):
        return True
    return (
        bool(_ENDS_DAY_ABBREVIATION.search(piece, tail))
        and chunk[next_start : next_start + 1].isdigit()
    )


# A quotation that ends in "?" or "!" goes on with its speaker: `"Says who?" Ann Lee
# asked.` is one sentence (a "." would have been a comma), which both splitters end at
# the capitalised name. The speaker is one to four capitalised words and a verb of saying,
# or the verb first ("asked Ann Lee").
_SAYS = (
    "said|says|asked|asks|added|adds|told|tells|wrote|writes|tweeted|shouted|yelled|replied|"
    "replies|explained|continued|recalled|joked|noted|insisted|exclaimed|wondered|cried"
)
_SPEAKER = re.compile(rf"(?:(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{_SAYS})|(?:{_SAYS.title()})\s+[A-Z])\b")


# A quotation's last two characters when it ends in "?" or "!"
_ASKED = frozenset(f"{stop}{mark}" for stop in "?!" for mark in '"”’')


def _attributed(chunk: str, a: int, b: int, next_start: int) -> bool:
    """Whether ``chunk[a:b]``, a quotation closed after "?" or "!", goes on with its
    speaker at ``next_start`` (_SPEAKER)."""
    return (
        b - a > 2
        and chunk[b - 1] in '"”’'
        and chunk[b - 2] in "?!"
        and chunk[a] in '"“‘'
        and _SPEAKER.match(chunk, next_start) is not None
    )


def _join_missplit(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and (
            _missplit(chunk, out[-1][0], out[-1][1], a)
            or (chunk[out[-1][1] - 2 : out[-1][1]] in _ASKED and _attributed(chunk, *out[-1], a))
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _open_quotes(text: str) -> int:
    """Quotations opened and not closed (curly marks), or 1 for an odd count of straight ones."""
    return max(text.count("“") - text.count("”"), 0) or text.count('"') % 2


# A quotation of several sentences is kept as one unit, up to this many sentences: a
# piece of it ("We lost a future athlete.) cannot stand alone in a summary.
MAX_QUOTE_SENTENCES = 4


def _join_open_quotes(chunk: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        a, b = spans[i]
        j = i
        if _open_quotes(chunk[a:b]):
            # Extend to the sentence that closes the quotation, if one does soon enough.
            for k in range(i + 1, min(i + MAX_QUOTE_SENTENCES, len(spans))):
                if not _open_quotes(chunk[a : spans[k][1]]):
                    j = k
                    break
        out.append((a, spans[j][1]))
        i = j + 1
    return out


_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# An attribution that cannot stand alone ("Officials said on Monday.", "Police said."):
# the sentence it attributes is the one before it, cut off at a stop the splitter took
# for a boundary ("... to the u.s. Officials said on monday.", lower-cased copy
# capitalising after every stop). One to three words of subject, a verb of saying, a
# time or "in a statement" at most: a sentence that says anything more stands.
_ATTRIBUTION = re.compile(
    r"(?:[^\W\d_][\w.'’-]*\s+){1,3}(?:said|says|reported|added|confirmed|"
    r"told\s+reporters)(?:\s+(?:on\s+|late\s+|early\s+)?(?:"
    + _WEEKDAYS
    + r"|today|yesterday|tonight|last\s+week|this\s+week|in\s+a\s+statement)){0,2}\s*\.",
    re.IGNORECASE,
)
ATTRIBUTION_MAX_CHARS = 80
# ... of a statement: a question ("Would the city try again? Officials would not say.")
# is not what an attribution after it attributes.
# (a closing quote lost to a bad encoding reads "\ufffd?")
_ENDS_STATEMENT = re.compile(r"""[.,](?:["'”’)\]]|\ufffd\??)*\s*$""")
# Lower-cased copy capitalises the word after every ". ", so after an abbreviation that
# can end a sentence ("inc.", "jr.", "u.s.", "p.m.") a capital says nothing. The piece
# after it goes on the sentence when it opens with a word no sentence opens with: "of"
# before a name ("acme inc. Of portville"; "Of the ten lines ..." opens one), a verb
# ("acme inc. Has been testing", "acme co. Could have"), a noun after an acronym
# with no article (_NAMED_BY), or, after a time, a preposition before no figure or a day
# ("at 6 p.m. On friday", "about 9 p.m. In the yard of the ...").
_NO_OPENER = _wordset(
    "has have had is are was were said says told could would should can will might must 's ’s"
)
_NAMED_BY = _wordset("officials police authorities")
_OF_OPENS = _wordset(
    "the a an this that these those his her its their our my all some many most each both "
    "one two three four five course them us"
)
_AFTER_LOWER_TIME = _wordset("on in at by to until till from local near outside")
# After a place and its state ("a store in portville, okla. On the afternoon of march
# 15th.", "... in madison, wis. To recall the governor."), a short piece with no verb
# is the rest of the sentence: a preposition or "to" opens it, and no auxiliary, verb of
# saying or word in -ed is in it ("... in portville, okla. On monday police arrested two
# men." is two sentences).
_STATES = _wordset(
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa tenn tex vt va wash wis wyo"
)
_DOTTED_STATES = _wordset("n.h n.j n.m n.y n.c n.d r.i s.c s.d w.va d.c")
_FRAGMENT_OPENS = _wordset("on in at to by from near during before after")
_VERBS = _wordset(
    "is are was were be been has have had do does did will would could can should may might "
    "must said says say told tells get got went goes came comes made makes took takes"
)
PLACE_FRAGMENT_MAX_WORDS = 8
_LOWER_WORD = re.compile(r"[\w'’]+")


def _join_tails(chunk: str, spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``spans`` with each piece that cannot stand alone joined to the piece before it:
    an attribution (_ATTRIBUTION), and when the document ``text`` is lower-cased copy
    (casing.lower_cased, asked only there) the rest of a sentence cut after an
    abbreviation (_abbreviation_goes_on)."""
    if len(spans) < 2:
        return spans
    out = spans[:1]
    for a, b in spans[1:]:
        pa, pb = out[-1]
        # (cheap tests first: this runs at every boundary; a dotted abbreviation has a
        # stop two characters before its own, one of _MAY_END a space within five)
        if (
            b - a <= ATTRIBUTION_MAX_CHARS
            and _attribution(chunk, a, b)
            and _ENDS_STATEMENT.search(chunk, pa, pb)
        ):
            out[-1] = (pa, b)
        elif (
            chunk[pb - 3] == "."
            or (
                (k := chunk.rfind(" ", pb - 8, pb - 1)) != -1
                and (chunk[k + 1 : pb - 1] in _MAY_END or chunk[k + 1 : pb - 1] in _STATES)
            )
        ) and (_abbreviation_goes_on(chunk, pa, pb, a, b) and lower_cased(text)):
            # (a stop glued to the next word before the abbreviation, "years.acme bros.",
            # was left whole in a piece too short to cut: the joined sentence is cut there)
            out[-1:] = _split_glued(chunk, pa, b)
        else:
            out.append((a, b))
    return out


def _attribution(chunk: str, a: int, b: int) -> bool:
    """Whether ``chunk[a:b]`` is only an attribution (_ATTRIBUTION)."""
    if chunk[b - 1] != ".":
        return False
    m = _ATTRIBUTION.match(chunk, a, b)
    return m is not None and m.end() == b


def _abbreviation_goes_on(chunk: str, pa: int, pb: int, a: int, b: int) -> bool:
    """Whether the piece ``chunk[a:b]`` of lower-cased copy goes on the sentence
    ``chunk[pa:pb]``, which ends in a lower-case abbreviation (see _NO_OPENER)."""
    words = _LOWER_WORD.findall(chunk, a, min(b, a + 40))
    if not words or chunk[pb - 1] != ".":
        return False
    first = words[0].lower()
    w = pb - 1
    while w > pa and not chunk[w - 1].isspace():
        w -= 1
    word = chunk[w : pb - 1].lstrip(_OPENING)
    if not word.islower():
        return False
    key = word.rstrip(".")
    if key in ("a.m", "p.m"):  # ("... at 2 p.m. By 3 p.m. the quay ..." opens one)
        if first in _AFTER_LOWER_TIME:
            return len(words) < 2 or not words[1][0].isdigit()
        return first in _AFTER_TIME
    if (key in _STATES or key in _DOTTED_STATES) and chunk[w - 2 : w] == ", ":
        return _place_fragment(words, chunk[b - 1])
    if not ("." in key or key in _MAY_END):
        return False
    if first == "of":
        return len(words) > 1 and words[1].lower() not in _OF_OPENS
    if first in _JOINS:  # "acme bros. And its partners agreed" (dotted ones: _continues)
        return True
    if first in _NAMED_BY and "." in key:
        # "handed to u.s. Officials and flown home": a dotted acronym with no article
        # before it names whose officials ("in the u.s. Officials said" may end one)
        before = chunk[max(pa, w - 5) : w].split()
        return not before or before[-1].lower() not in ("the", "a", "an")
    return first in _NO_OPENER and chunk[b - 1] != "?"


def _place_fragment(words: list[str], last: str) -> bool:
    """Whether the piece of ``words`` (ending in ``last``) after a state's abbreviation is
    the rest of its sentence (see _STATES)."""
    if last != "." or not words or len(words) > PLACE_FRAGMENT_MAX_WORDS:
        return False
    low = [w.lower() for w in words]
    if low[0] not in _FRAGMENT_OPENS:
        return False
    return not any(w in _VERBS or (w.endswith("ed") and len(w) > 4) for w in low[1:])
