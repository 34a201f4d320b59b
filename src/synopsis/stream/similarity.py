"""Story similarity: which story an incoming article belongs to.

An article is a bag of words weighted by TF-IDF (the document frequencies grow as articles
arrive, so no corpus is needed in advance) plus a set of names (capitalised words inside
sentences). A story keeps the sum of its articles' vectors (its centroid), the vectors of
its last few articles, the names it mentions and the times it covers. An article scores a
story by text similarity (a mix of centroid and closest-article cosine, so that a story
that drifted does not keep absorbing near-topic articles), name overlap, and a Gaussian
decay on the time between the article and the story, lowered when the article stresses
names the story never mentioned (two events of one kind share a topic's words, not its
people and places); it joins the best story at or above ``StoryOptions.threshold``, else
it starts a story.

Only stories active in a time window are compared, found through an inverted index from
an article's most distinctive terms to the stories that contain them, so the cost of one
article does not grow with the number of stories stored.

This module imports nothing heavy and nothing else of synopsis: :mod:`synopsis.batch`
reuses it as is. Its public names are kept stable: :class:`Article`,
:class:`StoryOptions`, :class:`Features`, :class:`Assignment`, :class:`StoryIndex`,
:class:`DocumentFrequencies`, :func:`features`, :func:`similarity`, :func:`story_id_for`,
:func:`group_articles`, :func:`tokens`, :func:`names` (added since:
:func:`name_counts`, :func:`salient_names`, :func:`novelty_factor`, :func:`figures`,
:func:`days`, :func:`cue_factor`, :func:`new_event`). Embeddings, when given, come from
:mod:`synopsis.stream.embed`; numpy is imported only then.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # wordfreq is imported only when a background is used
    from .background import Background

DAY = 86400.0


@dataclass(frozen=True)
class Article:
    """One incoming article. ``published`` is a timezone-aware datetime (UTC if naive)."""

    id: str
    text: str
    published: datetime
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def timestamp(self) -> float:
        """Seconds since the epoch, naive datetimes read as UTC."""
        when = self.published
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return when.timestamp()


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped; the defaults were chosen on the tune streams only
    (``benchmarks/stream.md``) and are the same for every stream."""

    # An article joins the best story scoring at least this, else it starts a story.
    # (0.22 before story splitting; splitting undoes the twin merges a looser threshold
    # makes, so the threshold could come down to where Multi-News' recall wants it.)
    threshold: float = 0.16
    # Stories whose last article is older than this (days, before the newest article
    # seen) are no longer compared: the active window.
    window_days: float = 14.0
    # Gaussian time decay: the score is multiplied by exp(-d²/2σ²), d the days between
    # the article and the span of the story (0 inside it).
    decay_days: float = 10.0
    # Text similarity = centroid_mix · cos(article, centroid) + (1 - centroid_mix) ·
    # max cos(article, one of the story's last ``recent`` articles).
    centroid_mix: float = 0.7
    recent: int = 8
    # Weight of name overlap against text similarity (they sum to 1).
    entity_weight: float = 0.25
    # The title counts this many times in an article's term counts.
    title_weight: int = 2
    # Candidate stories come from the article's this many highest-weighted terms.
    probe_terms: int = 12
    # Term weight = (1 + log tf) · idf ** idf_power: above 1, rare shared words count more.
    idf_power: float = 1.0
    # Pairs of adjacent content words count as terms too: they name things ("free agent",
    # "port authority") that single words only hint at.
    bigrams: bool = False
    # Terms kept per article vector (the highest weighted), bounding memory and time.
    max_terms: int = 200
    # Snowball guard: the threshold rises by this much per natural log of story size.
    size_penalty: float = 0.0
    # Two stories whose centroids reach this cosine (and overlap in time) are merged;
    # above 1 never.
    merge_threshold: float = 1.1
    # Twin-event guard: the score is multiplied by 1 - novelty_weight · (share of the
    # article's salient names, those in its title or mentioned twice, that the story never
    # mentioned). Two events of one kind share the topic's words but not their people and
    # places; text without capitalised names (lowercased) is not affected.
    novelty_weight: float = 0.5
    # Margin rule: below ``threshold`` an article still joins its best story if it scores
    # at least ``margin_floor`` and leads the runner-up story by ``margin`` (0: off). A
    # story that stands out of the article's own score distribution is a match even when
    # outlets share little vocabulary; a near-topic twin rarely stands out alone.
    margin: float = 0.0
    margin_floor: float = 0.1
    # Paraphrase-aware text similarity (``synopsis[embed]``): when articles carry an
    # embedding, text similarity = (1 - embed_weight) · TF-IDF similarity + embed_weight ·
    # the embedding cosine with the story's mean embedding, rescaled so that ``embed_floor``
    # (about what two unrelated news articles reach) counts as 0. Without embeddings the
    # TF-IDF similarity alone, as if the weight were 0.
    embed_weight: float = 0.0
    embed_floor: float = 0.2
    # Event cues (two events of one kind, same names, same days: ECB+'s twins): the
    # specific figures an article gives (numbers of two digits or with decimals, years
    # left out) and the days it names (weekdays, calendar dates). Where both the article and
    # the story have some, sharing one multiplies the score by 1 + weight and sharing none
    # by 1 - weight. 0: off.
    number_weight: float = 0.0
    day_weight: float = 0.0
    # New-event test (issue 17, twins of ECB+): an article that would join a story starts
    # its own when it reports another instance of the story's kind of event: at least this
    # share of its ``event_terms`` highest-weighted terms never occurs in the story (it
    # matches the topic's words, not the story's specific content) and, with
    # ``event_cues``, its figures and days (where both sides give some) meet none of the
    # story's recent members'. 0: off.
    event_novelty: float = 0.0
    event_terms: int = 12
    event_cues: bool = True
    # ...and only against stories of at least this many articles (a small story has not
    # yet shown its event's own content).
    event_min_size: int = 1
    # Story splitting (issue 17: an early wrong join mixes two events of one kind, and the
    # mixed story then absorbs both): after an article joins a story of at least
    # ``split_min_size`` articles, the members are divided in two by 2-means seeded with
    # the story's first article and the new one; when both parts hold at least
    # ``split_min_part`` articles and the cosine between the parts' centroids is below
    # ``split_ratio`` times the members' mean cosine with their own part's centroid (two
    # tight groups, apart from each other), the part without the first article becomes a
    # story of its own. 0: off. A story that absorbed a merge is never split.
    split_ratio: float = 0.6
    split_min_size: int = 6
    split_min_part: int = 3
    # Stories past this size are no longer split (nor their members kept), bounding the
    # time and memory of the check; twice the largest true story of the tune streams.
    split_max_size: int = 48
    # The split runs on each member's TF-IDF vector joined with its names (a unit vector of
    # its capitalised names, times this weight; 0: terms only). Two events of one kind
    # share the topic's words more than their people and places, so the names pull the
    # parts apart; text without names (lowercased) splits as on its terms alone. Chosen
    # with ``split_ratio`` on the tune streams (benchmarks/stream.md, seventh pass: ECB+
    # tune 0.903 -> 0.914, Multi-News tune 0.900 either way).
    split_name_weight: float = 1.0
    # A background document frequency (``synopsis[background]``, eighth pass of
    # benchmarks/stream.md): idf reads the stream's counts plus this many pseudo-documents
    # of ``background_words`` words drawn from English word frequencies (wordfreq), so the
    # first articles are compared on informative words, not on "said". 0: off, the
    # stream's own counts alone.
    background_docs: float = 0.0
    background_words: float = 400.0

    @classmethod
    def with_embeddings(cls, **changes: float) -> StoryOptions:
        """The options chosen on the tune streams for grouping with embeddings
        (``synopsis track --embed``): the mixed score runs on another scale than TF-IDF
        alone, so it has its own threshold."""
        # The split as it was measured with embeddings (names off, ratio 0.55): the
        # names split was tried on TF-IDF grouping only.
        chosen = cls(threshold=0.30, embed_weight=0.5, embed_floor=0.2, split_ratio=0.55,
                     split_name_weight=0.0)  # fmt: skip
        return replace(chosen, **changes)


