"""Story assignment in memory: synopsis.stream.similarity and stream.metrics."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from synopsis.stream.metrics import bcubed, grouping, pairwise
from synopsis.stream.similarity import (
    Article,
    StoryIndex,
    StoryOptions,
    cue_factor,
    cues_disagree,
    days,
    features,
    figures,
    group_articles,
    new_event,
    salient_names,
    story_id_for,
)

T0 = datetime(2024, 3, 1, 9, tzinfo=timezone.utc)

FLOOD = (
    "Heavy rain flooded the river valley near Marlow on {d}. The Marlow council opened "
    "shelters in the school gym and rescue boats pulled residents from roofs. Water "
    "levels at the Thames gauge rose two metres overnight, the council said."
)
STRIKE = (
    "Dock workers at the port of Halden began a strike over wages on {d}. The Halden "
    "union said cranes stood idle and container ships waited offshore while talks with "
    "the port authority stalled over the pay offer."
)


def art(i: str, template: str, days: float, day_word: str = "Tuesday") -> Article:
    return Article(i, template.format(d=day_word), T0 + timedelta(days=days))


def test_two_interleaved_stories_are_separated():
    stream = [
        art("f1", FLOOD, 0), art("s1", STRIKE, 0.1), art("f2", FLOOD, 0.2, "Wednesday"),
        art("s2", STRIKE, 0.3, "Wednesday"), art("f3", FLOOD, 0.5, "Thursday"),
        art("s3", STRIKE, 0.6, "Thursday"),
    ]  # fmt: skip
    ids = group_articles(stream)
    assert ids[0] == ids[2] == ids[4]
    assert ids[1] == ids[3] == ids[5]
    assert ids[0] != ids[1]
    assert ids[0] == story_id_for("f1") and ids[1] == story_id_for("s1")


def test_follow_up_days_later_joins_but_not_after_the_window():
    late = group_articles([art("a", FLOOD, 0), art("b", FLOOD, 3, "Friday")])
    assert late[0] == late[1]
    gone = group_articles([art("a", FLOOD, 0), art("b", FLOOD, 30)], StoryOptions(window_days=14))
    assert gone[0] != gone[1]


def test_time_decay_separates_far_apart_copies():
    options = StoryOptions(window_days=100, decay_days=1.0)
    ids = group_articles([art("a", FLOOD, 0), art("b", FLOOD, 20)], options)
    assert ids[0] != ids[1]


def test_assignment_reports_new_story_and_is_deterministic():
    index = StoryIndex()
    first, _ = index.assign(art("a", FLOOD, 0))
    second, _ = index.assign(art("b", FLOOD, 0.1))
    third, _ = index.assign(art("c", STRIKE, 0.2))
    assert (first.new_story, second.new_story, third.new_story) == (True, False, True)
    assert first.story_id == second.story_id != third.story_id
    again = StoryIndex()
    assert [again.assign(a)[0] for a in (art("a", FLOOD, 0), art("b", FLOOD, 0.1))] == [
        first,
        second,
    ]


def test_restore_rebuilds_the_same_state():
    stream = [art("f1", FLOOD, 0), art("s1", STRIKE, 0.1), art("f2", FLOOD, 0.2)]
    live = StoryIndex()
    kept = [live.assign(a) for a in stream]
    replay = StoryIndex(df=type(live.df)(live.df.counts, live.df.documents))
    for assignment, feats in kept:
        replay.restore(assignment.story_id, feats)
    nxt = art("s2", STRIKE, 0.4, "Friday")
    assert live.assign(nxt)[0] == replay.assign(nxt)[0]


def test_converging_stories_merge_when_asked():
    options = StoryOptions(threshold=1.01, merge_threshold=0.5)
    index = StoryIndex(options)
    a, _ = index.assign(art("a", FLOOD, 0))
    b, _ = index.assign(art("b", FLOOD, 0.1, "Monday"))
    assert b.new_story and b.merged == (a.story_id,)
    assert index.resolve(a.story_id) == b.story_id


def test_candidates_come_from_the_index_not_a_scan():
    index = StoryIndex()
    index.assign(art("f1", FLOOD, 0))
    index.assign(Article("z", "Quokka marsupial zoology lecture.", T0))
    feats = index.assign(art("f2", FLOOD, 0.1))[1]
    candidates = {s for _, s in index._ranked(feats)}
    assert story_id_for("f1") in candidates
    assert story_id_for("z") not in candidates  # no shared term: never scored


def test_bcubed_and_pairwise_by_hand():
    gold = ["a", "a", "a", "b", "b"]
    perfect = bcubed(["x", "x", "x", "y", "y"], gold)
    assert perfect.f1 == pytest.approx(1.0)
    lumped = bcubed(["x"] * 5, gold)
    assert lumped.recall == pytest.approx(1.0)
    assert lumped.precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
    split = pairwise(["x", "x", "y", "z", "z"], gold)
    assert split.precision == pytest.approx(1.0)
    assert split.recall == pytest.approx(2 / 4)
    g = grouping(["x"] * 5, gold)
    assert (g.largest_predicted, g.largest_gold, g.predicted_stories) == (5, 3, 1)
    with pytest.raises(ValueError):
        bcubed(["x"], gold)


# Two events of one kind: the same flood wording, different towns, rivers and mayors.
FLOOD_A = (
    "Heavy rain flooded the river valley near {town} on {d}. The {town} council opened "
    "shelters in the school gym while rescue boats pulled residents from roofs, and the "
    "{river} gauge rose two metres overnight, {who} said."
)
FLOOD_B = (
    "Rescue crews in {town} pulled residents from flooded homes on {d} after heavy rain. "
    "{who} said the {river} burst its banks and the {town} council opened shelters in a "
    "school, with water still rising overnight."
)


def twin_stream() -> list[Article]:
    def one(i, template, town, river, who, days, d):
        text = template.format(town=town, river=river, who=who, d=d)
        return Article(i, text, T0 + timedelta(days=days), title=f"Floods hit {town}")

    return [
        one("a1", FLOOD_A, "Marlow", "Thames", "Mayor Alice Dunn", 0, "Tuesday"),
        one("b1", FLOOD_B, "Kessing", "Severn", "Mayor Omar Pell", 0.2, "Wednesday"),
        one("a2", FLOOD_B, "Marlow", "Thames", "Mayor Alice Dunn", 0.4, "Wednesday"),
        one("b2", FLOOD_A, "Kessing", "Severn", "Mayor Omar Pell", 0.6, "Thursday"),
    ]


def test_salient_names_are_those_in_the_title_or_repeated():
    text = "Storms hit Marlow on Monday. Later the Marlow council met Alice Dunn."
    assert salient_names(text, "Storm in Marlow") == {"marlow"}
    assert salient_names(text, "Alice Dunn speaks") == {"marlow", "alice", "dunn"}
    assert salient_names(text.lower(), "storm in marlow") == frozenset()


def test_twin_events_are_kept_apart_by_their_names():
    stream = twin_stream()
    ids = group_articles(stream)
    assert ids[0] == ids[2] and ids[1] == ids[3] and ids[0] != ids[1]
    # without the guard the shared wording merges the twins into one story
    merged = group_articles(stream, StoryOptions(novelty_weight=0.0))
    assert len(set(merged)) == 1


def test_text_without_names_is_not_penalised():
    lowered = [
        Article(a.id, a.text.lower(), a.published, title=(a.title or "").lower())
        for a in twin_stream()
    ]
    assert group_articles(lowered) == group_articles(lowered, StoryOptions(novelty_weight=0))


def test_margin_rule_joins_a_story_that_stands_out_below_the_threshold():
    stream = [twin_stream()[0], twin_stream()[2]]  # one event, two wordings (score ≈ 0.8)
    strict = StoryOptions(threshold=0.95)
    assert len(set(group_articles(stream, strict))) == 2
    margin = StoryOptions(threshold=0.95, margin=0.05, margin_floor=0.5)
    assert len(set(group_articles(stream, margin))) == 1
    too_high_floor = StoryOptions(threshold=0.95, margin=0.05, margin_floor=0.9)
    assert len(set(group_articles(stream, too_high_floor))) == 2


def test_figures_and_days_are_the_specific_numbers_and_dates_named():
    text = "A 6.1 quake hit at 3:15 on Wednesday, Dec. 15, 2009: 1,200 hurt, 5 missing, may 3."
    assert figures(text) == {"6.1", "3:15", "1200", "15"}  # the year and "5" left out
    assert days(text) == {"wednesday", "12-15"}  # lowercased "may 3" is read as the verb
    assert days("sunday night and May 4") == {"sunday", "5-4"}


def test_event_cues_raise_a_shared_figure_and_lower_a_story_giving_others():
    quake = "A strong earthquake of magnitude {m} shook the coast of Velmora, {n} homes fell."
    first = Article("q1", quake.format(m="6.1", n="240"), T0)
    same = Article("q2", quake.format(m="6.1", n="250"), T0 + timedelta(hours=5))
    twin = Article("q3", quake.format(m="4.7", n="30"), T0 + timedelta(hours=5))
    options = StoryOptions(number_weight=0.3)
    for follow_up, factor in ((same, 1.3), (twin, 0.7)):
        index = StoryIndex(options)
        index.assign(first)
        feats = features(follow_up, index.df, options)
        assert cue_factor(feats, next(iter(index.stories.values())), options) == pytest.approx(
            factor
        )
    assert cue_factor(feats, next(iter(index.stories.values())), StoryOptions()) == 1.0


QUAKE = (
    "A strong earthquake of magnitude {m} shook the coast on {d}, the geological survey "
    "said. Rescue teams searched collapsed homes and the coastal towns counted {n} injured "
    "while aftershocks rattled the region through the night."
)


def test_new_event_test_starts_a_twin_that_shares_only_topic_words_and_keeps_a_follow_up():
    first = Article("q1", QUAKE.format(m="6.1", d="Tuesday", n="240"), T0)
    same = Article("q2", QUAKE.format(m="6.1", d="Tuesday", n="250"), T0 + timedelta(hours=5))
    twin = Article(
        "q3",
        QUAKE.format(m="4.7", d="Sunday", n="30")
        + " Fishermen reported damaged piers and broken moorings.",
        T0 + timedelta(days=2),
    )
    off = StoryOptions()
    on = StoryOptions(event_novelty=0.3)
    assert group_articles([first, same, twin], off) == [story_id_for("q1")] * 3
    assert group_articles([first, same, twin], on) == [story_id_for("q1")] * 2 + [
        story_id_for("q3")
    ]
    # only the twin is split (new words and other figures and days); without the cue test
    # novelty alone splits it too; a story smaller than event_min_size is never tested
    assert group_articles([first, same, twin], replace(on, event_cues=False))[2] != (
        story_id_for("q1")
    )
    assert group_articles([first, same, twin], replace(on, event_min_size=3)) == (
        [story_id_for("q1")] * 3
    )


def test_new_event_needs_disagreeing_cues_when_event_cues_is_on():
    index = StoryIndex(StoryOptions(event_novelty=0.01))
    index.assign(Article("q1", QUAKE.format(m="6.1", d="Tuesday", n="240"), T0))
    story = next(iter(index.stories.values()))
    options = index.options
    extra = " Fishermen reported damaged piers and broken moorings."
    agrees = features(Article("q2", QUAKE.format(m="6.1", d="Sunday", n="30") + extra, T0),
                      index.df, options)  # fmt: skip
    differs = features(Article("q3", QUAKE.format(m="4.7", d="Sunday", n="30") + extra, T0),
                       index.df, options)  # fmt: skip
    assert not cues_disagree(agrees, story) and cues_disagree(differs, story)
    assert not new_event(agrees, story, options) and new_event(differs, story, options)
    assert not new_event(differs, story, StoryOptions())  # off by default


# Loose options (no name features, a threshold anything passes) under which the second
# flood's first article joins the first flood's story: the mixed story of a twin event.
LOOSE = StoryOptions(threshold=0.01, novelty_weight=0, entity_weight=0, split_ratio=0)


def _articles(records: list[dict]) -> list[Article]:
    return [
        Article(r["id"], r["text"], datetime.fromisoformat(r["published"].replace("Z", "+00:00")),
                r["title"])
        for r in records
    ]  # fmt: skip


def test_a_story_mixing_two_events_is_split_in_two():
    from stream_builders import twin_floods

    stream = _articles(twin_floods())
    towns = [a.id.split("-")[0] for a in stream]
    assert len(set(group_articles(stream, LOOSE))) == 1  # without splitting: one story
    index, splits = StoryIndex(replace(LOOSE, split_ratio=0.55)), []
    for a in stream:
        assignment = index.assign(a)[0]
        if assignment.split:
            splits.append(assignment.split)
    [split] = splits
    assert split.story_id == story_id_for("marlow-0")
    assert split.new_id == story_id_for("keswick-0")  # named after its own first article
    assert {m.split("-")[0] for m in split.moved} == {"keswick"}
    ids = group_articles(stream, replace(LOOSE, split_ratio=0.55))
    assert [i == story_id_for("marlow-0") for i in ids] == [t == "marlow" for t in towns]
    assert [i == story_id_for("keswick-0") for i in ids] == [t == "keswick" for t in towns]


def test_one_event_is_not_split_and_small_stories_are_left_alone():
    from stream_builders import twin_floods

    one_event = [a for a in _articles(twin_floods(rounds=14, seed=9)) if a.id[0] == "m"]
    terms_only = replace(LOOSE, split_ratio=0.55, split_name_weight=0.0)
    assert len(set(group_articles(one_event, terms_only))) == 1
    mixed = _articles(twin_floods())
    # parts must hold split_min_part articles, stories split_min_size, at most max size
    for never in ({"split_min_part": 8}, {"split_min_size": 15}, {"split_max_size": 5}):
        options = replace(LOOSE, split_ratio=0.55, **never)
        assert len(set(group_articles(mixed, options))) == 1


def test_names_let_a_split_separate_twins_the_terms_alone_keep_together():
    from stream_builders import twin_floods

    stream = _articles(twin_floods())
    towns = [a.id.split("-")[0] for a in stream]
    # the two floods' words are too close for a split this strict on terms alone
    strict = replace(LOOSE, split_ratio=0.3, split_name_weight=0.0)
    assert len(set(group_articles(stream, strict))) == 1
    ids = group_articles(stream, replace(strict, split_name_weight=1.0))
    assert [i == story_id_for("marlow-0") for i in ids] == [t == "marlow" for t in towns]
    assert [i == story_id_for("keswick-0") for i in ids] == [t == "keswick" for t in towns]
    one_event = [a for a in _articles(twin_floods(rounds=14, seed=9)) if a.id[0] == "m"]
    for ratio in (0.3, 0.5):  # one flood, told with other names in each article, stays one
        options = replace(LOOSE, split_ratio=ratio, split_name_weight=1.0)
        assert len(set(group_articles(one_event, options))) == 1


def test_split_vector_joins_names_at_their_weight_and_leaves_nameless_text_alone():
    from synopsis.stream.similarity import DocumentFrequencies, _split_vector

    df = DocumentFrequencies()
    named = features(art("a", FLOOD, 0), df, StoryOptions())
    assert named.entities and _split_vector(named, 0.0) is named.vector
    joined = _split_vector(named, 1.0)
    names_part = sum(w * w for k, w in joined.items() if k.startswith("@"))
    assert names_part == pytest.approx(0.5)  # names and terms weigh the same at 1.0
    assert {k[1:] for k in joined if k.startswith("@")} == set(named.entities)
    assert sum(w * w for w in joined.values()) == pytest.approx(1.0)
    lowered = features(Article("b", FLOOD.format(d="tuesday").lower(), T0), df, StoryOptions())
    assert not lowered.entities and _split_vector(lowered, 1.0) is lowered.vector


def test_restore_after_a_split_rebuilds_the_same_state():
    from stream_builders import twin_floods

    options = replace(LOOSE, split_ratio=0.55)
    stream = _articles(twin_floods())
    live, kept = StoryIndex(options), []
    for a in stream[:-1]:
        assignment, feats = live.assign(a)
        kept.append([a.id, assignment.story_id, feats])
        if assignment.split:  # what the store does: the moved articles change story
            for row in kept:
                if row[0] in assignment.split.moved:
                    row[1] = assignment.split.new_id
    replay = StoryIndex(options, type(live.df)(live.df.counts, live.df.documents))
    for article_id, story_id, feats in kept:
        replay.restore(story_id, feats, article_id)
    assert replay.stories.keys() == live.stories.keys()
    for sid, story in live.stories.items():
        assert replay.stories[sid].centroid == story.centroid
        assert [m for m, _ in replay.stories[sid].members] == [m for m, _ in story.members]
    assert live.assign(stream[-1])[0] == replay.assign(stream[-1])[0]
