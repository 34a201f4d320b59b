"""Salience: one score per sentence, from the whole cluster.

Three signals, all deterministic:

* **centrality**: cosine similarity of the sentence's TF-IDF vector to the cluster centroid
  (the centroid method; close to LexRank on news clusters and linear in cluster size);
* **support**: how many *other* documents (or independent copy groups) contain a sentence at least
  ``support_threshold`` similar, the cross-document agreement that a story's core facts get;
* **position**: news puts the lead first, so earlier sentences get a prior.

plus cheap **surface cues** (:func:`surface`: quotation, first person, question, page
furniture, length, relative position, and how often human summaries use the sentence's
words). Scorers in :data:`SCORERS` combine them: ``centroid`` by hand-set weights,
``lexrank`` by graph centrality, and ``learned`` by a small linear model fitted on
Multi-News training clusters (benchmarks/train_scorer.py writes its twelve weights into
:data:`LEARNED_WEIGHTS` and the word table into ``summary_words.tsv``).

Sentence similarity is computed in row blocks of a sparse matrix product and only the
pairs above the threshold are kept, so memory grows with the number of similar pairs,
never with the square of the cluster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from .errors import EmptyClusterError
from .model import ScoredCluster, SegmentedDocument, Sentence
from .options import ScoreOptions

BLOCK_ROWS = 2048

# Written by benchmarks/train_scorer.py (see there to reproduce); order: LEARNED_INPUTS.
LEARNED_WEIGHTS: tuple[float, ...] = (
    0.1464,  # centrality
    0.1045,  # support
    -0.0097,  # position
    -0.0178,  # log_words
    0.1154,  # quote
    -0.0051,  # personal
    0.0419,  # question
    0.0159,  # digits
    -0.0321,  # relative_position
    -0.0126,  # furniture
    0.0637,  # summary_words
    0.1046,  # bias
)


@dataclass(frozen=True)
class Features:
    """Per-sentence signals a scorer combines; each array is aligned with the sentences."""

    centrality: np.ndarray
    support: np.ndarray  # other documents stating the sentence
    position: np.ndarray  # 1.0 for a document's first sentence, falling with depth
    neighbours: sparse.csr_matrix  # sentence-to-sentence similarity >= threshold
    # Surface cues, one column per name in SURFACE (see surface()); None when not computed.
    surface: np.ndarray | None = None


# Surface cues of a sentence, in the column order of ``Features.surface``.
SURFACE = (
    "log_words",
    "quote",
    "personal",
    "question",
    "digits",
    "relative_position",
    "furniture",
    "summary_words",
)
_OPENS_QUOTE = re.compile(r"""\s*(?:["“”„«]|''|``|'(?=\w))""")
_QUOTED = re.compile(r"""["“][^"“”]*["”]""")
# Matched against lowercased text (cheaper than IGNORECASE over many alternatives).
_PERSONAL = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'll|my|our|ours|me|you|your)\b")
_CLOSERS = " \"'”’)]"
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lowercased runs of word characters: the words the summary-word table counts."""
    return _TOKEN.findall(text.lower())


# Written by benchmarks/train_scorer.py: for each word seen in the documents of at least
# 20 training clusters, the log-odds that a cluster's human summary uses it when its
# articles do (smoothed toward all words' rate, given on the UNKNOWN row).
SUMMARY_WORDS_FILE = "summary_words.tsv"
UNKNOWN = "<unknown>"


_summary_words: tuple[dict[str, float], float] | None = None


def summary_words() -> tuple[dict[str, float], float]:
    """The summary-word log-odds table and the value for a word not in it."""
    global _summary_words
    if _summary_words is None:
        text = resources.files("synopsis").joinpath(SUMMARY_WORDS_FILE).read_text("utf-8")
        table: dict[str, float] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                word, value = line.split("\t")
                table[word] = float(value)
        _summary_words = (table, table.pop(UNKNOWN))
    return _summary_words


def use_summary_words(table: dict[str, float], unknown: float) -> None:
    """Score with this table instead of the shipped one (for the training script)."""
    global _summary_words
    _summary_words = (dict(table), unknown)


_FURNITURE = re.compile(
    r"https?:|www\.|@\w|\bclick\b|\bsubscribe\b|copyright|all rights reserved|\bphoto\b"
    r"|\bvideo\b|advertisement|\bnewsletter\b|\bsign up\b|\bread more\b"
)


def surface(sentences: Sequence[Sentence], counts: Sequence[int]) -> np.ndarray:
    """Cheap text cues that tell reporting from quotes, chatter and page furniture.

    ``counts`` holds each document's number of sentences (for the relative position).
    Human summaries of news are third-person reporting; sentences that are mostly a
    quotation, speak in the first or second person, ask a question or carry page
    furniture (links, "click", photo credits) are rarely in them. ``summary_words`` is
    the mean log-odds of the sentence's words appearing in a human summary.
    """
    prior, unknown = summary_words()
    rows = np.zeros((len(sentences), len(SURFACE)), dtype=np.float64)
    for i, s in enumerate(sentences):
        text = s.text
        lower = text.lower()
        quoted = _quoted_chars(text)
        outside = _QUOTED.sub(" ", lower) if quoted else lower
        rows[i] = (
            np.log1p(s.words),
            1.0 if _is_quotation(text, quoted) else 0.0,
            1.0 if _PERSONAL.search(outside) else 0.0,
            1.0 if text.rstrip(_CLOSERS).endswith("?") else 0.0,
            1.0 if _DIGIT.search(text) else 0.0,
            s.index / max(counts[s.doc_index], 1) if s.doc_index < len(counts) else 0.0,
            1.0 if _FURNITURE.search(lower) else 0.0,
            _mean_prior(words(text), prior, unknown),
        )
    return rows


_TERM = re.compile(r"(?u)\b\w\w+\b")


def _terms(text: str) -> list[str]:
    """Lowercased words of two or more characters, English stop words left out: what
    TfidfVectorizer's own analyzer yields, without its per-call checks of the settings."""
    return [t for t in _TERM.findall(text.lower()) if t not in ENGLISH_STOP_WORDS]


def _quoted_chars(text: str) -> int:
    if '"' not in text and "“" not in text:
        return 0
    return sum(len(m.group()) for m in _QUOTED.finditer(text))


def _is_quotation(text: str, quoted: int) -> bool:
    return bool(_OPENS_QUOTE.match(text)) or quoted > 0.5 * len(text)


def is_quotation(text: str) -> bool:
    """Whether a sentence opens with a quotation mark or is mostly inside quotes."""
    return _is_quotation(text, _quoted_chars(text))


def _mean_prior(tokens: list[str], prior: dict[str, float], unknown: float) -> float:
    return sum(prior.get(t, unknown) for t in tokens) / len(tokens) if tokens else unknown


def vectorize(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per text (IDF fitted on these texts)."""
    vectorizer = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, dtype=np.float32)
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # every text was stop words or punctuation
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Cosine similarities ``>= threshold`` between rows, excluding each row with itself."""
    n = matrix.shape[0]
    blocks = []
    transposed = matrix.T.tocsc()
    for lo in range(0, n, BLOCK_ROWS):
        block = (matrix[lo : lo + BLOCK_ROWS] @ transposed).tocoo()
        keep = (block.data >= threshold) & (block.row + lo != block.col)
        blocks.append(
            sparse.coo_matrix(
                (block.data[keep], (block.row[keep] + lo, block.col[keep])), shape=(n, n)
            )
        )
    if not blocks:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    return sparse.csr_matrix(sum(blocks[1:], blocks[0])) if len(blocks) > 1 else blocks[0].tocsr()


def at_least(pairs: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """The pairs of ``pairs`` whose similarity reaches ``threshold``."""
    kept = pairs.copy()
    kept.data[kept.data < threshold] = 0
    kept.eliminate_zeros()
    return kept


def pairs_at(scored: ScoredCluster, threshold: float) -> sparse.csr_matrix:
    """Sentence pairs at least ``threshold`` similar: filtered from the pairs the score
    stage kept when it kept enough of them, computed afresh otherwise."""
    if scored.similar is not None and threshold >= scored.similar_floor:
        return at_least(scored.similar, threshold)
    return similar_pairs(scored.vectors, threshold)


def other_documents(neighbours: sparse.csr_matrix, doc_of: np.ndarray) -> list[np.ndarray]:
    """For each sentence, the distinct other documents among its similar sentences."""
    out = []
    for i in range(neighbours.shape[0]):
        cols = neighbours.indices[neighbours.indptr[i] : neighbours.indptr[i + 1]]
        docs = np.unique(doc_of[cols])
        out.append(docs[docs != doc_of[i]])
    return out


def features(
    sentences: Sequence[Sentence],
    matrix: sparse.csr_matrix,
    threshold: float,
    groups: Sequence[int] | None = None,
    pairs: sparse.csr_matrix | None = None,
) -> Features:
    """The scorers' signals; with ``groups`` (copy group per document index), support
    counts other independent groups instead of other documents. ``pairs``, if given,
    are the sentence pairs at some similarity at or below ``threshold``."""
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm > 0 else np.zeros(matrix.shape[0])
    neighbours = similar_pairs(matrix, threshold) if pairs is None else at_least(pairs, threshold)
    doc_of = np.fromiter((s.doc_index for s in sentences), dtype=np.int64, count=len(sentences))
    if groups is not None:  # copies of one wire story confirm nothing: count groups
        doc_of = np.asarray(groups, dtype=np.int64)[doc_of]
    support = np.array([len(d) for d in other_documents(neighbours, doc_of)], dtype=np.float64)
    index = np.fromiter((s.index for s in sentences), dtype=np.float64, count=len(sentences))
    position = 1.0 / np.sqrt(1.0 + index)
    counts = np.bincount(doc_of, minlength=int(doc_of.max()) + 1) if len(doc_of) else []
    return Features(
        centrality=np.asarray(centrality, dtype=np.float64).ravel(),
        support=support,
        position=position,
        neighbours=neighbours,
        surface=surface(sentences, counts),
    )


def _unit(values: np.ndarray) -> np.ndarray:
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def centroid_scorer(f: Features, options: ScoreOptions) -> np.ndarray:
    """Weighted sum of centrality, support and position, each scaled to [0, 1]."""
    return (
        options.centrality_weight * _unit(f.centrality)
        + options.support_weight * _unit(f.support)
        + options.position_weight * f.position
    )


def lexrank_scorer(f: Features, options: ScoreOptions, damping: float = 0.85) -> np.ndarray:
    """Continuous LexRank (Erkan & Radev 2004) on the thresholded similarity graph."""
    n = f.neighbours.shape[0]
    if n == 0:
        return np.zeros(0)
    graph = f.neighbours.astype(np.float64)
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    dangling = out_weight == 0
    inv = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, out_weight))
    transition = sparse.diags(inv) @ graph
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        spread = transition.T @ rank + rank[dangling].sum() / n
        new = (1 - damping) / n + damping * spread
        if np.abs(new - rank).sum() < 1e-8:
            rank = new
            break
        rank = new
    return _unit(rank) + options.position_weight * f.position


# Inputs of the learned scorer, in order: the three signals above (each cluster's
# centrality and support scaled to [0, 1]), the surface cues, and a constant.
LEARNED_INPUTS = ("centrality", "support", "position", *SURFACE, "bias")


def design_matrix(f: Features) -> np.ndarray:
    """One row per sentence, one column per name in LEARNED_INPUTS."""
    n = f.centrality.shape[0]
    cues = f.surface if f.surface is not None else np.zeros((n, len(SURFACE)))
    return np.column_stack([_unit(f.centrality), _unit(f.support), f.position, cues, np.ones(n)])


def learned_scorer(f: Features, options: ScoreOptions) -> np.ndarray:
    """A linear model over LEARNED_INPUTS, fitted by benchmarks/train_scorer.py on
    Multi-News training clusters to predict a sentence's share of bigrams found in the
    human summary; the weights are the small table LEARNED_WEIGHTS below."""
    return design_matrix(f) @ np.asarray(LEARNED_WEIGHTS, dtype=np.float64)


Scorer = Callable[[Features, ScoreOptions], np.ndarray]
SCORERS: dict[str, Scorer] = {
    "centroid": centroid_scorer,
    "lexrank": lexrank_scorer,
    "learned": learned_scorer,
}


def score(
    documents: Sequence[SegmentedDocument],
    options: ScoreOptions | None = None,
    groups: Sequence[int] | None = None,
    keep_pairs: float | None = None,
) -> ScoredCluster:
    """Score every sentence of the cluster with the configured scorer.

    ``groups`` (from :func:`synopsis.dedup.dedup`, the copy group of each document) makes
    support count independent sources: a sentence repeated by three copies of one wire
    story then counts once. ``keep_pairs`` keeps the sentence pairs at least that
    similar in the result (for the later stages), found in the same pass as support's.
    """
    options = options or ScoreOptions()
    if options.scorer not in SCORERS:
        raise ValueError(f"unknown scorer {options.scorer!r}; choose from {', '.join(SCORERS)}")
    sentences = tuple(s for d in documents for s in d.sentences)
    if not sentences:
        raise EmptyClusterError(
            "no sentences to summarize: every document was empty after cleaning"
        )
    matrix = vectorize([s.text for s in sentences])
    floor = options.support_threshold
    if keep_pairs is not None:
        floor = min(floor, keep_pairs)
    pairs = similar_pairs(matrix, floor)
    f = features(sentences, matrix, options.support_threshold, groups, pairs)
    scores = SCORERS[options.scorer](f, options)
    return ScoredCluster(
        documents=tuple(documents),
        sentences=sentences,
        scores=tuple(float(x) for x in scores),
        support=tuple(int(x) for x in f.support),
        vectors=matrix,
        similar=pairs,
        similar_floor=floor,
    )
