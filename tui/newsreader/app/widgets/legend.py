"""The legend: each label's colour, key, count in the open article, and whether it is shown."""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from newsreader.app.label_styles import label_key, label_style
from newsreader.nlp.annotation import LABELS

HIDDEN = Style(dim=True, strike=True)


class Legend(Static):
    """One line: ``1 PER 12  2 ORG 3 ...``; hidden labels are struck through."""

    counts: reactive[dict[str, int]] = reactive(dict, always_update=True)
    shown_labels: reactive[frozenset[str]] = reactive(frozenset(LABELS))

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Show these per-label entity counts (of the open article)."""
        self.counts = dict(counts)

    def render(self) -> Text:
        chips: list[Text] = []
        for label in LABELS:
            key = label_key(label) or " "
            count = self.counts.get(label, 0)
            if label in self.shown_labels:
                chip = Text.assemble((key, "bold"), " ", (label, label_style(label)), f" {count}")
            else:
                chip = Text.assemble((key, "bold"), " ", (label, HIDDEN), (f" {count}", HIDDEN))
            chips.append(chip)
        return Text("  ").join(chips)
