"""`newsreader --archive NAME`: the list, filters and reader over a stored archive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.analysis import annotate_articles
from newsreader.app.archive_library import ArchiveLibrary
from newsreader.app.main import NewsReaderApp
from newsreader.archive import Archive
from newsreader.corpus import load
from newsreader.nlp.annotator import Annotator
from newsreader.store import Store


@pytest.fixture
def seeds_archive(seeds_dir: Path) -> str:
    """The seeds annotated into the store and listed in the archive "kim"."""
    annotator = Annotator()
    with Store.open() as store:
        annotated = annotate_articles(load([seeds_dir]).articles, annotator, store)
    with Archive.open("kim", create=True) as archive:
        archive.add(annotated)
    return "kim"


async def _opened(app: NewsReaderApp, pilot) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if isinstance(app.library, ArchiveLibrary):
            return
    pytest.fail(f"the archive did not open: {app.query_one('#status').render()}")


@pytest.mark.slow
async def test_the_reader_lists_filters_and_shows_entities_from_an_archive(
    seeds_archive: str,
) -> None:
    app = NewsReaderApp(archive=seeds_archive)
    async with app.run_test(size=(160, 48)) as pilot:
        await _opened(app, pilot)
        assert len(app.article_list.rows) == 5
        assert "archive kim: 5 articles" in str(app.query_one("#status").render())
        # The first article is open, with its entities from the store.
        shown = app.reader.article_id
        assert shown is not None and app.library.entities(shown)
        await pilot.press("slash", *"outlet:republika", "enter")
        await pilot.pause(0.1)
        assert len(app.article_list.rows) == 2
        await pilot.press("escape")
        await pilot.press("slash", *'entity:"kim jong un"', "enter")
        await pilot.pause(0.1)
        assert 1 <= len(app.article_list.rows) <= 5
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert len(app.article_list.rows) == 5
        await pilot.press("s")  # star the article under the cursor
        await pilot.pause(0.1)
        await pilot.press("slash", *"is:starred", "enter")
        await pilot.pause(0.1)
        assert len(app.article_list.rows) == 1


def test_a_missing_archive_is_one_line_and_exit_1() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsreader.cli", "--archive", "nothing-here"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "no archive 'nothing-here'" in done.stderr
    assert "newsreader annotate PATH --archive NAME" in done.stderr


def test_a_bad_archive_name_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsreader.cli", "--archive", "../etc"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "not an archive name" in done.stderr
