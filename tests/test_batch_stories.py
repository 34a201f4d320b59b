"""group_stories and 'synopsis batch stories' on the local engine."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_corpus import STORIES, THIRD, write_articles
from synopsis.batch.records import Item
from synopsis.batch.stories import group_stories, read_articles, to_article
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.stream.similarity import Article, story_id_for


def partition(ids, labels) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, label in zip(ids, labels, strict=True):
        groups.setdefault(label, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


def truth(gold: dict[str, str]) -> set[frozenset[str]]:
    return partition(list(gold), list(gold.values()))


def test_interleaved_stories_are_told_apart_and_the_one_off_stands_alone(tmp_path: Path):
    gold = write_articles(tmp_path / "articles.jsonl")
    articles, skipped = read_articles(str(tmp_path / "articles.jsonl"))
    assert not skipped
    found = group_stories(articles)
    assert partition(found.article_ids, found.labels) == truth(gold)
    assert found.candidate_pairs < found.all_pairs  # LSH did not propose every pair
    # a story is named as stream mode names it: after its earliest article
    assert found.labels[found.article_ids.index("bridge-2")] == story_id_for("bridge-0")


def test_articles_further_apart_than_the_window_are_not_one_story():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    text = STORIES["bridge"][0]
    near = [Article("a", text, start), Article("b", THIRD["bridge"], start + timedelta(days=2))]
    far = [near[0], Article("b", THIRD["bridge"], start + timedelta(days=30))]
    assert len(set(group_stories(near).labels)) == 1
    assert len(set(group_stories(far).labels)) == 2


def test_the_similarity_is_a_parameter():
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    articles = [Article("a", STORIES["bridge"][0], start), Article("b", THIRD["bridge"], start)]
    found = group_stories(articles, score=lambda a, b, options: 0.0)
    assert len(set(found.labels)) == 2 and found.confirmed_pairs == 0


def test_bad_rows_are_reported_with_their_line():
    with pytest.raises(InputError, match="line 3: 'text' must be"):
        to_article(Item(3, "jsonl", b'{"id": "x", "text": 5}', "in.jsonl"))
    with pytest.raises(InputError, match="not an ISO 8601 date"):
        to_article(Item(1, "jsonl", '{"id": "x", "text": "t", "published": "soon"}', "in"))
    with pytest.raises(InputError, match="ids must be unique"):
        start = datetime(2024, 1, 1, tzinfo=timezone.utc)
        group_stories([Article("a", "one text", start), Article("a", "two text", start)])


def test_stories_command_writes_stories_and_their_summaries(tmp_path: Path):
    source = tmp_path / "articles.jsonl"
    gold = write_articles(source)
    with source.open("a") as f:
        f.write('{"id": "broken"}\n')
    out, summaries = tmp_path / "stories.jsonl", tmp_path / "summaries.jsonl"
    result = CliRunner().invoke(
        app, ["batch", "stories", str(source), "-o", str(out), "--summaries", str(summaries),
              "-w", "50", "-j", "1"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # the rest written, one line lost
    assert "jsonl, line 11:" in result.output and "10 articles in 4 stories" in result.output
    assert "1 unreadable input line skipped" in result.stderr
    stories = [json.loads(line) for line in out.read_text().splitlines()]
    assert {frozenset(s["articles"]) for s in stories} == truth(gold)
    records = [json.loads(line) for line in summaries.read_text().splitlines()]
    assert sorted(r["cluster_id"] for r in records) == sorted(
        s["story_id"] for s in stories if len(s["articles"]) > 1
    )
    assert all(r["error"] is None and r["words"] <= 50 for r in records)
