from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE, make_clean
from synopsis.errors import InputError
from synopsis.options import SegmentOptions
from synopsis.segment import segment
from synopsis.topic import off_topic


def texts(raw: str) -> list[str]:
    return [s.text for s in segment(make_clean(raw)).sentences]


def normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def test_offsets_round_trip_on_every_sample_file(sample_files: list[Path]) -> None:
    for path in sample_files:
        raw = path.read_text(encoding="utf-8")
        seg = segment(make_clean(raw))
        assert seg.sentences, path
        for s in seg.sentences:
            assert raw[s.start : s.end].split() == s.text.split()
            assert raw[s.start : s.end] == raw[s.start : s.end].strip()
        starts = [s.start for s in seg.sentences]
        assert starts == sorted(starts)


def test_hard_wrapped_wire_sentences_come_out_whole() -> None:
    """The clean web copy and the hard-wrapped wire copy give the same sentences."""
    web = {normal(t) for t in texts((SAMPLE / "reuters.txt").read_text())}
    wire = [normal(t) for t in texts((SAMPLE / "reuters-wire.txt").read_text())]
    web.discard(normal("Comments"))
    web.discard(normal("Comments are closed."))
    missing = [w for w in web if not any(x == w or x.endswith(w) for x in wire)]
    assert missing == []


def test_wrapped_paragraph_and_subhead() -> None:
    out = texts((FIXTURES / "wire-wrapped.txt").read_text())
    assert out[0].startswith("LONDON, March 3 Britain's central bank held")
    assert out[0].endswith("the labour market remained tight.")
    # "the U.S." at a line end does not end the sentence
    assert out[1].startswith("Governor Andrew Bailey told reporters the U.S. economy was slowing")
    assert "MARKETS CALM" in out  # a subhead is its own line, not glued to the next
    assert out[-1].startswith("Sterling was little changed")


def test_abbreviations_do_not_split() -> None:
    out = texts("Gen. Smith met Mr. Jones in Sept. 2014 with U.S. officials. It went well.")
    assert out == ["Gen. Smith met Mr. Jones in Sept. 2014 with U.S. officials.", "It went well."]


def test_glued_sentences_split() -> None:
    out = texts("Iran closed the door for now.By going public, it chose a side.")
    assert out == ["Iran closed the door for now.", "By going public, it chose a side."]


def test_glued_after_quote_split_but_domains_kept() -> None:
    out = texts('He said "no."Then he left. See washingtonpost.com for more.')
    assert out == ['He said "no."', "Then he left.", "See washingtonpost.com for more."]


def test_paragraphs_follow_blank_lines() -> None:
    seg = segment(make_clean("Title line\n\nFirst para one. First para two.\n\nSecond para."))
    assert [s.paragraph for s in seg.sentences] == [0, 1, 1, 2]


def test_a_quotation_of_several_sentences_stays_one_unit() -> None:
    out = texts('He spoke. "We lost an athlete. We lost a child," he said. Then he left.')
    assert out == ["He spoke.", '"We lost an athlete. We lost a child," he said.', "Then he left."]


def test_an_unclosed_quotation_is_not_joined_without_end() -> None:
    out = texts("“One. Two. Three. Four. Five.")
    assert out == ["“One.", "Two.", "Three.", "Four.", "Five."]


def test_syntok_splits_that_end_no_sentence_are_joined() -> None:
    # A title, a month before its day, an opening bracket and a semicolon end no sentence.
    assert texts(
        "The bridge will reopen, said Transport Sec. Ana Ruiz on Monday. "
        "Work began on Aug. 14 after the flood. "
        "The council, which meets weekly ( see dec. 3 ), approved it; two members voted no. "
        '"It is done," Wisconsin Gov. Lee Park said.'
    ) == [
        "The bridge will reopen, said Transport Sec. Ana Ruiz on Monday.",
        "Work began on Aug. 14 after the flood.",
        "The council, which meets weekly ( see dec. 3 ), approved it; two members voted no.",
        '"It is done," Wisconsin Gov. Lee Park said.',
    ]


def test_real_sentence_ends_stay_split() -> None:
    assert texts("He paid $3 at Acme Inc. The shop closed on Dec. The end came fast.") == [
        "He paid $3 at Acme Inc.",
        "The shop closed on Dec.",
        "The end came fast.",
    ]


def test_paragraphs_glued_after_a_quote_split_before_the_opening_mark() -> None:
    # The first paragraph ends at "said."; the quotation mark opens the next one.
    out = texts('"We did all we could," the captain said."He got there in time," she said.')
    assert out == ['"We did all we could," the captain said.', '"He got there in time," she said.']
    curly = texts("“We did all we could,” the captain said.“He got there in time.”Then he left.")
    assert curly == [
        "“We did all we could,” the captain said.",
        "“He got there in time.”",
        "Then he left.",
    ]


def test_a_quotation_glued_to_the_sentence_before_is_not_cut() -> None:
    # Cut after the mark, the quotation would lose its opening and the next unit its close.
    out = texts('The boy was found on Sunday."I think we did that. It was close," he said.')
    assert out == ["The boy was found on Sunday.", '"I think we did that. It was close," he said.']


def test_times_acronyms_and_initials() -> None:
    assert texts(
        "The fire began at 4 a.m. Crews came by 7 a.m. Eastern time. "
        "Doors open at 8 p.m. Friday at the U.S. Geological Survey office. "
        "It has 400 staff in the U.S. Most of them are in Ohio. "
        "J. R. Hammond and Ellen M. Foster of Acme Inc. spoke."
    ) == [
        "The fire began at 4 a.m.",
        "Crews came by 7 a.m. Eastern time.",
        "Doors open at 8 p.m. Friday at the U.S. Geological Survey office.",
        "It has 400 staff in the U.S.",
        "Most of them are in Ohio.",
        "J. R. Hammond and Ellen M. Foster of Acme Inc. spoke.",
    ]


