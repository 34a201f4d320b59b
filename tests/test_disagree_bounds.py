"""Bounded work in the disagree stage: the indexed pairings find exactly the pairs the
all-pairs loops found, and the caps past which work is refused hold, with their stated
fallback."""

from __future__ import annotations

import itertools
import random

import synopsis
from synopsis.disagree.claims import Quantity
from synopsis.disagree.facts import sharing_pairs
from synopsis.disagree.names import _close_pairs, same_name
from synopsis.options import DisagreeOptions, Options
from test_disagree import SUMMIT_A, SUMMIT_B, kinds


def _quantity(n: int) -> Quantity:
    return Quantity(noun="person", value=float(n), modifier="", as_of=None, shown=str(n),
                    sentence=n, start=0, end=1, kind_of="")  # fmt: skip


def test_word_index_finds_every_pair_sharing_enough_words() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{k}" for k in range(30)]
    items = [_quantity(n) for n in range(120)]
    words = {c: set(rng.sample(vocabulary, rng.randint(0, 6))) for c in items}
    for at_least in (0, 1, 2, 3):
        brute = [
            (a, b)
            for a, b in itertools.combinations(items, 2)
            if len(words[a] & words[b]) >= at_least
        ]
        assert sharing_pairs(items, words, at_least) == brute  # same pairs, same order


def test_length_buckets_find_every_close_spelling_pair() -> None:
    rng = random.Random(3)
    options = DisagreeOptions()
    block = sorted({"K" + "".join(rng.choice("aeiourst") for _ in range(rng.randint(2, 9))) + "v"
                    for _ in range(300)})  # fmt: skip
    brute = [
        (a, b)
        for a, b in itertools.combinations(block, 2)
        if abs(len(a) - len(b)) <= 3 and same_name(a, b, options)
    ]
    assert brute  # the block holds close spellings to find
    found = [(a, b) for a, b in _close_pairs(block, options) if same_name(a, b, options)]
    assert found == brute


def test_a_crowded_length_bucket_is_left_out_of_spellings() -> None:
    options = DisagreeOptions(max_spellings=2)
    block = sorted(["Rahimov", "Rakhimov", "Rakhimav", "Rokhimov"])  # three of length 8
    pairs = _close_pairs(block, options)
    assert pairs == []  # the 7-letter one has no other bucket within reach left
    assert ("Rahimov", "Rakhimov") in _close_pairs(block, DisagreeOptions())


def test_a_noun_counted_past_the_cap_is_left_out() -> None:
    # The summit fixture's "26 nations" / "24 nations" conflict, then the same with a cap
    # of one figure a noun: the noun is counted twice, so it counts many things.
    found = kinds(synopsis.summarize([SUMMIT_A, SUMMIT_B], words=200))
    assert "number" in found
    capped = Options(disagree=DisagreeOptions(max_figures=1))
    found = kinds(synopsis.summarize([SUMMIT_A, SUMMIT_B], words=200, options=capped))
    assert "number" not in found and "name" in found  # the other kinds are still compared