@dataclass(frozen=True)
class Features:
    """What similarity needs of one article: an L2-normalised sparse TF-IDF vector, the
    set of names, the time in seconds, and the raw term counts (for the document
    frequencies)."""

    vector: Mapping[str, float]
    entities: frozenset[str]
    timestamp: float
    terms: frozenset[str] = field(default_factory=frozenset)
    # The names the article stresses (in its title or mentioned at least twice); only the
    # incoming article's are read, so they need not be stored.
    salient: frozenset[str] = field(default_factory=frozenset)
    # A unit-length sentence embedding of the article's opening (``synopsis.stream.embed``),
    # a float32 numpy vector, or None when grouping by TF-IDF and names only.
    embedding: Any = None
    # Event cues (see StoryOptions.number_weight): figures ("6.1", "250", "3:15") and days
    # ("wednesday", "12-15" for Dec. 15) named in the article.
    numbers: frozenset[str] = field(default_factory=frozenset)
    days: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Split:
    """A story divided in two by an article's arrival: the articles ``moved`` (ids, the
    arriving one possibly among them) left story ``story_id`` for the new story ``new_id``."""

    story_id: str
    new_id: str
    moved: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    """Where an article went: its story, whether it started that story (or the part of a
    split story it landed in), the stories merged into it by this article (their ids now
    resolve to ``story_id``), and the split it caused, if any."""

    story_id: str
    new_story: bool
    merged: tuple[str, ...] = ()
    split: Split | None = None


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*[A-Za-z0-9]|[0-9]{2,}")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be
    because been before being below between both but by can could did do does doing down
    during each few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own said same say says she
    should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves one two new year years
    last first told like get got may might must many much even back well since still
    week weeks day days time people according made make including percent mr mrs ms
    monday tuesday wednesday thursday friday saturday sunday yesterday today""".split()  # noqa: SIM905
)
_FIGURE = re.compile(r"(?<![\w.,:])\d+(?:[.,:]\d+)*(?![\w])")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?![\d:])", re.I
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_NAME_STOP = frozenset(w.capitalize() for w in STOPWORDS) | {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "The", "But", "And", "In",
}  # fmt: skip


def tokens(text: str) -> list[str]:
    """Lowercased content words, a plural ``s`` stripped so that ``offer/offers`` meet."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 3 or word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def names(text: str) -> frozenset[str]:
    """Capitalised words not at a sentence start: a cheap, language-light stand-in for
    named entities (people, places, teams), lowercased. Lowercased text gives none."""
    return frozenset(name_counts(text))


