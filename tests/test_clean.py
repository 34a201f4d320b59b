"""Cleaning keeps the story, records every removal, and never moves an offset."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

import synopsis
from conftest import FIXTURES, SAMPLE, make_document
from synopsis import furniture as fw
from synopsis.cleaning import clean, clean_cluster
from synopsis.cleaning.reasons import NOTHING_LEFT, NOTICE_PAGE, REPEATED, SHARED
from synopsis.model import CleanDocument, Document
from synopsis.options import CleanOptions, Options
from synopsis.segment import segment

CLEAN_FIXTURES = sorted((FIXTURES / "clean").glob("*.txt"))
COPIES = ("reuters.txt", "guardian.txt", "reuters-wire.txt")


def read(path: Path) -> Document:
    return Document(id=path.name, text=path.read_text(encoding="utf-8"), path=str(path))


def sample() -> list[Document]:
    return [read(p) for p in sorted(SAMPLE.glob("*.txt"))]


def words(text: str) -> list[str]:
    """Normalised words: lowercase, curly quotes and hyphen variants folded, no punctuation."""
    text = text.lower().replace("’", "'").replace("co-operat", "cooperat").replace("u.s.", "us")
    return re.findall(r"[a-z0-9']+", text)


@pytest.mark.parametrize("path", CLEAN_FIXTURES, ids=lambda p: p.stem)
def test_fixture_body(path: Path) -> None:
    cleaned = clean(read(path))
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    assert cleaned.body_text.strip() == expected


def test_fixtures_cover_the_noise_kinds() -> None:
    reasons = {r.reason for p in CLEAN_FIXTURES for r in clean(read(p)).removals}
    assert {
        "page furniture",
        "photo caption or credit",
        "reporting credit",
        "wire header",
        "wire update note",
        "byline",
        "headline",
        "standfirst",
        "agency line",
        "dateline",
        "subhead",
        "repeated line",
        "same text joined twice",
        "older version (change tracker)",
        "change-tracker banner",
        "web-archive notice",
        "trailing link or tag",
        "embedded social-media post",
    } <= reasons


def test_metadata_from_headers_and_datelines() -> None:
    wire = clean(read(FIXTURES / "clean" / "wire.txt")).meta
    assert wire["dateline_place"] == "OSLO/STOCKHOLM"
    assert wire["dateline_date"] == "March 3"
    assert wire["agency"] == "Reuters"
    assert wire["byline"].startswith("By Ingrid Dahl")
    page = clean(read(FIXTURES / "clean" / "headline.txt")).meta
    assert page["title"] == "City council backs new tram line after long debate"
    assert page["standfirst"].startswith("Councillors approve")
    agency = clean(read(FIXTURES / "clean" / "agency.txt")).meta
    assert agency["agency"] == "Associated Press" and agency["dateline_place"] == "Lisbon"


def test_dateline_stripped_by_offset_not_by_rewriting() -> None:
    doc = make_document("BOSTON (AP) — The jury reached a verdict on Friday after two days.")
    cleaned = clean(doc)
    assert cleaned.body_text == "The jury reached a verdict on Friday after two days."
    assert doc.text[cleaned.body[0].start :].startswith("The jury")
    assert cleaned.meta["agency"] == "AP"


@pytest.mark.parametrize(
    ("text", "body", "place", "agency"),
    [
        (
            "Lisbon ( ap ) — the jury reached a verdict.",
            "the jury reached a verdict.",
            "Lisbon",
            "ap",
        ),
        ("( cnn ) the jury reached a verdict.", "the jury reached a verdict.", None, "cnn"),
        (
            "Tulsa, okla. -- the jury reached a verdict.",
            "the jury reached a verdict.",
            "Tulsa, okla.",
            None,
        ),
    ],
)
def test_datelines_of_lowercased_retokenized_copies(
    text: str, body: str, place: str | None, agency: str | None
) -> None:
    # The common preprocessed Multi-News copy: spaced brackets, lowercase story after.
    cleaned = clean(make_document(text))
    assert cleaned.body_text == body
    assert cleaned.meta.get("dateline_place") == place
    assert cleaned.meta.get("agency") == agency


@pytest.mark.parametrize(
    "text",
    [
        "Although — or because — it rained, the jury reached a verdict.",
        "Sen. Ann Cole ( d-ore. ) said the jury reached a verdict.",
        # a hyphenated name or word opening the story is no "Place -" dateline
        "Radio-Trade.net reported that the station was sold.",
        "Pro-Union delegates walked out of the hall on Friday.",
    ],
)
def test_a_clause_or_party_tag_is_not_a_dateline(text: str) -> None:
    assert clean(make_document(text)).body_text == text


def test_a_dash_with_space_after_a_hyphenated_place_is_still_a_dateline() -> None:
    cleaned = clean(make_document("WINSTON-SALEM, N.C. (AP) - The plant closed on Friday."))
    assert cleaned.body_text == "The plant closed on Friday."
    assert cleaned.meta["dateline_place"] == "WINSTON-SALEM, N.C."
    titled = clean(make_document("Paris - The talks ended without a deal on Monday."))
    assert titled.body_text == "The talks ended without a deal on Monday."


def test_article_without_noise_is_unchanged() -> None:
    text = (
        "The river burst its banks on Sunday, flooding the lower town.\n\n"
        "Emergency crews moved 300 residents to a school on higher ground.\n\n"
        '"We have never seen water this high," the mayor said.\n'
    )
    cleaned = clean(make_document(text))
    assert cleaned.removals == ()
    assert cleaned.meta == {}
    assert [text[s.start : s.end] for s in cleaned.body] == [text.strip()]


@pytest.mark.parametrize("name", COPIES)
def test_every_reuters_sentence_survives_in_each_copy(name: str) -> None:
    story = read(SAMPLE / "reuters.txt")
    # The story's sentences: the raw text segmented, minus the two-word furniture lines.
    wanted = [
        s.text for s in segment(CleanDocument.whole(story)).sentences if len(s.text.split()) > 3
    ]
    assert len(wanted) >= 12
    cleaned = {c.document.id: c for c in clean_cluster(sample())}[name]
    kept = [set(words(s.text)) for s in segment(cleaned).sentences]
    for sentence in wanted:
        w = set(words(sentence))
        best = max(len(w & k) / len(w) for k in kept)
        assert best >= 0.8, f"{name} lost: {sentence}"


def test_offsets_slice_the_raw_text_exactly() -> None:
    for cleaned in clean_cluster(sample()):
        text = cleaned.document.text
        seg = segment(cleaned)
        assert seg.sentences
        for s in seg.sentences:
            assert " ".join(text[s.start : s.end].split()) == s.text
            assert any(b.start <= s.start and s.end <= b.end for b in cleaned.body)
        for r in cleaned.removals:
            assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end].strip()
            assert text.count("\n", 0, r.start) + 1 == r.line


def test_every_character_is_kept_or_recorded_as_removed() -> None:
    docs = sample() + [read(p) for p in CLEAN_FIXTURES]
    for cleaned in clean_cluster(docs):
        text = cleaned.document.text
        covered = [False] * len(text)
        spans = [(b.start, b.end) for b in cleaned.body]
        spans += [(r.start, r.end) for r in cleaned.removals]
        for a, b in spans:
            assert not any(covered[a:b]), f"{cleaned.document.id}: overlap at {a}"
            covered[a:b] = [True] * (b - a)
        missed = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
        assert not missed, f"{cleaned.document.id}: unaccounted text at {missed[:3]}"


def test_change_tracker_keeps_one_version_only() -> None:
    page = {d.id: d for d in sample()}["washingtonpost-newssniffer.txt"]
    body = clean(page).body_text
    assert body.count("By going public with the U.S. offer Monday") == 1
    assert body.count("contributed to this report") == 0
    assert "Version 2" not in body and "This article is from the source" not in body
    # Two versions of the lede share a line; only the later one stays.
    assert "Iran on Monday spurned an American offer" in body
    assert "Iran has rejected a U.S. appeal" not in body


def test_cross_document_furniture_but_shared_sentences_stay() -> None:
    shared_sentence = "The minister resigned on Monday after a week of pressure from her own party."
    menu = "Most viewed stories in World news this week from our correspondents"
    a = Document(
        id="a", text=f"{shared_sentence}\n{menu}\nShe will stay on as a member of parliament."
    )
    b = Document(id="b", text=f"{shared_sentence}\n{menu}\nHer deputy takes over until a vote.")
    ca, cb = clean_cluster([a, b])
    for cleaned in (ca, cb):
        assert shared_sentence in cleaned.body_text
        assert menu not in cleaned.body_text
    # One document alone has nothing to compare with: the menu line stays.
    assert menu in clean(a).body_text
    off = CleanOptions(cross_document=False)
    assert all(menu in c.body_text for c in clean_cluster([a, b], off))


def test_pipeline_drops_furniture_only_documents_and_says_so() -> None:
    notice = (FIXTURES / "clean" / "archive-notice.txt").read_text()
    article = (SAMPLE / "reuters.txt").read_text()
    summary = synopsis.summarize([notice, article], words=60)
    assert any("dropped" in note and "1" in note for note in summary.notes)
    assert {s.document_id for s in summary.sentences} == {"2"}


def test_no_clean_option_summarizes_raw_text() -> None:
    text = "Comments are closed for this story today.\n" * 3 + (SAMPLE / "reuters.txt").read_text()
    raw = synopsis.summarize([text], words=400, options=Options(clean=CleanOptions(enabled=False)))
    cleaned = synopsis.summarize([text], words=400)
    assert raw.parameters["clean"] is False and cleaned.parameters["clean"] is True
    assert sum("Comments are closed" in s.text for s in cleaned.sentences) <= 1
    assert sum("Comments are closed" in s.text for s in raw.sentences) >= 1


def test_clean_is_exported() -> None:
    assert synopsis.clean is clean and "clean" in synopsis.__all__


def test_dateline_alone_on_its_line_and_last_quote_without_full_stop() -> None:
    text = (
        "NEW YORK (CNNMoney)\n\nShares rose on Monday after the results.\n\n"
        '"It is a strange day for the market," one trader said\n'
        "Markets wrap: stocks close higher\n"
    )
    cleaned = clean(make_document(text))
    assert cleaned.meta["dateline_place"] == "NEW YORK" and cleaned.meta["agency"] == "CNNMoney"
    assert cleaned.body_text.startswith("Shares rose on Monday")
    assert "one trader said" in cleaned.body_text
    assert "Markets wrap" not in cleaned.body_text


def test_a_document_that_is_only_a_post_is_kept() -> None:
    post = "Our bridge reopens tomorrow at noon. — City Hall (@cityhall) May 6, 2021"
    assert clean(make_document(post)).body_text == post
    article = "The bridge reopens tomorrow, officials said on Monday.\n" + post
    assert clean(make_document(article)).body_text.count("@cityhall") == 0


def test_cluster_of_furniture_only_gives_an_empty_summary_that_says_why() -> None:
    notice = (FIXTURES / "clean" / "archive-notice.txt").read_text()
    summary = synopsis.summarize([notice])
    assert summary.sentences == ()
    assert summary.notes == ("document 1 dropped: nothing but page furniture",)


# --- whole documents: notice pages and off-topic documents ----------------------------

# Written for these tests, in the shape of widget and error pages saved as articles.
LOCATION_WIDGET = (
    "Post with a place\n"
    "You can attach location information to your posts, such as your town, from the web "
    "and via third-party applications. You can always delete your post location history. "
    "Learn more"
)
VIDEO_STUB = (
    "The video transcript could not be loaded. Rating is available when the video has been "
    "bought. This feature is not available right now. Please try again later."
)
ERROR_PAGE = "Sorry, the page you requested was not found. Click here to go to the home page."


@pytest.mark.parametrize("text", [LOCATION_WIDGET, VIDEO_STUB, ERROR_PAGE])
def test_a_notice_page_is_dropped_whole_with_its_reason(text: str) -> None:
    cleaned = clean(make_document(text))
    # (a one-line error page is already furniture line by line; the rest are judged whole)
    assert cleaned.body == () and cleaned.dropped in (NOTICE_PAGE, NOTHING_LEFT)
    # nothing is lost silently: every character of the page is recorded as removed
    removed = {i for r in cleaned.removals for i in range(r.start, r.end)}
    assert all(i in removed for i, ch in enumerate(text) if not ch.isspace())


def test_an_article_mentioning_a_video_or_a_sign_up_line_is_kept() -> None:
    article = (
        "Flood water reached the first floor of homes along the river on Tuesday.\n"
        "A video filmed by a resident shows rescue boats in the main street.\n"
        "Sign up for our newsletter to get the latest updates in your inbox.\n"
        "Officials said more than 4,000 people had been moved to schools overnight.\n"
    )
    cleaned = clean(make_document(article))
    assert cleaned.dropped is None and "rescue boats" in cleaned.body_text


def test_a_notice_page_is_no_source_and_the_notes_say_why() -> None:
    story = (FIXTURES / "cross" / "wire.txt").read_text()
    other = (FIXTURES / "cross" / "independent.txt").read_text()
    summary = synopsis.summarize([story, other, VIDEO_STUB], words=300)
    assert summary.independent_sources == 2
    assert any(n.startswith("document 3 dropped: a site notice") for n in summary.notes)
    assert all(s.document_id != "3" for s in summary.sentences)


# (off-topic documents: tests/test_documents.py)


def test_a_crawl_description_saved_as_the_article_is_dropped() -> None:
    # written for the test, in the shape of a web crawl's own description page
    notice = "Focused crawls gather frequently updated pages from a narrow web crawl of one domain."
    seed = "The seed for this run was: front pages of every domain, a ranking of urls by links."
    for text in (notice, seed):
        assert clean(make_document(text)).body == ()
    story = "The crawl space under the house flooded, the owner of the domain name said."
    assert clean(make_document(story)).body_text == story


def _tracker_page(filler: int, seed: int = 3) -> tuple[str, str]:
    """A generated change-tracker page: a sentence, ``filler`` unrelated sentences, then the
    sentence's later version (one word changed). Returns the page and the older sentence."""
    import random

    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))

    def sentence(words: list[str]) -> str:
        return " ".join(words).capitalize() + "."

    old = [word() for _ in range(9)]
    new = [*old[:4], word(), *old[5:]]
    fillers = [sentence([word() for _ in range(9)]) for _ in range(filler)]
    paragraphs = [" ".join(fillers[i : i + 4]) for i in range(0, len(fillers), 4)]
    body = "\n\n".join([sentence(old), *paragraphs, sentence(new)])
    return f"Version 1 Version 2\n\n{body}\n", sentence(old)


