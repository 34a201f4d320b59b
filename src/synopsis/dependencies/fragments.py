"""Sentences no neighbour can mend: fragments, glued page text, no verb, announcements."""

from __future__ import annotations

import re

from ..textfacts import Text, found_once, may, outside_quotes, text_of, word_count
from ..wordlists import (
    SAY,
)

_GLUED = re.compile(r"(?:[a-z]{2}|[A-Z0-9]{3})[.!?,][\"”’]?[A-Z][a-z]|[a-z][.!?,][\"”][A-Z]")
# What _GLUED and _LOST_STOP cannot match without, found by patterns that start with a
# character class (which the matcher scans for quickly): a cheap test first.
_GLUED_HINT = re.compile(r"[.!?,][\"”’]?[A-Z]")
_ENDS = tuple(".!?\"'”’)]:;…")
# A subhead left on the line of the next sentence: a short quoted run with no punctuation
# of its own ("'Sold-on' In an extraordinary ..."), then a capitalised sentence start.
_GLUED_SUBHEAD = re.compile(r"""^['"‘“][^'"‘’“”.,!?;:]{1,40}['"’”]\s+[A-Z][a-z]*\s+\w""")
# A full stop lost between two sentences: a lower-case word, then a capitalised word
# that only starts a sentence ("... last week On May 4, ...").
_LOST_STOP = re.compile(
    r"\b[a-z]{2,}\s+(?:(?:He|She|They|It|But|When|We|His|Her|Their|This)\s+[a-z]|"
    r"(?:On|In|At|After)\s+(?:[A-Z][a-z]+,|[A-Z][a-z]+\s+\d|\d))"
)
# (_LOST_STOP reads the text outside quotations, where a blanked quotation next to the
# word was a closing quotation mark before it or an opening one after it.)
_LOST_STOP_HINT = re.compile(
    r"[\s\"”»](?:He|She|They|It|But|When|We|His|Her|Their|This|On|In|At|After)[\s\"“„«]"
)


# Page text glued into a sentence, which segmentation could not split off because the
# page put no full stop after it: a photo credit or caption source in brackets ("(AP
# Photo/Jane Doe)", "( photo: submitted )", "(Jane Doe, The Denver Post)", "(Associated
# Press)", "(Courtesy of ...)"), an editor's note ("(Updates shares ...)", "(This refiled
# version ...)", "(Published Friday, ...)"), page furniture ("Story highlights", "toggle
# caption", "Related headlines", "Posted at 4:17 pm", a link, an HTML entity, an embedded
# tweet's "(@handle) May 2, 2016", "[See photos ...]", a video's running time), or a
# wire dateline that does not open the sentence ("... text. Kiev (Reuters) - ...").
# (One pattern for what sits in brackets, one for the rest, each tried only on a text
# that can hold it.)
_GLUED_BRACKET = re.compile(
    r"\(\s*(?:(?:(?:ap|afp|reuters|getty|epa|file)\s+)?(?:photos?|images?|file photo)\s*[:/]|"
    r"(?:the\s+)?(?:associated press|courtesy\b|published\s+\w+day|this (?:refiled|"
    r"corrected|updated) (?:version|story)|updates?\s+\w+|corrects?\s+\w+)|"
    r"[^()]{2,40},\s*(?:the\s+)?[\w .]{2,30}\b(?:post|times|news|herald|tribune|journal|"
    r"republic|star|globe|chronicle|gazette|bee|sun|examiner|inquirer|dispatch)\s*\)|"
    r"@\w+\s*\)\s+[a-z]+\.?\s+\d)",
    re.IGNORECASE,
)
_GLUED_FURNITURE = re.compile(
    r"\b(?:story highlights|toggle caption|enlarge this image|related headlines|skip in skip|"
    r"embed x share|in your inbox)\b|posted at \d{1,2}\s*:\s*\d\d\s*(?:[ap]\.?m\.?\s*)?(?:on|by)\b|"
    r"https?://|www\.\w|&#\d+;|«\s*previous|\[\s*(?:see|watch|read|photos?|video)\b|"
    r"\bvideo\s*\(\s*\d{1,2}\s*:\s*\d\d\s*\)",
    re.IGNORECASE,
)
# What _GLUED_FURNITURE cannot match without (lower case).
_FURNITURE_NEEDLES = ("story highlights", "toggle caption", "enlarge this", "related head")
_FURNITURE_NEEDLES += ("skip in", "embed x", "posted at", "inbox", "http", "www.", "&#", "«")
_FURNITURE_NEEDLES += ("[", "video")
# A wire dateline ("Kiev (Reuters) -") opens a story: after a headline or a caption (more
# words before it than a place name has) it is glued on.
_DATELINE = re.compile(r"\(\s*(?:ap|reuters|afp|upi|cnn)\s*\)\s*(?:--|[-–—])", re.IGNORECASE)
DATELINE_MIN_BEFORE = 5  # words before "(AP) —" that are more than its place name
# A table read as one sentence: many figures and few words between them ("2001 110,299
# 117,662 2002 ..."); or a run of labels ("Director: ... Cast: ... Running length: ...").
_FIGURE = re.compile(r"(?<!\S)[\d.,:%$()-]*\d[\d.,:%$()-]*(?!\S)")
TABLE_MIN_FIGURES = 10
# Each figure holds a digit: a text with fewer digits than that holds fewer figures, and
# this match (possessive: one pass) says so before the figures are listed.
_MIN_DIGITS = re.compile(rf"(?:\D*+\d){{{TABLE_MIN_FIGURES}}}")
_LABEL = re.compile(r"\b[a-z]{3,}:\s", re.IGNORECASE)
LABELS_MIN = 4


