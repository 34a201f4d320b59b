# ruff: noqa: E501  (fixture articles keep one sentence per line)
"""Disagreements between independent sources, in small fixtures written for the test."""

from __future__ import annotations

import synopsis
from conftest import FIXTURES
from synopsis.disagree.numbers import number_claims
from synopsis.model import Disagreement, Summary

CROSS = FIXTURES / "cross"

SUMMIT_A = """Diplomats from 26 nations gathered at the Lake Ohrid water summit to negotiate a treaty on shared rivers.
The summit chairman, Ahmed Rahimov, opened the session with a warning about falling reservoirs.
"We cannot allow our rivers to run dry while we argue about borders and maps," Rahimov said in his opening speech.
Farmers in the region have lost a third of their irrigation water over the past decade.
"""

SUMMIT_B = """Delegations of 24 nations arrived for the water summit at Lake Ohrid, hoping to seal a treaty on rivers they share.
Chairman Ahmed Rakhimov told the delegates that the reservoirs of the region were falling every year.
"We must not let the rivers dry up while we quarrel over frontiers and maps," Rakhimov said at the start of the talks.
Environmental groups staged a small protest outside the conference hall demanding binding targets.
"""

VOTE_A = """The city council approved the new stadium plan on Tuesday after a heated debate over its cost to taxpayers.
Opponents had gathered signatures from residents who feared traffic and noise near the riverside site.
"""

VOTE_B = """The city council approved its new stadium plan on Wednesday, despite a long debate about what it would cost taxpayers.
Construction is due to begin next spring and will take about two years, the developer said.
"""


def run(*texts: str) -> Summary:
    return synopsis.summarize(list(texts), words=200)


def kinds(summary: Summary) -> dict[str, Disagreement]:
    """The disagreements by what was compared: number, date, name or quote."""
    return {d.about: d for d in summary.disagreements}


def test_number_name_and_quote_variants_are_found() -> None:
    summary = run(SUMMIT_A, SUMMIT_B)
    assert summary.independent_sources == 2
    found = kinds(summary)
    assert {v.value for v in found["number"].variants} == {"26", "24"}
    assert "nations" in found["number"].subject and found["number"].kind == "conflict"
    assert {v.value for v in found["name"].variants} == {"Rahimov", "Rakhimov"}
    assert found["name"].kind == "spelling"  # a transliteration, not a conflict of facts
    # the report leads with "Spelled differently", so the subject names only the name
    assert found["name"].subject.startswith("a name") and "spelling" not in found["name"].subject
    quote = found["quote"]
    assert quote.kind == "wording"
    assert quote.subject == "words of Rahimov" or quote.subject == "words of Rakhimov"
    assert {v.groups for v in quote.variants} == {(1,), (2,)}


def test_mentions_point_at_the_raw_text() -> None:
    summary = run(SUMMIT_A, SUMMIT_B)
    text = {d.id: d.text for d in summary.documents}
    for d in summary.disagreements:
        for v in d.variants:
            for m in v.mentions:
                assert v.value in text[m.document_id][m.start : m.end] or d.about == "quote"
                if d.about == "quote":
                    assert text[m.document_id][m.start : m.end] == v.value


def test_date_variant_is_found() -> None:
    found = kinds(run(VOTE_A, VOTE_B))
    assert {v.value for v in found["date"].variants} == {"Tuesday", "Wednesday"}
    assert found["date"].kind == "conflict"


def test_copies_of_one_story_never_disagree() -> None:
    wire = (CROSS / "wire.txt").read_text()
    edited = wire.replace("more than 4,000 people", "more than 3,000 people").replace(
        "Dimova", "Dimowa"
    )
    summary = run(wire, edited)
    assert summary.independent_sources == 1
    assert summary.disagreements == ()


def test_numbers_about_different_things_are_not_a_disagreement() -> None:
    a = "The storm killed 5 people in the mountain village of Tarn overnight, rescuers said."
    b = "The storm left 40 homes in the mountain village of Tarn without power overnight."
    assert run(a, b).disagreements == ()


