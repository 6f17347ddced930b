"""Synthetic training sentences for names that follow each other directly.

News writes a title, an institution or a country, then a person with no
word between them: "juru bicara Kremlin Dmitry Peskov", "pemimpin Korea
Utara Kim Jong Un". The corpora have few such cases (about a hundred in
idner-news-2k), so the model learns to glue the two names into one span.
We make more: in a real training sentence where a person follows a
lower-case word, we insert a place or organisation taken from the
training entities right before the person.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from newsreader.nlp.train.corpora import TaggedSentence, entity_spans

_MAX_INSERT_TOKENS = 4


def _inventory(sentences: Sequence[TaggedSentence]) -> list[tuple[tuple[str, ...], str]]:
    names: list[tuple[tuple[str, ...], str]] = []
    for sentence in sentences:
        for start, end, label in entity_spans(sentence.tags):
            words = sentence.words[start:end]
            if (
                label in ("LOC", "ORG")
                and end - start <= _MAX_INSERT_TOKENS
                and words[0][:1].isupper()
            ):
                names.append((words, label))
    return names


def _slots(sentence: TaggedSentence) -> list[int]:
    """Token positions where a person starts right after a lower-case word."""
    slots = []
    for start, _, label in entity_spans(sentence.tags):
        if label != "PER" or start == 0 or sentence.tags[start - 1] != "O":
            continue
        before = sentence.words[start - 1]
        if before.isalpha() and before.islower():
            slots.append(start)
    return slots


def adjacent_names(
    sentences: Sequence[TaggedSentence], count: int, seed: int
) -> list[TaggedSentence]:
    """Make sentences where a place or organisation directly precedes a person.

    Args:
        sentences: Cased, leak-free training sentences (the source of both
            the host sentences and the inserted names).
        count: How many sentences to make (fewer if there are not enough hosts).
        seed: Random seed, so a training run is reproducible.

    Returns:
        New sentences, each with one inserted name, tagged accordingly.
    """
    rng = random.Random(seed)
    names = _inventory(sentences)
    hosts = [(sentence, slot) for sentence in sentences for slot in _slots(sentence)]
    if not names or not hosts:
        return []
    made: list[TaggedSentence] = []
    for sentence, slot in rng.sample(hosts, min(count, len(hosts))):
        words, label = rng.choice(names)
        tags = (f"B-{label}",) + (f"I-{label}",) * (len(words) - 1)
        made.append(
            replace(
                sentence,
                words=sentence.words[:slot] + words + sentence.words[slot:],
                tags=sentence.tags[:slot] + tags + sentence.tags[slot:],
                corpus=f"{sentence.corpus}-adjacent",
            )
        )
    return made
