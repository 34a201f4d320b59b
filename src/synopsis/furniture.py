"""Vocabulary that cleaning uses, in one place so it is easy to extend.

Each list names a *kind* of text that is not the story (page furniture, captions,
credits, wire notes, agencies, web-archive notices). Whole-line lists are compared with
a line folded by :func:`fold` (lowercase, punctuation dropped, spaces collapsed); pattern
lists are regular expressions tried on the stripped line. Add to a list rather than
adding a special case to ``clean.py``.
"""

from __future__ import annotations

import re

# Lines that are furniture when they are the whole line (after folding).
FURNITURE_LINES: frozenset[str] = frozenset(
    {
        "comments",
        "comments are closed",
        "view comments",
        "show comments",
        "leave a comment",
        "post a comment",
        "read more",
        "read more here",
        "continue reading",
        "continue reading the main story",
        "advertisement",
        "advertisement continue reading the main story",
        "photo advertisement continue reading the main story",
        "skip advertisement",
        "story continues below",
        "story continued below",
        "story continues below advertisement",
        "top of page",
        "back to top",
        "skip to content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "twitter",
        "facebook",
        "email",
        "print",
        "whatsapp",
        "linkedin",
        "pinterest",
        "reddit",
        "play facebook",
        "tweet with a location",
        "video",
        "photo",
        "photos",
        "image",
        "gallery",
        "view gallery",
        "enlarge this image",
        "toggle caption",
        "related",
        "related stories",
        "related articles",
        "related content",
        "see also",
        "also",
        "next",
        "previous",
        "more",
        "more information",
        "subscribe",
        "sign up",
        "sign in",
        "log in",
        "loading",
        "listen",
        "watch",
        "update",
        "updated",
        "click to expand",
    }
)

# Patterns that mark a short line (see ``CleanOptions.furniture_max_words``) as furniture.
FURNITURE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(?:read|see|watch|listen|view)(?: more| also| next| the full story| full coverage)?"
        r"\s*(?:[:>»|]|\.\.\.|…)",  # "READ MORE: ...", "See also: ..."
        r"\bread more\W*$",  # a related-story teaser ending in "Read more"
        r"^(?:click|tap) here\b",
        r"\bclick here\b.*$",
        r"^(?:sign up|subscribe|register)\b",
        r"\bnewsletters?\b",
        r"\bfollow (?:us|\w+(?: \w+)?) on (?:facebook|twitter|instagram|google|tumblr|linkedin)",
        r"^(?:like|find|join) us on\b",
        r"^to contact the (?:reporter|editor|writer|author)s?\b",
        r"\bcookies?\b.*\b(?:site|use|accept|policy|consent)\b",
        r"^(?:copyright|©|\(c\)\s)",
        r"\ball rights reserved\b",
        r"\bthis material may not be published\b",
        r"^(?:published|posted|updated|last updated|first published|last modified)"
        r"(?: on| at|:)?\s.*\d",
        r"^more (?:from|on|about) \w",
        r"^(?:related|recommended|trending|most popular|popular|most read|top stories)"
        r"(?: stories| articles| posts| content| now| on \w+)?\s*:",
        r"^(?:toggle caption|hide caption|caption)\b",
        r"^story highlights\b",
    )
)

# Photo captions and picture credits (a line with one of these is not story text).
CAPTION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(?:Photograph|Photo|Photos|Picture|Image|Illustration|Credit|Photo credit)\s*:\s*\S"
        r"[^.!?]{0,80}$",  # "... Photograph: Name/Agency" at the end
        r"^(?:Photograph|Photo|Photos|Picture|Image|Images|Video|Gallery|Slideshow)s?\s*:",
        r"\((?:[A-Z]+ )?Photos?(?:graph)?(?: by|/)[^)]*\)\s*$",  # "(AP Photo/Name)"
        r"^FILE\s*[-–—]+\s",  # AP file-photo caption
        r"^In this (?:\w+ )*(?:photo|image|picture|file photo|handout)\b",
        r"(?:/|\bvia |\| )?(?:Getty Images|AFP/Getty|Shutterstock|AP Images)\W*$",
        r"\bphoto (?:provided|released|taken) by\b",
    )
)

# Credits and sign-offs at the end of wire copy ("X contributed.", "(Editing by ...)").
CREDIT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|research)"
        r"(?: and \w+)? by\b",
        r"\bcontributed(?: reporting| to this (?:report|article|story))?\W*$",
        r"^(?:courtesy(?: of)?|source)\s*:?\s+[A-Z]",
    )
)

# Wire-service update notes, whole line in parentheses: "(Adds ...)", "(Updates ...)".
WIRE_NOTE = re.compile(
    r"^\((?:adds|updates|recasts|corrects|changes|rewrites|repeats|refiles|fixes|edits|"
    r"writes through|inserts|removes|moves|restores|clarifies|amends|new throughout)\b",
    re.IGNORECASE,
)

# Agencies and newsrooms whose name alone on a line is a sign-off or an agency line.
AGENCIES: frozenset[str] = frozenset(
    {
        "agencies",
        "agency",
        "associated press",
        "the associated press",
        "ap",
        "reuters",
        "thomson reuters",
        "afp",
        "agence france-presse",
        "agence france presse",
        "bloomberg",
        "bloomberg news",
        "press association",
        "pa",
        "dpa",
        "upi",
        "xinhua",
        "efe",
        "ansa",
        "kyodo",
        "tass",
        "wire services",
        "staff and agencies",
    }
)

# Words of a notice that a web archive shows in place of a page it did not capture.
ARCHIVE_TERMS: tuple[str, ...] = (
    "wayback machine",
    "internet archive",
    "archive.org",
    "archive-it",
    "crawl data",
    "web crawl",
    "crawled",
    "common crawl",
    "heritrix",
    "embargo period",
)

# Headers of change-tracking pages (NewsSniffer style): "Version 2 Version 3".
VERSION_HEADER = re.compile(r"^(?:Version \d+\s*){2,}$", re.IGNORECASE)

MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

# A line that is only a date ("Tuesday, October 16, 2018", "16 Oct 2018").
DATE_LINE = re.compile(
    rf"^(?:{WEEKDAYS},?\s+)?(?:{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d\d-\d\d)(?:,?\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\W*$",
    re.IGNORECASE,
)

_FOLD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, drop punctuation, collapse spaces: the key for whole-line lists."""
    return " ".join(_FOLD.sub(" ", text.lower()).split())
