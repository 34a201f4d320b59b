"""What a cluster may hold: the input-size and language policy, checked before any stage."""

from __future__ import annotations

import functools
import re

from ..errors import InputError, InputTooLargeError
from ..model import Cluster

# --- What a cluster may hold -----------------------------------------------------------
# The input-size policy: one article of up to a million characters (a long book chapter;
# the longest news features are ~100,000) and clusters of up to five million (1,000
# articles of 5,000). Past that the cluster is refused before any stage runs, so no input
# can make a run exhaust memory or time: the stages' cost is bounded by these sizes.
MAX_DOCUMENT_CHARS = 1_000_000
MAX_CLUSTER_CHARS = 5_000_000

# Scripts written without spaces between words: the segmenter and the TF-IDF tokenizer
# would see each run of them as one "word", so a summary of them would be meaningless.
_UNSPACED_SCRIPTS = (
    ("Japanese", "[\u3040-\u30ff\u31f0-\u31ff]"),  # kana: before Han, which it uses
    ("Chinese", "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    ("Thai", "[\u0e00-\u0e7f]"),
    ("Lao", "[\u0e80-\u0eff]"),
    ("Khmer", "[\u1780-\u17ff]"),
    ("Burmese", "[\u1000-\u109f]"),
)
# Every letter of those scripts is U+0800-U+1FFF or U+3000 and above, whose UTF-8 lead
# byte is one of these; U+2000-U+2FFF (curly quotes, dashes, the euro sign: common in
# news) are left out, so most texts are answered by one search of their bytes.
_MAYBE_UNSPACED = re.compile(rb"[\xe0\xe1\xe3-\xef\xf0-\xf4]")
_SCRIPT_SAMPLE = 20_000  # characters looked at: a script is decided from the opening


@functools.cache
def _script_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Compiled on first need: their large character ranges take milliseconds to compile,
    paid by every process that reads input when compiled at import."""
    return tuple((name, re.compile(pattern)) for name, pattern in _UNSPACED_SCRIPTS)


def unsupported_language(text: str) -> str | None:
    """The language a text is written in when synopsis cannot summarize it, else None.

    Decided by script, not by a model: a text whose letters are at least 30% of a script
    written without spaces between words (Chinese, Japanese, Thai, ...) cannot be split
    into words and sentences by the stages, so it is refused by name rather than reported
    as page furniture or summarized as one giant "word".
    """
    sample = text[:_SCRIPT_SAMPLE]
    if sample.isascii() or not _MAYBE_UNSPACED.search(sample.encode("utf-8", "replace")):
        return None  # no letter of those scripts: the counts below would all be 0
    letters = len(re.findall(r"[^\W\d_]", sample))
    if not letters:
        return None
    patterns = _script_patterns()
    han = len(patterns[1][1].findall(sample))
    for name, pattern in patterns:
        count = len(pattern.findall(sample))
        if name == "Japanese" and count:
            count += han  # Japanese mixes kana with Han characters
        if count / letters >= 0.3:
            return name
    return None


def check_cluster(cluster: Cluster) -> tuple[Cluster, tuple[str, ...]]:
    """The cluster as the stages may take it, and notes on documents left out.

    Refuses (:class:`InputTooLargeError`) a document or cluster over the size policy
    above. Documents in a language synopsis cannot segment are left out with a note; if
    that leaves none, the cluster is refused naming the language.
    """
    for doc in cluster.documents:
        if len(doc.text) > MAX_DOCUMENT_CHARS:
            raise InputTooLargeError(
                f"document {doc.id}: {len(doc.text):,} characters is more than one article "
                f"synopsis summarizes ({MAX_DOCUMENT_CHARS:,}); split it into articles"
            )
    total = sum(len(doc.text) for doc in cluster.documents)
    if total > MAX_CLUSTER_CHARS:
        raise InputTooLargeError(
            f"cluster {cluster.id}: {total:,} characters is more than synopsis summarizes at "
            f"once ({MAX_CLUSTER_CHARS:,}); split it into smaller clusters"
        )
    kept, notes, languages = [], [], []
    for doc in cluster.documents:
        language = unsupported_language(doc.text)
        if language is None:
            kept.append(doc)
        else:
            languages.append(language)
            notes.append(
                f"document {doc.id} left out: it is in {language}, which synopsis cannot "
                "split into words and sentences yet"
            )
    if not kept:
        names = " and ".join(sorted(set(languages)))
        raise InputError(
            f"cluster {cluster.id}: its text is in {names}; synopsis summarizes languages "
            "written with spaces between words (English, French, Arabic, ...), not this one"
        )
    if len(kept) == len(cluster.documents):
        return cluster, ()
    return Cluster(id=cluster.id, documents=tuple(kept), reference=cluster.reference), tuple(notes)
