"""Read what people have into clusters of documents.

Inputs: text and Markdown files, HTML pages, folders of those, JSON Lines with one
cluster per line, Multi-News text files (one cluster per line, articles joined by
``|||||``) and standard input. Paths naming single articles make one cluster together;
a JSONL or Multi-News input makes one cluster per line.

Several inputs: a bad one is skipped and reported in ``Loaded.skipped`` so the rest
still run; a single bad input raises :class:`~synopsis.errors.InputError`. A malformed
line of a JSONL or Multi-News input raises too, unless ``load(..., skip_bad_lines=True)``
(what the CLI does by default): then it is skipped and reported with its line number.

The rules with a contract of their own live beside this module and are re-exported here:
``encoding`` (bytes to text), ``jsontext`` (the one JSON input contract) and ``policy``
(the size and language policy a cluster is checked against).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from ..errors import InputError, InputTooLargeError
from ..model import Cluster, Document

# The pieces with rules of their own, re-exported: every reader imports from synopsis.ingest.
from .encoding import decode
from .jsontext import MAX_JSON_DEPTH, MAX_JSON_INT_DIGITS, parse_json
from .policy import MAX_CLUSTER_CHARS, MAX_DOCUMENT_CHARS, check_cluster, unsupported_language

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
GZIP_SUFFIX = ".gz"  # any supported file may be gzipped: "clusters.jsonl.gz"
# A gzipped file may expand a thousandfold; past this many bytes it is refused, not read.
MAX_GUNZIPPED_BYTES = 1 << 30

# How Multi-News joins the articles of a cluster (the second is the raw release's tag).
MULTINEWS_SEPARATORS = ("|||||", "story_separator_special_tag")

# Files in a folder that document the folder rather than report the story.
FOLDER_DOC_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})

STDIN = "-"

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why (shown to the user, never dropped silently).

    ``line`` is set for one line of a JSONL or Multi-News input (a cluster lost), None
    for a whole file or folder entry."""

    source: str
    reason: str
    line: int | None = None

    @property
    def where(self) -> str:
        """The input as a message names it.

        >>> Skipped("a.jsonl", "invalid JSON", line=3).where, Skipped("a.txt", "is empty").where
        ('a.jsonl, line 3', 'a.txt')
        """
        return self.source if self.line is None else f"{self.source}, line {self.line}"


@dataclass(frozen=True)
class Loaded:
    clusters: tuple[Cluster, ...]
    skipped: tuple[Skipped, ...] = ()


def document_from_html(html: str, doc_id: str, path: str | None = None) -> Document:
    """Main text, title and author of an HTML page, via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = (getattr(extracted, "text", None) or "").strip() if extracted else ""
    if not text:
        raise InputError(f"{path or doc_id}: no article text found in this HTML page")
    title = getattr(extracted, "title", None) or None
    # the page's author (its byline or author metadata): the writer of first-person text
    author = getattr(extracted, "author", None) or None
    meta = {"author": author} if isinstance(author, str) and author.strip() else {}
    return Document(id=doc_id, text=text, path=path, title=title, meta=meta)


def parse_jsonl(text: str, source: str, bad_lines: list[Skipped] | None = None) -> list[Cluster]:
    """One cluster per line: ``{"id": ..., "documents": [str, ...], "summary": str?}``.

    A line that is not such a record raises :class:`InputError` naming it; with a
    ``bad_lines`` list it is appended there instead and the other lines are read. A
    text with no readable line raises either way (the first bad line's error)."""
    clusters: list[Cluster] = []
    found_bad: list[Skipped] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}, line {number}"
        try:
            clusters.append(cluster_from_record(parse_json(line, where), where, number, source))
        except InputError as exc:
            if bad_lines is None:
                raise
            found_bad.append(Skipped(source, str(exc).removeprefix(f"{where}: "), number))
    if bad_lines is not None:
        bad_lines.extend(found_bad)  # also when raising below: a caller may go on
    if not clusters:
        if found_bad:
            raise InputError(_all_lines_bad(found_bad))
        raise InputError(f"{source}: no clusters in this JSON Lines input")
    return clusters


