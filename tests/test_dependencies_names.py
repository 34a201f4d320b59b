"""A name cited alone shown with the words its article introduced it with
(dependencies/names.py ``introduction``, dependencies/units.py
``Article.shown_introductions``): "Keller said" after "spokesman Keller" can stand in a
summary as "[spokesman Keller] said" instead of waiting for the introduction.

The fixture under tests/fixtures/introductions/ was written for these tests (see its
README): one paragraph a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.dependencies import Article, Unit, unmet_another
from synopsis.dependencies.names import introduction

FIRE_A = Path(__file__).parent / "fixtures" / "introductions" / "fire-a.txt"


def _sentences() -> list[str]:
    return [p.strip() for p in FIRE_A.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.mark.parametrize(
    ("text", "word", "shown"),
    [
        ("The ferry was late, harbour spokesman Webb said.", "Webb", "spokesman Webb"),
        ("Dr. Ann Stover runs the lab.", "Stover", "Dr. Ann Stover"),
        # the role before a given name comes too, a word before it that is none does not
        ("Harbour police spokesman Tom Webb said so.", "Webb", "spokesman Tom Webb"),
        ("The warning reached Tom Webb at noon.", "Webb", "Tom Webb"),
        ("The warning came from Sgt. Webb at noon.", "Webb", "Sgt. Webb"),
        # a run that carries a place and a body keeps only the last two words before it
        ("Modoc County Deputy Ann Webb was there.", "Webb", "Deputy Ann Webb"),
        ("The team hired attorney Gibbs on Monday.", "Gibbs", "attorney Gibbs"),
        ("The coast braced as hurricane Gloria neared.", "Gloria", "hurricane Gloria"),
        # nothing to show: a verb, a describing word, a hyphen, a sentence's first word
        ("A night guard woke Jacob and led him out.", "Jacob", None),
        ("She visited Jacob at home.", "Jacob", None),
        ("Neighbours said young Jacob was safe.", "Jacob", None),
        ("the group led by nasr al-Ansi said so.", "Ansi", None),
        ("Yesterday Webb arrived at the port.", "Webb", None),
        ("Webb arrived at the port.", "Webb", None),  # no introduction at all
    ],
)
def test_the_words_an_article_introduced_a_name_with(
    text: str, word: str, shown: str | None
) -> None:
    span = introduction(text, word, False)
    assert (text[span[0] : span[1]] if span else None) == shown


def test_a_name_introduced_by_role_or_title_is_shown_with_it_instead_of_waiting() -> None:
    texts = _sentences()
    article = Article(texts)
    # "According to Keller" (sentence 6), introduced as "spokesman Keller" in sentence 1
    ((need, ins),) = article.shown_introductions(6)
    assert texts[6][need.start : need.end] == "Keller"
    assert (ins.at, ins.text, ins.source) == (6, "spokesman Keller", 1)
    assert texts[1][ins.source_start : ins.source_end] == "spokesman Keller"
    assert texts[6][ins.start : ins.end] == "Keller"
    # "Stover's team" (5), introduced as "Dr. Ann Stover" (3)
    ((_, ins),) = article.shown_introductions(5)
    assert (ins.text, ins.source) == ("Dr. Ann Stover", 3)
    # neither waits any more; "Jacob said" (7), introduced only after a verb, still does
    assert unmet_another(article, Unit(6, 6)) == []
    assert unmet_another(article, Unit(5, 5)) == []
    assert article.shown_introductions(7) == []
    assert [(i, n.kind) for i, n in unmet_another(article, Unit(7, 7))] == [(7, "surname")]


def test_with_the_switch_off_every_introduced_name_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    from synopsis.dependencies import units

    monkeypatch.setattr(units, "SHOW_INTRODUCTION", False)
    article = Article(_sentences())
    assert article.shown_introductions(6) == []
    assert [(i, n.kind) for i, n in unmet_another(article, Unit(6, 6))] == [(6, "surname")]


def test_a_name_introduced_in_a_later_sentence_is_not_shown_before_it() -> None:
    texts = ["Keller said the fire was out.", "Fire spokesman Keller left at ten."]
    article = Article(texts)
    assert article.introduction("Keller", 0) is None
    assert article.introduction("Keller", 1) is None  # the sentence itself
    assert article.introduction("Keller", 2) == (1, 5, 21)
