"""Direct quotes of one speaker, worded differently by independent sources."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Copies, Disagreement, Mention, ScoredCluster, Variant
from ..options import DisagreeOptions
from .claims import STEM_STOP, once_per_text
from .names import same_name

# Curly quotes, straight quotes, and the ``...'' style of some tokenized copies, whose
# closing '' must end the quotation or the narration up to the next quote is read as one.
_QUOTE = re.compile(r"“([^”\n]{20,600})”|(?:\"|``)((?:(?!'')[^\"\n]){20,600}?)\s*(?:\"|'')")
_QUOTE_SENTENCE = re.compile(r"\S.*?(?:[.!?]+(?=\s+[A-Z“\"])|$)", re.S)
_SPEECH_WORDS = ("said", "says", "told", "added", "wrote", "declared", "stated", "insisted",
                 "warned", "explained")  # fmt: skip
_SPEECH = r"(?:" + "|".join(_SPEECH_WORDS) + ")"
_NAME = r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*)"
_AFTER = re.compile(
    r"^[\s,]*(?:"
    + _NAME
    + r"\s+"
    + _SPEECH
    + r"|"
    + _SPEECH
    + r"\s+"
    + _NAME.replace("name", "name2")
    + r")"
)
_BEFORE = re.compile(_NAME + r"\s+" + _SPEECH + r"[^\"“”]{0,40}[:,]\s*$")
_SAID = re.compile(_NAME + r"\s+" + _SPEECH + r"\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_WORD = re.compile(r"\w+")
# Literals every match holds: a ``_QUOTE`` match opens with one of its marks, a ``_SAID``
# match holds a speech verb as written. Most paragraphs hold neither, and a few ``in``
# tests cost less than the patterns' scan of every position (skips only where they
# cannot match).
_QUOTE_OPENS = ("“", '"', "``")


def _may_quote(text: str) -> bool:
    """Whether ``_QUOTE`` may match in ``text`` (False: it cannot)."""
    for mark in _QUOTE_OPENS:  # noqa: SIM110 (any() over a generator costs more)
        if mark in text:
            return True
    return False


def _may_say(text: str) -> bool:
    """Whether ``_SAID`` may match in ``text`` (False: it cannot)."""
    for verb in _SPEECH_WORDS:  # noqa: SIM110 (any() over a generator costs more)
        if verb in text:
            return True
    return False


def quote_stems(text: str) -> set[str]:
    """Crude stems of a quote's common words; names ("North Korea") say nothing of wording."""
    words = _LOWER_WORD.findall(text.replace("-", ""))
    return {w[:5] for w in words if len(w) > 2 and w not in STEM_STOP}


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    document: int
    start: int
    end: int


def find_quotes(scored: ScoredCluster) -> list[Quote]:
    """Direct quotes with a named speaker; "he said" falls back to the last named speaker.

    What a paragraph holds (its quotations, the speakers named around each, the names
    before them) depends on its text alone, so each distinct paragraph text is read once
    per cluster (copies repeat paragraphs, :func:`_reading`); only the fallback to the
    last speaker named before it is decided per paragraph."""
    out = []
    texts = [[s.document.text[p.start : p.end] for p in s.paragraphs] for s in scored.documents]
    every = [t for ts in texts for t in ts]
    known: dict[object, _Reading] | None = None
    if len(set(every)) < len(every):  # some paragraph repeats: keep what each holds
        known = {}
    for d, seg in enumerate(scored.documents):
        last: str | None = None
        for para, text in zip(seg.paragraphs, texts[d], strict=True):
            if known is None:
                reading = _reading(text)
            else:
                key = _paragraph_key(text)
                reading = known.get(key)
                if reading is None:
                    reading = known[key] = _reading(text)
            items, named_last = reading
            for speaker, fallback, pieces in items:
                if speaker is None:
                    if fallback is not None:
                        last = fallback
                    speaker = last
                if speaker and speaker not in ("He", "She", "They", "It", "I", "We"):
                    last = speaker
                    for words, start, end in pieces:
                        out.append(Quote(speaker, words, d, para.start + start, para.start + end))
            if named_last is not None:
                last = named_last
    return out


# A paragraph's quotations, each as (speaker named around it or None, the last name
# before it that "said" follows or None, its sentences of five words or more with their
# offsets in the paragraph), and the last speaker it names (pronouns left out) or None.
_Reading = tuple[list[tuple[str | None, str | None, list[tuple[str, int, int]]]], str | None]


