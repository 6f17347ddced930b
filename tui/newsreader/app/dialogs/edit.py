"""Edit an article's outlet, title and date by hand; the values override what was parsed."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from newsreader.app.library import Overrides
from newsreader.corpus.article import Article


def validate_date(value: str) -> str | None:
    """An error message for a date that is neither blank nor ISO ``YYYY-MM-DD``."""
    if not value.strip():
        return None
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return f"not a date: {value.strip()!r} (use YYYY-MM-DD)"
    if len(value.strip()) != 10:
        return "use the YYYY-MM-DD form"
    return None


class EditDialog(ModalScreen[Overrides | None]):
    """Dismisses with the new overrides, or ``None`` when cancelled.

    A blank field means "use what was parsed from the file".
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, parsed: Article, current: Overrides) -> None:
        super().__init__()
        self.parsed = parsed
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-dialog", classes="dialog"):
            yield Static(Text(f"Edit metadata of {self.parsed.id}"), classes="dialog-title")
            with Grid(id="edit-grid"):
                for name in ("title", "outlet", "date"):
                    yield Label(name.capitalize())
                    yield Input(
                        value=getattr(self.current, name) or "",
                        placeholder=getattr(self.parsed, name) or "unknown",
                        id=f"edit-{name}",
                    )
            yield Static("Blank keeps the parsed value (shown greyed).", id="edit-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="edit-save")
                yield Button("Cancel", id="edit-cancel")

    def on_mount(self) -> None:
        self.query_one("#edit-title", Input).focus()

    def _value(self, name: str) -> str | None:
        value = self.query_one(f"#edit-{name}", Input).value.strip()
        return value or None

    def action_save(self) -> None:
        raw_date = self.query_one("#edit-date", Input).value
        problem = validate_date(raw_date)
        status = self.query_one("#edit-status", Static)
        if problem:
            status.update(Text(problem))
            status.add_class("-error")
            self.query_one("#edit-date", Input).focus()
            return
        self.dismiss(
            Overrides(
                title=self._value("title"), outlet=self._value("outlet"), date=self._value("date")
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-save":
            self.action_save()
        else:
            self.action_cancel()
