"""Cut documents into paragraphs and sentences, keeping exact raw offsets.

Wire copy is hard-wrapped every ~70 characters, mid-sentence. A line break is treated as
a soft wrap (joined into the paragraph) when the line is about as long as the block's
typical line and does not end a sentence; a short line or one that ends in final
punctuation ends its paragraph, so headlines, subheads and bylines stay apart from the
text after them. Sentences are then found on the joined paragraph, with line breaks read
as spaces: the working string has the raw text's length, so its offsets are raw offsets.

The default splitter ("rules") is one regex pass over candidate stops with word lists for
the abbreviations that do not end sentences: on the labelled sets of
``benchmarks/segmentation/`` it is at least as accurate as syntok at about a third of the
cost (``benchmarks/README.md``). syntok remains available as ``splitter="syntok"``. Both go
through the same repairs: glued sentences split (also lower-cased copy that lost the space
after a stop, and its "? " or "! " before a lower-case word: ``benchmarks/segmentation.md``),
pieces that end no sentence joined, a quotation of several sentences kept as one unit,
list items run into one line cut at their bullets, an attribution that cannot stand
alone ("Officials said on Monday.") joined to its sentence, and in lower-cased copy the
rest of a sentence cut after an abbreviation ("acme inc. Of portville") joined back; then,
over the whole document, a headline or caption glued to a copy of a sentence the page
shows again is cut off it, and at the document's start a video player's or a paper's label
and a headline run into the lead before a dateline's dash or a tabloid's "exclusive",
before a dateline with a state ("portville, nj --") or a bracketed outlet ("( acme news
)"), after a wire's "exclusive:" label up to its first article, and a photographer's
credit opening the page ("ann lee/cbs", "associated press"); a wire's dateline opening a
later sentence (after a gallery's credit) is a piece of its own, and in lower-cased copy
a verbless piece after a place and its state ("portville, okla. On the afternoon of
...") goes back on its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .casing import lower_cased
from .errors import InputError
from .model import CleanDocument, SegmentedDocument, Sentence, Span
from .options import SegmentOptions


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_ENDS_SENTENCE = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")
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
_HAS_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
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
    r"[^()/]{1,40}/\s*(?:[\w.]+\s+via\s+)?(?:ap|afp|reuters|epa|getty(?:\s+images)?)"
    r"(?:\s*/\s*(?:ap|afp|reuters|epa|getty(?:\s+images)?))*\s*)\)"
    r"(?:[ \t]+buy photo\b)?(?=([ \t]+)[\"“‘']?[^\W\d_])",
    re.IGNORECASE,
)
CREDIT_WIRE_MIN_BEFORE = 4
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
_LABEL = re.compile(
    r"advertisement(?:\s*skip)?(?:\s*-?\s*continue reading "
    r"(?:the main story|below))?(?!\s+(?:revenue|revenues|sales|spending|campaigns?|agency|"
    r"agencies|industry|market|budget|rates|space|executives|costs|prices|was|is|for|of)\b)"
    r"(?=([ \t]+)[\"“]?[^\W\d_])"
)
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
# A line that ends in an abbreviation ("the U.S.", "Gen.") has not ended its sentence.
_ENDS_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|St|Jan|Feb"
    r"|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Co|Corp|Ltd|Jr|Sr|vs|Prof|Rev)\.)\s*$"
)


def segment(
    clean: CleanDocument, doc_index: int = 0, options: SegmentOptions | None = None
) -> SegmentedDocument:
    """Sentences and paragraphs inside the body spans of one cleaned document."""
    options = options or SegmentOptions()
    text = clean.document.text
    paragraphs: list[Span] = []
    for body in clean.body:
        paragraphs.extend(_paragraphs(text, body.start, body.end, options))
    found = [
        (p_index, start, end, " ".join(text[start:end].split()))
        for p_index, para in enumerate(paragraphs)
        for start, end in _sentences(text, para.start, para.end, options.splitter)
    ]
    if found:
        found[:1] = _cut_page_head(text, found[0])
        # (the document's first dateline is cleaning's: cleaning.datelines)
        # (cheap tests first, here: this runs on every sentence)
        found[1:] = [
            piece
            for sentence in found[1:]
            for piece in (
                _cut_dateline(text, sentence)
                if sentence[3][:1].islower() or ")" in sentence[3][:DATELINE_HEAD_CHARS]
                else (sentence,)
            )
        ]
    sentences = [
        Sentence(
            doc_index=doc_index,
            doc_id=clean.document.id,
            index=i,
            paragraph=p_index,
            start=start,
            end=end,
            text=shown,
        )
        for i, (p_index, start, end, shown) in enumerate(_cut_repeated_tails(text, found))
    ]
    return SegmentedDocument(clean=clean, sentences=tuple(sentences), paragraphs=tuple(paragraphs))


# A wire's dateline opening a sentence inside the document ("... ( acme press ) portville,
# maine ( ap ) — the ..." where a gallery's last credit ends the captions, or a second
# story on the page): cut off as a piece of its own, as cleaning cuts the first one. Only
# with an agency's tag, or in lower case where the copy is lower-cased throughout
# (cleaning.datelines.find_dateline); "Officials — and police — said" opens no dateline.
DATELINE_MAX_CHARS = 160  # a place, a region and a tag
DATELINE_HEAD_CHARS = 60  # where its tag or dash begins
DATELINE_MAX_PLACE_WORDS = 5


def _cut_dateline(
    text: str, sentence: tuple[int, int, int, str]
) -> list[tuple[int, int, int, str]]:
    """``sentence`` with a dateline opening it cut off, or ``[sentence]``."""
    p_index, start, end, shown = sentence
    # (cheap tests first: this runs on every sentence; a tag or a dash comes early)
    head = shown[:DATELINE_HEAD_CHARS]
    if shown[:1].islower():
        if not ("—" in head or "–" in head or " -" in head or "(" in head):
            return [sentence]
    elif head.count(" ", 0, max(head.find("("), 0)) > DATELINE_MAX_PLACE_WORDS or ")" not in head:
        return [sentence]  # (no bracket, or more words before it than a place and region)
    from .cleaning.datelines import find_dateline
    from .furniture import AGENCIES

    m = find_dateline(text[start : min(end, start + DATELINE_MAX_CHARS)])
    if m is None:
        return [sentence]
    agency = m.groupdict().get("agency")
    if not (shown[:1].islower() or (agency and agency.lower() in AGENCIES)):
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
    credit = _start_credit_cut(text, head_start, end)
    if credit is not None:
        cuts.append(credit)
        head_start = credit[1]
    labelled = _labelled_head_cut(text, head_start, end) if ":" in shown else None
    if labelled is not None:
        cuts.append(labelled)
        head_start = labelled[1]
    dashed = "—" in shown or "–" in shown or "--" in shown
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
    rf"(?<=[^\W\d_]),[ \t]*(?:{_STATE})[ \t]*(?:{_WIRE_TAG}[ \t]*)?(?:--|—|–)"
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


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as stripped (start, end) pairs."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        pos = stop + 1
    return out


def _paragraphs(text: str, start: int, end: int, options: SegmentOptions) -> list[Span]:
    paragraphs: list[Span] = []
    block_start = start
    for match in [*_BLANK_LINE.finditer(text, start, end), None]:
        block_end = end if match is None else match.start()
        lines = _lines(text, block_start, block_end)
        if lines:
            paragraphs.extend(_join_wrapped(text, lines, options))
        if match is not None:
            block_start = match.end()
    return paragraphs


def _join_wrapped(text: str, lines: list[tuple[int, int]], options: SegmentOptions) -> list[Span]:
    lengths = sorted(b - a for a, b in lines)
    typical = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[Span] = []
    para_start = lines[0][0]
    for i, (a, b) in enumerate(lines):
        last = i == len(lines) - 1
        if last:
            wrapped = False
        else:
            next_a = lines[i + 1][0]
            ended = _ENDS_SENTENCE.search(text, a, b) and not (
                _ENDS_ABBREVIATION.search(text, a, b) or text[next_a].islower()
            )
            wrapped = (b - a) >= options.short_line_ratio * typical and not ended
        if not wrapped:
            out.append(Span(para_start, b))
            if not last:
                para_start = lines[i + 1][0]
    return out


def _sentences(text: str, start: int, end: int, splitter: str) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[start:end]`` of the document ``text``."""
    chunk = text[start:end].replace("\n", " ")
    try:
        split = SPLITTERS[splitter]
    except KeyError:
        raise InputError(f"unknown splitter {splitter!r}: one of {', '.join(SPLITTERS)}") from None
    spans: list[tuple[int, int]] = []
    for a, b in split(chunk):
        spans.extend(_split_glued(chunk, a, b))
    spans = _join_open_quotes(chunk, _join_missplit(chunk, spans))
    spans = _join_tails(chunk, spans, text)
    # after the joins, which would rejoin a caption that ends with no stop
    # (credits out of brackets, labels and stamps are searched for once per paragraph,
    # and only in one that holds a character or word that one of them needs; substring
    # tests, since a pattern of alternatives would be tried at every position)
    hinted = (
        "/" in chunk
        or "|" in chunk
        or "etty" in chunk
        or "dvertisement" in chunk
        or (":" in chunk and ("hoto" in chunk or "pdate" in chunk or "osted" in chunk))
        or (":" in chunk and "ublished" in chunk)
    )  # ("photo:" and every stamp but "/ updated" have a colon)
    slashes, labels = _marks(chunk) if hinted else ([], [])
    brackets = "(" in chunk
    if brackets or slashes or labels:
        spans = [
            p for a, b in spans for p in _split_credits(chunk, a, b, brackets, slashes, labels)
        ]
    if any(mark in chunk for mark in _BULLETS):
        spans = [p for a, b in spans for p in _cut(a, b, _bullet_cuts(chunk, a, b))]
    return [(start + a, start + b) for a, b in spans if _HAS_WORD.search(chunk, a, b)]


