"""The footer: Textual's, but updated in place when the focused pane changes.

Textual's ``Footer`` recomposes on every change of the active bindings:
it removes every key and mounts new ones, which costs a CSS pass per key
and several layout passes. Opening an article moves focus from the list to
the reader, so that happened on every switch and took longer than painting
the article. Here the existing keys are relabelled, keys no longer needed
are hidden and kept for later, and only missing ones are mounted. The look
is Textual's: the same ``FooterKey`` widgets in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.screen import Screen
from textual.widgets import Footer

# FooterKey is not re-exported by textual.widgets; pyproject pins Textual 8.x,
# and the footer tests fail loudly if the class moves.
from textual.widgets._footer import FooterKey

# Key widgets kept (shown and hidden); the app has about twenty bindings with a label.
KEY_POOL = 40


@dataclass(frozen=True)
class KeyEntry:
    """One key as the footer shows it."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str


class KeyFooter(Footer):
    """A ``Footer`` whose keys are patched, not recomposed, when bindings change.

    Binding groups (which Textual draws as one combined key) fall back to
    Textual's recompose; this app defines none.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[KeyEntry, ...], KeyEntry | None] | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            # After the refresh, as Textual does: what the key asked for paints first.
            self.call_after_refresh(self.sync_keys)

    def _wanted(self) -> tuple[tuple[KeyEntry, ...], KeyEntry | None] | None:
        """The keys compose would yield now, and the command palette key; None with groups."""
        active = self.screen.active_bindings
        entries: dict[str, KeyEntry] = {}
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            # Compose shows the first binding of each action.
            entries.setdefault(
                binding.action,
                KeyEntry(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    tooltip,
                ),
            )
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                palette = KeyEntry(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    binding.tooltip or binding.description,
                )
        return tuple(entries.values()), palette

    async def sync_keys(self) -> None:
        """Make the keys shown match the active bindings, reusing the keys already mounted.

        Every binding keeps its own widget (same label, same size: nothing to
        re-measure): keys that leave are hidden, and shown again when their
        binding comes back. Only past ``KEY_POOL`` widgets is a hidden one
        relabelled for another binding.
        """
        if not self.is_attached:
            return
        wanted = self._wanted()
        if wanted == self._shown:
            return
        keys = [k for k in self.query_children(FooterKey) if not k.has_class("-command-palette")]
        shown = self._shown
        self._shown = wanted
        if wanted is None or shown is None or wanted[1] != shown[1] or not keys:
            # First time, groups or a new command palette key: let Textual compose.
            await self.recompose()
            return
        entries = wanted[0]
        by_binding = {(k.key, k.action): k for k in keys}
        kept = {(e.key, e.action) for e in entries}
        free = [k for k in keys if (k.key, k.action) not in kept]
        ordered: list[FooterKey] = []
        missing: list[FooterKey] = []
        for entry in entries:
            key = by_binding.get((entry.key, entry.action))
            if key is None and free and len(keys) + len(missing) >= KEY_POOL:
                key = free.pop(0)
            if key is None:
                key = _new_key(entry, self.compact)
                missing.append(key)
            else:
                _relabel(key, entry)
                key.display = True
            ordered.append(key)
        for key in free:
            key.display = False
        if missing:
            palette = self.query_children(".-command-palette")
            await self.mount_all(missing, before=palette.first() if palette else None)
        for index, key in enumerate(ordered):
            if self.children[index] is not key:
                self.move_child(key, before=index)


def _relabel(key: FooterKey, entry: KeyEntry) -> None:
    label = (entry.key, entry.key_display, entry.description, entry.action)
    if (key.key, key.key_display, key.description, key.action) != label:
        key.key, key.key_display = entry.key, entry.key_display
        key.description, key.action = entry.description, entry.action
        key.refresh(layout=True)
    key._disabled = entry.disabled
    key.set_class(entry.disabled, "-disabled")
    key.tooltip = entry.tooltip or None


def _new_key(entry: KeyEntry, compact: bool) -> FooterKey:
    key = FooterKey(
        entry.key,
        entry.key_display,
        entry.description,
        entry.action,
        disabled=entry.disabled,
        tooltip=entry.tooltip,
    )
    # Compose binds this to the footer's ``compact``; this app never changes it.
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact")
    return key
