"""Decide which spans of a scraped article are story, and record everything taken out.

Cleaning never rewrites text. It reads the raw text line by line, gives every line a
verdict from general rules (its shape, its position, vocabulary lists in
:mod:`synopsis.furniture`, repetition inside the document and across the cluster), and
returns the kept parts as raw spans plus a :class:`~synopsis.model.Removal` for each part
taken out, so sentences found later still slice ``Document.text`` exactly.

The rules live by what they look at: :mod:`.lines` (one line at a time), :mod:`.datelines`,
:mod:`.trackers` (change-tracker pages), :mod:`.documents` (the whole document and the
cluster), which runs them in order, and :mod:`.stories` (which documents tell the
cluster's story), helped by :mod:`.kinds` (whether a text reads as a news report or as a
page that is no article).

>>> from synopsis.model import Document
>>> c = clean(Document(id="a", text="PARIS (Reuters) - Talks began on Monday.\\nComments"))
>>> c.body_text, c.meta["dateline_place"], [r.reason for r in c.removals]
('Talks began on Monday.', 'PARIS', ['dateline', 'page furniture'])
"""

from __future__ import annotations

from .documents import clean, clean_cluster

__all__ = ["clean", "clean_cluster"]