def test_questions_exclamations_and_quotes_that_go_on() -> None:
    assert texts(
        '"Get out now!" the officer shouted. What next? In Baker v. Linn the court '
        "ruled. Sales fell 3.2 percent to $1.42 billion in Jan. The drop was small."
    ) == [
        '"Get out now!" the officer shouted.',
        "What next?",
        "In Baker v. Linn the court ruled.",
        "Sales fell 3.2 percent to $1.42 billion in Jan.",
        "The drop was small.",
    ]


@pytest.mark.parametrize("splitter", ["rules", "syntok"])
def test_every_splitter_keeps_offsets_exact(splitter: str, sample_files: list[Path]) -> None:
    options = SegmentOptions(splitter=splitter)
    for path in sample_files:
        raw = path.read_text(encoding="utf-8")
        for s in segment(make_clean(raw), options=options).sentences:
            assert raw[s.start : s.end].split() == s.text.split()


def test_unknown_splitter_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown splitter"):
        segment(make_clean("One. Two."), options=SegmentOptions(splitter="nope"))


def test_tokenized_copy_with_spaced_and_lowercase_quotes() -> None:
    # Lower-cased, re-tokenized copy (quotes spaced off their words) still splits where a
    # quotation closes at a stop or opens after one.
    assert texts(
        '" we are ready, " he said. " it is done. " the crowd cheered. '
        'the vote was close. "we won, " she said.'
    ) == [
        '" we are ready, " he said.',
        '" it is done. "',
        "the crowd cheered. the vote was close.",
        '"we won, " she said.',
    ]


def test_glued_single_letter_word_spaced_ellipsis_and_zero_width_space() -> None:
    assert texts(
        "\u200bThe lot was empty, police said.A second car came at N.Y.U. It’s gone. "
        "He was . . . not ready."
    ) == [
        "The lot was empty, police said.",
        "A second car came at N.Y.U.",
        "It’s gone.",
        "He was . . . not ready.",
    ]
    seg = segment(make_clean("Intro line here.\n\n\u200bThe next paragraph starts."))
    assert seg.sentences[1].text == "The next paragraph starts."


def test_a_speaker_tag_after_a_quotation_ending_in_a_stop_stays_with_it() -> None:
    assert texts("“We will help them as needed....” it said. Talks went on.") == [
        "“We will help them as needed....” it said.",
        "Talks went on.",
    ]


def test_glued_stops_are_found_where_the_zero_width_pattern_found_them() -> None:
    """_GLUED matches the stop (fast to scan for) where it once matched the point after
    it: the same cuts, also for a span that starts right after a stop. (No piece opens
    with a lower-case letter: glue to a lower-case word is the newer branch, tested
    below.)"""
    import itertools
    import random
    import re

    from synopsis.segment.glue import _glue_cut, _split_glued

    old = re.compile(r"""(?<=[a-z]{2}[.!?])(?=["“”’]?(?:[A-Z][a-z]|[AI]\s))""")

    def reference(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
        cuts = [_glue_cut(chunk, a, m.start()) for m in old.finditer(chunk, a, b)]
        bounds = [a, *cuts, b]
        return [(x, y) for x, y in itertools.pairwise(bounds) if y > x] if cuts else [(a, b)]

    pieces = ["Now.", "Xab!", "Ycd?", "U.S.", '"', "“", "”", "’", "He", "Ab", "A ", "I ", " ", "X"]
    rng = random.Random(2)
    cut = 0
    for _ in range(3000):
        chunk = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        a = rng.randint(0, len(chunk))
        b = rng.randint(a, len(chunk))
        got = _split_glued(chunk, a, b)
        assert got == reference(chunk, a, b), (chunk, a, b)
        cut += len(got) > 1
    assert cut > 200


def test_abbreviation_endings_are_found_in_the_last_characters_alone() -> None:
    """_missplit searches the title and day patterns only at a piece's last _WORD_END
    characters: the same answers as searching the whole piece."""
    import random

    from synopsis.segment import repairs as module

    longest = max(
        len(w)
        for p in (module._ENDS_TITLE, module._ENDS_DAY_ABBREVIATION)
        for w in re.findall(r"[a-z]+", p.pattern.split("(?:", 1)[1])
    )
    assert longest + 1 < module._WORD_END  # the word, its stop and the character before
    pieces = ["Gen", "gen", "xgen", "Lieut", "Dec", "Nos", "no", "St", ".", " ", "said", "x."]
    rng = random.Random(6)
    for _ in range(3000):
        piece = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        for pattern in (module._ENDS_TITLE, module._ENDS_DAY_ABBREVIATION):
            tail = max(0, len(piece) - module._WORD_END)
            assert bool(pattern.search(piece, tail)) == bool(pattern.search(piece)), piece


def test_lower_cased_copy_that_lost_the_space_after_a_stop_is_split() -> None:
    """A lower-cased source that lost the space after "." or "!" glues two sentences
    ("...the cell.the judge..."): they come apart, with exact offsets. (Such sources
    capitalise the word after a spaced stop, as this one does.)"""
    raw = (
        "the man was held overnight in the cell.the judge said he would rule on friday. "
        "His lawyer was not surprised!it was, she said, the third delay.a spokesman "
        "declined to comment."
    )
    seg = segment(make_clean(raw))
    assert [s.text for s in seg.sentences] == [
        "the man was held overnight in the cell.",
        "the judge said he would rule on friday.",
        "His lawyer was not surprised!",
        "it was, she said, the third delay.",
        "a spokesman declined to comment.",
    ]
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)


