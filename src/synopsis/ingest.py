"""Read what people have into clusters of documents.

Inputs: text and Markdown files, HTML pages, folders of those, JSON Lines with one
cluster per line, Multi-News text files (one cluster per line, articles joined by
``|||||``) and standard input. Paths naming single articles make one cluster together;
a JSONL or Multi-News input makes one cluster per line.

Several inputs: a bad one is skipped and reported in ``Loaded.skipped`` so the rest
still run; a single bad input raises :class:`~synopsis.errors.InputError`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from .errors import InputError
from .model import Cluster, Document

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# How Multi-News joins the articles of a cluster (the second is the raw release's tag).
MULTINEWS_SEPARATORS = ("|||||", "story_separator_special_tag")

# Files in a folder that document the folder rather than report the story.
FOLDER_DOC_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})

STDIN = "-"

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why (shown to the user, never dropped silently)."""

    source: str
    reason: str


@dataclass(frozen=True)
class Loaded:
    clusters: tuple[Cluster, ...]
    skipped: tuple[Skipped, ...] = ()


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 first (BOM stripped), then charset detection.

    Newlines are normalised to ``\\n``; everything else is kept as it was.
    """
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            raise InputError(f"{source}: cannot tell its text encoding (binary file?)") from None
        # Short Western texts fit several 8-bit code pages equally well; Windows-1252 is
        # by far the most common on the web (HTML5 reads Latin-1 as it), so it wins ties.
        for match in matches:
            if match.encoding == "cp1252" and match.percent_chaos <= best.percent_chaos + 1.0:
                best = match
                break
        text = str(best)
    if _looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return control / len(sample) > 0.05


def document_from_html(html: str, doc_id: str, path: str | None = None) -> Document:
    """Main text and title of an HTML page, via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted else ""
    if not text:
        raise InputError(f"{path or doc_id}: no article text found in this HTML page")
    title = getattr(extracted, "title", None) or None
    return Document(id=doc_id, text=text, path=path, title=title)


# --- One JSON input contract -------------------------------------------------------------
# Every JSON text a user hands us (a JSONL line, a request body, an eval file) goes through
# parse_json, so one malicious value gets one clear refusal everywhere instead of a
# ValueError, RecursionError or UnicodeEncodeError deep inside some later stage.

MAX_JSON_DEPTH = 64  # our records nest 3 deep; a wider margin costs nothing
MAX_JSON_INT_DIGITS = 64  # counts and ids are short; Python refuses 4,300+ digits anyway

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused:
    """A number parse_json will not turn into a Python value, found again with its path."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


def _parse_int(digits: str) -> int | _Refused:
    count = len(digits.lstrip("-"))
    if count > MAX_JSON_INT_DIGITS:
        return _Refused(f"integer of {count:,} digits (at most {MAX_JSON_INT_DIGITS})")
    return int(digits)


def _parse_float(text: str) -> float | _Refused:
    value = float(text)
    if not math.isfinite(value):
        return _Refused(f"number {text[:20]!r} is out of range")
    return value


def _parse_constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a JSON number")


def _json_depth(text: str) -> int:
    """Deepest bracket nesting outside strings, counted without recursion."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = deepest = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        else:
            depth -= 1
    return deepest


