"""The claim extractors behind disagreement detection: typed records, raw offsets."""

from __future__ import annotations

import pytest

from conftest import SAMPLE, make_clean
from synopsis.disagree.claims import Quantity, When, components
from synopsis.disagree.dates import date_claims
from synopsis.disagree.numbers import as_of, number_claims, numbers_compatible
from synopsis.disagree.quotes import find_quotes
from synopsis.score import score
from synopsis.segment import segment


def test_counted_nouns_are_typed_quantities_with_raw_offsets() -> None:
    raw = "Delegates of about 30\ncountries and 24 Arab nations met in 2014."
    claims = number_claims(raw, 100, 0)
    assert [(c.noun, c.value, c.modifier, c.shown) for c in claims] == [
        ("country", 30.0, "about", "about 30"),
        ("nation", 24.0, "", "24"),
    ]  # the year 2014 is not a count; nations and countries are two nouns
    assert all(isinstance(c, Quantity) for c in claims)
    assert raw[claims[0].start - 100 : claims[0].end - 100] == "about 30\ncountries"


def test_numbers_in_words_count_and_keep_their_modifier() -> None:
    [c] = number_claims("Rescuers said at least eight people were still missing.", 0, 0)
    assert (c.noun, c.value, c.modifier) == ("person", 8.0, "at least")


def test_a_quantity_knows_the_time_it_holds_for() -> None:
    [a] = number_claims("As of Monday, 12 patients were in hospital.", 0, 0)
    [b] = number_claims("By Wednesday night 19 patients had been treated.", 0, 0)
    [c] = number_claims("Doctors treated 19 patients at the clinic.", 0, 0)
    assert (a.as_of, b.as_of, c.as_of) == ("as of monday", "by wednesday night", None)
    assert as_of("The toll rose to 40 through July, officials said.") == "through july"


def test_named_parties_partial_counts_and_units_are_not_counts() -> None:
    raw = "The two nations sent another 300 soldiers 15 miles north of the border."
    assert number_claims(raw, 0, 0) == []


def test_qualified_figures_can_be_compatible() -> None:
    assert numbers_compatible(("more than", 20.0), ("", 24.0), 3.0)
    assert numbers_compatible(("about", 30.0), ("", 29.0), 3.0)
    assert numbers_compatible(("at least", 8.0), ("", 8.0), 3.0)
    assert not numbers_compatible(("about", 30.0), ("", 24.0), 3.0)
    assert numbers_compatible(("", 17.0), ("more than", 2600.0), 3.0)  # different things


def test_dates_weekdays_and_times() -> None:
    raw = "The car fled on Tuesday at 4:20 a.m. and was found Sept. 15 near the coast."
    claims = date_claims(raw, 0, 0)
    assert [(c.unit, c.shown) for c in claims] == [
        ("weekday", "Tuesday"),
        ("time", "4:20 a.m"),
        ("day", "Sept. 15"),
    ]
    assert all(isinstance(c, When) for c in claims)
    assert [c.value for c in claims] == ["tuesday", (4, 20), (9, 15)]
    # the lowercased, re-tokenized copies spell weekdays in lowercase
    assert [c.value for c in date_claims("the filing came on thursday.", 0, 0)] == ["thursday"]


def test_one_union_find_groups_linked_items() -> None:
    groups = components("abcde", [("a", "b"), ("c", "d"), ("b", "d")])
    assert sorted(map(sorted, groups)) == [["a", "b", "c", "d"], ["e"]]


def test_quotes_get_named_and_resolved_speakers() -> None:
    text = (
        "Mayor Anna Kowalski said the bridge would reopen soon.\n\n"
        '"We will not let the city be cut in two for another winter," the mayor said. '
        '"Repairs start on Monday morning at the east end," Kowalski told reporters.'
    )
    doc = segment(make_clean(text, "a"), 0)
    quotes = find_quotes(score([doc]))
    assert [q.speaker for q in quotes] == ["Kowalski", "Kowalski"]
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_ranges_and_spans_of_time_are_not_counts() -> None:
    assert (
        number_claims("Gusts of 70-100 miles-per-hour winds and 6 to 10 inches of rain.", 0, 0)
        == []
    )
    assert number_claims("He led the force for nearly three decades.", 0, 0) == []


def test_compounds_count_and_adjectives_are_not_the_noun() -> None:
    [c] = number_claims("He served a 211-game suspension.", 0, 0)
    assert (c.noun, c.value) == ("game", 211.0)
    [d] = number_claims("She had four previous complaints.", 0, 0)
    assert d.noun == "complaint"
    assert number_claims("The tablet holds a half-dozen riddles.", 0, 0) == []


def test_the_tail_of_a_longer_number_in_words_is_not_its_value() -> None:
    assert number_claims("Seventy-three million trees will be planted.", 0, 0) == []
    assert number_claims("One hundred and three patients joined the study.", 0, 0) == []


