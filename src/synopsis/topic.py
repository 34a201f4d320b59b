"""Sentences about something other than the story: never summary material.

News pages carry text that is about another event or about the page itself: a sidebar
opening "In a separate incident", a police tip line ("Anyone with information is asked
to call ..."), a teaser that asks a question and leaves it open, a "Read more" link.
:func:`off_topic` names the reason; :mod:`synopsis.select` skips such sentences and the
readability checker counts them (the same rules, so the checker measures whether the
selector kept them; hand reading is the independent measure).
"""

from __future__ import annotations

import re

from .dependencies import outside_quotes

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "another event",
        re.compile(
            r"^\W*(?:in (?:a|an|another) (?:separate|unrelated|related|similar|different|"
            r"other) (?:incident|case|attack|development|matter|story|event|move)|"
            r"in other news|separately,|elsewhere,|in an unrelated|also on \w+day,)",
            re.IGNORECASE,
        ),
    ),
    (
        "tip line",
        re.compile(
            r"\b(?:anyone with (?:any )?information|crime ?stoppers|tip ?line|"
            r"(?:is|are) (?:asked|urged|encouraged) to (?:call|contact)|"
            r"call (?:the )?\w+(?: \w+)? (?:at|on) \(?\d{3})",
            re.IGNORECASE,
        ),
    ),
    (
        "page text",
        re.compile(
            r"^\W*(?:click here|read more|related:|watch:|see also|sign up|subscribe|"
            r"follow (?:us|\w+ \w+) on (?:twitter|facebook)|photo:|video:|editor'?s note)|"
            r"\b(?:click here|sign up for our|this story has been updated|"
            r"contributed to this report|is available on|download our app)\b",
            re.IGNORECASE,
        ),
    ),
)


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
    for reason, pattern in _RULES:
        if pattern.search(text):
            return reason
    if outside_quotes(text).rstrip(" \"'”’)").endswith("?"):
        return "question"
    return None
