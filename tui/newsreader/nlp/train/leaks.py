"""Removing training sentences that also occur in an evaluation split.

The corpora overlap (idner-news-2k test sentences appear, lower-cased, in
nerp train), so any score is meaningless until these are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsreader.nlp.train.corpora import TaggedSentence


@dataclass
class LeakReport:
    """How many training sentences were dropped, by training corpus."""

    kept: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    # (training corpus, "corpus/split" it leaked into) -> count
    by_target: Counter[tuple[str, str]] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """Human-readable summary, one line per fact."""
        total = sum(self.removed.values())
        out = [f"leak removal: dropped {total} training sentences, kept {self.kept}"]
        for corpus, count in sorted(self.removed.items()):
            out.append(f"  {corpus} train: dropped {count}")
        for (corpus, target), count in sorted(self.by_target.items()):
            out.append(f"    {corpus} train sentences found in {target}: {count}")
        return out


def remove_leaks(
    train: Sequence[TaggedSentence], held_out: Iterable[TaggedSentence]
) -> tuple[list[TaggedSentence], LeakReport]:
    """Drop every training sentence whose text occurs in a held-out split.

    Sentences are compared case-insensitively and ignoring spacing (see
    ``TaggedSentence.key``), since one corpus is lower-cased and they
    tokenize differently.

    Args:
        train: Training sentences from any corpora.
        held_out: Sentences of every dev and test split that is reported on.

    Returns:
        The kept training sentences, in order, and a report of what was dropped.
    """
    targets: dict[str, set[str]] = {}
    for sentence in held_out:
        targets.setdefault(sentence.key, set()).add(f"{sentence.corpus}/{sentence.split}")
    report = LeakReport()
    kept: list[TaggedSentence] = []
    for sentence in train:
        found = targets.get(sentence.key)
        if found is None:
            kept.append(sentence)
            continue
        report.removed[sentence.corpus] += 1
        for target in found:
            report.by_target[(sentence.corpus, target)] += 1
    report.kept = len(kept)
    return kept, report
