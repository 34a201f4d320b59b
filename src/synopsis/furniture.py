"""Vocabulary that cleaning uses, in one place so it is easy to extend.

Each list names a *kind* of text that is not the story (page furniture, captions,
credits, wire notes, agencies, web-archive notices). Whole-line lists are compared with
a line folded by :func:`fold` (lowercase, punctuation dropped, spaces collapsed); pattern
lists are regular expressions tried on the stripped line. Add to a list rather than
adding a special case to the ``cleaning`` package.
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
FURNITURE_PATTERNS: tuple[str, ...] = (
    r"^(?:read|see|watch|listen|view)(?: more| also| next| the full story| full coverage)?"
    r"(?: about| on)?\s*(?:[:>»|]|\.\.\.|…)",  # "READ MORE: ...", "See also: ..."
    r"^(?:watch|see|view) (?:the |our )?(?:video|photos?|gallery|slideshow)\b",
    r"^read [^.!?]{0,40}\bhere\W*$",
    r"toggle caption\b",
    r"\b(?:just watched|must watch|replay more videos)\b",
    r"\bmedia playback is unsupported\b",
    r"^like this\s*:",
    r"^(?:twitter|facebook|instagram|e-?mail)\s*:\s*\S+$",
    r"^@\w+$",
    r"^[\w.+-]+@[\w-]+\.[\w.]+$",  # an e-mail address alone
    r"^(?:reach|contact|e-?mail) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)* at\b",
    r"^follow \w+(?: \w+){0,3} (?:for|on) (?:the latest|more|updates|twitter|facebook)\b",
    r"\bfollow @\w+",
    r"\badd [\w .'-]+ as an interest\b",
    r"\bthe (?:opinions|views) expressed (?:are|here)\b",
    r"^the author is an? \w",
    r"^(?:opinion|analysis|related|editorial|commentary|explainer)\s*:\s*[A-Z][^.!?]*$",
    r"\b(?:posted|updated|published)\s*:\s*(?:\w+day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)",
    r"\bread more\W*$",  # a related-story teaser ending in "Read more"
    r"\b(?:see|watch) (?:the |our )?(?:video|photos|gallery)\W*$",  # a teaser pointing at a video
    r"\bshare this (?:story|article|page)\b",
    r"^(?:click|tap) here\b",
    r"\bclick here\b",
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
    r"\(all times local\)\W*$",  # a live blog's heading
)

# Photo captions and picture credits (a line with one of these is not story text).
CAPTION_PATTERNS: tuple[str, ...] = (
    r"(?:Photograph|Photo|Photos|Picture|Image|Illustration|Credit|Photo credit)\s*:\s*\S"
    r"[^.!?]{0,80}$",  # "... Photograph: Name/Agency" at the end
    r"^(?:Photograph|Photo|Photos|Picture|Image|Images|Video|Gallery|Slideshow)s?\s*:",
    r"\((?:[A-Z]+ )?Photos?(?:graph)?(?: by|/)[^)]*\)(?:\s*\([^()]*\))?\W*$",  # (AP Photo/X)
    r"^FILE\s*[-–—]+\s",  # AP file-photo caption
    r"^In this (?:\w+ )*(?:photo|image|picture|file photo|handout)\b",
    r"(?:Getty Images|AFP/Getty|Shutterstock|AP Images)\W*$",
    r"\bphoto (?:provided|released|taken) by\b",
    r"^(?:Photo(?:graph)?s?|Illustration|Image|Video|Graphic) (?:by|courtesy(?: of)?) [A-Z]",
    r"^(?:Buy Photo|Image copyright|View (?:Images|Photos|Graphic|Gallery))\b",
    r"^CLOSE\s+[A-Z]",  # a video player's label before the video's blurb
    r"^\d+ of \d+\b",  # a slideshow counter
    r" via (?:REUTERS|Reuters|AP|AFP|Getty Images)\W*$",
    r"Courtesy (?:of )?[A-Z][^.!?]{0,100}$",
    r"(?:REUTERS|AP|AFP|EPA|Reuters)/[A-Z][\w.'’ -]{1,40}\W*$",  # "REUTERS/Name"
    r"\([A-Z][\w.'’ -]*/[A-Z][\w.'’ /-]*\)\W*$",  # "(Name/The Daily Paper)"
)

# A caption's label at the start of a line ("Photo:", "Image copyright X Image caption"):
# on a line that goes on with a paragraph, only the label is cut (cleaning.lines).
CAPTION_LABEL = re.compile(
    r"^(?:(?:Photograph|Photo|Picture|Image|Illustration|Video|Gallery|Slideshow)s?\s*:"
    r"|Image copyright\b(?:[^.!?]{0,60}?\bImage caption\b)?|Buy Photo\b)",
    re.IGNORECASE,
)

# ... unless the rest still holds a caption's mark ("(Photo: Name)", "Buy Photo"): then it
# is a caption that runs on (a caption with the story's lede, as agencies write them).
CAPTION_MARK = re.compile(
    r"\b(?:Photo(?:graph)?s?|Image|Picture)\s*(?::|by\b|credit\b)|\bBuy Photo\b", re.IGNORECASE
)

# The start of a caption that, with a credit in parentheses at the end, marks a caption of
# any length (two captions glued on one line).
CAPTION_HEAD = re.compile(r"^(?:FILE\s*[-–—]+\s|In this (?:\w+ )*(?:photo|image|picture)\b)")
CREDIT_TAIL = re.compile(r"\((?P<credit>[^()]{2,60})\)\W*$")

# A post embedded from a social network: "... — Name (@handle) May 5, 2016", "pic.twitter.com/..".
EMBED = re.compile(
    r"(?:\(@\w+\)\s*(?:on )?(?:\w+\.? \d{1,2}, \d{4}|\d{1,2} \w+ \d{4})\W*$)"
    r"|\bpic\.twitter\.com/\w+|\bA (?:post|photo|video) shared by\b"
)

# Every match of EMBED holds one of these (by case).
EMBED_TRIGGERS: tuple[str, ...] = ("(@", "pic.twitter.com/", " shared by")

# A photo gallery widget: its own captions, counters and buttons, at any length.
GALLERY = re.compile(r"\bShow Caption\b|\b1 of \d+ [•·]|\bFull Screen Autoplay\b")
GALLERY_TRIGGERS = ("Show Caption", "•", "·", "Full Screen")

# A time stamp alone on a line (live-blog entries): "10 a.m.", "9:15 p.m. EDT".
# A page's share bar, run into the text when a copy lost its line breaks ("Listen to
# article 4:26 Share this article Facebook Twitter LinkedIn Email <lead>", "share share
# tweet link <lead>"): an audio player's label, or two or more share buttons in a row with
# nothing but blanks between them, opening a line or a sentence. Story text names the
# networks with commas and "and" ("on facebook, twitter and email"); a bar does not.
_SHARE_ITEM = (
    r"(?:share(?: (?:this|the) (?:article|story|page|post))?|shares|tweet|facebook|twitter|"
    r"linkedin|e-?mail|pinterest|whatsapp|reddit|print|link|google\+?|messenger|sms|"
    r"flipboard|tumblr|comments?|copy link)"
)
SHARE_BAR = re.compile(
    r"(?:^|(?<=[.!?])[\"'”’)]*\s+)(?P<bar>"
    r"listen to (?:this )?(?:article|story)(?:\s*\d{0,2}\s?:\s?\d\d)?"
    rf"(?:\s+{_SHARE_ITEM}(?:[ \t|/·•]+{_SHARE_ITEM})*)?|"
    rf"{_SHARE_ITEM}(?:[ \t|/·•]+{_SHARE_ITEM})*)(?=\s+\w|\s*$)",
    re.IGNORECASE,
)
SHARE_ACTIONS = frozenset(
    (
        *("share", "shares", "tweet", "facebook", "twitter", "linkedin", "email", "e-mail"),
        *("pinterest", "whatsapp", "reddit", "print", "google", "google+", "messenger"),
        *("sms", "flipboard", "tumblr"),
    )
)
SHARE_MIN_ACTIONS = 2
# What a bar that passes the test holds somewhere (lower case): two items side by side,
# "share" or "tweet" beside another, or the audio player's label
SHARE_NEEDLES = (
    *("share share", "share this", "share tweet", "tweet ", "listen to article"),
    *("listen to this", "listen to story", "facebook twitter", "twitter facebook"),
    *("facebook email", "print email", "email print", "twitter linkedin"),
)


TIME_LINE = re.compile(r"^\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)

# Credits and sign-offs at the end of wire copy ("X contributed.", "(Editing by ...)").
CREDIT_PATTERNS: tuple[str, ...] = (
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|research)"
    r"(?: and \w+)? by\b",
    r"\bcontributed(?: reporting| to this (?:report|article|story))?\W*$",
    r"^(?:courtesy(?: of)?|source)\s*:?\s+[A-Z]",
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
        "cnn",
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
# A notice needs one word of each list (say "crawl" and "archive") in one short line.
ARCHIVE_CRAWL_TERMS: tuple[str, ...] = ("crawl", "wayback", "heritrix", "web capture")
ARCHIVE_STORE_TERMS: tuple[str, ...] = ("archiv", "wayback machine")
# ... or a crawl's own description (its seed list, the domains and URLs it covered): a
# crawl named as such (not "a crawl space") with one of these, or three of them alone.
ARCHIVE_WEB_CRAWL: tuple[str, ...] = ("web crawl", "webcrawl", "crawls", "crawler", "crawled")
ARCHIVE_INDEX_TERMS: tuple[str, ...] = ("url", "domain", "seed list", "seed for")

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


class Patterns:
    """A pattern list compiled for speed: anchored patterns only look at the line's ends.

    Patterns starting with ``^`` are tried on the first ``reach`` characters, patterns
    ending with ``$`` on the last ``reach``; the rest on the whole line.
    """

    def __init__(
        self,
        patterns: tuple[str, ...],
        flags: int = 0,
        reach: int = 120,
        triggers: tuple[str, ...] = (),
        tail_triggers: tuple[str, ...] = (),
    ) -> None:
        def joined(ps: list[str]) -> re.Pattern[str] | None:
            return re.compile("|".join(f"(?:{p})" for p in ps), flags) if ps else None

        self.reach = reach
        # Unanchored patterns are slow on long lines; run them only when the lowercased
        # line holds one of these words (every unanchored pattern needs one of them).
        self.triggers = triggers
        # End-anchored patterns are tried at every position of the line's end; run them only
        # when that end holds one of these strings (every end-anchored pattern needs one):
        # by case, or for IGNORECASE patterns in lowercase (and always when the end has an
        # ODD_CASE character, which lowercase does not fold to the letter it matches).
        self.tail_triggers = tail_triggers
        self.folded = bool(flags & re.IGNORECASE)
        self.head = joined([p for p in patterns if p.startswith("^")])
        self.tail = joined([p for p in patterns if p.endswith("$") and not p.startswith("^")])
        self.anywhere = joined(
            [p for p in patterns if not p.startswith("^") and not p.endswith("$")]
        )

    def search(self, line: str) -> bool:
        if self.head and self.head.search(line[: self.reach]):
            return True
        if self.tail:
            end = line[-self.reach :]
            if self._tail_may_match(end) and self.tail.search(end):
                return True
        if not self.anywhere:
            return False
        if self.triggers and not holds(line.lower(), self.triggers):
            return False
        return bool(self.anywhere.search(line))

    def _tail_may_match(self, end: str) -> bool:
        if not self.tail_triggers:
            return True
        if not self.folded:
            return holds(end, self.tail_triggers)
        return holds(end.lower(), self.tail_triggers) or ODD_CASE.search(end) is not None


def holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``: a plain loop, cheaper than any() over a
    generator for the few short lists here."""
    for w in words:  # noqa: SIM110 (the loop is the point: no generator)
        if w in text:
            return True
    return False


