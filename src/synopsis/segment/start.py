"""Cuts of page text run into a document's lead (heads, credits), datelines, repeated tails."""

from __future__ import annotations

import re

from .. import furniture as fw
from .glue import _cut
from .splitters import _wordset

# A wire's dateline opening a sentence inside the document ("... ( acme press ) portville,
# maine ( ap ) — the ..." where a gallery's last credit ends the captions, or a second
# story on the page): cut off as a piece of its own, as cleaning cuts the first one. Only
# with an agency's tag, or in lower case where the copy is lower-cased throughout
# (cleaning.datelines.find_dateline); "Officials — and police — said" opens no dateline.
DATELINE_MAX_CHARS = 160  # a place, a region and a tag
DATELINE_HEAD_CHARS = 60  # where its tag or dash begins
DATELINE_MAX_PLACE_WORDS = 5


def _cut_dateline(
    text: str, sentence: tuple[int, int, int, str], opens: bool = False
) -> list[tuple[int, int, int, str]]:
    """``sentence`` with a dateline opening it cut off, or ``[sentence]``. In cased copy a
    place in capitals and a dash with no tag ("PORTVILLE — The ...") only when the
    sentence ``opens`` its paragraph (a second story on the page, or the story after a
    standfirst)."""
    p_index, start, end, shown = sentence
    # (cheap tests first: this runs on every sentence; a tag or a dash comes early)
    head = shown[:DATELINE_HEAD_CHARS]
    capitals = opens and shown[:2].isupper() and ("—" in head or "–" in head or "--" in head)
    if shown[:1].islower():
        if not ("—" in head or "–" in head or " -" in head or "(" in head):
            return [sentence]
    elif not capitals and (
        head.count(" ", 0, max(head.find("("), 0)) > DATELINE_MAX_PLACE_WORDS or ")" not in head
    ):
        return [sentence]  # (no bracket, or more words before it than a place and region)
    from ..cleaning.datelines import DATELINE_CAPS, find_dateline
    from ..furniture import AGENCIES

    m = find_dateline(text[start : min(end, start + DATELINE_MAX_CHARS)])
    if m is None:
        return [sentence]
    agency = m.groupdict().get("agency")
    in_capitals = capitals and m.re is DATELINE_CAPS and bool(m["dash"]) and len(m["place"]) >= 4
    if not (shown[:1].islower() or (agency and agency.lower() in AGENCIES) or in_capitals):
        return [sentence]
    cut = start + len(m[0].rstrip())
    nxt = start + m.end()
    if len(text[nxt:end].split()) < 3 or cut <= start:
        return [sentence]
    return [
        (p_index, start, cut, " ".join(text[start:cut].split())),
        (p_index, nxt, end, " ".join(text[nxt:end].split())),
    ]


# A headline, teaser or caption glued to a copy of a sentence the page also shows on its
# own ("<headline> <lead>" where the lead stands again below it): the repeated sentence
# is the exact boundary. Both pieces need this many words at least.
REPEAT_MIN_TAIL_WORDS = 6
REPEAT_MIN_HEAD_WORDS = 3
_KEY = 24  # characters of a sentence's end by which the candidates are found
_WORD = re.compile(r"\S+")


def _cut_repeated_tails(
    text: str, found: list[tuple[int, int, int, str]]
) -> list[tuple[int, int, int, str]]:
    """``found`` (paragraph, start, end, display text) with each sentence whose last
    words are another sentence of the document cut before them: the head is page text
    glued to the story (a headline before its lead), the tail a copy dedup takes care
    of. Candidates are the sentences with the same last characters (a set, then a dict)."""
    keys = [shown[-_KEY:] for *_, shown in found]
    if len(set(keys)) == len(keys):
        return found  # (most documents: no two sentences end alike)
    by_end: dict[str, list[str]] = {}
    for key, (*_, shown) in zip(keys, found, strict=True):
        if shown.count(" ") + 1 >= REPEAT_MIN_TAIL_WORDS:
            by_end.setdefault(key, []).append(shown)
    out = []
    for key, (p_index, start, end, shown) in zip(keys, found, strict=True):
        same_end = by_end.get(key, ())
        tail = None
        if len(same_end) > 1:
            # (lower-cased copy capitalises the lead only where it stands on its own)
            low = shown.lower()
            tails = [t.lower() for t in same_end if len(t) < len(shown)]
            tail = max((t for t in tails if low.endswith(" " + t)), key=len, default=None)
        if tail is not None and len(low) == len(shown):
            words = list(_WORD.finditer(text, start, end))
            head = len(words) - (tail.count(" ") + 1)
            if head >= REPEAT_MIN_HEAD_WORDS:
                cut_end, cut_start = words[head - 1].end(), words[head].start()
                out.append((p_index, start, cut_end, " ".join(text[start:cut_end].split())))
                out.append((p_index, cut_start, end, shown[len(shown) - len(tail) :]))
                continue
        out.append((p_index, start, end, shown))
    return out


