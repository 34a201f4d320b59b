"""What sentences claim: counted numbers, dates, capitalised names and direct quotes.

The extractors behind :mod:`synopsis.disagree`. Each works on a raw slice of a document
and returns offsets into the raw text, so every claim can be shown where it was made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .model import ScoredCluster

# ---------------------------------------------------------------- numbers

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
_QUALIFIERS = sorted(_APPROX | _LOWER_BOUND | _UPPER_BOUND, key=len, reverse=True)
_NUMBER = re.compile(
    r"(?<![\w$.,])(?:(?P<qual>" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(_WORD_NUMBERS) + r")"
    r"(?:\s+(?P<mult>" + "|".join(_MULTIPLIERS) + r"))?"
    r"(?P<rest>(?:\s+[a-z][a-z-]*){1,2})",
    re.IGNORECASE,
)
# One counted thing, several words: nations and countries are counted the same way.
_SYNONYMS = {
    "nation": "country", "people": "person", "persons": "person", "children": "child",
    "men": "man", "women": "woman", "dead": "death", "troop": "soldier", "cent": "percent",
}  # fmt: skip
# Spans of time are left out: "two years ago" and "three years ago" rarely name one fact.
_NOT_COUNTED = {
    # units measure something the noun does not name ("15 miles north of Gaza")
    "percent", "mile", "kilometer", "kilometre", "km", "foot", "feet", "meter", "metre",
    "inch", "pound", "kilogram", "kg", "ton", "tonne", "degree", "acre", "gallon", "liter",
    "litre", "dollar", "euro",
    "year", "month", "week", "day", "hour", "minute", "second", "time", "of", "and", "or",
    "to", "in", "on", "at", "for", "from", "by", "with", "the", "a", "an", "p.m", "a.m",
    "pm", "am", "is", "are", "was", "were", "percentage", "point", "per",
}  # fmt: skip


# "another 3,000 jobs", "six other vehicles": a part of a count, not the count.
_PARTIAL_BEFORE = re.compile(r"\b(?:another|additional|further|extra)\s+$", re.I)
_PARTIAL_AFTER = re.compile(r"^\s+(?:other|more|additional|further|extra|new)\b", re.I)
_DETERMINER = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all)\s+$", re.I)


@dataclass(frozen=True)
class Claim:
    """One extracted fact in one sentence: what it is about (``key``) and its value."""

    key: str  # e.g. "number:country", "date:weekday"
    value: str  # display form
    compare: object  # what compatibility is decided on
    sentence: int  # index into ScoredCluster.sentences
    start: int
    end: int


def singular(word: str) -> str:
    word = word.lower()
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return _SYNONYMS.get(word, word)


def number_claims(raw: str, offset: int, index: int) -> list[Claim]:
    out = []
    for m in _NUMBER.finditer(raw):
        num = m.group("num").lower()
        if num in _WORD_NUMBERS and _DETERMINER.search(raw[: m.start()]):
            continue  # "the two nations" names known parties, it does not count them
        if _PARTIAL_BEFORE.search(raw[: m.start()]) or _PARTIAL_AFTER.match(
            raw[m.end("mult") if m.group("mult") else m.end("num") :]
        ):
            continue
        value = _WORD_NUMBERS.get(num)
        if value is None:
            value = float(num.replace(",", ""))
        if m.group("mult"):
            value *= _MULTIPLIERS[m.group("mult").lower()]
        noun = None
        noun_end = 0
        for w in re.finditer(r"\S+", m.group("rest")):
            lw = w.group(0).lower()
            if lw in ("percent", "per"):
                noun, noun_end = "percent", w.end()
                break
            if lw.endswith("s") or lw in _SYNONYMS:
                noun, noun_end = lw, w.end()
                break
        if noun is None or (value >= 1900 and value <= 2100 and "." not in num):
            continue
        if singular(noun) in _NOT_COUNTED or singular(noun) in ENGLISH_STOP_WORDS:
            continue
        qual = " ".join((m.group("qual") or "").lower().split())
        end = m.start("rest") + noun_end
        shown = " ".join(x for x in (qual, m.group("num"), m.group("mult") or "") if x)
        out.append(
            Claim(
                key="number:" + singular(noun),
                value=shown,
                compare=(qual, value),
                sentence=index,
                start=offset + m.start(),
                end=offset + end,
            )
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


# ---------------------------------------------------------------- dates

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DATE = re.compile(
    r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b"
    r"|\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<ampm>[ap])\.?m\b\.?",
)


def date_claims(raw: str, offset: int, index: int) -> list[Claim]:
    out = []
    for m in _DATE.finditer(raw):
        if m.group("weekday"):
            key, compare = "date:weekday", m.group("weekday").lower()
        elif m.group("month"):
            if m.group("month") == "May" and not raw[m.end("month") : m.end("month") + 1].isspace():
                continue
            key = "date:day"
            compare = (_MONTHS[m.group("month").lower()], int(m.group("day")))
        else:
            key = "date:time"
            hour = int(m.group("hour")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            compare = (hour, int(m.group("minute") or 0))
        value = " ".join(m.group(0).rstrip(".").split())
        out.append(Claim(key, value, compare, index, offset + m.start(), offset + m.end()))
    return out


# ---------------------------------------------------------------- names

CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?\b")
_MONTH_NAMES = ("january", "february", "march", "april", "june", "july", "august", "september",
                "october", "november", "december")  # fmt: skip
NOT_NAMES = {w.capitalize() for w in (*_WEEKDAYS, *_MONTHS, *_MONTH_NAMES)}


def word_tokens(raw: str) -> list[str]:
    return re.findall(r"[\w'’.-]+", raw)


# ---------------------------------------------------------------- quotes

_QUOTE = re.compile(r"“([^”\n]{20,600})”|\"([^\"\n]{20,600})\"")
_QUOTE_SENTENCE = re.compile(r"\S.*?(?:[.!?]+(?=\s+[A-Z“\"])|$)", re.S)
_SPEECH = r"(?:said|says|told|added|wrote|declared|stated|insisted|warned|explained)"
_NAME = r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*)"
_AFTER = re.compile(
    r"^[\s,]*(?:"
    + _NAME
    + r"\s+"
    + _SPEECH
    + r"|"
    + _SPEECH
    + r"\s+"
    + _NAME.replace("name", "name2")
    + r")"
)
_BEFORE = re.compile(_NAME + r"\s+" + _SPEECH + r"[^\"“”]{0,40}[:,]\s*$")
_SAID = re.compile(_NAME + r"\s+" + _SPEECH + r"\b")
STEM_STOP = ENGLISH_STOP_WORDS | {"said", "says", "just", "going", "like", "know", "think"}


def quote_stems(text: str) -> set[str]:
    """Crude stems of a quote's common words; names ("North Korea") say nothing of wording."""
    words = re.findall(r"\b[a-z]+\b", text.replace("-", ""))
    return {w[:5] for w in words if len(w) > 2 and w not in STEM_STOP}


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    document: int
    start: int
    end: int


