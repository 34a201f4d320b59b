"""Frozen option dataclasses, one per stage, gathered in :class:`Options`.

Make variants with :func:`dataclasses.replace`; nothing here is read from the environment.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CleanOptions:
    enabled: bool = True
    # Use lines that recur in several documents of a cluster (menus, teasers).
    cross_document: bool = True
    # A non-sentence line in at least this many documents is furniture.
    shared_min_documents: int = 2
    # ... and only when it has at most this many words (titles, teasers, menus).
    shared_max_words: int = 20
    # A line repeated inside one document is dropped from this many words on.
    repeat_min_words: int = 3
    # Vocabulary patterns only apply to lines this short: prose that mentions
    # "subscribe" or "photo" is story text.
    furniture_max_words: int = 30
    caption_max_words: int = 80
    # A web-archive notice (crawl + archive words) standing in for a missing article.
    archive_max_words: int = 150
    byline_max_words: int = 12
    # The header (headline, standfirst, byline, wire bullets) spans at most this many lines.
    header_lines: int = 10
    # A line is story-shaped with this many words and final punctuation, or this many words.
    prose_words: int = 6
    long_line_words: int = 25
    # Headings: short lines without final punctuation; ALL-CAPS lines up to this length.
    subhead_words: int = 6
    caps_subhead_words: int = 10
    # Lines after the last sentence this short, without final punctuation, are links/tags.
    trailing_words: int = 15
    # Change-tracker pages: two sentences sharing this much of their words (Dice) are two
    # versions of one sentence; the earlier is dropped.
    version_similarity: float = 0.6
    # ... or when the shorter one's words are nearly all in the longer one (an edit that
    # cut or extended the sentence).
    version_containment: float = 0.85
    # ... among the next this many sentences: bounded work on a huge page (cleaning.trackers).
    version_window: int = 500
    # The pipeline leaves out documents whose body is empty after cleaning.
    drop_empty: bool = True
    # A document whose body words are at least this share in site-notice sentences
    # (furniture.NOTICE_TERMS with NOTICE_CUES) is a notice page, dropped whole.
    notice_share: float = 0.5
    # Off-topic documents (cleaning.stories.topicality). Documents whose words overlap
    # by ``topic_copy_similarity`` (Jaccard) are copies, one source. A sentence is matched
    # in another source when one of its sentences shares ``topic_shared_words`` words
    # (less furniture.COMMON_WORDS). With at least ``topic_min_groups`` sources, a
    # document at most ``topic_max_story`` of whose sentences are matched in the others,
    # while those others match each other (median share, the document left out) at
    # least ``topic_agreement``, is no source. Never off-topic: documents under
    # ``topic_min_sentences`` sentences or ``topic_min_words`` body words (a post, a
    # statement, a copy cut to its first hundred words), a page held in two copies, the
    # longest document. Decided on the tune halves and train-5000 (benchmarks/cleaning.md).
    topic_min_groups: int = 3
    topic_copy_similarity: float = 0.5
    topic_shared_words: int = 2
    topic_agreement: float = 0.5
    topic_max_story: float = 0.05
    topic_min_sentences: int = 4
    topic_min_words: int = 150
    # Two sources (cleaning.stories._judge_pair): when neither has more than
    # ``topic_max_story`` of its sentences matched in the other and their telling words
    # overlap (Jaccard) under ``pair_max_similarity``, the one that does not read as a news
    # report is off-topic. Chosen on the validation-500 tune half (benchmarks/cleaning.md):
    # pairs about other subjects overlapped 0.006-0.012, two columns on one theme 0.025.
    pair_max_similarity: float = 0.02
    # With at least ``topic_min_groups`` sources (cleaning.stories._judge_pages), a page
    # that reads as no article (``page_min_cues`` instructions, links, prices, measures,
    # shop or legal words: cleaning.kinds.reads_as_page) with at most ``topic_max_story``
    # of its sentences matched in any other source is off-topic; judged from
    # ``page_min_sentences`` sentences and ``page_min_words`` words. Chosen on the tune
    # halves (benchmarks/cleaning.md).
    page_min_cues: int = 2
    page_min_sentences: int = 2
    page_min_words: int = 40


@dataclass(frozen=True)
class SegmentOptions:
    # A line shorter than this fraction of the block's typical line length ends a
    # paragraph even without final punctuation (headlines, subheads, bylines).
    short_line_ratio: float = 0.6
    # How a paragraph is cut into sentences: "rules" (a regex pass and an abbreviation
    # list) or "syntok" (benchmarks/README.md compares them on a labelled set).
    splitter: str = "rules"


@dataclass(frozen=True)
class ScoreOptions:
    scorer: str = "learned"  # tuned on the Multi-News tune halves (benchmarks/quality.md)
    centrality_weight: float = 1.0
    support_weight: float = 0.5
    position_weight: float = 0.35
    # Cosine similarity at which two sentences count as stating the same thing.
    support_threshold: float = 0.5


@dataclass(frozen=True)
class SelectOptions:
    words: int = 100
    # A candidate whose cosine similarity to a chosen sentence reaches this is redundant.
    redundancy_threshold: float = 0.5
    # So is one that shares a run of this many words with a chosen sentence: the same
    # quotation or wire sentence, reworded around it (0: no such check).
    repeat_words: int = 7
    # So is one that restates a chosen sentence's fact in other words: at least this
    # share of the shorter one's content words (6-letter stems, at least
    # ``restate_min_words`` of them) in the other, and no number of its own (1.0+: off).
    restate_share: float = 0.8
    restate_min_words: int = 4
    # ... or a paraphrase: at least this share of the *shorter* sentence's content words
    # (at least ``restate_min_words``) in the other, and no number of its own; two sources
    # word one event differently, so the longer one's share stays low (1.0+: off; decided
    # on the tune halves, benchmarks/readability.md "Facts told twice").
    restate_short_share: float = 0.55
    # MMR trade-off between salience (1.0) and novelty (0.0).
    mmr_lambda: float = 1.0  # novelty comes from redundancy_threshold alone (tuned)
    min_words: int = 6
    max_words: int = 60
    # Open with the best lead: the highest-scored first sentence of any article, so the
    # summary starts with the news, not with a reaction to it.
    lead_first: bool = True
    # At most this share of the summary's sentences may be quotations (1.0: no limit): a
    # summary reports; a string of quotes does not read as one.
    max_quote_share: float = 0.5
    # Take each sentence with what it needs to be understood (synopsis.dependencies): the
    # sentence before a "But ...", a bracketed name for a "he said"; never a quotation
    # whose speaker cannot be found. False: sentences are taken on their own, as before.
    dependencies: bool = True
    # Never take a sentence about another event, a tip line, a teaser question, page
    # text, or a fragment (synopsis.topic, synopsis.dependencies.fragment).
    on_topic: bool = True
    # The opening lead: salience (normalised to the best candidate) plus this times its
    # word overlap (Dice) with the headline most representative across sources.
    headline_weight: float = 0.5
    # Plus this times how closely the other independent sources open with the same news
    # (mean best cosine with their first sentences): the central fact, not a side event.
    lead_agreement_weight: float = 0.5
    # A source with two sentences in the summary waits while an unheard independent source
    # has a candidate this salient (share of the best candidate's salience; >1: never).
    coverage_salience: float = 0.3


@dataclass(frozen=True)
class AttributeOptions:
    # Cosine similarity at which another document is said to support a sentence.
    support_threshold: float = 0.5


@dataclass(frozen=True)
class DedupOptions:
    enabled: bool = True
    # Words per shingle and MinHash permutations; LSH finds pairs whose shingle sets have
    # roughly this Jaccard similarity or more (a low bar: alignment confirms every pair).
    shingle_words: int = 4
    permutations: int = 128
    lsh_threshold: float = 0.1
    # A candidate goes on to alignment only when the MinHash estimate of the share of the
    # smaller document's shingles found in the other reaches this (a copy shares most of
    # them; unrelated pages that reuse a paragraph or two do not).
    min_containment: float = 0.2
    # Up to this many documents every pair's exact containment is computed instead of
    # MinHash sketches (cheaper below it; benchmarks/README.md, dedup).
    direct_max_documents: int = 30
    # Two sentences align when their normalised texts reach this rapidfuzz ratio (0-100).
    sentence_ratio: float = 85.0
    # Sentences shorter than this (in words) are furniture-sized and never align.
    min_sentence_words: int = 5
    # A pair is one story when this share of the shorter document's words (in sentences of
    # min_sentence_words or more) lie in sentences that align, and min_aligned sentences do.
    min_shared: float = 0.5
    min_aligned: int = 2
    # Near-identical sentences are found once per cluster: every pair of its distinct long
    # sentences is compared up to this many of them (exact; real clusters stay far below).
    direct_max_sentences: int = 4000
    # Above it (huge or repetitive input) a sentence is compared with at most this many
    # others sharing one of its rare_shingles rarest word trigrams: bounded work, near
    # copies outside those are missed (dedup.SentenceIndex).
    max_sentence_candidates: int = 60
    rare_shingles: int = 4


@dataclass(frozen=True)
class DisagreeOptions:
    enabled: bool = True
    # Cosine similarity (TF-IDF) at which two sentences count as being about one thing.
    align_threshold: float = 0.3
    # Names: rapidfuzz ratio between two spellings to be read as one entity.
    name_ratio: float = 70.0
    # Figures of one counted noun in sentences that are otherwise unlike are linked when
    # the context_words either side share shared_context words, none of them common (in
    # more than common_fraction of the cluster's sentences).
    context_words: int = 8
    shared_context: int = 2
    common_fraction: float = 0.1
    # The one figure each source gives for a (not generic) counted noun is linked across
    # sources when the sentence and its paragraph neighbours share this many uncommon words.
    sole_shared_context: int = 1
    # ... and only when the two values are at most this many times apart (set on the tune
    # halves: linked sole figures 2.5 and 3 times apart were counts of different things).
    sole_max_ratio: float = 1.5
    # Quotes: a wording shares this many content words that are uncommon in the cluster.
    quote_own_words: int = 2
    # Figures more than this many times apart count different things, not one disputed fact.
    max_ratio: float = 3.0
    # Bounded work on any text (neither cap is reached on the evaluation clusters): a
    # counted noun with more than max_figures figures in the cluster (1,000 articles of
    # one figure each) counts many things, not one fact, and is left out;
    # a block of more than max_spellings capitalised words of one first letter, last
    # letter and length is no set of names and is left out of the spelling comparison.
    max_figures: int = 1000
    max_spellings: int = 200


@dataclass(frozen=True)
class Options:
    clean: CleanOptions = field(default_factory=CleanOptions)
    segment: SegmentOptions = field(default_factory=SegmentOptions)
    score: ScoreOptions = field(default_factory=ScoreOptions)
    select: SelectOptions = field(default_factory=SelectOptions)
    attribute: AttributeOptions = field(default_factory=AttributeOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    disagree: DisagreeOptions = field(default_factory=DisagreeOptions)

    @classmethod
    def with_words(cls, words: int) -> Options:
        if words < 1:
            raise ValueError(f"words must be at least 1, got {words}")
        return cls(select=SelectOptions(words=words))