def test_one_document_is_one_source_and_never_disagrees() -> None:
    summary = run(SUMMIT_A)
    assert summary.independent_sources == 1
    assert summary.disagreements == ()


def test_disabled_stage_reports_nothing() -> None:
    from synopsis.options import DisagreeOptions, Options

    options = Options(disagree=DisagreeOptions(enabled=False))
    assert synopsis.summarize([SUMMIT_A, SUMMIT_B], options=options).disagreements == ()


def test_partial_counts_and_units_are_not_counts() -> None:
    a = "The carmaker will cut another 3,000 jobs at its plants in Bavaria and Saxony this year."
    b = "The carmaker has now announced it will cut 7,000 jobs at its plants in Bavaria and Saxony."
    c = "The new plant in Saxony lies 15 miles north of Leipzig, near the Bavaria border road."
    d = "Its old plant in Saxony lies 10 miles north of Dresden, near the Bavaria border road."
    assert run(a, b).disagreements == ()
    assert run(c, d).disagreements == ()


def test_json_text_and_html_agree_on_independent_sources_when_a_document_is_dropped() -> None:
    import json

    from synopsis.render import render

    notice = "Sorry, the page you requested was not found.\nPlease try again later."
    wire = (FIXTURES / "cross" / "wire.txt").read_text()
    other = (FIXTURES / "cross" / "independent.txt").read_text()
    summary = synopsis.summarize([wire, other, notice], words=120)
    assert summary.excluded == ("3",) and summary.independent_sources == 2
    data = json.loads(render([summary], "json"))
    assert data["independent_sources"] == 2
    assert "; 2 independent sources" in render([summary], "text")
    assert "<b>2</b> independent sources" in render([summary], "html")


# --- claims aligned by what they are about, and the non-conflicts ----------------------


def test_a_sole_figure_in_unlike_sentences_is_linked_by_the_event() -> None:
    # The two sentences are not similar as wholes; each source counts delegations once,
    # next to the event's own word ("summit").
    a = (
        "The Ohrid water summit opened on a cold morning by the lake.\n"
        "Delegations from 26 nations began dividing the work between committees.\n"
        "Farmers in the valley have lost a third of their irrigation water.\n"
    )
    b = (
        "Under grey skies, the regional leaders shook hands on the shore.\n"
        "The summit's 24 participant nations signed a pledge on shared rivers.\n"
        "Fishermen said the water level had never been so low.\n"
    )
    [d] = run(a, b).disagreements
    assert d.kind == "conflict" and d.about == "number"
    assert {v.value for v in d.variants} == {"24", "26"}


def test_approximate_and_exact_figures_that_fit_are_no_conflict() -> None:
    a = "About 30 nations sent delegates to the Ohrid water summit, the organisers said."
    b = "The organisers said 29 nations sent delegates to the Ohrid water summit."
    c = "At least eight climbers were rescued from the north face of Mount Tarn on Sunday."
    d = "Eight climbers were rescued from the north face of Mount Tarn on Sunday, police said."
    assert run(a, b).disagreements == ()
    assert run(c, d).disagreements == ()


def test_a_count_in_words_against_digits_is_compared() -> None:
    a = "Eight climbers were rescued from the north face of Mount Tarn on Sunday."
    b = "Police said 11 climbers were rescued from the north face of Mount Tarn on Sunday."
    [dis] = run(a, b).disagreements
    assert dis.kind == "conflict" and {v.value for v in dis.variants} == {"Eight", "11"}


def test_two_counts_at_different_times_are_an_update() -> None:
    a = "As of Monday, 12 patients with the fever were in the Tarn valley hospital, doctors said."
    b = "By Wednesday, 19 patients with the fever were in the Tarn valley hospital, doctors said."
    [dis] = run(a, b).disagreements
    assert dis.kind == "update" and {v.value for v in dis.variants} == {"12", "19"}


def test_two_dates_of_two_events_are_no_conflict() -> None:
    a = "The mayor filed the lawsuit against the builder on Monday, her office said."
    b = "A judge will hear the mayor's lawsuit against the builder on Thursday, lawyers said."
    assert run(a, b).disagreements == ()


