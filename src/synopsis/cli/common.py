"""What every command shares: the typer app, the one-line error, progress bars,
atomic output and the reading of inputs."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

if TYPE_CHECKING:
    from ..ingest import Loaded

T = TypeVar("T")
EXIT_USAGE = 2

# What is kept when a command is interrupted (Ctrl-C), told in one line instead of typer's
# silent exit 130, so the user knows whether to start again or resume.
INTERRUPTED = {
    "summarize": "an --output file is replaced only when a run completes, so it is as it was",
    "clean": "an --output file is replaced only when a run completes, so it is as it was",
    "compare": "an --output file is replaced only when a run completes, so it is as it was",
    "eval": "no report was written",
    "train": "no weights were written",
    "track": "every article acknowledged on standard output is stored; a re-run skips them",
    "batch": "'batch summarize' resumes when run again with the same --output",
}
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class Group(TyperGroup):
    """The command group: a Ctrl-C in any command ends in one line saying what is kept."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            kept = INTERRUPTED.get(ctx.invoked_subcommand or "")
            say("synopsis: interrupted" + (f"; {kept}" if kept else ""))
            raise typer.Exit(EXIT_INTERRUPTED) from None


# Plain click help and usage errors, not typer's rich panels: paragraphs rewrap to the
# terminal, examples keep their lines (\b), a usage error ends in one "Error:" line, and
# no <bool> type column (typer 0.29's rich help prints one for every flag).
PLAIN_HELP = None

app = typer.Typer(
    cls=Group,
    help="Summarize many news articles about one story into one short, attributed summary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=PLAIN_HELP,
)
stderr = Console(stderr=True, soft_wrap=True)

# Show a progress bar only when a run has enough items to take a while.
PROGRESS_MIN_ITEMS = 20


# One definition of the flag every writing command shares.
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
]


StrictOption = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Stop at the first unreadable JSONL line or failing cluster (exit code 2; an "
        "--output file is left as it was). By default each is reported on stderr with its "
        "line number or id and skipped, the rest is written, and the exit code is 1: one bad "
        "line of a large file should not cost every other cluster.",
    ),
]


JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs", "-j", min=1, help="Worker processes for many clusters (results in input order)."
    ),
]


class Format(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


def visible(text: str) -> str:
    """Terminal control characters in a message (file names, ids, article text) shown as
    symbols, so a hostile name cannot clear the screen or retitle the window."""
    from ..render.text import neutralise_controls

    return neutralise_controls(text)


def say(message: str) -> None:
    """One line on stderr, taken literally (no rich markup read from user data)."""
    stderr.print(visible(message), highlight=False, markup=False)


def fail(message: str) -> typer.Exit:
    stderr.print(
        f"[bold red]synopsis: error:[/] {escape(visible(message))}", highlight=False, markup=True
    )
    return typer.Exit(EXIT_USAGE)


def show_progress() -> bool:
    """Progress bars only on a terminal: piped or captured stderr gets no bar, and no
    blank line where the bar was."""
    return stderr.is_terminal


def progress(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """``items``, with a transient progress bar on stderr for long runs on a terminal."""
    if total is None:
        items = list(items)
        total = len(items)
    if total < PROGRESS_MIN_ITEMS or not show_progress():
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=label, total=total, console=stderr, transient=True)


@contextmanager
def counter(label: str, total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for ``total`` items (count, elapsed time); yields the
    function that counts one. One definition for every long command."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, transient=True, disable=not show_progress(),
    ) as bar:  # fmt: skip
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


@contextmanager
def open_output(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``output`` written atomically: a temporary file beside it is
    renamed over it only once everything is written, so a failure half-way (a bad cluster,
    Ctrl-C, a full disk) never leaves an existing file emptied or truncated."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    if output.is_dir():
        raise fail(f"{output}: is a folder, not a file")
    shown = output
    if _is_special(output):
        # A device, pipe or socket (/dev/stdout, a FIFO): renaming over it would replace it
        # with a plain file, so it is written in place.
        try:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as exc:
            raise fail(f"{shown}: cannot write ({exc.strerror})") from None
        return
    output = Path(os.path.realpath(output))  # a symlink is written through, not replaced
    try:
        fd, tmp = tempfile.mkstemp(
            dir=output.parent or ".", prefix=f".{output.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise fail(f"{shown}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(output))
        os.replace(tmp, output)
    except OSError as exc:
        raise fail(f"{shown}: cannot write ({exc.strerror})") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _is_special(path: Path) -> bool:
    """Whether ``path`` (its link followed) exists and is no regular file."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # missing, or a broken link: a new file
        return False


def _mode_for(output: Path) -> int:
    """Keep an existing file's permissions; a new one gets the usual umask-based mode."""
    try:
        return stat.S_IMODE(output.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_writable(path: Path | None, flag: str) -> None:
    """Refuse an output file that cannot be written before a long run, not after it."""
    if path is None:
        return
    if path.is_dir():
        raise fail(f"{flag} {path}: is a folder, not a file")
    folder = path.parent
    if not folder.is_dir():
        raise fail(f"{flag} {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise fail(f"{flag} {path}: folder {folder} is not writable")


def check_not_an_input(output: Path | None, paths: list[str]) -> None:
    """Refuse ``--output`` naming one of the input files, or an existing file inside an
    input folder: it would be replaced by its own summary (the article lost), or read as
    one more article."""
    from ..ingest import SUPPORTED_SUFFIXES, file_suffix

    if output is None or not output.is_file():
        return
    read_in_folder = file_suffix(output) in SUPPORTED_SUFFIXES and not output.name.startswith(".")
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            continue
        if path.is_file() and os.path.samefile(path, output):
            raise fail(f"--output {output}: is one of the inputs; write the result elsewhere")
        if read_in_folder and path.is_dir() and output.resolve().is_relative_to(path.resolve()):
            raise fail(
                f"--output {output}: is inside the input folder {path}, so it would be read "
                "as an article; write the result elsewhere"
            )


def write(text: str, output: Path | None) -> None:
    with open_output(output) as handle:
        handle.write(text)


def read_inputs(paths: list[str], strict: bool = False) -> Loaded:
    """Load the inputs, telling the user about every one that was skipped (each bad JSONL
    line with its number; with ``strict`` the first one is the command's error)."""
    from ..ingest import STDIN, load

    stdin = getattr(sys.stdin, "buffer", None)  # None when standard input is closed
    if STDIN in paths and stdin is not None and sys.stdin.isatty():
        say("synopsis: reading standard input (end it with Ctrl-D)")
    loaded = load(paths, stdin=stdin, progress=lambda f: progress(f, "Reading"),
                  skip_bad_lines=not strict)  # fmt: skip
    for skipped in loaded.skipped:
        say(f"synopsis: skipped {skipped.where}: {skipped.reason}")
    return loaded


def lost_lines(loaded: Loaded) -> int:
    """How many input lines (clusters) could not be read: a run with any ends with exit
    code 1, so a script notices the loss the messages reported."""
    return sum(1 for s in loaded.skipped if s.line is not None)


def end_with_lost_lines(loaded: Loaded) -> None:
    """Exit 1 after the output is written when input lines were skipped (clean, compare)."""
    lost = lost_lines(loaded)
    if lost:
        say(f"synopsis: {lost} unreadable input line{'s' if lost > 1 else ''} skipped; "
            "the rest were written")  # fmt: skip
        raise typer.Exit(1)


def version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"synopsis {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """synopsis reads text, HTML, folders, JSONL and Multi-News files, or '-' for stdin."""
