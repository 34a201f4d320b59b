"""Whole documents that are no source: notice pages dropped whole, off-topic documents.

The pages and articles here were written for these tests, in the shapes found on the
tune halves and the training set (benchmarks/cleaning.md): a widget or error page saved
in place of an article, a web archive describing its collection, a weather widget, and a
sidebar about another event inside a cluster.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import string
import sys
from collections import Counter

import pytest

import synopsis
from conftest import FIXTURES, make_document
from synopsis import furniture as fw
from synopsis.cleaning import clean, clean_cluster
from synopsis.cleaning.documents import is_notice
from synopsis.cleaning.kinds import page_cues, reads_as_news, reads_as_page
from synopsis.cleaning.reasons import (
    NO_SHARED_STORY,
    NOTHING_LEFT,
    NOTICE_PAGE,
    OFF_TOPIC,
    OFF_TOPIC_HEADLINE,
    OFF_TOPIC_PAGE,
    OFF_TOPIC_PAIR,
    OFF_TOPIC_PAIR_PAGE,
)
from synopsis.cleaning.stories import _copy_groups, topicality
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


def test_two_news_reports_of_two_stories_both_stay() -> None:
    # both read as news: nothing says which of the two stories the cluster is about
    docs = [make_document(read("cross/wire.txt")), make_document(read("documents/festival.txt"))]
    assert all(c.dropped is None for c in clean_cluster(docs))


def pair(*names: str) -> list[synopsis.Document]:
    return [make_document(read(n), n.split("/")[-1]) for n in names]


@pytest.mark.parametrize("other", ["documents/essay.txt", "documents/shop.txt"])
def test_of_two_sources_with_no_story_in_common_the_one_not_news_is_off_topic(other) -> None:
    # a first-person essay, a shop's product page: no reported speech or dates, the
    # reader addressed; the flood report shares none of its sentences
    docs = pair("cross/wire.txt", other)
    cleaned = clean_cluster(docs)
    assert [c.dropped for c in cleaned] == [None, OFF_TOPIC_PAIR]
    assert cleaned[1].body  # kept for `clean --explain`
    summary = synopsis.summarize(docs, words=100)
    name = other.split("/")[-1]
    assert summary.excluded == (name,)
    assert any(n.startswith(f"document {name} dropped: off-topic") for n in summary.notes)
    assert {s.document_id for s in summary.sentences} == {"wire.txt"}


def test_a_two_document_cluster_of_one_story_keeps_both() -> None:
    # the column reads as no news report (first person, no dates) but tells the flood
    docs = pair("cross/wire.txt", "documents/flood-column.txt")
    cleaned = clean_cluster(docs)
    assert [c.dropped for c in cleaned] == [None, None]
    assert not reads_as_news(cleaned[1].body_text)
    assert len(cleaned[1].body_text.split()) >= CleanOptions().topic_min_words  # judged
    # it stays because it shares the story: with the similarity tests off it would go
    off = dataclasses.replace(CleanOptions(), topic_max_story=1.0, pair_max_similarity=1.0)
    assert [c.dropped for c in clean_cluster(docs, off)] == [None, OFF_TOPIC_PAIR]


def test_two_sources_that_are_neither_news_both_stay() -> None:
    cleaned = clean_cluster(pair("documents/essay.txt", "documents/shop.txt"))
    assert all(c.dropped is None for c in cleaned)


@pytest.mark.parametrize(
    ("feature", "page"),
    [
        ("documents/tv-feature.txt", "documents/loan-advert.txt"),
        ("documents/tv-feature.txt", "documents/shop.txt"),
        ("documents/essay.txt", "documents/loan-advert.txt"),
    ],
)
def test_of_two_sources_neither_news_the_page_that_is_no_article_is_off_topic(
    feature: str, page: str
) -> None:
    # a piece about a quiz show or a garden diary beside a loan advert or a product page:
    # neither reads as news, they share no story, and only the page tells the reader what
    # to buy or do; the feature is still about something, the page is no source
    docs = pair(feature, page)
    cleaned = clean_cluster(docs)
    assert not any(reads_as_news(c.body_text) for c in cleaned)
    assert [reads_as_page(c.body_text) for c in cleaned] == [False, True]
    assert [c.dropped for c in cleaned] == [None, OFF_TOPIC_PAIR_PAGE]
    assert cleaned[1].body  # kept for `clean --explain`
    summary = synopsis.summarize(docs, words=100)
    name = page.split("/")[-1]
    assert summary.excluded == (name,)
    assert any(n == f"document {name} dropped: {OFF_TOPIC_PAIR_PAGE}" for n in summary.notes)
    assert {s.document_id for s in summary.sentences} == {feature.split("/")[-1]}
    # the page against a news report is judged by the news rule, as before
    assert [c.dropped for c in clean_cluster(pair("cross/wire.txt", page))] == [
        None,
        OFF_TOPIC_PAIR,
    ]


def test_two_features_that_are_neither_news_nor_pages_both_stay() -> None:
    # a quiz-show piece and a garden diary: no kind says which is the cluster's
    docs = pair("documents/tv-feature.txt", "documents/essay.txt")
    cleaned = clean_cluster(docs)
    assert all(c.dropped is None for c in cleaned)
    assert not any(reads_as_page(c.body_text) for c in cleaned)
    summary = synopsis.summarize(docs, words=100)
    assert summary.excluded == ()
    assert NO_SHARED_STORY.format("tv-feature.txt", "essay.txt") in summary.notes


def test_a_visitor_guide_that_narrates_as_much_as_it_sells_stays_beside_a_feature() -> None:
    # a lighthouse guide with two prices and the reader addressed reads as a page, but
    # its page cues do not outnumber its narration: with two sources that is too little
    # to say it is no source (a cut report on train-5000 looked like this)
    docs = pair("documents/tv-feature.txt", "documents/museum-guide.txt")
    cleaned = clean_cluster(docs)
    assert reads_as_page(cleaned[1].body_text) and not reads_as_news(cleaned[1].body_text)
    page, _, narrative = page_cues(cleaned[1].body_text)
    assert page == narrative
    assert all(c.dropped is None for c in cleaned)
    assert cleaned[1].note == NO_SHARED_STORY.format("tv-feature.txt", "museum-guide.txt")


def test_two_pages_that_are_no_articles_both_stay() -> None:
    # a product page and a recipe, both pages: the rule needs exactly one
    docs = pair("documents/shop.txt", "documents/recipe.txt")
    cleaned = clean_cluster(docs)
    assert all(reads_as_page(c.body_text) for c in cleaned)
    assert all(c.dropped is None for c in cleaned)
    assert cleaned[1].note == NO_SHARED_STORY.format("shop.txt", "recipe.txt")


def test_copies_of_the_news_report_are_one_source_against_the_essay() -> None:
    names = ("cross/wire.txt", "cross/wire-republished.txt", "documents/essay.txt")
    assert [c.dropped for c in clean_cluster(pair(*names))] == [None, None, OFF_TOPIC_PAIR]


def test_a_third_source_leaves_the_pair_rule_out() -> None:
    # three sources: only the majority rule of topicality judges (it keeps the essay here:
    # the longest document is never off-topic there)
    cleaned = clean_cluster(flood_cluster("documents/essay.txt"))
    assert OFF_TOPIC_PAIR not in [c.dropped for c in cleaned]


def test_a_short_document_of_a_pair_is_never_judged() -> None:
    essay = read("documents/essay.txt").split("\n")
    short = make_document("\n".join(essay[:3]), "short")
    cleaned = clean_cluster([make_document(read("cross/wire.txt")), short])
    assert all(c.dropped is None for c in cleaned)


@pytest.mark.parametrize(
    ("body", "news"),
    [
        ("The minister said on Tuesday that the bridge would reopen.", True),
        ("I think you should plant your peas early.", False),
        ('"I will not resign, and you know it," the mayor told reporters.', True),
        ("The shirt is cut in linen.", False),  # no cue either way: not a report
    ],
)
def test_reads_as_news_counts_the_writer_not_the_quoted(body: str, news: bool) -> None:
    assert reads_as_news(body) is news


# --- a page that is no article, in a cluster of three or more sources --------------------


@pytest.mark.parametrize("page", ["documents/shop.txt", "documents/recipe.txt"])
def test_a_page_that_is_no_article_and_shares_no_story_is_off_topic(page: str) -> None:
    # a product page, a recipe: instructions, prices, measures; nothing of the flood
    docs = flood_cluster(page)
    cleaned = clean_cluster(docs)
    assert [c.dropped for c in cleaned] == [None, None, None, OFF_TOPIC_PAGE]
    assert cleaned[3].body  # kept for `clean --explain`
    summary = synopsis.summarize(docs, words=300)
    name = page.split("/")[-1]
    assert summary.excluded == (name,) and summary.independent_sources == 3
    assert any(n == f"document {name} dropped: {OFF_TOPIC_PAGE}" for n in summary.notes)
    assert all(s.document_id != name for s in summary.sentences)


def test_a_how_to_page_about_the_story_stays() -> None:
    # advice to the flooded town's residents reads as a page, but tells the story
    advice = "documents/flood-advice.txt"
    cleaned = clean_cluster(flood_cluster(advice))
    assert reads_as_page(cleaned[3].body_text)
    assert all(c.dropped is None for c in cleaned)
    # it stays because it shares the story: with the story test off it would go
    off = dataclasses.replace(CleanOptions(), topic_max_story=1.0)
    assert clean_cluster(flood_cluster(advice), off)[3].dropped == OFF_TOPIC_PAGE


def test_an_essay_that_shares_no_story_is_no_page_and_stays() -> None:
    # first person, the reader addressed, but no instruction, price or measure
    essay = read("documents/essay.txt")
    assert not reads_as_page(essay)
    assert OFF_TOPIC_PAGE not in [
        c.dropped for c in clean_cluster(flood_cluster("documents/essay.txt"))
    ]


def test_a_page_held_in_two_copies_stays() -> None:
    shop = read("documents/shop.txt")
    docs = [*flood_cluster(), make_document(shop, "a"), make_document(shop, "b")]
    assert OFF_TOPIC_PAGE not in [c.dropped for c in clean_cluster(docs)]


def test_the_page_rule_needs_three_sources() -> None:
    # with two, the pair rule judges (the shop page reads as no news report either)
    docs = pair("cross/wire.txt", "documents/shop.txt")
    assert [c.dropped for c in clean_cluster(docs)] == [None, OFF_TOPIC_PAIR]


FERRY = ("documents/ferry-wire.txt", "documents/ferry-local.txt", "documents/ferry-help.txt")


@pytest.mark.parametrize("names", [FERRY, FERRY[:2], FERRY[::2]])
def test_a_cluster_of_one_story_in_other_words_keeps_every_source(names) -> None:
    # a wire report, a village's night with the rescued, a helpline page for relatives:
    # one story, few words in common, one of them a page
    cleaned = clean_cluster(pair(*names))
    assert all(c.dropped is None for c in cleaned)
    assert reads_as_page(clean_cluster(pair(FERRY[2]))[0].body_text)


@pytest.mark.parametrize(
    ("body", "page"),
    [
        ("Preheat the oven to 200C. Add 2 tablespoons of oil and stir.", True),
        ("Choose your size from the chart. Free returns within 30 days.", True),
        ("View all results on our full results page. See the map.", True),
        ("The minister said on Tuesday that prices rose by $5 a barrel.", False),
        ("Have a look at your sink after you brush your teeth.", False),  # no page cue
        ('"Add it to your basket," she said, and he did; they were pleased.', False),
    ],
)
def test_reads_as_page_counts_instructions_and_shop_words_against_narration(body, page) -> None:
    assert reads_as_page(body) is page


# --- two news reports of two stories: the headlines -----------------------------------


# the festival report without its headline line, long enough to share few words with the flood
FESTIVAL_BODY = (
    read("documents/festival.txt").split("\n", 1)[1] + "\n" + read("documents/festival-more.txt")
)


def test_of_two_news_reports_the_one_off_its_own_headline_is_off_topic() -> None:
    # a page headlined with the flood whose extracted body is the festival report: the
    # flood report tells that headline, the festival text does not
    festival = FESTIVAL_BODY
    page = synopsis.Document(id="page", text=festival, title="Thousands flee Varna river flood")
    docs = [make_document(read("cross/wire.txt"), "wire"), page]
    cleaned = clean_cluster(docs)
    assert [c.dropped for c in cleaned] == [None, OFF_TOPIC_HEADLINE]
    summary = synopsis.summarize(docs, words=100)
    assert summary.excluded == ("page",)
    assert any(n == f"document page dropped: {OFF_TOPIC_HEADLINE}" for n in summary.notes)


@pytest.mark.parametrize("title", [None, "Record number of premieres at the film festival"])
def test_two_news_reports_whose_headlines_say_nothing_both_stay(title) -> None:
    # no headline, or one its own text tells: nothing says which story is the cluster's
    festival = FESTIVAL_BODY
    page = synopsis.Document(id="page", text=festival, title=title)
    docs = [make_document(read("cross/wire.txt"), "wire"), page]
    assert all(c.dropped is None for c in clean_cluster(docs))
    # the summary says that it may mix two stories
    summary = synopsis.summarize(docs, words=100)
    assert summary.excluded == () and NO_SHARED_STORY.format("wire", "page") in summary.notes


def test_two_sources_that_share_the_story_get_no_note() -> None:
    docs = pair("cross/wire.txt", "documents/flood-column.txt")
    assert all(c.note is None for c in clean_cluster(docs))
    assert synopsis.summarize(docs, words=100).notes == ()


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


# --- faster paths give what the plain ones gave -----------------------------------------


def _is_notice_plain(sentence: str) -> bool:
    """is_notice before the word tests: every pattern tried on every sentence."""
    page_text = (fw.COLLECTION_NOTICE, fw.FORECAST, fw.TRAFFIC, fw.LEGAL_NOTICE)
    if fw.NOTICE_CUES.search(sentence) and fw.NOTICE_TERMS.search(sentence):
        return True
    return any(p.search(sentence) for p in page_text)


# One phrase for each alternative of the gated patterns (written for this test).
ALTERNATIVES = {
    fw.NOTICE_CUES: [
        "you", "your", "youre", "you're", "please", "sorry", "learn more", "thank you",
        "try again", "could not be loaded", "cannot be displayed", "can't be found",
        "couldn't be played", "is available", "are not supported", "is currently disabled",
        "is no longer available", "not found", "has been removed", "has been moved", "click",
        "to connect with", "was unable to", "is unable to", "go to the", "be back shortly",
        "welcome to", "refresh", "check the", "agree to",
    ],
    fw.COLLECTION_NOTICE: [
        "this collection", "collections are comprised", "collection is made up", "archiveit",
        "archive-it", "internet archive", "wayback machine", "webcrawl", "web crawls",
        "crawl of", "crawled from", "crawls of", "partner since", "seed list", "seed for",
    ],
    fw.FORECAST: [
        "highs near 70f", "low -5 °f", "high of 31f", "winds light and variable",
        "wind nw at 10", "winds southeasterly at 5", "chance of rain 40%",
        "chance of precipitation 20 %", "today a mix of clouds", "tonight cloudy",
        "tomorrow mostly sunny", "today partly clear",
    ],
    fw.TRAFFIC: [
        "stop and go traffic", "accident cleared", "7 m ago", "12 min ago", "eb at",
        "wb between", "nb near", "sb past",
    ],
    fw.LEGAL_NOTICE: [
        "registered office", "registered trademarks", "all rights reserved",
        "licence to reproduce", "license to reproduce", "our terms", "these privacy",
    ],
}  # fmt: skip
GATES = {fw.NOTICE_CUES: fw.NOTICE_CUES_GATED, **{g.pattern: g for g in fw.PAGE_TEXT}}


def _recase(rng: random.Random, text: str) -> str:
    return "".join(c.upper() if rng.random() < 0.4 else c for c in text)


def test_every_alternative_of_a_gated_pattern_holds_one_of_its_words() -> None:
    rng = random.Random(5)
    assert set(GATES) == set(ALTERNATIVES)
    for pattern, phrases in ALTERNATIVES.items():
        for phrase in phrases:
            for text in (phrase, _recase(rng, phrase), phrase.upper(), f"So {phrase} now."):
                assert pattern.search(text), (pattern.pattern[:30], text)
                assert GATES[pattern].search(text, text.lower(), False), text


def test_odd_case_lists_every_character_lower_does_not_fold_to_its_letter() -> None:
    letters = re.compile("[a-z]", re.IGNORECASE)
    odd = set()
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if letters.fullmatch(c) and not (
            c.lower() in string.ascii_lowercase and re.fullmatch(c.lower(), c, re.IGNORECASE)
        ):
            odd.add(c)
    assert {c for c in odd if fw.ODD_CASE.search(c)} == odd
    assert odd  # "ſ" matches "s" but stays "ſ" in lowercase


def test_gated_is_notice_gives_what_every_pattern_tried_gives() -> None:
    rng = random.Random(11)
    pool = [p for phrases in ALTERNATIVES.values() for p in phrases] + [
        "page", "browser", "account", "video", "the", "mayor", "said", "on", "Monday",
        "council", "voted", "budget", "river", "rose", "3", "feet", "follow", "below",
        "collection", "archive", "crawl", "seed", "high", "wind", "clear", "ago", "web",
        "thıs collectıon", "pleaſe", "accıdent cleared", "İnternet archive", "ſeed list",
        "you:", "page.", "—", "’", "stop", "go",
    ]  # fmt: skip
    seen = set()
    for _ in range(4000):
        words = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
        sentence = _recase(rng, " ".join(words)) if rng.random() < 0.5 else " ".join(words)
        got = is_notice(sentence)
        assert got == _is_notice_plain(sentence), sentence
        seen.add((got, fw.ODD_CASE.search(sentence) is not None))
    assert seen == {(True, True), (True, False), (False, True), (False, False)}


# Lines written for this test that end in each end-anchored caption pattern and each
# embed alternative.
CAPTION_ENDS = [
    "The river at dawn. Photograph: Jane Doe/Daily Paper",
    "The mayor speaks. (AP Photo/John Roe)",
    "A crowd gathers (Photo by Ann Lee) (File)",
    "Fans wait outside. Getty Images",
    "The ship in port. AFP/Getty",
    "Snow on the hills. Shutterstock",
    "Leaders meet. AP Images",
    "Rescue crews at work via Reuters",
    "The old bridge. Courtesy of City Museum",
    "Protesters march. REUTERS/Kim Park",
    "A team photo (Sam Ray/The Town Herald)",
]
EMBED_ENDS = [
    "Big news tonight — Jane Doe (@janedoe) May 5, 2016",
    "Look at this pic.twitter.com/abc123 more",
    "A post shared by Town Zoo",
    "A video shared by someone on the road",
]


def test_every_end_anchored_caption_and_embed_holds_a_trigger() -> None:
    tails = [p for p in fw.CAPTION_PATTERNS if p.endswith("$") and not p.startswith("^")]
    for pattern in tails:  # each pattern has an example here
        assert any(re.search(pattern, line) for line in CAPTION_ENDS), pattern
    for line in CAPTION_ENDS:
        assert fw.CAPTION_RE.tail.search(line[-120:]), line
        assert fw.holds(line[-120:], fw.CAPTION_TAIL_TRIGGERS) and fw.CAPTION_RE.search(line)
    for line in EMBED_ENDS:
        assert fw.EMBED.search(line[-120:]), line
        assert fw.holds(line[-120:], fw.EMBED_TRIGGERS), line


FURNITURE_ENDS = [
    "The council's full statement. Read more »",
    "Scenes from the parade: watch the video",
    "Storm damage across the county. See our photos.",
    "Before and after: see gallery",
    "Election night live (All times local):",
]


def test_every_end_anchored_furniture_pattern_holds_a_trigger() -> None:
    tails = [p for p in fw.FURNITURE_PATTERNS if p.endswith("$") and not p.startswith("^")]
    for pattern in tails:
        assert any(re.search(pattern, line, re.IGNORECASE) for line in FURNITURE_ENDS), pattern
    rng = random.Random(2)
    for line in FURNITURE_ENDS:
        for text in (line, line.upper(), _recase(rng, line)):
            end = text[-120:]
            assert fw.FURNITURE_RE.tail.search(end), text
            assert fw.holds(end.lower(), fw.FURNITURE_TAIL_TRIGGERS), text
            assert fw.FURNITURE_RE.search(text), text
    # "ſ" is an "s" to the pattern but not to lowercase: such an end is always searched
    assert fw.FURNITURE_RE.search("Storm damage. See our photoſ.")


def test_triggered_caption_and_embed_tests_give_what_the_plain_patterns_give() -> None:
    rng = random.Random(9)
    pool = [*CAPTION_ENDS, *EMBED_ENDS, "the", "mayor", "said", ":", "/", "Photo", "(AP",
            "Photo/Jo", "Bo)", "via", "Reuters", "Courtesy", "of", "Getty", "Images", "A",
            "post", "shared", "by", "(@x)", "May", "5,", "2016", "pic.twitter.com",
            "."]  # fmt: skip
    answers = set()
    for _ in range(3000):
        line = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 25)))
        end = line[-120:]
        caption = bool(
            fw.CAPTION_RE.head.search(line[:120])
            or fw.CAPTION_RE.tail.search(end)
            or ("photo" in line.lower() and fw.CAPTION_RE.anywhere.search(line))
        )
        assert fw.CAPTION_RE.search(line) == caption, line
        embed = bool(fw.EMBED.search(end))
        assert (fw.holds(end, fw.EMBED_TRIGGERS) and bool(fw.EMBED.search(end))) == embed
        answers.add((caption, embed))
    assert answers == {(True, True), (True, False), (False, True), (False, False)}


def test_furniture_patterns_lowercase_the_line_once_with_the_same_answers() -> None:
    rng = random.Random(3)
    pool = ["Watch", "video", "Follow", "us", "on", "Twitter", "cookie", "policy", "site",
            "the", "mayor", "said", "Posted:", "Monday", "newsletter", "click", "here",
            "Photo", "by", "AP", "(AP Photo/Jane Doe)", "Read", "more", "…", "Reporting",
            "contributed", "Courtesy", "of", "See", "the", "photos", "gallery", "pHotoſ",
            "(All times local)", "vıdeo", "Read more"]  # fmt: skip
    for patterns in (fw.FURNITURE_RE, fw.CAPTION_RE, fw.CREDIT_RE):
        answers = set()
        for _ in range(1500):
            line = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 30)))
            plain = bool(
                (patterns.head and patterns.head.search(line[: patterns.reach]))
                or (patterns.tail and patterns.tail.search(line[-patterns.reach :]))
                or (
                    patterns.anywhere
                    and (not patterns.triggers or any(t in line.lower() for t in patterns.triggers))
                    and patterns.anywhere.search(line)
                )
            )
            assert patterns.search(line) == plain, line
            answers.add(plain)
        assert answers == {True, False}


def _copy_groups_plain(
    live: list[int], vocab: dict[int, set[str]], similarity: float
) -> dict[int, int]:
    """_copy_groups before the skips and the product: every pair's sets built and compared."""
    group = {i: i for i in live}
    for n, x in enumerate(live):
        for y in live[n + 1 :]:
            a, b = vocab[x], vocab[y]
            if a and b and len(a & b) >= similarity * len(a | b) and group[y] != group[x]:
                old = group[y]
                for k, g in group.items():
                    if g == old:
                        group[k] = group[x]
    return group