def test_a_quotation_contained_in_the_other_is_a_shortening_not_a_wording() -> None:
    long_quote = (
        'Chairman Ahmed Rahimov spoke at the summit. "We cannot allow our rivers to run dry '
        'while we argue about borders and maps, and we will not," Rahimov said.'
    )
    short_quote = (
        'At the Ohrid meeting, Rahimov warned delegates. "We cannot allow our rivers to run '
        'dry while we argue about borders," Rahimov said.'
    )
    assert [d for d in run(long_quote, short_quote).disagreements if d.about == "quote"] == []


def test_two_different_sentences_of_one_speaker_are_nothing() -> None:
    a = (
        "Chairman Ahmed Rahimov opened the Ohrid summit.\n"
        '"The reservoirs of this region are falling every single year," Rahimov said.\n'
    )
    b = (
        "Chairman Ahmed Rahimov closed the Ohrid summit.\n"
        '"Next year the summit will meet in the capital of this region," Rahimov said.\n'
    )
    assert [d for d in run(a, b).disagreements if d.about == "quote"] == []


def test_reports_lead_with_conflicts() -> None:
    from synopsis.render import render

    summary = run(SUMMIT_A, SUMMIT_B)
    assert summary.disagreements[0].kind == "conflict"
    lines = [
        x for x in render([summary], "text").splitlines() if "differently" in x or "disagree" in x
    ]
    assert lines[0].strip().startswith("Sources disagree on number")


def test_the_sample_reports_its_known_disagreements_and_nothing_else() -> None:
    from conftest import SAMPLE

    summary = synopsis.summarize(synopsis.load([SAMPLE]).clusters[0])
    found = sorted(
        (d.kind, tuple(sorted(v.value for v in d.variants))) for d in summary.disagreements
    )
    conflicts = [f for f in found if f[0] in ("conflict", "update")]
    assert conflicts == [("conflict", ("24", "26"))]
    spellings = {f[1] for f in found if f[0] == "spelling"}
    assert spellings == {("Masoum", "Massoum"), ("Nouri", "Nuri")}
    wordings = [d for d in summary.disagreements if d.kind == "wording"]
    assert len(wordings) == 1 and "Khamenei" in wordings[0].subject


def test_a_source_counting_in_parts_has_no_sole_figure() -> None:
    a = (
        "Customs officers at the port of Tarn seized four shipments of fake shoes on Tuesday.\n"
        "Another shipment was seized in July, a spokesman said.\n"
    )
    b = "The fake shoes arrived in five shipments by cargo ship from overseas, the spokesman at Tarn said.\n"
    assert [d for d in run(a, b).disagreements if d.about == "number"] == []


def test_one_statement_with_a_few_words_changed_is_a_wording() -> None:
    a = (
        "Sheriff Dana Mills spoke to reporters at the Tarn county jail.\n"
        '"We believe the boy is in grave danger tonight," Mills said.\n'
    )
    b = (
        "Sheriff Dana Mills appealed for help from the public.\n"
        '"We believe the boy to be in grave danger tonight," Mills said.\n'
    )
    [d] = [d for d in run(a, b).disagreements if d.about == "quote"]
    assert d.kind == "wording" and len(d.variants) == 2


def test_counts_over_different_periods_are_an_update() -> None:
    a = "Health officials in Tarn said 19 villagers had died of the fever over two days, doctors said."
    b = "Health officials in Tarn said 29 villagers had died of the fever since the outbreak began, doctors said."
    [dis] = run(a, b).disagreements
    assert dis.kind == "update" and {v.value for v in dis.variants} == {"19", "29"}


