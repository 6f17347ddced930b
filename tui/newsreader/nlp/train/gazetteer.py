"""A gazetteer of names that the training data almost always tags.

Added after the statistical recognizer as spaCy's ``entity_ruler`` with
phrase patterns (the PhraseMatcher: the token Matcher was ten times slower),
it only fills gaps: it never overrides an entity the model found.
Strings are kept only when the training text tags them most of the times
they occur, so common words that are sometimes part of a name stay out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsreader.nlp.train.corpora import TaggedSentence, entity_spans

if TYPE_CHECKING:
    from spacy.language import Language

RULER_NAME = "gazetteer"


@dataclass(frozen=True)
class GazetteerOptions:
    """Which training names become patterns."""

    min_count: int = 2  # times tagged with its label
    min_ratio: float = 0.8  # tagged with that label / occurrences of the string
    max_tokens: int = 6


def gazetteer_entries(
    sentences: Sequence[TaggedSentence], options: GazetteerOptions
) -> list[tuple[str, tuple[str, ...]]]:
    """Names from training sentences that are usually tagged with one label.

    Args:
        sentences: Training sentences (already free of held-out text).
        options: Frequency thresholds.

    Returns:
        ``(label, tokens)`` pairs, sorted for a stable model file.
    """
    tagged: Counter[tuple[tuple[str, ...], str]] = Counter()
    for sentence in sentences:
        for start, end, label in entity_spans(sentence.tags):
            if end - start <= options.max_tokens:
                tagged[(sentence.words[start:end], label)] += 1
    candidates = {words for words, _ in tagged}
    lengths = {len(words) for words in candidates}
    occurrences: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        words = sentence.words
        for size in lengths:
            for start in range(len(words) - size + 1):
                gram = words[start : start + size]
                if gram in candidates:
                    occurrences[gram] += 1
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for (words, label), count in tagged.items():
        if count > best.get(words, (0, ""))[0]:
            best[words] = (count, label)
    entries = [
        (label, words)
        for words, (count, label) in best.items()
        if count >= options.min_count
        and count / occurrences[words] >= options.min_ratio
        and any(word[:1].isupper() for word in words)
    ]
    return sorted(entries)


def add_gazetteer(nlp: Language, entries: Sequence[tuple[str, tuple[str, ...]]]) -> None:
    """Add the gazetteer after the recognizer of a pipeline.

    Args:
        nlp: A pipeline with an ``ner`` component.
        entries: ``(label, tokens)`` pairs from ``gazetteer_entries``.
    """
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
    )
    # Text patterns are tokenized by the pipeline's own tokenizer, both now
    # and when the saved model is loaded, so what we score is what ships.
    patterns = [{"label": label, "pattern": " ".join(words)} for label, words in entries]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
