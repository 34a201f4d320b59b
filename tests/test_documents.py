"""Whole documents that are no source: notice pages dropped whole, off-topic documents.

The pages and articles here were written for these tests, in the shapes found on the
tune halves and the training set (benchmarks/cleaning.md): a widget or error page saved
in place of an article, a web archive describing its collection, a weather widget, and a
sidebar about another event inside a cluster.
"""

from __future__ import annotations

import dataclasses

import pytest

import synopsis
from conftest import FIXTURES, make_document
from synopsis.cleaning import clean, clean_cluster
from synopsis.cleaning.documents import is_notice, topicality
from synopsis.cleaning.reasons import NOTHING_LEFT, NOTICE_PAGE, OFF_TOPIC
from synopsis.options import CleanOptions

# --- notice pages ------------------------------------------------------------------------

VERIFY = (
    "One more step. We have sent you a confirmation link by email. Please check your "
    "email and click the link to activate your profile. If the verification message "
    "does not arrive within a few minutes, please look in your spam folder."
)
COLLECTION = (
    "This collection gathers websites and social media pages about the regional "
    "elections, chosen by librarians. The crawl of these pages started in May and runs "
    "weekly; the collection is not yet open to the public."
)
FORECAST = (
    "Springfield (01101) Today: some clouds. Low 26F. Winds NE at 5 to 10 mph. Tonight: "
    "clearing skies. Low 21F. Winds light and variable."
)
ROBOT = (
    "Type the characters you see below. Sorry, we just need to make sure you are not a "
    "robot. For best results, please make sure your browser accepts cookies."
)
LEGAL = "Go to the legal help page to request content changes for legal reasons."
TRAFFIC = (
    "12 m ago in Hill County accident cleared on the Ridge Pkwy EB at Oak Ave/X4. Stop and "
    "go traffic from Elm St/X3 to the bridge in Lakeside."
)
SKY = (
    "Lakeside (12345) today a mix of clouds and sun in the morning, turning grey in the "
    "afternoon. High 51F. Winds W at 10 to 15 mph. Tonight partly cloudy. Low 38F."
)
FOOTER = (
    "Example Papers Limited, registered office: 1 Quay Street, Lakeside. The Daily Example "
    "is a registered trademark of Example Papers Limited. This service is provided under "
    "our terms and privacy notice. To ask about a licence to reproduce material, write to "
    "the syndication desk. For other questions, contact us."
)
SIGN_IN = (
    "Sign in using your station profile. Already have an account? By submitting your "
    "registration information you agree to the rules. Thank you for registering!"
)
MISSING = (
    "Sorry, the page you asked for was not found. Please check the url for spelling. You "
    "may find what you are looking for by searching below. Search the web or use advanced "
    "search if you need more help."
)


@pytest.mark.parametrize(
    "text", [VERIFY, COLLECTION, FORECAST, ROBOT, LEGAL, TRAFFIC, SKY, FOOTER, SIGN_IN, MISSING]
)
def test_a_notice_page_is_dropped_whole_and_nothing_is_lost_silently(text: str) -> None:
    cleaned = clean(make_document(text))
    assert cleaned.body == () and cleaned.dropped in (NOTICE_PAGE, NOTHING_LEFT)
    removed = {i for r in cleaned.removals for i in range(r.start, r.end)}
    assert all(i in removed for i, ch in enumerate(text) if not ch.isspace())


@pytest.mark.parametrize(
    "sentence",
    [
        # story sentences that use a notice word, each with a reader-facing word or none
        "Small businesses can no longer sign up for insurance on the website, officials said.",
        "The company announced a new device that lets you talk to your television.",
        "Residents were told the river would fall by Friday, with lows near 20 degrees.",
        "The museum said its collection of 3,000 maps would go on display in June.",
        "Faces register almost no feeling when you look at them at rest, the study found.",
        "Voter registration closed on Friday, so you must vote where you lived before.",
    ],
)
def test_a_story_sentence_with_a_notice_word_is_no_notice(sentence: str) -> None:
    assert not is_notice(sentence)