def test_change_tracker_compares_a_window_of_later_sentences() -> None:
    from synopsis.cleaning.reasons import OLDER_VERSION

    text, old = _tracker_page(filler=40)
    start = text.index(old)

    def older_removed(window: int) -> bool:
        cleaned = clean(Document(id="t", text=text), CleanOptions(version_window=window))
        return any(r.reason == OLDER_VERSION and r.start == start for r in cleaned.removals)

    # The later version is 41 sentences on: found within a window of 41, not of 40.
    assert older_removed(41) and older_removed(500)
    assert not older_removed(40)


def test_change_tracker_comparisons_are_linear_in_page_length(monkeypatch) -> None:
    from synopsis.cleaning import trackers

    calls = 0
    same = trackers._same_sentence

    def counting(a, b, options):
        nonlocal calls
        calls += 1
        return same(a, b, options)

    monkeypatch.setattr(trackers, "_same_sentence", counting)
    for filler in (100, 400):
        calls = 0
        text, _ = _tracker_page(filler=filler)
        clean(Document(id="t", text=text), CleanOptions(version_window=25))
        # all pairs would be ~filler²/2 (5,000 and 80,000); the window allows 25 each
        assert 0 < calls <= (filler + 2) * 25


# --- line rules never take a paragraph for page furniture ------------------------------

