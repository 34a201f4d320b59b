"""One document or a cluster cleaned: the rules of the other modules run in order."""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from collections.abc import Sequence

from .. import furniture as fw
from ..model import CleanDocument, Document, Removal
from ..options import CleanOptions
from ..stopwords import ENGLISH_STOP_WORDS
from .datelines import strip_dateline, strip_later_datelines
from .kinds import reads_as_news, reads_as_page
from .lines import (
    LETTER,
    Line,
    body_spans,
    drop_by_vocabulary,
    drop_repeats,
    drop_subheads,
    drop_trailing,
    header,
    line_key,
    numbered_lines,
    subtract,
)
from .reasons import (
    BANNER,
    EMBED,
    NO_SHARED_STORY,
    NOTHING_LEFT,
    NOTICE_PAGE,
    OFF_TOPIC,
    OFF_TOPIC_HEADLINE,
    OFF_TOPIC_PAGE,
    OFF_TOPIC_PAIR,
)
from .trackers import drop_older_versions, split_joined_duplicate, tracker_header


def clean(document: Document, options: CleanOptions | None = None) -> CleanDocument:
    """The body spans of one document, its metadata and every removal with its reason."""
    options = options or CleanOptions()
    return _judge_page(_clean(document, options, frozenset()), options)


def clean_cluster(
    documents: Sequence[Document], options: CleanOptions | None = None
) -> tuple[CleanDocument, ...]:
    """Clean the documents of one cluster, also using lines that recur across them.

    A line found in several documents is removed only when it is not shaped like a
    sentence (a menu, a teaser, a recurring caption): wire copies of one story share
    whole body sentences, and those must survive.
    """
    options = options or CleanOptions()
    lines = [numbered_lines(doc.text) for doc in documents]  # found once, used twice
    shared: frozenset[str] = frozenset()
    keys: dict[str, str] = {}  # each distinct line keyed once (for drop_repeats too)
    if options.cross_document and len(documents) > 1:
        counts: Counter[str] = Counter()
        for doc, numbered in zip(documents, lines, strict=True):
            found = set()
            for _, a, b in numbered:
                s = doc.text[a:b]
                key = keys.get(s)
                if key is None:
                    key = keys[s] = line_key(s)
                if key:
                    found.add(key)
            counts.update(found)
        shared = frozenset(k for k, n in counts.items() if n >= options.shared_min_documents)
    cleaned, sentences = [], []
    # each distinct sentence text judged once per cluster (copies repeat sentences)
    notices: dict[str, bool] = {}
    words: dict[str, set[str]] = {}
    for doc, numbered in zip(documents, lines, strict=True):
        first = _clean(doc, options, shared, numbered, keys)
        spans = _body_sentences(first)  # found once, for the page and the topic
        cleaned.append(_judge_page(first, options, spans, notices))
        sentences.append(spans)
    return tuple(_judge_topics(cleaned, options, sentences, words))


def _clean(
    document: Document,
    options: CleanOptions,
    shared: frozenset[str],
    numbered: list[tuple[int, int, int]] | None = None,
    keys: dict[str, str] | None = None,
) -> CleanDocument:
    text = document.text
    if numbered is None:
        numbered = numbered_lines(text)
    lines = [Line(n, a, b, [(a, b)]) for n, a, b in numbered]
    removals: list[Removal] = []
    meta: dict[str, str] = {}

    def drop(line: Line, reason: str) -> None:
        for a, b in line.keep:
            removals.append(Removal(a, b, reason, line.number))
        line.keep, line.reason = [], reason

    def cut(line: Line, a: int, b: int, reason: str) -> None:
        removals.append(Removal(a, b, reason, line.number))
        pieces = subtract(line.keep, a, b)
        line.keep = [(x, y) for x, y in pieces if LETTER.search(text, x, y)]
        for x, y in pieces:  # a stray quote mark or dash left over goes with the cut
            if (x, y) not in line.keep and text[x:y].strip():
                removals.append(Removal(x, y, reason, line.number))
        if not line.keep:
            line.reason = reason

    tracker = tracker_header(text, lines)
    if tracker is not None:
        for line in lines[: tracker + 1]:
            drop(line, BANNER)
    for line in lines:
        if line.keep:
            split_joined_duplicate(text, line, cut)
    drop_by_vocabulary(text, lines, options, meta, drop, cut)
    drop_repeats(text, lines, options, shared, drop, keys)
    first_body = header(text, lines, options, tracker, meta, drop, cut)
    if first_body is not None:
        strip_dateline(text, first_body, meta, cut)
    strip_later_datelines(text, lines, first_body, cut)
    drop_trailing(text, lines, options, drop)
    drop_subheads(text, lines, options, drop)
    if tracker is not None:
        drop_older_versions(text, lines, options, cut)
    if lines and all(line.reason == EMBED for line in lines):
        # A document that is only a post (a tweet saved as the article) is that post.
        for line in lines:
            line.keep, line.reason = [(line.start, line.end)], None
        removals.clear()
    removals.sort(key=lambda r: (r.start, r.end))
    return CleanDocument(
        document=document, body=body_spans(text, lines), removals=tuple(removals), meta=meta
    )