def _check_values(value: object, field: str, where: str) -> None:
    """Walk a parsed value (depth already bounded) for refused numbers and lone surrogates."""
    if isinstance(value, _Refused):
        raise InputError(f"{where}: {field or 'value'}: {value.problem}")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise InputError(
                f"{where}: {field or 'value'}: escapes a lone surrogate (\\ud800-\\udfff), "
                "which no text can hold"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{field}.{key}" if field else str(key)
            if _SURROGATE.search(key):
                raise InputError(f"{where}: a field name escapes a lone surrogate")
            _check_values(item, name, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_values(item, f"{field}[{i}]", where)


def parse_json(text: str | bytes, where: str) -> Any:
    """Parse one JSON text (a whole body or one JSONL line) under synopsis's input contract.

    Refuses, with an :class:`InputError` that starts with ``where`` and names the field:
    invalid JSON or UTF-8, nesting deeper than ``MAX_JSON_DEPTH``, integers longer than
    ``MAX_JSON_INT_DIGITS`` digits, ``NaN``/``Infinity``/overflowing numbers, and strings
    or keys that escape a lone surrogate. Every JSON reader (CLI, API, service, eval,
    stream, batch) calls this, so the same input gets the same answer everywhere.

    >>> parse_json('{"documents": ["a"]}', where="line 1")
    {'documents': ['a']}
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from None
    depth = _json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise InputError(f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at character {exc.pos})") from None
    except RecursionError:  # the depth scan above should make this unreachable
        raise InputError(f"{where}: JSON nested too deeply") from None
    _check_values(value, "", where)
    return value


def parse_jsonl(text: str, source: str) -> list[Cluster]:
    """One cluster per line: ``{"id": ..., "documents": [str, ...], "summary": str?}``."""
    clusters: list[Cluster] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        record = parse_json(line, where)
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object with a 'documents' list")
        documents = record.get("documents")
        if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
            raise InputError(f"{where}: 'documents' must be a list of strings")
        summary = record.get("summary")
        if summary is not None and not isinstance(summary, str):
            raise InputError(f"{where}: 'summary' must be a string")
        cluster_id = str(record.get("id", number))
        docs = tuple(
            Document(id=str(i), text=d, path=source)
            for i, d in enumerate(documents, start=1)
            if d.strip()
        )
        if not docs:
            raise InputError(f"{where}: cluster {cluster_id!r} has no non-empty document")
        clusters.append(Cluster(id=cluster_id, documents=docs, reference=summary))
    if not clusters:
        raise InputError(f"{source}: no clusters in this JSON Lines input")
    return clusters


def is_multinews(text: str) -> bool:
    return any(sep in text for sep in MULTINEWS_SEPARATORS)


def parse_multinews(text: str, source: str) -> list[Cluster]:
    """One cluster per non-empty line, articles separated by ``|||||``."""
    clusters: list[Cluster] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        for sep in MULTINEWS_SEPARATORS[1:]:
            line = line.replace(sep, MULTINEWS_SEPARATORS[0])
        parts = [p.strip() for p in line.split(MULTINEWS_SEPARATORS[0])]
        docs = tuple(Document(id=str(i), text=p, path=source) for i, p in enumerate(parts, 1) if p)
        if docs:
            clusters.append(Cluster(id=str(number), documents=docs))
    if not clusters:
        raise InputError(f"{source}: no articles found")
    return clusters


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and ("<body" in head or "<p" in head or "<div" in head)
    )


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return first.lstrip().startswith("{")


def _read_text_input(text: str, source: str, doc_id: str, path: str | None) -> list[Cluster]:
    """Sniff standard input: JSONL, Multi-News, HTML or plain text."""
    if not text.strip():
        raise InputError(f"{source}: is empty")
    if _looks_like_jsonl(text):
        return parse_jsonl(text, source)
    if is_multinews(text):
        return parse_multinews(text, source)
    if _looks_like_html(text):
        return [Cluster(id=doc_id, documents=(document_from_html(text, doc_id, path),))]
    return [Cluster(id=doc_id, documents=(Document(id=doc_id, text=text, path=path),))]


def read_file(path: Path) -> list[Cluster]:
    """One file: a list of clusters (one for an article, many for JSONL or Multi-News)."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(f"{source}: unsupported file type {suffix or '(none)'!r} (use {kinds})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    text = decode(data, source)
    if not text.strip():
        raise InputError(f"{source}: is empty")
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, source)
    if suffix in HTML_SUFFIXES:
        return [Cluster(id=path.name, documents=(document_from_html(text, path.name, source),))]
    if is_multinews(text):
        return parse_multinews(text, source)
    return [Cluster(id=path.name, documents=(Document(id=path.name, text=text, path=source),))]


def document_from_bytes(data: bytes, name: str) -> Document:
    """One uploaded article, read as its file name says, the way :func:`read_file` reads it.

    Text and HTML only (one upload is one article); a name without a suffix is sniffed.
    """
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES))
        raise InputError(f"{name}: unsupported file type {suffix!r} (use {kinds})")
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: is empty")
    if suffix in HTML_SUFFIXES or (not suffix and _looks_like_html(text)):
        return document_from_html(text, name, name)
    return Document(id=name, text=text)