@pytest.mark.parametrize(
    "raw",
    [
        "the figures come from radio-info.com and were confirmed on monday.",
        "more is at news.example.org/local/story.html for readers.",
        "write to the desk at tips@example.net with any news.",
        "her ph.d. adviser at the institute backed the study.",
        "prices rose 3.5 percent in the quarter, the office said.",
        "the statement was posted on whitehouse.gov and on the blog.",
        "the pdf says the of?ce was quickly?and quietly closed.",
    ],
)
def test_domains_urls_and_abbreviations_are_not_glue(raw: str) -> None:
    """A stop inside a domain name, URL, e-mail address, dotted abbreviation, decimal or a
    "?" standing for a lost ligature or dash is not a sentence boundary."""
    assert texts(raw) == [raw]


def test_a_lost_space_cut_leaves_no_fragment() -> None:
    """A cut at lost-space glue that would leave under three words after it (a name the
    splitter ended at its abbreviation) is not made: a two-word "sentence" is worse in a
    summary than the glue."""
    raw = "the lease runs for the next nine years.acme bros. And the tenant agreed to it."
    assert texts(raw) == [
        "the lease runs for the next nine years.acme bros.",
        "And the tenant agreed to it.",
    ]


def test_a_question_or_exclamation_before_a_lower_case_word_ends_in_lower_cased_copy() -> None:
    """Lower-cased copy capitalises after ". " only: "? " or "! " before a lower-case
    word ends a teaser question or an exclamation line, with the space left out of both."""
    raw = (
        "Who will coach the club when the season starts? on friday the board said it was "
        "a former player. Sign up for the morning newsletter today! the board meets again in june."
    )
    seg = segment(make_clean(raw))
    assert [s.text for s in seg.sentences] == [
        "Who will coach the club when the season starts?",
        "on friday the board said it was a former player.",
        "Sign up for the morning newsletter today!",
        "the board meets again in june.",
    ]
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)


@pytest.mark.parametrize(
    "raw",
    [
        '"Says who?" he asked the anchor on the air.',
        "Shares of Yahoo! fell 3 percent in early trading on monday.",
        "Could the team still win the title? not likely.",
        "will the club hire a coach from abroad? or will it promote one, fans asked.",
        "the shoes went on sale across the country ( photo: acme! studios for the maker ).",
    ],
)
def test_a_question_or_exclamation_that_goes_on_is_not_cut(raw: str) -> None:
    """A closing quotation mark after the "?" (the speaker follows), a capitalised word
    before a "!" (a brand), "or" after a "?" (an alternative question), or a cut that
    would leave a fragment or cross a bracket: one sentence."""
    assert texts(raw) == [raw]


def test_a_lost_space_after_a_figure_is_glue_too() -> None:
    """ "...rose by 40.the mayor said..." is two sentences; a decimal is not."""
    assert texts("the number of buses rose by 40.the mayor said more would follow next year.") == [
        "the number of buses rose by 40.",
        "the mayor said more would follow next year.",
    ]
    assert texts("prices rose 2.5 percent in may, the office said.") == [
        "prices rose 2.5 percent in may, the office said."
    ]


@pytest.mark.parametrize(
    ("caption", "lead"),
    [
        ("Fans wave flags in the main square on Friday (AP Photo/Jane Doe)", "The festival"),
        ("fans wave flags in the main square on friday ( photo: jane doe, ap )", "the festival"),
        ("Fans wave flags in the main square. (Photo: Jane Doe)", "The festival"),
        ("Fans wave flags in the main square on Friday (Getty Images)", "The festival"),
        ("A fan waves a flag in the main square in this file photo (File photo)", "The festival"),
        ("fans wave flags in the main square on friday,... ( associated press )", "the festival"),
        ("Fans wave flags in the main square on Friday (Reuters)", "The festival"),
        ("Fans wave flags in the main square (Courtesy of the city)", '"The festival'),
        ("Fans wave flags in the main square ( photo: jane doe ) buy photo", "the festival"),
    ],
)
def test_a_caption_credit_glued_to_the_lead_ends_the_caption(caption: str, lead: str) -> None:
    """A photo caption glued to the story's lead by its bracketed credit ("... (AP
    Photo/Jane Doe) The festival ...") ends after the credit: the caption is a sentence
    of its own and the lead stands alone, with exact offsets and the space in neither."""
    rest = " opened on Friday with music in every street."
    raw = f"{caption} {lead}{rest}"
    seg = segment(make_clean(raw))
    got = [s.text for s in seg.sentences]
    assert got[-1] == lead + rest
    assert " ".join(got[:-1]) == caption
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)


def test_a_cut_caption_with_a_credit_is_page_text_and_its_lead_is_not() -> None:
    """What the cut is for: dependencies drop the caption as page text, and the lead is
    a whole sentence that can be selected."""
    from synopsis.dependencies import fragment

    raw = (
        "Fans wave flags in the main square on Friday (AP Photo/Jane Doe) The festival "
        "opened on Friday with music in every street."
    )
    caption, lead = texts(raw)
    assert fragment(caption) == "page text"
    assert fragment(lead) is None


@pytest.mark.parametrize(
    "raw",
    [
        "KIEV (Reuters) - Ukraine said on Monday it would hold talks with the rebels.",
        "WASHINGTON (AP) The Senate voted on Monday to pass the spending bill.",
        "NEW YORK CITY (Reuters) Stocks rose on Monday as oil prices fell again.",
        "The festival, which opened (as planned) on Friday, drew 20,000 people.",
        "Fans wave flags in the main square (AP Photo/Jane Doe) on Friday.",
        "Fans wave flags in the main square on Friday (AP Photo/Jane Doe) - 2014.",
        "The police said the fire was set on purpose (Reuters) and arrested a man.",
    ],
)
def test_datelines_asides_and_short_tails_are_not_cut_as_credits(raw: str) -> None:
    """A wire dateline that opens the story (a wire name after no more words than a
    place name has, or before a dash), a bracketed aside that is no credit, and a credit
    with under three words or no word after it: one sentence."""
    assert texts(raw) == [raw]