# Text a page puts before its story that the copy has run into the lead's sentence:
# a video player's labels ("Close", "Please enable JavaScript to watch this video"), a
# paper's "Abstract" label, a tabloid's "exclusive" (_EXCLUSIVE), and a
# headline with its dateline before the dash that opens the lead ("<headline> <place> —
# <lead>"). Only at a document's start.
_START_LABEL = re.compile(
    r"(?:please enable javascript to watch this video|abstract(?=[ \t]+(?:we|the|this|in|a)\b)|"
    r"close(?![ \t]+(?:to|by|behind|up|enough|call|calls|friends?|ties|contact|range|"
    r"second|race|encounters?|relatives|aides|allies|associates|inspection|attention)\b))"
    r"(?=[ \t]+[\"“]?[^\W\d_])",
    re.IGNORECASE,
)
# A tabloid's label after its headline and subheading ("<headline> <subheading>
# exclusive -- <story>", "... exclusive after the fight, ..."): "exclusive" before a dash,
# a colon or a word that opens a clause, not before a noun ("an exclusive deal").
_EXCLUSIVE = re.compile(
    r"(?<=\w)[ \t]+exclusive(?:[ \t]*(?:--|—|–|:)[ \t]+|[ \t]+(?=(?:the|a|an|after|when|"
    r"as|in|on|at|it|he|she|they|we|i)\b))",
    re.IGNORECASE,
)
EXCLUSIVE_MAX_AT = 200  # characters into the document's first sentence
_DATELINE_DASH = re.compile(r"[ \t](?:—|–|--)[ \t]+(?=[\"“]?[^\W\d_])")
# The headline before the dash: this many words, and this share of its words of four
# letters or more again in the lead's first HEAD_LEAD_WORDS words (a lead restates its
# headline; a dash inside a story's first sentence opens an aside, which does not).
HEAD_MIN_WORDS, HEAD_MAX_WORDS = 4, 16
HEAD_SHARED = 0.5
HEAD_LEAD_WORDS = 30
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _cut_page_head(text: str, first: tuple[int, int, int, str]) -> list[tuple[int, int, int, str]]:
    """The document's first sentence ``first`` with a player's label (_START_LABEL) and
    a headline glued before a dateline's dash (_headline_cut) cut off as pieces of their
    own: they end in no stop, so no summary takes them, and the lead stands."""
    p_index, start, end, shown = first
    cuts: list[tuple[int, int]] = []
    m = _START_LABEL.match(text, start, end) if shown[:1] in "AaCcPp" else None
    if m and len(text[m.end() : end].split()) >= 3:
        nxt = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
        cuts.append((m.end(), nxt))
    head_start = cuts[-1][1] if cuts else start
    if "xclusive" in shown:
        m = _EXCLUSIVE.search(text, head_start, min(end, head_start + EXCLUSIVE_MAX_AT))
        if m and len(text[head_start : m.start()].split()) >= 3:
            cuts.append((m.start() + len(m[0].rstrip()), m.end()))
            head_start = m.end()
    captioned = (
        _credit_dateline_cuts(text, head_start, end)
        if ")" in shown and ("—" in shown or "–" in shown or " -" in shown)
        else []
    )
    if captioned:
        cuts += captioned
        head_start = captioned[-1][1]
    credit = _start_credit_cut(text, head_start, end)
    if credit is not None:
        cuts.append(credit)
        head_start = credit[1]
    labelled = _labelled_head_cut(text, head_start, end) if ":" in shown else None
    if labelled is not None:
        cuts.append(labelled)
        head_start = labelled[1]
    dashed = "—" in shown or "–" in shown or "--" in shown or " - " in shown
    cut = _headline_cut(text, head_start, end) if dashed else None
    if cut is not None:
        cuts.append(cut)
    elif dashed or "(" in shown[:TAG_HEAD_MAX_CHARS]:  # (a tag has one or the other)
        cuts += _tagged_head_cuts(text, head_start, end)
    if not cuts:
        return [first]
    return [(p_index, a, b, " ".join(text[a:b].split())) for a, b in _cut(start, end, cuts)]


