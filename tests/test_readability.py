"""The readability checker: each flag on a fixture made for it, and the sample clean."""

from __future__ import annotations

from pathlib import Path

import synopsis
from synopsis.evaluate.readability import check, check_sentences
from synopsis.model import Cluster, Document

ARTICLE = (
    "Harbour master Ellen Marsh said on Tuesday that the port would reopen by the weekend. "
    "She added that crews had worked through the night to clear the channel. "
    '"Nobody expected the surge to be this high." '
    "In a separate incident, two fishermen were rescued off the northern cape. "
    "Anyone with information is asked to call the coastguard."
)
CLUSTER = Cluster(id="port", documents=(Document(id="a", text=ARTICLE),))


def flags(*sentences: str) -> list[tuple[bool, bool, bool, bool]]:
    return [
        (f.unmet, f.speakerless, f.off_topic, f.garbled)
        for f in check_sentences(list(sentences), CLUSTER)
    ]


def test_pronoun_alone_is_unmet_with_its_antecedent_or_bracketed_it_is_met() -> None:
    lead = "Harbour master Ellen Marsh said on Tuesday that the port would reopen by the weekend."
    added = "She added that crews had worked through the night to clear the channel."
    assert flags(added)[0][0]
    assert flags(lead, added) == [(False,) * 4, (False,) * 4]
    bracketed = "[Ellen Marsh] added that crews had worked through the night to clear the channel."
    assert flags(bracketed) == [(False,) * 4]
    # a surname alone that the article introduced by full name, the summary never
    # (test_surname_alone_is_unmet_unless_the_summary_introduced_it)
    assert flags(bracketed.replace("Ellen ", ""))[0][0]


# An article that introduces a spokesman by role and surname, and later cites him alone,
# with a company it cites alone from its first mention; and one in lower-cased copy.
SPOKESMAN = (
    "Ferries stayed in port on Tuesday after the storm damaged two berths. "
    "Harbour police spokesman Webb said the channel would be surveyed on Wednesday. "
    "On Monday, Ferrylink said its crossings were cancelled. "
    "Ferrylink said refunds would be paid within a week. "
    "Webb said divers had found no wreck in the channel."
)
LOWER = (
    "the storm damaged two berths at the harbour on tuesday, and ferries stayed in port "
    "for the rest of the week while the port authority counted the cost of the repairs. "
    "a video released on the harbour's website showed militant leader nasr al-ansi at the port. "
    "Ansi said the plan had been carried out as ordered by the group's leaders."
)
NAMES = Cluster(
    id="names",
    documents=(Document(id="a", text=SPOKESMAN), Document(id="b", text=LOWER)),
)


def test_surname_alone_is_unmet_unless_the_summary_introduced_it() -> None:
    def unmet(*sentences: str) -> list[bool]:
        return [f.unmet for f in check_sentences(list(sentences), NAMES)]

    later = "Webb said divers had found no wreck in the channel."
    introduced = "Harbour police spokesman Webb said the channel would be surveyed on Wednesday."
    assert unmet(later) == [True]
    assert unmet(introduced, later) == [False, False]
    # first cited alone in its article too: the writer did not introduce it either
    assert unmet("Ferrylink said refunds would be paid within a week.") == [False]
    # lower-cased copy: the name in a speaker's slot, introduced in lower case
    ansi = "Ansi said the plan had been carried out as ordered by the group's leaders."
    assert unmet(ansi) == [True]
    video = (
        "a video released on the harbour's website showed militant leader nasr al-ansi at the port."
    )
    assert unmet(video.capitalize(), ansi) == [False, False]


def test_a_surname_shown_with_its_introduction_is_met_and_alone_is_not() -> None:
    # select's "[spokesman Webb] said" for "Webb said" (dependencies.Article
    # .shown_introductions): the bracket holds the introduction, so the reader meets him
    def unmet(*sentences: str) -> list[bool]:
        return [f.unmet for f in check_sentences(list(sentences), NAMES)]

    shown = "[spokesman Webb] said divers had found no wreck in the channel."
    assert unmet(shown) == [False]
    assert unmet(shown.replace("[spokesman Webb]", "[Sgt. Webb]")) == [False]
    # the name bracketed alone (for a "he") is no introduction, nor the name as written
    assert unmet(shown.replace("[spokesman Webb]", "[Webb]")) == [True]
    assert unmet(shown.replace("[spokesman Webb]", "Webb")) == [True]
    # the display text with its insertion must still be found in the article
    assert check_sentences([shown], NAMES)[0].flagged is False


def test_speakerless_quote_and_off_topic_sentences_are_flagged() -> None:
    assert flags('"Nobody expected the surge to be this high."') == [(False, True, False, False)]
    assert flags("In a separate incident, two fishermen were rescued off the northern cape.")[0][2]
    assert flags("Anyone with information is asked to call the coastguard.")[0][2]


def test_half_quotation_and_glued_sentences_are_garbled() -> None:
    assert flags('"We expect the first ferries by noon.')[0][3]
    assert flags('The port would reopen, she said."Crews worked all night.')[0][3]


