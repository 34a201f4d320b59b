"""Copies: which documents are one story (a wire copy republished, re-edited, re-wrapped).

Three agreeing Reuters copies are one source, not three confirmations. Documents are
grouped in two steps so that 10,000 documents never cost 50 million comparisons:

1. **candidates**: each document's word shingles go into a MinHash signature, and
   locality-sensitive hashing (datasketch's ``MinHashLSH``) returns only the pairs whose
   shingle sets are likely to overlap. A cluster of at most
   ``options.direct_max_documents`` documents skips the sketches: every pair's exact
   shingle containment is cheaper to compute than the signatures;
2. **confirmation**: the near-identical sentence pairs of the cluster are found once with
   rapidfuzz (:class:`SentenceIndex`, bounded on any text), then each candidate pair is
   one story when most of the shorter document's words are in sentences with a
   near-identical sentence in the other (re-wrapped lines, changed quote marks and page
   furniture do not matter; a truncated copy still matches because the shorter side decides).

Confirmed pairs are joined by union-find; every group of one or more documents is one
independent source.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process

from .model import Copies, CopyGroup, SegmentedDocument
from .options import DedupOptions

if TYPE_CHECKING:
    from datasketch import MinHash

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalize(text: str) -> str:
    """Lower-case words only: punctuation, quote styles and line breaks do not count."""
    return " ".join(_WORD.findall(text.lower()))


def normalize_words(words: Sequence[str]) -> str:
    """:func:`normalize` from a sentence's words (runs of ``\\w`` of the lowercased text,
    ``score.words``): the same string, split at underscores, without reading the text."""
    joined = " ".join(words)
    if "_" not in joined:
        return joined
    return " ".join(p for w in words for p in w.split("_") if p)


def dedup(
    documents: Sequence[SegmentedDocument],
    options: DedupOptions | None = None,
    tokens: Sequence[Sequence[list[str]]] | None = None,
) -> Copies:
    """Group the documents that are copies of one story.

    Returns the groups (ids from 1, in order of their first document) and, per document,
    the index of its group. With ``options.enabled`` false every document is its own group.
    ``tokens`` (per document, each sentence's words as ``score.words`` gives them) shares
    the pipeline's one tokenization; the sentences are read here when it is not given.
    """
    options = options or DedupOptions()
    if tokens is None:
        sentences = [_long_sentences(d, options) for d in documents]
    else:
        if len(tokens) != len(documents):
            raise ValueError(f"{len(tokens)} token lists for {len(documents)} documents")
        sentences = [_long_normalized(ws, options) for ws in tokens]
    n = len(documents)
    parent = list(range(n))
    aligned: dict[tuple[int, int], tuple[float, float]] = {}
    index: SentenceIndex | None = None
    if options.enabled and n > 1:
        lengths = [np.array([s.count(" ") + 1 for s in sents]) for sents in sentences]
        pairs = candidate_pairs(sentences, options)
        involved = sorted({d for pair in pairs for d in pair})
        index = SentenceIndex({d: sentences[d] for d in involved}, options)
        for a, b in pairs:
            if _find(parent, a) == _find(parent, b):
                continue  # already one group through other copies: confirming adds nothing
            hits_a, hits_b = index.hits(a, b)
            if _is_copy(lengths[a], hits_a, lengths[b], hits_b, options):
                aligned[(a, b)] = (float(hits_a.mean()), float(hits_b.mean()))
                _union(parent, a, b)
    ids = [d.document.id for d in documents]
    return _groups(ids, parent, sentences, aligned, index)


def candidate_pairs(
    sentences: Sequence[Sequence[str]], options: DedupOptions
) -> list[tuple[int, int]]:
    """Document pairs (i < j) likely to share text: by exact shingle containment in a small
    cluster, by MinHash LSH otherwise (never all pairs of a large one)."""
    if len(sentences) <= options.direct_max_documents:
        return direct_pairs(sentences, options)
    return minhash_pairs(sentences, options)


def direct_pairs(
    sentences: Sequence[Sequence[str]], options: DedupOptions
) -> list[tuple[int, int]]:
    """The pairs LSH is built to find, computed exactly: shingle Jaccard similarity of at
    least ``options.lsh_threshold`` and containment (share of the smaller set found in the
    other) of at least ``options.min_containment``; every pair compared.

    From ``_CODES_FROM`` documents every pair's shared shingles are counted at once
    (:func:`shared_shingles`) rather than by one set intersection per pair; the tests are
    the same Python divisions of the same counts."""
    k = options.shingle_words
    if len(sentences) >= _CODES_FROM:
        sizes, table = shared_shingles(sentences, k)

        def shared(i: int, j: int) -> int:
            return table[i][j]
    else:
        sets = [_shingle_set(s, k) for s in sentences]
        sizes = [len(s) for s in sets]

        def shared(i: int, j: int) -> int:
            return len(sets[i] & sets[j])

    pairs = []
    for i, j in itertools.combinations(range(len(sizes)), 2):
        la, lb = sizes[i], sizes[j]
        if not la or not lb:
            continue
        both = shared(i, j)
        if (
            both / (la + lb - both) >= options.lsh_threshold
            and both / min(la, lb) >= options.min_containment
        ):
            pairs.append((i, j))
    return pairs


# From this many documents counting shingles by integer codes costs less than
# intersecting sets of word tuples (0.84 against 1.02 ms at 6 documents, 2.9 against
# 7.4 at 20; 0.31 against 0.16 at 2: numpy's fixed cost): the same counts either way.
_CODES_FROM = 6
# Codes of runs of words stay below this, so that one more word never overflows int64.
_CODE_LIMIT = 2**62


def shared_shingles(
    sentences: Sequence[Sequence[str]], k: int, code_limit: int = _CODE_LIMIT
) -> tuple[list[int], list[list[int]]]:
    """Each document's number of distinct shingles (the runs of ``k`` words of
    :func:`_shingles`; a document of fewer words has one, all of them) and, for every two
    documents, how many they share: the sizes and intersections of the sets of
    :func:`_shingle_set`, exactly.

    Each word gets an integer of the cluster, each run of words one integer built from
    them (a run's code times the number of words plus the next word: equal codes are
    equal runs; codes are renumbered by rank when the next step could pass
    ``code_limit``), a document shorter than a shingle padded with a code no word has.
    The shingles two or more documents hold form one 0/1 matrix, whose product with
    itself counts every pair's shared shingles (sums of ones in float32: exact below
    2**24 shingles, float64 past it).
    """
    n = len(sentences)
    words = [" ".join(sents).split() for sents in sentences]
    # each distinct word's number, then every word looked up by C calls (map, fromiter)
    ids = {w: i for i, w in enumerate(dict.fromkeys(itertools.chain.from_iterable(words)))}
    docs = [np.fromiter(map(ids.__getitem__, ws), np.int64, len(ws)) for ws in words]
    base = len(ids) + 1
    pad = len(ids)  # no word's code: a short document's run of all its words, padded
    for d, codes in enumerate(docs):
        if 0 < len(codes) < k:
            docs[d] = np.concatenate([codes, np.full(k - len(codes), pad, dtype=np.int64)])
    lengths = np.array([len(c) for c in docs], dtype=np.int64)
    runs = np.maximum(lengths - k + 1, 0)  # shingles (with repeats) of each document
    flat = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    total = len(flat)
    code = flat.copy()
    for j in range(1, k):
        if total and (int(code.max()) + 1) * base > code_limit:
            code = np.unique(code, return_inverse=True)[1].astype(np.int64).reshape(-1)
        code[: total - j] = code[: total - j] * base + flat[j:]
    starts = np.cumsum(lengths) - lengths
    # the runs that start inside a document and end in it, in document order
    offset = np.arange(int(runs.sum())) - np.repeat(np.cumsum(runs) - runs, runs)
    code = code[np.repeat(starts, runs) + offset]
    doc = np.repeat(np.arange(n, dtype=np.int64), runs)
    # by code, and by document within a code (a stable sort of runs in document order)
    order = np.argsort(code, kind="stable")
    code, doc = code[order], doc[order]
    distinct = np.ones(len(code), dtype=bool)  # each document's first run of each code
    distinct[1:] = (code[1:] != code[:-1]) | (doc[1:] != doc[:-1])
    code, doc = code[distinct], doc[distinct]
    new = np.ones(len(code), dtype=bool)
    new[1:] = code[1:] != code[:-1]
    shingle = np.cumsum(new) - 1
    sizes = np.bincount(doc, minlength=n).tolist()
    held = np.bincount(shingle)  # documents holding each shingle
    common = held[shingle] >= 2
    column = np.cumsum(new & common)[common] - 1  # the shingles two documents hold, numbered
    width = int(column[-1]) + 1 if column.size else 0
    exact = np.float32 if width < 2**24 else np.float64  # sums of ones, exact below 2**24
    matrix = np.zeros((n, width), dtype=exact)
    matrix[doc[common], column] = 1.0
    shared = (matrix @ matrix.T).astype(np.int64).tolist()
    return sizes, shared


def minhash_pairs(
    sentences: Sequence[Sequence[str]], options: DedupOptions
) -> list[tuple[int, int]]:
    """Pairs found by MinHash LSH whose estimated containment reaches the bar."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(
        num_perm=options.permutations,
        params=lsh_bands(options.lsh_threshold, options.permutations),
    )
    scheme, permutations, default_hash = _permutations(options.permutations)
    # datasketch's default hash, computed once per distinct shingle (copies repeat their
    # shingles, and hashing is most of the sketching) and looked up by the sketches
    hashed: dict[bytes, int] = {}
    signatures: list[MinHash | None] = []
    sizes: list[int] = []
    for i, sents in enumerate(sentences):
        shingles = _shingles(sents, options.shingle_words)
        sizes.append(len(shingles))
        if not shingles:
            signatures.append(None)
            continue
        for shingle in shingles:
            if shingle not in hashed:
                hashed[shingle] = default_hash(shingle)
        m = MinHash(
            num_perm=options.permutations,
            seed=1,
            permutations=permutations,
            scheme=scheme,
            hashfunc=hashed.__getitem__,
        )
        m.update_batch(shingles)
        lsh.insert(i, m)
        signatures.append(m)
    # MinHash.jaccard of each document with its candidates at once, as datasketch computes
    # it (equal hash values over the permutations, a float division)
    present = [m.hashvalues for m in signatures if m is not None]
    stacked = np.stack(present) if present else None
    row = np.cumsum([m is not None for m in signatures]) - 1
    pairs: set[tuple[int, int]] = set()
    for i, m in enumerate(signatures):
        if m is None:
            continue
        others = [j for j in lsh.query(m) if j != i and ((j, i) if j < i else (i, j)) not in pairs]
        if not others:
            continue
        assert stacked is not None  # only documents with shingles are in the index
        equal = np.count_nonzero(stacked[row[others]] == m.hashvalues, axis=1)
        for j, same in zip(others, equal.tolist(), strict=True):
            jaccard = float(same) / float(len(m.hashvalues))
            if _containment(jaccard, sizes[i], sizes[j]) >= options.min_containment:
                pairs.add((j, i) if j < i else (i, j))
    return sorted(pairs)


