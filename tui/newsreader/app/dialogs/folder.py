"""Ask for a folder: where to export, or which folder of articles to open."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class FolderDialog(ModalScreen[Path | None]):
    """Dismisses with the path typed (``~`` expanded), or ``None`` when cancelled.

    Args:
        prompt: What the folder is for.
        default: Pre-filled value.
        must_exist: Refuse a path that does not exist (for opening).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, default: str = "", *, must_exist: bool = False) -> None:
        super().__init__()
        self.prompt = prompt
        self.default = default
        self.must_exist = must_exist

    def compose(self) -> ComposeResult:
        with Vertical(id="folder-dialog", classes="dialog"):
            yield Static(Text(self.prompt), classes="dialog-title")
            yield Input(value=self.default, id="folder-input")
            yield Static("", id="folder-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="folder-ok")
                yield Button("Cancel", id="folder-cancel")

    def on_mount(self) -> None:
        self.query_one("#folder-input", Input).focus()

    def _submit(self) -> None:
        raw = self.query_one("#folder-input", Input).value.strip()
        status = self.query_one("#folder-status", Static)
        if not raw:
            status.update("type a path")
            return
        path = Path(raw).expanduser()
        if self.must_exist and not path.exists():
            status.update(Text(f"no such file or folder: {path}"))
            return
        if path.exists() and not path.is_dir() and not self.must_exist:
            status.update(Text(f"not a folder: {path}"))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "folder-ok":
            self._submit()
        else:
            self.action_cancel()