def name_counts(text: str) -> Counter[str]:
    """How often each name of :func:`names` occurs in ``text``."""
    found: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        found.update(p.lower() for p in match.group().split() if p not in _NAME_STOP and len(p) > 2)
    return found


def salient_names(text: str, title: str | None) -> frozenset[str]:
    """The names an article stresses: those in its title (any position: titles are
    capitalised throughout, so only known names of the text count) or mentioned twice."""
    counts = name_counts(text)
    stressed = {name for name, n in counts.items() if n >= 2}
    if title:
        stressed.update(w for w in _words(title) if w in counts)
    return frozenset(stressed)


def figures(text: str) -> frozenset[str]:
    """The specific figures a text gives: numbers of two or more digits or with a decimal
    part ("6.1", "250", "3:15"), thousands separators dropped; years (1900-2100) and small
    counts left out, since every article of a topic may give them."""
    out = set()
    for match in _FIGURE.finditer(text):
        figure = match.group().replace(",", "")
        if figure.isdigit() and (len(figure) < 2 or 1900 <= int(figure) <= 2100):
            continue
        out.add(figure.rstrip(".:"))
    return frozenset(out)


def days(text: str) -> frozenset[str]:
    """The days a text names: weekdays and calendar dates ("12-15"), in any case."""
    found = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    for m in _MONTH_DAY.finditer(text):
        month, day = m.group(1).lower(), int(m.group(2))
        if 1 <= day <= 31 and not (month == "may" and m.group(0)[:3] == "may"):
            found.add(f"{_MONTHS.index(month) + 1}-{day}")
    return frozenset(found)


def _words(text: str) -> list[str]:
    """Lowercased words, nothing removed (to match names against a title)."""
    return [m.group().lower() for m in _WORD.finditer(text)]