FURNITURE_TRIGGERS: tuple[str, ...] = (
    "toggle caption",
    "watch",
    "replay",
    "media playback",
    "follow",
    "as an interest",
    "expressed",
    "posted",
    "updated",
    "published",
    "share this",
    "click here",
    "newsletter",
    "cookie",
    "rights reserved",
)
# Every end-anchored furniture pattern holds one of these (in lowercase).
FURNITURE_TAIL_TRIGGERS: tuple[str, ...] = (
    "read more", "video", "photos", "gallery", "all times local"
)  # fmt: skip
FURNITURE_RE = Patterns(
    FURNITURE_PATTERNS,
    re.IGNORECASE,
    triggers=FURNITURE_TRIGGERS,
    tail_triggers=FURNITURE_TAIL_TRIGGERS,
)
# Every end-anchored caption pattern holds one of these (by case): a label's colon, a
# credit's slash, "Photo", an agency's name, " via ", "Courtesy ".
CAPTION_TAIL_TRIGGERS: tuple[str, ...] = (
    ":", "/", "Photo", "Getty Images", "Shutterstock", "AP Images", " via ", "Courtesy "
)  # fmt: skip
CAPTION_RE = Patterns(CAPTION_PATTERNS, triggers=("photo",), tail_triggers=CAPTION_TAIL_TRIGGERS)
CREDIT_RE = Patterns(CREDIT_PATTERNS, re.IGNORECASE)