PARAGRAPH = (
    "the harbour board voted on tuesday to close the old ferry pier for repairs after an"
    " inspection found rusted supports under the walkway. The board said the work would take"
    " about six weeks and that a temporary landing would open next to the fish market."
)


def test_a_paragraph_holding_a_starred_list_is_story() -> None:
    # a flattened copy: the article's own " * " list glued into its paragraph
    text = f"{PARAGRAPH} The changes: * ferries stop at the market * the cafe stays open"
    cleaned = clean(make_document(text))
    assert cleaned.body_text == text and cleaned.dropped is None


def test_wire_bullets_glued_onto_the_first_paragraph_are_cut_not_the_paragraph() -> None:
    text = f"* Pier closes for six weeks * Ferry times unchanged {PARAGRAPH}"
    cleaned = clean(make_document(text))
    assert cleaned.body_text == f"Ferry times unchanged {PARAGRAPH}"
    assert [r.reason for r in cleaned.removals] == ["wire header"]


def test_short_wire_bullets_are_still_a_header() -> None:
    text = f"* Pier closes for six weeks * Ferry times unchanged\n{PARAGRAPH}"
    cleaned = clean(make_document(text))
    assert cleaned.body_text == PARAGRAPH
    assert cleaned.removals[0].reason == "wire header"