def test_figures_of_two_players_in_a_round_up_are_no_conflict() -> None:
    # Each source counts rebounds of more than one player: figures are compared only
    # for the same named player.
    a = (
        "The Harbor Gulls beat the Mill Town Owls 101-96 on Friday night at the river arena.\n"
        "Dario Pell grabbed 12 rebounds as the Gulls pulled away late in the fourth quarter.\n"
        "Teammate Juri Kant added 7 rebounds off the bench for the Gulls.\n"
    )
    b = (
        "The Gulls held off the Owls at the river arena on Friday night, winning 101-96.\n"
        "Ivo Stanek grabbed 9 rebounds as the Gulls pulled away late in the fourth quarter.\n"
        "Pell scored 20 points and made the late free throws for the Gulls.\n"
    )
    assert [d for d in run(a, b).disagreements if d.about == "number"] == []


def test_the_same_players_figures_in_a_round_up_are_compared() -> None:
    a = (
        "The Harbor Gulls beat the Mill Town Owls 101-96 on Friday night at the river arena.\n"
        "Dario Pell grabbed 12 rebounds as the Gulls pulled away late in the fourth quarter.\n"
        "Teammate Ivo Stanek added 7 rebounds off the bench for the Gulls.\n"
    )
    b = (
        "The Gulls held off the Owls at the river arena on Friday night, winning 101-96.\n"
        "Dario Pell grabbed 14 rebounds as the Gulls pulled away late in the fourth quarter.\n"
        "Ivo Stanek added 7 rebounds off the bench in his first start since the injury.\n"
    )
    [d] = [d for d in run(a, b).disagreements if d.about == "number"]
    assert d.kind == "conflict" and {v.value for v in d.variants} == {"12", "14"}


def test_two_models_ports_are_no_conflict() -> None:
    a = "The new Vela Air laptop has two USB ports and a headphone jack, the maker said on Tuesday."
    b = "The maker said on Tuesday that its larger Vela Pro laptop has four USB ports and a card slot."
    assert [d for d in run(a, b).disagreements if d.about == "number"] == []


def test_two_kinds_of_one_counted_noun_are_no_conflict() -> None:
    a = "Rook Alvarez ran for 120 rushing yards in the win over the Cranes on Sunday, coaches said."
    b = "Coaches said Rook Alvarez had 80 receiving yards in the win over the Cranes on Sunday."
    assert [d for d in run(a, b).disagreements if d.about == "number"] == []


def test_a_named_part_of_a_count_and_a_count_of_two_nouns_are_no_conflict() -> None:
    a = "Navy sailors captured 10 pirates off the coast of Puntland on Tuesday, the navy said."
    b = "The navy said sailors captured seven Somali pirates off the coast of Puntland on Tuesday."
    c = "The cruise ship Vela Star carried 2,100 passengers and crew when it ran aground on Friday."
    d = "The cruise ship Vela Star carried 1,600 passengers when it ran aground near the reef on Friday."
    assert [x for x in run(a, b).disagreements if x.about == "number"] == []
    assert [x for x in run(c, d).disagreements if x.about == "number"] == []


def test_a_time_bound_that_fits_and_times_of_two_days_are_no_conflict() -> None:
    a = "The boy was jumping on his bed in Tarnow around 4:40 p.m. when he fell from the window."
    b = "The boy was jumping on his bed in Tarnow just before 5 p.m. when he fell from the window."
    c = "A photo of the Tarnow mural was posted by Johan Ekberg on Jul 20 at 11:57 a.m. with a caption."
    d = "A photo of the Tarnow mural was posted by Mira Solberg on Jul 19 at 6:51 p.m. with a caption."
    assert [x for x in run(a, b).disagreements if x.about == "date"] == []
    assert [x for x in run(c, d).disagreements if x.about == "date"] == []
    e = "The boy was jumping on his bed in Tarnow around 4:40 p.m. when he fell from the window."
    f = "The boy was jumping on his bed in Tarnow around 3:10 p.m. when he fell from the window."
    [dis] = [x for x in run(e, f).disagreements if x.about == "date"]
    assert dis.kind == "conflict"