def test_counts_add_up() -> None:
    result = check(["She added that crews had worked through the night."], CLUSTER)
    assert (result.sentences, result.unmet, result.flagged) == (1, 1, 1)
    assert (result + result).rate("unmet") == 1.0


def test_the_sample_default_summary_has_no_flagged_sentence(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files)
    cluster = Cluster(id="sample", documents=summary.documents)
    flagged = [f.text for f in check_sentences([s.text for s in summary.sentences], cluster)
               if f.flagged]  # fmt: skip
    assert summary.sentences and flagged == []


def test_the_sample_at_300_words_has_no_flagged_sentence(sample_files: list[Path]) -> None:
    summary = synopsis.summarize(sample_files, words=300)
    cluster = Cluster(id="sample", documents=summary.documents)
    assert check([s.text for s in summary.sentences], cluster).flagged == 0


def test_a_quotation_without_what_it_answers_is_unmet() -> None:
    article = (
        "Principal Ann Lee said on Friday that the river had flooded the school twice. "
        '"That is why we closed it," Lee said. '
        "Pupils will study in the town hall until spring."
    )
    cluster = Cluster(id="school", documents=(Document(id="a", text=article),))
    lead = "Principal Ann Lee said on Friday that the river had flooded the school twice."
    quote = '"That is why we closed it," Lee said.'
    alone = check_sentences([quote], cluster)
    together = check_sentences([lead, quote], cluster)
    assert alone[0].unmet and not together[1].unmet


def test_an_announcement_is_unmet_unless_what_it_announces_follows() -> None:
    article = (
        "The harbour reopened on Tuesday after the storm, officials said. "
        "The port authority has already made its first move. "
        "It hired two dredgers to clear the channel."
    )
    cluster = Cluster(id="port", documents=(Document(id="a", text=article),))
    move = "The port authority has already made its first move."
    hired = "It hired two dredgers to clear the channel."
    assert check_sentences([move], cluster)[0].unmet
    assert not check_sentences([move, hired], cluster)[0].unmet


def test_a_caption_glued_to_a_story_line_is_garbled() -> None:
    article = (
        "Crews clear debris on Tuesday (AP Photo/Jane Doe) the port will reopen by the "
        "weekend, harbour master Ellen Marsh said. Crews worked through the night."
    )
    cluster = Cluster(id="caption", documents=(Document(id="a", text=article),))
    glued = article.split(". ")[0] + "."
    assert [f.garbled for f in check_sentences([glued], cluster)] == [True]
    assert [f.garbled for f in check_sentences(["Crews worked through the night."], cluster)] == [
        False
    ]


def test_first_person_words_with_no_author_are_speakerless_unless_introduced() -> None:
    post = "I am heartbroken and I thank every firefighter who came out for us."
    cluster = Cluster(
        id="mill",
        documents=(
            Document(id="a", text=f"The old mill burned down on Sunday. {post}"),
            Document(id="b", text=f"Mayor Ann Webb wrote on her page on Monday: {post}"),
        ),
    )
    assert check_sentences([post], cluster)[0].speakerless
    assert check_sentences(["The old mill burned down on Sunday.", post], cluster)[1].speakerless
    introduced = check_sentences(["Mayor Ann Webb wrote on her page on Monday:", post], cluster)
    assert not any(f.flagged for f in introduced)


def test_another_witness_is_unmet_until_the_summary_met_one() -> None:
    quote = '"The water came in so fast," another resident said.'
    first = "Resident Tom Hale said the water rose within minutes."
    cluster = Cluster(id="flood", documents=(Document(id="a", text=f"{first} {quote}"),))
    assert check_sentences([quote], cluster)[0].unmet
    assert not check_sentences([first, quote], cluster)[1].flagged


def test_first_person_words_shown_with_their_writer_are_not_speakerless() -> None:
    column = "I have never seen the river rise so fast. We lost the bakery and the library."
    cluster = Cluster(id="column", documents=(Document(id="a", text=column),))
    authored = "[Nora Field wrote:] I have never seen the river rise so fast."
    went_on = "We lost the bakery and the library."
    assert not any(f.flagged for f in check_sentences([authored, went_on], cluster))
    # without the insertion (the run is flagged once, at its start), or away from it,
    # they are a quotation with no speaker
    bare = check_sentences(["I have never seen the river rise so fast.", went_on], cluster)
    assert [f.speakerless for f in bare] == [True, False]
    assert check_sentences([went_on], cluster)[0].speakerless


def test_page_text_glued_before_the_story_is_off_topic() -> None:
    """A credit, a byline with its outlet, a caption's credit with a dateline, or a wire's
    dateline left on a summary sentence is page text the reader sees."""
    for glued in (
        "Photograph by ann lee, acme geographic in the spring, crews cleared the channel.",
        "By ann lee, harbour public affairs when the surge came, crews cleared the channel.",
        "The port at dawn. ( ann lee / kacm ) portville, wash. - crews worked all night to "
        "clear the channel.",
        "Dec 17 (Reuters) - Crews worked through the night to clear the channel.",
    ):
        assert flags(glued)[0][2], glued
    assert not flags("By monday, crews had worked through the night to clear the channel.")[0][2]