def test_model_names_retokenized_thousands_and_spaced_times() -> None:
    assert number_claims("Police seized 3 M-16 rifles and a record of 4, 051 yards.", 0, 0) == []
    [t] = date_claims("He gave himself up just after 6 : 00 p.m. on the day.", 0, 0)
    assert (t.unit, t.value) == ("time", (18, 0))


def test_a_quotation_closed_by_two_apostrophes_ends_there() -> None:
    text = (
        "Constable Lee Moss spoke to the press on Friday.\n\n"
        "``Police locked down the street and waited for the suspect to come out, '' Moss said. "
        "What followed was a tense hour in the cold. "
        "\"We were lucky nobody else was hurt tonight, '' Moss said."
    )
    doc = segment(make_clean(text, "a"), 0)
    quotes = find_quotes(score([doc]))
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert [q.text for q in quotes] == [
        "Police locked down the street and waited for the suspect to come out,",
        "We were lucky nobody else was hurt tonight,",
    ]


def test_a_claim_knows_its_subject() -> None:
    from synopsis.disagree.subjects import claim_subject

    def subject_of(sentence: str, figure: str) -> str | None:
        start = sentence.index(figure)
        return claim_subject(sentence, start, start + len(figure))

    # the nearest name before the figure in its clause, by its last word
    assert subject_of("LeBron James had 12 rebounds and 8 assists.", "12 rebounds") == "james"
    # a possessor right before the figure wins
    claim = "Iraq won a vote by the conference’s 24 nations."
    assert subject_of(claim, "24 nations") == "conference"
    # a name just after the counted noun
    assert subject_of("Delegates of 26 nations met at Lake Ohrid.", "26 nations") == "ohrid"
    # a one-word capital opening the sentence is no name; a name in another clause is not
    assert subject_of("Diplomats from 26 nations met, Kerry said.", "26 nations") is None
    # the kind of the noun is kept apart from the noun
    [c] = number_claims("He ran for 120 rushing yards.", 0, 0)
    assert (c.noun, c.kind_of) == ("yard", "rushing")


def test_clock_times_with_a_dot_and_bounds() -> None:
    [t] = date_claims("The plane took off at 11.32am for the capital.", 0, 0)
    assert (t.unit, t.compare, t.bound) == ("time", (11, 32), "")
    [u] = date_claims("The boy fell just before 5 p.m. on the second floor.", 0, 0)
    assert (u.compare, u.bound) == ((17, 0), "before")


def test_figure_precheck_agrees_with_the_pattern() -> None:
    """The literal test that skips sentences without figures skips exactly the sentences
    the pattern finds no digit or number word in, in ASCII and in other text."""
    from synopsis.disagree.numbers import _ANY_FIGURE, _may_have_figure

    cases = [
        "No figures here at all.",
        "Forty delegates came.",
        "They waited TWELVE hours.",
        "It cost 3 dollars.",
        "Seventeen ſeven ways",  # a long s: Unicode folding
        "ſix of them",
        "Café owners met on Tuesday.",
        "Twenty-one cafés, ٣ stalls",  # an Arabic-Indic digit is a \\d
        "The ſtory ends.",
        "fİve ways",  # "İ" lowercases to two characters and folds to "i"
        "nıne lives",  # a dotless i folds to "i"
        "",
    ]
    for raw in cases:
        assert _may_have_figure(raw) == (_ANY_FIGURE.search(raw) is not None), raw
    assert not _may_have_figure("No figures here at all.")
    assert _may_have_figure("ſix of them")


def test_number_word_needles_find_every_text_the_number_word_pattern_finds() -> None:
    """_may_have_figure tests the number words that hold no other ("seventeen" holds
    "seven") with ``in``: on generated text (whole words, their pieces, words inside
    others) the same answer as the alternation of every number word it replaced."""
    import random

    from synopsis.disagree import numbers

    pieces = [*numbers._WORD_NUMBERS, *(w[:-1] for w in numbers._WORD_NUMBERS)]
    pieces += ["often", "tent", "sixt", "nin", "ninet", "dozens", "eleve", "fif", "thir", " "]
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(20000)]
    texts += [
        line.lower() for p in SAMPLE.glob("*.txt") for line in p.read_text("utf-8").splitlines()
    ]
    hits = 0
    for text in texts:
        want = numbers._LOWER_NUMBER_WORD.search(text) is not None
        assert numbers._may_have_figure(text) == (
            want or numbers._DIGIT.search(text) is not None
        ), text
        hits += want
    assert 1000 < hits < len(texts) - 1000
    assert len(numbers.NUMBER_WORD_NEEDLES) < len(numbers._WORD_NUMBERS)


