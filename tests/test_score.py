"""Scoring: surface cues and the learned scorer."""

from __future__ import annotations

import re

import numpy as np

from conftest import make_clean
from synopsis.options import ScoreOptions
from synopsis.score import (
    LEARNED_INPUTS,
    SCORERS,
    TEXT_CUES,
    UNKNOWN,
    LearnedModel,
    LearnedScorer,
    features,
    pairs_at,
    score,
    similar_pairs,
    surface,
    vectorize,
    words,
)
from synopsis.score.text import _PERSONAL, _containing
from synopsis.segment import segment


def cues(text: str) -> dict[str, list[float]]:
    seg = segment(make_clean(text))
    rows = surface(seg.sentences, [len(seg.sentences)])
    return {name: rows[:, k].tolist() for k, name in enumerate(TEXT_CUES)}


def test_surface_cues_mark_quotes_first_person_questions_and_furniture() -> None:
    c = cues(
        'The council voted on Monday. "We will fight this," she said. '
        "I was there all day. Will the bridge reopen? Click here for more photos."
    )
    assert c["quote"] == [0, 1, 0, 0, 0]
    # "We" sits inside the quotation, so only the bare "I" sentence counts as personal.
    assert c["personal"] == [0, 0, 1, 0, 0]
    assert c["question"] == [0, 0, 0, 1, 0]
    assert c["furniture"] == [0, 0, 0, 0, 1]
    assert c["relative_position"] == [0, 0.2, 0.4, 0.6, 0.8]


def test_learned_scorer_is_registered_and_linear_in_its_inputs() -> None:
    model = LearnedModel.load()
    assert len(model.weights) == len(LEARNED_INPUTS)
    docs = [
        segment(make_clean("The dam failed at noon. Water reached the town by evening.", "a"), 0),
        segment(make_clean("At noon the dam failed. Residents fled the rising water.", "b"), 1),
    ]
    sentences = [s for d in docs for s in d.sentences]
    f = features(sentences, vectorize([s.text for s in sentences]), 0.5)
    expected = model.design(f) @ np.asarray(model.weights)
    got = score(docs, ScoreOptions(scorer="learned")).scores
    assert "learned" in SCORERS
    assert np.allclose(got, expected)


# Two wordings of one event, a detail of it and an unrelated line: pairs at every level.
HARBOUR = (
    "The storm closed the harbour on Monday and ferries stayed in port.",
    "Ferries stayed in port on Monday after the storm closed the harbour.",
    "The harbour master said the storm was the worst in ten years.",
    "Schools in the town will reopen on Wednesday, officials said.",
)


def test_kept_pairs_filter_to_the_pairs_computed_afresh() -> None:
    docs = [segment(make_clean(t), i) for i, t in enumerate(HARBOUR)]
    scored = score(docs, keep_pairs=0.1)
    assert scored.similar_floor == 0.1
    for threshold in (0.1, 0.3, 0.5, 0.9):
        kept = pairs_at(scored, threshold).toarray()
        fresh = similar_pairs(scored.vectors, threshold).toarray()
        np.testing.assert_array_equal(kept, fresh)
    # Below the kept floor nothing was kept, so the pairs are computed afresh.
    low = pairs_at(scored, 0.01).toarray()
    np.testing.assert_array_equal(low, similar_pairs(scored.vectors, 0.01).toarray())
    assert (low > 0).sum() >= (pairs_at(scored, 0.1).toarray() > 0).sum()


def test_summary_words_cue_is_the_mean_log_odds_of_the_words() -> None:
    shipped = LearnedModel.load()
    assert len(shipped.words) > 1000 and UNKNOWN not in shipped.words
    model = LearnedModel(shipped.weights, {"police": 1.0, "arrested": 0.5}, -1.0)
    cue = model.summary_words([words("Police arrested two men."), words("Gardens bloom."), []])
    # "police" 1.0, "arrested" 0.5, "two" and "men" unknown (-1.0 each): mean -0.125;
    # a sentence with no words gets the unknown value.
    assert cue.tolist() == [-0.125, -1.0, -1.0]


