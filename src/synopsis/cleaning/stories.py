"""Whether each document of a cluster tells the cluster's story, or another one.

A document is no source of the summary when the other sources agree on a story it does
not tell (:func:`topicality`, the majority rule), when it is one of two sources that share
no story and reads as no news report, is off its own headline or, neither news, is a page
that is no article (:func:`_judge_pair`), or
when it is a page that is no article and shares no story with any other source
(:func:`_judge_pages`). Its body is kept, so ``clean --explain`` can show it.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from collections.abc import Sequence

from .. import furniture as fw
from ..model import CleanDocument
from ..options import CleanOptions
from ..stopwords import ENGLISH_STOP_WORDS
from .kinds import page_cues, reads_as_news, reads_as_page
from .reasons import (
    NO_SHARED_STORY,
    OFF_TOPIC,
    OFF_TOPIC_HEADLINE,
    OFF_TOPIC_PAGE,
    OFF_TOPIC_PAIR,
    OFF_TOPIC_PAIR_PAGE,
)

# A sentence boundary for document decisions: a full stop, then space and any letter (the
# lowercased Multi-News copies start sentences in lowercase too).
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+""")
# The same boundaries found from the full stop itself: a pattern that starts with a
# character set is scanned for that set, where the look-behind is tried at every position
# (half the time of _BOUNDARY on a body). A boundary then ends one past the stop; one
# that starts a span (its stop just before the span, which the look-behind sees) is
# _AFTER_STOP at the span's start.
_STOP = re.compile(r"""[.!?]["'”’)\]]*\s+""")
_AFTER_STOP = re.compile(r"""["'”’)\]]*\s+""")
_CONTENT = re.compile(r"[^\W\d_]{4,}")
# _CONTENT on ASCII text: a letter there is [A-Za-z], and a range costs the engine less
# than the categories of Unicode letters (a third less on news text).
_ASCII_CONTENT = re.compile(r"[A-Za-z]{4,}")


def _letter_runs(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """``_CONTENT.findall(text, start, end)``: runs of four letters or more."""
    end = len(text) if end is None else end
    pattern = _ASCII_CONTENT if text.isascii() else _CONTENT
    return pattern.findall(text, start, end)


def _body_sentences(cleaned: CleanDocument) -> list[tuple[int, int]]:
    """The body's sentences as ``(start, end)`` offsets: each span cut after a full stop
    (and the closing quotes or brackets that follow it) at the space that follows, empty
    pieces left out; the splits of ``_BOUNDARY.finditer`` over the span."""
    return _sentences_and_lost(cleaned)[0]


def _sentences_and_lost(cleaned: CleanDocument) -> tuple[list[tuple[int, int]], int]:
    """:func:`_body_sentences`, and how many of the body's words (``str.split``) they
    lose: a boundary inside a span drops only the closing marks glued to the word that
    holds the stop, and spaces, so the sentences' words are the body's (:func:`_body_words`)
    but for a run of closing marks that starts a span just after a stop (one word each)."""
    text = cleaned.document.text
    out = []
    lost = 0
    for span in cleaned.body:
        start, end = span.start, span.end
        if start and text[start - 1] in ".!?":  # a boundary _BOUNDARY finds at the start
            m = _AFTER_STOP.match(text, start, end)
            if m:
                lost += not text[start].isspace()  # a word of closing marks, dropped
                start = m.end()
        for m in _STOP.finditer(text, start, end):
            out.append((start, m.start() + 1))
            start = m.end()
        out.append((start, end))
    return [(a, b) for a, b in out if text[a:b].strip()], lost


def _content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _letter_runs(text)) if w not in ENGLISH_STOP_WORDS}