def test_and_or_after_a_dotted_abbreviation_go_on() -> None:
    """Copy that capitalises every word after ". " writes "the u.s. And canada": the
    "And" or "Or" joins the two parts of one sentence; "But" and "According" open one."""
    assert texts(
        "The talks between the u.s. And canada went on for a year. The meeting "
        "ended at 7 p.m. Or a little later, the clerk said. Sales rose in the U.S. But "
        "they fell in Canada. Taxes are higher in europe than in the u.s. According to the "
        "paper, that explains it."
    ) == [
        "The talks between the u.s. And canada went on for a year.",
        "The meeting ended at 7 p.m. Or a little later, the clerk said.",
        "Sales rose in the U.S.",
        "But they fell in Canada.",
        "Taxes are higher in europe than in the u.s.",
        "According to the paper, that explains it.",
    ]


@pytest.mark.parametrize("splitter", ["rules", "syntok"])
def test_a_quotation_ending_in_a_question_goes_on_with_its_speaker(splitter: str) -> None:
    """`"Says who?" Ann Lee asked.` is one sentence (a "." would have been a comma): the
    speaker stays with the quotation, which is no longer a speakerless line."""
    raw = (
        '"Who would pay for the new bridge?" Mayor Ann Lee asked the council. '
        '"Not us!" shouted Tom Webb. The vote was put off.'
    )
    seg = segment(make_clean(raw), options=SegmentOptions(splitter=splitter))
    assert [s.text for s in seg.sentences] == [
        '"Who would pay for the new bridge?" Mayor Ann Lee asked the council.',
        '"Not us!" shouted Tom Webb.',
        "The vote was put off.",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        # the speaker is named before the quotation: what follows is a new sentence
        'The mayor pushed back: "who would pay?" Tom Webb replied that the state would.',
        # no verb of saying after the name
        '"Who would pay for the new bridge?" The council did not answer.',
    ],
)
def test_a_question_followed_by_a_new_sentence_still_ends(raw: str) -> None:
    assert len(texts(raw)) == 2


@pytest.mark.parametrize(
    ("caption", "lead"),
    [
        ("A ski lift at the new resort. Ann Lee / Reuters", "The resort"),
        ("A ski lift at the new resort. Ann Lee / Reuters file", "The resort"),
        ("Resort opens enlarge this image toggle caption ann lee/ap ann lee/ap", "the resort"),
        ("| Reuters", "Amid concerns about snow, the resort"),
        ("Photo: getty", "on monday the resort"),
        ("Tom Webb getty images", "the resort"),
        ("A ski lift at the new resort. ( ann lee / getty images )", "the resort"),
        ("A ski lift at the new resort. ( ann lee/afp via getty images )", "The resort"),
    ],
)
def test_a_credit_out_of_brackets_glued_to_the_lead_ends_the_caption(
    caption: str, lead: str
) -> None:
    """A photographer and agency joined by a slash, a pipe and agency, "Photo: Getty" or a
    name and "Getty Images", glued to the story's lead: the sentence ends after the
    credit (also a slashed credit in brackets), with exact offsets."""
    rest = " opened on Friday with four new lifts."
    raw = f"{caption} {lead}{rest}"
    seg = segment(make_clean(raw))
    got = [s.text for s in seg.sentences]
    assert got[-1] == lead + rest
    assert " ".join(got[:-1]) == caption
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)


@pytest.mark.parametrize(
    ("raw", "count"),
    [
        ("The picture was taken by a photographer For Getty Images who was at the scene.", 1),
        ("Ann Lee/Getty Images for Acme Tours the resort opened on Friday with new lifts.", 1),
        ("The helpline is open 24/7 and/or by e-mail for anyone who needs it this winter.", 1),
        ("The resort's page at www.example.com/ap lists the lifts that are open today.", 1),
        ("Photos: ( top ) ann lee/getty images ( below ) tom webb The resort opened today.", 1),
        ("A ski lift at the new resort. Ann Lee / Reuters Friday.", 2),
    ],
)
def test_slashes_and_agency_names_inside_a_sentence_are_not_cut(raw: str, count: int) -> None:
    """An agency named inside a sentence, "Getty Images for ...", slashes that are no
    credit, a web address, "getty" before its "images" and a credit with under three
    words after it: nothing is cut after the credit."""
    assert len(texts(raw)) == count


@pytest.mark.parametrize(
    ("label", "lead"),
    [
        ("Advertisement continue reading the main story", "harbourtown — the port"),
        ("Photo advertisement continue reading the main story", "The port"),
        ("Advertisementskip", "the port"),
        ("Mar. 3, 2016, 2: 10 am gmt / updated mar. 3, 2016, 2: 25 am gmt by ann lee", "the port"),
        ("By Tom Webb, staff writer posted: mar 3, 2015 09: 15 am", "harbourtown — the port"),
        ("/ updated by ann lee and tom webb", "the port"),
        ("Update: november 8, 8: 25 am cst", "the port"),
    ],
)
def test_a_page_label_or_time_stamp_glued_to_the_lead_is_cut_from_it(label: str, lead: str) -> None:
    """ "Advertisement" (and "continue reading the main story") before the lead, and a
    page's time stamp with its byline: the sentence starts after them, offsets exact;
    what is cut off is page text."""
    from synopsis.topic import off_topic

    rest = " reopened on Friday after four days."
    raw = f"{label} {lead}{rest}"
    seg = segment(make_clean(raw))
    # (a dateline opening the lead is a piece of its own: _cut_dateline)
    place, dash, lead = lead.rpartition(" — ")
    dateline = [f"{place}{dash}".rstrip()] if dash else []
    assert [s.text for s in seg.sentences] == [label, *dateline, lead + rest]
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)
    assert off_topic(label) == "page text"
    assert off_topic(lead + rest) is None


