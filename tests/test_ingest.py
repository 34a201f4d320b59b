from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE
from synopsis import ingest
from synopsis.errors import InputError
from synopsis.ingest import (
    MAX_JSON_DEPTH,
    MAX_JSON_INT_DIGITS,
    decode,
    documents_from_objects,
    load,
    parse_json,
)


def test_folder_reads_supported_files_sorted_and_skips_readme() -> None:
    loaded = load([SAMPLE])
    (cluster,) = loaded.clusters
    assert [d.id for d in cluster.documents] == sorted(p.name for p in SAMPLE.glob("*.txt"))
    assert any("README" in s.source for s in loaded.skipped)
    for doc in cluster.documents:
        assert doc.text == (SAMPLE / doc.id).read_text(encoding="utf-8")
        assert doc.path == str(SAMPLE / doc.id)


def test_html_main_text_and_title() -> None:
    (cluster,) = load([FIXTURES / "article.html"]).clusters
    (doc,) = cluster.documents
    assert doc.title and "Harbour bridge reopens" in doc.title
    assert "40,000 vehicles a day" in doc.text
    assert "All rights reserved" not in doc.text
    assert "Sport" not in doc.text


def test_jsonl_one_cluster_per_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        {"id": "a", "documents": ["One text here.", "Two text here."], "summary": "Ref."},
        {"id": "b", "documents": ["Only text."]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    clusters = load([path]).clusters
    assert [c.id for c in clusters] == ["a", "b"]
    assert clusters[0].reference == "Ref."
    assert [d.text for d in clusters[0].documents] == ["One text here.", "Two text here."]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: invalid JSON"),
        ('{"documents": "text"}', "line 2: 'documents' must be a list of strings"),
        ("[1, 2]", "line 2: expected a JSON object"),
    ],
)
def test_invalid_jsonl_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "documents": ["ok text"]}\n' + line + "\n")
    with pytest.raises(InputError, match=message):
        load([path])


def test_multinews_lines_split_on_separator(tmp_path: Path) -> None:
    path = tmp_path / "mn.txt"
    path.write_text("First article. ||||| Second article.\nThird article.|||||Fourth.\n")
    clusters = load([path]).clusters
    assert len(clusters) == 2
    assert [d.text for d in clusters[0].documents] == ["First article.", "Second article."]


def test_stdin_text_and_multinews() -> None:
    (cluster,) = load(["-"], stdin=io.BytesIO(b"Plain text from a pipe.")).clusters
    assert cluster.documents[0].text == "Plain text from a pipe."
    clusters = load(["-"], stdin=io.BytesIO(b"A one.|||||A two.\nB one.|||||B two.")).clusters
    assert len(clusters) == 2


def test_bom_crlf_and_legacy_encoding() -> None:
    assert decode("\ufeffLine one.\r\nLine two.".encode(), "x") == "Line one.\nLine two."
    text = (
        "Le café de la gare a rouvert ses portes mardi après trois mois de travaux. "
        "Les habitués étaient ravis : « C'est une très bonne nouvelle », a déclaré un élève."
    )
    assert decode(text.encode("cp1252"), "x") == text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\t \n", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("data.csv", b"a,b\n1,2\n", "unsupported file type '.csv'"),
    ],
)
def test_bad_single_input_raises(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load([path])


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="no supported files"):
        load([tmp_path])


def test_bad_input_among_several_is_skipped_and_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    loaded = load([empty, SAMPLE / "reuters.txt", tmp_path / "missing.txt"])
    assert [d.id for d in loaded.clusters[0].documents] == ["reuters.txt"]
    assert {s.source for s in loaded.skipped} == {str(empty), str(tmp_path / "missing.txt")}