@pytest.mark.parametrize("documents", [2, 7, 39, 40, 90])
def test_copy_groups_are_those_of_comparing_every_pair(documents: int) -> None:
    """Both paths (pairwise below _PRODUCT_FROM documents, the product from it), on
    generated vocabularies: copies with a few words changed, unrelated ones, empty ones."""
    rng = random.Random(documents)
    words = [f"w{n}" for n in range(300)]
    stories = [set(rng.sample(words, rng.randint(5, 60))) for _ in range(5)]
    vocab: dict[int, set[str]] = {}
    for i in range(documents):
        kind = rng.random()
        if kind < 0.1:
            vocab[i] = set()
        elif kind < 0.8:
            base = rng.choice(stories)
            vocab[i] = set(rng.sample(sorted(base), max(1, len(base) - rng.randint(0, 20))))
            vocab[i] |= set(rng.sample(words, rng.randint(0, 15)))
        else:
            vocab[i] = set(rng.sample(words, rng.randint(1, 80)))
    live = sorted(vocab, key=lambda _: rng.random())
    merged = 0
    for similarity in (0.0, 0.3, 0.5, 0.8, 1.0):
        want = _copy_groups_plain(live, vocab, similarity)
        assert _copy_groups(live, vocab, similarity) == want
        merged = max(merged, len(live) - len(set(want.values())))
    assert merged > 0