def test_a_label_after_a_stop_is_cut_on_both_sides() -> None:
    assert texts("The port closed. Advertisement during the storm, the quays flooded twice.") == [
        "The port closed.",
        "Advertisement",
        "during the storm, the quays flooded twice.",
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "Advertisement revenue at the port rose 5 percent in the quarter, the authority said.",
        "The video, posted at 6: 20 p.m., shows the harbour master on the quay.",
        "The video was posted at 6: 20 p.m. and shows the harbour master on the quay.",
        "The ferry left at 10: 30 a.m. Friday and reached the island by noon.",
        "posted at 3: 05 pm on june 2, 2016 by ann about the ferry strike and its end.",
    ],
)
def test_story_times_and_the_noun_advertisement_are_not_cut(raw: str) -> None:
    """A story's own times (no "updated"/"posted" with a colon or a date before them, or
    the text after goes on with "on"), and "advertisement" as a noun of the story."""
    assert texts(raw) == [raw]


def test_a_headline_glued_to_a_lead_the_page_repeats_is_cut_before_it() -> None:
    # (a lower-cased page: its headline runs into a copy of the lead shown again below)
    lead = "Ann lee has been named harbour master of the old port at porthaven."
    raw = (
        "Harbour gets its first woman master after ninety years "
        + lead.lower()
        + "\n\n"
        + lead
        + " She starts work in May."
    )
    doc = segment(make_clean(raw))
    out = [s.text for s in doc.sentences]
    assert out == [
        "Harbour gets its first woman master after ninety years",
        lead.lower(),
        lead,
        "She starts work in May.",
    ]
    for s in doc.sentences:
        assert " ".join(raw[s.start : s.end].split()) == s.text


def test_a_caption_credit_glued_to_a_caption_the_page_repeats_is_cut() -> None:
    caption = "Crews clear the quay after the storm in porthaven, monday, feb. 2, 2026."
    raw = f"Storm leaves the old port shut... ( photo agency ) {caption.lower()}\n\n{caption}"
    out = texts(raw)
    assert out == ["Storm leaves the old port shut... ( photo agency )", caption.lower(), caption]


@pytest.mark.parametrize(
    "raw",
    [
        # the repeated words are too few to be a sentence of their own
        "The council met at noon and the vote was close. The vote was close.",
        # too few words before the repeat: a speaker's "He said" before a quoted line
        "He said the ferry to the island will run again on Monday.\n\n"
        "The ferry to the island will run again on Monday.",
    ],
)
def test_a_short_repeat_or_a_short_head_is_not_cut(raw: str) -> None:
    before = [s for s in raw.replace("\n\n", " ").split(". ")]
    assert len(texts(raw)) == len(before)


def test_list_bullets_run_into_one_line_start_items() -> None:
    raw = (
        "Quick facts: ● four boats sank in the harbour ● no one was hurt\n\n"
        "Related topics • The festival opened on Friday with a parade.\n\n"
        "• A leading bullet stays with its item."
    )
    doc = segment(make_clean(raw))
    assert [s.text for s in doc.sentences] == [
        "Quick facts:",
        "four boats sank in the harbour",
        "no one was hurt",
        "Related topics",
        "The festival opened on Friday with a parade.",
        "• A leading bullet stays with its item.",
    ]
    for s in doc.sentences:
        assert raw[s.start : s.end] == s.text


def test_a_middle_dot_inside_a_word_or_a_figure_is_no_bullet() -> None:
    raw = "The col·lectiu met at 3·30 and voted to reopen the old ferry pier this spring."
    assert texts(raw) == [raw]


# Lower-cased copy (every word lower case but the first of each sentence, as the copy
# capitalises after every ". "): enough of it for casing.lower_cased to call it so.
LOWER_TAIL = (
    " The new ferry across the strait will carry four hundred people and sixty cars, and"
    " the harbour board said the first crossing would be made in the spring."
)


def test_an_attribution_that_cannot_stand_alone_joins_the_sentence_before() -> None:
    raw = "The ferry sank near the cape. Officials said on Monday. Nobody was hurt in it."
    seg = segment(make_clean(raw))
    assert [s.text for s in seg.sentences] == [
        "The ferry sank near the cape. Officials said on Monday.",
        "Nobody was hurt in it.",
    ]
    first = seg.sentences[0]
    assert raw[first.start : first.end] == "The ferry sank near the cape. Officials said on Monday."
    # with no time as well; a sentence that says more than who said it stands
    assert texts("The ferry sank near the cape. Police said.")[-1].endswith("cape. Police said.")
    kept = texts("The ferry sank. Officials said on Monday that the crew was safe.")
    assert kept == ["The ferry sank.", "Officials said on Monday that the crew was safe."]


def test_in_lower_cased_copy_an_abbreviation_before_a_word_no_sentence_opens_with_goes_on() -> None:
    raw = (
        "The guards of acme inc. Of portville said the van broke down at 6 p.m. On sunday"
        " near the bridge. The car that acme inc. Has been testing crashed. He was handed"
        " to u.s. Officials and flown home. The deal with acme bros. And its partners"
        " failed." + LOWER_TAIL
    )
    seg = segment(make_clean(raw))
    out = [s.text for s in seg.sentences]
    assert out[0] == (
        "The guards of acme inc. Of portville said the van broke down at 6 p.m. On sunday"
        " near the bridge."
    )
    assert out[1] == "The car that acme inc. Has been testing crashed."
    assert out[2] == "He was handed to u.s. Officials and flown home."
    assert out[3] == "The deal with acme bros. And its partners failed."
    # a stop glued to a word before the abbreviation is cut once the pieces are joined
    glued = texts(
        "They will be paid over ten years.acme bros. And its partners agreed." + LOWER_TAIL
    )
    assert glued[:2] == ["They will be paid over ten years.", "acme bros. And its partners agreed."]
    assert all(raw[s.start : s.end].split() == s.text.split() for s in seg.sentences)
    # "Of" before an article opens a sentence; after a time, "Its" does too
    out = texts(
        "The ferries ran late in the u.s. Of the ten lines, two stopped at 9 a.m. Its crew"
        " left at 2 p.m. By 3 p.m. the quay was empty in the u.s. Officials said it was"
        " calm." + LOWER_TAIL
    )
    assert out[:5] == [
        "The ferries ran late in the u.s.",
        "Of the ten lines, two stopped at 9 a.m.",
        "Its crew left at 2 p.m.",
        "By 3 p.m. the quay was empty in the u.s.",
        "Officials said it was calm.",
    ]
    # cased copy: the capital after "Inc." is the copy's own, and a new sentence starts
    cased = texts("The car was made by Acme Inc. Has anyone seen it? The Mayor Asked Us.")
    assert cased[0] == "The car was made by Acme Inc."


