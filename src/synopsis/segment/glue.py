"""Cuts where web copy glued two units with no space: sentences, credits, labels, stamps."""

from __future__ import annotations

import re

from .splitters import _MAY_END, _NEVER_FINAL, _wordset

# "…for now.By going public…": a word, final punctuation, then a capitalised word,
# glued without a space. Two lowercase letters before the stop keep "U.S." and "p.m." whole.
# A quotation mark at the glue belongs to the sentence it closes or to the one it opens
# (`said."He got` is two paragraphs run together): see _glue_cut. The pattern matches the
# stop itself (a glue point is its end): a pattern that opens with a character class is
# scanned for that class at C speed, where one opening with a lookbehind is tried at every
# position (six times slower).
#
# Lower-cased copy that lost the space after a full stop ("…in the cell.the judge said")
# glues a lower-case word instead (also after a figure: "rose by 40.the mayor said"): the same
# pattern's second branch captures it, and _lower_glue keeps the stops of domain names
# ("radio-info.com"), URLs, e-mail addresses and dotted abbreviations ("ph.d.") whole.
# "?" is left out: PDF text has "?" for lost ligatures and dashes ("of?ce", "quickly?and").
#
# Such copy capitalises the word after ". " but not after "? " or "! ": "...who will run
# the club next year? on monday the board named a coach" is two sentences (a teaser
# question, then the story), where the splitter reads a lower-case word after a stop as the
# sentence going on. The third branch captures the space of such a stop; _spaced_glue
# decides.
_GLUED = re.compile(
    r"""[.!?](?<=[a-z0-9]{2}[.!?])(?:(?<=[a-z]{2}[.!?])(?=["“”’]?(?:[A-Z][a-z]|[AI]\s))"""
    r"""|(?=([a-z]+)(.?))|(?<=[a-z]{2}[?!])(?=([ \t]+)[a-z]))"""
)
# Endings of domain names, which follow a stop with no space in every web page's text
# (not those that are also common sentence openers: "it", "in", "at", "be", "no", "us",
# "me", "am"; "said.it was" is glue far more often than an Italian site).
_DOMAIN_ENDINGS = _wordset(
    "com org net edu gov mil int info biz io ai co uk ca au nz de fr es nl ch se dk fi ie "
    "jp cn ru br mx za tv ly fm cc ws eu"
)
# A photo caption glued to the story's lead by its bracketed credit, with no stop between
# them: "<caption> (AP Photo/Jane Doe) The festival opened ..." (lower-cased copy: "...
# (ap photo/jane doe) the festival ...", "( jane doe/getty images ) the festival ...").
# The sentence ends after the credit, so the caption stands alone (dependencies drop it as
# page text) and the lead can be selected.
# A news site's "Buy Photo" button after the credit goes with the caption.
# Group 1 is a wire name alone ("(Reuters)", "(AP)"), which also makes a dateline
# ("KIEV (Reuters) - ...", "WASHINGTON (AP) The ...") or a source cited inside a sentence:
# it is a credit only after more words than a place name has (CREDIT_WIRE_MIN_BEFORE) and
# before a capital. A dash after any credit is never cut (the pattern wants a letter).
_CREDIT = re.compile(
    r"\((?:\s*(?:(?:ap|afp|reuters|getty|epa|file)\s+)?(?:photos?|images?)\s*[:/][^()]{1,60}|"
    r"\s*(?:getty images|file photos?|(?:ap|afp|reuters|epa)(?: file)? photos?|"
    r"(?:the\s+)?associated press|courtesy\b[^()]{1,50})\s*|\s*(ap|afp|reuters)\s*|"
    r"[^()/]{1,40}/\s*(?:[\w.]+\s+via\s+)?(?:ap|afp|reuters|epa|getty(?:\s+images)?|associated\s+press)"
    r"(?:\s*/\s*(?:ap|afp|reuters|epa|getty(?:\s+images)?))*\s*|"
    # a station's, paper's or photographer's tag of one word after a caption's stop ("...
    # after the shooting. ( kacm ) the ...", "( acme/kacm )"): see _tag_after_stop
    r"(?<=[.!?][ \t]\()\s*[^\W\d_](?:[^\W\d_]|[/.-]){1,20}\s*)\)"
    r"(?:[ \t]+buy photo\b)?(?=([ \t]+)[\"“‘']?[^\W\d_])",
    re.IGNORECASE,
)
CREDIT_WIRE_MIN_BEFORE = 4
# (the stop of an abbreviation before a one-word tag ends no caption: "acme inc. ( acme )
# designs ...", "... hewlett-packard co. ( hpq ) in the june quarter")
_ONE_WORD_TAG = re.compile(r"\(\s*[^\W\d_](?:[^\W\d_]|[/.-]){1,20}\s*\)")
_WORD_BEFORE_STOP = re.compile(r"([^\W\d_]+)[.!?][\"”’']?[ \t]$")
# The same glue with a credit out of brackets: a photographer and agency joined by a slash
# ("... on the quay. Ann Lee / Reuters The port reopened ...", NPR's doubled "toggle caption ann
# lee/ap ann lee/ap the senate voted ..."), a pipe ("| Reuters Amid ..."), "Photo: Getty"
# or "Getty Images" after a name ("Ann Lee Getty Images The singer ..."; not after a
# preposition: "a photographer for Getty Images said").
# ("getty" takes its "images" when it has one: no cut between the two words)
_AGENCY = (
    r"(?:ap|afp|reuters|epa|getty(?:\s+images\b|(?!\s+images))|bloomberg|istockphoto(?:\.com)?)"
)
# Each branch opens with a literal, so that the matcher skips to the next "/", "|", "photo"
# or "getty"; what must come before it is checked in _slash_credit_cuts.
_SLASH_CREDIT = re.compile(
    rf"(?:[/|]\s*(?:[\w.]+\s+via\s+)?{_AGENCY}(?:\s*/\s*{_AGENCY})*(?:\s+file)?|"
    rf"photos?:\s*{_AGENCY}|getty\s+images)"
    r"(?![ \t]+for\b)(?=([ \t]+)[\"“‘']?[^\W\d_])",  # "Getty Images for Acme" goes on
)  # (matched on the paragraph's lower case: a case-blind pattern is tried at every position)
_SLASH_CREDIT_ANY_CASE = re.compile(_SLASH_CREDIT.pattern, re.IGNORECASE)
# Page labels before the lead ("Advertisement continue reading the main story The
# senator ...", "Advertisementskip ...", with "Photo" or "Video" before it) at a
# sentence's start or after a stop; not the noun of a story ("Advertisement revenue rose
# ..."). Matched on a paragraph's lower case, and, like STAMP, opening with a literal, so
# that the matcher skips to the next candidate.
# An encyclopedia page's tag line ("From Wikipedia, the free encyclopedia <article>") and
# a live page's pointer, bracketed or not ("( scroll down for updates ) ...", "Scroll down
# for video <headline>") are labels too.
_LABEL = re.compile(
    r"(?:advertisement(?:\s*skip)?(?:\s*-?\s*(?:continue reading (?:the main story|below)|"
    r"article continues below(?:\s*»)?))?(?!\s+(?:revenue|revenues|sales|spending|campaigns?|"
    r"agency|agencies|industry|market|budget|rates|space|executives|costs|prices|was|is|for|"
    r"of)\b)|"
    r"from wikipedia, the free encyclopedia|"
    r"\(\s*scroll down for (?:videos?|updates|more)\s*\)|scroll down for (?:videos?|updates))"
    r"(?=([ \t]+)[\"“]?[^\W\d_])"
)
_LABEL_NEEDLES = ("advertisement", "from wikipedia", "( scroll", "(scroll", "scroll down")
_MONTH_WORDS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|"
    "tuesday|wednesday|thursday|friday|saturday|sunday"
)
# A page's time stamp and byline glued to the lead ("Mar. 3, 2016, 2: 10 am gmt / updated
# mar. 3, 2016, 2: 25 am gmt by Ann Lee All winter, ...", "posted: mar 3, 2015 09: 15 am
# harbourtown — ...", "/ updated by Ann Lee and Tom Webb the ..."): the time must follow
# "updated", "posted" or "published" and a colon or a date, so that a story's "at 10: 30
# a.m. Friday" and "was posted at 6: 20 p.m. and ..." are left alone, and what follows must
# not go on with "on", "at", "in" or "by".
_NAME2 = r"[^\W\d_][\w'’-]*\s+[^\W\d_][\w'’-]*"
STAMP = (
    rf"(?:(?:updated?|posted|published)(?::|\s+(?:on\s+)?(?:{_MONTH_WORDS})\b)[^!?]{{0,40}}?"
    r"\b\d{1,2}:\s?\d\d(?::\d\d)?\s?"
    r"(?:[ap]m\b|[ap]\.m\.)(?:\s+(?:gmt|utc|et|edt|est|cst|cdt|mst|mdt|pst|pdt|bst|cet)\b)?|"
    rf"/\s*updated(?=\s+by\b))(?:\s+by\s+{_NAME2}(?:\s+and\s+{_NAME2})?)?"
)
_STAMP = re.compile(STAMP + r"(?![ \t]+(?:on|at|in|by)\b)(?=([ \t]+)[\"“]?[^\W\d_])")
_NOT_BEFORE_GETTY = _wordset("for by from of at with to")


