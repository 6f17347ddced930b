"""The comparison pane and overview, on a known comparison; export from the app."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from newsreader.app.dialogs.folder import FolderDialog
from newsreader.app.widgets.compare_view import NOT_COMPUTED
from newsreader.export import parse_export

SIZE = (140, 40)


def _prompts(app) -> list[str]:
    options = app.compare_pane.options
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


async def test_pane_lists_facts_other_wording_discrepancies_and_unique(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        title = str(app.query_one("#compare-title").render())
        assert title == "comparison: 1 shared facts · 2 articles in story"
        prompts = _prompts(app)
        assert prompts[0] == "fact 1 · 2 articles · Putin bertemu Kim di Vostochny"
        assert (
            prompts[1] == "here: Ia bertemu Presiden Vladimir Putin di Vostochny pada Selasa malam."
        )
        assert prompts[2].startswith("Nusadaily: Presiden Rusia Vladimir Putin menerima")
        assert prompts[3] == "≠ day: Republika: Selasa · Nusadaily: Rabu"
        assert prompts[4] == "only in this article (1)"
        assert prompts[5].startswith("• Kantor berita KCNA")
        # The words the outlets disagree on are marked in both wordings.
        options = app.compare_pane.options
        for index, word in ((1, "Selasa"), (2, "Rabu")):
            prompt = options.get_option_at_index(index).prompt
            marked = [prompt.plain[s.start : s.end] for s in prompt.spans if "bold" in str(s.style)]
            assert word in marked


async def test_enter_on_other_wording_opens_that_article_at_the_sentence(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter", "tab")  # reader -> comparison pane
        assert app.focused is app.compare_pane.options
        await pilot.press("down")  # the first selectable row: the other outlet's wording
        await pilot.press("enter")
        assert app.reader.article_id == "beta"
        cursor = app.reader.cursor
        text = app.library.article("beta").text
        assert text[cursor.start : cursor.end].startswith("Presiden Rusia Vladimir Putin menerima")
        assert app.library.state("beta").read


async def test_article_alone_in_its_story_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("G", "enter")
        title = str(app.query_one("#compare-title").render())
        assert title == "comparison: no other article tells this story"


async def test_pane_says_not_computed_when_there_is_no_comparison(make_app) -> None:
    app = make_app(with_comparison=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        assert str(app.query_one("#compare-title").render()).startswith("comparison:")
        assert app.compare_pane.options.option_count == 0
        assert NOT_COMPUTED == "comparison: not computed yet"


async def test_overview_matrix(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("o")
        table = app.screen.query_one("DataTable")
        assert table.row_count == 2
        columns = [str(column.label) for column in table.columns.values()]
        assert columns[1:] == ["Republika", "Nusadaily"]
        assert [str(c) for c in table.get_row_at(0)[1:]] == ["●", "●"]
        assert [str(c) for c in table.get_row_at(1)[1:]] == ["·", "●"]
        shown = " ".join(str(static.render()) for static in app.screen.query("Static"))
        assert "Jo Chun Ryong (PER): named by 1 outlet(s), never by Republika" in shown
        assert "Vladimir Putin (PER)" not in shown  # every outlet names him: no blindspot
        assert "Republika & Nusadaily: 42 characters in common" in shown


async def test_compare_pane_toggle_and_narrow_terminal(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.compare_pane.display  # collapsed on a narrow terminal
        await pilot.press("c")
        assert app.compare_pane.display
        await pilot.press("c")
        assert not app.compare_pane.display


async def test_export_current_and_filtered_never_clobber(make_app, tmp_path: Path) -> None:
    app = make_app()
    folder = tmp_path / "out"
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("e")
        assert isinstance(app.screen, FolderDialog)
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await pilot.pause()
        alpha = folder / "alpha.md"
        assert alpha.exists()
        assert str(app.query_one("#status").render()).startswith("exported 1 of 1 to ")
        text, spans = parse_export(alpha.read_text(encoding="utf-8"))
        assert text == app.library.article("alpha").text
        assert (text.index("Kim Jong-un"), text.index("Kim Jong-un") + 11, "PER") in spans
        alpha.write_text("my own notes", encoding="utf-8")

        await pilot.press("slash")
        app.filter_bar.input.value = "vostochny"
        await pilot.press("enter", "E")
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await pilot.pause()
        assert alpha.read_text(encoding="utf-8") == "my own notes"  # kept
        assert (folder / "beta.md").exists()
        assert not (folder / "gamma.md").exists()
        assert "kept 1 existing" in str(app.query_one("#status").render())
