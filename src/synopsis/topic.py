"""Sentences about something other than the story: never summary material.

News pages carry text that is about another event or about the page itself: a sidebar
opening "In a separate incident", a police tip line ("Anyone with information is asked
to call ..."), a teaser that asks a question and leaves it open, a "Read more" link.
:func:`off_topic` names the reason; :mod:`synopsis.select` skips such sentences and the
readability checker counts them (the same rules, so the checker measures whether the
selector kept them; hand reading is the independent measure).

:func:`choose_headline` picks the story's headline across independent sources; the
selector opens with the lead sentence closest to it (the central fact).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dependencies import announces
from .model import Headline, SegmentedDocument
from .score import words
from .segment import STAMP
from .textfacts import folded, found_once, may, text_of, word_count

# Each rule with the strings its pattern cannot match without (lower case; None: no
# pre-check), so that it runs only on the sentences that hold one (textfacts.Text.may).
_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...] | None], ...] = (
    (
        "another event",
        re.compile(
            r"^\W*(?:in (?:a|an|another) (?:separate|unrelated|related|similar|different|"
            r"other) (?:incident|case|attack|development|matter|story|event|move)|"
            r"in other news|separately,|elsewhere,|in an unrelated|also on \w+day,)",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        "tip line",
        re.compile(
            r"\b(?:anyone with (?:any )?information|crime ?stoppers|tip ?line|"
            r"(?:is|are) (?:asked|urged|encouraged) to (?:call|contact)|"
            r"call (?:the )?\w+(?: \w+)? (?:at|on) \(?\d{3})",
            re.IGNORECASE,
        ),
        (
            *("anyone with", "crime", "tip line", "tipline", "asked to c", "urged to c"),
            *("encouraged to c", "call "),
        ),
    ),
    (  # (two patterns for one rule: the first is tried at the start only)
        "page text",
        re.compile(
            r"^\W*(?:click here|read more|related:|watch:|see also|sign up|subscribe|hide caption|"
            r"(?:more|see it|see more|news|also read|read|listen|learn more):|prev next\b|"
            # (a scroll pointer alone: one glued to a story sentence is segment's label)
            r"(?:quick|fast|key) facts:|\(? ?scroll down\b[^.!?]{0,60}[.!?]?\W*$|"
            # a player's or a link's label standing alone ("Click to view the report.")
            r"click to (?:view|watch|see|read|play|listen|enlarge|continue)\b"
            r"[^.!?]{0,40}[.!?]?\W*$|"
            # a rights line ("Copyright 2014 The Acme Press."), a page's layout note
            r"copyright (?:© ?)?(?:19|20)\d\d\b|article continues (?:below|after)\b|"
            # an encyclopedia's note about the page ("This article is about ...")
            r"this (?:article|page) is about\b|for other uses, see\b|"
            r"(?:(?:photo|video)\s+)?advertisement(?:\s*skip)?(?:\s*-?\s*continue reading\b"
            r"[^.]*)?\W*$|"
            r"(?:below|above) (?:is|are) (?:a|an|the)\b|"
            # a live blog's header with no time zone ("The latest developments as ..."), a
            # teaser's "Stay tuned"
            r"the latest developments\b|stay tuned\b|"
            r"follow (?:us|\w+ \w+) on (?:twitter|facebook)|photos?:|videos?:|editor'?s note|"
            r"update[ds]?\b[^.]{0,40}:|correction:|clarification:|"
            # a link's label ("View other results on our full results page.")
            r"(?:view|see) (?:other|all|more|the full|our full)\b|"
            # a video page's stamp before its description ("Published on Dec 9, 2017 ...")
            # (with or without "on" or a colon: "Published Dec 9, 2017", "uploaded: ...")
            # a photo gallery's counter and its picture's date ("3/40 May 2, 2014 ...",
            # "12 / 50 4/2/2014 ..."): a caption from the gallery, of any story
            r"\d{1,3} ?/ ?\d{1,3},?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
            r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
            r"\d{1,2}/\d{1,2}/\d{2,4}\b)|"
            r"(?:published|uploaded|posted|streamed live)(?: on)?:? (?:jan|feb|mar|apr|may|jun|"
            r"jul|aug|sep|"
            r"oct|nov|dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d\b(?!,? (?:in|by|at|on)\b))",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        "page text",
        re.compile(
            r"\b(?:click here|sign up for our|this story has been updated|"
            r"contributed to this report|is available on|download our app|"
            r"you can (?:unsubscribe|subscribe|buy|download|sign up|follow us|listen)|"
            r"(?:do not|don't|don’t) forget to (?:rate|subscribe|follow|share|like|sign)|"
            # a link's or a page's pitch ("To read the paper, go here.", "web exclusives")
            r"\b(?:go|tap) here\W*$|^\W*tap here\b|\b(?:web|online) exclusives?\b|"
            r"click (?:in|on) the (?:link|right|left|image|button|icon|tab|box|arrow)|"
            # an e-mail box's text
            r"a link to this (?:page|article|story) will be|"
            r"(?:photos?|caption) \d+ of \d+|"
            # a newsletter's pitch, a pointer to the page's own pictures, a link's label
            r"breaking news (?:emails|alerts)|delivered (?:weekday|every|daily|to your)|"
            r"learn more about|(?:shown|pictured|seen|embedded) (?:here|above|below)|"
            r"(?:videos?|photos?|images?|clips?|gallery|slideshow) (?:above|below)|"
            r"(?:image|media) (?:copyright|caption)|media playback|"
            # an editor's correction note ("An earlier version of this story misstated ...")
            r"an earlier version of (?:this|the) (?:story|article|report|post|piece)|"
            r"(?:has been|was) (?:corrected|amended) to (?:reflect|show|say|state|clarify)|"
            r"correction appended|"
            # a newsletter box's text ("Invalid email address. Please re-enter.")
            r"invalid email address|please re-enter|you must select a newsletter|"
            r"by signing up,? you agree|view all [\w ]{0,30}newsletters|newsletter sign up|"
            # a wire copy's rights notice, left in the body
            r"all rights reserved|may not be (?:re)?published, broadcast|"
            # a live blog's header ("The Latest on the storm (all times local): 10 a.m.")
            r"the latest\b[^.()]{0,150}\( ?all times\b)",
            re.IGNORECASE,
        ),
        (
            # ("click here", "go here", "tap here" and "select a newsletter" are in
            # "click ", " here" and "newsletter")
            *("sign up for our", "this story has been updated"),
            *("contributed to this report", "is available on", "download our app"),
            *("you can ", "forget to ", "photo ", "photos ", "caption "),
            *("exclusive", "click ", "a link to this"),
            *("breaking news", "delivered ", "learn more", " here", "above", "below"),
            *("image ", "media ", "an earlier version", "corrected to ", "amended to "),
            *("correction appended", "invalid email", "re-enter"),
            *("by signing up", "newsletter", "rights reserved", "not be published"),
            "not be republished",
            "all times",
        ),
    ),
)


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# A photo caption left in the body: a short line that opens with its date ("May 2004, at
# the funeral.") or points at the picture ("that's the mayor on the left"), a Wikipedia
# footnote marker ("[20]"), or a reader warning ("Warning: contains spoilers").
_CAPTION_RULES = (
    re.compile(
        rf"^\W*(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}})?,?\s+\d{{4}},\s+"
        r"(?:as|at|in|on|during|with|when|after|before|days|weeks|months|years|shortly|the|a|an)\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:(?:on|at) the (?:far )?(?:left|right)\b|\((?:left|right|center|centre)\)|"
        r"pictured (?:here|above|below|left|right)|in happier times|seen (?:here|above))",
        re.IGNORECASE,
    ),
    re.compile(r"\[ ?\d{1,3} ?\]"),  # (a re-tokenized text spaces it: "[ 5 ]")
    # a photo credit ("Jane Doe / Reuters file"), or a picture's present-tense "is seen"
    re.compile(
        r"\w\s*/\s*(?:reuters|ap|afp|getty(?:\s+images)?|epa|bloomberg|file)\b|"
        r"\b(?:is|are)\s+seen\s+(?:in|at|on|during|here|with)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:warning|spoiler alert|spoilers?|trigger warning):", re.IGNORECASE),
)
CAPTION_MAX_WORDS = 14
# An agency's caption at any length: its date with weekday and year ("..., Thursday, Sept.
# 17, 2015, in Tovarnik"; a story writes "on Thursday", and "on Monday, Jan. 11, 1999" is
# left alone), "in this ... photo", "this undated photo", "this frame grab" ("file - this
# may 3, 2014 file photo shows ...", a wire's file caption, with its date), or a pointer
# set off by commas ("Ann Lee, left, and Tom Webb ...") or brackets ("Ann Lee (above)").
_AGENCY_CAPTION = re.compile(
    r"\w, (?:left|right|center|centre|(?:second|third) from (?:left|right)),|"
    r"\( ?(?:above|below|top|bottom|inset|pictured) ?\)|"
    rf"(?<!\bon )\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? (?:{_MONTHS}|jan|feb|mar|apr|"
    r"jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2},? (?:19|20)\d\d\b|"
    r"\bin this\b[^.]{0,40}\b(?:photo|image|picture)\b|"
    rf"\bthis (?:(?:{_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{{1,2}},? "
    r"(?:(?:19|20)\d\d,? )?)?(?:undated |handout |file |aerial )*"
    r"(?:photo|image|picture|frame grab)\b (?:\w+ )?"
    r"(?:shows|released|provided|taken|made)\b",
    re.IGNORECASE,
)
# What each alternative of _AGENCY_CAPTION cannot match without, by alternative (a
# single list of needles, "day " and "this " among them, let the whole pattern run on a
# fifth of full-text sentences, where it found a caption in about one in 300).
_POINTER_NEEDLES = (", left,", ", right,", ", center,", ", centre,", " from left,", " from right,")
_BRACKETED_NEEDLES = ("above", "below", "top", "bottom", "inset", "pictured")
_PICTURE_WORDS = ("photo", "image", "picture", "frame grab")


def _may_be_agency_caption(text: str, low: str | None) -> bool:
    """False when no alternative of :data:`_AGENCY_CAPTION` can match ``text`` (``low``:
    its :func:`~synopsis.textfacts.folded`): each needs its own words (a pointer's, a
    bracketed pointer's and brackets, a weekday with a year of 19xx or 20xx, a picture
    word after "this"), so the pattern runs only where one alternative has all it needs.
    (Plain ``in`` tests, cheapest and most telling first: this runs on every sentence.)"""
    if low is None:
        return True
    if "day" in low and ("19" in text or "20" in text) and ("day " in low or "day, " in low):
        return True
    if ("this " in low or "in this" in low) and may(low, _PICTURE_WORDS):
        return True
    if "(" in text and may(low, _BRACKETED_NEEDLES):
        return True
    return "," in text and may(low, _POINTER_NEEDLES)


# A page's time stamp and byline, which segment cuts from the lead after it.
_ENDS_STAMP = re.compile(r"(?<!\w)" + STAMP + r"\W*$", re.IGNORECASE)
# A caption's credit out of brackets, which ends it ("... on the quay. Ann Lee / Reuters";
# segment ends the sentence after it when the story's lead follows).
_ENDS_CREDIT = re.compile(
    r"(?:[^\W\d_]\s*/|\|)\s*(?:[\w.]+\s+via\s+)?(?:ap|afp|reuters|epa|getty(?:\s+images)?|"
    r"associated press|bloomberg|istockphoto(?:\.com)?)(?:\s*/\s*[\w.]+)*(?:\s+file)?\W*$|"
    r"(?:\bphotos?:\s*\w+|\bgetty images)\W*$",
    re.IGNORECASE,
)
# A caption with its credit of one word after the stop ("... after the shooting. ( kacm )"),
# which segment ends the sentence after (not after an abbreviation's stop: a ticker).
_ENDS_TAG = re.compile(
    r"[^\W\d_]{2}(?<!\binc)(?<!\bco)(?<!\bcorp)(?<!\bltd)[.!?][\"”’']?[ \t]+"
    r"\([ \t]*[^\W\d_](?:[^\W\d_]|[/.-]){1,20}[ \t]*\)\s*$",
    re.IGNORECASE,
)
# A picture agency's caption that ends in its place and date, the date after a comma or
# right after the place ("... speaks to delegates at the convention in Tampa, Florida,
# August 29, 2012.", "General view of the quay in portville april 22, 2015."): a story
# dates its event "on" a day ("... on Monday, Jan. 11, 1999."), and tells it in the past
# or the future, so a sentence with a past or future auxiliary or a verb of saying stays.
_SHORT_MONTHS = "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_DATED_CAPTION = re.compile(
    # after a comma (not a weekday's: "on Monday, Jan. 11, 1999" is a story's), or after
    # "in"/"at" and a place of up to four words ("on" none of them: "in the senate on ...")
    rf"(?:(?<=[^\W\d_])(?<!day),[ \t]+(?:on[ \t]+(?=(?:{_MONTHS}|{_SHORT_MONTHS})\b))?|"
    r"\b(?:in|at|near|outside)[ \t]+(?:(?!on\b)[^\W\d_][\w.'’-]*,?[ \t]+){1,4})"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
    rf"(?:{_MONTHS}|{_SHORT_MONTHS})\.?[ \t]+\d{{1,2}},?[ \t]+(?:19|20)\d\d\W*$",
    re.IGNORECASE,
)
_NOT_CAPTION_TENSE = frozenset(
    {"was", "were", "had", "has", "have", "will", "would", "did", "could", "should"}
    | {"said", "says", "told"}
)
_ENDS_YEAR = re.compile(r"(?:19|20)\d\d\W*$")


def _dated_caption(text: str) -> bool:
    """A caption ending in its place and date (_DATED_CAPTION), told in the present."""
    if not _ENDS_YEAR.search(text, max(0, len(text) - 12)) or not _DATED_CAPTION.search(text):
        return False
    return _NOT_CAPTION_TENSE.isdisjoint(re.findall(r"[^\W\d_]+", text.lower()))


# What the picture rule and the date rule cannot match without (textfacts.may).
_YEAR = re.compile(r"\d{4}")
_PICTURE_NEEDLES = ("left", "right", "(cent", "pictured ", "happier", "seen ")


def caption(text: str) -> bool:
    """A caption, footnote marker or reader warning: text about the page, not the story."""
    return _caption(text, folded(text))


def _caption(text: str, low: str | None) -> bool:
    """:func:`caption` of ``text``, whose :func:`~synopsis.textfacts.folded` is ``low``."""
    date, picture, footnote, credit, warning = _CAPTION_RULES
    # (date and warning are anchored at the start: match, not a search at every position)
    if footnote.search(text) or (may(low, ("warning", "spoiler")) and warning.match(text)):
        return True
    if _may_be_agency_caption(text, low) and _AGENCY_CAPTION.search(text):
        return True
    if may(low, ("/", "|", "photo", "getty")) and _ENDS_CREDIT.search(text):
        return True
    if _dated_caption(text) or (text.endswith(")") and _ENDS_TAG.search(text)):
        return True
    if may(low, ("updated", "posted", "published")) and _ENDS_STAMP.search(text):
        return True
    # the other rules hold only for a short line: no search in a long one
    if word_count(text, CAPTION_MAX_WORDS) > CAPTION_MAX_WORDS:
        return False
    return bool(
        (_YEAR.search(text) and date.match(text))
        or (may(low, _PICTURE_NEEDLES) and picture.search(text))
        or (may(low, ("/", "seen")) and credit.search(text))
    )


# "Jane Doe is the Post's science editor.": a note about the writer, not the story.
_WRITER = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2} (?:is|was) (?:a|an|the)?\s*[\w.'’ ,-]{0,50}"
    r"\b(?:editor|correspondent|reporter|writer|columnist|contributor|producer)\b[^.]{0,40}\.$"
)


# A headline or a list of links left in the body is written In Title Case: small words
# that a sentence never capitalises after its start ("Ten Beaches To Visit Now").
_TITLE_WORDS = (
    "to|for|of|in|on|at|with|is|are|was|were|my|your|our|her|his|their|and|or|from|by|"
    "into|up|out|over|after|now|how|why|what|who|be|has|have|can|will|also|not|more|all|"
    "off|back"
)
# A capitalised small word after the first word (a word of capitals only is an acronym).
# (Every hit starts with a capital: the lookahead lets the matcher skip to the next one.)
_TITLE_HIT = re.compile(
    r"(?=[A-Z])(?<=[^\w'’-])(?:"
    + "|".join(w.capitalize() for w in _TITLE_WORDS.split("|"))
    + r")\b(?![\w'’-])"
)
TITLE_MIN_HITS = 2


def _title_case(text: str) -> bool:
    """Headlines and link lists left in the body ("Top Ten Beaches To Visit ..."):
    two or more small words capitalised after the first word, which news prose and its
    names ("Secretary of State") never do."""
    rest = text_of(text).rest.lstrip()
    return len(_TITLE_HIT.findall(rest, 1)) >= TITLE_MIN_HITS


# A photo gallery's counter opening a caption, whatever follows it ("1/69 8 september 2017
# crowds brave the rain ...", "3/24 the mayor at the quay", "1/29 the vote - 20 january
# ..."): n/m with n <= m and m of GALLERY_MIN_SIZE or more (a fraction, "3/4 of", has a
# small m), not a date ("2/9/2015"), not "24/7", and not before a unit or "of".
_COUNTER = re.compile(r"\W*(\d{1,3}) ?/ ?(\d{1,3})[ \t]+(?:[\"“][ \t]*)?([^\W\d_]+|\d)")
GALLERY_MIN_SIZE = 5
_AFTER_FRACTION = frozenset(
    {"of", "to", "and", "or", "percent", "per", "th", "st", "nd", "rd", "times", "time"}
    | {"mile", "miles", "inch", "inches", "cup", "cups", "pound", "pounds", "ounce", "ounces"}
    | {"hour", "hours", "teaspoon", "tablespoon", "wall"}
)


def _gallery_counter(text: str) -> bool:
    """A photo gallery's counter opening ``text`` (_COUNTER)."""
    m = _COUNTER.match(text)
    if m is None:
        return False
    n, size = int(m[1]), int(m[2])
    return 1 <= n <= size and size >= GALLERY_MIN_SIZE and m[3].lower() not in _AFTER_FRACTION


