from __future__ import annotations

import re

from ..model import Summary
from .analysis import analysis_lines
from .sources import LEGEND, citation, document_label, source_numbers

# C0 controls but tab and newline, DEL and the C1 block: a terminal obeys them (clear the
# screen, set the window title, move the cursor), so article text must not carry them out.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    return "\u2421" if code == 0x7F else "\ufffd"


def neutralise_controls(text: str) -> str:
    """Make terminal control characters visible instead of letting them act."""
    return _CONTROL.sub(_picture, text)


def render_text(summary: Summary) -> str:
    """Sentences with source markers, then the numbered source list."""
    numbers = source_numbers(summary)
    lines = []
    if summary.headline is not None:
        lines += [f"{summary.headline.text} [{numbers[summary.headline.document_id]}]", ""]
    lines += [f"{s.text} {citation(s, numbers)}" for s in summary.sentences]
    lines += [f"({note})" for note in summary.notes]
    lines.append("")
    lines.append("Sources:")
    if any(s.supported_by for s in summary.sentences):
        lines.append(f"  ({LEGEND})")
    for doc in summary.documents:
        lines.append(f"  [{numbers[doc.id]}] {document_label(summary, doc)}")
    if summary.copies:
        lines += ["", "Across sources:"]
        lines += [f"  {line}" for line in analysis_lines(summary, numbers)]
    return neutralise_controls("\n".join(lines) + "\n")
