"""Grouping with sentence embeddings: synopsis.stream.embed and its use by the tracker.

The embedding tests run the real all-MiniLM-L6-v2 model of the ``embed`` extra (no mock);
they are skipped, saying so, only where the extra is not installed.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from synopsis.errors import InputError, MissingExtraError
from synopsis.stream import embed
from synopsis.stream.embed import EmbedOptions, opening
from synopsis.stream.similarity import Article, StoryOptions, group_articles
from synopsis.stream.tracker import Tracker, TrackOptions

T0 = datetime(2024, 6, 3, 8, tzinfo=timezone.utc)

needs_extra = pytest.mark.skipif(
    not embed.available(), reason="the embed extra (pip install 'synopsis[embed]') is absent"
)

# One story told by three outlets in different words, and two unrelated stories.
STORY = [
    "A gunman opened fire inside a shopping mall on Tuesday, killing three customers before "
    "officers arrested him.",
    "Attacker shoots dead three shoppers at suburban mall; suspect detained by police.",
    "Bullets hit a crowded mall and the shooter is now in custody after three people died.",
]
OTHER = [
    "The central bank raised its main interest rate by a quarter point to curb inflation, "
    "its governor told reporters.",
    "A new species of frog with bright blue legs was described by biologists working in "
    "the cloud forests of the Andes.",
]


def stream() -> list[Article]:
    texts = [STORY[0], OTHER[0], STORY[1], OTHER[1], STORY[2]]
    return [Article(f"a{i}", t, T0 + timedelta(hours=3 * i)) for i, t in enumerate(texts)]


def test_opening_is_the_title_and_first_sentences_truncated():
    article = Article("x", "One two three. Four five six! Seven eight. Nine.", T0, "Head")
    assert opening(article, EmbedOptions(sentences=2)) == "Head. One two three. Four five six!"
    assert opening(article, EmbedOptions(sentences=3, words=4)) == "Head. One two three."
    assert opening(Article("y", "Only text.", T0), EmbedOptions()) == "Only text."


def test_asking_for_embeddings_without_the_extra_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "_EXTRA", (*embed._EXTRA, "synopsis_no_such_module"))
    with pytest.raises(MissingExtraError, match=r"pip install 'synopsis\[embed\]'"):
        Tracker(tmp_path / "s.db", TrackOptions(embed=True))
    assert not (tmp_path / "s.db").exists()  # refused before anything was written


def test_import_synopsis_does_not_import_torch():
    code = "import sys, synopsis, synopsis.stream.tracker; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


@needs_extra
def test_embeddings_are_unit_vectors_and_paraphrases_are_close():
    vectors = embed.Embedder().encode(stream())
    assert len(vectors) == 5 and all(len(v) == 384 for v in vectors)
    assert all(abs(sum(x * x for x in v) - 1) < 1e-4 for v in vectors)

    def cos(i: int, j: int) -> float:
        return sum(a * b for a, b in zip(vectors[i], vectors[j], strict=True))

    assert min(cos(0, 2), cos(0, 4), cos(2, 4)) > max(cos(0, 1), cos(0, 3), cos(2, 3)) + 0.2


@needs_extra
def test_paraphrases_split_by_tfidf_are_grouped_with_embeddings():
    articles = stream()
    plain = group_articles(articles)
    assert len({plain[0], plain[2], plain[4]}) > 1  # few shared words: TF-IDF splits them
    vectors = embed.Embedder().encode(articles)
    ids = group_articles(articles, StoryOptions.with_embeddings(), vectors)
    assert ids[0] == ids[2] == ids[4]
    assert len({ids[0], ids[1], ids[3]}) == 3


@needs_extra
def test_tracker_with_embeddings_survives_a_restart_and_keeps_its_mode(tmp_path: Path):
    options = TrackOptions(story=StoryOptions.with_embeddings(), embed=True, summary_every=100)
    articles = stream()
    with Tracker(tmp_path / "once.db", options) as tracker:
        once = [a.story_id for a in tracker.add_many(articles)]
    with Tracker(tmp_path / "twice.db", options) as tracker:
        first = [a.story_id for a in tracker.add_many(articles[:3])]
    with Tracker(tmp_path / "twice.db", options) as tracker:  # restored from the database
        second = [a.story_id for a in tracker.add_many(articles[3:])]
    assert first + second == once
    assert once[0] == once[2] == once[4]
    with Tracker(tmp_path / "twice.db") as tracker, pytest.raises(InputError, match="--embed"):
        tracker.add(Article("late", OTHER[0], T0 + timedelta(days=1)))
