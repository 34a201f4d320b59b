"""Copies of one story are grouped; distinct articles about one event are not."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from conftest import FIXTURES, make_clean
from synopsis.dedup import (
    SentenceIndex,
    _hits,
    candidate_pairs,
    dedup,
    normalize,
    normalize_words,
)
from synopsis.model import SegmentedDocument
from synopsis.options import DedupOptions
from synopsis.score import words
from synopsis.segment import segment

CROSS = FIXTURES / "cross"


def segmented(*named: tuple[str, str]) -> list[SegmentedDocument]:
    return [segment(make_clean(text, doc_id), i) for i, (doc_id, text) in enumerate(named)]


def fixture(name: str) -> tuple[str, str]:
    return name, (CROSS / name).read_text()


def test_rewrapped_copy_with_furniture_is_grouped_and_independent_article_is_not() -> None:
    docs = segmented(
        fixture("wire.txt"), fixture("independent.txt"), fixture("wire-republished.txt")
    )
    copies = dedup(docs)
    assert copies.independent_sources == 2
    assert copies.group_of[0] == copies.group_of[2] != copies.group_of[1]
    wire = copies.groups[copies.group_of[0]]
    assert set(wire.documents) == {"wire.txt", "wire-republished.txt"}
    assert wire.documents[0] == "wire.txt"  # the more complete copy represents the group
    # The copy's 6 body sentences align; its headline and "Read more" teaser (5+ words) do not.
    assert wire.shared == 0.75


def test_groups_are_transitive_and_numbered_in_document_order() -> None:
    wire = (CROSS / "wire.txt").read_text()
    docs = segmented(
        fixture("independent.txt"),
        ("a", wire),
        ("b", wire.replace("Tuesday", "Monday")),
        ("c", wire),
    )
    copies = dedup(docs)
    assert [g.id for g in copies.groups] == [1, 2]
    assert copies.groups[0].documents == ("independent.txt",)
    assert sorted(copies.groups[1].documents) == ["a", "b", "c"]


def test_one_document_is_one_source() -> None:
    copies = dedup(segmented(fixture("wire.txt")))
    assert copies.independent_sources == 1
    assert copies.groups[0].shared == 1.0


def test_disabled_keeps_every_document_apart() -> None:
    wire = (CROSS / "wire.txt").read_text()
    copies = dedup(segmented(("a", wire), ("b", wire)), DedupOptions(enabled=False))
    assert copies.independent_sources == 2


def test_candidates_come_from_lsh_not_all_pairs() -> None:
    wire = (CROSS / "wire.txt").read_text()
    other = (CROSS / "independent.txt").read_text()
    # 30 unrelated short documents plus two copies: only the copies are candidates.
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(2000)]
    texts = [" ".join(rng.choices(vocabulary, k=40)) + "." for _ in range(30)]
    docs = segmented(
        *[(str(i), t) for i, t in enumerate(texts)], ("w1", wire), ("w2", wire), ("o", other)
    )
    sentences = [[normalize(s.text) for s in d.sentences] for d in docs]
    for options in (DedupOptions(), DedupOptions(direct_max_documents=0)):  # direct, LSH
        pairs = candidate_pairs(sentences, options)
        assert (30, 31) in pairs
        assert len(pairs) < 10


def test_a_small_cluster_is_compared_directly_with_the_same_groups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    wire = (CROSS / "wire.txt").read_text()
    docs = segmented(
        fixture("independent.txt"), ("a", wire), ("b", wire.replace("Tuesday", "Monday")),
        fixture("wire-republished.txt"),
    )  # fmt: skip
    sketched = dedup(docs, DedupOptions(direct_max_documents=0))

    def no_sketches(*_: object) -> None:
        raise AssertionError("a small cluster should not build MinHash sketches")

    monkeypatch.setattr("synopsis.dedup.minhash_pairs", no_sketches)
    direct = dedup(docs)
    assert direct.groups == sketched.groups and direct.group_of == sketched.group_of
    assert direct.independent_sources == 2


def test_thresholds_are_options() -> None:
    docs = segmented(fixture("wire.txt"), fixture("wire-republished.txt"))
    strict = dataclasses.replace(DedupOptions(), min_shared=1.01)
    assert dedup(docs, strict).independent_sources == 2


def test_summary_support_counts_a_wire_story_once() -> None:
    import synopsis

    names = ["wire.txt", "wire-republished.txt", "independent.txt"]
    summary = synopsis.summarize([CROSS / n for n in names], words=300)
    assert summary.independent_sources == 2
    from_wire = [s for s in summary.sentences if s.document_id in names[:2]]
    assert from_wire
    for s in from_wire:
        assert s.support is not None and s.support.documents[0] == s.document_id
        if len(s.support.documents) > 1:  # stated by both copies: still one source
            assert set(s.support.documents) <= set(names[:2])
            assert len(s.support.groups) == 1


@pytest.mark.parametrize(
    "text",
    ["Plain words, and 3.5% more.", "snake_case __init__ x_ _y", "Ärzte-Ämter “quoted” café", ""],
)
def test_normalized_words_are_the_normalized_text(text: str) -> None:
    assert normalize_words(words(text)) == normalize(text)


def test_shared_tokens_give_the_same_groups() -> None:
    docs = segmented(
        fixture("wire.txt"), fixture("independent.txt"), fixture("wire-republished.txt")
    )
    tokens = [[words(s.text) for s in d.sentences] for d in docs]
    shared = dedup(docs, tokens=tokens)
    assert shared == dedup(docs) and shared.independent_sources == 2
    with pytest.raises(ValueError):
        dedup(docs, tokens=tokens[:1])


def test_hits_skipping_verbatim_sentences_equal_all_pairs_matching() -> None:
    from rapidfuzz import fuzz, process

    rng = random.Random(5)
    base = [
        " ".join(rng.choice("abcdefgh") * rng.randint(2, 6) for _ in range(8)) for _ in range(30)
    ]

    def variant(s: str) -> str:  # verbatim, lightly edited or unrelated
        roll = rng.random()
        if roll < 0.4:
            return s
        if roll < 0.7:
            return s[:-3] + "xyz"
        return " ".join(rng.sample(s.split(), len(s.split())))

    for _ in range(40):
        a = [variant(rng.choice(base)) for _ in range(rng.randint(0, 12))]
        b = [variant(rng.choice(base)) for _ in range(rng.randint(0, 12))]
        hits_a, hits_b = _hits(a, b, 85)
        if a and b:
            full = process.cdist(a, b, scorer=fuzz.ratio, score_cutoff=85, dtype=np.uint8) >= 85
            assert hits_a.tolist() == full.any(axis=1).tolist()
            assert hits_b.tolist() == full.any(axis=0).tolist()
        else:
            assert not hits_a.any() and not hits_b.any()


def _variants(rng: random.Random, base: list[str], n: int) -> list[str]:
    """Sentences drawn from ``base``: verbatim, lightly edited or reordered (unrelated)."""
    out = []
    for _ in range(n):
        s = rng.choice(base)
        roll = rng.random()
        if roll < 0.4:
            out.append(s)
        elif roll < 0.7:
            out.append(s[:-3] + "xyz")
        else:
            out.append(" ".join(rng.sample(s.split(), len(s.split()))))
    return out


def test_cluster_sentence_index_gives_every_pairs_own_hits() -> None:
    rng = random.Random(7)
    base = [
        " ".join(rng.choice("abcdefgh") * rng.randint(2, 6) for _ in range(8)) for _ in range(30)
    ]
    docs = {d: _variants(rng, base, rng.randint(0, 15)) for d in range(12)}
    index = SentenceIndex(docs, DedupOptions())
    for a in docs:
        for b in docs:
            if a < b:
                got = index.hits(a, b)
                want = _hits(docs[a], docs[b], 85)
                assert got[0].tolist() == want[0].tolist()
                assert got[1].tolist() == want[1].tolist()


def test_capped_sentence_index_bounds_comparisons_and_keeps_near_copies(monkeypatch) -> None:
    import synopsis.dedup as module

    rng = random.Random(11)
    vocabulary = ["".join(rng.choice("klmnoprst") for _ in range(5)) for _ in range(400)]
    base = [" ".join(rng.sample(vocabulary, 10)) for _ in range(300)]
    edited = [s[:-2] + "zz" for s in base]  # every sentence lightly edited: none verbatim
    cells = 0
    near = module._near

    def counting(a, b, ratio):
        nonlocal cells
        cells += len(a) * len(b)
        return near(a, b, ratio)

    monkeypatch.setattr(module, "_near", counting)
    exact = SentenceIndex({0: base, 1: edited}, DedupOptions())
    assert exact.hits(0, 1)[0].all()
    assert cells >= 600 * 601 // 2  # every pair of the 600 distinct sentences
    cells = 0
    options = DedupOptions(direct_max_sentences=100, max_sentence_candidates=12)
    capped = SentenceIndex({0: base, 1: edited}, options)
    assert cells <= 600 * 12
    # an edited copy shares its rarest words with the original, so it is still found
    assert capped.hits(0, 1)[0].all() and capped.hits(0, 1)[1].all()


def test_minhash_pairs_are_those_of_plain_datasketch_sketches() -> None:
    """minhash_pairs hashes each distinct shingle once and compares a document with all
    its candidates at once: the same pairs as one plain MinHash per document and
    MinHash.jaccard per candidate (the code it replaced)."""
    from datasketch import MinHash, MinHashLSH

    from synopsis.dedup import _shingles, lsh_bands, minhash_pairs

    rng = random.Random(5)
    vocabulary = ["".join(rng.choice("abcdefgh") for _ in range(4)) for _ in range(60)]
    base = [" ".join(rng.choices(vocabulary, k=12)) for _ in range(40)]
    docs = [_variants(rng, base, rng.randint(0, 10)) for _ in range(60)]
    options = DedupOptions()
    lsh = MinHashLSH(
        num_perm=options.permutations,
        params=lsh_bands(options.lsh_threshold, options.permutations),
    )
    sketches: dict[int, tuple[MinHash, int]] = {}
    for i, sents in enumerate(docs):
        shingles = _shingles(sents, options.shingle_words)
        if shingles:
            m = MinHash(num_perm=options.permutations, seed=1)
            m.update_batch(shingles)
            lsh.insert(i, m)
            sketches[i] = (m, len(shingles))
    want = set()
    for i, (m, size) in sketches.items():
        for j in lsh.query(m):
            other, other_size = sketches[j]
            share = m.jaccard(other)
            contained = share * (size + other_size) / (1 + share) / max(min(size, other_size), 1)
            if j != i and contained >= options.min_containment:
                want.add((min(i, j), max(i, j)))
    assert minhash_pairs(docs, options) == sorted(want)
    assert 10 < len(want) < 60 * 59 / 4  # some pairs found, far from all


def test_direct_pairs_by_word_tuples_are_those_of_encoded_shingles() -> None:
    """direct_pairs compares sets of word tuples (fewer than 6 documents) or counts shared
    shingles by integer codes (more): the same pairs as comparing the sets of encoded
    shingles that MinHash hashes (the code they replaced), short documents (fewer words
    than a shingle) and empty ones included."""
    import itertools

    from synopsis.dedup import _CODES_FROM, _shingle_set, _shingles, direct_pairs

    rng = random.Random(11)
    vocabulary = ["".join(rng.choice("abcdef") for _ in range(3)) for _ in range(25)]
    base = [" ".join(rng.choices(vocabulary, k=rng.randint(1, 9))) for _ in range(30)]
    docs = [_variants(rng, base, rng.randint(0, 6)) for _ in range(50)]
    docs += [["one"], ["one two"], ["one two"], []]
    small = [docs[0], docs[50], docs[51], docs[52], docs[53]]
    assert len(small) < _CODES_FROM <= len(docs)
    for k, threshold in ((4, 0.1), (1, 0.6), (2, 0.2)):
        options = DedupOptions(shingle_words=k, lsh_threshold=threshold, min_containment=0.2)
        for cluster in (docs, docs[:5], small):
            sets = [set(_shingles(s, k)) for s in cluster]
            want = []
            for (i, a), (j, b) in itertools.combinations(enumerate(sets), 2):
                if a and b:
                    shared = len(a & b)
                    if (
                        shared / (len(a) + len(b) - shared) >= threshold
                        and shared / min(len(a), len(b)) >= 0.2
                    ):
                        want.append((i, j))
            assert direct_pairs(cluster, options) == want
            assert [len(_shingle_set(s, k)) for s in cluster] == [len(s) for s in sets]
            if cluster is docs:
                assert 5 < len(want) < 50 * 49 / 4  # some pairs found, far from all


def test_shared_shingles_are_the_sizes_and_intersections_of_the_shingle_sets() -> None:
    """shared_shingles counts by integer codes what the sets of word tuples hold: every
    document's set size and every pair's intersection, with codes renumbered (a small
    code limit forces it at every step) or not, short and empty documents included."""
    import itertools

    from synopsis.dedup import _shingle_set, shared_shingles

    rng = random.Random(5)
    vocabulary = ["".join(rng.choice("abcdefg") for _ in range(3)) for _ in range(40)]
    base = [" ".join(rng.choices(vocabulary, k=rng.randint(1, 9))) for _ in range(25)]
    docs = [_variants(rng, base, rng.randint(0, 5)) for _ in range(30)]
    docs += [["one"], ["one two"], ["one two"], ["two one"], [], ["one two three four"]]
    for k in (1, 2, 3, 4, 6):
        sets = [_shingle_set(s, k) for s in docs]
        want_shared = [[len(a & b) for b in sets] for a in sets]
        for limit in (2**62, 50):
            sizes, shared = shared_shingles(docs, k, code_limit=limit)
            assert sizes == [len(s) for s in sets]
            for i, j in itertools.combinations(range(len(docs)), 2):
                assert shared[i][j] == want_shared[i][j], (k, limit, i, j)
        assert sum(want_shared[i][j] for i, j in itertools.combinations(range(30), 2)) > 40
    assert shared_shingles([], 4) == ([], [])


def test_all_pairs_by_blocks_of_rows_are_the_upper_triangle_of_the_full_square() -> None:
    """SentenceIndex compares blocks of rows with the rows from the block on: the same
    pairs, in the same order, as scoring the whole square once and keeping i < j."""
    from synopsis.dedup import _ROW_BLOCK, _near

    rng = random.Random(9)
    base = [
        " ".join(rng.choice("abcdefgh") * rng.randint(2, 6) for _ in range(8)) for _ in range(25)
    ]
    texts = list(dict.fromkeys(_variants(rng, base, 200)))
    assert len(texts) > 3 * _ROW_BLOCK
    rows, cols = np.nonzero(_near(texts, texts, 85.0))
    keep = cols > rows
    src, dst = SentenceIndex({0: texts}, DedupOptions())._all_pairs(texts)
    assert src.tolist() == rows[keep].tolist() and dst.tolist() == cols[keep].tolist()
    assert len(src) > 10 and (src // _ROW_BLOCK != dst // _ROW_BLOCK).any()  # across blocks