def test_only_two_characters_fold_to_another_ascii_letter() -> None:
    """The figure pre-check's premise: a character matches an ASCII letter under
    ``re.IGNORECASE`` exactly when its one-character lowercase is that letter, except
    "ı" and "ſ" (and "İ", whose lowercase is two characters)."""
    import re
    import string
    import sys

    from synopsis.disagree.numbers import FOLDS_TO_OTHER_LETTER

    letters = set(string.ascii_lowercase)
    folding = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if bool(folding.fullmatch(c)) != (c.lower() in letters)
    }
    assert {c for c in odd if len(c.lower()) == 1} == set(FOLDS_TO_OTHER_LETTER)
    # ... and lowercasing keeps every character's class for the patterns' other tests
    for c in map(chr, range(sys.maxunicode + 1)):
        lower = c.lower()
        if len(lower) == 1 and lower != c:
            for cls in (r"\w", r"\d", r"\s", r"[$.,-]"):
                assert bool(re.match(cls, c)) == bool(re.match(cls, lower)), (hex(ord(c)), cls)
    assert re.fullmatch("k", "\u212a", re.IGNORECASE)  # the Kelvin sign lowercases to "k"
    assert re.fullmatch("i", "ı", re.IGNORECASE) and re.fullmatch("s", "ſ", re.IGNORECASE)


def test_date_precheck_keeps_weekdays_in_any_case_and_skips_sentences_without_dates() -> None:
    assert [c.value for c in date_claims("THE VOTE IS ON FRIDAY.", 0, 0)] == ["friday"]
    assert date_claims("Nothing happened then.", 0, 0) == []


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    """The longest run of words two texts share, by the n x m table the quote test used."""
    best, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for y, w in enumerate(b, start=1):
            if x == w:
                current[y] = previous[y - 1] + 1
                best = max(best, current[y])
        previous = current
    return best


def test_shared_runs_of_five_words_meet_exactly_when_the_longest_run_is_five() -> None:
    import random

    from synopsis.disagree.quotes import _runs

    rng = random.Random(7)
    vocabulary = [
        "the",
        "a",
        "of",
        "vote",
        "was",
        "held",
        "on",
        "friday",
        "by",
        "council",
        "members",
    ]
    checked = {True: 0, False: 0}
    for _ in range(2000):
        a = [rng.choice(vocabulary) for _ in range(rng.randint(0, 14))]
        b = a[rng.randint(0, 3) :]  # a shortened copy with a few words changed or added
        for _ in range(rng.randint(0, 4)):
            at = rng.randint(0, len(b))
            b[at : at + rng.randint(0, 1)] = [rng.choice(vocabulary)]
        meets = not _runs(a, 5).isdisjoint(_runs(b, 5))
        assert meets == (_longest_shared_run(a, b) >= 5), (a, b)
        checked[meets] += 1
    assert min(checked.values()) > 300, checked  # both answers were exercised