@pytest.mark.parametrize(
    "extra", [(), ("documents/festival.txt",), ("cross/wire.txt", "cross/independent.txt")]
)
def test_topicality_with_sentences_found_once_and_indexes_built_on_demand(extra) -> None:
    """clean_cluster hands each document's body sentences to the page and topic judges
    and builds a source's index only when a comparison needs it: the same figures as
    finding the sentences again and building every index (``exact``)."""
    from synopsis.cleaning.stories import _body_sentences

    docs = flood_cluster(*extra)
    cleaned = clean_cluster(docs)
    spans = [_body_sentences(c) for c in cleaned]
    options = CleanOptions()
    for exact in (False, True):
        with_spans = topicality(cleaned, options, exact=exact, sentences=spans)
        assert _same(with_spans, topicality(cleaned, options, exact=exact))
    full, lazy = topicality(cleaned, options, exact=True), topicality(cleaned, options)
    assert [t.off_topic for t in full.values()] == [t.off_topic for t in lazy.values()]


def _same(a: dict, b: dict) -> bool:
    """Equal figures, two NaN agreements (not computed) counted equal."""

    def key(t):  # NaN is not equal to itself: compare it as None
        return dataclasses.replace(t, agreement=None if math.isnan(t.agreement) else t.agreement)

    return {k: key(t) for k, t in a.items()} == {k: key(t) for k, t in b.items()}


