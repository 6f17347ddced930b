"""Switching articles: the reader paints first, reopened articles never show stale rows,
and the footer follows focus while reusing its keys."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets._footer import FooterKey

from newsreader.app.label_styles import label_style
from newsreader.app.library import Overrides
from newsreader.app.widgets.reader_cache import ReaderCache
from newsreader.app.widgets.reader_layout import Cursor
from newsreader.corpus.article import Article

SIZE = (140, 40)


async def _ready(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def _prompts(app) -> list[str]:
    options = app.compare_pane.options
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


def _footer_keys(app) -> list[tuple[str, str]]:
    return [
        (key.key, key.description)
        for key in app.query(FooterKey)
        if key.display and not key.has_class("-command-palette")
    ]


def _painted_background(app, surface: str) -> list[object]:
    """Background colours of the reader's painted cells showing ``surface``."""
    reader = app.reader
    strips = reader.render_lines(Region(0, 0, reader.size.width, reader.size.height))
    colours = []
    for strip in strips:
        for segment in strip:
            if surface in segment.text and segment.style is not None:
                colours.append(segment.style.bgcolor)
    return colours


async def test_reader_shows_the_article_before_the_comparison_fills(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        assert app.compare_pane.shown_article_id == "alpha"  # previewed at start
        app.open_article("beta")
        # Same turn of the event loop: the reader has the article, the pane not yet.
        assert app.reader.article_id == "beta"
        assert app.compare_pane.shown_article_id == "alpha"
        await pilot.pause()
        assert app.compare_pane.shown_article_id == "beta"
        assert _prompts(app)[2].startswith("Republika: Ia bertemu Presiden Vladimir Putin")


async def test_opening_from_the_comparison_highlights_the_fact_once_rows_are_in(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter", "tab", "down", "enter")  # alpha -> pane -> beta's wording
        assert app.reader.article_id == "beta"
        options = app.compare_pane.options
        highlighted = options.get_option_at_index(options.highlighted).prompt.plain
        assert highlighted.startswith("Republika: Ia bertemu Presiden Vladimir Putin")
        # A sentence asked for before the new article's rows are in waits for them.
        pane = app.compare_pane
        text = app.library.article("alpha").text
        start = text.index("Ia bertemu")
        end = text.index(".", start) + 1
        pane.show_article("alpha")
        assert pane.focus_sentence(start, end, text[start:end]) is False  # not yet
        await pilot.pause()
        highlighted = options.get_option_at_index(options.highlighted).prompt.plain
        assert highlighted.startswith("Nusadaily: Presiden Rusia Vladimir Putin")


async def test_reopened_article_shows_an_outlet_renamed_meanwhile(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter")
        assert _prompts(app)[2].startswith("Nusadaily: ")
        app.open_article("beta")
        await pilot.pause()
        # Same comparison, but the user renamed beta's outlet: alpha's cached rows are stale.
        app.library.set_overrides("beta", Overrides(outlet="Tempo"))
        app.open_article("alpha")
        await pilot.pause()
        prompts = _prompts(app)
        assert prompts[2].startswith("Tempo: Presiden Rusia Vladimir Putin")
        assert prompts[3] == "≠ day: Republika: Selasa · Tempo: Rabu"


async def test_reopened_article_keeps_label_toggles_and_edits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.press("enter")
        per = label_style("PER").bgcolor
        assert per in _painted_background(app, "Vladimir Putin")
        await pilot.press("1")  # PER off
        app.open_article("beta")
        await pilot.pause()
        app.open_article("alpha")
        await pilot.pause()
        assert per not in _painted_background(app, "Vladimir Putin")
        app.library.set_overrides("alpha", Overrides(title="Kim tiba di Vladivostok"))
        app.reader.relayout()
        assert app.reader.line_texts()[0] == "Kim tiba di Vladivostok"


async def test_footer_follows_focus_and_reuses_its_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        in_list = _footer_keys(app)
        assert ("enter", "Open") in in_list
        assert ("n", "Next entity") not in in_list
        await pilot.press("enter")
        in_reader = _footer_keys(app)
        assert in_reader[:2] == [("n", "Next entity"), ("N", "Prev entity")]
        assert ("enter", "Open") not in in_reader
        assert ("q", "Quit") in in_reader
        widgets = set(app.query(FooterKey))
        for _ in range(3):
            await pilot.press("shift+tab")  # back to the list
            assert _footer_keys(app) == in_list
            await pilot.press("enter")
            assert _footer_keys(app) == in_reader
        assert set(app.query(FooterKey)) == widgets  # nothing mounted after the first switch
        # A footer key still runs its binding.
        await pilot.click(FooterKey, offset=(1, 0))
        assert app.reader.cursor is not None and app.reader.cursor.is_entity


def _article(text: str = "Kim bertemu Putin di Vostochny.") -> Article:
    return Article(id="x", path="/x.txt", text=text, title="Judul")


def test_reader_cache_reuses_a_layout_only_for_the_same_article_object() -> None:
    cache = ReaderCache(size=2)
    article = _article()
    layout = cache.layout(article, 40, False)
    assert cache.layout(article, 40, False) is layout
    assert cache.layout(article, 30, False) is not layout  # another width
    edited = Article(id="x", path="/x.txt", text=article.text, title="Judul baru")
    assert cache.layout(edited, 40, False) is not layout  # same id, edited: rebuilt


def test_reader_cache_keeps_painted_lines_per_look() -> None:
    from rich.style import Style

    cache = ReaderCache(size=4)
    layout = cache.layout(_article(), 40, False)
    entities: tuple = ()
    plain = Style()
    lines = cache.strips(layout, entities, frozenset({"PER"}), None, 40, plain)
    assert cache.strips(layout, entities, frozenset({"PER"}), None, 40, plain) is lines
    on_sentence = Cursor(0, 10, is_entity=False)
    assert cache.strips(layout, entities, frozenset({"PER"}), on_sentence, 40, plain) is not lines
    assert cache.strips(layout, entities, frozenset(), None, 40, plain) is not lines
    # Entities from a new annotation are a new object: never the old lines, even if equal.
    assert cache.strips(layout, [], frozenset({"PER"}), None, 40, plain) is not lines


async def test_loaded_objects_are_kept_out_of_full_collections(make_app) -> None:
    import gc

    gc.unfreeze()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        await pilot.pause()
        # The corpus, annotations and comparison are frozen: a full pass skips them.
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # released when the app closes
