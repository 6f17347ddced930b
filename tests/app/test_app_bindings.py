"""Every key binding, driven through the pilot as a user would press it."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from newsreader.app.dialogs.edit import EditDialog
from newsreader.app.main import NewsReaderApp
from newsreader.app.screens.help import HelpScreen
from newsreader.app.screens.overview import OverviewScreen
from newsreader.app.widgets.list import ArticleList
from newsreader.app.widgets.reader import Reader
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import LABELS, AnnotatedArticle, Annotation, Entity

SIZE = (120, 36)


async def _type_filter(pilot, query: str) -> None:
    """Set the filter input as if typed (typing itself is tested once, key by key)."""
    pilot.app.filter_bar.input.value = query
    await pilot.pause()


async def _ready(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_list_cursor_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        listing = app.article_list
        assert listing.has_focus
        assert listing.current_id == "alpha"
        await pilot.press("j")
        assert listing.current_id == "beta"
        await pilot.press("down")
        assert listing.current_id == "gamma"
        await pilot.press("down")  # stops at the bottom
        assert listing.current_id == "gamma"
        await pilot.press("k")
        assert listing.current_id == "beta"
        await pilot.press("up", "up")
        assert listing.current_id == "alpha"
        await pilot.press("G")
        assert listing.current_id == "gamma"
        await pilot.press("g")
        assert listing.current_id == "alpha"
        await pilot.press("pagedown")
        assert listing.current_id == "gamma"
        await pilot.press("pageup")
        assert listing.current_id == "alpha"


async def test_enter_opens_marks_read_and_focuses_reader(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("j", "enter")
        assert app.reader.article_id == "beta"
        assert app.reader.has_focus
        assert app.library.state("beta").read
        assert not app.library.state("alpha").read
        lines = app.reader.line_texts()
        assert lines[0] == "Putin sambut Kim di Vostochny"
        assert lines[1] == "Nusadaily · 2023-09-13 · Reuters"
        assert any("Jo Chun Ryong" in line for line in lines)


async def test_metadata_line_and_unknowns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter")
        lines = app.reader.line_texts()
        metadata = " ".join(lines[1 : lines.index("")])  # it may wrap in a narrow pane
        assert metadata == "Republika · 2023-09-12 07:09 WIB · Moskow · Dwina Agustin"
        app.article_list.focus()
        await pilot.press("G", "enter")
        lines = app.reader.line_texts()
        assert lines[0] == "(gamma)"
        assert lines[1] == "unknown outlet · —"
        meta_row = app.article_list.render_line(5).text  # gamma's second list line
        assert "unknown outlet · —" in meta_row


async def test_tab_moves_between_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, Reader)
        await pilot.press("tab")
        assert app.focused is app.compare_pane.options
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Reader)


async def test_filter_typing_narrows_and_escape_clears(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"vostochny")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["alpha", "beta"]
        await pilot.press(*" outlet:nusa")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["beta"]
        await pilot.press("enter")
        assert app.article_list.has_focus
        assert app.filter_bar.display  # the active filter stays visible
        assert "filter: vostochny outlet:nusa" in str(app.query_one("#list-title").render())
        await pilot.press("escape")
        assert len(app.article_list.rows) == 3
        assert not app.filter_bar.display
        assert app.filter_text == ""


async def test_filter_fields_and_malformed_queries(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("slash")
        await _type_filter(pilot, 'entity:"Jo Chun Ryong"')
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["beta"]
        await _type_filter(pilot, "label:QUANTITY")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["alpha"]
        await _type_filter(pilot, "date:2023-09-13..")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["beta"]
        # A malformed query keeps the last good result and says what is wrong.
        await _type_filter(pilot, 'kim "kereta')
        status = app.query_one("#filter-status")
        assert status.has_class("-error")
        assert "unclosed quote" in str(status.render())
        app.filter_bar.input.value = "author:x"
        await pilot.pause()
        assert "unknown field" in str(status.render())
        app.filter_bar.input.value = "date:2023-02-30"
        await pilot.pause()
        assert "bad date" in str(status.render())
        assert app.is_running


async def test_label_keys_toggle_highlights_and_legend(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter")
        assert app.legend.counts["PER"] == 2
        assert app.legend.counts["LOC"] == 3
        for number, label in enumerate(LABELS, 1):
            await pilot.press(str(number))
            assert label not in app.reader.shown_labels
            assert label not in app.legend.shown_labels
        assert app.reader.visible_entities() == []
        await pilot.press("1")
        assert {e.label for e in app.reader.visible_entities()} == {"PER"}
        legend = app.legend.render().plain
        assert "1 PER 2" in legend and "7 QUANTITY 1" in legend


async def test_n_and_shift_n_walk_entities(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter", "n")
        assert app.reader.entity_under_cursor.text == "Korea Utara"
        await pilot.press("n", "n")
        assert app.reader.entity_under_cursor.text == "Rusia"
        await pilot.press("N")
        assert app.reader.entity_under_cursor.text == "Kim Jong-un"
        await pilot.press("1")  # hide PER: the cursor leaves the hidden entity
        assert app.reader.entity_under_cursor is None
        await pilot.press("n")
        assert app.reader.entity_under_cursor.text == "Korea Utara"
        await pilot.press("N")  # wraps around to the last visible entity
        assert app.reader.entity_under_cursor.text == "18 bulan"
        await pilot.press("N")
        assert app.reader.entity_under_cursor.text == "KCNA"


async def test_brackets_walk_sentences_and_focus_comparison(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter", "right_square_bracket")
        text = app.library.article("alpha").text
        cursor = app.reader.cursor
        assert text[cursor.start : cursor.end].startswith("Pemimpin Korea Utara")
        await pilot.press("right_square_bracket")
        cursor = app.reader.cursor
        assert text[cursor.start : cursor.end] == (
            "Ia bertemu Presiden Vladimir Putin di Vostochny pada Selasa malam."
        )
        # The comparison pane now points at the other outlet's wording of that fact.
        options = app.compare_pane.options
        highlighted = options.get_option_at_index(options.highlighted).prompt.plain
        assert highlighted.startswith("Nusadaily: Presiden Rusia Vladimir Putin menerima")
        await pilot.press("left_square_bracket")
        cursor = app.reader.cursor
        assert text[cursor.start : cursor.end].startswith("Pemimpin Korea Utara")
        # A sentence no other outlet carries is pointed at in the "only here" list.
        await pilot.press("right_square_bracket", "right_square_bracket")
        highlighted = options.get_option_at_index(options.highlighted).prompt.plain
        assert highlighted.startswith("• Kantor berita KCNA")


async def test_star_and_read_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("s")
        assert app.library.state("alpha").starred
        assert app.article_list.render_line(0).text.startswith("★")
        await pilot.press("s")
        assert not app.library.state("alpha").starred
        await pilot.press("u")
        assert app.library.state("alpha").read
        await pilot.press("u")
        assert not app.library.state("alpha").read
        await pilot.press("s", "j", "slash", *"is:starred", "enter")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["alpha"]


async def test_help_screen_lists_bindings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_and_runs_a_command(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        app.screen.query_one(Input).value = "removed lines"
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.show_removed


async def test_removed_lines_shown_in_place(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter")
        assert not any("Baca Juga" in line for line in app.reader.line_texts())
        await pilot.press("r")
        lines = app.reader.line_texts()
        removed = next(i for i, line in enumerate(lines) if "Baca Juga" in line)
        assert lines[removed] == "[related] Baca Juga: Putin puji Kim"
        assert lines[removed + 1].startswith("Kantor berita KCNA")


async def test_edit_dialog_saves_and_overrides(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("G", "m")
        assert isinstance(app.screen, EditDialog)
        await pilot.press(*"Cemas", "tab")  # typed into the title field
        app.screen.query_one("#edit-outlet", Input).value = "Antara"
        app.screen.query_one("#edit-date", Input).value = "2023-13-01"
        await pilot.press("enter")
        assert isinstance(app.screen, EditDialog)  # a bad date is refused
        assert "not a date" in str(app.screen.query_one("#edit-status").render())
        app.screen.query_one("#edit-date", Input).value = "2023-09-14"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EditDialog)
        gamma = app.library.article("gamma")
        assert (gamma.title, gamma.outlet, gamma.date) == (
            "Cemas",
            "Antara",
            "2023-09-14",
        )
        await pilot.press("slash")
        await _type_filter(pilot, "outlet:antara date:2023-09-14")
        assert [app.library.articles[r].id for r in app.article_list.rows] == ["gamma"]


async def test_overview_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, OverviewScreen)


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_entity_jump_scrolls_it_into_view() -> None:
    filler = "Paragraf ini tidak menyebut siapa pun secara khusus."
    text = "\n\n".join([filler] * 60 + ["Akhirnya Jo Chun Ryong tiba di Pyongyang."])
    start = text.index("Jo Chun Ryong")
    entity = Entity(start, start + 13, "Jo Chun Ryong", "PER", "Jo Chun Ryong")
    article = Article(id="long", path="/corpus/long.txt", text=text, title="Panjang")
    app = NewsReaderApp(
        articles=[article],
        annotated=[AnnotatedArticle(article, Annotation((entity,)))],
        use_store=False,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter", "n")
        await pilot.pause()
        reader = app.reader
        row = next(i for i, line in enumerate(reader.line_texts()) if "Jo Chun Ryong" in line)
        top = int(reader.scroll_offset.y)
        assert top > 0
        assert top <= row < top + reader.scrollable_content_region.height