# --- whole documents --------------------------------------------------------------------

# A sentence boundary for document decisions: a full stop, then space and any letter (the
# lowercased Multi-News copies start sentences in lowercase too).
_BOUNDARY = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+""")
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _body_sentences(cleaned: CleanDocument) -> list[tuple[int, int]]:
    text = cleaned.document.text
    out = []
    for span in cleaned.body:
        start = span.start
        for m in _BOUNDARY.finditer(text, span.start, span.end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, span.end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def is_notice(sentence: str) -> bool:
    """A sentence about the page, the site or the reader's account, not about the world:
    site notices, a web archive's description of its collection, a weather widget, a
    traffic ticker, a legal footer."""
    # Each pattern is tried only when the sentence holds one of its words (furniture.Gated);
    # the cues first: they match fewer sentences and cost less (both must match).
    lower = sentence.lower()
    odd = fw.ODD_CASE.search(sentence) is not None
    if fw.NOTICE_CUES_GATED.search(sentence, lower, odd) and fw.NOTICE_TERMS.search(sentence):
        return True
    return any(g.search(sentence, lower, odd) for g in fw.PAGE_TEXT)


def _judge_page(
    cleaned: CleanDocument,
    options: CleanOptions,
    sentences: list[tuple[int, int]] | None = None,
    notices: dict[str, bool] | None = None,
) -> CleanDocument:
    """Drop a page whole when nothing is left or it is mostly site notice.

    The line rules cut a notice's first line ("Tweet with a location") and keep the rest;
    judged by sentence over the whole body, the page is seen to hold no story at all.
    ``sentences`` are its body sentences when already found (:func:`_body_sentences`);
    ``notices`` keeps :func:`is_notice` of each sentence text judged (one dict per
    cluster: copies repeat sentences).
    """
    if not cleaned.body:
        return dataclasses.replace(cleaned, dropped=NOTHING_LEFT)
    text = cleaned.document.text
    if sentences is None:
        sentences = _body_sentences(cleaned)
    counts = [len(text[a:b].split()) for a, b in sentences]
    words = sum(counts)
    # the story words that would keep the page: stop at the sentence that passes it,
    # looking at the longest sentences first
    allowed, story = (1 - options.notice_share) * words, 0
    for n, (a, b) in sorted(zip(counts, sentences, strict=True), reverse=True):
        if notices is None:
            notice = is_notice(text[a:b])
        else:
            sentence = text[a:b]
            notice = notices.get(sentence)
            if notice is None:
                notice = notices[sentence] = is_notice(sentence)
        if not notice:
            story += n
            if story > allowed:
                return cleaned
    if not words:
        return cleaned
    removed = [Removal(s.start, s.end, NOTICE_PAGE, _line_of(text, s.start)) for s in cleaned.body]
    removals = tuple(sorted((*cleaned.removals, *removed), key=lambda r: (r.start, r.end)))
    return dataclasses.replace(cleaned, body=(), removals=removals, dropped=NOTICE_PAGE)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _content_words(text: str) -> set[str]:
    return {w for w in (m.lower() for m in _CONTENT.findall(text)) if w not in ENGLISH_STOP_WORDS}


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
        return [set(_CONTENT.findall(low, a, b)) - _NOT_TELLING for a, b in spans]
    out = []
    for a, b in spans:
        piece = low[a:b]
        words = known.get(piece)
        if words is None:
            words = known[piece] = set(_CONTENT.findall(piece)) - _NOT_TELLING
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
    it (``_matched`` asks for at least one shared word)."""
    if index is not None:
        return bool(_matched([words], index, need))
    least = max(need, 1)
    return any(len(words & other) >= least for other in sentences)


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
) -> list[CleanDocument]:
    """Mark documents that tell another story than the rest of the cluster as off-topic
    (:func:`_judge_pages` first, then :func:`topicality`, or :func:`_judge_pair` for two
    sources); the body is kept, so ``clean --explain`` can show it."""
    out = _judge_pages(list(cleaned), options, sentences, known)
    cleaned = out
    counted = {i: _body_words(c) for i, c in enumerate(cleaned) if c.dropped is None}
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
    """Two independent sources that share no story: keep the one that reads as news, or
    of two news reports the one that tells the other's headline.

    With two sources each is the other's only support, so the majority rule of
    :func:`topicality` cannot say which is off the story. When neither has more than
    ``topic_max_story`` of its sentences matched in the other (both long enough to
    judge), their telling words overlap under ``pair_max_similarity``, and exactly one
    of them :func:`reads_as_news`, the other (an essay, a column, a page about something
    else) is marked off-topic. When both read as news, one is off-topic only when its
    own headline is told by the other's text and not by its own (:func:`_off_its_headline`);
    otherwise, and when neither reads as news, both stay: nothing says which story the
    cluster is about. A page held in two copies stays, as in
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
    if off is None:  # nothing says which story is the cluster's: both stay, and say so
        first, second = sorted((one, two))
        note = NO_SHARED_STORY.format(cleaned[first].document.id, cleaned[second].document.id)
        out[second] = dataclasses.replace(cleaned[second], note=note)
    elif len(members[group[off]]) == 1:
        out[off] = dataclasses.replace(cleaned[off], dropped=reason)
    return out


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
        title = set(_CONTENT.findall(headline(cleaned[x]).lower())) - _NOT_TELLING
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
) -> list[CleanDocument]:
    """A page that is no article and shares no story with any other source: no source.

    With at least ``topic_min_groups`` independent sources, a document that
    :func:`~.kinds.reads_as_page` (a shop's product page, a how-to or recipe, a fact
    sheet, a results widget) is marked off-topic when at most ``topic_max_story`` of its
    sentences are matched in any other source. Unlike the majority rule it needs no
    agreement among the others and spares no longest document: its kind says it is no
    report, and sharing nothing says it is not the story either. It needs only
    ``page_min_sentences`` sentences and ``page_min_words`` words (the validation copies
    cut each page short), and a page held in two copies stays.
    """
    live = [i for i, c in enumerate(cleaned) if c.dropped is None]
    if len(live) < options.topic_min_groups:
        return cleaned
    spans = {i: sentences[i] if sentences else _body_sentences(cleaned[i]) for i in live}
    text = {i: cleaned[i].document.text for i in live}
    body = {i: " ".join(text[i][a:b] for a, b in spans[i]) for i in live}
    pages = [
        i
        for i in live
        if len(spans[i]) >= options.page_min_sentences
        and len(body[i].split()) >= options.page_min_words
        and reads_as_page(body[i], options.page_min_cues)
    ]
    if not pages:  # the usual case: no telling words needed
        return cleaned
    words = {i: _sentence_words(cleaned[i], spans[i], known) for i in live}
    vocab = {i: set().union(*words[i]) for i in live}
    group = _copy_groups(live, vocab, options.topic_copy_similarity)
    size = Counter(group.values())
    if len(size) < options.topic_min_groups:
        return cleaned
    out = list(cleaned)
    need = options.topic_shared_words
    for i in pages:
        if size[group[i]] > 1:
            continue
        others = [j for j in live if group[j] != group[i]]
        matched = set().union(*(_matched(words[i], _word_index(words[j]), need) for j in others))
        if len(matched) <= options.topic_max_story * len(words[i]):
            out[i] = dataclasses.replace(cleaned[i], dropped=OFF_TOPIC_PAGE)
    return out