def test_a_caption_label_before_a_paragraph_cuts_only_the_label() -> None:
    cleaned = clean(make_document(f"Photo: {PARAGRAPH}"))
    assert cleaned.body_text == PARAGRAPH
    assert [(r.reason, r.end - r.start) for r in cleaned.removals] == [
        ("photo caption or credit", len("Photo:"))
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Photo: Harbour Board/Example News",
        # one sentence, however long, is a caption
        "Photo: Workers lift a rusted support out of the water under the old ferry pier"
        " beside the fish market on Tuesday morning while the harbour board looks on from"
        " the quay.",
        # a caption with the story's lede, as agencies write them: it names its photo again
        "Buy Photo Workers lift a rusted support out of the water under the old ferry pier on"
        " Tuesday. The board will close the pier for six weeks of repairs. (Photo: Ann Lee /"
        " The Example)Buy Photo",
    ],
)
def test_a_caption_under_a_label_is_still_dropped(caption: str) -> None:
    cleaned = clean(make_document(f"{caption}\n{PARAGRAPH}"))
    assert cleaned.body_text == PARAGRAPH
    assert cleaned.removals[0].reason == "photo caption or credit"


@pytest.mark.parametrize(
    "line",
    [
        "The harbour board says the old ferry pier will close for six weeks of repairs.",
        # a retokenized copy: a space before the closing quotes
        "The board says repairs to the pier known as \"the old landing. ''",
    ],
)
def test_a_one_line_news_item_is_its_own_story_not_a_headline(line: str) -> None:
    cleaned = clean(make_document(line))
    assert cleaned.body_text == line and cleaned.dropped is None