def _all_lines_bad(bad: list[Skipped]) -> str:
    first = bad[0]
    n = len(bad) - 1
    more = f" (and {n} more unreadable line{'s' if n > 1 else ''})" if n else ""
    return f"{first.where}: {first.reason}{more}; no line could be read"


def cluster_from_record(record: object, where: str, number: int, source: str) -> Cluster:
    """One cluster record (a JSONL line, a Parquet row) checked field by field; a cluster
    without an ``id`` is named by its line or row ``number``."""
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object with a 'documents' list")
    documents = record.get("documents")
    if not isinstance(documents, (list, tuple)) or not all(isinstance(d, str) for d in documents):
        raise InputError(f"{where}: 'documents' must be a list of strings")
    summary = record.get("summary")
    if summary is not None and not isinstance(summary, str):
        raise InputError(f"{where}: 'summary' must be a string")
    cluster_id = str(number) if record.get("id") is None else str(record["id"])
    docs = tuple(
        Document(id=str(i), text=d, path=source)
        for i, d in enumerate(documents, start=1)
        if d.strip()
    )
    if not docs:
        raise InputError(f"{where}: cluster {cluster_id!r} has no non-empty document")
    return Cluster(id=cluster_id, documents=docs, reference=summary)


def is_multinews(text: str) -> bool:
    """Multi-News format: every non-empty line holds a separator (one cluster per line).

    A separator on only some lines is part of an article (a table drawn with ``|``, a
    quoted separator), so such a text stays one article.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(any(sep in line for sep in MULTINEWS_SEPARATORS) for line in lines)


def parse_multinews(
    text: str, source: str, bad_lines: list[Skipped] | None = None
) -> list[Cluster]:
    """One cluster per non-empty line, articles separated by ``|||||``; a line of
    separators and no article is appended to ``bad_lines`` when one is given."""
    clusters: list[Cluster] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        cluster = cluster_from_multinews_line(line, number, source)
        if cluster is not None:
            clusters.append(cluster)
        elif bad_lines is not None:
            bad_lines.append(Skipped(source, "no article on this line, only separators", number))
    if not clusters:
        raise InputError(f"{source}: no articles found")
    return clusters


def cluster_from_multinews_line(line: str, number: int, source: str) -> Cluster | None:
    """One Multi-News line: articles separated by ``|||||``, named by the line ``number``
    (None when the line holds no article)."""
    for sep in MULTINEWS_SEPARATORS[1:]:
        line = line.replace(sep, MULTINEWS_SEPARATORS[0])
    parts = [p.strip() for p in line.split(MULTINEWS_SEPARATORS[0])]
    docs = tuple(Document(id=str(i), text=p, path=source) for i, p in enumerate(parts, 1) if p)
    return Cluster(id=str(number), documents=docs) if docs else None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and ("<body" in head or "<p" in head or "<div" in head)
    )


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return first.lstrip().startswith("{")


def _read_text_input(
    text: str,
    source: str,
    doc_id: str,
    path: str | None,
    bad_lines: list[Skipped] | None = None,
) -> list[Cluster]:
    """Sniff standard input: JSONL, Multi-News, HTML or plain text."""
    if not text.strip():
        raise InputError(f"{source}: is empty")
    if _looks_like_jsonl(text):
        return parse_jsonl(text, source, bad_lines)
    if is_multinews(text):
        return parse_multinews(text, source, bad_lines)
    if _looks_like_html(text):
        return [Cluster(id=doc_id, documents=(document_from_html(text, doc_id, path),))]
    return [Cluster(id=doc_id, documents=(Document(id=doc_id, text=text, path=path),))]


def file_suffix(path: Path) -> str:
    """The suffix that says what a file holds, under a ``.gz``: ``a.jsonl.gz`` is ``.jsonl``."""
    name = path.name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return Path(name).suffix


def read_bytes(path: Path) -> bytes:
    """A file's bytes, gunzipped when its name ends in ``.gz`` (at most
    ``MAX_GUNZIPPED_BYTES``: a gzip bomb is refused, not expanded into memory)."""
    source = str(path)
    if not path.name.lower().endswith(GZIP_SUFFIX):
        try:
            return path.read_bytes()
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    import gzip  # only for .gz files
    import zlib

    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_GUNZIPPED_BYTES + 1)
    except EOFError:  # click would print a bare "Aborted." for this one
        raise InputError(f"{source}: truncated gzip file (it ends mid-stream)") from None
    except (OSError, zlib.error) as exc:  # BadGzipFile is an OSError without an errno
        reason = getattr(exc, "strerror", None) or exc
        if isinstance(exc, OSError) and exc.errno is not None:
            raise InputError(f"{source}: cannot read ({reason})") from None
        raise InputError(f"{source}: not a readable gzip file ({reason})") from None
    if len(data) > MAX_GUNZIPPED_BYTES:
        raise InputTooLargeError(
            f"{source}: expands to more than {MAX_GUNZIPPED_BYTES:,} bytes when gunzipped"
        )
    return data


def read_file(path: Path, bad_lines: list[Skipped] | None = None) -> list[Cluster]:
    """One file: a list of clusters (one for an article, many for JSONL or Multi-News).

    A malformed JSONL or Multi-News line raises, or goes to ``bad_lines`` when given."""
    source = str(path)
    suffix = file_suffix(path)
    if suffix == ".json":  # the near miss: a JSON array or object, not JSON Lines
        raise InputError(
            f"{source}: unsupported file type '.json'; synopsis reads JSON Lines (.jsonl: "
            "one cluster object a line), so convert it, e.g. jq -c '.[]' in.json > in.jsonl"
        )
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise InputError(
            f"{source}: unsupported file type {suffix or '(none)'!r} (use {kinds}, "
            f"each also gzipped as {GZIP_SUFFIX})"
        )
    text = decode(read_bytes(path), source)
    if not text.strip():
        raise InputError(f"{source}: is empty")
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, source, bad_lines)
    if suffix in HTML_SUFFIXES:
        return [Cluster(id=path.name, documents=(document_from_html(text, path.name, source),))]
    if is_multinews(text):
        return parse_multinews(text, source, bad_lines)
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
    """Paths as given to the list of files to read; folders expand to their files, sorted.

    Every entry of a folder that is not read is reported in the skipped list, never dropped
    silently: see :func:`walk`.
    """
    files: list[Path | str] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if str(raw) == STDIN:
            files.append(STDIN)
            continue
        if isinstance(raw, str) and _URL.match(raw):
            raise InputError(
                f"{raw}: is a web address; synopsis reads files and folders, so save the page "
                "first ('synopsis track --feed URL' follows an RSS or Atom feed)"
            )
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        if is_dir:
            found, skip = walk(path)
            skipped.extend(skip)
            if not found:
                raise InputError(f"{path}: folder has no supported files")
            files.extend(found)
        elif exists:
            files.append(path)
        elif path.is_symlink():
            raise InputError(f"{path}: broken symbolic link")
        else:
            raise InputError(f"{path}: no such file or folder")
    return files, skipped


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def walk(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The supported files under ``folder``, sorted by path, and every entry passed over.

    Rules (the README's): hidden entries (name starting with ``.``) are skipped, and a
    hidden folder is not entered; folder documentation (README, LICENSE...) is skipped;
    a symbolic link to a file is read, a symbolic link to a folder is not followed (it can
    loop, or leave the folder); broken links, entries that cannot be listed or stat'ed,
    and special files (sockets, pipes, devices) are skipped. Each skip is reported.
    """
    found: list[Path] = []
    skipped: list[Skipped] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(current), f"cannot list this folder ({exc.strerror})"))
            continue
        for entry in listed:
            child = Path(entry.path)
            reason = _walk_skip_reason(entry)
            if reason == "folder":
                pending.append(child)
            elif reason:
                skipped.append(Skipped(str(child), reason))
            else:
                found.append(child)
    return sorted(found), skipped