def _split_glued(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    return _cut(a, b, _glue_cuts(chunk, a, b))


# A radio site's picture label and its credit shown twice, run into the lead: "<headline>
# enlarge this image toggle caption ann lee/acme ann lee/acme <lead>". The doubled credit
# (one to four words, a slash, what follows it, maybe "via" a reseller) after the label is
# the cut, which replaces any cut inside it (a credit with an agency's name is cut after
# its first copy otherwise, and "... via getty images for the first time" after none).
_DOUBLED_CREDIT = re.compile(
    r"(?:enlarge this image|toggle caption)[ \t]+(?:toggle caption[ \t]+)?"
    r"((?:[^\W\d_][\w.'’-]*[ \t]+){0,3}[^\W\d_][\w.'’-]*[ \t]?/[ \t]?[^\s/]+"
    r"(?:[ \t]+via[ \t]+[^\W\d_]+(?:[ \t]+images)?)?)([ \t]+)\1(?=([ \t]+)[\"“]?[^\W\d_])",
    re.IGNORECASE,
)


def _doubled_credit_cuts(
    chunk: str, a: int, b: int, cuts: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``cuts`` in ``chunk[a:b]`` with the cut after each doubled credit (_DOUBLED_CREDIT),
    three words at least before ``b``, in place of the cuts inside it."""
    for m in _DOUBLED_CREDIT.finditer(chunk, a, b):
        start = m.end() + len(m[3])
        if len(chunk[start:b].split()) < 3:
            continue
        cuts = [c for c in cuts if not m.start(1) <= c[0] <= m.end()] + [(m.end(), start)]
    return cuts


def _split_credits(
    chunk: str,
    a: int,
    b: int,
    brackets: bool,
    slashes: list[re.Match[str]],
    labels: list[tuple[int, int, int]],
) -> list[tuple[int, int]]:
    """``chunk[a:b]`` cut after each credit, label or stamp glued to the next sentence;
    ``brackets``: whether the paragraph holds a "(", ``slashes``: its _SLASH_CREDIT
    matches, ``labels``: its labels and stamps (_marks)."""
    cuts = _credit_cuts(chunk, a, b) if brackets and chunk.find("(", a, b) != -1 else []
    if slashes:
        cuts = [*cuts, *_slash_credit_cuts(chunk, a, b, slashes)]
    if "caption" in chunk or "enlarge this" in chunk:
        cuts = _doubled_credit_cuts(chunk, a, b, cuts)
    for x, end, start in labels:
        # three words after it at least; a label (x < end) opens the sentence or follows a
        # stop, and is cut from it before as well
        if not (a <= x <= end < b and len(chunk[start:b].split()) >= 3):
            continue
        if x in (end, a):  # a stamp, or a label that opens the sentence
            cuts.append((end, start))
        elif chunk[x - 2 : x - 1] in ".!?\"”'" and chunk[x - 1] == " ":
            cuts += [(x - 1, x), (end, start)]
    return _cut(a, b, sorted(cuts)) if cuts else [(a, b)]


def _marks(chunk: str) -> tuple[list[re.Match[str]], list[tuple[int, int, int]]]:
    """The paragraph's _SLASH_CREDIT matches, and (label start, end, next start) of each
    page label (_LABEL) or time stamp (_STAMP: its start is given as its end, since what
    comes before it is cut with it) glued to the text after it."""
    low = chunk.lower()
    if len(low) != len(chunk):  # (rare: "İ"; its lower case is not searched in its place)
        return list(_SLASH_CREDIT_ANY_CASE.finditer(chunk)), []
    slashes = _matches_at(_SLASH_CREDIT, low, ("/", "|", "getty", "photo"))
    out = []
    for m in _matches_at(_LABEL, low, _LABEL_NEEDLES):
        x = m.start()  # with a "photo" or "video" before it
        x -= 6 if low.endswith(("photo ", "video "), 0, x) else 0
        out.append((x, m.end(), m.end() + len(m[1])))
    for m in _matches_at(_STAMP, low, ("update", "posted", "published", "/")):
        out.append((m.end(), m.end(), m.end() + len(m[1])))
    return slashes, out


def _matches_at(
    pattern: re.Pattern[str], low: str, needles: tuple[str, ...]
) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``low`` that start at one of ``needles`` (every branch of
    the pattern opens with one), in order: found with ``str.find``, then matched there,
    since a search would try the pattern at every position."""
    found = []
    for needle in needles:
        at = low.find(needle)
        while at != -1:
            m = pattern.match(low, at)
            if m:
                found.append(m)
            at = low.find(needle, at + 1)
    found.sort(key=lambda m: m.start())
    return found


def _slash_credit_cuts(
    chunk: str, a: int, b: int, matches: list[re.Match[str]]
) -> list[tuple[int, int]]:
    """(end, start) of the cut after the last credit out of brackets in ``chunk[a:b]``
    among the paragraph's ``matches`` of _SLASH_CREDIT: a slash after a word (one space
    between at most), "photo:" as a word, "getty images" after a word that is no
    preposition; three words at least after it, none of it in a web address or an open
    bracket."""
    last = None
    for m in matches:
        if m.start() < a or m.end() > b:
            continue
        x = m.start()
        head = chunk[max(a, x - 12) : x]
        first = chunk[x]
        if first == "/":
            ok = head.rstrip(" ")[-1:].isalpha() and not head.endswith("  ")
        elif first == "|":
            ok = True
        elif first in "pP":
            ok = not head[-1:].isalnum()
        else:  # getty images
            words = head.split()
            ok = head[-1:].isspace() and bool(words) and words[-1].lower() not in _NOT_BEFORE_GETTY
        if ok:
            last = m
    if last is None:
        return []
    start = last.end() + len(last[1])
    before = chunk[a : last.start()]
    if before.count("(") > before.count(")"):
        return []  # inside a bracket: a credit there ends at its ")" (_CREDIT)
    w = last.start()
    while w > a and not chunk[w - 1].isspace():
        w -= 1
    if "www" in chunk[w : last.end()] or "http" in chunk[w : last.end()]:
        return []
    if len(chunk[start:b].split()) < 3:
        return []
    return [(last.end(), start)]


def _cut(a: int, b: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``[a, b)`` between cuts (end of one piece, start of the next)."""
    pieces: list[tuple[int, int]] = []
    x = a
    for end, start in cuts:
        if end > x:
            pieces.append((x, end))
        x = max(x, start)
    if not pieces:
        return [(a, b)]
    if b > x:
        pieces.append((x, b))
    return pieces


def _credit_cuts(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """(end, start) of each cut after a bracketed photo credit inside ``chunk[a:b]`` that
    glues a caption to the next sentence (_CREDIT): the last credit of the paragraph (in a
    gallery, "<caption> (AP) <caption> (AP) <lead>", what follows the others is one more
    caption, which stays glued to its credit), three words at least after it, and for
    a bare wire name CREDIT_WIRE_MIN_BEFORE words before it and a capital after it (not a
    dateline, not a source cited mid-sentence)."""
    cuts = []
    for m in _CREDIT.finditer(chunk, a, b):
        start = m.end() + len(m[2])
        if _CREDIT.search(chunk, start):
            continue  # a gallery: the text up to the last credit is captions
        tag = _tag_after_stop(chunk, a, m)
        if tag is False:
            continue
        if m[1] is not None and (
            len(chunk[a : m.start()].split()) < CREDIT_WIRE_MIN_BEFORE
            or not (tag or chunk[start : start + 2].lstrip("\"“‘'")[:1].isupper())
        ):
            continue
        if len(chunk[start:b].split()) >= 3:
            cuts.append((m.end(), start))
    return cuts


def _tag_after_stop(chunk: str, a: int, m: re.Match[str]) -> bool | None:
    """For a credit of one word in brackets (``m``, from _CREDIT): True after a sentence's
    stop (a caption's credit, a wire's name in lower-cased copy), False after an
    abbreviation's stop (a ticker: "acme inc. ( acme )"); None for any other credit."""
    if not _ONE_WORD_TAG.match(chunk, m.start()):
        return None
    before = _WORD_BEFORE_STOP.search(chunk, max(a, m.start() - 30), m.start())
    if before is None:
        return None
    word = before[1].lower()
    return not (word in _NEVER_FINAL or word in _MAY_END or len(word) == 1)


def _glue_cuts(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """(end, start) of each cut at a stop glued to the next sentence in ``chunk[a:b]``."""
    cuts = []
    # from the character before ``a``: a stop there glues at ``a`` itself
    for m in _GLUED.finditer(chunk, max(a - 1, 0), b):
        if m[3] is not None:  # "? " or "! " before a lower-case word
            if not _spaced_glue(chunk, m, a, b):
                continue
            end, start = m.end(), m.end() + len(m[3])
        elif m[1] is not None:  # a stop glued to a lower-case word
            if not _lower_glue(chunk, m, a, b):
                continue
            end = start = m.end()
        else:
            end = start = _glue_cut(chunk, a, m.end())
        cuts.append((end, start))
    return cuts


def _spaced_glue(chunk: str, m: re.Match[str], a: int, b: int) -> bool:
    """Whether "?" or "!" and a space before a lower-case word end a sentence of the
    sentence ``chunk[a:b]``: when the word before the stop is all lower-case (a brand's
    "Yahoo! shares" goes on), the word after a "?" is not "or", and the cut leaves no
    fragment (_whole_pieces)."""
    if m[0] == "?" and chunk.startswith("or ", m.end() + len(m[3])):
        return False  # the other half of an alternative question ("tea? or coffee?")
    w = m.start()
    while w > a and not chunk[w - 1].isspace():
        w -= 1
    return chunk[w : m.start()].islower() and _whole_pieces(chunk, m, a, b)


def _whole_pieces(chunk: str, m: re.Match[str], a: int, b: int) -> bool:
    """Whether a cut after the stop of ``m`` leaves no fragment of ``chunk[a:b]``: two
    words before it and three after it at least, and no bracket open across it (a
    credit's "( photo: acme! studios )")."""
    before = chunk[a : m.start()]
    if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
        return False
    return len(before.split()) >= 2 and len(chunk[m.end() : b].split()) >= 3


def _lower_glue(chunk: str, m: re.Match[str], a: int, b: int) -> bool:
    """Whether the lower-case word glued to the stop of ``m`` starts a new sentence of
    the sentence ``chunk[a:b]``.

    Not when the stop is "?" (see _GLUED), the word ends a domain name or is one more part
    of a dotted name ("news.example.com", "ph.d."), the text around it is a URL or an
    e-mail address (a "/", "@" or ":" in it, or "www"), or a cut would leave a fragment
    (_whole_pieces: "...next year.acme bros." where the splitter ended the sentence after
    "bros.").
    """
    word, after = m[1], m[2]
    if m[0] == "?" or word in _DOMAIN_ENDINGS or (after and after in "./@:-_"):
        return False
    if not _whole_pieces(chunk, m, a, b):
        return False
    if len(word) == 1 and word not in "ai":
        return False
    w = m.start()
    while w > 0 and not chunk[w - 1].isspace():
        w -= 1
    e = m.end() + len(word)
    while e < len(chunk) and not chunk[e].isspace():
        e += 1
    token = chunk[w:e]
    return not ("/" in token or "@" in token or ":" in token or "www" in token)


def _glue_cut(chunk: str, a: int, stop: int) -> int:
    """Where the next sentence starts when it is glued to the stop ending at ``stop``.

    A closing mark (”, ’, or a straight quote that closes one opened in this sentence)
    stays with the sentence before; an opening one (“, or a straight quote with the
    sentence's quotes balanced) starts the next.
    """
    mark = chunk[stop]
    if mark in "”’" or (mark == '"' and chunk.count('"', a, stop) % 2 == 1):
        return stop + 1
    return stop
