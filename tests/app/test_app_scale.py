"""Ten thousand articles: the list stays virtual, scrolling and filtering stay quick."""

from __future__ import annotations

import statistics
import time

from app_samples import synthetic

from newsreader.app.library import Library
from newsreader.app.main import NewsReaderApp
from newsreader.query import parse

COUNT = 10_000


async def _press_timed(pilot, key: str) -> float:
    """CPU seconds to handle a key and repaint.

    Wall time under the pilot is dominated by its own idle-detection sleeps
    (about 40 ms per key even on an empty app), so the process CPU time of
    handling the key and painting the screen is what is measured.
    """
    started = time.process_time()
    await pilot.press(key)
    await pilot.pause()
    return time.process_time() - started


async def test_ten_thousand_articles_scroll_and_filter() -> None:
    app = NewsReaderApp(articles=synthetic(COUNT), annotate=False, use_store=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.article_list
        assert len(listing.rows) == COUNT
        # Virtual: one widget for the whole list, and its height is two lines per article.
        assert listing.virtual_size.height == 2 * COUNT
        assert len(app.query("ArticleList *")) == 0

        timings = [await _press_timed(pilot, "j") for _ in range(30)]
        assert listing.current_id == "s00030"
        timings += [await _press_timed(pilot, "pagedown") for _ in range(10)]
        await pilot.press("G")
        assert listing.current_id == f"s{COUNT - 1:05d}"
        assert listing.scroll_offset.y >= 2 * COUNT - listing.size.height - 1
        assert listing.render_line(listing.size.height - 1).text.strip() != ""
        median = statistics.median(timings)
        print(f"key-to-repaint CPU median over {len(timings)} presses: {median * 1000:.1f} ms")
        assert median < 0.05

        await pilot.press("slash")
        started = time.process_time()
        await pilot.press(*"kim outlet:antara")
        typing = time.process_time() - started
        ids = [app.library.articles[r].id for r in listing.rows]
        expected = [
            a.id
            for a in synthetic(COUNT)
            if a.outlet == "Antara" and ("kim" in a.title.lower() or "kim" in a.text.lower())
        ]
        assert ids == expected
        print(f"filter typing over {COUNT} articles: {typing * 1000 / 17:.1f} ms CPU per key")
        assert typing / 17 < 0.1
        await pilot.press("escape")
        assert len(listing.rows) == COUNT


def test_library_filter_over_ten_thousand_answers_within_a_frame() -> None:
    """Not a tight timing assertion (shared CI); prints what one filter costs."""
    library = Library(synthetic(COUNT))
    started = time.perf_counter()
    library.build_search_docs()
    folding = time.perf_counter() - started
    timings = []
    for query in ("k", "ki", "kim", "kim outlet:antara", '-"catatan nomor 1"', "date:2023-09-05.."):
        started = time.perf_counter()
        library.filter(parse(query))
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"fold {COUNT} articles once: {folding * 1000:.0f} ms; filter median {median * 1000:.1f} ms"
    )
    assert median < 0.1
