"""textfacts: the pre-checks that spare the rules' patterns never change a verdict."""

import pytest

from synopsis.dependencies import attributed_name, fragment, needs, speaker_need
from synopsis.textfacts import Text, outside_quotes, text_of
from synopsis.topic import off_topic


def test_text_is_the_same_string():
    text = Text('"We will go," she said.')
    assert text == '"We will go," she said.' and isinstance(text, str)
    assert text.rest == outside_quotes(text) == "              she said."
    assert text_of(text) is text


def test_may_and_has_word_say_no_only_when_absent():
    text = Text("The Minister SAID the talks would resume.")
    assert text.may(("said",)) and not text.may(("tip line", "crime"))
    assert text.has_word(frozenset(["said"])) and not text.has_word(frozenset(["sa", "talk"]))


def test_letters_that_ignorecase_folds_turn_the_pre_checks_off():
    # "ſ" (long s) matches "s" under re.IGNORECASE, but "ſaid".lower() holds no "said":
    # a pre-check on the lower case would wrongly rule the pattern out
    text = Text('"We will win," he ſaid.')
    assert text.lower_ is None and text.may(("said",)) and text.has_word(frozenset(["said"]))
    assert speaker_need(text) is not None
    assert needs('"We will win," he ſaid.').kind == "speaker"


def test_verdicts_found_once_are_shared():
    text = Text("Officials said Maria Lopez told reporters the plan was over.")
    first = attributed_name(text)
    assert first is not None and first.text == "Lopez"
    assert text.found["attributed_name"] is first
    assert attributed_name(text) is first


def test_a_full_stop_lost_next_to_a_quotation_is_still_found():
    # the lost-stop rule reads the text outside quotations, where the quotation before
    # "He" is blanked: its pre-check must allow a quotation mark next to the word
    assert fragment('They met the minister "today"He left early on the train.') == "glued"
    assert fragment("They met the minister today. He left early on the train.") is None


def test_rules_without_a_needle_in_the_text_say_nothing():
    assert off_topic("The council approved the budget on Tuesday.") is None
    assert off_topic("Anyone with information is asked to call police.") == "tip line"
    assert off_topic("Click here to read the full report on the budget.") == "page text"


def test_pronoun_speaker_finds_what_the_single_pattern_found():
    # the one pattern the split search replaced: the same first match, pronoun for pronoun
    import re

    from synopsis.dependencies.quotes import _pronoun_speaker
    from synopsis.wordlists import SAY as _SAY

    reference = re.compile(
        rf"\b(?P<p>he|she|they)\s+(?:{_SAY})\b|\b(?:{_SAY})\s+(?P<q>he|she|they)\b"
        r"(?=\s*(?:[.,;:!?]|$))",
        re.IGNORECASE,
    )
    cases = [
        "He said it would rain.",
        "It will rain, said he.",
        "They said so, said she.",
        "It was late, asked he, and she told them.",
        "According to he, she said nothing.",
        "The plan failed, according to they.",
        "It failed, she SAID, said he!",
        "The  report said  they",
        "Her friends said they were leaving.",
        "Sheila said the heat was bad; theyre late.",
        "x said\the.",
        "",
    ]
    for text in cases:
        m = reference.search(text)
        expected = None if m is None else (m.span("p") if m.group("p") else m.span("q"))
        assert _pronoun_speaker(text) == expected, text


def test_found_once_keeps_a_verdict_on_the_text_only():
    from synopsis.textfacts import found_once

    calls = []

    @found_once
    def rule(text: str) -> int:
        calls.append(text)
        return len(text)

    shared = Text("A sentence in two copies of one story.")
    assert rule(shared) == rule(shared) == len(shared) and len(calls) == 1
    assert rule("plain text") == rule("plain text") == 10 and len(calls) == 3
    # the dependency and topic rules keep theirs the same way
    assert needs(shared) is None and any(k.endswith(".needs") for k in shared.found)


def test_every_alternative_of_the_tip_line_and_page_text_rules_passes_its_pre_check():
    # one invented sentence per alternative: a needle list that missed one would drop it
    tips = [
        "Anyone with information should talk to the sheriff.",
        "Anyone with any information should talk to the sheriff.",
        "Contact Crime Stoppers about the theft.",
        "Contact CrimeStoppers about the theft.",
        "The tip line is open all night.",
        "The tipline is open all night.",
        "Residents are asked to call the county office.",
        "Residents are urged to contact the county office.",
        "Residents are encouraged to contact the county office.",
        "Call the county office at (555) 123-4567 today.",
        "Call Metro at 555 123 4567 today.",
    ]
    for text in tips:
        assert off_topic(text) == "tip line", text
    pages = [
        "Click here for the full list of winners.",
        "Read more: the full list of winners.",
        "Related: the full list of winners.",
        "Watch: the full list of winners.",
        "See also the full list of winners.",
        "Sign up to get the full list of winners.",
        "Subscribe to get the full list of winners.",
        "Hide caption The full list of winners.",
        "Follow us on Twitter for the full list of winners.",
        "Follow Jane Doe on Facebook for the full list of winners.",
        "Photo: the full list of winners.",
        "Photos: the full list of winners.",
        "Video: the full list of winners.",
        "Videos: the full list of winners.",
        "Editor's note: the full list of winners.",
        "Editors note: the full list of winners.",
        "Updated at noon: the full list of winners.",
        "Correction: the full list of winners.",
        "Clarification: the full list of winners.",
        "The list was long, so click here for all of it.",
        "The list was long, so sign up for our letter.",
        "This story has been updated with the full list of winners.",
        "Reporters in Ohio contributed to this report on the winners.",
        "The full list of winners is available on the site.",
        "To see the full list of winners, download our app now.",
        "You can subscribe to get the full list of winners.",
        "Don't forget to share the full list of winners.",
        "Don’t forget to follow the full list of winners.",
        "Do not forget to like the full list of winners.",
        "The winners, photo 3 of 12, stand on stage together.",
        "The winners, photos 3 of 12, stand on stage together.",
        "The winners, caption 3 of 12, stand on stage together.",
    ]
    for text in pages:
        assert off_topic(text) == "page text", text


@pytest.mark.parametrize("text", ["", "  ", "one", " one  two\tthree \n", "a b c d e f g h i j k"])
def test_word_count_is_exact_up_to_its_threshold(text: str) -> None:
    """``word_count(text, most)`` gives every comparison with a threshold up to ``most``
    that the full ``len(text.split())`` gives."""
    from synopsis.textfacts import word_count

    words = len(text.split())
    for most in range(0, 14):
        assert word_count(text, most) == min(words, most + 1)
        for threshold in range(0, most + 1):
            assert (word_count(text, most) > threshold) == (words > threshold)
            assert (word_count(text, most) >= threshold) == (words >= threshold)
