"""Untrusted article text is shown literally: no markup, no actions, no escape sequences."""

from __future__ import annotations

from newsreader.app.main import NewsReaderApp
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity, Sentence

TITLE = "[bold red]Awas[/bold red] [@click=app.quit]klik[/] \x1b]0;pwned\x07judul"
BODY = (
    "Kunjungan [link=https://contoh.invalid]tautan[/link] ke Moskow [@click=app.quit]keluar[/].\n\n"
    "Warna \x1b[31mmerah\x1b[0m dan bel\x07 serta [reverse]kebalikan[/reverse] tetap teks."
)
NASTY = Article(
    id="nasty",
    path="/corpus/nasty.txt",
    text=BODY,
    title=TITLE,
    outlet="[blink]Outlet[/blink]",
    date="2023-09-12",
)


def _annotated() -> AnnotatedArticle:
    start = BODY.index("Moskow")
    entity = Entity(start, start + len("Moskow"), "Moskow", "LOC", "Moskow")
    split = BODY.index("\n\n")
    return AnnotatedArticle(
        NASTY, Annotation((entity,), (Sentence(0, split), Sentence(split + 2, len(BODY))))
    )


def _rendered_text(strips) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_markup_in_text_is_literal_and_escapes_are_neutralised() -> None:
    app = NewsReaderApp(articles=[NASTY], annotated=[_annotated()], use_store=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        title_row = app.article_list.render_line(0).text
        assert title_row.startswith("  [bold red]Awas[/bold red] [@click")
        assert "[blink]Outlet[/blink]" in app.article_list.render_line(1).text

        await pilot.press("enter")
        lines = app.reader.line_texts()
        assert lines[0] == "[bold red]Awas[/bold red] [@click=app.quit]klik[/]"
        assert lines[1] == "judul"  # the OSC title sequence is gone, payload and all
        joined = " ".join(lines)
        assert "[link=https://contoh.invalid]tautan[/link]" in joined
        assert "[@click=app.quit]keluar[/]" in joined
        assert "[reverse]kebalikan[/reverse]" in joined
        # Offsets survive: the entity is still highlighted on the right word.
        await pilot.press("n")
        assert app.reader.entity_under_cursor.text == "Moskow"

        strips = [app.reader.render_line(y) for y in range(app.reader.size.height)]
        strips += [app.article_list.render_line(y) for y in range(4)]
        painted = _rendered_text(strips)
        assert "\x1b" not in painted and "\x07" not in painted
        assert "merah" in painted
        # No segment carries a link or a click action smuggled in by the text.
        for strip in strips:
            for segment in strip:
                style = segment.style
                assert style is None or (not style.link and not style.meta.get("@click"))


async def test_clicking_injected_action_text_does_not_run_it() -> None:
    app = NewsReaderApp(articles=[NASTY], annotated=[_annotated()], use_store=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("enter")
        row = next(i for i, line in enumerate(app.reader.line_texts()) if "keluar" in line)
        column = app.reader.line_texts()[row].index("[@click")
        await pilot.click(app.reader, offset=(column + 3, row))
        await pilot.click(app.article_list, offset=(10, 0))
        await pilot.pause()
        assert app.is_running
        # The click on the text put the sentence cursor there, nothing else.
        cursor = app.reader.cursor
        assert cursor is not None and BODY[cursor.start : cursor.end].endswith("keluar[/].")


async def test_error_messages_with_markup_are_literal() -> None:
    app = NewsReaderApp(articles=[NASTY], annotated=[_annotated()], use_store=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"[bold]x[/bold] bogus:[red]")
        status = app.query_one("#filter-status")
        assert "'bogus:'" in str(status.render())
        assert app.is_running