def test_a_scorer_built_with_another_model_scores_with_it() -> None:
    docs = [
        segment(make_clean("The dam failed at noon. Water reached the town by evening.", "a"), 0),
        segment(make_clean("At noon the dam failed. Residents fled the rising water.", "b"), 1),
    ]
    sentences = [s for d in docs for s in d.sentences]
    f = features(sentences, vectorize([s.text for s in sentences]), 0.5)
    only_bias = tuple(1.0 if name == "bias" else 0.0 for name in LEARNED_INPUTS)
    flat = LearnedScorer(LearnedModel(only_bias, {}, 0.0))
    assert flat(f, ScoreOptions()).tolist() == [1.0] * len(sentences)
    shipped = SCORERS["learned"](f, ScoreOptions())
    assert not np.allclose(shipped, 1.0)  # the registered scorer kept the shipped model


def test_furniture_hints_cover_every_match_of_the_expression() -> None:
    from synopsis.score.text import _FURNITURE, _is_furniture

    samples = [
        "see https://example.org/x",
        "visit www.example.org today",
        "follow @newsdesk for updates",
        "click here",
        "subscribe now",
        "copyright 2014",
        "all rights reserved.",
        "photo: a. smith",
        "watch the video",
        "advertisement",
        "our newsletter",
        "sign up for alerts",
        "read more",
        "the clicks were loud",  # no word boundary: neither matches
        "a photograph of the dam",
        "the council met on monday",
    ]
    for text in samples:
        assert _is_furniture(text) == (_FURNITURE.search(text) is not None), text
    assert sum(_is_furniture(t) for t in samples) == 13


def test_first_person_cue_from_words_matches_the_pattern() -> None:
    # Without quotation marks the cue is a set lookup on the sentence's words; it must
    # agree with the regex it replaces on contractions, case, underscores and near-misses.
    texts = [
        "I'm here.", "We've won and you'll see.", "It is mine, not ours.", "Ours is blue.",
        "Iowa and Weston wait.", "YOUR call.", "me_too was trending.", "They said i.e. no.",
        "My 2 cents.", "Nothing personal here.", "Hi, me!",
    ]  # fmt: skip
    seg = segment(make_clean(" ".join(texts)))
    sentences = seg.sentences
    rows = surface(sentences, [len(sentences)], [words(s.text) for s in sentences])
    expected = [1.0 if _PERSONAL.search(s.text.lower()) else 0.0 for s in sentences]
    assert rows[:, TEXT_CUES.index("personal")].tolist() == expected
    assert 0.0 in expected and 1.0 in expected
    np.testing.assert_array_equal(rows, surface(sentences, [len(sentences)]))


def test_cluster_wide_search_finds_what_a_search_per_sentence_finds() -> None:
    rng = np.random.default_rng(3)
    alphabet = list("ab c1@.x")
    texts = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 12)))) for _ in range(300)]
    needles = ("1", "@", "ab", "c.x", "bb")
    assert _containing(texts, needles) == [any(n in t for n in needles) for t in texts]
    assert _containing([], needles) == []


def test_column_means_are_scipys_mean_bit_for_bit() -> None:
    """features' centroid: column_means gives scipy's ``mean(axis=0)`` (the code it
    replaced) bit for bit, on TF-IDF rows and on random float32 and float64 matrices
    with many rows per column (where the order of the additions shows)."""
    from scipy import sparse

    from synopsis.score.signals import column_means
    from synopsis.score.similarity import vectorize

    rng = np.random.default_rng(3)
    texts = [
        " ".join(rng.choice(["storm", "port", "ferry", "harbour", "closed"], 6)) for _ in range(40)
    ]
    matrices = [vectorize(texts), vectorize(["The and of."])]
    for dtype in (np.float32, np.float64):
        for rows, cols in ((1, 5), (7, 3), (300, 40), (2000, 11)):
            m = sparse.random(rows, cols, density=0.4, format="csr", dtype=dtype, random_state=rng)
            matrices.append(m)
    for m in matrices:
        want = np.asarray(m.mean(axis=0)).ravel()
        got = column_means(m)
        assert got.dtype == want.dtype and got.shape == want.shape
        assert got.tobytes() == want.tobytes()
    # the order matters: the same additions in reverse order differ in the last bit
    big = matrices[-5]  # float32, 2000 rows
    assert big.dtype == np.float32 and big.shape[0] == 2000
    backwards = np.zeros(big.shape[1], dtype=np.float32)
    np.add.at(backwards, big.indices[::-1], big.data[::-1] * (1.0 / big.shape[0]))
    assert backwards.tobytes() != column_means(big).tobytes()