def test_a_count_of_another_year_and_a_part_of_a_base_are_no_conflict() -> None:
    a = "Rook Alvarez pleaded guilty to three misdemeanor counts of fraud on Monday in Tarn county court."
    b = "In 2009, Rook Alvarez pleaded guilty to two misdemeanor counts of fraud in Tarn county court."
    assert [x for x in run(a, b).disagreements if x.about == "number"] == []
    c = "The Cranes quarterback Rook Alvarez played in only three of the Cranes' four preseason games."
    d = "Rook Alvarez, the Cranes quarterback, threw two touchdowns in three preseason games before he was cut."
    assert [x for x in run(c, d).disagreements if x.about == "number"] == []


def test_a_weekday_of_another_event_in_the_sentence_is_no_conflict() -> None:
    a = "The Tarn Front claimed responsibility Thursday for the attack on the museum in Ohrid that killed 21 tourists."
    b = "Police arrested nine suspects linked to Wednesday's attack on the museum in Ohrid that killed 21 tourists."
    assert [x for x in run(a, b).disagreements if x.about == "date"] == []


def test_over_a_dozen_is_a_bound_on_twelve() -> None:
    a = "One of the tour company's boats capsized on Tarn lake on Thursday, leaving 17 deaths."
    b = "One of the tour company's boats capsized on Tarn lake on Thursday, leaving over a dozen deaths."
    assert [x for x in run(a, b).disagreements if x.about == "number"] == []


def test_weekdays_of_two_calendar_days_are_no_conflict_in_lowercased_copy() -> None:
    a = "children are led from the tarn valley school in ohrid on friday, dec. 14, after the shooting."
    b = "children are led from the tarn valley school in ohrid on saturday, dec. 15, after the shooting."
    assert [x for x in run(a, b).disagreements if x.about == "date"] == []


def test_season_records_without_one_named_subject_are_no_conflict() -> None:
    a = "Before the season few fans thought the Harbor Gulls could get 7 wins in the whole year."
    b = "The interim coach tied a league record with 9 wins in the whole year for the Harbor Gulls."
    assert [x for x in run(a, b).disagreements if x.about == "number"] == []
    c = "Dozen of warships from several navies patrol the Gulf of Tarn against the pirates."
    [w] = [q for q in number_claims(c, 0, 0) if q.noun == "warship"] or [None]
    assert w is None


def test_counts_of_one_noun_over_different_scopes_are_no_conflict() -> None:
    a = "Dario Pell hit 13 homers and drove in 43 runs in 54 games after the trade to the Harbor Gulls."
    b = "Dario Pell hit 33 homers and drove in 121 runs in 157 games with the Harbor Gulls and the Owls."
    assert [x for x in run(a, b).disagreements if x.about == "number"] == []


def test_the_same_verb_ties_counts_a_source_gives_at_several_values() -> None:
    # Each source counts people twice (injured, arrested): the counts are compared only
    # through the verb next to them.
    a = (
        "Police said 12 people were injured in the riots in Ohrid on Friday night.\n"
        "Officers arrested 30 people after the march in the old town.\n"
    )
    b = (
        "Police said 18 people had been injured in the violence in Ohrid on Friday night.\n"
        "Some 30 people were arrested for carrying weapons in the old town.\n"
    )
    [d] = [x for x in run(a, b).disagreements if x.about == "number"]
    assert {v.value for v in d.variants} == {"12", "18"}