def test_a_player_label_and_a_headline_before_the_dateline_are_cut_from_the_lead() -> None:
    raw = (
        "Close harbour strike enters third week as talks stall portville — the strike at"
        " the harbour entered its third week on monday as talks between the union and the"
        " owners stalled." + LOWER_TAIL
    )
    seg = segment(make_clean(raw))
    out = [s.text for s in seg.sentences]
    assert out[:3] == [
        "Close",
        "harbour strike enters third week as talks stall portville —",
        "the strike at the harbour entered its third week on monday as talks between the"
        " union and the owners stalled.",
    ]
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences[:3])
    # a wire dateline stays; a dash inside a story's first sentence opens no lead
    assert texts("PORTVILLE (AP) — The strike at the harbour entered its third week.") == [
        "PORTVILLE (AP) — The strike at the harbour entered its third week."
    ]
    aside = "The secrets of the old fort are told by odd means — forgetting to cut its grass."
    assert texts(aside) == [aside]
    assert texts("Close to 100 ferries crossed the strait on Monday.") == [
        "Close to 100 ferries crossed the strait on Monday."
    ]


def test_a_tabloid_label_and_an_abstract_label_are_cut_from_the_lead() -> None:
    raw = (
        "Singer and actor in studio fight singer and actor fight at studio exclusive after"
        " the fight, the singer wrote that he was hurt." + LOWER_TAIL
    )
    seg = segment(make_clean(raw))
    assert [s.text for s in seg.sentences[:2]] == [
        "Singer and actor in studio fight singer and actor fight at studio exclusive",
        "after the fight, the singer wrote that he was hurt.",
    ]
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)
    assert texts("Abstract we examined how often ferries sank in the strait.") == [
        "Abstract",
        "we examined how often ferries sank in the strait.",
    ]
    # "exclusive" before a noun, and an abstract that is a word of the sentence, stay
    for kept in (
        "The two signed an exclusive deal with the studio on monday for three films.",
        "Abstract art fills the new gallery on the quay.",
    ):
        assert texts(kept) == [kept]


def _cut_off(raw: str) -> list[str]:
    seg = segment(make_clean(raw))
    assert all(raw[s.start : s.end] == s.text for s in seg.sentences)
    return [s.text for s in seg.sentences]


@pytest.mark.parametrize(
    ("head", "lead"),
    [
        # a state in the dateline, a dash in the lead's first sentence as well
        (
            "Ferry fares largely steady after the strike portville, nj --",
            "after six weeks -- marked by the strike -- the ferry's fares have held.",
        ),
        (
            "Harbour board approval at 9 %; ferry fares now 14 % portville, n.j. (ap) --",
            "the harbour board's approval has fallen to 9 % in the latest poll.",
        ),
        (
            "Harbour Strike Enters Third Week Portville, Calif. —",
            "The strike at the harbour entered its third week on Monday.",
        ),
        # a spaced hyphen for the dash
        (
            "Three crews walk out after harbour vote portville, okla. -",
            "the strike at the harbour entered its third week on monday.",
        ),
    ],
)
def test_a_headline_before_a_dateline_with_a_state_is_cut_from_the_lead(
    head: str, lead: str
) -> None:
    assert _cut_off(f"{head} {lead}{LOWER_TAIL}")[:2] == [head, lead]


def test_a_headline_before_a_bracketed_outlet_is_cut_and_the_tag_stands_apart() -> None:
    raw = (
        "Mayor says ferry joke was no swipe at the board ( acme news ) in an interview on"
        " friday, the mayor played down the remarks he made about the board." + LOWER_TAIL
    )
    assert _cut_off(raw)[:3] == [
        "Mayor says ferry joke was no swipe at the board",
        "( acme news )",
        "in an interview on friday, the mayor played down the remarks he made about the board.",
    ]
    wire = "Harbour strike enters third week portville (ap) the strike entered its third week."
    assert _cut_off(wire) == [
        "Harbour strike enters third week portville",
        "(ap)",
        "the strike entered its third week.",
    ]


@pytest.mark.parametrize(
    "kept",
    [
        # a wire dateline opening the lead, a place and state inside a sentence, a network
        # cited inside a sentence
        "PORTVILLE, N.J. -- The strike at the harbour entered its third week on Monday.",
        "portville, nj (ap) -- the strike at the harbour entered its third week on monday.",
        "salt lake city (ap) the strike at the harbour entered its third week on monday.",
        "The strike began in portville, n.j., and spread to four more ports by monday.",
        "The mayor told the reporter ( acme news ) that the ferries would run again soon.",
    ],
)
def test_datelines_that_open_the_lead_or_sit_inside_a_sentence_are_not_cut(kept: str) -> None:
    assert texts(kept) == [kept]


@pytest.mark.parametrize(
    ("credit", "lead"),
    [
        ("Ann lee/cbs", "cbs news officials are in talks to have the ferry run again."),
        ("ANN LEE/NBC", "The ferry's owners are in talks to have it run again on Monday."),
        ("Associated press", "helmets and flowers sit at the entrance to the harbour gate."),
        ("Ap photo", "exclusive: port unions plot strike"),
        (
            "Harbour board chair ann lee getty",
            "a newly filed lawsuit by a former clerk says the board hid its costs.",
        ),
    ],
)
def test_a_photo_credit_opening_the_document_is_cut_from_the_lead(credit: str, lead: str) -> None:
    out = _cut_off(f"{credit} {lead} the sunday meeting comes after a week of complaints.")
    assert out[0] == credit