class DocumentFrequencies:
    """Incrementally updated document frequencies: ``idf`` reads the counts as they are
    when an article arrives, so the same stream gives the same weights."""

    def __init__(self, counts: Mapping[str, int] | None = None, documents: int = 0) -> None:
        self.counts: dict[str, int] = dict(counts or {})
        self.documents = documents

    def idf(self, term: str, background: Background | None = None) -> float:
        """Smoothed inverse document frequency; with a ``background``
        (:mod:`synopsis.stream.background`), its pseudo-documents count beside the stream's."""
        if background is None:
            return math.log((1 + self.documents) / (1 + self.counts.get(term, 0))) + 1.0
        held = self.counts.get(term, 0) + background.documents * background.probability(term)
        return math.log((1 + self.documents + background.documents) / (1 + held)) + 1.0

    def add(self, terms: Iterable[str]) -> None:
        for term in terms:
            self.counts[term] = self.counts.get(term, 0) + 1
        self.documents += 1


def features(article: Article, df: DocumentFrequencies, options: StoryOptions,
             embedding: Sequence[float] | None = None,
             background: Background | None = None) -> Features:  # fmt: skip
    """The article's features weighted by the document frequencies seen so far, plus the
    ``background``'s if given (``df`` is not changed: call ``df.add(result.terms)`` once
    the article is counted)."""
    counts = Counter(_terms(tokens(article.text), options.bigrams))
    if article.title:
        for term in _terms(tokens(article.title), options.bigrams):
            counts[term] += options.title_weight
    power = options.idf_power
    weights = {t: (1.0 + math.log(c)) * df.idf(t, background) ** power for t, c in counts.items()}
    if len(weights) > options.max_terms:
        kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[: options.max_terms]
        weights = dict(kept)
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    vector = {t: w / norm for t, w in sorted(weights.items())}
    ents = names((article.title or "") + ". " + article.text)
    salient = salient_names(article.text, article.title) if options.novelty_weight else frozenset()
    emb = None
    if embedding is not None:
        import numpy as np  # only when grouping with embeddings

        emb = np.asarray(embedding, dtype=np.float32)
        emb.flags.writeable = False
    full = (article.title or "") + ". " + article.text
    cues = options.number_weight or options.day_weight or options.event_novelty
    return Features(vector, ents, article.timestamp, frozenset(counts), salient, emb,
                    figures(full) if cues else frozenset(),
                    days(full) if cues else frozenset())  # fmt: skip


def _terms(words: list[str], bigrams: bool) -> list[str]:
    if not bigrams:
        return words
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _accumulate(total: dict[str, float], vector: Mapping[str, float]) -> None:
    """Add ``vector`` into ``total`` term by term (in ``vector``'s order: sums stay
    deterministic)."""
    for term, w in vector.items():
        total[term] = total.get(term, 0.0) + w


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


