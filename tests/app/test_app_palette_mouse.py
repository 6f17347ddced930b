"""Mouse clicks, and palette commands that need more than one key."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Input

from newsreader.app.dialogs.folder import FolderDialog
from newsreader.app.main import NewsReaderApp

SIZE = (120, 36)


async def _run_command(pilot, name: str) -> None:
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    pilot.app.screen.query_one(Input).value = name
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_click_row_opens_it_and_click_entity_moves_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.click(app.article_list, offset=(5, 2))  # second article, title line
        await pilot.pause()
        assert app.reader.article_id == "beta"
        lines = app.reader.line_texts()
        row = next(i for i, line in enumerate(lines) if "Jo Chun Ryong" in line)
        column = lines[row].index("Jo Chun Ryong") + 1  # +1: the reader's left padding
        await pilot.click(app.reader, offset=(column + 2, row))
        assert app.reader.entity_under_cursor.canonical == "Jo Chun Ryong"


async def test_filter_by_entity_under_cursor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter", "n", "n")  # Kim Jong-un in alpha
        await _run_command(pilot, "filter by entity")
        assert app.filter_text == 'entity:"Kim Jong Un"'
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["alpha", "beta"]


async def test_toggle_label_and_theme_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await _run_command(pilot, "toggle label QUANTITY")
        assert "QUANTITY" not in app.reader.shown_labels
        await _run_command(pilot, "switch theme")
        assert isinstance(app.screen, CommandPalette)  # the theme picker is a palette too
        await pilot.press("escape")


async def test_open_folder_reads_new_articles(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "satu.txt").write_text(
        "Gempa di Cianjur\n\nGempa bermagnitudo 5,6 mengguncang Cianjur pada Senin.\n",
        encoding="utf-8",
    )
    app = NewsReaderApp([], use_store=False, annotate=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.library) == 5  # the bundled seeds
        await _run_command(pilot, "open folder")
        assert isinstance(app.screen, FolderDialog)
        app.screen.query_one(Input).value = str(tmp_path / "missing")
        await pilot.press("enter")
        assert isinstance(app.screen, FolderDialog)  # refused: no such folder
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [a.id for a in app.library.articles] == ["satu"]
        assert "Cianjur" in app.library.articles[0].text
        assert app.reader.article_id == "satu"


async def test_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_bytes(b"")
    app = NewsReaderApp([tmp_path], use_store=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.library) == 0
        assert "no article could be read" in str(app.query_one("#status").render())
        assert app.reader.line_texts()[0].startswith("No article open")
        await pilot.press("j", "enter", "n", "right_square_bracket", "s", "u", "m", "e")
        assert app.is_running
