"""The filter bar: a query input plus a line that says what the filter did or what is wrong."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from newsreader.app.messages import FilterChanged, FilterClosed
from newsreader.textsafe import printable

PLACEHOLDER = 'text  outlet:x  entity:"Name"  label:ORG  date:2023-09-10..  is:unread  -word'


class FilterBar(Horizontal):
    """Typing narrows the list live; Enter keeps the filter, Esc clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear filter"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("/", id="filter-prompt")
        yield Input(placeholder=PLACEHOLDER, id="filter-input", compact=True)
        yield Static("", id="filter-status")

    @property
    def input(self) -> Input:
        return self.query_one("#filter-input", Input)

    @property
    def value(self) -> str:
        return self.input.value

    def open(self) -> None:
        """Show the bar and put the cursor at the end of the query."""
        self.display = True
        self.input.focus()
        self.input.cursor_position = len(self.input.value)

    def report(self, message: str, *, error: bool = False) -> None:
        """Show a match count or a parse error beside the input."""
        status = self.query_one("#filter-status", Static)
        status.set_class(error, "-error")
        status.update(Text(printable(message)))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(FilterChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(FilterClosed(cleared=False))

    def action_clear(self) -> None:
        self.input.value = ""
        self.post_message(FilterClosed(cleared=True))