def test_duplicate_file_names_get_unique_ids(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Text from folder {sub}.")
    ids = [d.id for d in load([tmp_path / "a", tmp_path / "b"]).clusters[0].documents]
    assert len(set(ids)) == 2


def test_api_objects_reject_wrong_types() -> None:
    with pytest.raises(InputError, match=r"expected str, pathlib\.Path or Document, got int"):
        documents_from_objects(["text", 3])


def _jsonl(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_text('{"id": "ok", "documents": ["A fine article."]}\n' + line + "\n")
    return path


def test_huge_json_integer_is_refused_naming_line_and_field(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, '{"id": ' + "9" * 5000 + ', "documents": ["Text."]}')
    with pytest.raises(InputError, match=r"line 2: id: integer of 5,000 digits"):
        load([path])
    assert parse_json('{"n": ' + "1" * MAX_JSON_INT_DIGITS + "}", "x")["n"] > 0
    with pytest.raises(InputError, match=r"x: n\[0\]: number '1e999' is out of range"):
        parse_json('{"n": [1e999]}', "x")


def test_deep_json_nesting_is_refused_before_parsing(tmp_path: Path) -> None:
    deep = "[" * 3000 + "]" * 3000
    path = _jsonl(tmp_path, '{"documents": ["Text."], "x": ' + deep + "}")
    with pytest.raises(InputError, match=f"line 2: JSON nested more than {MAX_JSON_DEPTH}"):
        load([path])
    # brackets inside strings are text, not nesting
    assert parse_json(json.dumps({"documents": ["[" * 3000]}), "x") == {"documents": ["[" * 3000]}


def test_lone_surrogate_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, '{"documents": ["fine", "half \\ud800 a character"]}')
    with pytest.raises(InputError, match=r"line 2: documents\[1\]: escapes a lone surrogate"):
        load([path])
    # a correctly escaped pair is one real character
    assert parse_json('["\\ud83d\\ude00"]', "x") == ["\U0001f600"]


def test_gzipped_files_are_read_like_their_inner_type(tmp_path: Path) -> None:
    import gzip

    record = {"id": "c1", "documents": ["The council met on Monday.", "It voted to close."]}
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode()))
    one = {"id": "solo", "documents": ["The council met on Monday."]}
    (tmp_path / "one.jsonl.gz").write_bytes(gzip.compress(json.dumps(one).encode()))
    assert [c.id for c in load([tmp_path / "one.jsonl.gz"]).clusters] == ["solo"]
    loaded = load([tmp_path / "c.jsonl.gz"])
    assert [c.id for c in loaded.clusters] == ["c1"]
    assert loaded.clusters[0].documents[1].text == "It voted to close."
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt.gz").write_bytes(gzip.compress(b"The mayor spoke on Tuesday."))
    (folder / "b.txt").write_text("The mayor left on Wednesday.")
    (cluster,) = load([folder]).clusters
    assert [d.text for d in cluster.documents] == [
        "The mayor spoke on Tuesday.",
        "The mayor left on Wednesday.",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"not gzip at all", "not a readable gzip file"), (b"\x1f\x8b\x08\x00", "truncated gzip")],
)
def test_a_broken_gzip_file_is_one_clear_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load([path])


def test_a_gzip_bomb_is_refused_before_it_fills_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    import synopsis.ingest as ingest
    from synopsis.errors import InputTooLargeError

    monkeypatch.setattr(ingest, "MAX_GUNZIPPED_BYTES", 1000)
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1000))
    with pytest.raises(InputTooLargeError, match="expands to more than 1,000 bytes"):
        load([path])


_THAI = "\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e\u0e21\u0e2b\u0e32\u0e19\u0e04\u0e23"
_CHINESE = "\u5317\u4eac\u5e02\u653f\u5e9c\u4eca\u5929\u5ba3\u5e03\u4e86\u65b0\u653f\u7b56"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The council met on Monday and voted to close the bridge.", None),
        ("Le conseil s'est réuni lundi à Genève; café, élève, naïve.", None),
        ("“It cost €40 — too much,” she said… «Non», he replied.", None),
        ("\ud55c\uad6d \uc815\ubd80\uac00 \ubc1c\ud45c\ud588\ub2e4 (spaced Korean)", None),
        ("The match in Bangkok (\u0e01\u0e23\u0e38\u0e07\u0e40\u0e17\u0e1e) ended late.", None),
        (_THAI + " news", "Thai"),
        ("\u6771\u4eac\u3067\u4f1a\u8b70\u304c\u958b\u304b\u308c\u305f\u3002", "Japanese"),
        (_CHINESE, "Chinese"),
    ],
)
def test_unsupported_language_by_script(text: str, language: str | None) -> None:
    """A script written without spaces is named when it is most of the letters; a few of
    its letters in a Latin text, or accented Latin letters, are no reason to refuse."""
    assert ingest.unsupported_language(text) == language
