"""Reading the NER corpora and mapping their tags onto PER/ORG/LOC.

The three corpora under ``shared/data/ner`` use different file layouts and
tag names; everything downstream sees ``TaggedSentence`` with IOB tags over
one label set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Entity labels the trained model predicts by default.
LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")

# Source tag -> our label; a tag missing from its corpus' map becomes "O".
_TAG_MAPS: dict[str, dict[str, str]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": "EVENT"},
}

# (folder, file) of each split; "dev" is what the corpus calls its validation split.
_SPLIT_FILES: dict[str, dict[str, str]] = {
    "idner": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
    "nergrit": {"train": "train.txt", "dev": "valid.txt", "test": "test.txt"},
    "nerp": {"train": "train.txt", "dev": "valid.txt", "test": "test.txt"},
}
_FOLDERS: dict[str, str] = {"idner": "idner-news-2k", "nergrit": "nergrit", "nerp": "nerp"}

CORPORA: tuple[str, ...] = tuple(_FOLDERS)
SPLITS: tuple[str, ...] = ("train", "dev", "test")

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence of a corpus: tokens and their IOB tags over our labels."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    corpus: str
    split: str

    @property
    def key(self) -> str:
        """Case- and spacing-insensitive identity, used to find leaked sentences."""
        return "".join(self.words).casefold()


def corpus_path(data_dir: Path, corpus: str, split: str) -> Path:
    """Path of one split of one corpus.

    Args:
        data_dir: The folder holding ``idner-news-2k/``, ``nergrit/``, ``nerp/``.
        corpus: One of ``CORPORA``.
        split: One of ``SPLITS``.

    Returns:
        The path of the split's file (which may not exist).
    """
    return data_dir / _FOLDERS[corpus] / _SPLIT_FILES[corpus][split]


def _raw_sentences(lines: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        # idner is "token POS TAG" (spaces); the IndoNLU corpora are "token<TAB>TAG".
        parts = line.split("\t") if "\t" in line else line.split(" ")
        sentence.append((parts[0], parts[-1].strip()))
    if sentence:
        yield sentence


def map_tags(tags: Sequence[str], corpus: str, keep: Iterable[str] = LABELS) -> tuple[str, ...]:
    """Map one corpus' IOB tags onto our labels and repair broken IOB.

    Args:
        tags: The corpus' tags, e.g. ``["B-PPL", "I-PPL", "O"]``.
        corpus: The corpus name (one of ``CORPORA``).
        keep: Our labels to keep; any other becomes ``O``.

    Returns:
        IOB tags over ``keep``; an ``I-`` that does not continue an entity
        of the same label becomes ``B-``.
    """
    wanted = set(keep)
    tag_map = _TAG_MAPS[corpus]
    mapped: list[str] = []
    previous = "O"
    for tag in tags:
        prefix, _, source_label = tag.partition("-")
        label = tag_map.get(source_label.upper()) if prefix.upper() in ("B", "I") else None
        if label is None or label not in wanted:
            mapped.append("O")
            previous = "O"
            continue
        if prefix.upper() == "I" and previous in (f"B-{label}", f"I-{label}"):
            current = f"I-{label}"
        else:
            current = f"B-{label}"
        mapped.append(current)
        previous = current
    return tuple(mapped)


def join_split_hyphens(
    words: Sequence[str], tags: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rejoin ``word - word`` the way the news tokenizer keeps ``word-word``.

    nergrit splits every hyphen into its own token, while the run-time
    tokenizer keeps a hyphen between letters inside the word; training on
    the split form would teach the model tokens it never sees. Parts are
    joined only when they cannot cut an entity: all outside, or the whole
    run inside one entity.

    Args:
        words: Tokens of a sentence.
        tags: Their IOB tags.

    Returns:
        The joined tokens and their tags.
    """
    out_words: list[str] = []
    out_tags: list[str] = []
    index = 0
    while index < len(words):
        word, tag = words[index], tags[index]
        while (
            index + 2 < len(words)
            and words[index + 1] == "-"
            and _LETTER.fullmatch(word[-1:] or " ")
            and _LETTER.fullmatch(words[index + 2][:1] or " ")
            and _same_unit(tag, tags[index + 1], tags[index + 2])
        ):
            word = f"{word}-{words[index + 2]}"
            index += 2
        out_words.append(word)
        out_tags.append(tag)
        index += 1
    return tuple(out_words), tuple(out_tags)


def _same_unit(first: str, hyphen: str, last: str) -> bool:
    if first == hyphen == last == "O":
        return True
    label = first[2:]
    return first != "O" and hyphen == last == f"I-{label}"


def read_split(
    data_dir: Path, corpus: str, split: str, keep: Iterable[str] = LABELS
) -> list[TaggedSentence]:
    """Read one split of one corpus into ``TaggedSentence`` objects.

    Args:
        data_dir: The folder holding the corpora.
        corpus: One of ``CORPORA``.
        split: One of ``SPLITS``.
        keep: Labels to keep (others become ``O``).

    Returns:
        The sentences in file order, with tags mapped and, for nergrit,
        hyphens rejoined as the tokenizer would see them.
    """
    path = corpus_path(data_dir, corpus, split)
    keep = tuple(keep)
    sentences: list[TaggedSentence] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for raw in _raw_sentences(handle):
            words = tuple(word for word, _ in raw)
            tags = map_tags([tag for _, tag in raw], corpus, keep)
            if corpus == "nergrit":
                words, tags = join_split_hyphens(words, tags)
            sentences.append(TaggedSentence(words, tags, corpus, split))
    return sentences


def entity_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans of an IOB tag sequence.

    Args:
        tags: IOB tags (already repaired by ``map_tags``).

    Returns:
        ``(start, end, label)`` token spans, ``end`` exclusive.
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for index, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append((start, index, label))
            start = None
        if tag.startswith("B-"):
            start, label = index, tag[2:]
    return spans
