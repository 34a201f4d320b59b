"""The cross-source analysis in plain words: copies, independent sources, disagreements.

Shared by the text and Markdown renderers and by ``synopsis compare``.
"""

from __future__ import annotations

from ..model import KINDS, Disagreement, Summary, Variant
from ..wording import counted, plural

MAX_VALUE = 120  # long quotes are shortened in prose; JSON keeps them whole


def copies_line(summary: Summary) -> str:
    """'3 of 5 articles are one story (a, b, c); 3 independent sources'."""
    n = len(summary.documents)
    sources = summary.independent_sources
    parts = [
        f"{len(g.documents)} of {n} articles are one story ({', '.join(g.documents)})"
        for g in summary.copies
        if len(g.documents) > 1
    ]
    noun = plural(sources, "independent source")
    # A dropped document is no source: say so, or "3 articles, no copies; 2 sources" reads
    # as an arithmetic mistake.
    dropped = sum(1 for d in summary.documents if d.id in summary.excluded)
    left_out = f" ({dropped} left out by cleaning)" if dropped else ""
    if not parts:
        return f"{counted(n, 'article')}{left_out}, no copies among them; {sources} {noun}"
    return "; ".join([*parts, f"{sources} {noun}{left_out}"])


def _count(variant: Variant, first: bool) -> str:
    docs = len(variant.documents)
    if docs > 1:
        groups = len(variant.groups)
        sources = "one source" if groups == 1 else f"{groups} sources"
        return f"{docs} articles, {sources}"
    return "1 article" if first else "1"


def _value(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1].rstrip() + "…"


_LEADS = {
    "conflict": "Sources disagree",
    "update": "A later figure",
    "spelling": "Spelled differently",
    "wording": "Worded differently",
}


def disagreement_line(d: Disagreement, numbers: dict[str, int] | None = None) -> str:
    """'Sources disagree on number: nations (…): 26 (1 article), 24 (1)'; quotes quoted."""
    shown = []
    for k, v in enumerate(d.variants):
        value = f"“{_value(v.value)}”" if d.kind == "wording" else v.value
        where = _count(v, k == 0)
        if numbers:
            where += " [" + ",".join(str(numbers[x]) for x in v.documents if x in numbers) + "]"
        shown.append(f"{value} ({where})")
    lead = _LEADS.get(d.kind, "Sources disagree")
    on = f" on {d.about}" if d.about and d.kind in ("conflict", "update") else ""
    return f"{lead}{on}: {d.subject}: " + ", ".join(shown)


def analysis_lines(summary: Summary, numbers: dict[str, int] | None = None) -> list[str]:
    """The copies line, then one line per disagreement, conflicts first (or a line saying
    there are none)."""
    lines = [copies_line(summary)]
    if summary.disagreements:
        lines += [disagreement_line(d, numbers) for d in by_weight(summary.disagreements)]
    elif summary.independent_sources > 1:
        lines.append("No disagreement found between independent sources.")
    return lines


def by_weight(disagreements: tuple[Disagreement, ...]) -> list[Disagreement]:
    """Conflicts first, then updates, spellings and wordings (stable inside a kind)."""
    rank = {k: n for n, k in enumerate(KINDS)}
    return sorted(disagreements, key=lambda d: rank.get(d.kind, len(KINDS)))