class _Story:
    """The running state of one story (sums in arrival order, so deterministic)."""

    __slots__ = ("centroid", "days", "emb", "emb_norm", "entities", "figures", "first",
                 "id", "last", "members", "norm2", "recent", "recent_emb", "size",
                 "splittable")  # fmt: skip

    def __init__(self, story_id: str, recent: int) -> None:
        self.id = story_id
        self.centroid: dict[str, float] = {}
        self.norm2 = 0.0
        self.entities: Counter[str] = Counter()
        self.recent: deque[Mapping[str, float]] = deque(maxlen=recent)
        self.first = math.inf
        self.last = -math.inf
        self.size = 0
        self.emb: Any = None  # sum of the members' embeddings (float64 numpy vector)
        self.emb_norm = 0.0
        self.recent_emb: deque[Any] = deque(maxlen=recent)
        # the figures and days of the last ``recent`` members that gave any
        self.figures: deque[frozenset[str]] = deque(maxlen=recent)
        self.days: deque[frozenset[str]] = deque(maxlen=recent)
        # (article id, features) of every member, kept only when stories may be split
        self.members: list[tuple[str, Features]] = []
        # False once the story took in a merged story or grew past split_max_size
        self.splittable = True

    def _add_embedding(self, embedding: Any, member: bool = True) -> None:
        if embedding is None:
            return
        if member:
            self.recent_emb.append(embedding)
        self.emb = embedding.astype("float64") if self.emb is None else self.emb + embedding
        self.emb_norm = float(math.sqrt(self.emb @ self.emb))

    def embedding_cosine(self, embedding: Any) -> float:
        if self.emb is None or self.emb_norm <= 0:
            return 0.0
        return float(embedding @ self.emb) / self.emb_norm

    def embedding_closest(self, embedding: Any) -> float:
        return max((float(embedding @ e) for e in self.recent_emb), default=0.0)

    def add(self, feats: Features) -> None:
        _accumulate(self.centroid, feats.vector)
        self.norm2 = sum(w * w for w in self.centroid.values())
        self.entities.update(feats.entities)
        self.recent.append(feats.vector)
        self._add_embedding(feats.embedding)
        if feats.numbers:
            self.figures.append(feats.numbers)
        if feats.days:
            self.days.append(feats.days)
        self.first = min(self.first, feats.timestamp)
        self.last = max(self.last, feats.timestamp)
        self.size += 1

    def absorb(self, other: _Story) -> None:
        _accumulate(self.centroid, other.centroid)
        self.norm2 = sum(w * w for w in self.centroid.values())
        self.entities.update(other.entities)
        for vec in other.recent:
            self.recent.append(vec)
        self._add_embedding(other.emb, member=False)
        self.recent_emb.extend(other.recent_emb)
        self.figures.extend(other.figures)
        self.days.extend(other.days)
        self.first = min(self.first, other.first)
        self.last = max(self.last, other.last)
        self.size += other.size
        self.members.clear()
        self.splittable = False

    def centroid_cosine(self, vector: Mapping[str, float]) -> float:
        if self.norm2 <= 0:
            return 0.0
        return _dot(vector, self.centroid) / math.sqrt(self.norm2)


def _entity_overlap(entities: frozenset[str], story: _Story) -> float:
    """Cosine between the article's names and the story's name counts."""
    if not entities or not story.entities:
        return 0.0
    shared = sum(story.entities.get(e, 0) for e in entities)
    norm = math.sqrt(sum(c * c for c in story.entities.values()))
    return shared / (math.sqrt(len(entities)) * norm)


def similarity(feats: Features, story: _Story, options: StoryOptions) -> float:
    """How well an article fits a story, in [0, 1]: text and names, decayed by time."""
    central = story.centroid_cosine(feats.vector)
    closest = max((_dot(feats.vector, v) for v in story.recent), default=0.0)
    text = options.centroid_mix * central + (1 - options.centroid_mix) * closest
    if options.embed_weight and feats.embedding is not None and story.emb is not None:
        floor = options.embed_floor
        mix = options.centroid_mix
        cosine = mix * story.embedding_cosine(feats.embedding) + (1 - mix) * (
            story.embedding_closest(feats.embedding)
        )
        paraphrase = max(0.0, cosine - floor) / (1 - floor)
        text = (1 - options.embed_weight) * text + options.embed_weight * paraphrase
    if feats.entities and story.entities:
        names_ = _entity_overlap(feats.entities, story)
        score = (1 - options.entity_weight) * text + options.entity_weight * names_
    else:  # no names to compare (lowercased text): text alone, not a penalty
        score = text
    gap = max(0.0, story.first - feats.timestamp, feats.timestamp - story.last) / DAY
    return score * math.exp(-(gap * gap) / (2 * options.decay_days**2))


def novelty_factor(feats: Features, story: _Story, options: StoryOptions) -> float:
    """The twin-event guard of :class:`StoryOptions` (``novelty_weight``): 1 minus the
    weight times the share of the article's salient names the story never mentioned.
    Applied by :class:`StoryIndex` on top of :func:`similarity`, which stays symmetric for
    :mod:`synopsis.batch`."""
    if not feats.salient or not options.novelty_weight:
        return 1.0
    unseen = sum(1 for name in feats.salient if name not in story.entities)
    return 1 - options.novelty_weight * unseen / len(feats.salient)


