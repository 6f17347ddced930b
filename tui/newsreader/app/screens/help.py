"""The help screen, generated from the bindings so it never drifts from the keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.query import FIELDS

FILTER_HELP = (
    "Filter (/): words match title and body (case and accents ignored); "
    + ", ".join(f"{name}:" for name in FIELDS)
    + ' fields; "quoted phrases"; date:A..B ranges; -term negates; Esc clears.'
)


def key_names(binding: Binding) -> str:
    """The keys of a binding as a person reads them ("?" rather than "question_mark")."""
    names = []
    for key in binding.key.split(","):
        key = key.strip()
        names.append(
            {
                "question_mark": "?",
                "slash": "/",
                "left_square_bracket": "[",
                "right_square_bracket": "]",
                "escape": "Esc",
                "enter": "Enter",
                "pageup": "PgUp",
                "pagedown": "PgDn",
            }.get(key, key)
        )
    return " / ".join(names)


def bindings_table(sections: Iterable[tuple[str, Iterable[BindingType]]]) -> Table:
    """A two-column table of keys and what they do, one block per area."""
    table = Table(box=None, show_header=False, padding=(0, 2), expand=False)
    table.add_column("key", style="bold", no_wrap=True, min_width=12)
    table.add_column("action", ratio=1)
    for title, bindings in sections:
        table.add_row(Text(title, style="bold underline"), "")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                table.add_row(key_names(binding), binding.description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key by area; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body", classes="dialog"):
            yield Static(Text("newsreader: keys", style="bold"), classes="dialog-title")
            yield Static(bindings_table(self.sections))
            yield Static(Text(FILTER_HELP))
            yield Static(Text("Ctrl+P opens the command palette.  Esc, q or ? closes this help."))

    def action_close(self) -> None:
        self.dismiss(None)