def test_a_lone_line_that_is_no_sentence_is_still_a_headline() -> None:
    cleaned = clean(make_document("Harbour board closes old ferry pier for repairs"))
    assert cleaned.dropped == NOTHING_LEFT and cleaned.meta["title"]


_FLAT_LEAD = (
    "Harbour board workers on the island are paid too little to live there and may strike"
    " for better pay before the summer crossings begin, their union said on monday after"
    " a vote in the old ferry hall."
)


@pytest.mark.parametrize("cased", [False, True])
def test_a_headline_run_into_the_lead_of_a_flattened_copy_is_its_title(cased: bool) -> None:
    head = "Harbour workers vote to strike over island pay."
    raw = f"{head} {_FLAT_LEAD}"
    if cased:
        raw = raw.replace("harbour board", "Harbour Board")
    cleaned = clean(make_document(raw))
    assert cleaned.meta["title"] == head
    assert cleaned.body_text == raw[len(head) + 1 :]
    assert cleaned.removals[0].reason == "headline"


@pytest.mark.parametrize(
    "first",
    [
        "The harbour workers vote to strike over island pay.",  # an article: a sentence
        "Island ferries stopped running last winter.",  # the lead does not restate it
        "Harbour workers vote to strike over pay in nov.",  # a stop after an abbreviation
    ],
)
def test_a_first_sentence_that_is_no_glued_headline_stays(first: str) -> None:
    raw = f"{first} {_FLAT_LEAD}"
    cleaned = clean(make_document(raw))
    assert cleaned.body_text == raw and "title" not in cleaned.meta


# --- faster paths give what the plain ones gave -----------------------------------------


def test_the_stripped_characters_are_the_blank_ones_over_all_of_unicode() -> None:
    from synopsis.cleaning.lines import _STRIPPED, _blank

    blank = {chr(c) for c in range(sys.maxunicode + 1) if _blank(chr(c))}
    assert blank == set(_STRIPPED)


def _strip_span_plain(text: str, a: int, b: int) -> tuple[int, int]:
    """strip_span before str.strip: a character loop."""
    from synopsis.cleaning.lines import _blank

    while a < b and _blank(text[a]):
        a += 1
    while b > a and _blank(text[b - 1]):
        b -= 1
    return a, b


def _numbered_lines_plain(text: str) -> list[tuple[int, int, int]]:
    """numbered_lines before str.split and str.strip: a character loop."""
    out = []
    pos = 0
    number = 0
    while pos <= len(text):
        number += 1
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        a, b = _strip_span_plain(text, pos, stop)
        if a < b:
            out.append((number, a, b))
        if nl == -1:
            break
        pos = nl + 1
    return out


def test_numbered_lines_and_strip_span_give_what_the_character_loop_gave() -> None:
    from synopsis.cleaning.lines import numbered_lines, strip_span

    rng = random.Random(7)
    pieces = ["word", "Two words", " ", "\t", "\n", "\n\n", "\r\n", "\xa0", "\u200b", "\u3000",
              "\ufeff", "\u2028", "x", ".", "\x0c"]  # fmt: skip
    blank_only = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert numbered_lines(text) == _numbered_lines_plain(text), repr(text)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        want = _strip_span_plain(text, a, b)
        assert strip_span(text, a, b) == want, (repr(text), a, b)
        blank_only += a < b and want[0] == want[1]
    assert blank_only  # all-blank spans met too


