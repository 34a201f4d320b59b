"""The background document frequency of story grouping: synopsis.stream.background and
its use by the index and the tracker.

The wordfreq tests read the real word lists of the ``background`` extra; they are
skipped, saying so, only where the extra is not installed. The idf blend itself is tested
with a stand-in background of known probabilities.
"""

from __future__ import annotations

import math
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stream_builders import interleaved
from synopsis.errors import MissingExtraError
from synopsis.stream import background
from synopsis.stream.similarity import (
    Article,
    DocumentFrequencies,
    StoryIndex,
    StoryOptions,
    features,
    tokens,
)
from synopsis.stream.tracker import Tracker, TrackOptions

T0 = datetime(2024, 6, 3, 8, tzinfo=timezone.utc)

needs_extra = pytest.mark.skipif(
    not background.available(),
    reason="the background extra (pip install 'synopsis[background]') is absent",
)


class Known:
    """A background whose document probabilities are given."""

    def __init__(self, documents: float, probabilities: dict[str, float]) -> None:
        self.documents = documents
        self._p = probabilities

    def probability(self, term: str) -> float:
        return self._p.get(term, 0.0)


def test_idf_blends_the_background_with_the_stream_counts():
    known = Known(1000, {"police": 0.5, "ceasefire": 0.001})
    empty = DocumentFrequencies()
    # an empty stream sees every word as equally rare; the background tells them apart
    assert empty.idf("police") == empty.idf("ceasefire")
    assert empty.idf("police", known) < empty.idf("ceasefire", known)
    assert empty.idf("police", known) == pytest.approx(math.log(1001 / 501) + 1.0)
    # once the stream has many more documents than the background, its counts decide:
    # a word rare in English but in half the stream's articles is common, and a word
    # frequent in English but in none of them is rarer
    grown = DocumentFrequencies({"ceasefire": 500_000}, 1_000_000)
    assert grown.idf("police", known) > grown.idf("ceasefire", known)
    assert grown.idf("ceasefire", known) == pytest.approx(grown.idf("ceasefire"), rel=0.01)


def test_first_article_weighs_informative_words_with_a_background():
    article = Article("a", "Police said a ceasefire held in the valley.", T0)
    known = Known(1000, {"police": 0.4, "valley": 0.05, "ceasefire": 0.002})
    plain = features(article, DocumentFrequencies(), StoryOptions()).vector
    weighted = features(article, DocumentFrequencies(), StoryOptions(), None, known).vector
    assert plain["police"] == pytest.approx(plain["ceasefire"])
    assert weighted["police"] < weighted["valley"] < weighted["ceasefire"]


def test_missing_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "wordfreq", None)  # import wordfreq now fails
    assert not background.available()
    with pytest.raises(MissingExtraError, match=r"synopsis\[background\]"):
        StoryIndex(StoryOptions(background_docs=1000))
    StoryIndex(StoryOptions())  # off by default: nothing to import


def test_bad_background_sizes_are_refused():
    if not background.available():
        pytest.skip("the background extra is absent")
    with pytest.raises(ValueError, match="positive"):
        background.Background(0)


@needs_extra
def test_wordfreq_probabilities_order_common_and_rare_words():
    bg = background.Background(1000)
    assert bg.probability("said") > bg.probability("police") > bg.probability("ceasefire")
    assert 0.0 < bg.probability("ceasefire") < 1.0
    assert bg.probability("port authority") == 0.0  # pairs of words have none
    assert bg.probability("zqxjv") == 0.0
    # tokens() strips a final s ("crisis" -> "crisi"): the term counts as its commoner form
    assert tokens("crisis") == ["crisi"] and bg.probability("crisi") > 0.0


@needs_extra
def test_grouping_with_a_background_separates_stories_and_survives_a_restart(tmp_path: Path):
    records = interleaved(per_story=6)
    story = StoryOptions(background_docs=1000)
    options = TrackOptions(story=story, summary_every=100)

    def ids(db: str, part: list[dict]) -> list[str]:
        with Tracker(db, options) as tracker:
            return [tracker.add(r).story_id for r in part]

    straight = ids(str(tmp_path / "a.db"), records)
    half = len(records) // 2
    db = str(tmp_path / "b.db")
    assert ids(db, records[:half]) + ids(db, records[half:]) == straight
    kit_of_story: dict[str, set[str]] = {}
    for record, story_id in zip(records, straight, strict=True):
        kit_of_story.setdefault(story_id, set()).add(record["id"].split("-")[0])
    assert len(kit_of_story) == 4 and all(len(k) == 1 for k in kit_of_story.values())