def _headline_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end, start) of the cut between a headline with its dateline and the lead in
    ``text[start:end]``: at the sentence's only spaced dash, after HEAD_MIN_WORDS to
    HEAD_MAX_WORDS words with no bracket or stop among them (a wire dateline, "MOSCOW (AP)
    —", stays), when the lead restates the headline (HEAD_SHARED)."""
    dashes = list(_DATELINE_DASH.finditer(text, start, end))
    if len(dashes) != 1:
        return None
    dash = dashes[0]
    head = text[start : dash.start()]
    if not HEAD_MIN_WORDS <= len(head.split()) <= HEAD_MAX_WORDS:
        return None
    if any(c in head for c in "().,:;!?"):
        return None
    words = {w.lower() for w in _LONG_WORD.findall(head)}
    lead = text[dash.end() : end].split()[:HEAD_LEAD_WORDS]
    seen = {w.lower() for w in _LONG_WORD.findall(" ".join(lead))}
    if len(words) < 3 or len(words & seen) < HEAD_SHARED * len(words):
        return None
    return dash.start() + 1 + len(dash[0].strip()), dash.end()


# A headline glued to a lead whose dateline names a state or carries a wire's or a
# network's tag ("<headline> portville, n.j. -- <lead>", "<headline> portville, nj (ap)
# -- <lead>", "<headline> ( acme news ) <lead>"): the tag is cue enough, with no
# restatement and any number of dashes after it. A state's postal code that is also a word
# ("in", "or", "me", "oh", "hi", "ok") is left out.
_STATE = (
    r"(?:ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|kans|ky|la|md|mass|mich|minn|"
    r"miss|mo|mont|neb|nev|okla|ore|pa|tenn|tex|vt|va|wash|wis|wyo)\.|"
    r"(?:n\.[hjmycd]|r\.i|s\.[cd]|w\.va|d\.c)\.|"
    r"(?:al|ak|az|ar|ca|co|ct|de|fl|ga|ia|id|il|ks|ky|md|ma|mi|mn|mo|ms|mt|nc|nd|ne|nh|nj|nm|"
    r"nv|ny|pa|ri|sc|sd|tn|tx|ut|va|vt|wa|wi|wv|wy|dc)\b"
)
_WIRE_TAG = r"\([ \t]*(?:ap|afp|reuters|upi)[ \t]*\)"
_HEAD_TAG = re.compile(
    rf"(?<=[^\W\d_]),[ \t]*(?:{_STATE})[ \t]*(?:{_WIRE_TAG}[ \t]*)?(?:--|—|–|-(?=[ \t]))"
    rf"|[ \t](?:{_WIRE_TAG}|\([ \t]*(?:cnn|bloomberg|[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+news|"
    r"[\w-]+\.com)[ \t]*\))(?:[ \t]*(?:--|—|–))?"
    r"(?=[ \t]+[\"“]?[^\W\d_])",
    re.IGNORECASE,
)
# (a lead after a bracketed tag with no dash opens with one of these)
_LEAD_OPENS = tuple(
    f"{w} "
    for w in _wordset(
        "the a an in on at after when as for during with by it he she they we i this these "
        "his her their"
    )
)
TAG_HEAD_MIN_WORDS = 4  # before the tag: a place alone ("salt lake city (ap)") is no headline
TAG_HEAD_MAX_WORDS = 24
TAG_LEAD_MIN_WORDS = 6
TAG_HEAD_MAX_CHARS = 300


def _first_head_tag(text: str, start: int, endpos: int) -> re.Match[str] | None:
    """The first _HEAD_TAG match in ``text[start:endpos]`` with no stop or bracket before
    it (one with one is no headline's tag, see _tagged_head_cuts): tried only at each
    comma and at the first bracket, where its two branches open (a search would try every
    space)."""
    limit = endpos
    for mark in ".!?":
        at = text.find(mark, start, limit)
        if at != -1:
            limit = at
    bracket = text.find("(", start, limit)
    last = bracket if bracket != -1 else limit
    comma = text.find(",", start, last)
    while comma != -1:
        m = _HEAD_TAG.match(text, comma, endpos)
        if m is not None:
            return m
        comma = text.find(",", comma + 1, last)
    return _HEAD_TAG.match(text, bracket - 1, endpos) if bracket > start else None


def _tagged_head_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end, start) of the cuts after the first dateline tag (_HEAD_TAG) in the first
    sentence ``text[start:end]`` when TAG_HEAD_MIN_WORDS to TAG_HEAD_MAX_WORDS words come
    before it, none of them ending a sentence (a wire dateline opening the lead stays).
    A bracketed tag is a piece of its own, so that the headline ends in no bracket, which
    would read as a sentence's end."""
    m = _first_head_tag(text, start, min(end, start + TAG_HEAD_MAX_CHARS))
    if m is None:
        return []
    head = text[start : m.start()]
    if not TAG_HEAD_MIN_WORDS <= len(head.split()) <= TAG_HEAD_MAX_WORDS:
        return []
    if any(c in head for c in ".!?()"):
        return []
    nxt = m.end() + len(text[m.end() : end]) - len(text[m.end() : end].lstrip())
    if len(text[nxt:end].split()) < TAG_LEAD_MIN_WORDS:
        return []
    if m[0][0] == ",":
        return [(m.end(), nxt)]
    if not m[0].endswith(("-", "—", "–")) and not text[nxt : nxt + 12].lower().startswith(
        _LEAD_OPENS
    ):
        return []  # a source named inside a sentence ("told the paper ( acme news ) that")
    return [(m.start(), m.start() + 1), (m.end(), nxt)]  # (a space opens the match)