def glued_page_text(text: str) -> bool:
    """Page text inside a sentence (a caption's credit, an editor's note, page furniture,
    a table, a run of labels): what a segmenter joins to a story sentence when the page
    put no full stop between them. Never summary material, whatever its length.

    >>> glued_page_text("Fans gather. (AP Photo/Jane Doe) The festival opened on Friday.")
    True
    >>> glued_page_text("The festival, which opened (as planned) on Friday, drew 20,000.")
    False
    """
    if "(" in text:
        if _GLUED_BRACKET.search(text):
            return True
        for m in _DATELINE.finditer(text):
            if len(text[: m.start()].split()) >= DATELINE_MIN_BEFORE:
                return True
    low = text.lower()
    if may(low, _FURNITURE_NEEDLES) and _GLUED_FURNITURE.search(text):
        return True
    room = len(text) > 2 * TABLE_MIN_FIGURES
    figures = len(_FIGURE.findall(text)) if room and _MIN_DIGITS.match(text) else 0
    if figures >= TABLE_MIN_FIGURES and 3 * figures >= len(text.split()):
        return True
    return ":" in text and len(_LABEL.findall(outside_quotes(text))) >= LABELS_MIN


@found_once
def fragment(text: str) -> str | None:
    """Why ``text`` is not a whole sentence (a short reason), or None: two sentences glued
    together (``said."He``), a start in lower case (the end of a sentence cut in two, in
    a text that has capitals), page text glued in (:func:`glued_page_text`), no
    final punctuation (a headline, a caption, a hard-wrapped line), no main clause
    (:func:`verbless`)."""
    stripped = text.strip()
    # the text outside quotations, found once: a Text that needs no strip has it already
    if isinstance(text, Text) and len(stripped) == len(text):
        rest = text.rest
    else:
        rest = outside_quotes(stripped)
    if (_GLUED_HINT.search(stripped) and _GLUED.search(stripped)) or _GLUED_SUBHEAD.match(stripped):
        return "glued"
    if _LOST_STOP_HINT.search(stripped) and _LOST_STOP.search(rest):
        return "glued"
    if glued_page_text(stripped):
        return "page text"
    # (Some sources are lower-cased throughout: there a lower-case start says nothing.)
    if stripped[:2].isalpha() and stripped[:2].islower() and not stripped.islower():
        return "lower-case start"
    if word_count(stripped, 3) > 3 and not stripped.endswith(_ENDS):
        return "no final punctuation"
    return _verbless(stripped, rest)


