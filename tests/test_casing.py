"""People's names recognised in lower-cased copy (synopsis.casing). Every text here is
written for the test."""

from __future__ import annotations

import re

from synopsis.casing import find_people, lower_cased, restore_names

CASED = (
    "Flooding closed the Millbrook bridge on Sunday after two days of rain, officials "
    "said. Rep. Laura Lindqvist, who represents the district, asked the state for help. "
    "The water is still rising, Lindqvist said, and the town has opened two shelters for "
    "families who left their homes near the river."
)


def lowered(text: str) -> str:
    """``text`` as lower-cased copy writes it: every word lower-case except the first
    of each sentence."""
    low = text.lower()
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)


def test_lower_cased_copy_is_told_from_cased_copy() -> None:
    assert not lower_cased(CASED)
    assert lower_cased(lowered(CASED))
    assert not lower_cased("too short to judge.")


def test_a_given_name_and_a_surname_the_cluster_cites_as_speaker_is_a_person() -> None:
    people = find_people([lowered(CASED)])
    assert people.given == {"lindqvist": "laura"}
    assert people.first_name("Laura") and not people.first_name("Rep")


def test_a_given_name_before_a_word_never_in_a_speaker_slot_is_no_person() -> None:
    # "laura went" and "laura lindqvist" without any "lindqvist said" / "rep. lindqvist"
    text = lowered(
        "After the storm Laura went home. Laura Lindqvist opened the shelter on Monday, "
        "and the town thanked her for it."
    )
    assert find_people([text]).given == {}


def test_a_surname_two_people_share_is_left_alone() -> None:
    texts = [
        lowered(CASED),
        lowered("Erik Lindqvist, her brother, drove the boat. The river rose, Lindqvist said."),
    ]
    assert find_people(texts).given == {}


def test_restored_names_keep_every_offset() -> None:
    text = lowered(CASED)
    restored = restore_names(text, find_people([text]))
    assert len(restored) == len(text) and restored.lower() == text.lower()
    assert "Rep. Laura Lindqvist, who" in restored
    assert "rising, Lindqvist said" in restored
    assert "officials said" in restored  # nothing else changes


def test_a_titled_name_no_list_knows_is_a_person_when_cited_as_speaker() -> None:
    text = lowered(
        "President Tariq Osmani met the envoys on Monday. Osmani said the talks would go on. "
        "Mayor Quill opened the bridge again. Quill said the river had fallen. "
        "The chief executive said the plant would reopen, and the chief executive "
        "thanked the workers."
    )
    assert find_people([text]).given == {"osmani": "tariq", "quill": ""}
    restored = restore_names(text, find_people([text]))
    assert "President Tariq Osmani met" in restored and "Mayor Quill opened" in restored


def test_a_titled_word_never_cited_as_speaker_is_no_person() -> None:
    # "judge ruled" is no name, and "harlan smithers" is never cited as a speaker
    text = lowered(
        "The judge ruled against the town. Judge Harlan Smithers heard the case on Monday, "
        "officials said."
    )
    assert find_people([text]).given == {}