def _paragraph_key(text: str) -> object:
    """What a paragraph's reading depends on: its text."""
    return text


def _reading(text: str) -> _Reading:
    """What :func:`find_quotes` reads of one paragraph's text."""
    items = []
    says = _may_say(text)  # a prefix of a text without a speech verb has none either
    for m in _QUOTE.finditer(text) if _may_quote(text) else ():
        speaker = None
        after = _AFTER.match(text[m.end() : m.end() + 80])
        before = _BEFORE.search(text[max(0, m.start() - 80) : m.start()])
        for found in (after, before):
            name = found and (found.group("name") or found.groupdict().get("name2"))
            if name and name.split()[-1] not in ("He", "She", "They"):
                speaker = name.split()[-1]
                break
        fallback = None
        if speaker is None and says:
            for said in _SAID.finditer(text[: m.start()]):
                fallback = said.group("name").split()[-1]
        body = m.group(1) or m.group(2)
        base = m.start(1) if m.group(1) else m.start(2)
        # Each sentence of a quote is compared on its own: one article may quote two
        # sentences where another quotes one.
        pieces = [
            (piece.group(0), base + piece.start(), base + piece.end())
            for piece in _QUOTE_SENTENCE.finditer(body)
            if len(piece.group(0).split()) >= 5
        ]
        items.append((speaker, fallback, pieces))
    named_last = None
    for said in _SAID.finditer(text) if says else ():
        if said.group("name").split()[-1] not in ("He", "She", "They", "It"):
            named_last = said.group("name").split()[-1]
    return items, named_last


