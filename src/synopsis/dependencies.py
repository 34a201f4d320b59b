"""What a sentence needs from the text before (or after) it to be understood on its own.

A news sentence is written to sit in its article: "He added that ..." needs the "he",
"But ..." needs what it contradicts, a bare quotation needs its speaker. A summary that
lifts such a sentence out of its article reads as nonsense, so every candidate is checked
here and :mod:`synopsis.select` takes it only with what it needs.

Kinds of :class:`Need` (one per sentence, the first that applies):

* ``pronoun``: the subject is a pronoun or a demonstrative (he, she, they, it, this,
  these, his ...), or a definite reference back ("The move", "The latter").
* ``definite``: a short sentence names an event as "the fight", "the attack" with
  nothing saying which one (``_DEFINITE``); it is taken with the sentences before it back
  to one that names it ("talks" for "the talks"), or not at all.
* ``connective``: the sentence opens with a connective (But, However, Also, Meanwhile ...).
* ``continued-quote``: it closes a quotation it did not open (the quotation started in the
  sentence before).
* ``open-quote``: it opens a quotation it does not close (the rest, and its speaker, are
  in the sentence after).
* ``speaker``: a quotation attributed to "he"/"she" (``"...," he said``): the speaker is
  named earlier in the article.
* ``speakerless``: a quotation with no attribution at all.
* ``demonstrative``: "those questions", "a similar restraint", "the same trolls" in the
  writer's words, anywhere in the sentence, to a noun it does not give itself: like
  ``another``, met by a sentence read before it that names the noun (:data:`WAITING`).

The same rules serve the selector and the readability checker
(:mod:`synopsis.evaluate.readability`), so the checker measures whether the selector kept
its own rules; hand reading is the independent measure (benchmarks/readability.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .stopwords import ENGLISH_STOP_WORDS
from .textfacts import Text, found_once, may, outside_quotes, text_of
from .wordlists import (
    CONNECTIVES,
    EVENTS,
    NOT_A_NAME,
    NOT_NAME_START,
    NOT_SURNAME,
    PRONOUNS,
    SAY,
    TITLES,
)

_PRONOUN_OPENER = re.compile(rf"(?:{PRONOUNS})\b(?!-)", re.IGNORECASE)
# "This week", "That night", "It is unclear whether": time phrases and dummy "it" do not
# point back.
_NOT_ANAPHORIC = re.compile(
    r"(?:this|that|these)\s+(?:week|weekend|year|month|morning|afternoon|evening|night|"
    r"time|summer|winter|spring|fall|autumn|season|past|coming|is\s+(?:the\s+)?(?:first|"
    r"latest))\b|it(?:'s|’s|\s+(?:is|was|has been|will be|would be|remains|remained))\s+"
    r"(?:not\s+)?(?:unclear|clear|likely|unlikely|possible|impossible|expected|"
    r"believed|thought|estimated|understood|feared|hoped|rare|common|hard|difficult|"
    r"easy|important|too|time|the\s+first|the\s+latest|the\s+second|the\s+third|"
    r"the\s+largest|the\s+biggest|the\s+worst)\b|that\s+(?:is|was)\s+according\b",
    re.IGNORECASE,
)
_CONNECTIVE_OPENER = re.compile(rf"(?:{CONNECTIVES})\b(?!-)\s*,?", re.IGNORECASE)

_OPEN = '"“„«'
_CLOSE = '"”»'
_LEADING = re.compile(r"""[\s\-–—'‘’(\[]*""")
_SAY_WORD = re.compile(rf"\b(?:{SAY})\b", re.IGNORECASE)
# The first word of each verb of saying: a pattern that needs one of them cannot match a
# text without it (textfacts.Text.has_word).
_SAY_FIRST = frozenset(w.split()[0] for w in SAY.split("|"))
# A pronoun speaker is "he said" or "said he." (the pronoun ends a clause). One pattern for
# both tried every verb of saying at every position; so "he said" is found from its
# pronoun, and "said he." from a pronoun that ends a clause, checked for a verb of saying
# just before it by matching the reversed text before it (the lookaheads let the matcher
# skip to the next h, s or t).
_PRONOUN_SAYS = re.compile(rf"(?=[hst])\b(?P<p>he|she|they)\s+(?:{SAY})\b", re.IGNORECASE)
_PRONOUN_ENDS = re.compile(r"(?=[hst])\b(?:he|she|they)\b(?=\s*(?:[.,;:!?]|$))", re.IGNORECASE)
_SAYS_REVERSED = re.compile(
    r"\s+(?:" + "|".join(w[::-1] for w in SAY.split("|")) + r")\b", re.IGNORECASE
)
# (The lookahead lets the matcher skip to the next h, s or t.)
_SPEAKER_PRONOUN = re.compile(r"(?=[hst])\b(?:he|she|they)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")


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
    if (_GLUED_HINT.search(stripped) and _GLUED.search(stripped)) or _GLUED_SUBHEAD.match(stripped):
        return "glued"
    if _LOST_STOP_HINT.search(stripped) and _LOST_STOP.search(outside_quotes(stripped)):
        return "glued"
    if glued_page_text(stripped):
        return "page text"
    # (Some sources are lower-cased throughout: there a lower-case start says nothing.)
    if stripped[:2].isalpha() and stripped[:2].islower() and not stripped.islower():
        return "lower-case start"
    if len(stripped.split()) > 3 and not stripped.endswith(_ENDS):
        return "no final punctuation"
    return verbless(stripped)


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


def verbless(text: str) -> str | None:
    """Why ``text`` has no main clause ("cut tail", "to-clause", "no verb"), or None.

    >>> verbless("Harbour, has died of his injuries.")
    'cut tail'
    """
    if not VERBLESS:
        return None
    rest = outside_quotes(text)
    if _CUT_TAIL.match(rest):
        return "cut tail"
    if _TO_CLAUSE.match(rest) and not _TO_CLAUSE_ENDS.search(rest):
        return "to-clause"
    if len(rest.split()) >= VERBLESS_MIN_WORDS and not _has_verb(rest):
        return "no verb"
    return None


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


# "the fight", "the attack" with nothing saying which: a short sentence that names an
# event this way points back to where the article introduced it ("The rebels have
# already joined the fight."). A modifier ("the Paris talks") or a complement ("the fight
# against ...") says which, and a long sentence usually carries its own context.
_DEFINITE = re.compile(
    rf"\bthe\s+(?:{EVENTS})\b(?!\s*(?:of|against|in|on|over|between|with|to|by|at|for|that|"
    r"which|who|near|from|involving|across|into|under|led|-))",
    re.IGNORECASE,
)
DEFINITE_MAX_WORDS = 12

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
    rest = outside_quotes(text).strip()
    if rest.endswith(":") or _ANNOUNCES.match(rest):
        return True
    short = len(text.split()) <= ANNOUNCE_MAX_WORDS and not re.search(r"\d", text)
    return short and bool(_GESTURE.search(rest))


# Inside a quotation, words that lean on what was said before it: "these two countries",
# "the first three", "both of them" (an opening pronoun or connective is found too).
_QUOTE_CONTEXT = re.compile(
    r"\b(?:these|those)\s+(?:two|three|four|five|six|few|several)\b|"
    r"\bthe\s+(?:first|other|last)\s+(?:two|three|four|five|one)\b|"
    r"\b(?:both|neither|either)\s+of\s+(?:them|these|those|us)\b",
    re.IGNORECASE,
)


@found_once
def quote_context(text: str) -> Need | None:
    """A quotation that leans on something the sentence does not give: it opens with a
    pronoun or a connective ("That is why ...", "But we ...", "It was not ..."; not the
    piece that resumes it after its attribution, '..., she said, "and ..."'), or it
    refers back ("these two countries"). Met only by the sentence before it in its
    article; a reader given the quotation alone cannot tell what it answers."""
    resumed = False  # a piece after the sentence's own attribution goes on from its first
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1].lstrip(" .…-–—")
        if not resumed:
            connective = _CONNECTIVE_OPENER.match(inner)
            if connective and _opens_clause(inner, connective.end()):
                return Need("quote-context", m.start(), m.end())
            pronoun = _PRONOUN_OPENER.match(inner)
            if pronoun and not _NOT_ANAPHORIC.match(inner) and not _DUMMY_IT.match(inner):
                return Need("quote-context", m.start(), m.end())
            resumed = _RESUMES.match(text, m.end()) is not None
        if _QUOTE_CONTEXT.search(inner):
            return Need("quote-context", m.start(), m.end())
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    if head[:1] in _OPEN and quote_balance(text)[1]:  # a quotation left open: its first words
        inner = head[1:].lstrip()
        connective = _CONNECTIVE_OPENER.match(inner)
        pronoun = _PRONOUN_OPENER.match(inner)
        if (connective and _opens_clause(inner, connective.end())) or (
            pronoun and not _NOT_ANAPHORIC.match(inner) and not _DUMMY_IT.match(inner)
        ):
            return Need("quote-context", 0, len(text))
    return None


