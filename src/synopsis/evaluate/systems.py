"""The summarizers compared by ``synopsis eval``, all called the same way.

Every entry of :data:`SYSTEMS` is ``(cluster, words) -> list[str]``: the summary's
sentences in the order they are read. Systems may return more than ``words`` words; the
evaluation cuts every summary with the one function :func:`cut`, so all systems face the
same budget rule (the sentence that crosses the budget is cut at it).

Baselines see the same sentences synopsis sees: documents are split with
:func:`synopsis.segment.segment_text`, so no system gains from a better splitter.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from ..errors import EmptyClusterError, MissingExtraError
from ..model import Cluster
from ..segment import segment_text

System = Callable[[Cluster, int], list[str]]

LEAD_SENTENCES = 3
RANDOM_SEED = 7
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def cut(sentences: Sequence[str], words: int) -> list[str]:
    """Keep sentences in order until ``words`` whitespace-separated words; the sentence
    that crosses the budget is cut at it. The one budget rule for every system."""
    out: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]) if len(tokens) > left else sentence)
        left -= len(tokens)
    return out


def document_sentences(cluster: Cluster) -> list[list[str]]:
    """Each document's sentences, as synopsis's segmenter finds them."""
    return [segment_text(d.text) for d in cluster.documents]


def _fill(ranked: Sequence[str], words: int) -> list[str]:
    """Take ranked sentences until the budget is reached (the last one may overflow)."""
    out: list[str] = []
    used = 0
    for sentence in ranked:
        if used >= words:
            break
        out.append(sentence)
        used += len(sentence.split())
    return out


# --- synopsis --------------------------------------------------------------------------


def synopsis_system(cluster: Cluster, words: int) -> list[str]:
    """synopsis with its current defaults, through the public API."""
    from .. import summarize

    try:
        return [s.text for s in summarize(cluster, words=words).sentences]
    except EmptyClusterError:
        return []


# --- simple baselines ------------------------------------------------------------------


def lead_system(cluster: Cluster, words: int) -> list[str]:
    """First three sentences of each document, in turn: doc1 s1, doc2 s1, ..., doc1 s2..."""
    docs = document_sentences(cluster)
    out = [doc[k] for k in range(LEAD_SENTENCES) for doc in docs if k < len(doc)]
    return _fill(out, words)


def _cluster_seed(cluster_id: str) -> int:
    digest = hashlib.blake2b(f"{RANDOM_SEED}:{cluster_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def random_system(cluster: Cluster, words: int) -> list[str]:
    """Sentences in a random order seeded by the cluster id (the same on every run)."""
    pool = [s for doc in document_sentences(cluster) for s in doc]
    order = np.random.default_rng(_cluster_seed(cluster.id)).permutation(len(pool))
    return _fill([pool[i] for i in order], words)


# --- sumy ------------------------------------------------------------------------------


class _SumyTokenizer:
    """Sentences from synopsis's segmenter, words by a regex: needs no nltk punkt data."""

    language = "english"

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return tuple(segment_text(text))

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))


