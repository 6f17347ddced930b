"""One colour per entity label (displaCy's palette), shared by the reader and legend."""

from __future__ import annotations

from rich.style import Style

from newsreader.nlp.annotation import LABELS

LABEL_COLOURS: dict[str, str] = {
    "PER": "#aa9cfc",
    "ORG": "#7aecec",
    "LOC": "#feca74",
    "EVENT": "#ffeb80",
    "DATE": "#bfe1d9",
    "TIME": "#9fc9bd",
    "QUANTITY": "#e4e7d2",
}

# A label a model emits that we have no colour for still gets one, never a crash.
_FALLBACK = "#ff9561"


def label_style(label: str) -> Style:
    """Background highlight for an entity of ``label``; dark text keeps it readable."""
    return Style(color="#1a1a1a", bgcolor=LABEL_COLOURS.get(label, _FALLBACK))


def label_key(label: str) -> str | None:
    """The digit key that toggles ``label`` (1-7 in LABELS order), if any."""
    return str(LABELS.index(label) + 1) if label in LABELS else None
