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


def _short_name_part(word: str) -> bool:
    return word.isalpha() and word.istitle() and len(word) <= 4


def hyphenated_given_names(sentences: Sequence[TaggedSentence]) -> list[TaggedSentence]:
    """Copies of sentences whose person names end in two short parts, hyphenated.

    Korean and similar names are written both "Kim Jong Un" and
    "Kim Jong-un"; the corpora mostly have the first form, and the news
    tokenizer keeps "Jong-un" as one token the model would rarely have seen.
    For every person of three or more tokens whose last two are short
    capitalised words, we add a copy of its sentence with those two joined
    as "Jong-un" (and one as "Jong-Un").

    Args:
        sentences: Cased, leak-free training sentences.

    Returns:
        The new sentences (two per matching name).
    """
    made: list[TaggedSentence] = []
    for sentence in sentences:
        for start, end, label in entity_spans(sentence.tags):
            words = sentence.words
            if label != "PER" or end - start < 3:
                continue
            first, second = words[end - 2], words[end - 1]
            if not (_short_name_part(first) and _short_name_part(second)):
                continue
            for joined in (f"{first}-{second.lower()}", f"{first}-{second}"):
                made.append(
                    replace(
                        sentence,
                        words=words[: end - 2] + (joined,) + words[end:],
                        tags=sentence.tags[: end - 1] + sentence.tags[end:],
                        corpus=f"{sentence.corpus}-hyphenated",
                    )
                )
    return made


def replaced_mentions(
    sentences: Sequence[TaggedSentence], copies: int, seed: int
) -> list[TaggedSentence]:
    """Copies of sentences with every name swapped for another of its label.

    The corpora repeat the same politicians and cities, so the model learns
    to recognise the names it memorised rather than what the sentence says
    about them; an unseen foreign name ("Dmitry Peskov") is then missed.
    Swapping names between contexts (mention replacement) makes context,
    shape and affixes carry the decision.

    Args:
        sentences: Cased, leak-free training sentences.
        copies: How many swapped copies of each sentence with a name to make.
        seed: Random seed, so a training run is reproducible.

    Returns:
        The new sentences.
    """
    rng = random.Random(seed)
    inventory: dict[str, list[tuple[str, ...]]] = {}
    for sentence in sentences:
        for start, end, label in entity_spans(sentence.tags):
            inventory.setdefault(label, []).append(sentence.words[start:end])
    made: list[TaggedSentence] = []
    for _ in range(copies):
        for sentence in sentences:
            spans = entity_spans(sentence.tags)
            if not spans:
                continue
            words: list[str] = []
            tags: list[str] = []
            cursor = 0
            for start, end, label in spans:
                words.extend(sentence.words[cursor:start])
                tags.extend(sentence.tags[cursor:start])
                name = rng.choice(inventory[label])
                words.extend(name)
                tags.extend([f"B-{label}"] + [f"I-{label}"] * (len(name) - 1))
                cursor = end
            words.extend(sentence.words[cursor:])
            tags.extend(sentence.tags[cursor:])
            made.append(
                replace(
                    sentence,
                    words=tuple(words),
                    tags=tuple(tags),
                    corpus=f"{sentence.corpus}-swapped",
                )
            )
    return made
