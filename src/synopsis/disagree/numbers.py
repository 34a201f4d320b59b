"""Counted quantities: "26 nations", "more than 20 countries", "about 1,500 people"."""

from __future__ import annotations

import re

from ..stopwords import ENGLISH_STOP_WORDS
from .claims import IRREGULAR, Quantity, singular, words_back

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_APPROX = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "close to"}
_LOWER_BOUND = {"more than", "over", "at least", "upwards of"}
_UPPER_BOUND = {"less than", "fewer than", "under", "up to", "as many as", "at most"}
NUMBER_WORDS = frozenset(_WORD_NUMBERS) | frozenset(_MULTIPLIERS)  # no context of their own
_QUALIFIERS = sorted(_APPROX | _LOWER_BOUND | _UPPER_BOUND, key=len, reverse=True)
NUMBER_BODY = (
    r"(?<![\w$.,])(?:(?P<qual>" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\s+)?"
    r"(?:a\s+(?=dozen))?"  # "over a dozen"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_WORD_NUMBERS) + r")"
    r"(?:\s+(?P<mult>" + "|".join(_MULTIPLIERS) + r"))?"
    r"(?P<rest>(?:\s+[a-z][a-z-]*){1,2})"
)
# A match starts with a qualifier, "a" (dozen) or the figure: their first characters,
# tested first at each position, fail most positions at once instead of every alternative.
NUMBER_STARTS = (
    r"(?=\d|[" + "".join(sorted({w[0] for w in (*_QUALIFIERS, "a", *_WORD_NUMBERS)})) + "])"
)
_NUMBER = re.compile(NUMBER_STARTS + NUMBER_BODY, re.IGNORECASE)
# Spans of time are left out: "two years ago" and "three years ago" rarely name one fact.
_NOT_COUNTED = {
    # units measure something the noun does not name ("15 miles north of Gaza")
    "percent", "mile", "kilometer", "kilometre", "km", "foot", "feet", "meter", "metre",
    "inch", "pound", "kilogram", "kg", "ton", "tonne", "degree", "acre", "gallon", "liter",
    "litre", "dollar", "euro",
    "year", "month", "week", "day", "hour", "minute", "second", "time", "decade", "century",
    "of", "and", "or",
    "to", "in", "on", "at", "for", "from", "by", "with", "the", "a", "an", "p.m", "a.m",
    "pm", "am", "is", "are", "was", "were", "percentage", "point", "per",
}  # fmt: skip


# "another 3,000 jobs", "six other vehicles": a part of a count, not the count.
_PARTIAL_BEFORE = re.compile(r"\b(?:another|additional|further|extra)\s+$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s+(?:other|more|additional|further|extra|new)\b", re.I)
COMPOUND_BODY = r"(?<![\w$.,-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)-(?P<noun>[a-z]{3,})\b(?!-)"
_COMPOUND = re.compile(r"(?=\d)" + COMPOUND_BODY, re.IGNORECASE)  # a digit first, as above
_WORD_TAIL = re.compile(r"[a-z]-$|\b(?:one|hundred|thousand|million)\s+(?:and\s+)?$", re.I)
_NOT_A_COUNT_BEFORE = re.compile(r"[A-Za-z]-$|\d,\s$")
_RANGE_BEFORE = re.compile(r"\d\s*(?:[-–]|to|and)\s*$|\bbetween\s+$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:[-–]|to\b|and\b)\s*\d")
# "passengers and crew", "soldiers and civilians": a count of two nouns together.
_UNION_AFTER = re.compile(
    r"\s+(?:and|or|&)\s+(?:crew|staff|personnel|(?!was\b|has\b|is\b|as\b|its\b|this\b)[a-z]{3,}s)\b",
    re.I,
)
_DETERMINER = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all)\s+$", re.I)
_HALF = re.compile(r"half[- ](?:a[- ])?$", re.I)
# The patterns above that end with "$" are searched in the text before a figure: a match
# of any is at most two words (runs of non-space) and the spaces after them.
ENDING_BEFORE = (
    _PARTIAL_BEFORE,
    _WORD_TAIL,
    _NOT_A_COUNT_BEFORE,
    _RANGE_BEFORE,
    _DETERMINER,
    _HALF,
)


# The time a figure holds for: "as of Monday", "through July", "by Tuesday night", "so far".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
# ... or the period it covers: "over two days", "in the past 24 hours", "since the strikes
# began", "over four nights": two counts over different periods are an update, not a clash.
_SPAN = r"(?:\w+|\d+)\s+(?:hours?|days?|nights?|weeks?|months?)"
AS_OF_BODY = (
    rf"\b(?:(?:as of|through|thru|by|until|since|on|in|at)\s+(?:{_MONTH}|{_DAY}|\d{{4}})"
    rf"|(?:over|in|during|within)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?{_SPAN}"
    rf"|since\s+(?:the\s+)?\w+(?:\s+\w+)?\s+(?:began|started|erupted)"
    rf"|{_DAY}|(?:last|this) (?:week|month|year)|so far|to date|yesterday|today|tonight)\b"
)
AS_OF_STARTS = r"(?=[abdfilmostuwy])"  # the first letters of the phrases' first words
_AS_OF = re.compile(AS_OF_STARTS + AS_OF_BODY, re.IGNORECASE)


