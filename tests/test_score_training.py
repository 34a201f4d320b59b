"""Training the learned scorer: on what the pipeline scores, written as package data."""

from __future__ import annotations

import dataclasses
import json
import math
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, make_clean
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.evaluate import read_clusters
from synopsis.model import SegmentedDocument
from synopsis.options import SelectOptions
from synopsis.score import LEARNED_INPUTS, LearnedModel
from synopsis.score.learned import SUMMARY_WORDS_FILE, WEIGHTS_FILE
from synopsis.score.training import TrainOptions, candidate_units, selectable, train
from synopsis.segment import segment

TINY = FIXTURES / "train" / "tiny.jsonl"  # five made-up stories, three articles each


def test_training_on_a_tiny_set_gives_finite_weights_and_a_table_from_the_rest() -> None:
    clusters = read_clusters(TINY)
    trained = train(clusters, TrainOptions(fit_clusters=3, min_clusters=1), source="tiny")
    model = trained.model
    assert len(model.weights) == len(LEARNED_INPUTS)
    assert all(math.isfinite(w) for w in model.weights)
    assert trained.fit_clusters == 3 and trained.table_clusters == 2
    assert trained.sentences > len(LEARNED_INPUTS)
    # The word table is counted on the clusters after the first three only: the strike
    # and fire stories, not the bridge story the weights were fitted on.
    assert "rail" in model.words and "hectares" in model.words
    assert "bridge" not in model.words
    # A word the strike summary uses is likelier than one it leaves out.
    assert model.words["strike"] > model.words["tuesday"]
    # Deterministic: the same data gives the same model.
    again = train(clusters, TrainOptions(fit_clusters=3, min_clusters=1), source="tiny")
    assert again.model == model


def test_a_saved_model_loads_back(tmp_path: Path) -> None:
    model = train(read_clusters(TINY), TrainOptions(fit_clusters=3, min_clusters=1)).model
    model.save(tmp_path)
    loaded = LearnedModel.load(tmp_path)
    assert loaded.words == model.words and loaded.unknown == model.unknown
    assert loaded.weights == pytest.approx(model.weights, abs=1e-6)


def test_the_shipped_model_is_what_training_writes() -> None:
    shipped = LearnedModel.load()
    meta = json.loads(resources.files("synopsis.score").joinpath(WEIGHTS_FILE).read_text())
    assert meta["inputs"] == list(LEARNED_INPUTS)
    assert shipped.weights == tuple(meta["weights"])
    assert shipped.about["fitted_by"] == "synopsis train"
    assert len(shipped.words) > 1000


def test_a_broken_model_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read a learned model"):
        LearnedModel.load(tmp_path)
    (tmp_path / WEIGHTS_FILE).write_text(json.dumps({"inputs": ["bias"], "weights": [1.0]}))
    (tmp_path / SUMMARY_WORDS_FILE).write_text("<unknown>\t-1.0\n")
    with pytest.raises(InputError, match="inputs are not"):
        LearnedModel.load(tmp_path)


def test_train_command_writes_a_loadable_model(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["train", str(TINY), "--fit-clusters", "3", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert len(LearnedModel.load(tmp_path).weights) == len(LEARNED_INPUTS)


def test_train_command_refuses_too_few_clusters(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", str(TINY), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "training needs more than fit_clusters" in result.output
    assert "Traceback" not in result.output


def _made_up_article() -> list[SegmentedDocument]:
    text = (
        "Flood waters closed the main highway into the city on Tuesday, officials said. "
        '"We have never seen anything like it in all our years here." '
        "In a separate incident, a man was injured in a house fire across town that night. "
        "The city council will meet on Friday to discuss the cost of repairs to the road."
    )
    return [segment(make_clean(text, "d0"), 0)]


def test_rows_are_the_candidates_selection_can_take() -> None:
    # A speakerless quotation and a sidebar line are never selected, so they are not
    # rows of the fit; the two reporting sentences are.
    docs = _made_up_article()
    assert selectable(docs, SelectOptions()) == [True, False, False, True]
    # Without the readability rules every sentence within the word limits is a row.
    loose = SelectOptions(dependencies=False, on_topic=False)
    assert selectable(docs, loose) == [True, True, True, True]


def test_selectable_is_the_rule_select_ranks_candidates_by(sample_files: list[Path]) -> None:
    # Same verdict as select's own units on a real cluster (the bundled sample).
    from synopsis.dependencies import announces
    from synopsis.ingest import load
    from synopsis.options import Options
    from synopsis.score import score
    from synopsis.score.training import prepare
    from synopsis.select.units import _Units

    cluster = load(sample_files).clusters[0]
    prepared = prepare(cluster, Options())
    scored = score(prepared.documents, groups=prepared.groups)
    units = _Units(scored, True, True)
    limits = SelectOptions()
    expected = [
        limits.min_words <= s.words <= limits.max_words
        and units.stands(g)
        and not announces(s.text)
        and units.of(g) is not None
        for g, s in enumerate(scored.sentences)
    ]
    got = selectable(prepared.documents, limits)
    assert got == expected
    assert 0 < sum(got) < len(got)  # the rule keeps some sentences out, not all


def test_a_candidates_unit_spans_the_sentences_it_is_taken_with() -> None:
    # A sentence opening with a connective comes with the sentence before it; the unit is
    # in the cluster's sentence indices (the second document starts at index 1).
    docs = [
        segment(
            make_clean("A storm brought heavy rain to the coast on Monday, forecasters said.", "a"),
            0,
        ),
        segment(
            make_clean(
                "Flood waters closed the main highway into the city on Tuesday, officials said. "
                "The city council will meet on Friday to discuss the cost of repairs to the road. "
                "But the council has not yet approved any money for the work on the bridge.",
                "b",
            ),
            1,
        ),
    ]
    assert candidate_units(docs, SelectOptions()) == [(0, 0), (1, 1), (2, 2), (2, 3)]


def test_fitting_on_candidates_only_drops_the_rows_selection_never_ranks() -> None:
    # Each story's first article gains a speakerless quotation and a sidebar line: rows
    # of the default fit, never candidates of selection.
    extra = (
        ' "We have never seen anything like it in all our years here."'
        " In a separate incident, a man was injured in a house fire across town that night."
    )
    clusters = [
        dataclasses.replace(
            c,
            documents=(
                dataclasses.replace(c.documents[0], text=c.documents[0].text + extra),
                *c.documents[1:],
            ),
        )
        for c in read_clusters(TINY)
    ]
    base = TrainOptions(fit_clusters=3, min_clusters=1)
    every = train(clusters, base)
    candidates = train(clusters, dataclasses.replace(base, selectable_only=True))
    units = train(clusters, dataclasses.replace(base, selectable_only=True, unit_target=True))
    assert every.model.about["rows"] == "all within word limits"
    assert candidates.model.about["rows"] == "selectable candidates"
    assert units.sentences == candidates.sentences == every.sentences - 2 * 3
    assert all(math.isfinite(w) for w in units.model.weights)