@found_once
def off_topic(text: str) -> str | None:
    """Why ``text`` is not about the story (a short reason), or None.

    A question outside quotation marks is a teaser: a summary states, it does not ask.

    >>> off_topic("In a separate incident, two men were arrested in Ohio.")
    'another event'
    >>> off_topic("Is this the end of the road for the project?")
    'question'
    >>> off_topic("The ministry said talks would resume.") is None
    True
    """
    text = text_of(text)
    for reason, pattern, needles in _RULES:
        if (needles is None or text.may(needles)) and pattern.search(text):
            return reason
    # (the text outside quotations has no character the sentence lacks: when the
    # sentence's lower case can be trusted, so can the rest's, and it needs no new check)
    rest = text.rest
    low = rest.lower() if text.lower_ is not None else folded(rest)
    if _WRITER.match(text.strip()) or _caption(rest, low) or _title_case(text):
        return "page text"
    if text[:1].isdigit() and _gallery_counter(text):
        return "page text"
    if text.rest.rstrip(" )").endswith("?"):  # a quoted one ends in a quote mark
        return "question"
    return None


# Background: how things came to be, not what happened ("The rise of X has rearranged
# ...", "For years, ...", "Since 2011, ...").
_BACKGROUND = re.compile(
    r"^\W*(?:the\s+(?:\w+\s+)?(?:rise|growth|emergence|spread|decline|history|story|"
    r"legacy|roots|origins?|idea|question)\s+of\b|for\s+(?:years|decades|months|centuries|"
    r"generations)\b|in\s+recent\s+(?:years|months|decades|weeks)\b|over\s+the\s+(?:past|"
    r"last)\s+(?:\w+\s+)?(?:years|decades|months)\b|since\s+(?:at\s+least\s+)?"
    r"(?:1[89]|20)\d\d\b|ever\s+since\b|historically\b|long\s+before\b)",
    re.IGNORECASE,
)
# A reaction to news the reader has not been told yet ("Leaders condemned ...").
_REACTION = re.compile(
    r"^\W*(?:[\w.'’-]+\s+){0,6}?(?:condemned|welcomed|praised|criticized|criticised|"
    r"slammed|blasted|hailed|mourned|reacted|applauded|denounced|lamented|decried|"
    r"cheered|lashed\s+out|expressed\s+(?:shock|outrage|sadness|concern))\b",
    re.IGNORECASE,
)