def _runs(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words: two texts share a run of ``n`` words exactly
    when these sets meet (what ``_shared_run(a, b) >= n`` asks, without its n x m table)."""
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _in_order(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` appear in ``b`` in the same order (longest common subsequence)."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for y, w in enumerate(b):
            current.append(previous[y] + 1 if x == w else max(previous[y + 1], current[y]))
        previous = current
    return previous[-1]


def _stem_sequence(text: str) -> list[str]:
    words = _LOWER_WORD.findall(text.lower().replace("-", ""))
    return [w[:5] for w in words if len(w) > 2 and w not in STEM_STOP]


def quote_disagreements(
    scored: ScoredCluster, copies: Copies, options: DisagreeOptions
) -> list[Disagreement]:
    """One statement of one speaker worded differently by independent groups.

    Two quotations are one statement when they share enough uncommon content words (two
    translations of one remark reorder words, so order is not required). Neither kind of
    near-miss is reported: a quotation whose every word lies, in order, inside the other
    is a *shortening* (one source cut words out), and quotations sharing only a few or
    only common words are different sentences of one speaker.
    """
    # a pair is two groups' quotations: with fewer than two groups whose text holds a
    # quotation mark (every quotation opens with one) there is none to look for
    quoting = {
        copies.group_of[d]
        for d, seg in enumerate(scored.documents)
        if _may_quote(seg.document.text)
    }
    if len(quoting) < 2:
        return []
    quotes = find_quotes(scored)
    texts = [q.text for q in quotes]  # each distinct wording read once (copies repeat them)
    stems = once_per_text(texts, _stem_set)
    norms = once_per_text(texts, _norm)
    # what the pair tests ask of each quote, made once per quote when a pair first needs
    # it (a large cluster pairs each quote with hundreds of others)
    norm_sets: dict[int, set[str]] = {}
    runs: dict[int, set[tuple[str, ...]]] = {}
    speakers: dict[tuple[str, str], bool] = {}
    # how many sentences of the cluster use each stem: a speaker's topic words ("Iran",
    # "coalition") are everywhere and tie no two wordings together (the rarity the figures
    # use too: at most ``common_fraction`` of the sentences)
    # (counted only when a pair of quotes gets that far: most clusters have none)
    frequency: StemCounts | None = None
    rare = max(2, int(options.common_fraction * len(scored.sentences)))
    out = []
    used: set[int] = set()
    for x, y in _speaker_pairs(quotes):
        if x in used or y in used:
            continue
        qa, qb = quotes[x], quotes[y]
        ga, gb = copies.group_of[qa.document], copies.group_of[qb.document]
        if ga == gb:
            continue
        # The tests below only reject, so the cheapest go first: the shared stems, then
        # the speaker, the shortening and the shared run.
        shared = stems[x] & stems[y]
        small, large = min(len(stems[x]), len(stems[y])), max(len(stems[x]), len(stems[y]))
        if len(shared) < 3 or len(shared) < 0.3 * small or len(shared) < 0.2 * large:
            continue
        names = (qa.speaker, qb.speaker)
        if names not in speakers:
            speakers[names] = names[0] == names[1] or same_name(*names, options)
        if not speakers[names]:
            continue
        for i in (x, y):
            if i not in norm_sets:
                norm_sets[i] = set(norms[i])
        (_, short, short_set), (_, long_, long_set) = sorted(
            ((len(norms[i]), norms[i], norm_sets[i]) for i in (x, y)), key=lambda t: t[0]
        )
        # every word of a shortening is in the other: without that, no LCS is needed
        if (
            short
            and short_set <= long_set
            and (short == long_ or _in_order(short, long_) == len(short))
        ):
            continue  # a shortening: every word of one lies, in order, inside the other
        for i in (x, y):
            if i not in runs:
                runs[i] = _runs(norms[i], 5)
        if not runs[x].isdisjoint(runs[y]):  # one wording, quoted to different extents
            continue
        # at least two shared words that are uncommon in the cluster: the statement's own
        if frequency is None:
            frequency = _stem_frequency(scored)
        own = [w for w in shared if frequency.get(w, 0) <= rare]
        if len(own) < options.quote_own_words:
            continue
        used.update((x, y))
        variants = tuple(
            Variant(
                value=q.text,
                mentions=(Mention(scored.documents[q.document].document.id, q.start, q.end),),
                groups=(copies.groups[g].id,),
            )
            for q, g in ((qa, ga), (qb, gb))
        )
        out.append(
            Disagreement(
                kind="wording", subject=f"words of {qa.speaker}", variants=variants, about="quote"
            )
        )
    return out


def _stem_frequency(scored: ScoredCluster) -> StemCounts:
    """How many sentences of the cluster use each stem, counted as asked (:class:`StemCounts`)."""
    raws = [scored.documents[s.doc_index].document.text[s.start : s.end] for s in scored.sentences]
    return StemCounts(raws)


class StemCounts:
    """How many of ``texts`` use each stem (:func:`_stem_sequence`), as
    ``text_frequency(texts, _stem_sequence).get`` answers, counted for the stems asked
    about only: the pairs of quotes that reach the rarity test ask about a few shared
    stems, and a text can use a stem only if its lowercase with hyphens removed (what
    the stems are cut from) holds the stem, so one ``in`` test per distinct text finds
    the few whose stems must be read. Past ``lazy_stems`` stems asked, every text's
    stems are counted at once (the ``in`` tests would cost more): the same answers."""

    def __init__(self, texts: Sequence[str], lazy_stems: int = 16) -> None:
        self._texts = texts
        self._lazy_stems = lazy_stems
        self._known: dict[str, int] = {}
        self._lowered: list[tuple[str, int, str]] | None = None
        self._all: dict[str, int] | None = None
        self._stems: dict[str, set[str]] = {}  # each text's stems, once read

    def get(self, stem: str, default: int = 0) -> int:
        if self._all is not None:
            return self._all.get(stem, default)
        n = self._known.get(stem)
        if n is None:
            if self._lowered is None:
                self._lowered = [
                    (t, c, t.lower().replace("-", "")) for t, c in Counter(self._texts).items()
                ]
            if len(self._known) >= self._lazy_stems:
                self._all = {}
                for text, count, _ in self._lowered:
                    for w in self._stems_of(text):
                        self._all[w] = self._all.get(w, 0) + count
                return self._all.get(stem, default)
            n = 0
            for text, count, low in self._lowered:
                if stem in low and stem in self._stems_of(text):
                    n += count
            self._known[stem] = n
        return n if n else default

    def _stems_of(self, text: str) -> set[str]:
        stems = self._stems.get(text)
        if stems is None:
            stems = self._stems[text] = _stem_set(text)
        return stems


def _stem_set(raw: str) -> set[str]:
    return set(_stem_sequence(raw))


def _norm(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _speaker_pairs(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Index pairs (x < y) of quotes whose speakers may be one person.

    ``same_name`` needs the same first and last letter, so only quotes whose speakers
    agree on both are paired: the same pairs as all pairs, without the quadratic scan.
    """
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, q in enumerate(quotes):
        name = q.speaker.lower()
        buckets.setdefault((name[:1], name[-1:]), []).append(i)
    return sorted(
        (x, y)
        for members in buckets.values()
        for i, x in enumerate(members)
        for y in members[i + 1 :]
    )
