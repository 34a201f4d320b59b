"""Incoming articles: JSON Lines (a file or stdin), a folder, or an RSS/Atom feed.

Every source yields :class:`~synopsis.stream.similarity.Article` objects and, for what
could not be read, :class:`~synopsis.ingest.Skipped` records naming the line or URL: the
caller reports them and goes on, so one bad line never stops a stream.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path

from ..errors import InputError
from ..ingest import Skipped, parse_json
from .similarity import Article

Item = Article | Skipped | None  # None: the source is idle for now
FIELDS = ("id", "text", "title", "url", "published", "source")


def now() -> datetime:
    return datetime.now(timezone.utc)


def parse_published(value: object, where: str) -> datetime:
    """ISO 8601 to an aware datetime (UTC when no offset is given)."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: 'published' must be an ISO 8601 date-time string")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{where}: 'published' {value!r} is not an ISO 8601 date") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def article_from_record(record: object, where: str, arrival: datetime | None = None) -> Article:
    """One article from a decoded JSON object (the only place a record is checked):
    ``id`` and non-empty ``text`` required; ``published`` defaults to the arrival time."""
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
    art_id, text = record.get("id"), record.get("text")
    if isinstance(art_id, bool) or not isinstance(art_id, (str, int)) or str(art_id) == "":
        raise InputError(f"{where}: 'id' must be a non-empty string or number")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: article {art_id!r} has no text")
    extra = {}
    for key in ("title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: {key!r} must be a string")
        extra[key] = value or None
    published = record.get("published")
    when = parse_published(published, where) if published is not None else arrival or now()
    return Article(str(art_id), text, when, **extra)


def parse_line(line: str, where: str, arrival: datetime | None = None) -> Article:
    """One JSON Lines record to an article, under the input contract of every JSON reader."""
    return article_from_record(parse_json(line, where), where, arrival)


def read_lines(lines: Iterable[str], source: str) -> Iterator[Item]:
    """Articles of JSON Lines text, a bad line skipped with its number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, f"{source}, line {number}")
        except InputError as exc:
            yield Skipped(f"{source}, line {number}", _reason(exc))


def _reason(exc: InputError) -> str:
    message = str(exc)
    return message.split(": ", 1)[1] if ": " in message else message


def read_file(path: Path) -> Iterator[Item]:
    """A ``.jsonl`` file line by line; any other file is one article (text or HTML, its
    name as id, its modification time as published)."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                yield from read_lines(handle, str(path))
        except OSError as exc:
            yield Skipped(str(path), f"cannot read ({exc.strerror or exc})")
        return
    from ..ingest import document_from_bytes

    try:
        doc = document_from_bytes(path.read_bytes(), path.name)
        when = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    except (OSError, InputError) as exc:
        yield Skipped(str(path), _reason(exc) if isinstance(exc, InputError) else str(exc))
        return
    yield Article(doc.id, doc.text, when, title=doc.title)


def read_folder(folder: Path, follow: bool = False, poll: float = 1.0,
                stop: Callable[[], bool] | None = None) -> Iterator[Item]:  # fmt: skip
    """The files of a folder in name order; with ``follow``, new files as they appear
    (a file is read once it stops growing between two polls)."""
    seen: set[Path] = set()
    sizes: dict[Path, int] = {}
    while True:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            if path in seen or path.name.startswith("."):
                continue
            size = path.stat().st_size
            if follow and sizes.get(path) != size:  # still being written: next poll
                sizes[path] = size
                continue
            seen.add(path)
            yield from read_file(path)
        if not follow or (stop and stop()):
            return
        yield None  # idle: the caller commits what it holds
        time.sleep(poll)


def read_feed(url: str, timeout: float = 20.0) -> Iterator[Item]:
    """The entries of an RSS/Atom feed, each linked page fetched and its text extracted
    (only the feed's own links are fetched). An unreachable feed or page is skipped."""
    try:
        import feedparser
    except ImportError:
        from ..errors import MissingExtraError

        raise MissingExtraError("--feed", "stream") from None
    try:
        body = _fetch(url, timeout)
    except InputError as exc:
        yield Skipped(url, _reason(exc))
        return
    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        yield Skipped(url, "not an RSS or Atom feed")
        return
    from ..ingest import decode, document_from_html

    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        try:
            page = decode(_fetch(link, timeout), link)
            doc = document_from_html(page, link, link)
        except InputError as exc:
            yield Skipped(link, _reason(exc))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        when = datetime(*stamp[:6], tzinfo=timezone.utc) if stamp else now()
        yield Article(
            str(entry.get("id") or link), doc.text, when,
            title=entry.get("title") or doc.title, url=link,
            source=feed.feed.get("title") or None,
        )  # fmt: skip


def _fetch(url: str, timeout: float) -> bytes:
    from urllib.error import URLError
    from urllib.request import Request, urlopen

    if not url.startswith(("http://", "https://")):
        raise InputError(f"{url}: only http:// and https:// addresses can be fetched")
    try:
        with urlopen(Request(url, headers={"User-Agent": "synopsis"}), timeout=timeout) as r:
            return r.read(20_000_000)
    except (URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(f"{url}: unreachable ({reason})") from None