def test_sentences_judged_once_per_cluster_give_what_judging_each_gives() -> None:
    """clean_cluster judges each distinct sentence text once (notice or not, telling
    words) for all its documents: a cluster with copies that repeat sentences, notice
    pages sharing sentences and an off-topic document is cleaned as judging every
    sentence of every document afresh cleans it (the page and topic judges without the
    cluster's tables)."""
    from synopsis.cleaning.documents import _clean, _judge_page, _judge_topics
    from synopsis.cleaning.lines import line_key, numbered_lines

    docs = flood_cluster("documents/festival.txt")
    wire = read("cross/wire.txt")
    docs += [
        make_document(wire + "\n\n" + read("cross/independent.txt"), "both.txt"),
        make_document(VERIFY + " " + SIGN_IN, "notice-1.txt"),
        make_document(SIGN_IN + " " + VERIFY + " " + wire.split("\n")[0], "notice-2.txt"),
    ]
    options = CleanOptions()
    counts: Counter[str] = Counter()
    for doc in docs:
        counts.update({k for _, a, b in numbered_lines(doc.text) if (k := line_key(doc.text[a:b]))})
    shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    plain = _judge_topics([_judge_page(_clean(d, options, shared), options) for d in docs], options)
    got = clean_cluster(docs, options)
    assert list(got) == plain
    assert {c.dropped for c in got} >= {None, OFF_TOPIC} and got[-2].dropped is not None