def find_quotes(scored: ScoredCluster) -> list[Quote]:
    """Direct quotes with a named speaker; "he said" falls back to the last named speaker."""
    out = []
    for d, seg in enumerate(scored.documents):
        raw = seg.document.text
        last: str | None = None
        for para in seg.paragraphs:
            text = raw[para.start : para.end]
            for m in _QUOTE.finditer(text):
                speaker = None
                after = _AFTER.match(text[m.end() : m.end() + 80])
                before = _BEFORE.search(text[max(0, m.start() - 80) : m.start()])
                for found in (after, before):
                    name = found and (found.group("name") or found.groupdict().get("name2"))
                    if name and name.split()[-1] not in ("He", "She", "They"):
                        speaker = name.split()[-1]
                        break
                if speaker is None:
                    for said in _SAID.finditer(text[: m.start()]):
                        last = said.group("name").split()[-1]
                    speaker = last
                if speaker and speaker not in ("He", "She", "They", "It", "I", "We"):
                    last = speaker
                    body = m.group(1) or m.group(2)
                    base = para.start + m.start() + 1
                    # Each sentence of a quote is compared on its own: one article may quote
                    # two sentences where another quotes one.
                    for piece in _QUOTE_SENTENCE.finditer(body):
                        if len(piece.group(0).split()) >= 5:
                            out.append(
                                Quote(
                                    speaker,
                                    piece.group(0),
                                    d,
                                    base + piece.start(),
                                    base + piece.end(),
                                )
                            )
            for said in _SAID.finditer(text):
                if said.group("name").split()[-1] not in ("He", "She", "They", "It"):
                    last = said.group("name").split()[-1]
    return out


def content_words(text: str) -> list[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "").replace("'s", ""))
    return [w for w in words if len(w) > 2 and w not in STEM_STOP]


def compatible(key: str, a: object, b: object, max_ratio: float) -> bool:
    if key.startswith("number:"):
        return numbers_compatible(a, b, max_ratio)  # type: ignore[arg-type]
    return a == b
