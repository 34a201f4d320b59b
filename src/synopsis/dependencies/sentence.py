"""What one sentence needs from its own words: openers, quotes, first person, waiting words."""

from __future__ import annotations

import re

from ..stopwords import ENGLISH_STOP_WORDS
from ..textfacts import found_once, text_of, word_count
from ..wordlists import (
    EVENTS,
    SAY,
)
from .openers import (
    _CONNECTIVE_OPENER,
    _LEADING,
    _NOT_ANAPHORIC,
    _OPEN,
    _PRONOUN_OPENER,
    Need,
    _opens_clause,
    connective_after_subject,
)
from .quotes import (
    _SAY_FIRST,
    _SAY_WORD,
    _says,
    is_quoted,
    names_quoted,
    quote_balance,
    reports_quote,
    speaker_need,
)

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
        after_subject = connective_after_subject(head)
        if after_subject is not None:  # "Syria, however, is ...": as an opening "However,"
            return Need("connective", offset + after_subject[0], offset + after_subject[1])
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
    if word_count(text, DEFINITE_MAX_WORDS) <= DEFINITE_MAX_WORDS and not opens_quote:
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


# The writer gives their own name ("My name is Clara and I am her cousin"): the sentence
# says whose "I" it is (found on the tune halves: an appeal's opening, validation-62).
_NAMES_SELF = re.compile(r"\bmy\s+name\s+is\s+([^\W\d_][\w'’-]*)", re.IGNORECASE)


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
    named = _NAMES_SELF.search(rest) if text.may(("name is",)) else None
    if named is not None and named.group(1).lower() not in ENGLISH_STOP_WORDS:
        return None  # "My name is Clara and I am ...": the writer says who they are
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
# (each "<preposition> that" holds " that": the fourteen are looked for only after it)
_DETERMINERS = _DEMONSTRATIVE_NEEDLES[:6]
_THAT_NEEDLES = _DEMONSTRATIVE_NEEDLES[6:]
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
    if not DEMONSTRATIVE or not (
        text.may(_DETERMINERS) or (text.may((" that",)) and text.may(_THAT_NEEDLES))
    ):
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
    if need.kind == "surname":  # the name itself, in any case ("al-ansi" for "Ansi")
        if not text_of(earlier).may((word,)):
            return False  # (a cheap test first)
        return re.search(rf"(?<![\w'’]){re.escape(word)}(?!\w)", earlier, re.IGNORECASE) is not None
    if need.kind == "demonstrative":
        return any(re.search(rf"\b{re.escape(w)}", earlier, re.IGNORECASE) for w in _stems(word))
    if word in _SUBJECT_PRONOUNS:
        return _says(text_of(earlier)) or is_quoted(earlier)
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word
    pattern = _PLURALS.get(word, re.escape(stem))
    return re.search(rf"\b{pattern}", earlier, re.IGNORECASE) is not None
