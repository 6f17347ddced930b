"""State that lasts: read, starred, edited metadata and the last position, via the store."""

from __future__ import annotations

import sqlite3
import time

from app_samples import SampleApp
from textual.widgets import Input

from newsreader.store import Store, default_path

SIZE = (120, 36)


class NotingApp(SampleApp):
    """Keeps the notifications it shows, to check what the user was told."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:  # type: ignore[override]
        self.notes.append(str(message))
        super().notify(message, **kwargs)


async def test_flags_edits_and_position_survive_a_restart() -> None:
    first = SampleApp()
    async with first.run_test(size=SIZE) as pilot:
        await first.workers.wait_for_complete()
        await pilot.press("s")  # star alpha
        await pilot.press("G", "m")  # edit gamma
        first.screen.query_one("#edit-outlet", Input).value = "Antara"
        await pilot.press("ctrl+s")
        await pilot.press("k", "enter")  # open beta: read, and the last position
        await pilot.press("right_square_bracket", "right_square_bracket", "q")
        await pilot.pause()
        assert first.library.article("gamma").outlet == "Antara"

    second = SampleApp()
    async with second.run_test(size=SIZE) as pilot:
        await second.workers.wait_for_complete()
        await pilot.pause()
        library = second.library
        assert library.state("alpha").starred and not library.state("alpha").read
        assert library.state("beta").read and not library.state("beta").starred
        assert library.article("gamma").outlet == "Antara"
        assert library.parsed("gamma").outlet is None
        assert second.reader.article_id == "beta"
        assert second.article_list.current_id == "beta"
        cursor = second.reader.cursor
        text = library.article("beta").text
        assert text[cursor.start : cursor.end] == "Keduanya membahas kerja sama antariksa."


async def test_clearing_an_edit_restores_the_parsed_value() -> None:
    app = SampleApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("m")
        app.screen.query_one("#edit-outlet", Input).value = "Kompas"
        await pilot.press("ctrl+s")
        assert app.library.article("alpha").outlet == "Kompas"
        await pilot.press("m")
        assert app.screen.query_one("#edit-outlet", Input).value == "Kompas"
        app.screen.query_one("#edit-outlet", Input).value = ""
        await pilot.press("ctrl+s")
        assert app.library.article("alpha").outlet == "Republika"

    again = SampleApp()
    async with again.run_test(size=SIZE):
        await again.workers.wait_for_complete()
        assert again.library.article("alpha").outlet == "Republika"


async def test_corrupted_database_is_reported_not_fatal() -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a SQLite database" * 100)
    app = NotingApp()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("database" in note.lower() or "store" in note.lower() for note in app.notes)
        await pilot.press("s")  # state still works for the session
        assert app.library.state("alpha").starred


async def test_locked_database_never_freezes_the_keys() -> None:
    Store.open().close()
    holder = sqlite3.connect(default_path(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the database
    try:
        app = NotingApp()
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            started = time.perf_counter()
            await pilot.press("s", "j", "enter")
            elapsed = time.perf_counter() - started
            assert app.library.state("alpha").starred and app.library.state("beta").read
            # Each write would wait for the lock; they run off the UI thread instead.
            assert elapsed < 1.0
            for _ in range(40):
                await pilot.pause(0.1)
                if any("locked" in note for note in app.notes):
                    break
            assert any("locked" in note for note in app.notes)
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