def _clean_cluster_plain(documents: list[Document], options: CleanOptions) -> tuple:
    """clean_cluster before lines, keys and sentences were shared between its steps."""
    from collections import Counter

    from synopsis.cleaning.documents import _clean, _judge_page, _judge_topics
    from synopsis.cleaning.lines import line_key, numbered_lines

    counts: Counter[str] = Counter()
    for doc in documents:
        keys = (line_key(doc.text[a:b]) for _, a, b in numbered_lines(doc.text))
        counts.update({k for k in keys if k})
    shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    cleaned = [_judge_page(_clean(doc, options, shared), options) for doc in documents]
    return tuple(_judge_topics(cleaned, options))


def test_clean_cluster_gives_what_cleaning_each_document_afresh_gives() -> None:
    """Lines found once, line keys computed once per distinct line, body sentences found
    once: the same documents as finding each again, on generated clusters."""
    rng = random.Random(4)
    story = [
        "The council voted on Monday to approve the new budget for the county.",
        "Officials said the plan would add twelve bus routes by next spring.",
        "Residents crowded the hall, and several spoke against the fare increase.",
        "The mayor called the vote a step forward for the region's transit system.",
        "Critics argued that the plan leaves rural towns with fewer services.",
        "A final vote on the fares is expected at the next meeting in March.",
    ]
    furniture = ["Share this story", "Comments", "Advertisement", "Photo: Jane Doe/Agency",
                 "Related: Budget talks stall", "Follow us on Twitter", "By Ann Lee",
                 "Please enable JavaScript in your browser to view this page.",
                 "Sign up for our newsletter", "County Budget Vote", "  ", ""]  # fmt: skip
    options = CleanOptions()
    dropped, reasons = set(), set()
    for _ in range(60):
        docs = []
        for d in range(rng.randint(2, 6)):
            lines = [rng.choice(story + furniture) for _ in range(rng.randint(0, 25))]
            docs.append(Document(id=f"d{d}", text="\n".join(lines)))
        got = clean_cluster(docs, options)
        assert got == _clean_cluster_plain(docs, options)
        dropped |= {c.dropped for c in got}
        reasons |= {r.reason for c in got for r in c.removals}
    assert {None, NOTHING_LEFT} <= dropped
    assert {REPEATED, SHARED} <= reasons  # the keyed lines: repeats in a document and across


def test_line_key_cuts_a_leading_date_as_the_substitution_did() -> None:
    from synopsis.cleaning.lines import _LEADING_DATE, line_key

    rng = random.Random(8)
    pieces = ["Tuesday,", "Oct.", "October", "16,", "2018", "16", "Budget", "vote", "  ", "x"]
    cut = 0
    for _ in range(2000):
        line = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        rest = _LEADING_DATE.sub("", line)
        cut += rest != line
        plain = fw.fold(rest) if len(rest) <= 80 else " ".join(rest.lower().split())
        assert line_key(line) == plain, line
    assert cut


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        # copy lower-cased throughout opens its first line in lower case
        ("portville, maine ( ap ) — the jury reached a verdict.", "portville, maine", "ap"),
        ("portville, n.m. — the jury reached a verdict.", "portville, n.m.", None),
        ("east portville — the jury reached a verdict on monday.", "east portville", None),
        (
            "Portville/eastport ( reuters ) - the jury reached a verdict.",
            "Portville/eastport",
            "reuters",
        ),
        # a station's tag after a place and its region, with its dash
        ("portville, okla. ( kacm ) -- the jury reached a verdict.", "portville, okla.", "kacm"),
    ],
)
def test_lower_case_datelines_of_copy_lower_cased_throughout(
    text: str, place: str, agency: str | None
) -> None:
    cleaned = clean(make_document(text))
    assert cleaned.body_text.startswith("the jury reached a verdict")
    assert cleaned.meta.get("dateline_place") == place
    assert cleaned.meta.get("agency") == agency


@pytest.mark.parametrize(
    "text",
    [
        # an aside after the first word, a date range, a figure, an unknown tag
        "rain — and lots of it — fell on the port all monday.",
        "june 23 - july 7, 2002 was the fortnight the jury sat.",
        "route 9 — the old coast road — stays shut until friday.",
        "the jury ( acme ) reached a verdict on monday.",
        "portville, okla. ( kacm ) reported the jury reached a verdict on monday.",
    ],
)
def test_lower_case_openings_that_are_no_dateline_stay(text: str) -> None:
    assert clean(make_document(text)).body_text == text


# --- a headline run into its lead with no stop (lines.unstopped_headline) --------------

_RESTATING_LEAD = (
    "harbour workers on the island voted on monday to strike for better pay before the"
    " summer crossings begin, their union said after a long meeting in the old ferry hall."
    " The vote was close."
)