def as_of(raw: str, lower: str | None = None) -> str | None:
    """The time a sentence's figures hold for, lowercased, or None when it names none.
    ``lower``: the sentence lowercased, when :func:`folds_alike` holds (a faster search)."""
    m = _AS_OF.search(raw) if lower is None else _LOWER_AS_OF.search(lower)
    return " ".join(raw[m.start() : m.end()].lower().split()) if m else None


# Every figure has a digit or a number word: a sentence with neither (most of them) skips
# the costly patterns. Nothing else is skipped.
#
# Case folding costs: ``_NUMBER`` and ``_AS_OF`` fold case (re.IGNORECASE). The text
# lowercased and searched by the same pattern without folding (about half the cost)
# finds exactly the same matches at the same offsets when every character lowercases to
# one character and the text has no "ı" or "ſ": those are the only two characters that
# Python's folding matches to an ASCII letter other than their lowercase, and lowercasing
# changes no character's ``\w``, ``\d`` or ``\s`` class (both checked over all of Unicode
# in tests/test_claims.py). Other text is searched by the folding pattern itself, and
# every value is read from the raw text by the match's offsets.
_ANY_FIGURE = re.compile(r"\d|" + "|".join(_WORD_NUMBERS), re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LOWER_NUMBER_WORD = re.compile("|".join(_WORD_NUMBERS))
# The number words none of which holds another ("seventeen" holds "seven"): a text holds
# a number word exactly when it holds one of these, and a few ``in`` tests cost less than
# the alternation's try at every position (0.27 -> 0.18 ms per full-text cluster).
NUMBER_WORD_NEEDLES = tuple(
    w for w in _WORD_NUMBERS if not any(o != w and o in w for o in _WORD_NUMBERS)
)
_LOWER_NUMBER = re.compile(NUMBER_STARTS + NUMBER_BODY)
_LOWER_AS_OF = re.compile(AS_OF_STARTS + AS_OF_BODY)
FOLDS_TO_OTHER_LETTER = ("ı", "ſ")
_FOLD_A, _FOLD_B = FOLDS_TO_OTHER_LETTER  # two "in" tests, cheaper than any() over them
_GROUPS = ("num", "mult", "rest", "qual")
_NON_SPACE = re.compile(r"\S+")


def folds_alike(raw: str, lower: str) -> bool:
    """Searching ``lower`` without case folding finds what folding finds in ``raw``."""
    return len(lower) == len(raw) and _FOLD_A not in raw and _FOLD_B not in raw


def _may_have_figure(raw: str, lower: str | None = None) -> bool:
    if _DIGIT.search(raw) is not None:
        return True
    lower = raw.lower() if lower is None else lower
    if not folds_alike(raw, lower):
        return _ANY_FIGURE.search(raw) is not None
    for word in NUMBER_WORD_NEEDLES:  # noqa: SIM110 (any() over a generator costs more)
        if word in lower:  # what _LOWER_NUMBER_WORD.search(lower) finds, or not
            return True
    return False


def number_matches(raw: str, lower: str | None = None) -> tuple[list[re.Match[str]], str | None]:
    """``_NUMBER``'s matches in ``raw`` (read their text from ``raw`` by offsets: they may
    be matches in the lowercased text) and the lowercased text when it was searched."""
    lower = raw.lower() if lower is None else lower
    if folds_alike(raw, lower):
        return list(_LOWER_NUMBER.finditer(lower)), lower
    return list(_NUMBER.finditer(raw)), None


def _figure_value(written: str, num: str) -> float:
    """The value of a figure as written (``num``: its lower case): digits, or a number
    word, matched by case folding where lower() does not reach it ("ſix", "nıne")."""
    value = _WORD_NUMBERS.get(num)
    if value is not None:
        return value
    if written[:1].isdecimal():  # \d is a decimal digit: float() reads every one
        return float(num.replace(",", ""))
    return next(v for w, v in _WORD_NUMBERS.items() if re.fullmatch(w, written, re.IGNORECASE))


def number_claims(raw: str, offset: int, index: int) -> list[Quantity]:
    """Counted quantities of one sentence; numbers in words count ("eight people")."""
    out: list[Quantity] = []
    lower = raw.lower()
    if not _may_have_figure(raw, lower):
        return out
    when: str | None = None  # the sentence's time, looked up for its first figure only
    looked = False
    matches, searched = number_matches(raw, lower)
    for m in matches:
        # the groups' text from the raw text ("" for a group that took no part)
        written, mult, rest, qual = (raw[m.start(g) : m.end(g)] for g in _GROUPS)
        num = written.lower()
        # Every test below only rejects, so their order changes no claim: the figure's
        # value and counted noun (plain Python) first, the patterns around it after,
        # for the figures left (most matches count no noun: "two of", "10 a.m.").
        value = _figure_value(written, num)
        if mult:
            value *= _MULTIPLIERS[mult.lower()]
        noun = None
        noun_end = 0
        skipped: list[str] = []
        for w in _NON_SPACE.finditer(rest):
            lw = w.group(0).lower()
            if lw in ("percent", "per"):
                noun, noun_end = "percent", w.end()
                break
            if lw.endswith("ous"):  # "four previous complaints": an adjective, not the noun
                skipped.append(w.group(0))
                continue
            if lw.endswith("s") or lw in IRREGULAR:
                noun, noun_end = lw, w.end()
                break
            skipped.append(w.group(0))
        if noun is None or (value >= 1900 and value <= 2100 and "." not in num):
            continue
        if singular(noun) in _NOT_COUNTED or singular(noun) in ENGLISH_STOP_WORDS:
            continue
        # the patterns that end at the figure span at most the two words before it: they
        # are searched from there, not tried at every word of the sentence before it
        back = words_back(raw, m.start())
        if num in _WORD_NUMBERS and _DETERMINER.search(raw, back, m.start()):
            continue  # "the two nations" names known parties, it does not count them
        if num == "dozen" and re.match(r"s\b|\s+of\b", raw[m.end("num") :], re.I):
            continue  # "dozens of warships", "dozen of warships": no value
        if num == "dozen" and _HALF.search(raw, back, m.start()):
            continue  # "a half-dozen riddles" is six, not a dozen; left out rather than guessed
        if num in _WORD_NUMBERS and _WORD_TAIL.search(raw, back, m.start()):
            continue  # the tail of "seventy-three" or "one hundred and three": not this value
        if _NOT_A_COUNT_BEFORE.search(raw, back, m.start()):
            continue  # "AK-47 rifles": a model's name; "4, 051 yards": the tail of 4,051
        if _RANGE_BEFORE.search(raw, back, m.start()) or _RANGE_AFTER.match(raw, m.end("num")):
            continue  # "70-100 mph", "6 to 10 inches": a range is no single figure
        if _PARTIAL_BEFORE.search(raw, back, m.start()) or _PARTIAL_AFTER.match(
            raw[m.end("mult") if mult else m.end("num") :]
        ):
            continue
        if _UNION_AFTER.match(raw, m.start("rest") + noun_end):
            continue  # "2,000 passengers and crew": one figure for two nouns
        qual = " ".join(qual.lower().split())
        end = m.start("rest") + noun_end
        shown = " ".join(x for x in (qual, written, mult) if x)
        if not looked:
            when, looked = as_of(raw, searched), True
        out.append(
            Quantity(
                noun=singular(noun),
                value=float(value),
                modifier=qual,
                as_of=when,
                shown=shown,
                sentence=index,
                start=offset + m.start(),
                end=offset + end,
                kind_of=" ".join(skipped),
            )
        )
    if _DIGIT.search(raw) is None:
        return out  # a compound figure ("211-game") is written in digits
    for m in _COMPOUND.finditer(raw):  # "a 211-game suspension" counts games too
        noun = singular(m.group("noun"))
        if noun in _NOT_COUNTED or noun in ENGLISH_STOP_WORDS:
            continue
        if not looked:
            when, looked = as_of(raw, searched), True
        num = m.group("num")
        value = _WORD_NUMBERS.get(num.lower())
        value = float(value) if value is not None else float(num.replace(",", ""))
        out.append(
            Quantity(noun, value, "", when, num, index, offset + m.start(), offset + m.end())
        )
    return out


def numbers_compatible(a: tuple[str, float], b: tuple[str, float], max_ratio: float) -> bool:
    (qa, va), (qb, vb) = a, b
    if va == vb:
        return True
    # Figures more than ``max_ratio`` times apart count different things ("17 rockets since
    # midnight", "2,600 rockets in three weeks"); a disputed count is rarely so far off.
    if min(va, vb) <= 0 or max(va, vb) / min(va, vb) > max_ratio:
        return True
    for (q, v), (q2, v2) in (((qa, va), (qb, vb)), ((qb, vb), (qa, va))):
        if q in _LOWER_BOUND and (v2 > v or q2 in _LOWER_BOUND):
            return True
        if q in _UPPER_BOUND and (v2 < v or q2 in _UPPER_BOUND):
            return True
        if q in _APPROX and abs(v - v2) <= 0.1 * max(v, v2):
            return True
        # "1,500" is often a rounding of "1,520": thousands rounded to their last zeros.
        if not q and v >= 1000 and abs(v - v2) <= 0.05 * v and v % 100 == 0:
            return True
    return False
