"""Latency from a key press to the repaint: moving through the list, switching articles.

Run on demand (tests/bench is not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_keys.py [--presses 100] [--count 10000]

The real app runs headless under Textual's pilot. Every screen update the
compositor produces passes through ``App._display``; the bench notes when
each happens. For one press it records the time from just before the key
is sent to the first update after it (the repaint the user sees) and to
the last update before the app is idle again (everything settled), plus
the process CPU time spent meanwhile. The pilot's own idle detection
sleeps between steps, which is why the repaint times, not the wall time of
``press`` + ``pause``, are the numbers to read.

- move: "j"/"k" in the list (direction turns at either end).
- switch: Enter on the next article, which opens it in the reader and the
  comparison pane (focus is put back on the list between presses, untimed).

Corpora: the seeds, annotated and compared first (the steady state a
reader works in), and ``--count`` synthetic articles (synth.py, read with
``corpus.load`` through a cache in a temporary data directory) without
annotation, which would take many minutes. Target: median <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from synth import ensure_corpus

from newsreader.app.main import NewsReaderApp
from newsreader.corpus import load
from newsreader.resources import seeds_dir
from newsreader.store import Store

SIZE = (160, 45)
_painted: list[float] = []
_original_display = NewsReaderApp._display


def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
    if renderable is not None:
        _painted.append(time.perf_counter())
    _original_display(self, screen, renderable)


NewsReaderApp._display = _display  # type: ignore[method-assign]


async def _press(pilot, key: str) -> tuple[float | None, float | None, float]:
    """(seconds to first repaint, seconds to settled, CPU seconds) for one key."""
    _painted.clear()
    started, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    spent = time.process_time() - cpu
    if not _painted:
        return None, None, spent
    return _painted[0] - started, _painted[-1] - started, spent


async def _settle(app: NewsReaderApp, pilot, wait_for_comparison: bool) -> None:
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        await pilot.pause(0.2)
        if not app.article_list.rows:
            continue
        if not wait_for_comparison or app.comparison_data is not None:
            break
        if "failed" in str(app.query_one("#status").render()):
            break


async def measure(app: NewsReaderApp, presses: int, wait_for_comparison: bool) -> dict:
    """Press keys in the running app and collect per-press timings."""
    results: dict[str, list[tuple[float | None, float | None, float]]] = {
        "move": [],
        "switch": [],
    }
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot, wait_for_comparison)
        listing = app.article_list
        listing.focus()
        await pilot.pause()
        step = "j"
        for _ in range(presses):
            if listing.cursor >= len(listing.rows) - 1:
                step = "k"
            elif listing.cursor <= 0:
                step = "j"
            results["move"].append(await _press(pilot, step))
        for _ in range(presses):
            listing.focus()
            if listing.cursor >= len(listing.rows) - 1:
                listing.cursor = 0
            else:
                listing.cursor += 1
            await pilot.pause()
            results["switch"].append(await _press(pilot, "enter"))
        opened = app.reader.article_id
        if opened is None:
            raise RuntimeError("Enter did not open an article in the reader")
    return results


def _summary(label: str, timings: list[tuple[float | None, float | None, float]]) -> str:
    first = [t[0] for t in timings if t[0] is not None]
    settled = [t[1] for t in timings if t[1] is not None]
    cpu = [t[2] for t in timings]
    missing = len(timings) - len(first)

    def ms(values: list[float], q: float) -> str:
        if not values:
            return "-"
        ordered = sorted(values)
        return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"

    return (
        f"| {label} | {len(timings)} | {ms(first, 0.5)} | {ms(first, 0.95)} | "
        f"{ms(settled, 0.5)} | {ms(settled, 0.95)} | {1000 * statistics.median(cpu):.1f} | "
        f"{missing} |"
    )


def main() -> int:
    """Measure on the seeds and on a large synthetic corpus; print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; terminal {SIZE}")
    print(
        "| corpus, key | presses | first repaint ms median | p95 | settled ms median | p95 "
        "| CPU ms median | presses without repaint |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        # The app's own store (state, annotation cache) stays out of the user's files.
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        seeds = NewsReaderApp([seeds_dir()])
        timings = asyncio.run(measure(seeds, args.presses, wait_for_comparison=True))
        for kind, values in timings.items():
            print(_summary(f"seeds (annotated, compared), {kind}", values), flush=True)

        folder = ensure_corpus(args.count)
        with Store.open(Path(tmp) / "articles.sqlite3") as store:
            articles = load([folder], cache=store).articles
        big = NewsReaderApp(articles=articles, annotate=False)
        timings = asyncio.run(measure(big, args.presses, wait_for_comparison=False))
        for kind, values in timings.items():
            print(_summary(f"{len(articles):,} articles, {kind}", values), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