# List bullets run into one line by the page's text extraction ("Quick facts: ● four
# boats sank ● no one was hurt", "Related topics • The festival opened ..."): each
# bullet between spaces starts an item, which a sentence never runs on across.
_BULLETS = "•·●▪►■"
_BULLET = re.compile(rf"[ \t]+[{_BULLETS}][ \t]+")


def _bullet_cuts(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """(end, start) of a cut at each spaced bullet inside ``chunk[a:b]`` with a word before
    it in the sentence (the bullet belongs to neither piece)."""
    return [
        (m.start(), m.end())
        for m in _BULLET.finditer(chunk, a, b)
        if _HAS_WORD.search(chunk, a, m.start()) and _HAS_WORD.search(chunk, m.end(), b)
    ]


def _split_syntok(chunk: str) -> list[tuple[int, int]]:
    """Sentences by syntok's tokenizer and segmenter (accurate, pure Python, slow)."""
    from syntok import segmenter

    spans = []
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            if sentence:
                a = sentence[0].offset
                spans.append((a, sentence[-1].offset + len(sentence[-1].value)))
    return spans


# A word that ends in final punctuation (and closing quotes or brackets), then the next word.
# (The word before the stop is read backwards from it: a pattern that matched the word too
# would try every word of the text, not only the few with a stop.)
_CANDIDATE = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+(\S+))""")
# Abbreviations after which a name or number follows, never a new sentence ("St." is more
# often "St. Louis" than a street ending a sentence).
_NEVER_FINAL = _wordset(
    "mr mrs ms messrs dr sen sens rep reps gov gen lt col sgt capt adm cmdr maj prof rev "
    "pres supt atty insp det cpl pvt hon msgr fr sec secy amb treas lieut gens sir mt ft "
    "vs v no nos ex fig op vol pp cf approx dept est st"
)
# Abbreviations that can also end a sentence: a new one starts after them when the next
# word is capitalised (months take a day or year: "Sept. 15" goes on, "in Sept. The" ends).
_MAY_END = _wordset(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd llc plc jr sr bros "
    "etc al ave blvd rd"
)
# After "a.m."/"p.m." a time zone or a weekday continues the sentence ("8 p.m. Eastern
# time", "at 8 p.m. Friday" in AP style).
_AFTER_TIME = _wordset(
    "eastern central mountain pacific et ct mt pt est edt cst cdt pst pdt gmt utc bst cet "
    "local monday tuesday wednesday thursday friday saturday sunday today tomorrow"
)
# Capitalised words that open sentences far more often than they continue a name: after a
# dotted acronym ("U.S.", "D.C.") only these start a new sentence ("in the U.S. Most of
# them" ends, "the U.S. Supreme Court" goes on).
_OPENERS = _wordset(
    "a an the he she it they we i you his her its their our my this that these those there "
    "here but and or so yet if when while after before as at in on of for by with from to "
    "since until most many some all both each no not none one two three few several more "
    "other such what who which how why where then also still however meanwhile instead "
    "earlier later last next now today police officials authorities according"
)
# ... except "and"/"or", which after a dotted abbreviation join its two parts: copy that
# capitalises every word after ". " writes "talks between the u.s. And canada", "at 7 p.m. Or
# a little later" (benchmarks/segmentation.md: every such point read in the tune halves was
# one sentence).
_JOINS = _wordset("and or")
_LEADING_WORD = re.compile(r"\w*")  # "It" of "It’s"
_SPACE = re.compile(r"[\s\u200b\ufeff]*")  # zero-width spaces open many web paragraphs
_OPENING = "\"'“‘([¿¡—–"


def _split_rules(chunk: str) -> list[tuple[int, int]]:
    """Sentences by one regex pass and an abbreviation list (fast; syntok's accuracy).

    A sentence ends at final punctuation followed by space and a capitalised word, a
    digit or an opening quote, unless the word before the stop is an abbreviation that
    does not end sentences there (see the lists above), an initial ("J." in "J. R.
    Hammond") or a dotted acronym followed by a word that is not a usual sentence opener.
    """
    spans: list[tuple[int, int]] = []
    start = _SPACE.match(chunk).end()
    counted = quotes = 0  # straight quotes in chunk[:counted]: an odd count is open
    for m in _CANDIDATE.finditer(chunk):
        stop = w = m.start()
        while w > 0 and not chunk[w - 1].isspace():
            w -= 1
        word, punct, following = chunk[w:stop], m.group(), m.group(1)
        quotes += chunk.count('"', counted, m.end())
        counted = m.end()
        opens = following[0] in "“‘" or (following[0] == '"' and quotes % 2 == 0)
        end = m.end()
        if punct[0] == "." and following in ('"', "”"):
            # A closing mark spaced off after the stop (tokenized copy: `born. " he`):
            # it belongs to the sentence it closes, which ends after it.
            if following == "”" or not opens:
                end = chunk.index(following, end) + 1
                quotes += following == '"'
                counted = end
        elif _continues(word, punct, following, opens):
            continue
        spans.append((start, end))
        start = _SPACE.match(chunk, end).end()
    if start < len(chunk):
        spans.append((start, len(chunk.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def _continues(word: str, punct: str, following: str, opens: bool) -> bool:
    """Whether the sentence goes on after ``word`` + ``punct`` before ``following``.

    ``opens``: ``following`` starts with a quotation mark that opens a quotation (a
    quotation opened after a stop starts a sentence, whatever the case of its first word:
    lower-cased copy has "said. "we…").
    """
    first = following.lstrip(_OPENING)
    if following[0] in ".…":
        return True  # a spaced ellipsis (". . .") goes on; its last stop decides
    if not first:  # a lone mark, spaced off as tokenized copy has it
        return following[0] in "([" or not opens  # a bracket or a closing quote goes on
    quoted = first is not following
    if first[0] in ",;:-–—)%" or (first[0].islower() and not opens):
        return True  # lowercase only when the sentence goes on (`assistance...." it said`)
    if punct[0] != ".":
        return False  # "?" and "!" before a capital or a quote end the sentence
    bare = word.lstrip(_OPENING + "$£€")
    key = bare.lower().rstrip(".")
    if key in _NEVER_FINAL:
        return not quoted
    if "." in bare or (len(bare) == 1 and bare.isalpha()):
        # an initial ("J."), a dotted acronym ("U.S.", "D.C.") or a time ("a.m.")
        if _LEADING_WORD.match(first)[0].lower() in _JOINS:
            return not quoted
        if key in ("a.m", "p.m") and bare.islower():
            return first.lower().rstrip(".,") in _AFTER_TIME
        if len(bare) == 1:
            return not quoted  # "J. Hammond" (or "john f. kennedy" in lower-cased copy)
        return not quoted and _LEADING_WORD.match(first)[0].lower() not in _OPENERS
    if key in _MAY_END:
        return first[0].isdigit()
    return False


# The splitters a document can be cut with (SegmentOptions.splitter); benchmarks add more.
SPLITTERS: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "rules": _split_rules,
    "syntok": _split_syntok,
}


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


def _split_glued(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    return _cut(a, b, _glue_cuts(chunk, a, b))


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
    for m in _matches_at(_LABEL, low, ("advertisement",)):
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
        if m[1] is not None and (
            len(chunk[a : m.start()].split()) < CREDIT_WIRE_MIN_BEFORE
            or not chunk[start : start + 2].lstrip("\"“‘'")[:1].isupper()
        ):
            continue
        if len(chunk[start:b].split()) >= 3:
            cuts.append((m.end(), start))
    return cuts


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


def segment_text(text: str) -> list[str]:
    """Plain sentence strings of a text (for baselines and tools that need no offsets)."""
    from .model import Document

    seg = segment(CleanDocument.whole(Document(id="text", text=text)))
    return [s.text for s in seg.sentences]
