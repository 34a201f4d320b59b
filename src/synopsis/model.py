"""The data that flows through the pipeline.

Every stage takes these plain dataclasses and returns new ones; nothing is mutated
after construction. Offsets always point into ``Document.text`` (the raw text as read),
so any sentence can be traced back to the exact characters it came from.

>>> doc = Document(id="a", text="One sentence. Another one.")
>>> doc.text[0:13]
'One sentence.'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's raw text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Document:
    """One article as read: ``text`` is kept exactly as decoded (BOM removed, newlines
    normalised to ``\\n``) so that offsets stay meaningful."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cluster:
    """Documents about one story, with an optional human reference summary."""

    id: str
    documents: tuple[Document, ...]
    reference: str | None = None


@dataclass(frozen=True)
class Removal:
    """A span that cleaning took out of the body, and why."""

    start: int
    end: int
    reason: str
    line: int


@dataclass(frozen=True)
class CleanDocument:
    """A document plus the spans of its raw text that are article body.

    Cleaning never rewrites text: it only chooses spans, so sentences found inside
    ``body`` slice the raw text exactly.
    """

    document: Document
    body: tuple[Span, ...]
    removals: tuple[Removal, ...] = ()
    meta: Mapping[str, str] = field(default_factory=dict)
    # Why the whole document is no source (a notice page, nothing left, off-topic), or None.
    dropped: str | None = None
    # A doubt cleaning could not settle about a kept document, for ``Summary.notes``.
    note: str | None = None

    @classmethod
    def whole(cls, document: Document) -> CleanDocument:
        """The uncleaned view: the whole raw text is body."""
        return cls(document=document, body=(Span(0, len(document.text)),))

    @property
    def body_text(self) -> str:
        """The body spans joined with blank lines, for display."""
        return "\n\n".join(self.document.text[s.start : s.end].strip() for s in self.body)


@dataclass(frozen=True)
class Sentence:
    """One sentence, located in its document's raw text.

    ``text`` is the display form (internal line breaks and runs of spaces folded to
    one space); ``document.text[start:end]`` is the exact raw slice.
    """

    doc_index: int
    doc_id: str
    index: int  # position among the document's sentences
    paragraph: int  # index of the paragraph it belongs to
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class SegmentedDocument:
    """A document cut into sentences (only inside its body spans)."""

    clean: CleanDocument
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[Span, ...]

    @property
    def document(self) -> Document:
        return self.clean.document


@dataclass(frozen=True)
class Mention:
    """One place in one document where something is stated."""

    document_id: str
    start: int
    end: int


@dataclass(frozen=True)
class CopyGroup:
    """Documents that are one story: a wire copy republished, re-edited or re-wrapped.

    A document with no copies is a group of one. The number of groups is the number of
    independent sources.
    """

    id: int
    documents: tuple[str, ...]  # document ids, the first is the group's representative
    shared: float = 1.0  # fraction of sentences the members share with the representative


@dataclass(frozen=True)
class Copies:
    """The result of the dedup stage: copy groups and, per document, its group's index.

    ``group_of[i]`` is the position in ``groups`` of the group holding document ``i``
    (documents in cluster order).
    """

    groups: tuple[CopyGroup, ...]
    group_of: tuple[int, ...]

    @property
    def independent_sources(self) -> int:
        return len(self.groups)


@dataclass(frozen=True)
class Support:
    """Who states a summary sentence: documents, and the independent groups among them."""

    documents: tuple[str, ...]  # every document stating it, its own source included
    groups: tuple[int, ...]  # CopyGroup ids among those documents


@dataclass(frozen=True)
class Variant:
    """One version of a disputed fact, and where it is stated."""

    value: str
    mentions: tuple[Mention, ...]
    groups: tuple[int, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document_id for m in self.mentions))


@dataclass(frozen=True)
class Disagreement:
    """Independent sources state one thing differently, and how a reader should weigh it.

    ``kind`` is ``conflict`` (the facts differ), ``update`` (a figure given for a later
    time), ``spelling`` (one name spelled differently, transliterations included) or
    ``wording`` (one quotation worded differently); ``about`` is what was compared.
    """

    kind: str  # "conflict" | "update" | "spelling" | "wording"
    subject: str  # what the variants are about, in plain words
    variants: tuple[Variant, ...]
    about: str = ""  # "number" | "date" | "name" | "quote"


