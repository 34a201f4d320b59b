"""Days, dates and clock times of events."""

from __future__ import annotations

import re

from .claims import When, words_back

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# What an alternative can start with, tested first at each position (as the alternatives
# themselves would: the weekdays in any case, the months capitalised, the hour a digit):
# most positions fail this one test instead of all three alternatives (2.4x faster).
DATE_STARTS = r"(?=[JFMASOND]|\d|(?i:[mtwfs]))"
_WEEKDAY_BODY = r"\b(?P<weekday>(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
_DAY_OR_TIME_BODY = (
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b"
    # "4:20 a.m.", "11.32am", and "6 : 00 p.m." in re-tokenized copies; never the minutes
    # alone ("32am")
    r"|(?<![:.\d])(?<![:.] )\b(?P<hour>\d{1,2})(?:\s?[:.]\s?(?P<minute>\d\d))?"
    r"\s*(?P<ampm>[ap])\.?m\b\.?"
)
DATE_BODY = _WEEKDAY_BODY + "|" + _DAY_OR_TIME_BODY
_DATE = re.compile(DATE_STARTS + f"(?:{DATE_BODY})")
# ``_DATE`` without its weekday alternative, for a sentence without "day" (where that
# alternative cannot match, below): the same matches, and a lowercase letter fails the
# first test instead of starting a weekday's.
_DATE_NO_WEEKDAY = re.compile(r"(?=[JFMASOND]|\d)(?:" + _DAY_OR_TIME_BODY + r"|(?P<weekday>(?!)))")


_AS_OF_BEFORE = re.compile(r"\b(?:as of|by|through|thru|until|since)\s+$", re.IGNORECASE)
# "just before 5 p.m." bounds a time rather than stating it: 4:40 p.m. fits
_BOUND_BEFORE = re.compile(r"\b(?P<side>before|after)\s+$", re.IGNORECASE)
ENDING_BEFORE = (_AS_OF_BEFORE, _BOUND_BEFORE)  # searched from words_back (two words)


_DIGIT = re.compile(r"\d")
# A weekday, in any case, spells "day"; a calendar day and a clock time have digits. A
# sentence with neither (most of them) skips ``_DATE``. Nothing else is skipped: only
# characters whose one-character lowercase is "d", "a" or "y" fold to those letters
# (tests/test_claims.py), so "day" under ``_DATE``'s folding is "day" in the lowercase.


def date_claims(raw: str, offset: int, index: int) -> list[When]:
    """Weekdays, calendar days and clock times of one sentence (weekdays in any case)."""
    out: list[When] = []
    has_day = "day" in raw.lower()
    if not has_day and _DIGIT.search(raw) is None:
        return out
    for m in (_DATE if has_day else _DATE_NO_WEEKDAY).finditer(raw):
        # both patterns before the date span at most its last two words: searched there
        back = words_back(raw, m.start())
        if _AS_OF_BEFORE.search(raw, back, m.start()):
            continue  # "as of Monday", "by Wednesday": when a figure holds, not an event
        if m.group("weekday"):
            key, compare = "weekday", m.group("weekday").lower()
        elif m.group("month"):
            if m.group("month") == "May" and not raw[m.end("month") : m.end("month") + 1].isspace():
                continue
            key = "day"
            compare = (MONTHS[m.group("month").lower()], int(m.group("day")))
        else:
            key = "time"
            hour = int(m.group("hour")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            compare = (hour, int(m.group("minute") or 0))
        value = " ".join(m.group(0).rstrip(".").split())
        bound = _BOUND_BEFORE.search(raw, back, m.start()) if key == "time" else None
        side = bound.group("side").lower() if bound else ""
        out.append(When(key, compare, value, index, offset + m.start(), offset + m.end(), side))
    return out


def times_compatible(a: When, b: When, slack: int = 30) -> bool:
    """Equal times, or a bound ("before 5 p.m.") that the other time meets within
    ``slack`` minutes."""
    if a.compare == b.compare:
        return True
    for x, y in ((a, b), (b, a)):
        hx, mx = x.compare  # type: ignore[misc]
        hy, my = y.compare  # type: ignore[misc]
        gap = (hx * 60 + mx) - (hy * 60 + my)  # how far y lies before x
        if x.bound == "before" and 0 <= gap <= slack:
            return True
        if x.bound == "after" and 0 <= -gap <= slack:
            return True
    return False


_ANY_CASE_DAY = re.compile(
    r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b", re.I
)  # "may" left out: in lowercased text it is mostly the verb


def calendar_days(raw: str) -> set[tuple[int, int]]:
    """The calendar days a sentence names, in any case ("dec. 14" in lowercased copy)."""
    return {(MONTHS[m.lower()], int(d)) for m, d in _ANY_CASE_DAY.findall(raw)}


DATE_SUBJECT = {"weekday": "day", "day": "date", "time": "time"}