def test_start_lookaheads_change_no_match_of_the_claim_patterns() -> None:
    """Each claim pattern tests an alternative's first character before the alternatives
    (for speed); the bare pattern must find exactly the same matches and groups."""
    import random
    import re

    from synopsis.disagree import dates, numbers

    pairs = [
        (dates._DATE, re.compile(dates.DATE_BODY)),
        (numbers._NUMBER, re.compile(numbers.NUMBER_BODY, re.IGNORECASE)),
        (numbers._COMPOUND, re.compile(numbers.COMPOUND_BODY, re.IGNORECASE)),
        (numbers._AS_OF, re.compile(numbers.AS_OF_BODY, re.IGNORECASE)),
    ]
    tokens = [
        "As of MONDAY",
        "through July",
        "thru 2014",
        "by Tuesday night",
        "until Dec. 5",
        "since June",
        "on Friday",
        "in 2013",
        "at Sept 9",
        "over two days",
        "in the past 24 hours",
        "during the last 3 weeks",
        "since the strikes began",
        "last week",
        "this year",
        "so far",
        "to date",
        "yesterday",
        "today",
        "Tonight",
        "ſunday",
        "ſo far",
        "SUNDAY",
        "sunday",
        "May 5",
        "may",
        "Jan 12",
        "4:20 a.m.",
        "11.32am",
        "6 : 00 p.m.",
        "32am",
        "at least 24 nations",
        "more than 20 countries",
        "about 1,500 people",
        "Twenty-one people",
        "over a dozen",
        "dozens of",
        "a 211-game suspension",
        "AK-47 rifles",
        "٣ people",
        "٣٠-day",
        "3.5 million barrels",
        "NEARLY Eight Thousand",
        "Kelvin",
        "İstanbul",
        "ıt",
        "the two nations",
        "another 300 soldiers",
        "15 miles",
        "said",
        ",",
        ".",
        '"',
        "(",
        ")",
        "-",
        "$5",
        "and",
        "the",
    ]
    rng = random.Random(3)
    texts = [" ".join(rng.choice(tokens) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts += [p.read_text(encoding="utf-8") for p in SAMPLE.glob("*.txt")]
    found = 0
    for fast, bare in pairs:
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in bare.finditer(text)], text[:80]
            found += len(got)
    assert found > 3000


def test_lowercased_search_finds_what_case_folding_finds() -> None:
    """number_claims and as_of search the lowercased text without folding when that is
    exact: the same spans and group texts as the folding pattern on the raw text."""
    import random

    from synopsis.disagree import numbers

    words = [
        "About",
        "ABOUT",
        "about",
        "More Than",
        "more than",
        "AT LEAST",
        "Twenty",
        "TWENTY",
        "twenty",
        "Dozen",
        "dozen",
        "a",
        "A",
        "Three Hundred",
        "3,000",
        "4.5",
        "Million",
        "people",
        "PEOPLE",
        "Nations",
        "nations",
        "As Of",
        "Monday",
        "MONDAY",
        "Over Two Days",
        "So Far",
        "Σ",
        "ΟΔΟΣ",
        "Kelvin",
        "Kelvin",
        "the",
        "-",
        ",",
        ".",
        "$",
    ]
    rng = random.Random(5)
    compared = 0
    for _ in range(3000):
        raw = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        matches, lower = numbers.number_matches(raw)
        assert lower is not None  # none of these words keeps the fast path from applying
        folded = list(numbers._NUMBER.finditer(raw))
        assert [m.span() for m in matches] == [m.span() for m in folded], raw
        for m, f in zip(matches, folded, strict=True):
            for g in ("num", "mult", "rest", "qual"):
                assert raw[m.start(g) : m.end(g)] == (f.group(g) or ""), raw
        assert numbers.as_of(raw, lower) == numbers.as_of(raw), raw
        compared += len(matches)
    assert compared > 1000
    assert numbers.number_matches("ſix nations")[1] is None  # folding needed: searched as is


def test_part_counts_find_what_the_pattern_per_noun_finds() -> None:
    """PartCounts compares nouns where a word of parts reaches them instead of compiling
    a pattern per noun: the same groups as the pattern on generated sentences."""
    import random

    import numpy as np

    from synopsis.disagree.facts import _PARTS_WORD, PartCounts, _parts_pattern

    words = [
        "another",
        "Another",
        "OTHER",
        "other",
        "more",
        "More",
        "additional",
        "further",
        "furthers",
        "smother",
        "aid",
        "Aid",
        "shipment",
        "shipments",
        "SHIPMENTS",
        "nation",
        "nations",
        "ſhipment",
        "troop-ship",
        "addıtional",  # a dotless i: the folding pattern matches it, lower() keeps it
        "FURTHER",
        "mOrE",
        "\t",
        "  ",
        ",",
        ".",
        "-",
    ]
    nouns = ["shipment", "nation", "aid", "troop-ship", "ſhipment", "ship"]
    rng = random.Random(11)
    raws = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    groups = np.arange(len(raws)) % 37
    counts = PartCounts(raws, groups)
    found = [i for i, *_ in counts.raws]  # the pre-checked search: where the pattern matches
    assert found == [i for i, raw in enumerate(raws) if _PARTS_WORD.search(raw)]
    assert any("addıtional" in raws[i] and "other" not in raws[i].lower() for i in found)
    for noun in nouns:
        pattern = _parts_pattern(noun)
        # (as before: the pattern only where the lowercased sentence holds the noun)
        expected = {
            int(groups[i])
            for i, raw in enumerate(raws)
            if noun in raw.lower() and pattern.search(raw)
        }
        assert counts(noun) == expected, noun
        assert expected or noun == "ship"


def test_the_possessor_is_searched_in_the_heads_last_word_alone() -> None:
    """claim_subject looks for "the conference's" only in the head's last word: the same
    match as the pattern tried over the whole head."""
    import random

    from synopsis.disagree import subjects

    pieces = ["the", "conference's", "Obama’s", "players'", "(Lakers'", "s'", "'s", " ", "\t"]
    rng = random.Random(9)
    found = 0
    for _ in range(3000):
        head = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        whole = subjects._POSSESSOR.search(head)
        got = subjects._possessor(head)
        assert (got and (got.span(), got.group(1))) == (whole and (whole.span(), whole.group(1)))
        found += whole is not None
    assert found > 200


def test_patterns_ending_at_a_claim_are_found_in_its_last_two_words() -> None:
    """number_claims and date_claims search the patterns that end before a figure or a
    date from words_back: the same match as searching the whole text before it."""
    import random

    from synopsis.disagree import dates, numbers
    from synopsis.disagree.claims import words_back

    pieces = ["the", "two", "another", "half", "a", "-", "a-", "AK-", "4,", "5", "to", "and"]
    pieces += ["between", "hundred", "one", "X", " ", "  ", "\t", "\n", "(", "seventy-"]
    pieces += ["as", "of", "by", "since", "before", "After"]
    rng = random.Random(10)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        end = len(text)
        back = words_back(text, end)
        for pattern in (*numbers.ENDING_BEFORE, *dates.ENDING_BEFORE):
            whole = pattern.search(text, 0, end)
            got = pattern.search(text, back, end)
            assert (got and got.span()) == (whole and whole.span()), (pattern.pattern, text)
            found += whole is not None
    assert found > 1000


def test_content_words_are_the_letter_runs_longer_than_two() -> None:
    """content_words finds runs of three letters or more at once: the same words, in
    order, as every [a-z]+ run with the short ones left out."""
    import random
    import re

    from synopsis.disagree.claims import STEM_STOP, content_words

    pieces = ["a", "ab", "abc", "said", "Nations", "’s", "'s", "-", " ", "2", "é", "the"]
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        runs = re.findall(r"[a-z]+", text.lower().replace("’s", "").replace("'s", ""))
        assert content_words(text) == [w for w in runs if len(w) > 2 and w not in STEM_STOP]


def test_claim_hash_is_the_hash_of_every_field_in_order() -> None:
    """A claim's cached hash reads its fields by one attrgetter: the hash of the tuple of
    every field value in ``fields()`` order (what the generator it replaced hashed, and
    what the dataclass itself would hash), so sets of claims iterate as before."""
    import dataclasses

    from synopsis.disagree.claims import Quantity, When

    claims = [
        Quantity("nation", 24.0, "at least", None, "at least 24", 3, 10, 21, "member"),
        Quantity("person", 1500.0, "", "on monday", "1,500", 0, 0, 5),
        When("time", (16, 20), "4:20 p.m.", 2, 40, 49, "before"),
        When("weekday", "monday", "Monday", 1, 7, 13),
    ]
    for c in claims:
        want = hash(tuple(getattr(c, f.name) for f in dataclasses.fields(c)))
        assert hash(c) == want == hash(c)  # cached on the instance after the first call
    assert len({hash(c) for c in claims}) == len(claims)


def test_once_per_text_reads_each_distinct_text_once_and_answers_as_reading_each() -> None:
    from synopsis.disagree.claims import content_words, once_per_text

    texts = ["Nine boats sank.", "Two ships docked at dawn.", "Nine boats sank.", "", ""]
    calls: list[str] = []

    def read(text: str) -> list[str]:
        calls.append(text)
        return content_words(text)

    assert once_per_text(texts, read) == [content_words(t) for t in texts]
    assert calls == ["Nine boats sank.", "Two ships docked at dawn.", ""]
    assert once_per_text([], read) == []
    distinct = ["Nine boats sank.", "Two ships docked at dawn.", ""]  # nothing repeats
    assert once_per_text(distinct, read) == [content_words(t) for t in distinct]


def test_sentence_claims_of_repeated_sentences_are_the_claims_found_afresh() -> None:
    """A repeated sentence text gets its first occurrence's figures and dates moved to its
    own index and offsets: the same records, fields and order as reading it again."""
    from synopsis.disagree.facts import sentence_claims

    texts = [
        "About 40 fishing boats sank off the cape on Tuesday, at 4:20 p.m., rescuers said.",
        "No figure here at all.",
        "By Monday at least eight people and 300 sheep had been moved; a 12-day search began.",
        "About 40 fishing boats sank off the cape on Tuesday, at 4:20 p.m., rescuers said.",
        "No figure here at all.",
        "By Monday at least eight people and 300 sheep had been moved; a 12-day search began.",
        "Sept. 15 was the day the seven ferries stopped.",
        "About 40 fishing boats sank off the cape on Tuesday, at 4:20 p.m., rescuers said.",
    ]
    starts = [0, 95, 130, 7, 0, 2000, 40, 311]
    want = [
        [*number_claims(raw, start, i), *date_claims(raw, start, i)]
        for i, (start, raw) in enumerate(zip(starts, texts, strict=True))
    ]
    got = sentence_claims(starts, texts)
    assert got == want
    dated = {0, 5, 6}  # dates only where asked (aligned sentences): figures everywhere
    some = sentence_claims(starts, texts, dated)
    assert some == [
        [c for c in cs if i in dated or isinstance(c, Quantity)] for i, cs in enumerate(want)
    ]
    dates_some = sum(isinstance(c, When) for cs in some for c in cs)
    assert 0 < dates_some < sum(isinstance(c, When) for cs in want for c in cs)
    assert [[hash(c) for c in cs] for cs in got] == [[hash(c) for c in cs] for cs in want]
    assert sum(map(len, want)) >= 12 and all(want[i] for i in (0, 2, 3, 5, 6, 7))
    assert {type(c) for cs in want for c in cs} == {Quantity, When}


def test_lowercase_words_by_distinct_line_are_those_of_the_joined_texts() -> None:
    """The names' never-lowercase test reads each distinct line once: the same words as
    reading the texts joined by line breaks (as the group texts were), with words that
    touch line breaks, punctuation, digits, capitals and non-ASCII letters."""
    import random

    from synopsis.disagree.names import _LOWER_WORD, lowercase_words

    rng = random.Random(3)
    pieces = ["river", "Rivers", "ab", "a", "x1", "é", "naïve", "don't", "it’s", "\n", "\n\n",
              " ", "  ", ", ", ".", "-", "_", "\t", "\r\n", "Ohrid", "lake", "42"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(60)]
    texts += texts[:20]  # copies: repeated lines
    want = set(_LOWER_WORD.findall("".join("\n" + t for t in texts)))
    assert lowercase_words(texts) == want
    assert {"river", "lake", "ab"} <= want and not want & {"a", "x1", "é"}
    assert lowercase_words([]) == set()


def test_quotes_read_once_per_paragraph_and_speaker_are_those_read_afresh(monkeypatch) -> None:
    """find_quotes reads a paragraph once per text and last speaker before it: copies
    repeating paragraphs (after a different speaker too, so "she said" falls back to
    another name) give the quotes of reading every paragraph afresh, offsets included."""
    from synopsis.disagree import quotes as q

    said = '"The east bridge will stay shut until the inspectors finish," Kowalski said.'
    fallback = '"We expect the lanes to reopen before the winter storms," she said.'
    other = "Mayor Anna Brandt said the city would pay for the repairs."
    texts = [
        "\n\n".join([said, fallback, other]),
        "\n\n".join([other, fallback, said, fallback]),
        "\n\n".join([said, other, fallback, said]),
    ]
    scored = score([segment(make_clean(t, f"d{i}"), i) for i, t in enumerate(texts)])
    fast = find_quotes(scored)
    monkeypatch.setattr(q, "_paragraph_key", lambda text: object())
    assert fast == find_quotes(scored)
    assert {x.speaker for x in fast} == {"Kowalski", "Brandt"}
    assert all(texts[x.document][x.start : x.end] == x.text for x in fast) and len(fast) == 8


def _find_quotes_plain(scored):  # type: ignore[no-untyped-def]
    """find_quotes as it was: every paragraph read afresh, the fallback speaker updated
    as the paragraph is read (the reference for the reading kept per paragraph text)."""
    from synopsis.disagree.quotes import _AFTER, _BEFORE, _QUOTE, _QUOTE_SENTENCE, _SAID, Quote

    out = []
    for d, seg in enumerate(scored.documents):
        raw = seg.document.text
        last = None
        for para in seg.paragraphs:
            text = raw[para.start : para.end]
            for m in _QUOTE.finditer(text):
                speaker = None
                after = _AFTER.match(text[m.end() : m.end() + 80])
                before = _BEFORE.search(text[max(0, m.start() - 80) : m.start()])
                for found in (after, before):
                    name = found and (found.group("name") or found.groupdict().get("name2"))
                    if name and name.split()[-1] not in ("He", "She", "They"):
                        speaker = name.split()[-1]
                        break
                if speaker is None:
                    for said in _SAID.finditer(text[: m.start()]):
                        last = said.group("name").split()[-1]
                    speaker = last
                if speaker and speaker not in ("He", "She", "They", "It", "I", "We"):
                    last = speaker
                    body = m.group(1) or m.group(2)
                    base = para.start + (m.start(1) if m.group(1) else m.start(2))
                    for piece in _QUOTE_SENTENCE.finditer(body):
                        if len(piece.group(0).split()) >= 5:
                            out.append(
                                Quote(
                                    speaker,
                                    piece.group(0),
                                    d,
                                    base + piece.start(),
                                    base + piece.end(),
                                )
                            )
            for said in _SAID.finditer(text):
                if said.group("name").split()[-1] not in ("He", "She", "They", "It"):
                    last = said.group("name").split()[-1]
    return out


def test_quotes_from_readings_kept_per_paragraph_are_those_of_reading_afresh() -> None:
    """find_quotes keeps what each paragraph text holds and decides only the fallback
    speaker per paragraph: the quotes of the code it replaced on generated documents of
    named, pronoun and missing speakers, "said" before quotes, short quotes and repeats."""
    import random

    rng = random.Random(21)
    paragraphs = [
        '"The east bridge will stay shut until the inspectors finish," Kowalski said.',
        '"We expect the lanes to reopen before the winter storms," she said.',
        "Mayor Anna Brandt said the city would pay for the repairs.",
        'He said: "Nobody will cross that bridge before the spring thaw comes."',
        '"Too short," he said.',
        '"It will cost more than the council thought at first. Much more," Brandt added.',
        'Engineer Tomas Novak told reporters, "The cables are older than anyone believed."',
        "They said the work would go on through the night.",
        '"Traffic will move to the west crossing for the next six weeks," it said.',
        "The council meets on Monday.",
    ]
    texts = ["\n\n".join(rng.choices(paragraphs, k=rng.randint(1, 8))) for _ in range(40)]
    scored = score([segment(make_clean(t, f"d{i}"), i) for i, t in enumerate(texts)])
    want = _find_quotes_plain(scored)
    assert find_quotes(scored) == want
    assert {q.speaker for q in want} >= {"Kowalski", "Brandt", "Novak"} and len(want) > 40


def test_quote_and_speech_pre_checks_skip_only_paragraphs_the_patterns_cannot_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """_reading runs ``_QUOTE`` only where a quotation mark is and ``_SAID`` only where a
    speech verb is: on generated paragraphs (curly, straight and ``...'' quotes, verbs in
    other cases and inside longer words) and the sample's lines, never a paragraph one of
    the patterns matches, and the readings of running both patterns always."""
    import random

    from synopsis.disagree import quotes as q

    tokens = [
        "“", "”", '"', "``", "''", "`", "'", "Kowalski", "Anna Brandt", "He", "she", "Said",
        "said", "SAID", "says", "told", "retold", "added", "wrote", "declared", "stated",
        "insisted", "warned", "explained", "saying", "the bridge will stay shut until spring",
        "nobody will cross it before the thaw", ",", ".", ":", "\n", "reporters",
    ]  # fmt: skip
    rng = random.Random(11)
    texts = ["".join(rng.choice(tokens) + rng.choice(" ,") for _ in range(rng.randint(1, 30)))
             for _ in range(3000)]  # fmt: skip
    texts += [line for p in SAMPLE.glob("*.txt") for line in p.read_text("utf-8").splitlines()]
    quoted = said = 0
    for text in texts:
        if q._QUOTE.search(text):
            assert q._may_quote(text), text
            quoted += 1
        if q._SAID.search(text):
            assert q._may_say(text), text
            said += 1
    assert quoted > 500 and said > 500
    assert sum(not q._may_quote(t) for t in texts) > 100
    assert sum(not q._may_say(t) for t in texts) > 100
    fast = [q._reading(t) for t in texts]
    monkeypatch.setattr(q, "_may_quote", lambda text: True)
    monkeypatch.setattr(q, "_may_say", lambda text: True)
    assert fast == [q._reading(t) for t in texts]


def test_text_frequency_counts_each_text_as_often_as_it_occurs() -> None:
    """The rarity of a word (figures' context, quote stems): how many texts hold it,
    each distinct text read once and counted with its repeats, as counting every text."""
    from synopsis.disagree.claims import content_words, text_frequency

    texts = [
        "Nine boats sank near the cape.",
        "The cape boats.",
        "",
        "Nine boats sank near the cape.",
    ]
    texts += ["Boats, boats and boats at the cape."] * 3
    want: dict[str, int] = {}
    for t in texts:
        for w in set(content_words(t)):
            want[w] = want.get(w, 0) + 1
    assert text_frequency(texts, content_words) == want
    assert want["boats"] == 6 and want["cape"] == 6 and want["sank"] == 2


def test_date_pattern_without_weekdays_finds_what_the_whole_pattern_finds_without_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """date_claims searches a sentence without "day" (in any case) with ``_DATE`` minus
    its weekday alternative: on such text, the same spans and groups as ``_DATE``; and
    the claims of every sentence are those of searching ``_DATE`` always."""
    import random

    from synopsis.disagree import dates

    tokens = [
        "Dec 14", "Dec. 3", "Sept 9", "Sep. 30", "May 5", "May", "may 5", "MAY 5", "Jan 12",
        "June 2", "4:20 a.m.", "11.32am", "6 : 00 p.m.", "32am", "at 5 p.m.", "before 5 p.m.",
        "as of Dec 3", "by 9 a.m.", "10:15", "2014", "Monday", "FRIDAY", "sunday", "ſunday",
        "holiday", "Days", "İstanbul", "Mar", "Mart 4", "Oct", "a", "m", "the", ",", ".", "-",
    ]  # fmt: skip
    rng = random.Random(5)
    texts = [" ".join(rng.choice(tokens) for _ in range(rng.randint(1, 10))) for _ in range(4000)]
    texts += [line for p in SAMPLE.glob("*.txt") for line in p.read_text("utf-8").splitlines()]
    without_day = [t for t in texts if "day" not in t.lower()]
    assert len(without_day) > 1000
    found = 0
    for text in without_day:
        got = [(m.span(), m.groupdict()) for m in dates._DATE_NO_WEEKDAY.finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in dates._DATE.finditer(text)], text
        found += len(got)
    assert found > 1000
    fast = [dates.date_claims(t, 7, i) for i, t in enumerate(texts)]
    monkeypatch.setattr(dates, "_DATE_NO_WEEKDAY", dates._DATE)  # what it replaced
    assert fast == [dates.date_claims(t, 7, i) for i, t in enumerate(texts)]
    assert sum(map(len, fast)) > 1000


def test_stem_counts_asked_one_by_one_are_the_counts_of_every_text() -> None:
    """Quote rarity counts a stem's sentences only when a pair asks (an ``in`` test on
    each distinct text first): the answers of counting every text's stems, whether
    asked lazily or past the budget that switches to counting all at once."""
    from synopsis.disagree.claims import text_frequency
    from synopsis.disagree.quotes import StemCounts, _stem_sequence

    lines = [
        line for p in sorted(SAMPLE.glob("*.txt")) for line in p.read_text("utf-8").splitlines()
    ]
    texts = [t for t in lines if t.strip()]
    texts += texts[:40]  # copies repeat sentences: counted as often as they occur
    texts += ["Self-defence and SELF DEFENCE", "re-elected, reelected", "Ab-cde-fgh", ""]
    want = text_frequency(texts, _stem_sequence)
    asked = [*sorted(want), "selfd", "reele", "abcde", "zzzzz", "the", ""]
    assert len(want) > 500
    for budget in (0, 16, 10**6):
        counts = StemCounts(texts, lazy_stems=budget)
        assert [counts.get(s, 0) for s in asked] == [want.get(s, 0) for s in asked], budget
        assert counts.get("zzzzz", -1) == -1  # a stem no text uses: the default


def test_word_spans_are_the_matches_of_the_word_pattern_it_replaced() -> None:
    r"""Name spellings are found by ``str.find`` and a look either side instead of a
    pattern compiled per spelling: on generated text (letters, accented and other
    scripts' letters, digits, underscores, hyphens, apostrophes, spaces) and words that
    start or end with a non-word character, the spans of ``\bword\b``'s ``finditer``."""
    import random
    import re

    from synopsis.disagree.claims import has_word, word_spans

    alphabet = "aAbé_1٣-' .\nxß"
    rng = random.Random(4)
    words = ["a", "ab", "aa", "é", "a-b", "-a", "a-", "'", "ba", "_a", "1", "a a", "ß"]
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        for word in words:
            want = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
            assert list(word_spans(text, word)) == want, (text, word)
            assert has_word(text, word) == bool(want)
            found += len(want)
    assert found > 2000


def test_capital_tokens_are_the_word_tokens_with_an_ascii_capital_first() -> None:
    """Names are looked for among the tokens one search finds (CAPITAL_TOKEN) instead
    of a Python test of every token's first letter: on generated text, the tokens of
    word_tokens that start with A-Z, at the starts token_starts gives them."""
    import random

    from synopsis.disagree.claims import (
        CAPITAL_TOKEN,
        first_token_start,
        token_starts,
        word_tokens,
    )

    alphabet = "aAZzÉé_1-'’. ,\n"
    rng = random.Random(8)
    capitals = 0
    for _ in range(5000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        tokens, starts = token_starts(raw)
        assert tokens == word_tokens(raw)
        assert all(raw.startswith(t, i) for t, i in zip(tokens, starts, strict=True))
        want = [(i, t) for t, i in zip(tokens, starts, strict=True) if "A" <= t[0] <= "Z"]
        assert [(m.start(), m.group()) for m in CAPITAL_TOKEN.finditer(raw)] == want, raw
        assert first_token_start(raw) == (starts[0] if starts else len(raw))
        capitals += len(want)
    assert capitals > 1500


def test_singulars_kept_for_a_cluster_are_singular_of_each_word() -> None:
    """The figures' context words look their singular up in one Singulars per cluster:
    the same answers as singular(), asked in any order and again."""
    from synopsis.disagree.claims import Singulars, singular

    words = ["nations", "Nations", "people", "boxes", "bus", "ties", "classes", "cent", "x"]
    singulars = Singulars()
    for w in words + words[::-1]:
        assert singulars[w] == singular(w)
    assert len(singulars) == len(words)


def test_number_words_matched_only_by_case_folding_have_their_value() -> None:
    """A number word that the folding pattern matches but lower() does not reach ("ſix"
    with a long s, "nıne" with a dotless i, "fİve") is read as its value; it raised a
    ValueError (a traceback from summarize) before."""
    for raw, value, noun in [
        ("We saw ſix ships.", 6.0, "ship"),
        ("Rescuers found nıne sailors.", 9.0, "sailor"),
        ("fİve ships sank", 5.0, "ship"),
        ("Police held ٣ suspects.", 3.0, "suspect"),  # an Arabic-Indic digit
    ]:
        [c] = number_claims(raw, 0, 0)
        assert (c.value, c.noun) == (value, noun), raw
