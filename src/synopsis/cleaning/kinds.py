"""What kind of text a document body is: a news report, or a page that is no article.

Cleaning uses these only for documents that already share no story with any other
source of their cluster (:mod:`.documents`): the kind then says whether the document is
the cluster's odd one out (an essay beside a report, a shop page beside three reports),
never whether a document that tells the story is worth keeping.
"""

from __future__ import annotations

import re

# Whether a body reads as a news report: reported speech and dates against the first and
# second person of an essay, a column, a product page or a how-to (words inside quotation
# marks are someone quoted, not the writer, so they are left out of the person count).
_SPEECH = re.compile(r"\b(?:said|says|told|according to|announced|reported|reports)\b")
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight"
    r"|last (?:week|month|year)|january|february|march|april|june|july|august|september"
    r"|october|november|december)\b"
)
_PERSON = re.compile(r"\b(?:i|i'm|i've|my|me|we|we're|our|us|you|you're|your)\b")
_QUOTED = re.compile(r"\"[^\"]{0,400}\"|\u201c[^\u201d]{0,400}\u201d")

# A page that is no article tells the reader what to do or what to buy: an instruction
# opening a sentence (a how-to's steps, a site's "View all results"), a link to follow, a
# price, a measure, the words of a shop, a size chart or a legal notice. An article
# narrates: what someone said or did, when, in the past tense or the third person.
_STEP = (
    r"add|bake|beat|boil|bring|browse|buy|call|check|choose|chop|click|combine|contact"
    r"|cook|cover|cut|discover|download|drain|enter|explore|fold|heat|join|learn|mix"
    r"|order|place|pour|preheat|remove|save|season|see|select|serve|shop|simmer|slice|sprinkle"
    r"|spread|stir|subscribe|transfer|view|visit|whisk"
)
_PAGE = re.compile(
    rf"(?:^|[.!?:;\u2022]\s+|\bplease\s+)(?:{_STEP})\b"  # an instruction
    r"|\bclick|\blinks? below\b|\bdownload\b"  # a link to follow
    r"|[$\u20ac\u00a3]\s?\d"  # a price
    r"|\b\d+(?:[.,/]\d+)?\s?(?:cups?|tbsp|tablespoons?|teaspoons?|tsp|oz|ounces?|grams?"
    r"|kg|ml|cm|mm|inch(?:es)?|lbs?)\b"  # a measure
    r"|\b(?:add to (?:cart|bag|basket)|free (?:shipping|delivery|returns)|in stock"
    r"|out of stock|checkout|wishlist|size chart|sizes|sku|warranty|disclaimer|liable"
    r"|liability|terms of (?:use|service)|ingredients|servings|prep time)\b"
)
_SECOND = re.compile(r"\b(?:you|you're|you'll|you've|your|yours)\b")
_NARRATIVE = re.compile(r"\b(?:was|were|had|he|she|his|her|him|they|their)\b")


def reads_as_news(body: str) -> bool:
    """More reported speech and dates ("said", "told", "on Tuesday") than first- and
    second-person words outside quotations ("I feel", "your bag"): the writer reports
    what others said and did, and does not talk to the reader or about themselves."""
    low = body.lower()
    cues = len(_SPEECH.findall(low)) + len(_WHEN.findall(low))
    return cues > len(_PERSON.findall(_QUOTED.sub(" ", low)))


def page_cues(body: str) -> tuple[int, int, int]:
    """(page, reader, narrative) cue counts of a body: instructions, links, prices,
    measures and shop or legal words; the reader addressed ("your"); reported speech,
    dates and past-tense or third-person narration (the first two outside quotations)."""
    low = body.lower()
    out = _QUOTED.sub(" ", low)
    narrative = len(_SPEECH.findall(low)) + len(_WHEN.findall(low)) + len(_NARRATIVE.findall(out))
    return len(_PAGE.findall(out)), len(_SECOND.findall(out)), narrative


def reads_as_page(body: str, min_cues: int = 2) -> bool:
    """A page that is no article: a product page, a how-to or recipe, a fact sheet, a
    results widget. It holds at least ``min_cues`` page cues (:func:`page_cues`) and,
    with the reader addressed, more of them than narration; an essay that talks to its
    reader ("have a look at your sink") has no such cues, a report narrates."""
    out = _QUOTED.sub(" ", body.lower())
    if len(_PAGE.findall(out)) < min_cues:  # most articles: nothing else to count
        return False
    page, reader, narrative = page_cues(body)
    return page + reader > narrative