def test_sentences_read_once_per_text_give_the_disagreements_of_reading_each(
    monkeypatch,
) -> None:
    """Claims, content words, name scans and quote stems are read once per distinct
    sentence text, what the links ask of a claim once per text and place, quotations
    once per paragraph text and speaker before it: on a cluster whose copies repeat
    sentences word for word, the disagreements (every variant, mention and offset) are
    those of reading every sentence afresh (and every sentence's dates, where only
    aligned sentences' are read), the code this replaced."""
    from synopsis.disagree import facts, names, quotes
    from synopsis.disagree.dates import date_claims

    extra = "The talks on Lake Ohrid will resume on Thursday at 9:30 a.m., officials said.\n"
    texts = [
        SUMMIT_A,
        SUMMIT_B,
        # a copy of A without its quotation: one group, its other sentences repeated
        "".join(SUMMIT_A.splitlines(keepends=True)[i] for i in (0, 1, 3)) + extra,
        extra + SUMMIT_B.splitlines()[0] + "\n" + VOTE_A,
        VOTE_B + SUMMIT_A.splitlines()[1] + "\n",
    ]
    fast = run(*texts)

    def plain(items, read):  # type: ignore[no-untyped-def]
        return [read(t) for t in items]

    def claims_afresh(starts, raws, dated=None):  # type: ignore[no-untyped-def]
        return [
            [*number_claims(r, s, i), *date_claims(r, s, i)]  # every sentence's dates
            for i, (s, r) in enumerate(zip(starts, raws, strict=True))
        ]

    for module in (facts, names, quotes):
        monkeypatch.setattr(module, "once_per_text", plain)
    monkeypatch.setattr(facts, "sentence_claims", claims_afresh)
    # each claim's facts (subject, predicates, window, pair facts) found for it alone
    monkeypatch.setattr(facts, "_place", lambda scored, raws, claim: claim)
    monkeypatch.setattr(facts, "_text_of", lambda raws, i: i)
    monkeypatch.setattr(quotes, "_paragraph_key", lambda text: object())  # each afresh
    slow = run(*texts)
    assert fast.disagreements == slow.disagreements
    assert {d.about for d in fast.disagreements} >= {"number", "name", "quote"}
    assert fast.independent_sources >= 3 and len(fast.copies) < len(texts)


def test_nouns_counted_by_one_group_are_skipped_without_changing_a_disagreement(
    monkeypatch,
) -> None:
    """fact_disagreements reads the contexts of a noun's figures only when two groups
    count it (every link joins two groups), and dates only in aligned sentences (the
    only links dates have): on the sample, the fixtures and clusters mixing one-group
    and two-group counts, the disagreements of reading every noun and every date."""
    from conftest import SAMPLE
    from synopsis.disagree import facts

    sample = [p.read_text("utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    lone = "Rescuers said 14 boats were lost at sea on Monday, with 3 trawlers among them.\n"
    clusters = [
        sample,
        [SUMMIT_A, SUMMIT_B, VOTE_A, VOTE_B],
        [SUMMIT_A + lone, SUMMIT_B, VOTE_A + lone],
        [(CROSS / n).read_text() for n in ("wire.txt", "wire-republished.txt", "independent.txt")],
    ]
    fast = [run(*texts).disagreements for texts in clusters]
    skipped = []
    real = facts._counted_by_two_groups

    def every_noun(by_noun, sent_group):  # type: ignore[no-untyped-def]
        skipped.append(len(by_noun) - len(real(by_noun, sent_group)))
        return by_noun

    monkeypatch.setattr(facts, "_counted_by_two_groups", every_noun)
    assert fast == [run(*texts).disagreements for texts in clusters]
    # and every sentence's dates read, where only the aligned sentences' are
    every_date = facts.sentence_claims
    monkeypatch.setattr(facts, "sentence_claims", lambda st, raws, dated: every_date(st, raws))
    assert fast == [run(*texts).disagreements for texts in clusters]
    assert any(d.about == "date" for ds in fast for d in ds)
    assert sum(skipped) >= 3 and any(fast)  # nouns were skipped; disagreements were found


def test_quotations_are_looked_for_only_when_two_groups_quote(monkeypatch) -> None:
    """A wording pairs two groups' quotations: with one group holding quotation marks,
    find_quotes is never run and nothing is reported; with two, it runs as before."""
    from synopsis.disagree import quotes

    calls = []
    real = quotes.find_quotes
    monkeypatch.setattr(quotes, "find_quotes", lambda scored: calls.append(1) or real(scored))
    unquoted_b = SUMMIT_B.replace('"', "")
    assert not [d for d in run(SUMMIT_A, unquoted_b).disagreements if d.about == "quote"]
    assert not calls
    assert [d for d in run(SUMMIT_A, SUMMIT_B).disagreements if d.about == "quote"]
    assert calls
