"""Cut the texts the store lacks into batches for workers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# A batch is a unit of work and of loss: big enough to repay sending it to a
# worker, small enough that a killed run redoes little and memory stays flat.
BATCH_TEXTS = 64
BATCH_CHARS = 400_000


@dataclass(frozen=True)
class Batch:
    """Texts to annotate, with the content hashes their results are stored under."""

    hashes: tuple[str, ...]
    texts: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(text.split()) for text in self.texts)


def make_batches(
    missing: Sequence[tuple[str, str]],
    *,
    max_texts: int = BATCH_TEXTS,
    max_chars: int = BATCH_CHARS,
) -> Iterator[Batch]:
    """Group (hash, text) pairs in order, closing a batch at either limit.

    A text longer than ``max_chars`` travels alone.
    """
    hashes: list[str] = []
    texts: list[str] = []
    chars = 0
    for content_hash, text in missing:
        if texts and (len(texts) >= max_texts or chars + len(text) > max_chars):
            yield Batch(tuple(hashes), tuple(texts))
            hashes, texts, chars = [], [], 0
        hashes.append(content_hash)
        texts.append(text)
        chars += len(text)
    if texts:
        yield Batch(tuple(hashes), tuple(texts))