@functools.lru_cache(maxsize=4)
def _permutations(permutations: int) -> tuple[str, object, Callable[[bytes], int]]:
    """The seed-1 hash scheme, permutations and hash function, drawn once: datasketch
    draws them on every ``MinHash()``, which costs more than hashing a short document's
    shingles."""
    from datasketch import MinHash

    m = MinHash(num_perm=permutations, seed=1)
    return m.scheme, m.permutations, m.hashfunc


@functools.lru_cache(maxsize=16)
def lsh_bands(threshold: float, permutations: int) -> tuple[int, int]:
    """Bands and rows for the LSH threshold. datasketch finds them by numerical integration
    on every ``MinHashLSH(threshold=...)``, ~25 ms, more than the rest of dedup on a small
    cluster; the answer depends only on these two numbers, so it is computed once."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    return lsh.b, lsh.r


def _containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the other, from the MinHash
    Jaccard estimate J: |A ∩ B| = J (|A| + |B|) / (1 + J)."""
    return jaccard * (size_a + size_b) / (1 + jaccard) / max(min(size_a, size_b), 1)


_ROW_BLOCK = 16  # rows of one block of SentenceIndex's comparison of all pairs


class SentenceIndex:
    """Near-identical sentence pairs of a cluster, found once for every document pair.

    Each distinct long sentence of the given documents gets an id; two ids are linked when
    their texts reach ``options.sentence_ratio`` (rapidfuzz's ``fuzz.ratio``). A document
    pair's hits are then lookups (is this sentence, or one linked to it, in the other
    document?) instead of a fresh ``cdist`` of their sentences for each of up to tens of
    thousands of candidate pairs.

    Up to ``options.direct_max_sentences`` distinct sentences every pair is compared, in
    row blocks (exact: the same hits as comparing each document pair's sentences). Above
    it (only huge or repetitive input, never the clusters in ``benchmarks/robustness.md``)
    the work is capped: a sentence is compared only with at most
    ``options.max_sentence_candidates`` others that share one of its
    ``options.rare_shingles`` rarest word trigrams (in fewest sentences of the cluster; a
    copy with a word changed keeps most of them, and even in low-vocabulary text trigrams
    are rare), those sharing most of them first, then the closest in length; a near copy
    outside those is not found, so two documents can count as two sources where the exact
    comparison makes them one.
    """

    def __init__(self, documents: dict[int, Sequence[str]], options: DedupOptions) -> None:
        self.ratio = options.sentence_ratio
        ids: dict[str, int] = {}
        self.doc_ids = {
            d: np.fromiter((ids.setdefault(x, len(ids)) for x in sents), dtype=np.int64)
            for d, sents in documents.items()
        }
        texts = list(ids)
        if len(texts) <= options.direct_max_sentences:
            src, dst = self._all_pairs(texts)
        else:
            src, dst = self._capped_pairs(texts, options)
        self.src, self.dst = np.concatenate([src, dst]), np.concatenate([dst, src])
        self.size = len(texts)
        self._reach: dict[int, np.ndarray] = {}

    def _all_pairs(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Every pair (i < j) of distinct sentences that reaches the ratio, in order.

        Each block of rows is compared with itself and the rows after it: the pairs
        before the block were found by the earlier blocks, so the smaller the block, the
        less of the square is scored twice or with itself (16 rows: 5.9 -> 3.5 ms on 172
        sentences), for one ``cdist`` call per block."""
        src, dst = [], []
        block = max(1, min(_ROW_BLOCK, 4_000_000 // max(len(texts), 1)))  # <= ~4 MB of scores
        for start in range(0, len(texts), block):
            near = _near(texts[start : start + block], texts[start:], self.ratio)
            rows, cols = np.nonzero(near)
            keep = cols > rows  # each pair once, no sentence with itself
            src.append(rows[keep] + start)
            dst.append(cols[keep] + start)
        if not src:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(src).astype(np.int64), np.concatenate(dst).astype(np.int64)

    def _capped_pairs(
        self, texts: list[str], options: DedupOptions
    ) -> tuple[np.ndarray, np.ndarray]:
        """At most ``max_sentence_candidates`` comparisons a sentence, by rare shingles."""
        import bisect
        from collections import Counter

        words = [_trigrams(t) for t in texts]
        frequency = Counter(w for ws in words for w in ws)
        lengths = [len(t) for t in texts]
        postings: dict[str, list[int]] = {}
        for i, ws in enumerate(words):
            for w in ws:
                postings.setdefault(w, []).append(i)
        by_length = {}
        for w, ids in postings.items():
            ids.sort(key=lambda i: lengths[i])
            by_length[w] = [lengths[i] for i in ids]
        limit = options.max_sentence_candidates
        src, dst = [], []
        for i, ws in enumerate(words):
            rare = sorted(ws, key=lambda w: (frequency[w], w))[: options.rare_shingles]
            shared: Counter[int] = Counter()
            for w in rare:  # the 4 x limit sentences closest in length holding the shingle
                ids, lens = postings[w], by_length[w]
                at = bisect.bisect_left(lens, lengths[i])
                lo = max(0, at - 2 * limit)
                shared.update(ids[lo : lo + 4 * limit])
            del shared[i]
            if not shared:
                continue
            # most rare words in common first, then closest in length
            best = sorted(shared, key=lambda j: (-shared[j], abs(lengths[j] - lengths[i]), j))
            others = sorted(best[:limit])
            near = _near([texts[i]], [texts[j] for j in others], self.ratio)[0]
            for j, hit in zip(others, near, strict=True):
                if hit:
                    src.append(min(i, j))
                    dst.append(max(i, j))
        pairs = np.unique(np.array([src, dst], dtype=np.int64).reshape(2, -1), axis=1)
        return pairs[0], pairs[1]

    def reach(self, d: int) -> np.ndarray:
        """Which sentence ids document ``d`` holds or holds a near copy of."""
        if d not in self._reach:
            mine = np.zeros(self.size, dtype=bool)
            mine[self.doc_ids[d]] = True
            out = mine.copy()
            out[self.dst[mine[self.src]]] = True
            self._reach[d] = out
        return self._reach[d]

    def hits(self, a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        """Per sentence of ``a`` (and of ``b``): has it a near-identical one on the other side?"""
        return self.reach(b)[self.doc_ids[a]], self.reach(a)[self.doc_ids[b]]


def _trigrams(sentence: str) -> set[str]:
    words = sentence.split()
    if len(words) < 3:
        return {sentence}
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _mean(hits: np.ndarray) -> float:
    return float(hits.mean()) if hits.size else 0.0


def align(a: Sequence[str], b: Sequence[str], ratio: float) -> tuple[float, float]:
    """Share of ``a``'s sentences with a near-identical sentence in ``b``, and vice versa."""
    if not a or not b:
        return 0.0, 0.0
    hits_a, hits_b = SentenceIndex({0: a, 1: b}, DedupOptions(sentence_ratio=ratio)).hits(0, 1)
    return float(hits_a.mean()), float(hits_b.mean())


def _hits(a: Sequence[str], b: Sequence[str], ratio: float) -> tuple[np.ndarray, np.ndarray]:
    """For each sentence of ``a`` (and of ``b``): has it a near-identical one on the other side?

    The pairwise reference for :class:`SentenceIndex` (tests compare the two).

    A sentence found verbatim on the other side is a hit without fuzzy matching (its ratio
    is 100); only the others are compared: ``a``'s against all of ``b``, then ``b``'s
    still unmatched ones against ``a``'s verbatim ones, the one comparison not yet made.
    Copies share most sentences verbatim, so most of the all-pairs matrix is skipped.
    """
    if not a or not b:
        return np.zeros(len(a), dtype=bool), np.zeros(len(b), dtype=bool)
    in_a, in_b = set(a), set(b)
    hits_a = np.fromiter((x in in_b for x in a), dtype=bool, count=len(a))
    hits_b = np.fromiter((x in in_a for x in b), dtype=bool, count=len(b))
    exact_a = np.flatnonzero(hits_a)
    rest_a = np.flatnonzero(~hits_a)
    rest_b = np.flatnonzero(~hits_b)
    if rest_a.size:
        near = _near([a[i] for i in rest_a], b, ratio)
        hits_a[rest_a] = near.any(axis=1)
        hits_b |= near.any(axis=0)
    rest_b = rest_b[~hits_b[rest_b]]
    if rest_b.size and exact_a.size:
        near = _near([a[i] for i in exact_a], [b[j] for j in rest_b], ratio)
        hits_b[rest_b] = near.any(axis=0)
    return hits_a, hits_b


def _near(a: Sequence[str], b: Sequence[str], ratio: float) -> np.ndarray:
    """Which pairs of ``a`` x ``b`` reach ``ratio`` (rapidfuzz's ``fuzz.ratio``)."""
    scores = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=ratio, dtype=np.uint8)
    return scores >= ratio