def _sumy_ranking(method: str, cluster: Cluster) -> list[tuple[int, str]]:
    """Every sentence as ``(document order, text)``, best first by sumy's own rating."""
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        raise MissingExtraError("the sumy baselines", "eval") from None

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    tokenizer = _SumyTokenizer()
    paragraphs = [
        Paragraph([Sentence(s, tokenizer) for s in doc]) for doc in document_sentences(cluster)
    ]
    document = ObjectDocumentModel(paragraphs)
    if not document.sentences:
        return []
    summarizer = classes[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked: list = []

    def keep_all(infos: list) -> list:
        # sumy sorts by rating (stable, best first) and then calls ``count`` on that
        # list before restoring document order: capturing it here gives the ranking.
        ranked.extend(infos)
        return infos

    summarizer(document, keep_all)
    return [(info.order, str(info.sentence)) for info in ranked]


def _sumy_ranked(method: str) -> System:
    def system(cluster: Cluster, words: int) -> list[str]:
        return _fill([text for _, text in _sumy_ranking(method, cluster)], words)

    system.__doc__ = f"sumy {method}: best-rated sentences first, until the budget."
    return system


def _sumy_docorder(method: str) -> System:
    def system(cluster: Cluster, words: int) -> list[str]:
        top = _fill_pairs(_sumy_ranking(method, cluster), words)
        return [text for _, text in sorted(top)]

    system.__doc__ = (
        f"sumy {method} as usually called: the top N sentences in document order, N the "
        "fewest whose words reach the budget."
    )
    return system


def _fill_pairs(ranked: Sequence[tuple[int, str]], words: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    used = 0
    for order, text in ranked:
        if used >= words:
            break
        out.append((order, text))
        used += len(text.split())
    return out


# --- oracle ----------------------------------------------------------------------------


def oracle_system(cluster: Cluster, words: int) -> list[str]:
    """Greedy extractive upper bound: repeatedly add the sentence (cut at the budget if it
    crosses it) that most raises the mean of ROUGE-1 and ROUGE-2 F1 against the
    reference; stop when nothing raises it or the budget is spent.

    N-gram overlaps are updated incrementally from rouge-score's own tokens, so a step
    costs one pass over the candidates' n-grams, not one ROUGE call per candidate.
    """
    if not cluster.reference:
        return []
    from .rouge import RougeMetric

    metric = RougeMetric()
    ref = metric.tokens(cluster.reference)
    ref1, ref2 = Counter(ref), Counter(itertools.pairwise(ref))
    if not ref:
        return []
    pool = list(dict.fromkeys(s for doc in document_sentences(cluster) for s in doc))
    cache: dict[str, list[str]] = {}

    def word_tokens(sentence: str) -> list[list[str]]:
        out = []
        for w in sentence.split():
            if w not in cache:
                cache[w] = metric.tokens(w)
            out.append(cache[w])
        return out

    candidates = [(s, word_tokens(s)) for s in pool]
    state = _OracleState(ref1, ref2)
    chosen: list[str] = []
    used = [False] * len(candidates)
    left = words
    while left > 0:
        best, best_value, best_tokens = -1, state.value(), None
        for i, (_, per_word) in enumerate(candidates):
            if used[i]:
                continue
            toks = [t for w in per_word[:left] for t in w]
            value = state.value_with(toks)
            if value > best_value + 1e-12:
                best, best_value, best_tokens = i, value, toks
        if best < 0 or best_tokens is None:
            break
        used[best] = True
        text, per_word = candidates[best]
        state.add(best_tokens)
        chosen.append(" ".join(text.split()[:left]))
        left -= len(per_word)
    return chosen


class _OracleState:
    """Running unigram/bigram counts of the summary so far and their overlaps."""

    def __init__(self, ref1: Counter, ref2: Counter) -> None:
        self.ref1, self.ref2 = ref1, ref2
        self.n_ref1, self.n_ref2 = sum(ref1.values()), sum(ref2.values())
        self.c1: Counter = Counter()
        self.c2: Counter = Counter()
        self.n1 = self.n2 = self.o1 = self.o2 = 0
        self.last: str | None = None

    @staticmethod
    def _f1(overlap: int, pred: int, ref: int) -> float:
        if overlap == 0 or pred == 0 or ref == 0:
            return 0.0
        p, r = overlap / pred, overlap / ref
        return 2 * p * r / (p + r)

    def _grams(self, toks: list[str]) -> tuple[Counter, Counter]:
        seq = [self.last, *toks] if self.last is not None else toks
        return Counter(toks), Counter(itertools.pairwise(seq))

    def _gain(self, new: Counter, have: Counter, ref: Counter) -> int:
        gain = 0
        for g, k in new.items():
            r = ref.get(g, 0)
            if r:
                h = have.get(g, 0)
                gain += min(h + k, r) - min(h, r)
        return gain

    def value(self) -> float:
        return (
            self._f1(self.o1, self.n1, self.n_ref1) + self._f1(self.o2, self.n2, self.n_ref2)
        ) / 2

    def value_with(self, toks: list[str]) -> float:
        if not toks:
            return -1.0
        g1, g2 = self._grams(toks)
        o1 = self.o1 + self._gain(g1, self.c1, self.ref1)
        o2 = self.o2 + self._gain(g2, self.c2, self.ref2)
        n1 = self.n1 + len(toks)
        n2 = self.n2 + sum(g2.values())
        return (self._f1(o1, n1, self.n_ref1) + self._f1(o2, n2, self.n_ref2)) / 2

    def add(self, toks: list[str]) -> None:
        g1, g2 = self._grams(toks)
        self.o1 += self._gain(g1, self.c1, self.ref1)
        self.o2 += self._gain(g2, self.c2, self.ref2)
        self.c1.update(g1)
        self.c2.update(g2)
        self.n1 += len(toks)
        self.n2 += sum(g2.values())
        self.last = toks[-1]


SYSTEMS: dict[str, System] = {
    "synopsis": synopsis_system,
    "lead": lead_system,
    "lexrank": _sumy_ranked("lexrank"),
    "lexrank-docorder": _sumy_docorder("lexrank"),
    "textrank": _sumy_ranked("textrank"),
    "textrank-docorder": _sumy_docorder("textrank"),
    "lsa": _sumy_ranked("lsa"),
    "lsa-docorder": _sumy_docorder("lsa"),
    "random": random_system,
    "oracle": oracle_system,
}
