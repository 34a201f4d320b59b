"""The sentence splitters, called alike so the same repairs serve both ("rules", "syntok")."""

from __future__ import annotations

import re
from collections.abc import Callable


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


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