def test_one_sentence_against_a_source_shares_what_the_sources_index_finds() -> None:
    """Topicality counts a document's sentences one at a time against a source by set
    intersections until that source's index is built: the answer of the index."""
    from synopsis.cleaning.stories import _matched, _shares, _word_index

    rng = random.Random(11)
    vocabulary = [f"w{n}" for n in range(30)]
    answers = Counter()
    for _ in range(3000):
        source = [set(rng.sample(vocabulary, rng.randint(0, 8))) for _ in range(rng.randint(0, 6))]
        words = set(rng.sample(vocabulary, rng.randint(0, 8)))
        index = _word_index(source)
        for need in (0, 1, 2, 3, 5):
            want = bool(_matched([words], index, need))
            assert _shares(words, source, None, need) == want, (words, source, need)
            assert _shares(words, source, index, need) == want
            answers[want] += 1
    assert min(answers.values()) > 1000  # both answers exercised


@pytest.mark.parametrize(
    "extra", [(), ("documents/festival.txt",), ("cross/wire.txt", "cross/independent.txt")]
)
def test_topicality_by_intersections_is_topicality_by_indexes(monkeypatch, extra) -> None:
    """The figures of topicality when every comparison builds the source's index (the
    code ``_shares`` replaced) and when a sentence asked alone is intersected instead."""
    from synopsis.cleaning import stories
    from synopsis.cleaning.stories import _matched, _word_index

    cleaned = clean_cluster(flood_cluster(*extra))
    options = CleanOptions()
    fast = topicality(cleaned, options)
    monkeypatch.setattr(
        stories, "_shares", lambda w, s, index, need: bool(_matched([w], _word_index(s), need))
    )
    assert _same(fast, topicality(cleaned, options))


