"""Hostile and odd input through the CLI (in-process) and the Python API: one test per
class of problem. No traceback, no silent loss, no destroyed file."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from conftest import SAMPLE
from synopsis.cli import app
from synopsis.errors import InputError, InputTooLargeError
from synopsis.ingest import MAX_CLUSTER_CHARS, MAX_DOCUMENT_CHARS, load

# Made-up articles (no data-set text): two sources on one invented story.
BRIDGE = (
    "The harbour bridge reopened to traffic on Monday after two years of repairs. "
    "Officials said about 40,000 vehicles a day are expected to cross it. "
    "The mayor thanked the engineers who worked through the winter."
)
FERRY = (
    "Commuters returned to the harbour bridge on Monday as it reopened after repairs. "
    "The city expects roughly 40,000 vehicles a day on the bridge. "
    "Ferry operators said they would cut their early services."
)


def invoke(*args: str, stdin: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a failure of this test
    return result.exit_code, result.output


def cluster_line(cluster_id: str, *documents: str) -> str:
    return json.dumps({"id": cluster_id, "documents": list(documents)})


@pytest.mark.parametrize(
    "bad_line",
    [
        '{"id": "bad", "documents": ["Text."], "n": ' + "9" * 5000 + "}",
        '{"id": "bad", "documents": ["Text."], "n": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"id": "bad", "documents": ["half \\udc00 a character"]}',
    ],
    ids=["huge-integer", "deep-nesting", "lone-surrogate"],
)
def test_malformed_jsonl_is_one_line_and_keeps_an_existing_output(
    tmp_path: Path, bad_line: str
) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(cluster_line("good", BRIDGE, FERRY) + "\n" + bad_line + "\n")
    out = tmp_path / "out.json"
    out.write_text("previous results\n")
    code, output = invoke("summarize", str(data), "-o", str(out), "--strict")
    assert code == 2 and "line 2" in output and "Traceback" not in output
    assert out.read_text() == "previous results\n"  # a failed run never empties a file
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failing_cluster_is_skipped_by_id_and_the_others_written(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    chinese = "北京市政府周一宣布新的地铁线路将于明年开通。市民对此表示欢迎。"
    lines = [
        cluster_line("first", BRIDGE, FERRY),
        cluster_line("second", chinese),
        cluster_line("third", FERRY),
    ]
    data.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    code, output = invoke("summarize", str(data), "--format", "json", "-o", str(out))
    assert code == 1
    assert "cluster second: skipped" in output and "Chinese" in output
    assert "1 of 3 clusters failed" in output
    written = [json.loads(line)["cluster_id"] for line in out.read_text().splitlines()]
    assert written == ["first", "third"]


def test_folder_walk_reports_what_it_does_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    (folder / "a.txt").write_text(BRIDGE)
    (folder / "sub" / "b.txt").write_text(FERRY)
    (folder / ".draft.txt").write_text(FERRY)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "elsewhere").symlink_to(folder / "sub")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # root ignores permissions: simulate them
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    loaded = load(str(folder))  # a str is one path, not a sequence of letters
    assert [d.id for d in loaded.clusters[0].documents] == ["a.txt", "b.txt"]
    reasons = {Path(s.source).name: s.reason for s in loaded.skipped}
    assert reasons == {
        ".draft.txt": "hidden, not read",
        "gone.txt": "broken symbolic link",
        "loop.txt": "broken symbolic link",
        "elsewhere": "symbolic link to a folder, not followed",
        "locked": "cannot list this folder (Permission denied)",
    }
    code, output = invoke("summarize", str(folder))
    assert code == 0 and "skipped" in output and "locked" in output


def test_colliding_ids_get_distinct_citations() -> None:
    docs = [synopsis.Document(id="2", text=BRIDGE), FERRY, synopsis.Document(id="2#2", text=FERRY)]
    summary = synopsis.summarize(docs, words=60)
    ids = [d.id for d in summary.documents]
    assert len(set(ids)) == 3 and ids[0] == "2" and ids[2] == "2#2"
    texts = {d.id: d.text for d in summary.documents}
    for s in summary.sentences:  # every citation points at the text it quotes
        assert texts[s.document_id][s.start : s.end] == s.raw


def test_control_characters_are_neutralised_in_text_and_markdown(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "The harbour bridge \x1b[2J\x1b]0;owned\x07reopened on Monday after repairs. "
        "Officials said 40,000 vehicles a day \x9b31m are expected to cross it."
    )
    for fmt in ("text", "md"):
        code, output = invoke("summarize", str(article), "--format", fmt)
        assert code == 0
        assert not any(ch in output for ch in "\x1b\x07\x9b"), fmt
        assert "\u241b" in output  # ESC shown as a symbol, not obeyed


def test_chinese_article_is_refused_by_name_not_dropped_as_furniture(tmp_path: Path) -> None:
    article = tmp_path / "zh.txt"
    article.write_text("北京市政府周一宣布，新的地铁线路将于明年年底开通。市民对此表示欢迎。")
    code, output = invoke("summarize", str(article))
    assert code == 2 and "Chinese" in output and "furniture" not in output
    mixed = synopsis.summarize([BRIDGE, article.read_text()], words=40)
    assert mixed.sentences and any("Chinese" in note for note in mixed.notes)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_decode(tmp_path: Path, encoding: str) -> None:
    text = "Le président a rouvert le pont lundi après deux ans de travaux. " * 3
    path = tmp_path / "fr.txt"
    data = text.encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    (cluster,) = load([path]).clusters
    assert cluster.documents[0].text == text


def test_utf8_with_stray_latin1_bytes_keeps_both() -> None:
    from synopsis.ingest import decode

    data = "Le café a rouvert. ".encode() + "Déjà vu à Paris.".encode("latin-1")
    assert decode(data, "x") == "Le café a rouvert. Déjà vu à Paris."


def test_separator_in_an_article_is_not_multinews(tmp_path: Path) -> None:
    table = tmp_path / "table.txt"
    table.write_text(BRIDGE + "\n\n| a ||||| b |\n\n" + FERRY + "\n")
    (cluster,) = load([table]).clusters
    assert len(cluster.documents) == 1 and cluster.documents[0].text == table.read_text()
    multinews = tmp_path / "mn.txt"
    multinews.write_text(f"{BRIDGE} ||||| {FERRY}\n{FERRY} ||||| {BRIDGE}\n")
    assert len(load([multinews]).clusters) == 2


def test_api_inputs_of_the_wrong_shape(tmp_path: Path) -> None:
    named = synopsis.summarize({"bridge": BRIDGE, "ferry": FERRY}, words=40)
    assert [d.id for d in named.documents] == ["bridge", "ferry"]
    data = tmp_path / "two.jsonl"
    data.write_text(cluster_line("a", BRIDGE) + "\n" + cluster_line("b", FERRY) + "\n")
    with pytest.raises(InputError, match="holds 2 clusters"):
        synopsis.summarize([data])
    with pytest.raises(InputError, match="bytes"):
        synopsis.summarize(BRIDGE.encode())  # type: ignore[arg-type]


def test_oversized_input_is_refused_up_front() -> None:
    with pytest.raises(InputTooLargeError, match="split it into articles"):
        synopsis.summarize(["word " * (MAX_DOCUMENT_CHARS // 5 + 1)])
    many = ["word " * (MAX_DOCUMENT_CHARS // 5 - 1)] * (MAX_CLUSTER_CHARS // MAX_DOCUMENT_CHARS + 1)
    with pytest.raises(InputTooLargeError, match="smaller clusters"):
        synopsis.summarize(many)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not gzip at all", "not a readable gzip file"),
        (b"\x1f\x8b\x08\x00 a gzip header, then no deflate data", "not a readable gzip file"),
        (None, "truncated gzip file"),
    ],
)
def test_corrupt_or_truncated_eval_data(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "data.jsonl.gz"
    if content is None:
        line = json.dumps({"id": "1", "documents": [BRIDGE], "summary": "A bridge reopened."})
        content = gzip.compress((line + "\n").encode() * 50)[:-20]
    path.write_bytes(content)
    code, output = invoke("eval", str(path), "--systems", "lead")
    assert code == 2 and message in output and "Aborted" not in output


def test_sample_still_summarizes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    code, _ = invoke("summarize", str(SAMPLE), "--format", "json", "-o", str(out))
    assert code == 0 and json.loads(out.read_text())["sentences"]


def test_messages_and_other_text_outputs_neutralise_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE)
    (folder / "evil\x1b[2J[red]name.csv").write_text("x")  # a skipped file's name
    (folder / "b.txt").write_text(FERRY + " \x1b]0;owned\x07")
    for args in (["summarize", str(folder)], ["compare", str(folder)], ["clean", str(folder)]):
        code, output = invoke(*args)
        assert code == 0 and "\x1b" not in output and "\x07" not in output, args
    code, output = invoke("summarize", str(folder))
    assert "[red]name.csv" in output  # taken literally, not read as rich markup


def test_stream_and_batch_readers_share_the_json_contract() -> None:
    from synopsis.batch.records import parse_json as batch_parse
    from synopsis.stream.reader import parse_line

    huge = '{"id": "a", "text": "Text.", "n": ' + "9" * 5000 + "}"
    deep = '{"id": "a", "text": "Text.", "n": ' + "[" * 3000 + "]" * 3000 + "}"
    for read in (parse_line, batch_parse):
        with pytest.raises(InputError, match="line 7: n: integer of 5,000 digits"):
            read(huge, "line 7")
        with pytest.raises(InputError, match="line 7: JSON nested more than"):
            read(deep, "line 7")