@dataclasses.dataclass(frozen=True)
class Topicality:
    """How much of one document is the story that the cluster's other sources tell.

    A sentence is *matched* in another source when one sentence there shares
    ``topic_shared_words`` telling words with it (content words less the ones common to
    all news, :data:`furniture.COMMON_WORDS`). ``story`` counts the document's sentences
    matched in some other independent source (its own wire copies left out, so reprints
    alone make no story). ``agreement`` says whether the other sources tell one story
    without it: the median share of their sentences matched among themselves, the
    document left out, so a sidebar cannot vote for itself.
    """

    sentences: int
    words: int  # body words
    story: int
    groups: int  # independent sources among the live documents (copies counted once)
    copies: int  # documents in its own copy group, itself included
    longest: bool  # the longest live document: the main article, if any is
    agreement: float  # NaN when not needed (see topicality's ``exact``)
    off_topic: bool


def topicality(
    cleaned: Sequence[CleanDocument],
    options: CleanOptions,
    *,
    exact: bool = False,
    sentences: Sequence[list[tuple[int, int]]] | None = None,
    known: dict[str, set[str]] | None = None,
    body_words: dict[int, int] | None = None,
) -> dict[int, Topicality]:
    """Topicality of every live document (by index), judged against the other sources.

    A document is off-topic when the cluster has at least ``topic_min_groups``
    independent sources, the others agree on a story (``agreement`` at least
    ``topic_agreement``) and at most ``topic_max_story`` of its own sentences are
    matched in them. With two sources there is nothing to agree without the document:
    no majority says which is off the story (:func:`_judge_pair` judges them by which
    reads as news instead). Documents too short
    to judge (``topic_min_sentences``, ``topic_min_words``: a post, a statement the
    others report, a copy cut to its first hundred words), a page the cluster holds in
    two copies and the longest document (the main article, if any is) are never
    off-topic.

    Only what the decision needs is computed unless ``exact`` (the benchmarks ask for
    every figure): ``story`` stops counting once it is too high for the document to be
    off-topic and is 0 for a document that cannot be, and ``agreement`` is then NaN; a
    source's word index is built when a comparison first needs it. ``sentences`` are the
    documents' body sentences (:func:`_body_sentences`) when already found; ``known``
    keeps each sentence text's telling words once found (:func:`_sentence_words`);
    ``body_words``, documents' body word counts already counted (by index).
    """
    # (a document already marked off-topic is judged again, with the same result)
    live = [i for i, c in enumerate(cleaned) if c.dropped in (None, OFF_TOPIC)]
    body_words = body_words or {}
    spans = sentences
    sentences = {i: _sentence_words(cleaned[i], spans[i] if spans else None, known) for i in live}
    vocab = {i: set().union(*sentences[i]) for i in live}
    group = _copy_groups(live, vocab, options.topic_copy_similarity)
    size = Counter(group.values())
    # one source per copy group: its longest copy
    source: dict[int, int] = {}
    for i in live:
        g = group[i]
        if g not in source or len(sentences[i]) > len(sentences[source[g]]):
            source[g] = i
    index: dict[int, dict[str, list[int]]] = {}

    def index_of(g: int) -> dict[str, list[int]]:
        if g not in index:
            index[g] = _word_index(sentences[source[g]])
        return index[g]

    need = options.topic_shared_words
    matched: dict[tuple[int, int], set[int]] = {}  # (document, source): its matched sentences

    def matched_in(i: int, g: int) -> set[int]:
        if (i, g) not in matched:
            matched[i, g] = _matched(sentences[i], index_of(g), need)
        return matched[i, g]

    words = {i: body_words[i] if i in body_words else _body_words(cleaned[i]) for i in live}
    longest = max(live, key=lambda i: words[i], default=None)
    out = {}
    for i in live:
        n = len(sentences[i])
        can_be_off = (
            i != longest
            and len(source) >= options.topic_min_groups
            and n >= options.topic_min_sentences
            and words[i] >= options.topic_min_words
            and size[group[i]] == 1
        )
        limit = options.topic_max_story * n
        others = [g for g in source if g != group[i]]
        if exact:
            story = len(set().union(*(matched_in(i, g) for g in others)))
        elif can_be_off:  # count until the document is seen to be on the story
            story = 0
            for words_of in sentences[i]:
                if any(_shares(words_of, sentences[source[g]], index.get(g), need) for g in others):
                    story += 1
                    if story > limit:
                        break
        else:
            story = 0  # not counted: it cannot be off-topic
        agreement = float("nan")
        if exact or (can_be_off and story <= limit):
            shares = []
            for g, j in source.items():
                rest = [matched_in(j, h) for h in source if h not in (g, group[i])]
                if g != group[i] and rest and sentences[j]:
                    shares.append(len(set().union(*rest)) / len(sentences[j]))
            agreement = statistics.median(shares) if shares else 0.0
        off = can_be_off and story <= limit and agreement >= options.topic_agreement
        out[i] = Topicality(
            n, words[i], story, len(source), size[group[i]], i == longest, agreement, off
        )
    return out