# A photographer's credit opening the document, out of brackets, before the caption or
# the lead ("ann lee/acme tv the senate ...", "associated press the quay ...", "ann lee
# getty the senate ..."): a slash after one to four words that are no function words, with
# a wire, a network or a photo agency after it; a wire's name or "file photo" alone; or
# "getty" alone after a name and before a word that opens a clause (not "the getty
# museum"). (Anywhere in a text, the credits of _SLASH_CREDIT are cut already.)
_START_AGENCY = (
    r"(?:ap|afp|reuters|epa|getty(?:[ \t]+images\b|(?![ \t]+images))|nbc|cbs|abc|cnn|fox|pbs|"
    r"wireimage|filmmagic|invision|shutterstock|rex|nasa|bloomberg|corbis|zuma|xinhua|ansa|istock|"
    r"newscom|polaris|redux|sipa|pa)\b"
)
_START_CREDIT = re.compile(
    r"(?:((?:[^\W\d_][\w.'’-]*[ \t]+){0,3}[^\W\d_][\w.'’-]*)[ \t]?/[ \t]?"
    rf"{_START_AGENCY}(?:[ \t]?/[ \t]?{_START_AGENCY})*(?:[ \t]+file)?|"
    r"(?:the[ \t]+)?associated[ \t]+press|(?:ap|afp|reuters|epa)(?:[ \t]+file)?[ \t]+photos?|"
    r"file[ \t]+photos?)"
    r"(?![ \t]+for\b)(?=[ \t]+[\"“]?[^\W\d_])",  # "getty images for acme" goes on
    re.IGNORECASE,
)
_GETTY_ALONE = re.compile(
    r"(?<=[^\W\d_])[ \t]+getty(?=[ \t]+(?:a|an|the|this|these|in|on|at|when|after|as|"
    r"it|he|she|they|we)\b)",
    re.IGNORECASE,
)
_NOT_IN_CREDIT = _wordset(
    "a an the of in on at for by from to with and or but is was are were has have said says"
)
_WIRE_GOES_ON = _wordset(
    "reported reports said says has had is was writer writers contributed learned obtained "
    "and reporter reporters correspondent poll"
)
_CREDIT_OPENS = ("associated", "the associated", "ap ", "afp ", "reuters", "epa ", "file ")
START_CREDIT_LEAD_MIN_WORDS = 6
GETTY_MAX_AT = 12  # words into the sentence: a caption's length


