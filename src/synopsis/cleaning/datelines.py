"""Datelines: "PARIS, Sept 15 (Reuters) -" opening a story, cut with place, date and agency kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import furniture as fw
from ..stopwords import ENGLISH_STOP_WORDS
from .reasons import DATELINE

if TYPE_CHECKING:
    from .lines import Cut, Line

# A hyphen joining two words ("Radio-Info.com", "Pro-Russian") is part of a name, not the
# dash after a dateline: a dash touching a letter on both sides is no dash.
_DASH = r"(?:\s*[-–—]+)+(?<!\w-(?=\w))"
_AGENCY_TAG = r"\((?P<agency>[A-Z][\w&'/-]*(?: [\w&'/-]+){0,3})\)"
_REGION = rf"(?:,\s*(?!{fw.MONTHS}\s)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
_DATE = rf"{fw.MONTHS}\s+\d{{1,2}}"
_NEXT = r"\s*(?=[\"“‘'(]?[A-Z0-9]|$)"  # the story's first word, or a dateline alone
# "PARIS/DUBAI, Sept 15 (Reuters) -", "BOSTON (AP) —", "FRANKLIN, Tenn. (AP) —"
DATELINE_CAPS = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?:[ /][A-Z][A-Z.'’-]*)*{_REGION})"
    rf"(?:,\s*(?P<date>{_DATE}))?\s*(?:{_AGENCY_TAG})?(?P<dash>{_DASH})?{_NEXT}"
)
# "Washington (CNN) Donald ...", "Paris – — U.S. Secretary ..."
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>[A-Z][a-z]+(?:[ /][A-Z][a-z]+){{0,2}}{_REGION})\s*"
    rf"(?:{_AGENCY_TAG}(?P<dash>{_DASH})?|(?P<dash2>{_DASH})){_NEXT}"
)
# "(CNN) --": an agency tag alone opening the first sentence
_DATELINE_AGENCY = re.compile(rf"^(?P<place>){_AGENCY_TAG}(?P<dash>{_DASH}){_NEXT}")
# "Dec 17 (Reuters) -", "MONDAY, Jan. 25, 2016 (Acme News) --": a date with no place, before
# an agency's tag and a dash (both wanted: "May 5 (the day the ferry sank) ..." is story)
_DATE_ONLY = rf"(?:(?i:{fw.WEEKDAYS}),?\s+)?(?P<date>(?i:{fw.MONTHS})\s*\d{{1,2}}(?:,\s*\d{{4}})?)"
_DATELINE_DATE = re.compile(rf"^(?P<place>){_DATE_ONLY}\s*{_AGENCY_TAG}(?P<dash>{_DASH}){_NEXT}")
# The same in re-tokenized, lowercased copies (Multi-News's preprocessed text): "moscow ( ap )
# — russia's", "( cnn ) debris", "dover, fla. — the f.b.i.": spaces inside the agency's
# brackets and around the dash, and a lowercase story after it.
_SPACED_TAG = r"\(\s+(?P<agency>[\w&'/.-]+(?: [\w&'/.-]+){0,2})\s+\)"
# ("portville/eastport ( reuters ) -": two places joined by a slash, as in DATELINE_CAPS)
_SPACED_PLACE = r"(?P<place>[A-Z][\w.'’/-]*(?: [\w.'’-]+){0,2}(?:,\s*[\w.'’-]+(?: [\w.'’-]+)?)?)"
_SPACED_DASH = r"\s+(?:[-–—]{1,2}|--)(?=\s)"
_DATELINE_RETOKENIZED = re.compile(
    rf"^(?:{_SPACED_PLACE}\s+)?{_SPACED_TAG}(?P<dash>{_SPACED_DASH})?\s+(?=\S)"
    rf"|^{_SPACED_PLACE.replace('place', 'place2')}(?P<dash2>{_SPACED_DASH})\s+(?=[a-z\"“‘'(])"
)

# "dec 17 ( reuters ) -": a date's dateline in re-tokenized copy (as _DATELINE_DATE)
_DATELINE_DATE_SPACED = re.compile(
    rf"^(?P<place>){_DATE_ONLY}\s+{_SPACED_TAG}(?P<dash>{_SPACED_DASH})\s+(?=\S)"
)


def find_dateline(s: str) -> re.Match[str] | None:
    """A dateline at the start of ``s``: a place with a date, an agency tag or a dash."""
    for pattern in (_DATELINE_DATE, DATELINE_CAPS, _DATELINE_TITLE, _DATELINE_AGENCY):
        m = pattern.match(s)
        if m and any(m.groupdict().get(g) for g in ("date", "agency", "dash", "dash2")):
            return m
    m = _DATELINE_RETOKENIZED.match(s) or _DATELINE_DATE_SPACED.match(s)
    if m is None:
        m = _DATELINE_LOWER.match(s) if s[:1].islower() else None
        if m is None or not _lower_dateline(s, m):
            return None
    g = m.groupdict()
    place = g.get("place") or g.get("place2") or ""
    if place and place.split()[0].lower() in ENGLISH_STOP_WORDS:
        return None  # "Although — or perhaps because —": a clause, not a place
    if g.get("agency") and not g.get("dash") and g["agency"].lower() not in fw.AGENCIES:
        return None  # "Sen. John mccain ( r-ariz. ) said": a tag, not a dateline
    return m


# Copy lower-cased throughout (Multi-News's validation set) opens a document in lower case:
# "portville, maine ( ap ) — the ...", "portville, n.m. — ...", "portville — ...". A place
# with a region or an agency's tag is a dateline; a place alone before a dash only when no
# other spaced dash follows soon (LOWER_DASH_AHEAD characters): "rain — and lots of it —
# fell ..." opens with an aside, not a place.
_LOWER_PLACE = r"(?P<place>[a-z][\w.'’/-]*(?: [\w.'’-]+){0,2}(?:,\s*[\w.'’-]+(?: [\w.'’-]+)?)?)"
_DATELINE_LOWER = re.compile(
    rf"^{_LOWER_PLACE}(?:\s+{_SPACED_TAG}(?P<dash>{_SPACED_DASH})?|(?P<dash2>{_SPACED_DASH}))"
    r"\s+(?=[a-z\"“‘'(])"
)
LOWER_DASH_AHEAD = 200
_MONTH = re.compile(rf"{fw.MONTHS}\b", re.IGNORECASE)
_ANY_SPACED_DASH = re.compile(r"\s(?:[-–—]{1,2})\s")


def _lower_dateline(s: str, m: re.Match[str]) -> bool:
    """Whether the lower-case match ``m`` of _DATELINE_LOWER opening ``s`` is a dateline:
    a place has no figure and is no month ("june 23 - july 7, 2002 ...": a date range)."""
    if any(c.isdigit() for c in m["place"]) or _MONTH.match(m["place"]):
        return False
    if m["agency"] is not None:
        # a station's or a paper's tag after a place and its region, with the dash after
        # it ("portville, okla. ( kacm ) -- ..."), is a dateline too
        return m["agency"].lower() in fw.AGENCIES or ("," in m["place"] and bool(m["dash"]))
    if "," in m["place"]:
        return True
    return len(m["place"].split()) <= 2 and not _ANY_SPACED_DASH.search(
        s, m.end(), m.end() + LOWER_DASH_AHEAD
    )


def strip_dateline(text: str, line: Line, meta: dict[str, str], cut: Cut) -> None:
    """Start the body after "PLACE, Date (Agency) -" and keep place and date as metadata."""
    a = line.keep[0][0]
    b = line.keep[0][1]
    m = find_dateline(text[a:b])
    if m is None:
        return
    date = m.groupdict().get("date")
    agency = m.groupdict().get("agency")
    place = m.groupdict().get("place") or m.groupdict().get("place2")
    if place:
        meta["dateline_place"] = place
    if date:
        meta["dateline_date"] = date
    if agency:
        meta.setdefault("agency", agency)
    cut(line, a, a + m.end(), DATELINE)


def strip_later_datelines(text: str, lines: list[Line], first: Line | None, cut: Cut) -> None:
    """A later copy of the story in the same page opens with its own "PLACE (Agency) —"."""
    for line in lines:
        if line is first or not line.keep:
            continue
        a, b = line.keep[0]
        m = DATELINE_CAPS.match(text[a : min(b, a + 100)])
        if m and m.group("agency") and (m.group("dash") or m.group("date")):
            cut(line, a, a + m.end(), DATELINE)