def _long_sentences(document: SegmentedDocument, options: DedupOptions) -> list[str]:
    out = []
    for s in document.sentences:
        norm = normalize(s.text)
        if norm.count(" ") + 1 >= options.min_sentence_words:
            out.append(norm)
    return out


def _long_normalized(tokens: Sequence[list[str]], options: DedupOptions) -> list[str]:
    """:func:`_long_sentences` from each sentence's words."""
    out = []
    for ws in tokens:
        norm = normalize_words(ws)
        if norm.count(" ") + 1 >= options.min_sentence_words:
            out.append(norm)
    return out


def _shingles(sentences: Sequence[str], k: int) -> list[bytes]:
    words = " ".join(sentences).split()
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    # each run of k words (zip of the word list and its shifts: no slice per shingle)
    runs = zip(*(words[j:] for j in range(k)), strict=False)  # the shifts differ in length
    return list({" ".join(run).encode() for run in runs})


def _shingle_set(sentences: Sequence[str], k: int) -> set[tuple[str, ...]]:
    """The shingles of :func:`_shingles` as word tuples, for comparing sets directly: the
    set is built by C code (no join or encode per run), and since the words hold no
    white space a tuple stands for exactly one joined shingle, so every intersection
    has the same size."""
    words = " ".join(sentences).split()
    if len(words) < k:
        return {tuple(words)} if words else set()
    return set(zip(*(words[j:] for j in range(k)), strict=False))