def _start_credit_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end, start) of the cut after a photo credit opening the document's first sentence
    ``text[start:end]`` (_START_CREDIT, _GETTY_ALONE), START_CREDIT_LEAD_MIN_WORDS words
    at least after it."""
    opening = text[start : start + 14].lower()
    may_credit = "/" in text[start : min(end, start + 100)] or opening.startswith(_CREDIT_OPENS)
    m = _START_CREDIT.match(text, start, end) if may_credit else None
    stop = None
    if m is not None:
        names = (m[1] or "").lower().split()
        after = text[m.end() : end].split()[:1]
        if not any(w in _NOT_IN_CREDIT for w in names) and not (
            m[1] is None and after and after[0].lower() in _WIRE_GOES_ON
        ):
            stop = m.end()
    elif "etty" in text[start : min(end, start + 200)]:
        g = _GETTY_ALONE.search(text, start, min(end, start + 200))
        if g is not None:
            before = text[start : g.start()].split()
            if (
                2 <= len(before) <= GETTY_MAX_AT
                and before[-1].lower() not in _NOT_IN_CREDIT
                and not any(c in " ".join(before) for c in ".!?()")
            ):
                stop = g.end()
    if stop is None:
        return None
    nxt = stop + len(text[stop:end]) - len(text[stop:end].lstrip())
    if len(text[nxt:end].split()) < START_CREDIT_LEAD_MIN_WORDS:
        return None
    return stop, nxt


# A wire's or a tabloid's label opening the document ("exclusive: <headline> the
# <lead>"): a headline has no article, so the first "the", "a" or "an" after
# LABEL_HEAD_MIN_WORDS words of it opens the lead.
_HEAD_LABEL = re.compile(r"(?:exclusive|breaking(?:[ \t]+news)?|watch|video)[ \t]*:[ \t]+", re.I)
_ARTICLE = re.compile(r"(?<=[ \t])(?:the|a|an)(?=[ \t]+[^\W\d_])", re.IGNORECASE)
LABEL_HEAD_MIN_WORDS, LABEL_HEAD_MAX_WORDS = 3, 12


def _labelled_head_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end, start) of the cut between a labelled headline (_HEAD_LABEL) opening the first
    sentence ``text[start:end]`` and its lead: at the first article, after
    LABEL_HEAD_MIN_WORDS to LABEL_HEAD_MAX_WORDS words with no stop, comma or bracket."""
    m = _HEAD_LABEL.match(text, start, end)
    if m is None:
        return None
    a = _ARTICLE.search(text, m.end(), end)
    if a is None:
        return None
    head = text[m.end() : a.start()]
    if not LABEL_HEAD_MIN_WORDS <= len(head.split()) <= LABEL_HEAD_MAX_WORDS:
        return None
    if any(c in head for c in ".,;:!?()"):
        return None
    if len(text[a.start() : end].split()) < TAG_LEAD_MIN_WORDS:
        return None
    return len(text[: a.start()].rstrip()), a.start()


# A picture's credit opening a sentence and run into the lead or a caption ("photograph
# by ann lee, acme geographic in the spring of 2013, ...", "Screenshot by Acme News
# following the ruling, ..."), and at the document's start a byline with its outlet
# ("by ann lee, acme public affairs when you stepped ..."): one to four words of a name
# that are no function words (two or three for a byline, no time word: "By late Monday,
# ..."), at most four words of an outlet after a comma, then a word that opens a clause
# (the lead's first). In cased copy the name's words are capitalised. The credit becomes
# a piece of its own: it ends in no stop, so no summary takes it.
_CREDIT_OPENING = re.compile(
    r"(?:(?:photo(?:graph)?s?|screenshots?|images?|illustrations?|pictures?|videos?|graphics?)"
    r"[ \t]+(?:by|courtesy(?:[ \t]+of)?)|(?P<by>by))[ \t]+(?=[^\W\d_])",
    re.IGNORECASE,
)
_CREDIT_WORDS = ("photo", "screensho", "image", "illustrat", "picture", "video", "graphic", "by ")
CREDIT_INITIALS = "PpSsIiVvGgBb"  # (the first letters of _CREDIT_WORDS)
_OPENS_CLAUSE = _wordset(
    "the a an in on at after when as during with following while since before it he she they "
    "we i this these his her their there"
)
# (a lead opening with one of these has its subject after a comma: "in the spring, a
# diver ..."; "video by a fisherman after the storm shows ..." is one sentence)
_OPENS_ADVERBIAL = _wordset("in on at after when as during with following while since before")
ADVERBIAL_COMMA_WORDS = 20
_NOT_A_NAME = _NOT_IN_CREDIT | _wordset(
    "late early then now noon midnight morning night today tonight yesterday tomorrow "
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year "
    "all way far"
)
CREDIT_NAME_WORDS = (1, 4)
BYLINE_NAME_WORDS = (2, 3)
CREDIT_OUTLET_WORDS = 4
_CREDIT_WORD = re.compile(r"[^\s,]+(,?)")