def test_surface_rows_are_each_cue_computed_per_sentence() -> None:
    """surface builds its rows from one list of plain values: the same rows as each cue
    computed on its own per sentence (the columns it replaced), with documents whose
    sentence count is unknown (relative position 0), one sentence count of 0, and texts
    repeated at other places (each distinct text's cues are read once)."""
    from synopsis.model import Sentence
    from synopsis.score.text import _FURNITURE, is_quotation

    rng = np.random.default_rng(9)
    pieces = ['"We won,"', "I", "you", "said", "the", "storm", "2014", "٣", "?", "photo", "www.x"]
    sentences = [
        Sentence(int(rng.integers(0, 4)), "d", k, 0, 0, 0, " ".join(rng.choice(pieces, 5)))
        for k in range(60)
    ]
    # repeated texts elsewhere (copies): their cues are read once, their positions differ
    sentences += [Sentence((s.doc_index + 1) % 4, "e", k + 3, 0, 0, 0, s.text)
                  for k, s in enumerate(sentences[:30])]  # fmt: skip
    counts = [20, 0, 7]  # document 3's count unknown
    rows = surface(sentences, counts)
    for s, row in zip(sentences, rows, strict=True):
        lower = s.text.lower()
        outside = _PERSONAL.search(re.sub(r'["“][^"“”]*["”]', " ", lower))
        total = max(counts[s.doc_index], 1) if s.doc_index < len(counts) else None
        want = [
            np.log1p(float(s.words)),
            float(is_quotation(s.text)),
            float(outside is not None),
            float(s.text.rstrip(" \"'”’)]").endswith("?")),
            float(re.search(r"\d", s.text) is not None),
            s.index / total if total else 0.0,
            float(_FURNITURE.search(lower) is not None),
        ]
        assert row.tolist() == want
    assert {tuple(c) for c in rows[:, 1:5].tolist()} != {(0.0, 0.0, 0.0, 0.0)}


def test_scores_and_support_are_the_scorers_values_as_python_numbers() -> None:
    """score's tuples come from ``tolist``: the same Python floats and ints as
    ``float(x)`` and ``int(x)`` of each value (the code it replaced), for every scorer."""
    docs = [segment(make_clean(t), i) for i, t in enumerate(HARBOUR)]
    for name in SCORERS:
        options = ScoreOptions(scorer=name)
        scored = score(docs, options)
        sentences = tuple(s for d in docs for s in d.sentences)
        tokens = [words(s.text) for s in sentences]
        f = features(sentences, scored.vectors, options.support_threshold, tokens=tokens)
        raw = SCORERS[name](f, options)
        assert scored.scores == tuple(float(x) for x in raw)
        assert scored.support == tuple(int(x) for x in f.support)
        assert all(type(x) is float for x in scored.scores)
        assert all(type(x) is int for x in scored.support) and max(scored.support) > 0


def test_pair_arrays_are_the_entries_of_pairs_at() -> None:
    """attribute and disagree read pair_arrays: the indptr and indices of pairs_at's
    matrix (the code it replaced), above the kept floor (filtered) and below it
    (computed afresh), with the row of each entry as ``tocoo`` gives it."""
    from synopsis.score import pair_arrays

    rng = np.random.default_rng(4)
    pool = ["storm", "harbour", "ferries", "port", "monday", "schools", "reopen", "town"]
    texts = [" ".join(rng.choice(pool, 6)) + "." for _ in range(30)]
    docs = [segment(make_clean(t), i) for i, t in enumerate(texts)]
    scored = score(docs, keep_pairs=0.2)
    sizes = set()
    for threshold in (0.05, 0.2, 0.35, 0.5, 0.7, 0.95):
        want = pairs_at(scored, threshold)
        indptr, indices = pair_arrays(scored, threshold)
        np.testing.assert_array_equal(indptr, want.indptr)
        np.testing.assert_array_equal(indices, want.indices)
        rows = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
        np.testing.assert_array_equal(rows, want.tocoo().row)
        sizes.add(len(indices))
    assert len(sizes) >= 4 and 0 not in sizes - {min(sizes)}  # thresholds that filter