def _look_behind_sentences(cleaned) -> list[tuple[int, int]]:
    """Body sentences as the look-behind boundary finds them (what _body_sentences did)."""
    look_behind = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+""")
    text, out = cleaned.document.text, []
    for span in cleaned.body:
        start = span.start
        for m in look_behind.finditer(text, span.start, span.end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, span.end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def test_body_sentences_are_the_splits_of_the_look_behind_boundary() -> None:
    """_body_sentences finds boundaries from the full stop, not by a look-behind at every
    position: the same sentences on generated bodies of stops, closing marks, spaces of
    several kinds and letters, with spans that start just after a stop (which only the
    look-behind sees, and which a plain scan of the span would miss). Their words and the
    words they lose are the body's words (clean_cluster counts the body from them)."""
    from synopsis.cleaning.stories import _body_sentences, _body_words, _sentences_and_lost
    from synopsis.model import CleanDocument, Span

    rng = random.Random(15)
    pieces = ["word", "U.S.", ".", "!", "?", "?!", "”", "’", ")", "]", '"', "'", " ", "  ",
              "\n", "\t", "\u00a0", "\u2003", "x", "é", "1.5", "…"]  # fmt: skip
    at_stop = lost_words = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randint(0, 3))))
        body = tuple(Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b)
        at_stop += any(s.start and text[s.start - 1] in ".!?" for s in body)
        cleaned = CleanDocument(document=make_document(text), body=body)
        assert _body_sentences(cleaned) == _look_behind_sentences(cleaned), (text, body)
        spans, lost = _sentences_and_lost(cleaned)
        words = sum(len(text[a:b].split()) for a, b in spans)
        assert words + lost == _body_words(cleaned), (text, body)
        lost_words += lost
    assert at_stop > 300 and lost_words > 30  # spans starting after a stop were exercised


def test_letter_runs_are_the_matches_of_the_unicode_letter_pattern() -> None:
    """_letter_runs reads ASCII text with ``[A-Za-z]{4,}``: the matches of
    ``[^\\W\\d_]{4,}`` on any text (letters of several scripts, digits, ``_``, combining
    marks, the Kelvin sign, whose lowercase is ASCII), whole and between offsets."""
    from synopsis.cleaning.stories import _CONTENT, _letter_runs

    rng = random.Random(16)
    alphabet = "abcdXYZ_09 -'é\u0301\u212aжш中\u00b2ǅ"
    ascii_seen = 0
    for _ in range(6000):
        text = "".join(rng.choice(alphabet if rng.random() < 0.5 else "abcdXYZ_09 -'")
                       for _ in range(rng.randint(0, 30)))  # fmt: skip
        ascii_seen += text.isascii()
        for t in (text, text.lower()):
            assert _letter_runs(t) == _CONTENT.findall(t), t
            a, b = sorted((rng.randint(0, len(t)), rng.randint(0, len(t))))
            assert _letter_runs(t, a, b) == _CONTENT.findall(t, a, b), (t, a, b)
    assert 1000 < ascii_seen < 5000  # both kinds of text exercised
