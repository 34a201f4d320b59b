"""The evaluation harness: metric wrapper, systems, budget rule, split and reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from synopsis.errors import InputError, MissingExtraError
from synopsis.evaluate import (
    SYSTEMS,
    RougeMetric,
    cut,
    evaluate,
    parse_systems,
    read_clusters,
    split,
    to_dict,
    to_markdown,
)
from synopsis.evaluate.rouge import new_rng, paired_bootstrap_p
from synopsis.evaluate.systems import lead_system
from synopsis.model import Cluster, Document
from synopsis.segment import segment_text

# A small story in three reports, written for these tests.
DOCS = (
    "The city closed the Elm Street bridge on Tuesday after inspectors found cracks in "
    "two steel beams. Engineers said the bridge could not carry traffic safely. About "
    "20,000 cars cross the bridge every day. The mayor said repairs would take at least "
    "six weeks. Buses will be rerouted through the harbor tunnel. Local shops fear a "
    "drop in customers during the closure.",
    "Inspectors found cracked beams in the Elm Street bridge, and the city shut it on "
    "Tuesday. The mayor told reporters that repairs will take six weeks or more. The "
    "bridge was built in 1962 and last renovated in 1998. Commuters were told to use "
    "the harbor tunnel instead. A council member called for an audit of all city bridges.",
    "Traffic backed up across downtown after the sudden closure of the Elm Street bridge. "
    "The city said two beams were cracked. Some drivers waited an hour to reach the "
    "harbor tunnel. The transit agency added extra buses on the tunnel route. Officials "
    "promised daily updates on the repair work.",
)
REFERENCE = (
    "The city closed the Elm Street bridge on Tuesday after inspectors found cracks in two "
    "steel beams. The mayor said repairs would take at least six weeks, and traffic and "
    "buses were sent through the harbor tunnel."
)


def make_cluster(*texts: str, reference: str | None = REFERENCE, cid: str = "c1") -> Cluster:
    docs = tuple(Document(id=str(i), text=t) for i, t in enumerate(texts, start=1))
    return Cluster(id=cid, documents=docs, reference=reference)


def test_rouge_matches_a_hand_computed_pair() -> None:
    # rouge-score lowercases, keeps [a-z0-9] runs and Porter-stems tokens longer than 3:
    #   reference -> polic arrest two men on friday   (6 tokens)
    #   summary   -> two men were arrest by polic     (6 tokens)
    # ROUGE-1 overlap {two, men, arrest, polic} = 4, so P = R = 4/6 and F1 = 2/3.
    # ROUGE-2: 5 bigrams each side, only "two men" shared: P = R = F1 = 1/5.
    scores = RougeMetric().score(
        ["Two men were arrested by police."], "Police arrested two men on Friday."
    )
    assert scores.rouge1.precision == pytest.approx(4 / 6)
    assert scores.rouge1.recall == pytest.approx(4 / 6)
    assert scores.rouge1.fmeasure == pytest.approx(2 / 3)
    assert scores.rouge2.fmeasure == pytest.approx(1 / 5)


def test_rouge_lsum_reads_one_sentence_per_line() -> None:
    metric = RougeMetric()
    reference = "Rain fell all day. The river rose fast."
    # The same sentences in the other order: LCS over the joined text loses one of them,
    # the summary-level LCS (one sentence per line) finds both.
    scores = metric.score(["The river rose fast.", "Rain fell all day."], reference)
    assert scores.rougeLsum.fmeasure == pytest.approx(1.0)
    assert scores.rougeL.fmeasure < 0.9


def test_cut_keeps_the_budget_and_cuts_the_last_sentence() -> None:
    assert cut(["a b c", "d e f g", "h i"], 5) == ["a b c", "d e"]
    assert cut(["a b c", "d e"], 5) == ["a b c", "d e"]
    assert cut(["a b c", "   ", "d"], 3) == ["a b c"]
    assert cut(["a b c"], 10) == ["a b c"]


def test_lead_takes_first_three_sentences_of_each_document_in_turn() -> None:
    a = "A one is here. A two is here. A three is here. A four is here."
    b = "B one is here. B two is here."
    c = "C one is here. C two is here. C three is here. C four is here."
    out = lead_system(make_cluster(a, b, c), 300)
    assert [s.split()[:2] for s in out] == [
        ["A", "one"], ["B", "one"], ["C", "one"],
        ["A", "two"], ["B", "two"], ["C", "two"],
        ["A", "three"], ["C", "three"],
    ]  # fmt: skip
    # Under a budget it stops once the budget is reached; the cut trims the overflow.
    assert cut(lead_system(make_cluster(a, b, c), 10), 10) == [
        "A one is here.", "B one is here.", "C one"
    ]  # fmt: skip


def test_every_system_respects_the_budget_and_the_oracle_is_best() -> None:
    cluster = make_cluster(*DOCS)
    result = evaluate([cluster], words=40)
    assert {s.name for s in result.systems} == set(SYSTEMS)
    assert all(r.words <= 40 for r in result.results)
    oracle = result.system("oracle")
    for other in result.systems:
        assert oracle.rouge1.mean >= other.rouge1.mean, other.name
        assert oracle.rouge2.mean >= other.rouge2.mean, other.name


def test_sumy_docorder_has_the_ranked_sentences_in_document_order() -> None:
    cluster = make_cluster(*DOCS)
    ranked = SYSTEMS["lexrank"](cluster, 60)
    ordered = SYSTEMS["lexrank-docorder"](cluster, 60)
    assert ranked and sorted(ranked) == sorted(ordered)
    pool = [s for doc in DOCS for s in segment_text(doc)]
    assert [pool.index(s) for s in ordered] == sorted(pool.index(s) for s in ordered)


def test_json_report_schema() -> None:
    clusters = [make_cluster(*DOCS, cid="x"), make_cluster(*DOCS[:2], cid="y")]
    result = evaluate(clusters, ["synopsis", "lead"], words=50, data="fixture", split="all")
    data = json.loads(json.dumps(to_dict(result)))
    assert data["schema"] == "synopsis.eval/1"
    assert (data["data"], data["split"], data["words"], data["clusters"]) == (
        "fixture",
        "all",
        50,
        2,
    )
    assert data["memory_cluster"] == "x"
    assert set(data["seeds"]) == {"bootstrap", "split"}
    assert [s["name"] for s in data["systems"]] == ["synopsis", "lead"]
    for system in data["systems"]:
        for metric in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
            agg = system[metric]
            assert set(agg) == {"mean", "low", "high"}
            assert 0 <= agg["low"] <= agg["mean"] <= agg["high"] <= 1
        assert system["clusters_per_second"] > 0
        assert isinstance(system["peak_memory_bytes"], int) and system["peak_memory_bytes"] > 0
    assert data["systems"][0]["p_synopsis_better_r2"] is None
    assert 0 <= data["systems"][1]["p_synopsis_better_r2"] <= 1
    assert len(data["per_cluster"]) == 4
    row = data["per_cluster"][0]
    assert set(row) == {"cluster", "system", "seconds", "words", "readability", "rouge1",
                        "rouge2", "rougeL", "rougeLsum"}  # fmt: skip
    assert row["readability"]["sentences"] >= row["readability"]["flagged"] >= 0
    assert set(row["rouge2"]) == {"precision", "recall", "fmeasure"}
    assert "| synopsis |" in to_markdown(result)


def test_bootstrap_is_seeded_and_paired_p_detects_a_real_gain() -> None:
    better = [0.2 + 0.01 * (i % 5) for i in range(40)]
    worse = [b - 0.02 for b in better]
    assert paired_bootstrap_p(better, worse, new_rng()) == 0.0
    assert paired_bootstrap_p(worse, better, new_rng()) == 1.0
    noisy = [b + (0.05 if i % 2 else -0.05) for i, b in enumerate(better)]
    p1 = paired_bootstrap_p(noisy, better, new_rng())
    assert p1 == paired_bootstrap_p(noisy, better, new_rng())
    assert 0.05 < p1 < 0.95


def test_split_is_deterministic_disjoint_and_order_free() -> None:
    clusters = [make_cluster("Text here.", cid=f"id-{i}") for i in range(21)]
    tune, check = split(clusters, "tune"), split(clusters, "check")
    assert len(tune) == 11 and len(check) == 10
    assert {c.id for c in tune}.isdisjoint({c.id for c in check})
    assert {c.id for c in split(clusters[::-1], "tune")} == {c.id for c in tune}
    assert split(clusters, "all") == clusters
    with pytest.raises(InputError):
        split(clusters, "test")


def test_read_clusters_requires_references(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "documents": ["Some text here."]}) + "\n")
    with pytest.raises(InputError, match="no 'summary'"):
        read_clusters(path)


def test_unknown_system_is_an_input_error() -> None:
    assert parse_systems("lead, synopsis") == ("lead", "synopsis")
    with pytest.raises(InputError, match="unknown system 'bert'"):
        parse_systems("lead,bert")


def test_missing_extra_is_a_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    with pytest.raises(MissingExtraError, match=r"synopsis\[eval\]"):
        RougeMetric()


def test_eval_reports_the_line_of_a_malformed_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "a", "documents": list(DOCS), "summary": REFERENCE})
    path.write_text(
        good + "\n" + good.replace('"a"', '"b"') + "\n" + '{"id": "c", "documents": [\n'
    )
    result = run_cli("eval", str(path))
    assert result.returncode == 2
    assert "line 3" in result.stderr and "invalid JSON" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_command_writes_reports(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    lines = [
        json.dumps({"id": f"c{i}", "documents": list(DOCS[i:] + DOCS[:i]), "summary": REFERENCE})
        for i in range(3)
    ]
    path.write_text("\n".join(lines) + "\n")
    out_json, out_md = tmp_path / "r.json", tmp_path / "r.md"
    result = run_cli("eval", str(path), "--systems", "synopsis,lead", "--words", "60",
                     "--jobs", "2", "--json", str(out_json), "--report", str(out_md))  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out_json.read_text())
    assert data["clusters"] == 3 and data["words"] == 60
    assert [r["cluster"] for r in data["per_cluster"]] == ["c0", "c0", "c1", "c1", "c2", "c2"]
    assert "synopsis" in result.stdout and "lead" in result.stdout
    assert "| lead |" in out_md.read_text()
    bad = run_cli("eval", str(path), "--systems", "nope")
    assert bad.returncode == 2 and "unknown system" in bad.stderr


def test_read_clusters_reads_gzipped_jsonl(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "d.jsonl.gz"
    record = {"id": "g1", "documents": list(DOCS), "summary": REFERENCE}
    path.write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    (cluster,) = read_clusters(path)
    assert cluster.id == "g1" and cluster.reference == REFERENCE and len(cluster.documents) == 3
