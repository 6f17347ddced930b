"""Assembling the training and selection sets and writing them for spaCy."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsreader.nlp.train.augment import (
    adjacent_names,
    hyphenated_given_names,
    replaced_mentions,
)
from newsreader.nlp.train.corpora import CORPORA, LABELS, TaggedSentence, read_split
from newsreader.nlp.train.leaks import LeakReport, remove_leaks
from newsreader.nlp.train.recase import CasingStats, recase_corpus

#: How nerp (lower-cased) enters training.
NERP_MODES: tuple[str, ...] = ("none", "lower", "recased", "both")


@dataclass(frozen=True)
class DataOptions:
    """What goes into the training set (each was measured; see docs/model-card.md)."""

    nerp: str = "lower"
    idner_copies: int = 3
    adjacent_names: int = 0  # synthetic "institution + person" sentences
    hyphenated_names: bool = False  # "Kim Jong Un" copied as "Kim Jong-un"
    swapped_copies: int = 0  # copies of cased sentences with names swapped
    use_nergrit: bool = True
    labels: tuple[str, ...] = LABELS


@dataclass
class TrainingData:
    """Training sentences, selection (dev) sentences, and the leak report."""

    train: list[TaggedSentence]
    dev: list[TaggedSentence]
    leaks: LeakReport


def held_out_splits(data_dir: Path, labels: Sequence[str] = LABELS) -> list[TaggedSentence]:
    """Every dev and test sentence of every corpus.

    Args:
        data_dir: The folder holding the corpora.
        labels: Labels to keep.

    Returns:
        The sentences that no training sentence may repeat.
    """
    return [
        sentence
        for corpus in CORPORA
        for split in ("dev", "test")
        for sentence in read_split(data_dir, corpus, split, labels)
    ]


def build_training_data(data_dir: Path, options: DataOptions, seed: int = 0) -> TrainingData:
    """Read, leak-filter and combine the corpora for one training run.

    Leaks are removed against the dev and test splits of all three corpora
    before anything else (also before casing statistics are counted), so
    no held-out text reaches the model in any form.

    Args:
        data_dir: The folder holding the corpora.
        options: What to include.
        seed: Seed of the synthetic sentences.

    Returns:
        The training set (idner, nergrit, nerp as chosen) and idner dev for
        model selection.
    """
    if options.nerp not in NERP_MODES:
        raise ValueError(f"nerp mode must be one of {NERP_MODES}, not {options.nerp!r}")
    labels = options.labels
    raw_train = [
        sentence for corpus in CORPORA for sentence in read_split(data_dir, corpus, "train", labels)
    ]
    held_out = held_out_splits(data_dir, labels)
    train, leaks = remove_leaks(raw_train, held_out)
    idner = [s for s in train if s.corpus == "idner"]
    nergrit = [s for s in train if s.corpus == "nergrit"]
    nerp = [s for s in train if s.corpus == "nerp"]
    combined: list[TaggedSentence] = idner * max(1, options.idner_copies)
    if options.use_nergrit:
        combined += nergrit
    if options.nerp in ("lower", "both"):
        combined += nerp
    if options.nerp in ("recased", "both"):
        stats = CasingStats.from_sentences([*idner, *nergrit])
        combined += [replace(s, corpus="nerp-recased") for s in recase_corpus(nerp, stats)]
    if options.adjacent_names:
        combined += adjacent_names([*idner, *nergrit], options.adjacent_names, seed)
    if options.swapped_copies:
        combined += replaced_mentions([*idner, *nergrit], options.swapped_copies, seed)
    if options.hyphenated_names:
        combined += hyphenated_given_names([*idner, *nergrit])
    # A made-up sentence could still coincide with a held-out one: check again.
    combined, synthetic_leaks = remove_leaks(combined, held_out)
    leaks.removed.update(synthetic_leaks.removed)
    dev = read_split(data_dir, "idner", "dev", labels)
    return TrainingData(train=combined, dev=dev, leaks=leaks)


def write_docbin(sentences: Iterable[TaggedSentence], path: Path) -> int:
    """Write sentences as a spaCy ``DocBin`` (one ``Doc`` per sentence).

    Args:
        sentences: Tagged sentences.
        path: Where to write the ``.spacy`` file.

    Returns:
        The number of documents written.
    """
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for sentence in sentences:
        docbin.add(Doc(vocab, words=list(sentence.words), ents=list(sentence.tags)))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count