def _credit_opening_cut(text: str, start: int, end: int, byline: bool) -> tuple[int, int] | None:
    """(end, start) of the cut after a credit opening ``text[start:end]`` (_CREDIT_OPENING;
    a byline only when ``byline``), START_CREDIT_LEAD_MIN_WORDS words at least after it."""
    m = _CREDIT_OPENING.match(text, start, end)
    if m is None or (m["by"] and not byline):
        return None
    low, high = BYLINE_NAME_WORDS if m["by"] else CREDIT_NAME_WORDS
    name: list[str] = []
    outlet: list[str] | None = None  # after the comma that ends the name
    for w in _CREDIT_WORD.finditer(text, m.end(), min(end, m.end() + 200)):
        word = w.group().rstrip(",").lower()
        if outlet is not None and word in _OPENS_CLAUSE:
            if not outlet:
                return None
            stop = len(text[: w.start()].rstrip())
            break
        if outlet is None and word in _OPENS_CLAUSE and name:
            if not low <= len(name) <= high or m["by"]:
                return None  # (a byline's outlet follows its comma)
            stop = len(text[: w.start()].rstrip())
            break
        if not any(c.isalpha() for c in word) or any(c in word for c in '.!?()"“”'):
            return None
        if outlet is None:
            if word in _NOT_A_NAME:
                return None
            name.append(w.group().rstrip(","))
            if len(name) > high:
                return None
            if w.group(1):
                if len(name) < low:
                    return None
                outlet = []
        else:
            if w.group(1) or (word in _NOT_IN_CREDIT and word != "of"):
                return None
            outlet.append(word)
            if len(outlet) > CREDIT_OUTLET_WORDS:
                return None
    else:
        return None
    cased = any(not c.islower() for n in name for c in n if c.isalpha())
    if cased and not all(n[:1].isupper() for n in name):
        return None  # a cased copy capitalises a name
    nxt = stop + len(text[stop:end]) - len(text[stop:end].lstrip())
    lead = text[nxt:end].split()
    if len(lead) < START_CREDIT_LEAD_MIN_WORDS:
        return None
    if lead[0].lower() in _OPENS_ADVERBIAL and not any(
        w.endswith(",") for w in lead[:ADVERBIAL_COMMA_WORDS]
    ):
        return None
    return stop, nxt


# A dateline city whose tag and dash a lower-cased copy lost, glued to the lead's article
# ("dubai a court sentenced ...", "washington the postal service's losses ..."), in the
# document's first sentences (after a caption, the lead's): furniture.DATELINE_CITIES.
CITY_MAX_WORDS = 3
_CITY_FIRST_WORDS = fw.DATELINE_CITY_FIRST_WORDS
CITY_DATELINE_SENTENCES = 3  # the document's first sentences where one is looked for
_CITY_LEAD = re.compile(r"[ \t]+(?=(?:the|a|an)[ \t]+[^\W\d_])")