_FOLD = re.compile(r"[^\w]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, drop punctuation, collapse spaces: the key for whole-line lists."""
    return " ".join(_FOLD.sub(" ", text.lower()).split())


# --- site notices (a page about the page, not about the world) -------------------------
# A sentence is a notice when it names a part of the site or the reader's device or
# account (NOTICE_TERMS) *and* speaks to the reader or reports the page's own state
# (NOTICE_CUES), or when it is a web archive describing its own collection
# (COLLECTION_NOTICE), a weather widget's forecast (FORECAST), a traffic ticker
# (TRAFFIC) or a legal footer (LEGAL_NOTICE). A document whose body
# is mostly such sentences is a notice page: an error page, a login wall, a widget's
# help text saved in place of the article.
NOTICE_TERMS = re.compile(
    r"\b(?:tweets?|location information|third-party applications?|javascript|browser|cookies?"
    r"|transcript|video|feature|page|website|web site|e-?mail(?: address)?|newsletters?"
    r"|subscriptions?|subscriber|account|profile|log ?in|sign ?up|reprints?|non-commercial use"
    r"|junk mail|rat(?:ing|ed)|rented|legacy site|app|notifications?|headlines"
    r"|(?:the|this|our) site|listings?|item number|server|verification"
    r"|spam|folder|robot|characters|your (?:location|region)|member|premium content"
    r"|live event|legal help|content changes|documentation|configuration"
    r"|sign ?in|registration (?:information|form|details)|registering|registered users?|url"
    r"|search(?:ing)? (?:below|the web)|advanced search)\b",
    re.IGNORECASE,
)
NOTICE_CUES = re.compile(
    r"\b(?:you|your|you'?re|please|sorry|learn more|thank you|try again"
    r"|(?:could not|cannot|can't|couldn't) be (?:loaded|displayed|found|played)"
    r"|(?:is|are) (?:not |currently |no longer )?(?:available|supported|disabled)"
    r"|not found|has been (?:removed|moved)|click|to connect with"
    r"|(?:was|is) unable to|go to the|be back shortly|welcome to|refresh|check the|agree to)\b",
    re.IGNORECASE,
)
# A web archive's text about its own crawls and collections (the line rules catch the
# commonest ones; these are the sentences that survive them).
COLLECTION_NOTICE = re.compile(
    r"\b(?:this collection|collections? (?:is|are) (?:comprised|made up)|archive-?it"
    r"|internet archive|wayback machine|web ?crawls?|crawl(?:ed|s)? (?:of|from)"
    r"|partner since|seed (?:list|for))\b",
    re.IGNORECASE,
)
# A weather widget: "Low 26F. Winds E at 5 to 10 mph." (a forecast quoted in a story
# has the number with a unit word, not this widget shorthand).
FORECAST = re.compile(
    r"\b(?:highs?|lows?) (?:(?:near|around|of) )?-?\d+ ?°?f\b"
    r"|\bwinds? (?:light and variable|(?:[nsew]{1,3}|north|south|east|west)\w* at \d+)"
    r"|\bchance of (?:rain|snow|precip\w*) \d+ ?%"
    r"|\b(?:today|tonight|tomorrow) (?:a )?"
    r"(?:mix of clouds|(?:mostly |partly )?(?:cloudy|sunny|clear)\b)",
    re.IGNORECASE,
)
# A traffic ticker's shorthand: "accident cleared on the pkwy eb at exit 18", "7 m ago".
TRAFFIC = re.compile(
    r"\b(?:stop and go traffic|accident cleared|\d+ m(?:in)? ago"
    r"|(?:eb|wb|nb|sb) (?:at|between|near|past))\b",
    re.IGNORECASE,
)
# A site's legal footer and licensing text: the publisher speaking of its rights.
LEGAL_NOTICE = re.compile(
    r"\bregistered (?:office|trademarks?)\b|\ball rights reserved\b|\blicen[cs]e to reproduce\b"
    r"|\b(?:our|these) (?:terms|privacy)\b",
    re.IGNORECASE,
)


# --- a cheap test before each notice pattern --------------------------------------------
# Most sentences hold none of a notice pattern's words, and finding a word with ``in``
# costs far less than trying a case-insensitive alternation at every position. Every match
# of a pattern holds one of its words below (lowercase): change them with the pattern.
NOTICE_CUE_WORDS: tuple[str, ...] = (
    "you",  # you, your, you're, thank you
    "please",
    "sorry",
    "learn more",
    "try again",
    "t be ",  # could not / cannot / can't / couldn't be loaded ...
    "available",
    "supported",
    "disabled",
    "not found",
    "has been ",
    "click",
    "to connect with",
    "unable to",
    "go to the",
    "be back shortly",
    "welcome to",
    "refresh",
    "check the",
    "agree to",
)
COLLECTION_WORDS = ("collection", "archive", "wayback machine", "crawl", "partner since", "seed ")
FORECAST_WORDS = ("high", "low", "wind", "chance of ", "mix of clouds", "cloudy", "sunny", "clear")
TRAFFIC_WORDS = ("stop and go traffic", "accident cleared", " ago", "eb ", "wb ", "nb ", "sb ")
LEGAL_WORDS = (
    "registered office",
    "registered trademark",
    "all rights reserved",
    "licen",
    "our terms",
    "our privacy",
    "these terms",
    "these privacy",
)

# The characters that case-insensitive matching takes for an ASCII letter but ``str.lower``
# does not turn into that letter (checked over all of Unicode in the tests): in text that
# holds one, a pattern may match where the lowercased text lacks its words.
ODD_CASE = re.compile("[\u0130\u0131\u017f]")


class Gated:
    """A case-insensitive pattern tried only on text whose lowercase holds one of its words.

    Gives what ``pattern.search`` gives (as a bool): a match holds one of ``words`` once
    lowercased, unless the text has an :data:`ODD_CASE` character, and then the pattern is
    always tried.
    """

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.words = words

    def search(self, text: str, lower: str, odd: bool) -> bool:
        """``text``'s lowercase and whether it has an odd-case character come precomputed,
        so that one sentence tried against several patterns is lowercased once."""
        if not odd and not holds(lower, self.words):
            return False
        return self.pattern.search(text) is not None


NOTICE_CUES_GATED = Gated(NOTICE_CUES, NOTICE_CUE_WORDS)
# The page's own text that needs no cue.
PAGE_TEXT: tuple[Gated, ...] = (
    Gated(COLLECTION_NOTICE, COLLECTION_WORDS),
    Gated(FORECAST, FORECAST_WORDS),
    Gated(TRAFFIC, TRAFFIC_WORDS),
    Gated(LEGAL_NOTICE, LEGAL_WORDS),
)


# --- words too common to tell one story from another -----------------------------------
# Content words found in at least 20% of the 5,000 clusters of multi-news-train-5000
# (``python benchmarks/documents.py common-words DATA/multi-news-train-5000.jsonl.gz
# --share 0.2`` prints them again). Two documents sharing them say nothing about sharing
# a story, so off-topic judgment (cleaning.documents.topicality) leaves them out. A
# longer list (5%: 467 words) took out topical words too ("senate", "police", "trump")
# and made on-story articles look off-topic on the training set.
COMMON_WORDS: frozenset[str] = frozenset(
    {
        "according",
        "called",
        "including",
        "just",
        "like",
        "monday",
        "news",
        "people",
        "photo",
        "president",
        "press",
        "said",
        "says",
        "state",
        "time",
        "told",
        "tuesday",
        "week",
        "world",
        "year",
        "years",
    }
)


# --- dateline cities -----------------------------------------------------------------
# Cities that wire copy datelines most (world capitals and the largest news cities), for a
# dateline whose tag and dash a lower-cased copy lost ("dubai a court sentenced ..."):
# segment.start cuts such a city off a lead only before an article, where no sentence
# can go on from a city's name.
_CITIES = """
    washington|new york|london|paris|moscow|beijing|tokyo|dubai|cairo|jerusalem|baghdad|
    kabul|tehran|beirut|damascus|istanbul|ankara|berlin|brussels|rome|madrid|lisbon|athens|
    vienna|geneva|zurich|stockholm|oslo|copenhagen|helsinki|warsaw|kiev|kyiv|prague|
    budapest|bucharest|sofia|belgrade|dublin|edinburgh|amsterdam|the hague|hong kong|
    singapore|seoul|taipei|shanghai|mumbai|new delhi|islamabad|karachi|lahore|dhaka|bangkok|
    manila|jakarta|hanoi|sydney|melbourne|canberra|wellington|toronto|ottawa|montreal|
    vancouver|mexico city|havana|caracas|bogota|lima|santiago|buenos aires|brasilia|
    rio de janeiro|sao paulo|johannesburg|nairobi|lagos|abuja|addis ababa|khartoum|tripoli|
    tunis|algiers|rabat|riyadh|doha|abu dhabi|amman|sanaa|kuwait city|manama|muscat|
    los angeles|san francisco|chicago|houston|dallas|miami|atlanta|boston|philadelphia|
    seattle|denver|phoenix|detroit|las vegas|san diego|austin|nashville|baltimore|
    new orleans|cleveland|pittsburgh|minneapolis|st. louis|kansas city|orlando|tampa|
    sacramento|salt lake city|united nations
    """
DATELINE_CITIES: frozenset[str] = frozenset(name.strip() for name in _CITIES.split("|"))
DATELINE_CITY_FIRST_WORDS: frozenset[str] = frozenset(c.split()[0] for c in DATELINE_CITIES)