@pytest.mark.parametrize(
    ("head", "lead"),
    [
        # no stop, no dash, no label: the lead opens by restating the headline
        ("harbour workers vote to strike over island pay", _RESTATING_LEAD),
        # the lead opens with an article before the restated words
        (
            "remains of old ferry pier found near harbour wall",
            "the remains of an old ferry pier were found near the harbour wall on sunday by"
            " divers who were looking for a lost anchor in the bay, the port authority said.",
        ),
        # a headline with an article inside, before its stop (GLUED_HEADLINE refuses it)
        (
            "ten fishing boats lost in a storm off the island coast last winter.",
            "Ten fishing boats were lost in a storm off the island coast last winter, and the"
            " harbour board says it will now pay for a new sea wall to protect the rest.",
        ),
    ],
)
@pytest.mark.parametrize("cased", [False, True])
def test_a_headline_run_into_a_lead_that_restates_it_is_its_title(
    head: str, lead: str, cased: bool
) -> None:
    if cased:
        head = " ".join(w[0].upper() + w[1:] for w in head.split())
        lead = lead[0].upper() + lead[1:]
    raw = f"{head} {lead}"
    cleaned = clean(make_document(raw))
    assert cleaned.meta["title"] == head
    assert cleaned.body_text == lead
    assert raw[cleaned.body[0].start : cleaned.body[0].end].startswith(lead[:30])
    assert cleaned.removals[0].reason == "headline"
    assert raw[cleaned.removals[0].start : cleaned.removals[0].end].strip() == head


_REPEATING_LEAD = (
    "a wild night on the coast has cost the island ten boats, a ferry and a tug, the harbour"
    " master said on monday after a count of the moorings."
)


@pytest.mark.parametrize("cased", [False, True])
def test_a_headline_the_lead_restates_word_for_word_later_is_its_title(cased: bool) -> None:
    """The lead does not open with the headline's first word, but repeats a run of six of
    its words or more within its first sentence (lines.repeated_run_headline)."""
    head = "ten boats, a ferry and a tug lost in the storm over two nights"
    lead = _REPEATING_LEAD
    if cased:
        head, lead = head[0].upper() + head[1:], lead[0].upper() + lead[1:]
    cleaned = clean(make_document(f"{head} {lead} The board met again."))
    assert cleaned.meta["title"] == head
    assert cleaned.body_text.startswith(lead)


@pytest.mark.parametrize(
    "raw",
    [
        # the lead does not restate the headline's opening words
        "harbour workers vote to strike over island pay the union's members on the island"
        " agreed on monday to stop work before the summer crossings begin, officials said.",
        # a past report: a sentence, whose later words repeat its own
        "harbour workers said on monday that harbour workers on the island would strike for"
        " better pay before the summer crossings begin unless the board raises their wages.",
        # an article first: a sentence
        "the harbour workers vote to strike over island pay harbour workers on the island"
        " voted on monday to strike for better pay before the summer crossings begin.",
        # a dash before the lead: a dateline's, which the dateline rules read
        "harbour workers vote to strike portville -- harbour workers on the island voted on"
        " monday to strike for better pay before the summer crossings begin, they said.",
        # a sentence repeating its own list, with no article after a word that ends a phrase
        "ten boats, a ferry and a tug were lost in the storm, and the harbour master said ten"
        " boats, a ferry and a tug would be replaced by the spring.",
        "the harbour lost ten boats, a ferry and a tug in the storm a wild night on the coast"
        " cost the island ten boats, a ferry and a tug.",
        # a list going on after a comma; a standfirst with its stop before the lead
        "crews from the island harbour and the mainland harbour, the island harbour and the"
        " mainland harbour met on monday in the old ferry hall.",
        "ten boats, a ferry and a tug lost in a storm. The island counts ten boats, a ferry and"
        " a tug lost, the harbour master said on monday.",
    ],
)
def test_a_first_sentence_no_lead_restates_keeps_its_opening(raw: str) -> None:
    """No title is split off when the lead does not restate the headline's opening words
    or a run of six of them, or the sentence only repeats its own words."""
    cleaned = clean(make_document(raw))
    assert "title" not in cleaned.meta
    assert cleaned.body_text.startswith(raw[:40])


# --- a share bar run into the text (lines.share_bars, furniture.SHARE_BAR) -------------

_SHARE_LEAD = (
    "the harbour board will close the old ferry pier for six weeks of repairs, its chairman"
    " said on monday, after divers found cracks in two of its piles."
)


