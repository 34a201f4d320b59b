"""How counts are written in notes and reports ("1 article", "3 articles"), in one place
so that the CLI, the reports and the story pages agree."""

from __future__ import annotations


def plural(n: int, noun: str) -> str:
    """``noun`` as it reads after the number ``n`` (every noun we count takes an "s").

    >>> plural(1, "independent source"), plural(2, "word"), plural(0, "article")
    ('independent source', 'words', 'articles')
    """
    return noun if n == 1 else noun + "s"


def counted(n: int, noun: str) -> str:
    """``n`` followed by ``noun`` as it reads after it: "1 article", "3 articles"."""
    return f"{n} {plural(n, noun)}"