def _is_copy(
    words_a: np.ndarray,
    hits_a: np.ndarray,
    words_b: np.ndarray,
    hits_b: np.ndarray,
    options: DedupOptions,
) -> bool:
    """Most of the shorter document's words sit in sentences the other one also has.

    ``words_a``/``words_b`` are each sentence's word count. The shorter side decides, so a
    truncated copy is still a copy; shares are weighted by words, so short lines of page
    furniture two unrelated pages share ("Sign up for our newsletter") cannot make them
    one story.
    """
    words, hits = (words_a, hits_a) if words_a.sum() <= words_b.sum() else (words_b, hits_b)
    if not words.size or int(hits.sum()) < options.min_aligned:
        return False
    return float(words[hits].sum() / words.sum()) >= options.min_shared


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _groups(
    ids: Sequence[str],
    parent: list[int],
    sentences: Sequence[Sequence[str]],
    aligned: dict[tuple[int, int], tuple[float, float]],
    index: SentenceIndex | None,
) -> Copies:
    members: dict[int, list[int]] = {}
    for i in range(len(parent)):
        members.setdefault(_find(parent, i), []).append(i)
    groups: list[CopyGroup] = []
    group_of = [0] * len(parent)
    for position, docs in enumerate(members.values()):
        # The most complete copy represents the group; ties go to the earliest document.
        rep = max(docs, key=lambda d: (len(sentences[d]), -d))
        others = [d for d in docs if d != rep]
        shared = 1.0
        if others:
            fractions = []
            for d in others:
                pair = aligned.get((min(d, rep), max(d, rep)))
                if pair is None:  # joined through another copy: align with the representative
                    assert index is not None  # groups of several only come from confirmed pairs
                    hits_lo, hits_hi = index.hits(min(d, rep), max(d, rep))
                    pair = (_mean(hits_lo), _mean(hits_hi))
                fractions.append(pair[0] if d < rep else pair[1])
            shared = round(float(np.mean(fractions)), 3)
        for d in docs:
            group_of[d] = position
        groups.append(
            CopyGroup(
                id=position + 1, documents=tuple(ids[d] for d in [rep, *others]), shared=shared
            )
        )
    return Copies(groups=tuple(groups), group_of=tuple(group_of))