def expand(paths: Sequence[str | Path]) -> tuple[list[Path | str], list[Skipped]]:
    """Paths as given to the list of files to read; folders expand to their files, sorted."""
    files: list[Path | str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if str(raw) == STDIN:
            files.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.stem.lower() in FOLDER_DOC_STEMS:
                    skipped.append(Skipped(str(child), "folder documentation, not an article"))
                elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
                    skipped.append(Skipped(str(child), f"unsupported file type {child.suffix!r}"))
                else:
                    found.append(child)
            if not found:
                raise InputError(f"{path}: folder has no supported files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files, skipped


def load(
    paths: Sequence[str | Path],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Loaded:
    """Read every input into clusters.

    Single articles (text, HTML, stdin text) from all inputs form one cluster; JSONL and
    Multi-News inputs give their own clusters. Mixing the two kinds is refused because
    it is ambiguous which cluster an article belongs to.
    """
    if not paths:
        raise InputError("no input given")
    # One input fails loudly; with several, a bad one is reported and the rest go on.
    files, skipped = expand(paths) if len(paths) == 1 else _expand_each(paths)
    several = len(paths) > 1 or len(files) > 1

    articles: list[Document] = []
    multi: list[Cluster] = []
    iterable: Iterable[Path | str] = progress(files) if progress else files
    for item in iterable:
        try:
            if item == STDIN:
                data = stdin.read() if stdin is not None else b""
                text = decode(data, "standard input")
                found = _read_text_input(text, "standard input", "stdin", None)
            else:
                found = read_file(Path(item))
        except InputError as exc:
            if not several:
                raise
            skipped.append(Skipped(str(item), _reason(exc, str(item))))
            continue
        single = len(found) == 1 and len(found[0].documents) == 1 and found[0].reference is None
        if single and not _is_cluster_file(item):
            articles.extend(found[0].documents)
        else:
            multi.extend(found)

    if articles and multi:
        raise InputError(
            "cannot mix single articles with multi-cluster inputs (JSONL or Multi-News) "
            "in one run; summarize them separately"
        )
    if multi:
        return Loaded(clusters=tuple(multi), skipped=tuple(skipped))
    if not articles:
        reasons = "; ".join(s.reason for s in skipped) or "nothing readable"
        raise InputError(f"no input could be read: {reasons}")
    return Loaded(
        clusters=(Cluster(id=_cluster_name(paths), documents=_unique_ids(articles)),),
        skipped=tuple(skipped),
    )


def _expand_each(paths: Sequence[str | Path]) -> tuple[list[Path | str], list[Skipped]]:
    files: list[Path | str] = []
    skipped: list[Skipped] = []
    for p in paths:
        try:
            found, skip = expand([p])
        except InputError as exc:
            skipped.append(Skipped(str(p), _reason(exc, str(p))))
            continue
        files.extend(found)
        skipped.extend(skip)
    return files, skipped


def _reason(exc: InputError, source: str) -> str:
    return str(exc).removeprefix(f"{source}: ")


def _is_cluster_file(item: Path | str) -> bool:
    return isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES


def _cluster_name(paths: Sequence[str | Path]) -> str:
    if len(paths) == 1:
        return "stdin" if str(paths[0]) == STDIN else Path(paths[0]).name or str(paths[0])
    return "cluster"


def _unique_ids(documents: list[Document]) -> tuple[Document, ...]:
    """File names can repeat across folders; make ids unique so citations are unambiguous."""
    seen: dict[str, int] = {}
    out = []
    for doc in documents:
        n = seen.get(doc.id, 0)
        seen[doc.id] = n + 1
        if n:
            doc = Document(id=f"{doc.id}#{n + 1}", text=doc.text, path=doc.path, title=doc.title)
        out.append(doc)
    return tuple(out)


def documents_from_objects(items: Iterable[object]) -> tuple[Document, ...]:
    """The Python API's inputs: article strings, paths or Documents, in any mix."""
    docs: list[Document] = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Path):
            for cluster in read_file(item):
                docs.extend(cluster.documents)
        elif isinstance(item, str):
            if item.strip():
                docs.append(Document(id=str(i), text=item.replace("\r\n", "\n")))
        else:
            raise InputError(
                f"document {i}: expected str, pathlib.Path or Document, got {type(item).__name__}"
            )
    return _unique_ids(docs)
