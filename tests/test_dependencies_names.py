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

from synopsis.dependencies import Article, Unit, resolve, unmet_another
from synopsis.dependencies.names import attributed_name, cited_surnames, full_names, introduction

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


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        # surnames with a capital after a usual prefix are cited alone like any other
        ("McKee said the vote was close.", ["McKee"]),
        ("The report, DeVine said, came late.", ["DeVine"]),
        ("O'Brien told reporters it was over.", ["O'Brien"]),
        ("When MacLeod arrived, the hall was empty.", ["MacLeod"]),
        ("DiMaggio's lawyer filed the papers.", ["DiMaggio"]),
        ("The plan, according to LaGuardia, was sound.", ["LaGuardia"]),
        # brand words have no such prefix, or a capital after a second one
        ("PageRank decides the order.", []),
        ("YouTube said it would comply.", []),
        ("LaTeX was used for the paper.", []),
        ("MacBook sales fell in the spring.", []),
        # part of a longer name is no lone word
        ("Rep. Ann McKee said the vote was close.", []),
    ],
)
def test_surnames_with_a_capital_inside_are_cited_alone(text: str, cited: list[str]) -> None:
    assert [n.text for n in cited_surnames(text)] == cited


def test_a_full_name_with_a_capital_inside_is_one_person() -> None:
    text = "The bill passed, Rep. Dee McKee said, and Conan O'Brien agreed."
    assert [(n.text, text[n.start : n.end]) for n in full_names(text)] == [
        ("McKee", "Dee McKee"),
        ("O'Brien", "Conan O'Brien"),
    ]
    said = attributed_name(text)
    assert said is not None and said.text == "McKee"


def test_a_surname_with_a_capital_inside_is_shown_with_its_introduction() -> None:
    texts = [
        "A ferry ran aground off the point on Sunday.",
        "Harbour spokeswoman Dee McKee said no one was hurt.",
        "The tide lifted it free by evening.",
        "According to McKee, the pilot had radioed twice.",
    ]
    article = Article(texts)
    ((need, ins),) = article.shown_introductions(3)
    assert texts[3][need.start : need.end] == "McKee"
    assert (ins.text, ins.source) == ("spokeswoman Dee McKee", 1)
    assert unmet_another(article, Unit(3, 3)) == []


def test_a_speaker_from_a_body_after_of_is_who_he_said_refers_to() -> None:
    # The nearer speaker is named with where he is from ("... of the Harbour party said");
    # "he said" is his, not the earlier speaker's two sentences back (whose surname has a
    # capital inside, so is a name too).
    texts = [
        'Port union leader Sean McBride said: "The berths must reopen."',
        "Transport minister Ian Ford of the Harbour party said he saw pressure on the police.",
        '"Politicians should stay out of this," he said.',
    ]
    unit = resolve(texts, 2)
    assert unit is not None
    (insertion,) = unit.insertions
    assert insertion.text == "Ford" and insertion.source == 1