def test_an_article_under_a_player_banner_is_kept() -> None:
    article = (
        "Media playback is unsupported on your device. Rescue crews reached the last "
        "stranded village on Thursday, three days after the landslide cut the only road. "
        "Officials said 41 people had been taken to hospital and 300 were in shelters. "
        "The regional governor promised that the road would reopen within a week."
    )
    cleaned = clean(make_document(article))
    assert cleaned.dropped is None and "stranded village" in cleaned.body_text


# --- off-topic documents -----------------------------------------------------------------

FLOOD = ("cross/wire.txt", "cross/independent.txt", "documents/flood-radio.txt")


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def flood_cluster(*extra: str) -> list[synopsis.Document]:
    names = [*FLOOD, *extra]
    return [make_document(read(n), n.split("/")[-1]) for n in names]


def test_a_document_about_another_event_is_off_topic_and_no_source() -> None:
    docs = flood_cluster("documents/festival.txt")
    cleaned = clean_cluster(docs)
    assert [c.dropped for c in cleaned] == [None, None, None, OFF_TOPIC]
    assert cleaned[3].body  # the body is kept, so `clean --explain` can show it
    figures = topicality(cleaned, CleanOptions())
    assert figures[3].story == 0 and figures[3].agreement >= 0.5  # the others agree
    summary = synopsis.summarize(docs, words=300)
    assert summary.independent_sources == 3
    assert summary.excluded == ("festival.txt",)
    assert any("festival.txt dropped: off-topic" in n for n in summary.notes)
    assert all(s.document_id != "festival.txt" for s in summary.sentences)


def test_with_two_sources_neither_is_off_topic() -> None:
    docs = [make_document(read("cross/wire.txt")), make_document(read("documents/festival.txt"))]
    assert all(c.dropped is None for c in clean_cluster(docs))


def test_copies_of_one_wire_story_count_once() -> None:
    # the wire story and its reprint are one source: with the sidebar that makes two,
    # and two sources cannot outvote each other
    names = ("cross/wire.txt", "cross/wire-republished.txt", "documents/festival.txt")
    cleaned = clean_cluster([make_document(read(n)) for n in names])
    assert all(c.dropped is None for c in cleaned)
    assert topicality(cleaned, CleanOptions())[0].copies == 2


def test_the_longest_document_is_never_off_topic() -> None:
    # the same other-event page, whole: now the longest document, it may be the main
    # article of a cluster whose other pages are the ones off the story, so it stays
    page = read("documents/festival.txt") + "\n" + read("documents/festival-more.txt")
    docs = [*flood_cluster()[:3], make_document(page, "festival.txt")]
    cleaned = clean_cluster(docs)
    assert all(c.dropped is None for c in cleaned)
    assert topicality(cleaned, CleanOptions())[3].longest


def test_a_short_post_is_never_off_topic() -> None:
    post = "Thinking of everyone at the harbour tonight. Back on stage next week!"
    cleaned = clean_cluster([*flood_cluster(), make_document(post, "post")])
    assert cleaned[3].dropped is None


def test_the_off_topic_rule_can_be_switched_off_by_its_thresholds() -> None:
    off = dataclasses.replace(CleanOptions(), topic_min_groups=99)
    cleaned = clean_cluster(flood_cluster("documents/festival.txt"), off)
    assert all(c.dropped is None for c in cleaned)


def test_no_document_is_outvoted_by_sources_that_do_not_agree() -> None:
    # the wire report and the independent one are told in different words (few of their
    # sentences match each other), so they are no majority against the third document
    names = ("cross/wire.txt", "cross/independent.txt", "documents/festival.txt")
    cleaned = clean_cluster([make_document(read(n)) for n in names])
    assert all(c.dropped is None for c in cleaned)
    figures = topicality(cleaned, CleanOptions(), exact=True)
    assert figures[2].story == 0 and figures[2].agreement < CleanOptions().topic_agreement