# A quotation split by its attribution ('"We will rebuild," Lee said, "and we will do it
# fast."'): the piece after the attribution goes on from the first one, in the same
# sentence, so an "and" or an "it" opening it leans on nothing outside the sentence.
_RESUMES = re.compile(rf"""[^"“”„«»]{{0,60}}\b(?:{SAY})\b[^"“”„«»]{{0,60}},\s*["“„«]""", re.I)


# "It's time", "It takes", "That's it": an "it"/"that" in a quotation that points at
# nothing before.
_DUMMY_IT = re.compile(
    r"(?:it(?:'s|’s|\s+is|\s+was)\s+(?:time|an?\s+(?:\w+\s+)?(?:day|moment|honou?r|privilege))|"
    r"it\s+(?:takes|took|feels|felt|seems|seemed|looks|looked|depends)|"
    r"that(?:'s|’s|\s+is)\s+(?:it|all|right|true|correct|life))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Need:
    """What one sentence needs: ``kind`` (see the module docstring), and the character
    range ``[start, end)`` of the words that need it, relative to the sentence text."""

    kind: str
    start: int = 0
    end: int = 0

    @property
    def before(self) -> bool:
        """Met by the sentence before it in its article (or an insertion)."""
        return self.kind in {"pronoun", "connective", "continued-quote", "speaker", "definite"}

    @property
    def after(self) -> bool:
        """Met by the sentence after it in its article."""
        return self.kind in {"open-quote", "speakerless"}


_ANY_QUOTE = re.compile('["“”„«»]')


def quote_balance(text: str) -> tuple[int, int]:
    """Unmatched closing and opening quotation marks of ``text``, in reading order.

    Curly quotes say which they are; a straight one closes when a quotation is open or
    when it follows a word (``act," he said``), else it opens.
    """
    text = text_of(text)
    if "quote_balance" not in text.found:
        text.found["quote_balance"] = _quote_balance(text)
    return text.found["quote_balance"]


def _quote_balance(text: str) -> tuple[int, int]:
    unmatched_close = depth = 0
    for m in _ANY_QUOTE.finditer(text):  # the quotation marks only (most have none)
        k, ch = m.start(), m.group()
        if ch == '"':
            # A straight quote after a word and before a space or the end closes.
            after_word = k > 0 and not text[k - 1].isspace()
            closes = depth > 0 or (after_word and (k + 1 == len(text) or not text[k + 1].isalnum()))
            ch = "”" if closes else "“"
        if ch in "“„«":
            depth += 1
        elif ch in "”»":
            if depth:
                depth -= 1
            else:
                unmatched_close += 1
    return unmatched_close, depth


def is_quoted(text: str) -> bool:
    """A quotation: it opens with a quotation mark or is mostly quoted words."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    if head[:1] in _OPEN:
        return True
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(text))
    return quoted > 0.5 * len(text)


# Words before the first quotation mark that make a sentence a report quoting a phrase
# ("The panel said the plan needs “urgent” work"), not a bare quotation.
REPORT_LEAD_WORDS = 4


def reports_quote(text: str) -> bool:
    """A sentence that opens in the writer's words and quotes only a phrase later on: its
    subject is stated, so it needs no speaker from elsewhere ("The second sample was
    “mostly fat”")."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    first = min((head.find(q) for q in _OPEN if q in head), default=-1)
    if first <= 0:
        return False
    before = head[:first]
    return len(before.split()) >= REPORT_LEAD_WORDS and not before.rstrip().endswith(":")


# At most this many words in a quotation that names something ("“Blood Sport” is ...").
NAMED_QUOTE_WORDS = 5


def names_quoted(text: str) -> bool:
    """A sentence whose subject is a short quoted name (a title, a catchphrase) and whose
    predicate is the writer's ('"Netflix and chill" is a case of ...'): a report, not a
    quotation, so it needs no speaker. Speech is told apart by its punctuation: a quoted
    sentence ends inside its marks ('"We won," ...'), a name does not."""
    lead = _LEADING.match(text)
    head = text[lead.end() :] if lead else text
    m = _QUOTED.match(head)
    if m is None:
        return False
    inner = m.group()[1:-1].strip()
    if not inner or len(inner.split()) > NAMED_QUOTE_WORDS or inner[-1] in ",.!?;:…-—":
        return False
    after = head[m.end() :].lstrip()
    return after[:1].islower() and len(outside_quotes(after).split()) >= REPORT_LEAD_WORDS


@found_once
def needs(text: str) -> Need | None:
    """What ``text`` (one sentence) needs from its neighbours, or None when it stands
    alone.

    >>> needs("He added that the talks would go on.").kind
    'pronoun'
    >>> needs("Peace talks between the two sides will resume on Monday, the ministry said.")
    >>> needs("The talks will resume on Monday.").kind  # which talks? named earlier
    'definite'
    """
    text = text_of(text)
    lead = _LEADING.match(text)
    offset = lead.end() if lead else 0
    head = text[offset:]
    unmatched_close, unclosed = quote_balance(text)
    opens_quote = head[:1] in _OPEN
    if unmatched_close and not opens_quote:
        return Need("continued-quote", offset, offset)
    if opens_quote and unclosed:
        return Need("open-quote", offset, len(text))
    rest = text.rest
    if not opens_quote:
        connective = _CONNECTIVE_OPENER.match(head)
        if connective and _opens_clause(head, connective.end()):
            return Need("connective", offset, offset + connective.end())
        pronoun = _PRONOUN_OPENER.match(head)
        if pronoun and not _NOT_ANAPHORIC.match(head):
            return Need("pronoun", offset, offset + pronoun.end())
    speaker = speaker_need(text)
    if speaker is not None:
        return speaker
    mine = first_person(text)
    if mine is not None:
        return mine
    again = another(text)
    if again is not None:
        return again
    if len(text.split()) <= DEFINITE_MAX_WORDS and not opens_quote:
        definite = _DEFINITE.search(rest)
        if definite:
            return Need("definite", definite.start(), definite.end())
    if is_quoted(text) and not _says(text) and not reports_quote(text) and not names_quoted(text):
        return Need("speakerless", offset, len(text))
    return demonstrative(text)


# The writer's own words in the first person ("I am so proud of our crews", "We are
# working with our partners"): a post, a petition, a statement or a letter the page
# printed without quotation marks, or an essay's author. Lifted into a summary of other
# people's articles it is a quotation with no speaker. ("us" is left out, since
# lower-cased copy writes the country so, and "mine", a pit too; "myself" and "ours"
# come with one of these.)
# (A module switch, so that an ablation can count the generic uses too.)
GENERIC_WE = True
# "i", "me", "my", "we", "our" in any case (with "I'm", "we've" ...), as a word. Written
# to open with a set of letters, consumed, so that the regex engine skips ahead to those
# letters; the word start is checked behind it. (The same matches as
# ``(?<![\w'’.-])(?:i|me|my|we|our)(?:['’](?:m|ve|ll|d|re))?(?![\w'’-])`` under
# IGNORECASE, "İ" and "ı" included, at 60% of its cost: tests/test_dependencies.py.)
_I = "iIİı"
_FIRST_PERSON = re.compile(
    rf"[{_I}mMwWoO](?<![\w'’.-][{_I}mMwWoO])"
    rf"(?:(?<=[{_I}])|(?<=[mM])[eEyY]|(?<=[wW])[eE]|(?<=[oO])[uU][rR])"
    r"(?:['’](?:[mM]|[vV][eE]|[lL][lL]|[dD]|[rR][eE]))?(?![\w'’-])"
)
# "We"/"our" meaning people in general, which reads fine with no speaker: "our planet",
# "our genes", "in our era", "as we know it", "we humans" (found on the tune halves:
# what a writer shares with every reader, not a company's or a family's "our").
_GENERIC_OUR = re.compile(
    # (up to three words between, none of them an article or another possessive:
    # "our home planet", "our cultural and natural heritage", not "our city and the world")
    r"\s+(?:(?!(?:the|a|an|of|our|my|their|his|her|its)\s)[\w-]+\s+){0,3}?"
    r"(?:planet|world|earth|galaxy|universe|solar\s+system|species|genes|dna|bodies|brains|"
    r"ancestors|forebears|era|age|times|society|civili[sz]ation|heritage|legacy|nature)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_GENERIC_WE = re.compile(
    r"(?<=\bas\s)we\s+know\s+(?:it|them)\b"
    r"|we\s+(?:humans|as\s+(?:a\s+society|humans|a\s+species))\b",
    re.IGNORECASE,
)
# "World War I", "Phase I", "King Henry I", "Susan I. Webb": a numeral or an initial.
_NUMERAL_BEFORE = re.compile(
    r"(?:war|phase|type|class|title|part|chapter|article|stage|grade|level|division|"
    r"section|act|volume|vol|tier|henry|charles|elizabeth|james|george|william|richard|"
    r"edward|louis|mary|peter|[A-Z][a-z]+)\s+$",
)
# A subject "I" opens a clause: at the start, after punctuation, a conjunction or an
# adverb ("Frankly, I ...", "before I saw"); after another word it is a title's.
_OPENS_I = re.compile(
    r"(?:^|[.,;:!?(—–-]|\b(?:and|but|or|so|that|when|because|if|as|since|while|before|after|"
    r"until|though|although|then|now|what|how|why|where|who|whom|which|once|unless|than|"
    r"\w+ly))\s*$",
    re.IGNORECASE,
)
# A verb of saying whose subject is the writer ("I asked Johnson", "we wrote") names no
# one: the attribution that makes first-person words a report names someone else.
_FIRST_PERSON_SAYS = re.compile(
    r"(?:\b(?:i|we)\s+(?:\w+ly\s+|also\s+|then\s+|just\s+)?)$", re.IGNORECASE
)


@found_once
def first_person(text: str) -> Need | None:
    """Words in the first person outside quotation marks, in a sentence that attributes
    them to nobody else: whose "I" it is, the summary cannot tell (kind
    ``first-person``, met like a speakerless quotation: by the sentence before when that
    one introduces it, "She posted on her page:")."""
    text = text_of(text)
    # (one scan of it: most sentences have no such word outside quotes. A test of the
    # text's word set first costs more than the scan: that set is built for it alone.)
    rest = text.rest
    found = None
    for m in _FIRST_PERSON.finditer(rest):
        word = m.group().lower()
        if GENERIC_WE and (
            (word == "our" and _GENERIC_OUR.match(rest, m.end()))
            or (word == "we" and _GENERIC_WE.match(rest, m.start()))
        ):
            continue  # people in general: "our planet", "as we know it"
        before = rest[max(0, m.start() - 24) : m.start()]  # (the words just before)
        if word == "i" and (_NUMERAL_BEFORE.search(before) or rest[m.end() : m.end() + 1] == "."):
            continue  # "World War I", "Susan I. Webb"
        if word.startswith("i") and not _OPENS_I.search(before):
            continue  # "sings I Walk Alone", "the film I Am Here": a title
        found = m
        break
    if found is None:
        return None
    if text.has_word(_SAY_FIRST):
        for say in _SAY_WORD.finditer(rest):
            if not _FIRST_PERSON_SAYS.search(rest[max(0, say.start() - 30) : say.start()]):
                return None  # "..., the company said", "Says her listing: I will ..."
    return Need("first-person", found.start(), found.end())


# "Another council member said", "a second woman was charged": one more of a kind of
# person the summary must have met already; "Police also said": more from a speaker
# heard before. (The writer's words only: in a quotation "another" is the speaker's.)
PERSON_NOUNS = (
    "person|people|man|men|woman|women|resident|witness|student|friend|neighbou?r|"
    "official|user|passenger|fan|source|relative|member|parent|victim|teacher|employee|"
    "worker|officer|suspect|child|boy|girl|commenter|customer|protester|lawmaker|senator|"
    "spokesman|spokeswoman|survivor|doctor|patient|driver|soldier|player|juror|attendee|"
    "shopper|viewer|reader|guest|inmate|investigator|expert|analyst|candidate|voter"
)
_ANOTHER = re.compile(
    r"(?=[aAoO])\b(?:another|a\s+(?:second|third|fourth|fifth)|one\s+more|a\s+further)\s+"
    rf"(?:[a-z][\w-]*\s+)?(?P<n>{PERSON_NOUNS})s?\b",
    re.IGNORECASE,
)
# ("also said" first, then the word before it: a pattern that starts at every word to
# reach an "also" tried each word of every sentence.)
_ALSO_SAYS = re.compile(rf"(?=[aA])\balso\s+(?:{SAY})\b", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(
    r"(?P<n>\b[\w'’-]+)\s+(?:(?:has|have|had|will|would|could|may|might|was|were|is|are)\s+)?$",
    re.IGNORECASE,
)
# What _ANOTHER and _ALSO_SAYS cannot match without (lower case).
_ANOTHER_NEEDLES = ("another", "second", "third", "fourth", "fifth", "more", "also", "further")
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who"])


@found_once
def another(text: str) -> Need | None:
    """ "Another witness said", "a second woman", "Police also said": the sentence adds to
    a kind of person (or a speaker) it does not introduce (kind ``another``; the need's
    range is the noun, or the speaker, that an earlier sentence must mention: met by
    sentences before it in its article that do, or, for a pronoun speaker, that quote or
    report someone)."""
    text = text_of(text)
    if not text.may(_ANOTHER_NEEDLES):
        return None
    rest = text.rest
    m = _ANOTHER.search(rest)
    if m is not None:
        need = Need("another", m.start("n"), m.end("n"))
        # "two guards were hurt and a third guard missing": the sentence met the first
        return None if meets_another(text, need, rest[: m.start()]) else need
    m = _ALSO_SAYS.search(rest)
    if m is not None and not _ADDS_THINGS.match(rest, m.end()):
        start = max(0, m.start() - 40)
        subject = _SUBJECT_BEFORE.search(rest, start, m.start())
        if subject is not None:
            return Need("another", subject.start("n"), subject.end("n"))
    return None


# "helps answer those questions", "lived within this kingdom", "a similar restraint", "the
# same measures": a demonstrative or comparative reference anywhere in the sentence, to
# something it does not introduce itself. Only a lower-case noun counts (a name says
# which on its own); "that" only after a preposition ("in that case"), since elsewhere it
# opens a clause; times and the page itself point at nothing before ("this week", "the
# same day", "this article").
DEMONSTRATIVE = True  # a module switch, for the ablation (benchmarks/readability.py)
_THAT_AFTER = ("in", "of", "at", "on", "for", "by", "with", "from", "to", "about", "under")
_THAT_AFTER += ("into", "over", "after", "like")
# (the pattern opens on the determiner, so that the regex engine skips ahead to its
# letters; what must come before "similar", "same" and "that" is checked behind it)
_DEMONSTRATIVE = re.compile(
    r"(?=[tTsS])\b(?P<d>this|these|those|such|similar|same|that)"
    r"\s{1,2}(?P<w1>[a-z][a-z-]+)\b(?:\s{1,2}(?P<w2>[a-z][a-z-]+)\b)?",
    re.IGNORECASE,
)
_BEFORE = {
    "similar": re.compile(r"\ba $", re.IGNORECASE),
    "same": re.compile(r"\bthe $", re.IGNORECASE),
    "that": re.compile(rf"\b(?:{'|'.join(_THAT_AFTER)}) $", re.IGNORECASE),
}
# ("that" alone is in most sentences: the pre-check looks for it after its prepositions)
_DEMONSTRATIVE_NEEDLES = ("this", "these", "those", "such", "similar", "same")
_DEMONSTRATIVE_NEEDLES += tuple(f"{p} that" for p in _THAT_AFTER)
_NOT_REFERENT = frozenset(
    [
        *("week", "weekend", "year", "month", "day", "morning", "afternoon", "evening"),
        *("night", "time", "times", "summer", "winter", "spring", "fall", "autumn"),
        *("season", "past", "coming", "century", "decade", "hour", "moment", "point"),
        *("period", "era", "date", "stage", "weeks", "years", "months", "days", "early"),
        *("article", "story", "report", "reporter", "page", "website", "site", "post"),
        *("way", "kind", "sort", "type", "thing", "things", "ones", "case", "extent"),
        *("respect", "regard", "end", "degree", "sense", "fashion", "manner", "reason"),
        *("said", "says", "say", "late", "year-old", "old", "new", "half-hour", "mornings"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "sept", "jan", "feb", "aug"),
        *("oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday"),
        *("saturday", "sunday", "size", "age", "somewhat", "quite", "pretty", "much"),
    ]
)
_AS_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s+as\b", re.IGNORECASE)
_VERB_S = re.compile(r"[^su]s$")
_NOT_NOUN = re.compile(r"(?:ed|ly|ing)$")
_SAY_WORDS = frozenset(w for phrase in SAY.split("|") for w in phrase.split())


def _referent_word(word: str | None) -> bool:
    """A lower-case word that can be the noun (or its modifier) a demonstrative points
    at: no function word, verb of saying, past form, adverb or time word."""
    if word is None or not word[:1].islower():
        return False
    low = word.lower()
    return not (
        low in ENGLISH_STOP_WORDS
        or low in _SAY_WORDS
        or low in _NOT_REFERENT
        or (_NOT_NOUN.search(low) is not None and len(low) > 5)
    )


@found_once
def demonstrative(text: str) -> Need | None:
    """ "these findings", "this kingdom", "a similar restraint" with nothing before them
    in the sentence saying what (kind ``demonstrative``; the need's range is the noun
    phrase, one of whose words a sentence read before it must mention, as for
    :func:`another`). "this week", "those killed", "such as", "in that case" point at
    nothing."""
    text = text_of(text)
    if not DEMONSTRATIVE or not text.may(_DEMONSTRATIVE_NEEDLES):
        return None
    # Outside quotations: a speaker's "this problem" is the speaker's, understood from
    # the quotation's own speaker and moment (quote_context takes the ones that open it).
    rest = text.rest
    at = 0
    while (m := _DEMONSTRATIVE.search(rest, at)) is not None:
        at = m.end("d")  # (the next one may be in this one's words: "that at this rate")
        w1, word = m.group("w1"), m.group("d").lower()
        if not _referent_word(w1) or text.startswith(("'", "’"), m.end("w1")):
            continue  # (and "this doesn't")
        before = _BEFORE.get(word)
        if before is not None and not before.search(rest, max(0, m.start() - 8), m.start()):
            continue  # "said that officials", "similar to", "same" alone
        if word in ("this", "that") and _VERB_S.search(w1):
            continue  # "this remains", "that means": a pronoun subject and its verb
        if word == "same" and _AS_AFTER.match(text, m.end("w1")):
            continue  # "the same model as ...": the comparison says with what
        end = m.end("w2") if _referent_word(m.group("w2")) else m.end("w1")
        need = Need("demonstrative", m.start("w1"), end)
        if not meets_another(text, need, text[: m.start()]):
            return need  # (the sentence itself named it first: "a plan ... this plan")
    return None


def _stems(phrase: str) -> list[str]:
    """Stems of a demonstrative's noun phrase: each word less a plural "s" and its last
    two letters (at least four kept), so "restraint" meets "restrained"."""
    out = []
    for word in phrase.lower().split():
        word = word[:-1] if word.endswith("s") and len(word) > 3 else word
        out.append(word if len(word) <= 4 else word[: max(4, len(word) - 2)])
    return out


# "The plant also added 200 jobs": "added" with a thing added, not words.
_ADDS_THINGS = re.compile(
    r"(?<=add|dds|ded)\s+(?:(?:more|a|an|the|some|new|nearly|about|over|up|another)\b|\d|\$)",
    re.IGNORECASE,
)
# Irregular plurals: "a second woman" after "two women".
_PLURALS = {"woman": "wom[ae]n", "man": "m[ae]n", "person": "(?:person|people)"}
_PLURALS |= {"people": "(?:person|people)", "child": "child", "men": "m[ae]n"}
_PLURALS |= {"women": "wom[ae]n"}


def meets_another(text: str, need: Need, earlier: str) -> bool:
    """Whether ``earlier`` (a sentence before) gives what an ``another`` need of
    ``text`` asks for: the same noun ("member" for "another member") or speaker
    ("Webb" for "Webb also told him"), or for a pronoun speaker ("he also
    said") any report of what someone said."""
    word = text[need.start : need.end].lower().strip("'’")
    if need.kind == "demonstrative":
        return any(re.search(rf"\b{re.escape(w)}", earlier, re.IGNORECASE) for w in _stems(word))
    if word in _SUBJECT_PRONOUNS:
        return _says(text_of(earlier)) or is_quoted(earlier)
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    pattern = _PLURALS.get(word, re.escape(stem))
    return re.search(rf"\b{pattern}", earlier, re.IGNORECASE) is not None


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
_REACT_NEEDLES += ("critici", "applauded", "decried", "lauded", "blasted", "mourned", "lamented")


@found_once
def reacts(text: str) -> bool:
    """A sentence that reacts to the news (feelings, condolences, praise or condemnation
    of the event): :mod:`synopsis.select` never opens with one while an event's lead fits,
    and shows it after the sentence that tells what happened."""
    text = text_of(text)
    return text.may(_REACT_NEEDLES) and _REACTS.search(text) is not None


def _opens_clause(head: str, end: int) -> bool:
    """A connective opens a clause only when words follow it ("So far" is no "So")."""
    rest = head[end:].lstrip()
    if not rest:
        return False
    word = head[:end].strip(" ,").lower()
    return not (word == "so" and re.match(r"(?:far|much|many|long|called)\b", rest, re.I))


# (Every name, and every title, starts with a capital: the lookahead lets the matcher
# skip to the next one instead of trying the titles at every position.)
_PERSON = re.compile(
    rf"(?=[A-Z])(?:(?:{TITLES})\.?\s+)?"
    r"((?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|de|van|von|al|bin))*"
    r"\s+[A-Z][a-z'’-]+)"
)


@dataclass(frozen=True)
class Name:
    """A person named in a sentence: ``text`` (the surname) found at ``[start, end)`` of
    that sentence's text."""

    text: str
    start: int
    end: int


def _persons(text: str) -> list[Name]:
    text = text_of(text)
    if "persons" not in text.found:
        text.found["persons"] = tuple(_find_persons(text))
    return list(text.found["persons"])


def _find_persons(text: Text) -> list[Name]:
    rest = text.rest
    out = []
    for m in _PERSON.finditer(rest):
        parts = m.group(1).split()
        surname = parts[-1].rstrip("'’")
        if surname.endswith(("'s", "’s")) or surname.lower() in NOT_SURNAME:
            continue
        if m.start(1) == 0 and parts[0].lower() in NOT_NAME_START:
            continue
        start = m.start(1)
        # "Getty Images Harbour", "Lake County Deputy Ann Cole": a person's name
        # starts after the last word that names an institution or a place.
        cut = max((k for k, w in enumerate(parts) if w.lower() in NOT_SURNAME), default=-1)
        if cut >= 0:
            if len(parts) - cut - 1 < 2:
                continue
            start += list(re.finditer(r"\S+", m.group(1)))[cut + 1].start()
        out.append(Name(surname, start, m.end(1)))
    return out


def full_names(text: str) -> list[Name]:
    """The people ``text`` names with a first name and a surname (outside quotations):
    ``Name.text`` is the surname, ``[start, end)`` the whole name."""
    return _persons(text)


_PLACE_PREPOSITIONS = frozenset(
    [
        *("in", "at", "on", "from", "to", "of", "for", "by", "near", "into", "across"),
        *("outside", "inside", "around", "through", "toward", "towards", "via", "between"),
        *("against", "about", "throughout", "within", "across", "off", "over", "under"),
    ]
)
# A run of capitalised words (with name particles): a lone word is one run of one word,
# once a sentence-opening "When", "The", "In" before it is set aside.
_CAPITALISED_RUN = re.compile(
    r"(?=[A-Z])[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:de|van|von|al|bin)\b))*"
)
_TOKEN = re.compile(r"\S+")
_LONE_WORD = re.compile(r"[A-Z][a-z'’-]+(?=\.?$)")  # the whole word ("PageRank" is none)
_OPENS_CLAUSE = (",", ";", ":", "(", "—", "–", "-")
# Words after which a capitalised word is a clause's subject, and words that may follow a
# subject (a verb, an auxiliary, an adverb before one).
_BEFORE_SUBJECT = frozenset(
    [
        *("when", "that", "if", "how", "as", "and", "but", "while", "because", "after"),
        *("before", "since", "until", "where", "why", "whom", "whether", "then", "so"),
        *("though", "although", "also", "according", "once", "unless", "said", "says"),
    ]
)
_VERB_LIKE = re.compile(
    r"(?:[a-z]+(?:ed|s)|and|or|has|had|was|is|will|would|could|can|may|might|must|should|did|"
    r"does|do|also|then|never|still|later|now|first|allegedly|reportedly|recently|only|"
    r"just|told|said|say|thinks|went|got|began|took|gave|made|came|saw|knew|felt|left|"
    r"won|lost|ran|sat|stood|spent|found|put|kept|held|led|met|paid|sent|wrote|spoke|"
    r"drove|fell|grew|flew|threw|broke|chose|hid|shot|bit|fled)\b"
)


def cited_surnames(text: str) -> list[Name]:
    """Capitalised words ``text`` uses alone, outside quotations, as a surname may be
    ("Webb said", "Webb's report", "Altahan reacted"): not part of a longer capitalised
    run ("Ann Webb", "President Webb", "Webb County"), nor a place after a preposition
    ("in Nevada"). Whether one is a person's surname is for the caller to find (an
    earlier full name with it); possessives give the bare word."""
    rest = text_of(text).rest
    out = []
    for run in _CAPITALISED_RUN.finditer(rest):
        group = run.group()
        if len(group) < 2:
            continue
        if " " in group:
            parts = [(m.start(), m.group()) for m in _TOKEN.finditer(group)]
        else:
            parts = [(0, group)]
        prev = None  # the word before the lone word, if any
        while len(parts) > 1 and parts[0][1].lower() in NOT_NAME_START:
            prev = parts.pop(0)[1]
        if len(parts) != 1:
            continue
        offset, token = parts[0]
        m = _LONE_WORD.match(token)
        if m is None:
            continue
        start = run.start() + offset
        if prev is None:
            before = rest[max(0, start - 30) : start].rstrip()
            if before and not before.endswith(_OPENS_CLAUSE):
                prev = before.split()[-1]
        if prev is not None and prev.lower() in _PLACE_PREPOSITIONS:  # "in Nevada"
            continue
        word = m.group().rstrip("'’")
        possessive = word.endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        # a person is cited as a subject ("Webb said", "when Webb arrived", "said Webb"),
        # not as a modifier ("the Webb report", "a component Battalion")
        if (
            prev is not None
            and prev.lower() not in _BEFORE_SUBJECT
            and not _SAY_WORD.fullmatch(prev)
        ):
            continue
        after = rest[start + len(m.group()) : start + len(m.group()) + 30].split()
        following = after[0] if after else ""
        if not possessive and following[:1].isalpha() and not _VERB_LIKE.match(following):
            continue
        if len(word) > 1 and word.lower() not in NOT_SURNAME and word.lower() not in NOT_A_NAME:
            out.append(Name(word, start, start + len(word)))
    return out


def attributed_name(text: str) -> Name | None:
    """The person ``text`` attributes something to by name ("..., Kerry said", "said Lt.
    Todd Joyce", "Kerry told reporters"), the last one when there are several."""
    text = text_of(text)
    if "attributed_name" not in text.found:
        # every way of attributing needs a verb of saying: a cheap test first
        found = _attributed_name(text) if text.has_word(_SAY_FIRST) else None
        text.found["attributed_name"] = found
    return text.found["attributed_name"]


def _attributed_name(text: Text) -> Name | None:
    rest = text.rest
    for name in reversed(_persons(text)):
        after = rest[name.end : name.end + 40]
        before = rest[max(0, name.start - 40) : name.start]
        if _SAYS_AFTER.match(after) or _SAYS_BEFORE.search(before):
            return name
    found = None
    for m in _SURNAME_SAYS.finditer(rest):
        word = m.group("a") or m.group("b")
        if word.lower() not in NOT_SURNAME and word.lower() not in NOT_A_NAME:
            start = m.start("a") if m.group("a") else m.start("b")
            found = Name(word, start, start + len(word))
    return found


def speaker_name(text: str) -> Name | None:
    """The person ``text`` attributes something to by name, else its only named person;
    None if neither."""
    name = attributed_name(text)
    if name is not None:
        return name
    persons = _persons(text)
    surnames = {p.text for p in persons}
    return persons[-1] if len(surnames) == 1 else None


# A verb of saying just after a name ("Kerry, 71, said") or just before it ("said Lt.").
_SAYS_AFTER = re.compile(rf"\s*(?:,[^,]{{0,30}},)?\s*(?:{SAY})\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{SAY})\s*(?:(?:{TITLES})\.?\s+)?$")
# A lone capitalised word next to a verb of saying ("Kerry said", "said Psaki").
_SURNAME_SAYS = re.compile(
    rf"\b(?P<a>[A-Z][a-z'’-]+)\s+(?:{SAY})\b|\b(?:{SAY})\s+(?P<b>[A-Z][a-z'’-]+)\b"
)


@dataclass(frozen=True)
class Insertion:
    """An editorial insertion: replace ``[start, end)`` of sentence ``at`` (positions in
    its text) with ``[text]``, the name found at ``[source_start, source_end)`` of sentence
    ``source``. Positions are article sentence indices."""

    at: int
    start: int
    end: int
    text: str
    source: int
    source_start: int
    source_end: int


@dataclass(frozen=True)
class Unit:
    """Article sentences ``first..last`` (inclusive) read together, with the insertions
    that make them stand alone."""

    first: int
    last: int
    insertions: tuple[Insertion, ...] = ()


# How far back an insertion looks for a speaker's name (sentences that do not mention the
# same "he"/"she"), and how many sentences one unit may hold (a longer chain of
# dependencies is not worth its budget).
NAME_LOOKBACK = 3
MAX_UNIT = 3


class Article:
    """An article's sentence texts, with the first sentence that names each surname by
    full name found once, so that every candidate's unit looks back in constant time
    (the lookups were a scan of all earlier sentences per candidate)."""

    def __init__(self, texts: list[str], strict: bool = False) -> None:
        # each a textfacts.Text, so that every rule asking about a sentence shares what
        # the others found in it
        self.texts = [text_of(t) for t in texts]
        # Lower-cased copy (synopsis.casing): only the people found in the cluster are
        # capitalised, so a sentence may name someone the rules cannot see. A "he" is then
        # resolved only by the nearest sentence outside its chain of "he"s, and only when
        # that one's subject or speaker is a person found: no looking past someone unseen.
        self.strict = strict
        self._first_named: dict[str, int] | None = None
        self._needs: dict[int, tuple[Need | None, tuple[int, int], Need | None, bool]] = {}

    def needs(self, i: int) -> tuple[Need | None, tuple[int, int], Need | None, bool]:
        """Sentence ``i``'s need, quotation balance, pronoun speaker and whether a
        quotation of it leans on the sentence before (:func:`quote_context`), found once
        (every unit that holds the sentence asks for them)."""
        if i not in self._needs:
            text = self.texts[i]
            context = quote_context(text) is not None
            self._needs[i] = (needs(text), quote_balance(text), speaker_need(text), context)
        return self._needs[i]

    def named_before(self, surname: str, i: int) -> bool:
        """A sentence before ``i`` names ``surname`` with a full name."""
        if self._first_named is None:
            self._first_named = {}
            for j, text in enumerate(self.texts):
                for p in _persons(text):
                    self._first_named.setdefault(p.text, j)
        return self._first_named.get(surname, len(self.texts)) < i


def resolve(
    texts: list[str], k: int, max_unit: int = MAX_UNIT, article: Article | None = None
) -> Unit | None:
    """The smallest unit around sentence ``k`` of an article (``texts``: its sentences in
    order) in which every need is met, or None when there is none within ``max_unit``
    sentences (a quotation whose speaker cannot be found, a chain too long).

    A "he"/"she" subject or speaker is resolved with an insertion of the name given in
    the ``NAME_LOOKBACK`` sentences before; a pronoun, connective or continued quotation
    takes in the sentence before; an open quotation the sentences up to its close; a
    quotation without attribution the sentence before only when that one introduces it
    (a quotation with a named speaker, or a line ending in a colon). ``article``, made once
    from the same ``texts``, spares the look-backs when many sentences of it are resolved.
    """
    article = article or Article(texts)
    first = last = k
    inserted: dict[int, Insertion] = {}
    while last - first + 1 <= max_unit:
        grow = _unmet(article, first, last, inserted)
        if grow == "done":
            return Unit(first, last, tuple(inserted[i] for i in sorted(inserted)))
        if grow == "before" and first > 0:
            first -= 1
        elif grow == "after" and last + 1 < len(texts):
            last += 1
        elif grow != "inserted":
            return None
    return None


def _unmet(article: Article, first: int, last: int, inserted: dict[int, Insertion]) -> str:
    """The first unmet need of the unit ``first..last``: "before" or "after" (the unit
    must grow that way), "inserted" (an insertion was added), "never" or "done"."""
    texts = article.texts
    depth = 0  # quotation marks left open by the unit's sentences so far
    for i in range(first, last + 1):
        text = texts[i]
        need, (close, open_), speaker, context = article.needs(i)
        kind = need.kind if need else None
        opened_before = depth > 0
        depth = max(0, depth - close) + open_
        if context and i == first:  # "That is why ...": the sentence it answers comes too
            return "before"
        if i in inserted:
            continue
        if kind == "definite" and i == 0:
            continue  # an article's first sentence introduces what it names
        if kind == "definite" and i > first:  # "the talks" needs where the talks came in
            noun = text[need.start : need.end].split()[-1].lower()
            if not any(noun in texts[j].lower() for j in range(first, i)):
                return "before"
        if kind in {"pronoun", "connective", "continued-quote", "definite"} and i == first:
            if _try_insert(article, i, need, inserted):
                return "inserted"
            return "before"
        if kind == "speakerless" and not opened_before:
            if i > first and introduces(texts[i - 1]):
                continue
            return "before" if i == first and i > 0 and introduces(texts[i - 1]) else "never"
        if kind == "first-person":  # like a quotation: introduced, or goes on from one
            led = i > 0 and (
                _kind(article.needs(i - 1)[0]) == "first-person" or introduces(texts[i - 1])
            )
            if led and i > first:
                continue
            return "before" if led else "never"
        if speaker is not None and _named_before(text, speaker.start, article, i):
            speaker = None  # "Johnson also says she mis-spoke when she said ..."
        if speaker is not None and not any(speaker_name(texts[j]) for j in range(first, i)):
            if _try_insert(article, i, speaker, inserted, lookback=NAME_LOOKBACK + i - first):
                return "inserted"
            return "before"
    if depth > 0:
        return "after"
    return "done"


# Needs met by any sentence read before, in the summary (select waits for one).
WAITING = frozenset(["another", "demonstrative"])


def unmet_another(article: Article, unit: Unit) -> list[tuple[int, Need]]:
    """The sentences of ``unit`` that add "another" of a kind of person, or more from a
    speaker, that no earlier sentence of the unit met (:func:`another`), with their need:
    the summary must give it before them (:mod:`synopsis.select` waits for it)."""
    kinds = {_kind(article.needs(i)[0]) for i in range(unit.first, unit.last + 1)}
    if kinds.isdisjoint(WAITING):
        return []
    # (a name bracketed in for a "he" counts: '"...," [Hangi] added. Hangi also said')
    shown = {j: article.texts[j] for j in range(unit.first, unit.last + 1)}
    for ins in unit.insertions:
        shown[ins.at] += " " + ins.text
    out = []
    for i in range(unit.first, unit.last + 1):
        need = article.needs(i)[0]
        if need is not None and need.kind in WAITING:
            text = article.texts[i]
            if not any(meets_another(text, need, shown[j]) for j in range(unit.first, i)):
                out.append((i, need))
    return out


def _kind(need: Need | None) -> str | None:
    return need.kind if need else None


def _named_before(text: str, position: int, article: Article, i: int) -> bool:
    """A person is named in ``text`` before ``position`` (outside quotations): by full
    name, or by a surname the article's sentences before ``i`` gave with a full name."""
    head = outside_quotes(text)[:position]
    if any(p.end <= position for p in _persons(text)):
        return True
    return any(article.named_before(w, i) for w in re.findall(r"[A-Z][a-z'’-]+", head))


def introduces(text: str) -> bool:
    """A sentence that gives the speaker of the quotation after it: it ends with a colon
    after a verb of saying, it is itself a quotation attributed by name, or it reports
    what a named person said ("Smith said the plan had failed."): by newsroom convention
    a bare quotation right after it is that person's words."""
    if text.rstrip().endswith(":"):
        return True
    text = text_of(text)
    if is_quoted(text) and _says(text) and speaker_need(text) is None:
        return True
    return speaker_need(text) is None and attributed_name(text) is not None


def _try_insert(
    article: Article,
    i: int,
    need: Need | None,
    inserted: dict[int, Insertion],
    lookback: int = NAME_LOOKBACK,
) -> bool:
    insertion = _insert(article, i, need, lookback)
    if insertion is None:
        return False
    inserted[i] = insertion
    return True


def speaker_need(text: str) -> Need | None:
    """A quotation or report attributed to a pronoun ("he said", "said she")."""
    text = text_of(text)
    if "speaker_need" not in text.found:
        text.found["speaker_need"] = _speaker_need(text)
    return text.found["speaker_need"]


def _speaker_need(text: Text) -> Need | None:
    if not _SPEAKER_PRONOUN.search(text):  # a cheap test first
        return None
    span = _pronoun_speaker(text.rest)
    return None if span is None else Need("speaker", *span)


def _pronoun_speaker(rest: str) -> tuple[int, int] | None:
    """The pronoun of the first "he said" or "said he." in ``rest``, by where the
    attribution starts (the verb of "said he." comes first)."""
    said = _PRONOUN_SAYS.search(rest)
    for m in _PRONOUN_ENDS.finditer(rest):
        verb = _SAYS_REVERSED.match(rest[: m.start()][::-1])
        if verb is not None:  # the first "said he.": it starts before "he said" or not
            if said is None or m.start() - verb.end() < said.start():
                return m.span()
            break
    return None if said is None else said.span("p")


def _says(text: Text) -> bool:
    """A verb of saying outside the quotations of ``text``."""
    return text.has_word(_SAY_FIRST) and bool(_SAY_WORD.search(text.rest))


def _insert(
    article: Article, i: int, need: Need | None, lookback: int = NAME_LOOKBACK
) -> Insertion | None:
    """An insertion for a "he"/"she" subject or speaker, when a sentence before attributes
    something to a person by name (a mere mention is no evidence of who "she" is)."""
    if need is None or need.kind not in {"speaker", "pronoun"}:
        return None
    texts = article.texts
    word = texts[i][need.start : need.end].lower()
    if word not in {"he", "she"}:
        return None
    same = re.compile(rf"\b{word}\b", re.IGNORECASE)
    # Only a person the article introduced by full name ("Lt. Todd Joyce") before: a lone
    # capitalised word next to "said" may be a country or an agency.
    j = i - 1
    while j >= 0 and lookback > 0:
        if need.kind == "pronoun":  # "He has been charged": who the story is about
            found = _clause_subject(article, j, i)
            if found is AMBIGUOUS:
                return None  # no guessing: the sentence before will come with it instead
            name = found if isinstance(found, Name) else None
        else:  # "..., he said": who was speaking
            name = attributed_name(texts[j])
        if name is not None and article.named_before(name.text, i):
            return Insertion(i, need.start, need.end, name.text, j, name.start, name.end)
        # A sentence about the same "she" carries the chain back one sentence further.
        chain = same.search(outside_quotes(texts[j])) is not None
        if article.strict and not chain:
            return None
        lookback -= 0 if chain else 1
        j -= 1
    return None


AMBIGUOUS = "ambiguous"
# An opening subordinate clause ("As he ran, ..."): the main clause, and its subject,
# come after its comma.
_SUBORDINATE = re.compile(
    r"^\W*(?:as|when|while|after|before|although|though|because|since|if|once|until|despite|"
    r"during|in|on|at|with|without|following|according\s+to)\b[^,]{0,80},\s*",
    re.IGNORECASE,
)
# Lower-case words that may stand before a name in a subject ("the late John Smith").
_SUBJECT_LEAD = frozenset(["the", "a", "an", "former", "late", "then", "ex", "de", "van", "von"])
_WORD = re.compile(r"[\w'’.-]+")
# A subject in apposition: a few lower-case words, then the name between commas.
_APPOSITION = re.compile(
    r"\W*[\w'’-]+(?:\s+[a-z][\w'’-]*){0,4},\s+(?:[A-Z][\w'’.-]*\s+)*(?P<s>[A-Z][a-z'’-]+),"
)


def _clause_subject(article: Article, j: int, i: int) -> Name | str | None:
    """Who a "he"/"she" opening sentence ``i`` stands for, judged on sentence ``j`` before
    it: the person who is the subject of ``j``'s main clause ("As he ran, Dunne ..."),
    else the one person ``j`` names; ``AMBIGUOUS`` when ``j`` names several people and none
    is its subject, None when it names nobody (look further back). Persons are surnames
    the article gave with a full name before ``i``."""
    text = outside_quotes(article.texts[j])
    m = _SUBORDINATE.match(text)
    pos = m.end() if m else 0
    run: list[re.Match[str]] = []
    for w in _WORD.finditer(text, pos):
        word = w.group().strip(".'’")
        if word[:1].isupper() and not word.endswith(("'s", "’s")):
            run.append(w)
            continue
        if run or word.lower() not in _SUBJECT_LEAD:
            break
    if run:
        last = run[-1]
        surname = last.group().rstrip(".,'’")
        if surname.lower() in {"he", "she"}:
            return None  # the same chain of pronouns: the name is further back
        if article.named_before(surname, i):
            return Name(surname, last.start(), last.start() + len(surname))
    if article.strict:  # the subject only, or one in apposition ("The mayor, Ann Webb, ...")
        m = _APPOSITION.match(text, pos)
        if m is not None and article.named_before(m.group("s"), i):
            return Name(m.group("s"), m.start("s"), m.end("s"))
        return None
    named = {}
    for w in re.finditer(r"\b[A-Z][a-z'’-]+\b", text):
        word = w.group()
        if word in named or word.lower() in NOT_SURNAME or word.lower() in NOT_A_NAME:
            continue
        if article.named_before(word, i):
            named[word] = Name(word, w.start(), w.end())
    if len(named) > 1:
        return AMBIGUOUS
    return next(iter(named.values()), None)
