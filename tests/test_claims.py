"""The claim extractors behind disagreement detection."""

from __future__ import annotations

from conftest import make_clean
from synopsis.disagree.dates import date_claims
from synopsis.disagree.numbers import number_claims, numbers_compatible
from synopsis.disagree.quotes import find_quotes
from synopsis.score import score
from synopsis.segment import segment


def test_counted_nouns_are_normalised_and_offsets_are_raw() -> None:
    raw = "Delegates of about 30\ncountries and 24 Arab nations met in 2014."
    claims = number_claims(raw, 100, 0)
    assert [(c.key, c.value) for c in claims] == [
        ("number:country", "about 30"),
        ("number:country", "24"),
    ]  # the year 2014 is not a count
    assert raw[claims[0].start - 100 : claims[0].end - 100] == "about 30\ncountries"


def test_named_parties_partial_counts_and_units_are_not_counts() -> None:
    raw = "The two nations sent another 300 soldiers 15 miles north of the border."
    assert number_claims(raw, 0, 0) == []


def test_qualified_figures_can_be_compatible() -> None:
    assert numbers_compatible(("more than", 20.0), ("", 24.0), 3.0)
    assert numbers_compatible(("about", 30.0), ("", 29.0), 3.0)
    assert not numbers_compatible(("about", 30.0), ("", 24.0), 3.0)
    assert numbers_compatible(("", 17.0), ("more than", 2600.0), 3.0)  # different things


def test_dates_weekdays_and_times() -> None:
    raw = "The car fled on Tuesday at 4:20 a.m. and was found Sept. 15 near the coast."
    assert [(c.key, c.value) for c in date_claims(raw, 0, 0)] == [
        ("date:weekday", "Tuesday"),
        ("date:time", "4:20 a.m"),
        ("date:day", "Sept. 15"),
    ]


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
