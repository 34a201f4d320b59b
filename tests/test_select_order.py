"""The same fact told twice (select/order.py): a paraphrase from another source, by the
share of the shorter sentence's content words, and the checker's ``repeat`` flag.
Invented articles: tests/fixtures/restate/README.md."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from synopsis import summarize
from synopsis.evaluate.readability import Readability, check, check_sentences
from synopsis.model import Cluster, Document
from synopsis.options import Options, SelectOptions
from synopsis.select.order import restates

FIXTURES = Path(__file__).parent / "fixtures" / "restate"
LEAD = (
    "The Alder town council approved the new harbour bridge on Monday after a year of "
    "debate over its cost."
)
PARAPHRASE = (
    "Council members in Alder gave their final approval to the harbour bridge on Monday, "
    "ending a long debate."
)
WITH_NUMBER = (
    "The harbour bridge approved in Alder will cost 40 million euros, according to the "
    "council's budget papers."
)


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]


def test_a_paraphrase_of_the_lead_restates_it_either_way_round() -> None:
    assert restates(LEAD, PARAPHRASE) and restates(PARAPHRASE, LEAD)
    # the share of the later sentence's words alone (the rule before) misses it
    older = SelectOptions(restate_short_share=1.5)
    assert not restates(LEAD, PARAPHRASE, older)


def test_a_number_of_its_own_is_a_new_fact() -> None:
    counted = PARAPHRASE.replace("on Monday", "by 7 votes to 2 on Monday")
    assert not restates(LEAD, counted)
    assert restates(LEAD, counted.replace("7 votes to 2", "a clear vote"))
    assert not restates(LEAD, WITH_NUMBER)


def test_a_few_shared_topic_words_are_no_repeat() -> None:
    # the same story's names, another fact: fewer than restate_min_words in common
    other = "Opponents in Alder had argued that the town could not afford the bridge."
    assert not restates(LEAD, other)
    assert not restates(LEAD, PARAPHRASE, SelectOptions(restate_min_words=20))


def test_off_means_off() -> None:
    off = SelectOptions(restate_share=1.5, restate_short_share=1.5)
    assert not restates(LEAD, LEAD, off)
    assert restates(LEAD, LEAD)


def test_the_summary_tells_the_approval_once() -> None:
    def approvals(share: float) -> int:
        select = dataclasses.replace(Options().select, words=90, restate_short_share=share)
        summary = summarize(articles(), options=Options(select=select))
        texts = [s.text for s in summary.sentences]
        assert any("40 million" in t for t in texts)  # the sentence with a number stays
        return sum(t in (LEAD, PARAPHRASE) for t in texts)

    assert approvals(Options().select.restate_short_share) == 1
    assert approvals(1.5) == 2  # without the rule: the fixture exercises it


def test_the_checker_flags_the_repeat_apart_from_the_other_kinds() -> None:
    cluster = Cluster(
        id="bridge", documents=tuple(Document(id=str(i), text=t) for i, t in enumerate(articles()))
    )
    flags = check_sentences([LEAD, WITH_NUMBER, PARAPHRASE], cluster)
    assert [f.repeat for f in flags] == [False, False, True]
    assert not any(f.flagged for f in flags)  # a repeat reads; it is counted apart
    counts = check([LEAD, PARAPHRASE], cluster)
    assert (counts.sentences, counts.repeat, counts.flagged) == (2, 1, 0)
    assert (counts + Readability(sentences=1)).rate("repeat") == 1 / 3


def test_today_and_monday_are_one_day() -> None:
    # two copies of one sentence write "today" and "on Monday" for the same day: a
    # sentence that restates one restates the other
    short = "The council approved the bridge on Monday."
    told = "On Monday the council gave the bridge plan its approval, members said."
    assert restates(short, told) and restates(short, told.replace("On Monday", "Today"))
    assert not restates(short, told.replace("On Monday the", "The"))  # one word short