# A sentence with no finite verb: the tail of a sentence cut after an abbreviation
# ("Life, has died of ...": one capitalised word, a comma, then the verb, whose subject
# is in the piece before the cut), a purpose clause cut from its main clause ("To make
# their findings for the paper entitled ..."), or a line of figures and words with no
# verb at all ("over 2,000 feet high and 1/4 mile or less visibility."). Without a
# tagger, "no verb" is judged conservatively: any auxiliary, verb of saying, common
# irregular past, word in -ed, or word in -s (a plural noun, most often, but it may be a
# verb) counts as one, so only a sentence with none of them is refused.
VERBLESS = True  # a module switch, for the ablation (benchmarks/readability.py)
_CUT_TAIL = re.compile(
    r"^[A-Z][a-z]+,\s+(?:has|had|have|is|was|were|are|will|would|can|could|did|does|"
    r"died|said|says)\b"
)
_TO_CLAUSE = re.compile(r"^[\"“'‘(]?To\s+[a-z]")
# where the purpose clause ends and the main clause begins ("To date, ...", "To win
# will take years"): a comma, a bracket, or an auxiliary, modal or verb of saying
_TO_CLAUSE_ENDS = re.compile(
    rf"[,;(]|\b(?:{SAY}|is|are|was|were|has|have|had|will|would|could|can|should|may|"
    r"might|must|does|did|do|means|takes|took|requires|required)\b|n['’]t\b",
    re.IGNORECASE,
)
# (a subject pronoun or a relative has its verb with it, so they count too)
_FINITE = frozenset(w for phrase in SAY.split("|") for w in phrase.split() if w != "to")
_FINITE |= frozenset(
    """
    is are was were be been being am has have had do does did will would could can should
    shall may might must get got went goes came comes come make made take took give gave
    know knew see saw find found keep kept hold held lead led meet met pay paid send sent
    leave left run ran win won lose lost feel felt think thought become became begin began
    show want need sold fell grew bought brought built caught drew drove ate fought flew
    forgot froze hid hit hurt let lay lit meant put rose rang sang sank sat set shot shut
    slept spent spoke stood stole struck swore taught tore threw understood woke wore broke
    chose cost cut dug fed fled heard quit rode sought spread stuck swam bit bent burst
    dealt knelt lent sprang swung wept withdrew overcame undertook
    he she they we i you it who which that there
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
VERBLESS_MIN_WORDS = 5  # a shorter line is a headline or a label, judged elsewhere

# A subordinate or participial clause standing as a sentence, its main clause cut away or
# never written: "Because it could save your life.", "After moving with his family to
# the coast.", "Having lost the appeal in March." Edited news puts a comma (or a dash,
# a colon) between an opening clause and the main clause it leads to; with none anywhere
# in the sentence, quotations included, the clause is all there is. Only the
# conjunctions that never open a main clause count (because, although, while ...; "if"
# and "since" are left out: "If convicted he faces ...", "Since 2010 the firm has ..."
# are whole). After a preposition
# and an -ing word, or "Having" and a participle, a main clause would need a subject
# and a finite verb of its own: a subject pronoun, an auxiliary or an irregular past
# (``_FINITE``) or a word in -ed after the opening words keeps the sentence (a word in
# -s does not, since the clause's own plural nouns end so: "... and her kids to ...").
SUBORDINATE = True  # a module switch, for the ablation (benchmarks/readability.py)
_SUBORDINATE = re.compile(
    r"^[\"“'‘(]?(?:because|although|though|while|whereas|unless|even\s+though|even\s+if|"
    r"so\s+that|as\s+long\s+as)\s+\w",
    re.IGNORECASE,
)
_PARTICIPIAL = re.compile(
    r"^[\"“'‘(]?(?:(?:after|before|when|upon|without|despite|following|instead\s+of|"
    r"rather\s+than|in\s+addition\s+to|besides)\s+\w+ing|having\s+(?:been\s+)?\w+)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\s-{1,2}\s")


def verbless(text: str) -> str | None:
    """Why ``text`` has no main clause ("cut tail", "to-clause", "subordinate", "no
    verb"), or None.

    >>> verbless("Harbour, has died of his injuries.")
    'cut tail'
    >>> verbless("Because it could save your life.")
    'subordinate'
    """
    return _verbless(text, outside_quotes(text))


def _verbless(text: str, rest: str) -> str | None:
    """:func:`verbless` of ``text``, whose text outside quotations is ``rest``."""
    if not VERBLESS:
        return None
    if _CUT_TAIL.match(rest):
        return "cut tail"
    if _TO_CLAUSE.match(rest) and not _TO_CLAUSE_ENDS.search(rest):
        return "to-clause"
    if SUBORDINATE and _subordinate(text):
        return "subordinate"
    if word_count(rest, VERBLESS_MIN_WORDS) >= VERBLESS_MIN_WORDS and not _has_verb(rest):
        return "no verb"
    return None


def _subordinate(text: str) -> bool:
    """An opening subordinate or participial clause with no main clause after it (see
    ``_SUBORDINATE``): no clause break anywhere in ``text``, and after a participle no
    subject pronoun, auxiliary, irregular past or -ed word."""
    text = text.strip()
    if _CLAUSE_BREAK.search(text):
        return False
    if _SUBORDINATE.match(text):
        return True
    m = _PARTICIPIAL.match(text)
    if m is None:
        return False
    for w in _WORD_FORM.finditer(text.lower(), m.end()):
        word = w.group()
        if word in _FINITE or word.endswith("ed") or "'" in word or "’" in word:
            return False
    return True


_WORD_FORM = re.compile(r"\w+(?:['’]\w+)?")  # ("8.46am" is one word, no "am")
_CONTRACTED = frozenset(["s", "re", "ve", "ll", "m", "d"])


def _has_verb(text: str) -> bool:
    """Whether ``text`` holds a verb form by the conservative list of :func:`verbless`:
    a word of ``_FINITE``, a word in -ed or in -s (not -ss, -us), a contraction."""
    for m in _WORD_FORM.finditer(text.lower()):
        word = m.group()
        if "'" in word or "’" in word:
            head, tail = re.split("['’]", word, maxsplit=1)
            if tail in _CONTRACTED or (tail == "t" and head.endswith("n")):
                return True
            word = head
        if word in _FINITE or word.endswith("ed"):
            return True
        if len(word) > 2 and word[-1] == "s" and word[-2] not in "su":
            return True
    return False


# A sentence that announces what its article tells next and says nothing of its own: it
# ends in a colon ("Here is what we know:"), opens "Here is what ..." / "This is how
# ...", or is a short sentence whose predicate is only a gesture towards the news ("X has
# already made a move in the fight.", "Y has joined the fray.").
_ANNOUNCES = re.compile(
    r"^\W*(?:here(?:'s|’s|\s+is|\s+are)\s+(?:what|how|why|where|who|when|the\s+latest|"
    r"a\s+look|everything|more)|(?:this|that)(?:'s|’s|\s+is)\s+(?:what|how|why|where|when)"
    r"\s+(?:we|you|it|they|happened)|what\s+we\s+know)\b",
    re.IGNORECASE,
)
_GESTURE = re.compile(
    r"\b(?:made|make|makes|making|taken|took|take|takes|taking|played|plays|play|playing)\s+"
    r"(?:a|an|its|his|her|their|the)\s+(?:first\s+|own\s+|big\s+|bold\s+|major\s+)?"
    r"(?:move|step|stand|role|part|stab)\b(?!\s+(?:to|toward|towards|on|against|by|that|"
    r"of|for)\b)|\b(?:joined|joins|join|entered|enters|enter)\s+the\s+(?:fight|fray|battle|"
    r"chorus|race|debate)\b(?!\s+(?:against|over|for|to|with|of)\b)|"
    r"\b(?:weighed|weighs|weigh|stepped|steps|step)\s+in\s*[.!]?$",
    re.IGNORECASE,
)
ANNOUNCE_MAX_WORDS = 12


@found_once
def announces(text: str) -> bool:
    """A sentence that only announces what comes after it: as a summary sentence it tells
    the reader nothing (it may still come in just before what it announces, as the lead-in
    of a quotation ending in a colon)."""
    rest = text_of(text).rest.strip()  # (outside_quotes, found once per sentence)
    if rest.endswith(":") or _ANNOUNCES.match(rest):
        return True
    short = word_count(text, ANNOUNCE_MAX_WORDS) <= ANNOUNCE_MAX_WORDS and not re.search(
        r"\d", text
    )
    return short and bool(_GESTURE.search(rest))


# A reaction to the news, not the news: feelings ("the family said they were
# devastated"), condolences and tributes, praise or condemnation of "the attack", "the
# decision", "the verdict". It opens no summary and comes after the event it reacts to.
_REACTS = re.compile(
    r"\b(?:(?:is|was|are|were|be|been|being|feel|feels|felt|left)\s+(?:\w+\s+)?"
    r"(?:devastated|heartbroken|saddened|shocked|stunned|horrified|distraught|outraged|"
    r"appalled|grief-stricken|overjoyed|elated|thrilled|delighted)|condolences|sympathies|"
    r"thoughts\s+and\s+prayers|(?:paid|pays|pay|paying)\s+tributes?|tributes\s+poured|"
    r"(?:praised|condemned|welcomed|hailed|denounced|slammed|criticized|criticised|"
    r"applauded|decried|lauded|blasted|mourned|lamented)\s+(?:the|this|that|his|her|their)"
    r"\s+(?:\w+\s+)?(?:attack|attacks|decision|verdict|ruling|move|deal|killing|"
    r"killings|bombing|shooting|arrest|sentence|announcement|agreement|vote|law|plan|"
    r"strike|strikes|death|deaths|loss|passing|victory|win|release|choice))\b",
    re.IGNORECASE,
)


# What _REACTS cannot match without (lower case).
_REACT_NEEDLES = ("devastated", "heartbroken", "saddened", "shocked", "stunned", "horrified")
_REACT_NEEDLES += ("distraught", "outraged", "appalled", "grief", "overjoyed", "elated")
_REACT_NEEDLES += ("thrilled", "delighted", "condolences", "sympathies", "prayers", "tribute")
_REACT_NEEDLES += ("praised", "condemned", "welcomed", "hailed", "denounced", "slammed")
_REACT_NEEDLES += ("critici", "decried", "lauded", "blasted", "mourned", "lamented")  # (applauded)


@found_once
def reacts(text: str) -> bool:
    """A sentence that reacts to the news (feelings, condolences, praise or condemnation
    of the event): :mod:`synopsis.select` never opens with one while an event's lead fits,
    and shows it after the sentence that tells what happened."""
    text = text_of(text)
    return text.may(_REACT_NEEDLES) and _REACTS.search(text) is not None