@pytest.mark.parametrize(
    "bar",
    [
        "listen to article 4: 26 share this article facebook twitter linkedin email",
        "Listen to article 2:05 Share this article Facebook Twitter LinkedIn Email",
        "share share tweet link",
        "Facebook Twitter Pinterest",
        "share this story print email",
        "Listen to article 1:47",
    ],
)
def test_a_share_bar_before_the_lead_is_cut_as_page_furniture(bar: str) -> None:
    raw = f"{bar} {_SHARE_LEAD}"
    cleaned = clean(make_document(raw))
    assert cleaned.body_text == _SHARE_LEAD
    removal = cleaned.removals[0]
    assert (removal.start, removal.end, removal.reason) == (0, len(bar), "page furniture")


def test_a_share_bar_after_a_sentence_is_cut_and_both_sentences_stay() -> None:
    first = "The pier opened in 1998 and carried 400 passengers a day."
    bar = "Share share tweet link"
    raw = f"{first} {bar} {_SHARE_LEAD}"
    cleaned = clean(make_document(raw))
    assert [raw[s.start : s.end] for s in cleaned.body] == [first, _SHARE_LEAD]
    cut = [r for r in cleaned.removals if r.reason == "page furniture"]
    assert [raw[r.start : r.end] for r in cut] == [bar]


@pytest.mark.parametrize(
    "raw",
    [
        "The board posted the notice on facebook, twitter and email before the pier closed"
        " for six weeks of repairs on monday, its chairman said.",
        "Facebook twitter deal talks ended on monday without an agreement, both companies"
        " said, after six weeks of meetings in portville.",
        "He said the notice was shared. Share prices of the ferry company fell on monday"
        " after the board closed the old pier for six weeks of repairs.",
    ],
)
def test_networks_named_in_story_text_are_no_share_bar(raw: str) -> None:
    cleaned = clean(make_document(raw))
    assert not [r for r in cleaned.removals if r.reason == "page furniture"]


@pytest.mark.parametrize(
    ("text", "date", "agency"),
    [
        # a date with no place before an agency's tag and its dash, cased and re-tokenized
        ("Dec 17 (Reuters) - The jury reached a verdict.", "Dec 17", "Reuters"),
        ("MONDAY, Jan. 25, 2016 (Acme News) -- The jury reached a verdict.", "Jan. 25, 2016", None),
        ("dec 17 ( reuters ) - The jury reached a verdict.", None, None),
    ],
)
def test_a_dateline_of_a_date_and_an_agency_is_cut(
    text: str, date: str | None, agency: str | None
) -> None:
    cleaned = clean(make_document(text))
    assert cleaned.body_text == "The jury reached a verdict."
    if date:
        assert cleaned.meta.get("dateline_date") == date
    if agency:
        assert cleaned.meta.get("agency") == agency


@pytest.mark.parametrize(
    "text",
    [
        "May 5 (the day the ferry sank) was the coldest day of the year.",
        "May 5 (Reuters) The jury reached a verdict on the ferry case.",
        "Monday, Jan. 25, 2016 was the day the jury reached a verdict.",
    ],
)
def test_a_date_without_a_tag_and_a_dash_is_no_dateline(text: str) -> None:
    assert clean(make_document(text)).body_text == text


def test_bullet_pre_check_gives_the_bullet_pattern_s_verdict() -> None:
    """``lines._has_bullet`` (a mark, "date " or a "*" first) says what
    ``_BULLET.search`` says, on 5,000 generated lines with and without bullets."""
    from synopsis.cleaning import lines

    pieces = ("*", " * ", "•", "· ", "▪ ", "► ", "date 2014-05-02", "date ", "Date 2014-05-02")
    pieces += ("the ferry sank", "at 10 a.m.", "2014-05-02", "-", " ", "\t*\t", "**", "x*y")
    rng = random.Random(15)
    found = 0
    for _ in range(5_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        matched = lines._BULLET.search(line) is not None
        found += matched
        assert lines._has_bullet(line) == matched, line
    assert 500 < found < 4_500  # both verdicts tried


@pytest.mark.parametrize("text", ["", "   ", "one", " one  two\tthree \n", "a b c d e f g h"])
def test_word_count_up_to_a_threshold_is_exact_below_it(text: str) -> None:
    """``word_count(text, most)`` is ``min(words, most + 1)``: every comparison with a
    threshold up to ``most`` gives what the full count gives."""
    from synopsis.cleaning.lines import word_count

    words = len(text.split())
    for most in range(0, 10):
        assert word_count(text, most) == min(words, most + 1)
        for threshold in range(0, most + 1):
            assert (word_count(text, most) >= threshold) == (words >= threshold)
            assert (word_count(text, most) <= threshold) == (words <= threshold)