def cue_factor(feats: Features, story: _Story, options: StoryOptions) -> float:
    """The event-cue factor of :class:`StoryOptions` (``number_weight``, ``day_weight``):
    from 1 - weight (none of the story's recent members that give figures shares one with
    the article) to 1 + weight (all do); 1 when either gives none. Per member, not over the
    story's union, so that a large story does not match everything."""
    factor = 1.0
    for mine, members, weight in ((feats.numbers, story.figures, options.number_weight),
                                  (feats.days, story.days, options.day_weight)):  # fmt: skip
        if weight and mine and members:
            share = sum(1 for m in members if not m.isdisjoint(mine)) / len(members)
            factor *= 1 + weight * (2 * share - 1)
    return factor


def cues_disagree(feats: Features, story: _Story) -> bool:
    """Whether the article's figures and days, where it and the story's recent members
    give some, meet none of theirs (and at least one kind could be compared)."""
    compared = False
    for mine, members in ((feats.numbers, story.figures), (feats.days, story.days)):
        if mine and members:
            if any(not m.isdisjoint(mine) for m in members):
                return False
            compared = True
    return compared


def new_event(feats: Features, story: _Story, options: StoryOptions) -> bool:
    """The new-event test of :class:`StoryOptions` (``event_novelty``): the article's
    specific content is new to the story (and, with ``event_cues``, its figures and days
    disagree with the story's), so it reports another event of the same kind."""
    if not options.event_novelty or story.size < options.event_min_size:
        return False
    top = sorted(feats.vector.items(), key=lambda kv: (-kv[1], kv[0]))[: options.event_terms]
    if not top:
        return False
    unseen = sum(1 for term, _ in top if term not in story.centroid) / len(top)
    if unseen < options.event_novelty:
        return False
    return cues_disagree(feats, story) if options.event_cues else True