KINDS = ("conflict", "update", "spelling", "wording")  # the order reports list them in


@dataclass(frozen=True)
class Insertion:
    """An editorial insertion in square brackets, the newsroom convention: the raw
    characters ``[at, end)`` of the sentence's document (a "he", or nothing when
    ``at == end``) are shown as ``text`` (``"[Kerry]"``), taken from ``source``."""

    at: int
    end: int
    text: str
    source: Mention


def apply_insertions(raw: str, start: int, insertions: tuple[Insertion, ...]) -> str:
    """The display text of a sentence: ``raw`` (which starts at document offset
    ``start``) with its insertions applied and runs of whitespace folded to one space.

    >>> m = Mention("a", 0, 5)
    >>> apply_insertions("he said.", 10, (Insertion(10, 12, "[Kerry]", m),))
    '[Kerry] said.'
    >>> apply_insertions("I was there.", 10, (Insertion(10, 10, "[Ann Lee wrote:]", m),))
    '[Ann Lee wrote:] I was there.'
    """
    out, pos = [], 0
    for ins in sorted(insertions, key=lambda i: (i.at, i.end)):
        # (one that replaces nothing is words of its own: spaces around it)
        shown = f" {ins.text} " if ins.at == ins.end else ins.text
        out += [raw[pos : ins.at - start], shown]
        pos = ins.end - start
    out.append(raw[pos:])
    return " ".join("".join(out).split())


@dataclass(frozen=True)
class SummarySentence:
    """A sentence chosen for the summary, with where it came from and who else says it.

    ``text`` is what a reader sees: ``raw`` with its ``insertions`` applied
    (:func:`apply_insertions`), so every bracketed word is traceable to its source.
    """

    text: str
    document_id: str
    start: int
    end: int
    raw: str  # document.text[start:end], exactly
    score: float
    supported_by: tuple[str, ...] = ()
    support: Support | None = None
    insertions: tuple[Insertion, ...] = ()


@dataclass(frozen=True)
class Headline:
    """The headline most representative across independent sources, and its document."""

    text: str
    document_id: str


@dataclass(frozen=True)
class Summary:
    """The result of :func:`synopsis.summarize`."""

    sentences: tuple[SummarySentence, ...]
    documents: tuple[Document, ...]
    cluster_id: str = "cluster"
    parameters: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    copies: tuple[CopyGroup, ...] = ()  # empty until cross-source analysis has run
    disagreements: tuple[Disagreement, ...] = ()
    # Documents that are no source (dropped by cleaning: furniture, notice page, off-topic).
    excluded: tuple[str, ...] = ()
    headline: Headline | None = None  # None when no article has a headline

    @property
    def independent_sources(self) -> int:
        """Copy groups, plus every document in no group that was not excluded.

        The one definition: the JSON, text, Markdown and HTML reports all read this, so a
        dropped document never counts in one face and not in another.
        """
        grouped = {doc for g in self.copies for doc in g.documents}
        alone = (d for d in self.documents if d.id not in grouped and d.id not in self.excluded)
        return len(self.copies) + sum(1 for _ in alone)

    @property
    def text(self) -> str:
        """The plain summary: one sentence per line, no source markers."""
        return "\n".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


@dataclass(frozen=True)
class ScoredCluster:
    """Every sentence of a cluster with its salience score.

    ``vectors`` holds one L2-normalised sparse TF-IDF row per sentence (a SciPy CSR
    matrix, aligned with ``sentences``) so later stages can compare sentences without
    re-vectorising; ``support`` counts the other documents that state each sentence.
    ``similar`` holds the pairs of different sentences at least ``similar_floor``
    similar, at most a fixed number of nearest neighbours per sentence (sparse CSR,
    computed once by the score stage; see ``score.similarity``), so attribution and
    disagreement filter it instead of multiplying the vectors again.
    """

    documents: tuple[SegmentedDocument, ...]
    sentences: tuple[Sentence, ...]
    scores: tuple[float, ...]
    support: tuple[int, ...]
    vectors: object
    similar: object = None
    similar_floor: float = 1.0


@dataclass(frozen=True)
class Selection:
    """Indices into ``ScoredCluster.sentences``, in the order the summary reads, and the
    insertions that let a sentence stand where it is (by sentence index)."""

    indices: tuple[int, ...]
    insertions: Mapping[int, tuple[Insertion, ...]] = field(default_factory=dict)
