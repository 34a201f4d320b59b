"""Training the learned scorer: on what the pipeline scores, written as package data."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.evaluate import read_clusters
from synopsis.score import LEARNED_INPUTS, LearnedModel
from synopsis.score.learned import SUMMARY_WORDS_FILE, WEIGHTS_FILE
from synopsis.score.training import TrainOptions, train

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