def test_a_labelled_headline_ends_at_the_first_article() -> None:
    raw = (
        "Exclusive: port unions plot strike against owners the sunday evening meeting comes"
        " after a week of complaints by the crews." + LOWER_TAIL
    )
    assert _cut_off(raw)[:2] == [
        "Exclusive: port unions plot strike against owners",
        "the sunday evening meeting comes after a week of complaints by the crews.",
    ]


@pytest.mark.parametrize(
    "kept",
    [
        "Associated press reported on monday that the ferry will run again by the spring.",
        "The j. paul getty museum will reopen its doors on monday after a long closure.",
        "A new acme/nbc poll shows the mayor ahead by nine points in the port's wards.",
        "A photographer for getty a decade ago, she now runs the ferry's small gallery.",
        "Exclusive: The mayor told us on monday that the ferry will run again soon.",
    ],
)
def test_agency_names_and_labels_that_are_story_text_are_not_cut(kept: str) -> None:
    assert texts(kept) == [kept]


def test_a_wire_dateline_after_a_gallery_credit_is_cut_from_its_lead() -> None:
    raw = (
        "Crowds laid flowers in the square on thursday. Officials named the man,... ("
        " associated press ) portville, france ( ap ) — the man the police sought died in a"
        " shootout on tuesday. He had been on the run for two days."
    )
    out = _cut_off(raw)
    assert "portville, france ( ap ) —" in out
    assert "the man the police sought died in a shootout on tuesday." in out
    # in cased copy only with an agency's tag; an aside after a subject stays
    cased = "The square reopened. Portville, France (AP) — The man died in a shootout."
    assert _cut_off(cased)[1:] == ["Portville, France (AP) —", "The man died in a shootout."]
    for kept in (
        "The square reopened. Officials — and the police — said it would stay open.",
        "The square reopened. Hours later, police — who had sealed it — left.",
    ):
        assert texts(kept) == [
            "The square reopened.",
            kept.removeprefix("The square reopened. "),
        ]


def test_in_lower_cased_copy_a_piece_with_no_verb_after_a_state_goes_on() -> None:
    raw = (
        "investigators obtained images from a store in portville, okla. On the afternoon of"
        " march 15th. The crews rallied in front of the harbour office in eastport, n.y. To"
        " save the old quay. The ferry docked in portville, okla. On monday police arrested"
        " two men at the quay." + LOWER_TAIL
    )
    assert _cut_off(raw)[:4] == [
        "investigators obtained images from a store in portville, okla. On the afternoon of"
        " march 15th.",
        "The crews rallied in front of the harbour office in eastport, n.y. To save the old quay.",
        "The ferry docked in portville, okla.",
        "On monday police arrested two men at the quay.",
    ]
    # cased copy's capital after a state does open a sentence
    cased = "The Ferry Docked in Portville, Okla. On the afternoon of March 15th."
    assert len(texts(cased)) == 2


@pytest.mark.parametrize(
    ("credit", "lead"),
    [
        # a picture's credit run into the lead, lower-cased and cased, with an outlet or not
        (
            "Photograph by ann lee, acme geographic",
            "in the spring of 2013, a diver found the old ferry's bell off the cape.",
        ),
        ("Screenshot by acme news", "following the ruling, the board posted its video online."),
        (
            "Photo by Ann Lee, Acme Images",
            "The ferry's owners are in talks to have it run again on Monday.",
        ),
        # a byline with its outlet opening the document
        (
            "By ann lee, harbour public affairs",
            "when you stepped onto the old quay, you were greeted by a brass band.",
        ),
    ],
)
def test_a_credit_or_byline_run_into_the_lead_is_a_piece_of_its_own(credit: str, lead: str) -> None:
    raw = f"{credit} {lead} The board met again on Monday."
    assert _cut_off(raw) == [credit, lead, "The board met again on Monday."]
    # a picture's credit after the page's caption, too; a byline only opening the page
    caption = "The old ferry at the quay in winter."
    after = _cut_off(f"{caption} {raw}")
    if credit.startswith("By"):
        assert after[:2] == [caption, f"{credit} {lead}"]
    else:
        assert after[:3] == [caption, credit, lead]


@pytest.mark.parametrize(
    "kept",
    [
        "By late monday, officials said the ferry would run again by the spring.",
        "By the next morning, the ferry was back at the quay with its crew.",
        "By allowing the meeting, the board signalled it may work with the crews.",
        "Photos by the crew show the ferry listing badly off the cape on monday.",
        "Video by local fishermen after the storm shows the quay under water.",
        "Photos by Ann lee appear in the book, which the board published in the spring.",
        "The board met on monday. By ann lee, acme news when the ferry sank the crew swam.",
    ],
)
def test_sentences_opening_with_by_or_a_photo_are_not_cut_as_credits(kept: str) -> None:
    out = _cut_off(kept)
    assert " ".join(out) == kept and len(out) == kept.count(". ") + 1


