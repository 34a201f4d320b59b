"""Cut documents into paragraphs and sentences, keeping exact raw offsets.

Wire copy is hard-wrapped every ~70 characters, mid-sentence. A line break is treated as
a soft wrap (joined into the paragraph) when the line is about as long as the block's
typical line and does not end a sentence; a short line or one that ends in final
punctuation ends its paragraph, so headlines, subheads and bylines stay apart from the
text after them. Sentences are then found on the joined paragraph, with line breaks read
as spaces: the working string has the raw text's length, so its offsets are raw offsets.

The default splitter ("rules") is one regex pass over candidate stops with word lists for
the abbreviations that do not end sentences: on the labelled sets of
``benchmarks/segmentation/`` it is at least as accurate as syntok at about a third of the
cost (``benchmarks/README.md``). syntok remains available as ``splitter="syntok"``. Both go
through the same repairs: glued sentences split (also lower-cased copy that lost the space
after a stop, and its "? " or "! " before a lower-case word: ``benchmarks/segmentation.md``),
pieces that end no sentence joined, a quotation of several sentences kept as one unit,
list items run into one line cut at their bullets, an attribution that cannot stand
alone ("Officials said on Monday.") joined to its sentence, and in lower-cased copy the
rest of a sentence cut after an abbreviation ("acme inc. Of portville") joined back; then,
over the whole document, a headline or caption glued to a copy of a sentence the page
shows again is cut off it, and at the document's start a video player's or a paper's label
and a headline run into the lead before a dateline's dash or a tabloid's "exclusive",
before a dateline with a state ("portville, nj --") or a bracketed outlet ("( acme news
)"), after a wire's "exclusive:" label up to its first article, and a photographer's
credit opening the page ("ann lee/cbs", "associated press"); a wire's dateline opening a
later sentence (after a gallery's credit) is a piece of its own, and in lower-cased copy
a verbless piece after a place and its state ("portville, okla. On the afternoon of
...") goes back on its sentence.

The stage lives by what it looks at: :mod:`.document` runs it (paragraphs, then each
paragraph's sentences); :mod:`.splitters` finds the candidate boundaries; :mod:`.glue`
cuts pieces glued together; :mod:`.repairs` joins pieces cut wrongly; :mod:`.start` cuts
a document's first sentence and the sentences that repeat a later one.
"""

from __future__ import annotations

from .document import segment, segment_text
from .glue import STAMP
from .splitters import SPLITTERS
from .start import page_text_opening

__all__ = ["SPLITTERS", "STAMP", "page_text_opening", "segment", "segment_text"]