def not_a_lead(text: str, quotation: bool = False) -> str | None:
    """Why ``text`` cannot open a summary though it may sit inside one, or None: an
    opening states the news as an event, so not a quotation (``quotation``: the caller's
    verdict), a reaction, background, or a sentence that announces what comes next."""
    if quotation:
        return "quotation"
    if announces(text):
        return "announcement"
    rest = text_of(text).rest
    if _BACKGROUND.match(rest):
        return "background"
    if _REACTION.match(rest):
        return "reaction"
    return None


# Words too common to say what a headline is about.
_STOP = frozenset(
    [
        *("a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from"),
        *("and", "or", "but", "is", "are", "was", "were", "be", "as", "after", "over"),
        *("its", "his", "her", "their", "it", "he", "she", "they", "s", "says", "said"),
        *("new", "up", "out", "into", "about", "not", "no", "will", "than", "more"),
    ]
)


def content_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` that carry meaning (stop words out)."""
    return {w for w in words(text) if w not in _STOP and len(w) > 1}


def overlap(a: set[str], b: set[str]) -> float:
    """Dice coefficient of two word sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# A title line that ends in a separator or a label's colon ("CAIRO |", "Name (role):")
# is a dateline or a speaker label the page put first, not a headline.
_OPEN_END = re.compile(r"[|:/\-–—]\s*$")


def headline_like(title: str) -> bool:
    """Whether a title kept by cleaning can stand as the summary's headline: three words
    or more, two of them content words, not ending open ("by", "text size", "Article
    Excerpt", a section heading of two words and a dateline ending in "|" are page text).

    >>> headline_like("Iran rejects US offer of talks on militants")
    True
    >>> headline_like("text size") or headline_like("CAIRO |") or headline_like("by")
    False
    """
    return (
        len(title.split()) >= 3
        and len(content_words(title)) >= 2
        and _OPEN_END.search(title) is None
    )


def choose_headline(
    documents: Sequence[SegmentedDocument], group_of: Sequence[int]
) -> Headline | None:
    """The headline most representative across independent sources: the one whose words
    the other copy groups' headlines (or, for a group without one, its lead sentence)
    share most. None when no article kept a headline.

    ``group_of[i]`` is the copy group of document ``i``; copies of one story count once,
    so a wire headline republished five times does not outvote two other sources.
    """
    titles = [d.clean.meta.get("title", "").strip() for d in documents]
    titles = [t if headline_like(t) else "" for t in titles]
    if not any(titles):
        return None
    tags = []
    for d, title in zip(documents, titles, strict=True):
        tags.append(title or (d.sentences[0].text if d.sentences else ""))
    bags = [content_words(t) for t in tags]
    best, best_score = -1, -1.0
    for i, title in enumerate(titles):
        if not title:
            continue
        by_group: dict[int, float] = {}
        for j, bag in enumerate(bags):
            if group_of[j] != group_of[i]:
                by_group[group_of[j]] = max(by_group.get(group_of[j], 0.0), overlap(bags[i], bag))
        score = sum(by_group.values())
        if score > best_score:
            best, best_score = i, score
    return Headline(text=" ".join(titles[best].split()), document_id=documents[best].document.id)