def _city_dateline_cut(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(end, start) of the cut after a dateline city opening ``text[start:end]`` before an
    article, START_CREDIT_LEAD_MIN_WORDS words at least after it."""
    from ..furniture import DATELINE_CITIES

    words = text[start : start + 40].split()[: CITY_MAX_WORDS + 1]
    for n in range(min(CITY_MAX_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[:n]).lower() not in DATELINE_CITIES:
            continue
        at = start + len(" ".join(words[:n]))
        if text[start:at] != " ".join(words[:n]):
            return None  # (a line break or two spaces inside: no place name)
        m = _CITY_LEAD.match(text, at, end)
        if m is None or len(text[m.end() : end].split()) < START_CREDIT_LEAD_MIN_WORDS:
            return None
        return at, m.end()
    return None


def _cut_credit_opening(
    text: str, sentence: tuple[int, int, int, str], byline: bool = False, early: bool = False
) -> list[tuple[int, int, int, str]]:
    """``sentence`` with a credit opening it (_credit_opening_cut) cut off, a dateline city
    before the lead's article (_city_dateline_cut; ``early``: one of the document's first
    sentences), or a caption's credit and the dateline after it (_credit_dateline_cuts;
    ``byline``: the document's first sentence, where _cut_page_head looks for those), or
    ``[sentence]``."""
    p_index, start, end, shown = sentence
    cut = None
    if shown[:10].lower().startswith(_CREDIT_WORDS):
        cut = _credit_opening_cut(text, start, end, byline)
    if cut is None and early and shown[:12].split(" ", 1)[0].lower() in _CITY_FIRST_WORDS:
        cut = _city_dateline_cut(text, start, end)
    if (
        cut is None
        and not byline
        and ")" in shown[:CREDIT_DATELINE_AT]
        and ("—" in shown or "–" in shown or " -" in shown)  # (the dateline's dash)
    ):
        # (a caption's credit and the dateline after it, later in the page: a second
        # caption's, or the story's after captions; the first sentence's is _cut_page_head's)
        cut = next(iter(_credit_dateline_cuts(text, start, end)), None)
    if cut is None:
        return [sentence]
    return [(p_index, a, b, " ".join(text[a:b].split())) for a, b in _cut(start, end, [cut])]


# A picture's caption and its bracketed credit before the lead's dateline, in one
# sentence ("<caption> ( portville police ) portville, nh ( kacm ) – police in ...", "...
# after the shooting. ( acme/kacm ) portville, okla. ( kacm ) -- one person ..."): a
# dateline with its dash right after a closing bracket is where the story starts. The
# caption, the credit and the dateline become one piece, which ends in no stop (no summary
# takes the caption, a picture's text). A wire's "file -" after a gallery's credit opens
# one more caption, not the story ("... ( ap ) file - in this 2015 file photo, ..."):
# topic's rules judge those.
CREDIT_DATELINE_AT = 300  # characters into the first sentence where the credit closes
CREDIT_MAX_WORDS = 5


def _credit_dateline_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end, start) of the cut after a bracketed credit and the dateline after it in the
    first sentence ``text[start:end]``, or []."""
    from ..cleaning.datelines import find_dateline

    limit = min(end, start + CREDIT_DATELINE_AT)
    close = text.find(")", start, limit)
    while close != -1:
        opening = text.rfind("(", start, close)
        place = close + 1 + len(text[close + 1 : end]) - len(text[close + 1 : end].lstrip())
        ahead = text[place : min(end, place + DATELINE_MAX_CHARS)]
        if not ("—" in ahead or "–" in ahead or "-" in ahead):
            close = text.find(")", close + 1, limit)
            continue  # (no dash for a dateline after this bracket)
        m = find_dateline(ahead)
        if (
            m is not None
            and (m.groupdict().get("dash") or m.groupdict().get("dash2"))
            and (m.groupdict().get("place") or m.groupdict().get("place2") or "").lower() != "file"
            and opening > start
            and text[start:opening].strip()
            and len(text[opening:close].split()) <= CREDIT_MAX_WORDS
        ):
            lead = place + m.end()
            if len(text[lead:end].split()) >= START_CREDIT_LEAD_MIN_WORDS:
                return [(place + len(m[0].rstrip()), lead)]
        close = text.find(")", close + 1, limit)
    return []


def page_text_opening(text: str) -> bool:
    """Whether ``text``, a sentence read alone (a summary's), opens with page text that
    segment cuts off a document's sentences: a picture's credit or a byline with its
    outlet (_credit_opening_cut), a caption and its credit before a dateline
    (_credit_dateline_cuts), or a dateline with an agency's tag or a date before the
    story's words. For the readability checker, which reads any system's sentences."""
    from ..cleaning.datelines import find_dateline

    if _credit_opening_cut(text, 0, len(text), byline=True) is not None:
        return True
    if ")" in text[:CREDIT_DATELINE_AT] and _credit_dateline_cuts(text, 0, len(text)):
        return True
    m = find_dateline(text[:DATELINE_MAX_CHARS])
    if m is None or not (m.groupdict().get("agency") or m.groupdict().get("date")):
        return False
    return len(text[m.end() :].split()) >= 3