def test_a_caption_and_its_credit_before_the_leads_dateline_are_cut_from_the_lead() -> None:
    tail = " The board met again on monday."
    lead = "police in portville have closed the old quay after a ferry sank on thursday."
    raw = f"Ann lee ( portville police ) portville, nh ( kacm ) – {lead}{tail}"
    assert _cut_off(raw) == [
        "Ann lee ( portville police ) portville, nh ( kacm ) –",
        lead,
        tail.strip(),
    ]
    caption = "The ferry's captain, ann lee, spoke to the crew hours after the sinking."
    raw = f"{caption} ( acme/kacm ) portville, okla. ( kacm ) -- {lead}{tail}"
    assert _cut_off(raw)[:3] == [f"{caption} ( acme/kacm )", "portville, okla. ( kacm ) --", lead]
    assert off_topic(f"{caption} ( acme/kacm )") == "page text"  # a caption with its credit
    # after a caption of two sentences, the second glued to the credit and dateline
    two = f"The crew was found on monday. {caption} ( ann lee / kacm ) portville, wash. - {lead}"
    assert _cut_off(two)[1:] == [f"{caption} ( ann lee / kacm ) portville, wash. -", lead]
    # a wire's "file -" after a gallery's credit opens one more caption, not the lead
    gallery = (
        "the mayor opens the new pier in this may 2, 2014 file... ( associated press ) file"
        " - the mayor opens the new pier in portville in this may 2, 2014 file photo."
    )
    assert _cut_off(gallery)[1:] == [
        "file -",
        "the mayor opens the new pier in portville in this may 2, 2014 file photo.",
    ]
    # a bracket inside the lead's sentence with no dateline after it stays
    kept = "The mayor ( a former captain ) said the quay would stay closed until friday."
    assert texts(kept) == [kept]


@pytest.mark.parametrize(
    ("caption", "lead"),
    [
        # a station's or wire's one-word tag after a caption's stop, in lower-cased copy
        (
            "The captain was charged with a felony on monday. ( kacm )",
            "harbour officials issued an apology tuesday after a video of the crew was released.",
        ),
        (
            "The quay was closed again on monday. ( reuters )",
            "federal harbour officials were ready when the board froze the fares.",
        ),
        (
            "A diver checks the hull of the sunken ferry. ( acme/kacm )",
            "a super-accurate survey of the wreck was finished on friday, the board said.",
        ),
    ],
)
def test_a_one_word_tag_after_a_captions_stop_ends_the_caption(caption: str, lead: str) -> None:
    assert _cut_off(f"{caption} {lead}") == [caption, lead]


@pytest.mark.parametrize(
    "kept",
    [
        # a ticker after a company's abbreviation, a tag inside a sentence
        "Acme inc. ( acme ) designs, manufactures and markets ferries and small boats.",
        "The board led the market past acme co. ( acm ) in the june quarter, it said.",
        "The mayor ( acme ) said on monday that the ferry would run again by the spring.",
    ],
)
def test_tickers_and_tags_inside_a_sentence_are_no_caption_credit(kept: str) -> None:
    assert texts(kept) == [kept]


def test_a_dateline_in_capitals_opening_a_later_paragraph_is_cut() -> None:
    raw = (
        "A teenager survived two days in the mountains after the crash.\n\n"
        "PORTVILLE — The voice on the phone was a miracle. It was her."
    )
    assert _cut_off(raw) == [
        "A teenager survived two days in the mountains after the crash.",
        "PORTVILLE —",
        "The voice on the phone was a miracle.",
        "It was her.",
    ]
    # inside a paragraph, or before an aside, it stays
    for kept in (
        "A teenager survived the crash. PORTVILLE — The voice on the phone was a miracle.",
        "A teenager survived the crash.\n\nNATO — and the council — said the talks would go on.",
    ):
        assert not any(piece.endswith("—") for piece in _cut_off(kept))


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        # an encyclopedia's tag line and a live page's pointer glued to the text
        (
            "From wikipedia, the free encyclopedia the old harbour of portville is a port on"
            " the island coast.",
            "From wikipedia, the free encyclopedia",
        ),
        (
            "Warplanes struck the port on monday. ( scroll down for updates ) officials for"
            " both sides were expected to meet on friday.",
            "( scroll down for updates )",
        ),
        (
            "Scroll down for video the ferry sank off the cape on monday after a storm.",
            "Scroll down for video",
        ),
        (
            "Advertisement - article continues below » the ferry sank off the cape on monday.",
            "Advertisement - article continues below »",
        ),
    ],
)
def test_an_encyclopedia_tag_line_and_a_scroll_pointer_are_cut_as_labels(
    raw: str, label: str
) -> None:
    out = _cut_off(raw)
    assert label in out and len(out) == (3 if raw.startswith("Warplanes") else 2)
    kept = "Readers can scroll down for updates on the ferry that sank off the cape."
    assert texts(kept) == [kept]


def test_a_credit_naming_the_associated_press_after_a_slash_ends_the_caption() -> None:
    caption = "The crews wait at the quay for the first ferry. ( ann lee/associated press )"
    lead = "it is true that the island crews have moved home for the winter."
    assert _cut_off(f"{caption} {lead}") == [caption, lead]
    assert off_topic(caption) == "page text"


@pytest.mark.parametrize(
    "credit",
    [
        "ann lee/acme ann lee/acme",
        "harbour images/acme via getty images harbour images/acme via getty images",
    ],
)
def test_a_doubled_credit_after_a_picture_label_ends_the_page_head(credit: str) -> None:
    """A radio site's "enlarge this image toggle caption" and its credit shown twice: the
    lead starts after the second copy, also when it opens with "for"."""
    head = f"Ferry crews strike over pay enlarge this image toggle caption {credit}"
    lead = "for the first time in more than 30 years, the island's ferry crews walked out."
    assert _cut_off(f"{head} {lead}") == [head, lead]


def test_a_dateline_city_that_lost_its_tag_is_cut_before_the_leads_article() -> None:
    lead = "a court in the island state sentenced an activist to a year in prison on wednesday."
    caption = "The activist is greeted by her sister after her release, february 16, 2014."
    assert _cut_off(f"{caption} Dubai {lead}") == [caption, "Dubai", lead]
    assert _cut_off(f"Washington {lead}") == ["Washington", lead]
    for kept in (
        "Paris hilton opened a new store in the city on monday with her sister and friends.",
        "Houston police said a man was shot on the freeway on monday night after a chase.",
        "Portville a court in the island state sentenced an activist to a year in prison.",
    ):
        assert texts(kept) == [kept]
    # later in the document it is a sentence's word, not a dateline
    later = f"One. Two. Three. Washington {lead}"
    assert "Washington" not in _cut_off(later)