_NOT_TELLING = ENGLISH_STOP_WORDS | fw.COMMON_WORDS


def _sentence_words(
    cleaned: CleanDocument,
    spans: list[tuple[int, int]] | None = None,
    known: dict[str, set[str]] | None = None,
) -> list[set[str]]:
    """The telling words of each body sentence: content words less the common ones.

    With ``known`` (lowercased sentence text -> its words, kept across the documents of
    a cluster) each distinct text is read once; ``_CONTENT`` has no lookaround, so its
    matches in the span are its matches in the span's text. Equal texts share one set:
    callers read them, never change them."""
    low = cleaned.document.text.lower()
    if spans is None:
        spans = _body_sentences(cleaned)
    if known is None:
        return [set(_letter_runs(low, a, b)) - _NOT_TELLING for a, b in spans]
    out = []
    for a, b in spans:
        piece = low[a:b]
        words = known.get(piece)
        if words is None:
            words = known[piece] = set(_letter_runs(piece)) - _NOT_TELLING
        out.append(words)
    return out


def _body_words(cleaned: CleanDocument) -> int:
    text = cleaned.document.text
    return sum(len(text[s.start : s.end].split()) for s in cleaned.body)


def _word_index(sentences: list[set[str]]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for n, words in enumerate(sentences):
        for w in words:
            index.setdefault(w, []).append(n)
    return index


def _matched(sentences: list[set[str]], index: dict[str, list[int]], need: int) -> set[int]:
    """Which of these sentences share ``need`` words with one sentence of the index."""
    out = set()
    for n, words in enumerate(sentences):
        hits: Counter[int] = Counter()
        for w in words:
            hits.update(index.get(w, ()))
        if hits and max(hits.values()) >= need:
            out.add(n)
    return out


def _shares(
    words: set[str], sentences: list[set[str]], index: dict[str, list[int]] | None, need: int
) -> bool:
    """Whether ``words`` (one sentence's) share ``need`` words with one of ``sentences``,
    as ``_matched([words], _word_index(sentences), need)`` answers: by the index when it
    is built, else by intersecting the sentences, so that a document's sentences counted
    one at a time against a source (most stop at the first source) pay for no index of
    it (``_matched`` asks for at least one shared word, so a disjoint pair, the common
    case, is passed over by ``isdisjoint``, which builds no intersection)."""
    if index is not None:
        return bool(_matched([words], index, need))
    least = max(need, 1)
    return any(len(words & other) >= least for other in sentences if not words.isdisjoint(other))


# From this many live documents, the word overlaps of all pairs come from one sparse
# product (scipy, already loaded by scoring) rather than one set intersection per pair.
_PRODUCT_FROM = 40


def _copy_groups(live: list[int], vocab: dict[int, set[str]], similarity: float) -> dict[int, int]:
    """Documents whose words overlap this much (Jaccard) are copies of one story: one source.

    Every pair whose overlap passes is merged in the order of a plain loop over pairs, so
    the groups (and their labels) are that loop's; what is saved is the test of each pair:
    pairs already in one group are skipped, and so are pairs whose sizes rule the overlap
    out (the intersection is at most the smaller set, the union at least the larger); the
    union's size is counted, not built; on a large cluster the intersections of all pairs
    are counted at once (:func:`_overlapping_pairs`).
    """
    group = {i: i for i in live}

    def merge(x: int, y: int) -> None:
        old = group[y]
        for k, g in group.items():
            if g == old:
                group[k] = group[x]

    if len(live) >= _PRODUCT_FROM:
        for x, y in _overlapping_pairs(live, vocab, similarity):
            if group[y] != group[x]:
                merge(x, y)
        return group
    sizes = {i: len(vocab[i]) for i in live}
    for n, x in enumerate(live):
        a, la = vocab[x], sizes[x]
        if not la:
            continue
        for y in live[n + 1 :]:
            lb = sizes[y]
            if not lb or group[y] == group[x]:
                continue
            if (la if la < lb else lb) < similarity * (lb if la < lb else la):
                continue
            shared = len(a & vocab[y])
            if shared >= similarity * (la + lb - shared):
                merge(x, y)
    return group


def _overlapping_pairs(
    live: list[int], vocab: dict[int, set[str]], similarity: float
) -> list[tuple[int, int]]:
    """The pairs (x before y in ``live``) of non-empty vocabularies with Jaccard at least
    ``similarity``, in the order of a loop over x then y: intersections counted exactly
    by one integer sparse product, the test in float64 as Python makes it."""
    import numpy as np
    from scipy import sparse

    ids: dict[str, int] = {}
    cols = [ids.setdefault(w, len(ids)) for i in live for w in vocab[i]]
    if not ids:
        return []
    rows = np.repeat(np.arange(len(live)), [len(vocab[i]) for i in live])
    shape = (len(live), len(ids))
    m = sparse.csr_matrix((np.ones(len(cols), dtype=np.int64), (rows, cols)), shape=shape)
    shared = (m @ m.T).toarray()
    sizes = np.diff(m.indptr)
    union = sizes[:, None] + sizes[None, :] - shared
    passes = (shared >= similarity * union) & (sizes[:, None] > 0) & (sizes[None, :] > 0)
    xs, ys = np.nonzero(np.triu(passes, k=1))
    return [(live[x], live[y]) for x, y in zip(xs.tolist(), ys.tolist(), strict=True)]


def _judge_topics(
    cleaned: list[CleanDocument],
    options: CleanOptions,
    sentences: Sequence[list[tuple[int, int]]] | None = None,
    known: dict[str, set[str]] | None = None,
    body_words: Sequence[int | None] | None = None,
) -> list[CleanDocument]:
    """Mark documents that tell another story than the rest of the cluster as off-topic
    (:func:`_judge_pages` first, then :func:`topicality`, or :func:`_judge_pair` for two
    sources); the body is kept, so ``clean --explain`` can show it. ``body_words``, each
    document's :func:`_body_words` when already counted (None where not)."""
    counted = {
        i: n if body_words is not None and (n := body_words[i]) is not None else _body_words(c)
        for i, c in enumerate(cleaned)
        if c.dropped is None
    }
    out = cleaned = _judge_pages(list(cleaned), options, sentences, known, counted)
    counted = {i: n for i, n in counted.items() if cleaned[i].dropped is None}
    live = list(counted.values())
    if len(live) < 2 or sorted(live)[-2] < options.topic_min_words:
        return out  # no document but the longest is long enough to be judged
    if len(live) < options.topic_min_groups:
        return _judge_pair(out, options, sentences, known, counted)
    judged = topicality(cleaned, options, sentences=sentences, known=known, body_words=counted)
    for i, t in judged.items():
        if t.off_topic:
            out[i] = dataclasses.replace(cleaned[i], dropped=OFF_TOPIC)
    if all(t.groups == 2 for t in judged.values()):  # copies: still two sources
        return _judge_pair(out, options, sentences, known, counted)
    return out


def _judge_pair(
    cleaned: list[CleanDocument],
    options: CleanOptions,
    sentences: Sequence[list[tuple[int, int]]] | None,
    known: dict[str, set[str]] | None,
    counted: dict[int, int],
) -> list[CleanDocument]:
    """Two independent sources that share no story: keep the one that reads as news, of
    two news reports the one that tells the other's headline, of two that are neither
    the one that is no page.

    With two sources each is the other's only support, so the majority rule of
    :func:`topicality` cannot say which is off the story. When neither has more than
    ``topic_max_story`` of its sentences matched in the other (both long enough to
    judge), their telling words overlap under ``pair_max_similarity``, and exactly one
    of them :func:`reads_as_news`, the other (an essay, a column, a page about something
    else) is marked off-topic. When both read as news, one is off-topic only when its
    own headline is told by the other's text and not by its own (:func:`_off_its_headline`).
    When neither reads as news, one is off-topic only when it alone
    :func:`~.kinds.reads_as_page` (an advert beside a feature: :func:`_the_page`).
    Otherwise both stay: nothing says which story the cluster is about. A page held in
    two copies stays, as in
    :func:`topicality`; so does everything when a third source is live.
    """
    live = sorted(i for i in counted if cleaned[i].dropped is None)
    spans = {i: sentences[i] if sentences else _body_sentences(cleaned[i]) for i in live}
    words = {i: _sentence_words(cleaned[i], spans[i], known) for i in live}
    vocab = {i: set().union(*words[i]) for i in live}
    group = _copy_groups(live, vocab, options.topic_copy_similarity)
    members: dict[int, list[int]] = {}
    for i in live:
        members.setdefault(group[i], []).append(i)
    if len(members) != 2:
        return cleaned
    (one, two) = (max(m, key=lambda i: len(words[i])) for m in members.values())
    union = len(vocab[one] | vocab[two])
    if not union or len(vocab[one] & vocab[two]) >= options.pair_max_similarity * union:
        return cleaned  # they share words enough to be about one subject
    for x, y in ((one, two), (two, one)):
        n = len(words[x])
        if n < options.topic_min_sentences or counted[x] < options.topic_min_words:
            return cleaned
        matched = _matched(words[x], _word_index(words[y]), options.topic_shared_words)
        if len(matched) > options.topic_max_story * n:
            return cleaned
    news = {}
    for i in (one, two):
        text = cleaned[i].document.text
        news[i] = reads_as_news(" ".join(text[a:b] for a, b in spans[i]))
    out = list(cleaned)
    off = None
    if news[one] and news[two]:
        off, reason = _off_its_headline(cleaned, (one, two), words, options), OFF_TOPIC_HEADLINE
    elif news[one] != news[two]:
        off, reason = (two if news[one] else one), OFF_TOPIC_PAIR
    else:  # neither a report: a feature beside a page that is no article, the page goes
        off, reason = _the_page(cleaned, (one, two), spans, options), OFF_TOPIC_PAIR_PAGE
    if off is None:  # nothing says which story is the cluster's: both stay, and say so
        first, second = sorted((one, two))
        note = NO_SHARED_STORY.format(cleaned[first].document.id, cleaned[second].document.id)
        out[second] = dataclasses.replace(cleaned[second], note=note)
    elif len(members[group[off]]) == 1:
        out[off] = dataclasses.replace(cleaned[off], dropped=reason)
    return out


def _the_page(
    cleaned: list[CleanDocument],
    pair: tuple[int, int],
    spans: dict[int, list[tuple[int, int]]],
    options: CleanOptions,
) -> int | None:
    """Of two sources that share no story and neither reads as news, the one that
    :func:`~.kinds.reads_as_page` (an advert, a shop page, a how-to) when the other does
    not: a feature or a show's page is still about something, a page that tells the
    reader what to buy or do is about nothing the cluster gathered. With no third source
    to say which is the story, the page's own cues (instructions, prices, shop words)
    must also outnumber its narration, the reader addressed left out: on train-5000 a
    cut, lowercased report with two such cues and as many of narration read as a page.
    None when both or neither read as a page: nothing says which is the cluster's."""
    pages = []
    for i in pair:
        body = " ".join(cleaned[i].document.text[a:b] for a, b in spans[i])
        if reads_as_page(body, options.page_min_cues):
            page, _, narrative = page_cues(body)
            pages.append((i, page > narrative))
    return pages[0][0] if len(pages) == 1 and pages[0][1] else None


def headline(cleaned: CleanDocument) -> str:
    """The document's headline: its title as given, else the one cleaning found."""
    return (cleaned.document.title or cleaned.meta.get("title") or "").strip()


def _off_its_headline(
    cleaned: list[CleanDocument],
    pair: tuple[int, int],
    words: dict[int, list[set[str]]],
    options: CleanOptions,
) -> int | None:
    """Of two news reports that share no story, the one whose own headline only the
    other's text tells (``topic_shared_words`` of its telling words in one sentence):
    its page announced that story and its body is another (a sidebar or a related
    article extracted in place of the article). None when no headline says so: a
    headline each text tells, or none, says nothing about which story is the cluster's,
    and both stay."""
    off = []
    for x, y in (pair, pair[::-1]):
        title = set(_letter_runs(headline(cleaned[x]).lower())) - _NOT_TELLING
        if len(title) < options.topic_shared_words:
            continue
        index = [title]
        need = options.topic_shared_words
        told_by = {i: bool(_matched(words[i], _word_index(index), need)) for i in (x, y)}
        if told_by[y] and not told_by[x]:
            off.append(x)
    return off[0] if len(off) == 1 else None


def _judge_pages(
    cleaned: list[CleanDocument],
    options: CleanOptions,
    sentences: Sequence[list[tuple[int, int]]] | None,
    known: dict[str, set[str]] | None,
    counted: dict[int, int],
) -> list[CleanDocument]:
    """A page that is no article and shares no story with any other source: no source.

    With at least ``topic_min_groups`` independent sources, a document at most
    ``topic_max_story`` of whose sentences are matched in any other document and that
    :func:`~.kinds.reads_as_page` (a shop's product page, a how-to or recipe, a fact
    sheet, a results widget) is marked off-topic. Unlike the majority rule it needs no
    agreement among the others and spares no longest document: its kind says it is no
    report, and sharing nothing says it is not the story either. It needs only
    ``page_min_sentences`` sentences and ``page_min_words`` body words (``counted``, by
    index: the validation copies cut each page short); a page held in two copies shares
    its sentences with its copy, so it stays. The story is tested first: most documents
    are seen to share it at their first sentences, and their kind is never read.
    """
    live = [i for i in counted if cleaned[i].dropped is None]
    if len(live) < options.topic_min_groups:
        return cleaned
    spans = {i: sentences[i] if sentences else _body_sentences(cleaned[i]) for i in live}
    words = {i: _sentence_words(cleaned[i], spans[i], known) for i in live}
    need = options.topic_shared_words
    pages = []
    for i in live:
        n = len(words[i])
        if n < options.page_min_sentences or counted[i] < options.page_min_words:
            continue
        limit, story = options.topic_max_story * n, 0
        for sentence in words[i]:  # counted until the document is seen to share the story
            if any(_shares(sentence, words[j], None, need) for j in live if j != i):
                story += 1
                if story > limit:
                    break
        if story > limit:
            continue
        text = cleaned[i].document.text
        if reads_as_page(" ".join(text[a:b] for a, b in spans[i]), options.page_min_cues):
            pages.append(i)
    if not pages:
        return cleaned
    vocab = {i: set().union(*words[i]) for i in live}
    if len(set(_copy_groups(live, vocab, options.topic_copy_similarity).values())) < (
        options.topic_min_groups
    ):
        return cleaned  # copies: fewer sources than it takes
    out = list(cleaned)
    for i in pages:
        out[i] = dataclasses.replace(cleaned[i], dropped=OFF_TOPIC_PAGE)
    return out