def _walk_skip_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a folder entry is not read (``"folder"``: walk into it; None: read it)."""
    if entry.name.startswith("."):
        return "hidden, not read"
    try:
        if entry.is_symlink():
            try:
                target = os.stat(entry.path)
            except OSError:
                return "broken symbolic link"
            if stat.S_ISDIR(target.st_mode):
                return "symbolic link to a folder, not followed"
            mode = target.st_mode
        else:
            mode = entry.stat(follow_symlinks=False).st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror})"
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    suffix = file_suffix(Path(entry.name))
    if Path(entry.name).stem.lower() in FOLDER_DOC_STEMS:
        return "folder documentation, not an article"
    if suffix not in SUPPORTED_SUFFIXES:
        return f"unsupported file type {suffix!r}"
    return None


def load(
    paths: str | Path | Sequence[str | Path],
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    skip_bad_lines: bool = False,
) -> Loaded:
    """Read every input into clusters.

    Single articles (text, HTML, stdin text) from all inputs form one cluster; JSONL and
    Multi-News inputs give their own clusters. Mixing the two kinds is refused because
    it is ambiguous which cluster an article belongs to.

    A malformed JSONL or Multi-News line raises :class:`InputError` naming it, so no
    cluster is lost unnoticed (evaluation and training need every line); with
    ``skip_bad_lines`` it is listed in ``Loaded.skipped`` (``line`` set) and the other
    lines are read. ``stdin`` is read for ``"-"``; None means there is none.
    """
    if isinstance(paths, (str, Path)):  # load("folder") means one path, not its letters
        paths = [paths]
    if not paths:
        raise InputError("no input given")
    # One input fails loudly; with several, a bad one is reported and the rest go on.
    files, skipped = expand(paths) if len(paths) == 1 else _expand_each(paths)
    several = len(paths) > 1 or len(files) > 1

    articles: list[Document] = []
    multi: list[Cluster] = []
    sources: dict[bool, list[str]] = {False: [], True: []}  # read as articles / as clusters
    iterable: Iterable[Path | str] = progress(files) if progress else files
    for item in iterable:
        bad_lines: list[Skipped] = []
        try:
            if item == STDIN:
                if stdin is None:
                    raise InputError("standard input: is closed, nothing to read")
                text = decode(stdin.read(), "standard input")
                found = _read_text_input(text, "standard input", "stdin", None, bad_lines)
            else:
                found = read_file(Path(item), bad_lines)
        except InputError as exc:
            if not several:
                raise
            if bad_lines and not skip_bad_lines:
                raise _line_error(bad_lines) from None
            if bad_lines:  # no line of it could be read: each is reported
                skipped.extend(bad_lines)
            else:
                skipped.append(Skipped(str(item), _reason(exc, str(item))))
            continue
        if bad_lines and not skip_bad_lines:
            raise _line_error(bad_lines)
        skipped.extend(bad_lines)
        single = len(found) == 1 and len(found[0].documents) == 1 and found[0].reference is None
        if single and not _is_cluster_file(item):
            articles.extend(found[0].documents)
        else:
            multi.extend(found)
        sources[not (single and not _is_cluster_file(item))].append(str(item))

    if articles and multi:
        raise InputError(
            f"cannot mix single articles ({_some(sources[False])}) with multi-cluster inputs, "
            f"JSONL or Multi-News ({_some(sources[True])}), in one run; summarize them "
            "separately"
        )
    if multi:
        return Loaded(clusters=tuple(multi), skipped=tuple(skipped))
    if not articles:
        shown = "; ".join(f"{s.where}: {s.reason}" for s in skipped[:3]) or "nothing readable"
        more = f" (and {len(skipped) - 3} more)" if len(skipped) > 3 else ""
        raise InputError(f"no input could be read: {shown}{more}")
    return Loaded(
        clusters=(Cluster(id=_cluster_name(paths), documents=unique_ids(articles)),),
        skipped=tuple(skipped),
    )


def _some(names: list[str]) -> str:
    """A few names for a message, and how many more."""
    more = f" and {len(names) - 2} more" if len(names) > 2 else ""
    return ", ".join(names[:2]) + more


def _line_error(bad_lines: list[Skipped]) -> InputError:
    """The first bad line as the error of a run that does not skip lines."""
    return InputError(f"{bad_lines[0].where}: {bad_lines[0].reason}")


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
    return isinstance(item, Path) and file_suffix(item) in JSONL_SUFFIXES


def _cluster_name(paths: Sequence[str | Path]) -> str:
    if len(paths) == 1:
        return "stdin" if str(paths[0]) == STDIN else Path(paths[0]).name or str(paths[0])
    return "cluster"


def unique_ids(documents: Iterable[Document]) -> tuple[Document, ...]:
    """Ids made unique before anything uses them, so a citation names one document.

    The first document with an id keeps it; a later one gets ``id#2``, ``id#3``... skipping
    any id some other document already has (ids ``2``, ``2`` and ``2#2`` become ``2``,
    ``2#3``, ``2#2``).
    """
    documents = list(documents)
    taken = {doc.id for doc in documents}
    seen: set[str] = set()
    out = []
    for doc in documents:
        if doc.id in seen:
            n = 2
            while f"{doc.id}#{n}" in taken:
                n += 1
            new_id = f"{doc.id}#{n}"
            taken.add(new_id)
            doc = Document(id=new_id, text=doc.text, path=doc.path, title=doc.title)
        seen.add(doc.id)
        out.append(doc)
    return tuple(out)


def documents_from_objects(items: object) -> tuple[Document, ...]:
    """The Python API's inputs: article strings, paths or Documents, in any mix.

    A mapping of id to text gives named articles. A path must hold articles of one cluster:
    a JSONL or Multi-News file of several clusters is refused (use :func:`load`, then
    summarize each cluster), since merging its stories would be silently wrong.
    """
    if isinstance(items, Mapping):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in items.items()):
            raise InputError("a dict of documents must map ids (str) to article texts (str)")
        items = [
            Document(id=k, text=v.replace("\r\n", "\n")) for k, v in items.items() if v.strip()
        ]
    if isinstance(items, (bytes, bytearray)):
        raise InputError("documents are bytes: decode them, or pass a pathlib.Path to read")
    if not isinstance(items, Iterable):
        raise InputError(f"expected a list of documents, got {type(items).__name__}")
    docs: list[Document] = []
    for i, item in enumerate(items, start=1):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, Path):
            clusters = read_file(item)
            if len(clusters) > 1:
                raise InputError(
                    f"{item}: holds {len(clusters)} clusters; read it with synopsis.load() "
                    "and summarize each cluster"
                )
            docs.extend(clusters[0].documents)
        elif isinstance(item, str):
            if item.strip():
                docs.append(Document(id=str(i), text=item.replace("\r\n", "\n")))
        else:
            raise InputError(
                f"document {i}: expected str, pathlib.Path or Document, got {type(item).__name__}"
            )
    return unique_ids(docs)


__all__ = [
    "GZIP_SUFFIX",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "MAX_CLUSTER_CHARS",
    "MAX_DOCUMENT_CHARS",
    "MAX_GUNZIPPED_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_JSON_INT_DIGITS",
    "STDIN",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "Loaded",
    "Skipped",
    "check_cluster",
    "cluster_from_multinews_line",
    "cluster_from_record",
    "decode",
    "document_from_bytes",
    "document_from_html",
    "documents_from_objects",
    "expand",
    "file_suffix",
    "is_multinews",
    "load",
    "parse_json",
    "parse_jsonl",
    "parse_multinews",
    "read_bytes",
    "read_file",
    "unique_ids",
    "unsupported_language",
    "walk",
]