def _unit_sum(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vector in vectors:
        _accumulate(total, vector)
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {term: w / norm for term, w in total.items()}


def _split_vector(feats: Features, name_weight: float) -> Mapping[str, float]:
    """What the story split compares of a member: its TF-IDF vector, joined (when
    ``name_weight`` is set and it has names) with its names as a unit vector times the
    weight, the whole scaled back to unit length. Name keys start with ``@``, which no
    term does."""
    if not name_weight or not feats.entities:
        return feats.vector
    each = name_weight / math.sqrt(len(feats.entities))
    joined = dict(feats.vector)
    joined.update((f"@{name}", each) for name in sorted(feats.entities))
    norm = math.sqrt(sum(w * w for w in joined.values()))
    return {key: w / norm for key, w in joined.items()}


def _two_means(vectors: Sequence[Mapping[str, float]], ratio: float = 0.0,
               rounds: int = 4) -> tuple[list[int], list[int]]:  # fmt: skip
    """Divide member vectors in two by spherical 2-means seeded with the first and the
    last (the first member's part first); ``([all], [])`` unless the first member's part
    keeps it, both parts are non-empty and the parts' centroids are less similar than
    ``ratio`` times the members' mean cosine with their own part's centroid."""
    everyone = list(range(len(vectors)))
    a, b = _unit_sum(vectors[:1]), _unit_sum(vectors[-1:])
    keep: list[int] = everyone
    move: list[int] = []
    previous: list[bool] = []
    for _ in range(rounds):
        nearer_a = [_dot(v, a) >= _dot(v, b) for v in vectors]
        if nearer_a == previous:  # converged: the centroids would come out the same
            break
        previous = nearer_a
        keep = [i for i in everyone if nearer_a[i]]
        move = [i for i in everyone if not nearer_a[i]]
        if not keep or not move:
            return everyone, []
        a, b = _unit_sum(vectors[i] for i in keep), _unit_sum(vectors[i] for i in move)
    if keep[0] != 0:
        return everyone, []
    within = sum(_dot(vectors[i], a) for i in keep) + sum(_dot(vectors[i], b) for i in move)
    if _dot(a, b) < ratio * within / len(vectors):
        return keep, move
    return everyone, []


def story_id_for(first_article_id: str) -> str:
    """A story's id, derived from its first article's id only: the same stream gives
    the same ids on every run and every database."""
    return "s" + hashlib.blake2b(first_article_id.encode(), digest_size=6).hexdigest()


class StoryIndex:
    """The active stories and an inverted index over their terms.

    ``assign(article)`` scores the candidate stories and joins or starts one; the whole
    state follows from the articles given, in order, so replaying a stored stream
    (``restore``) rebuilds it exactly.
    """

    def __init__(self, options: StoryOptions | None = None,
                 df: DocumentFrequencies | None = None) -> None:  # fmt: skip
        self.options = options or StoryOptions()
        self.df = df or DocumentFrequencies()
        self.background: Background | None = None
        if self.options.background_docs:
            from .background import Background

            self.background = Background(self.options.background_docs,
                                         self.options.background_words)  # fmt: skip
        self.stories: dict[str, _Story] = {}
        self.postings: dict[str, set[str]] = {}
        self.merged_into: dict[str, str] = {}
        self.now = -math.inf
        self._expiry: list[tuple[float, str]] = []

    # --- the two things a caller does -------------------------------------------------
    def assign(
        self, article: Article, embedding: Sequence[float] | None = None
    ) -> tuple[Assignment, Features]:
        """Join the best active story above the threshold, or start one (``embedding``:
        the article's, from :mod:`synopsis.stream.embed`, if grouping uses them)."""
        feats = features(article, self.df, self.options, embedding, self.background)
        self.df.add(feats.terms)
        self._advance(feats.timestamp)
        ranked = self._ranked(feats)
        best = ranked[0] if ranked else None
        if (
            best is not None
            and self._joins(ranked)
            and not new_event(feats, self.stories[best[1]], self.options)
        ):
            story_id, new = best[1], False
        else:
            story_id, new = self._unique_id(article.id), True
        self._join(story_id, feats, article.id)
        merged = self._merge_near(story_id, [sid for _, sid in ranked if sid != story_id][:2])
        split = None if new else self._split_apart(story_id)
        if split is not None and article.id in split.moved:
            story_id, new = split.new_id, True
        return Assignment(story_id, new, merged, split), feats

    def restore(self, story_id: str, feats: Features, article_id: str = "") -> None:
        """Replay a stored assignment (document frequencies restored separately). A split
        is replayed by giving the moved articles their new story: a story's state is the
        sum of its members in arrival order, however it came to hold them."""
        self._advance(feats.timestamp)
        self._join(story_id, feats, article_id)

    def restore_merge(self, old: str, new: str) -> None:
        """Replay a stored merge of story ``old`` into ``new``."""
        self._absorb(new, old)

    def resolve(self, story_id: str) -> str:
        """The id a story is known by now (merged stories resolve to their survivor)."""
        while story_id in self.merged_into:
            story_id = self.merged_into[story_id]
        return story_id

    # --- internals --------------------------------------------------------------------
    def _threshold(self, story: _Story) -> float:
        return self.options.threshold + self.options.size_penalty * math.log(story.size)

    def _joins(self, ranked: list[tuple[float, str]]) -> bool:
        """Whether the best of the ranked stories takes the article (see StoryOptions)."""
        best, story_id = ranked[0]
        if best >= self._threshold(self.stories[story_id]):
            return True
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        opts = self.options
        return opts.margin > 0 and best >= opts.margin_floor and best - runner_up >= opts.margin

    def _ranked(self, feats: Features) -> list[tuple[float, str]]:
        probe = sorted(feats.vector.items(), key=lambda kv: (-kv[1], kv[0]))
        candidates: set[str] = set()
        for term, _ in probe[: self.options.probe_terms]:
            candidates.update(self.postings.get(term, ()))
        opts, stories = self.options, self.stories
        scored = [
            (
                similarity(feats, stories[s], opts)
                * novelty_factor(feats, stories[s], opts)
                * cue_factor(feats, stories[s], opts),
                s,
            )
            for s in candidates
        ]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return scored

    def _unique_id(self, article_id: str) -> str:
        story_id, n = story_id_for(article_id), 1
        while story_id in self.stories or story_id in self.merged_into:
            n += 1
            story_id = story_id_for(f"{article_id}#{n}")
        return story_id

    def _join(self, story_id: str, feats: Features, article_id: str = "") -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id, self.options.recent)
        story.add(feats)
        if self.options.split_ratio and story.splittable:
            story.members.append((article_id, feats))
            if len(story.members) > self.options.split_max_size:
                story.members.clear()
                story.splittable = False
        for term in feats.vector:
            self.postings.setdefault(term, set()).add(story_id)
        heapq.heappush(self._expiry, (story.last, story_id))

    def _advance(self, timestamp: float) -> None:
        """Move the clock forward and drop stories that left the active window."""
        self.now = max(self.now, timestamp)
        horizon = self.now - self.options.window_days * DAY
        while self._expiry and self._expiry[0][0] < horizon:
            last, story_id = heapq.heappop(self._expiry)
            story = self.stories.get(story_id)
            if story is not None and story.last == last:
                self._drop(story)

    def _drop(self, story: _Story) -> None:
        for term in story.centroid:
            posting = self.postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.postings[term]
        del self.stories[story.id]

    def _split_apart(self, story_id: str) -> Split | None:
        """Split the story in two if its members form two tight groups apart from each
        other (see ``StoryOptions.split_ratio``); the part without its first article
        becomes a new story, whose id comes from its own first article."""
        opts, story = self.options, self.stories[story_id]
        members = story.members
        if not story.splittable or len(members) < max(opts.split_min_size, 2):
            return None
        vectors = [_split_vector(f, opts.split_name_weight) for _, f in members]
        keep, move = _two_means(vectors, opts.split_ratio)
        if min(len(keep), len(move)) < opts.split_min_part:
            return None
        return self._divide(story_id, keep, move)

    def _divide(self, story_id: str, keep: Sequence[int], move: Sequence[int]) -> Split:
        """Rebuild the story from its members at ``keep`` and make those at ``move`` a new
        story named after the first of them."""
        members = self.stories[story_id].members
        self._drop(self.stories[story_id])
        new_id = self._unique_id(members[move[0]][0])
        for sid, part in ((story_id, keep), (new_id, move)):
            for i in part:
                self._join(sid, members[i][1], members[i][0])
        return Split(story_id, new_id, tuple(members[i][0] for i in move))

    def _merge_near(self, story_id: str, others: Sequence[str]) -> tuple[str, ...]:
        """Merge stories whose centroids converged with ``story_id``'s into it."""
        if self.options.merge_threshold > 1:
            return ()
        story, merged = self.stories[story_id], []
        for other_id in others:
            other = self.stories.get(other_id)
            if other is None or other_id == story_id or other.norm2 <= 0:
                continue
            cosine = _dot(other.centroid, story.centroid) / math.sqrt(story.norm2 * other.norm2)
            if cosine >= self.options.merge_threshold:
                self._absorb(story_id, other_id)
                merged.append(other_id)
        return tuple(merged)

    def _absorb(self, story_id: str, other_id: str) -> None:
        story, other = self.stories[story_id], self.stories.get(other_id)
        if other is not None:
            story.absorb(other)
            self._drop(other)
        for term in story.centroid:
            self.postings.setdefault(term, set()).add(story_id)
        self.merged_into[other_id] = story_id
        heapq.heappush(self._expiry, (story.last, story_id))


def group_articles(
    articles: Iterable[Article],
    options: StoryOptions | None = None,
    embeddings: Iterable[Sequence[float] | None] | None = None,
) -> list[str]:
    """Assign articles, in the order given, to stories; one story id per article, with
    merged stories resolved to the id they ended under. ``embeddings``, if given, holds
    one embedding per article (in the same order)."""
    index = StoryIndex(options)
    articles = list(articles)
    embs = list(embeddings) if embeddings is not None else [None] * len(articles)
    if len(embs) != len(articles):
        raise ValueError(f"{len(embs)} embeddings for {len(articles)} articles")
    assigned: list[str] = []
    positions: dict[str, list[int]] = {}
    for article, emb in zip(articles, embs, strict=True):
        assignment = index.assign(article, emb)[0]
        positions.setdefault(article.id, []).append(len(assigned))
        assigned.append(assignment.story_id)
        if assignment.split is not None:
            for moved in assignment.split.moved:
                for i in positions[moved]:
                    assigned[i] = assignment.split.new_id
    return [index.resolve(s) for s in assigned]
