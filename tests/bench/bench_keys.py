"""Latency from a key press to the repaint: moving through the list, switching articles.

Run on demand (tests/bench is not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_keys.py [--presses 100] [--count 10000]

The real app runs headless under Textual's pilot. Every screen update the
compositor produces passes through ``App._display``; the bench notes when
each happens, and which widgets painted what since the previous one. For
one press, measured from just before the key is sent:

- first update: the first compositor update after the key, whatever it
  shows. For a move it is the list's new cursor row. For a switch it is
  only the list losing focus, so it is not what a user waits for.
- shown: the first update that shows what the key asked for. For a move,
  the same as the first update. For a switch, the first update in which
  the reader painted the newly opened article (``Reader.render_line`` ran
  with the new ``article_id`` since the update before).
- facts (switch only): the first update in which the comparison pane
  painted that article's facts (the pane's option list or title painted
  while ``ComparePane.shown_article_id`` was the new article). Empty when
  there is no comparison (the synthetic corpus is not annotated).
- settled: the last update before the app is idle again (footer, legend
  and everything else done).
- CPU to shown: the process CPU time from the key to the shown update;
  unlike the wall times it hardly moves when other work shares the cores.
- CPU: the process CPU time from the key to idle, the pilot's own
  bookkeeping included (a few ms).

The pilot's idle detection sleeps between steps, which is why the update
times, not the wall time of ``press`` + ``pause``, are the numbers to read.

- move: "j"/"k" in the list (direction turns at either end).
- switch: Enter on the next article, which opens it in the reader and the
  comparison pane (focus is put back on the list between presses, untimed).
  "first visit" rows count only the presses that opened an article the
  reader had not shown before in that run (the seeds have five articles, so
  later presses reopen them; every press on the large corpus is a first
  visit).

Corpora: the seeds, annotated and compared first (the steady state a
reader works in), and ``--count`` synthetic articles (synth.py, read with
``corpus.load`` through a cache in a temporary data directory) without
annotation, which would take many minutes. Target: shown median <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synth import ensure_corpus
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList, Static

from newsreader.app.main import NewsReaderApp
from newsreader.app.widgets.compare_pane import ComparePane
from newsreader.app.widgets.reader import Reader
from newsreader.corpus import load
from newsreader.resources import seeds_dir
from newsreader.store import Store

SIZE = (160, 45)


@dataclass
class Press:
    """Seconds from the key to each update of interest (``None``: it never came)."""

    first: float | None = None
    shown: float | None = None
    facts: float | None = None
    settled: float | None = None
    shown_cpu: float | None = None
    cpu: float = 0.0
    first_visit: bool = False


class Probe:
    """Notes compositor updates and what the reader and comparison pane painted before each."""

    def __init__(self) -> None:
        self.started = 0.0
        self.started_cpu = 0.0
        self.target: str | None = None
        self.press: Press | None = None
        self.reader_painted = False
        self.facts_painted = False
        self.seen: set[str] = set()

    def start(self, target: str | None) -> Press:
        self.target = target
        self.press = Press(first_visit=target is not None and target not in self.seen)
        self.reader_painted = self.facts_painted = False
        self.started = time.perf_counter()
        self.started_cpu = time.process_time()
        return self.press

    def reader_line(self, article_id: str | None) -> None:
        if article_id is not None:
            self.seen.add(article_id)
        if self.target is not None and article_id == self.target:
            self.reader_painted = True

    def pane_line(self, shown_article_id: str | None) -> None:
        if self.target is not None and shown_article_id == self.target:
            self.facts_painted = True

    def stop(self) -> None:
        self.target, self.press = None, None

    def update(self) -> None:
        press = self.press
        if press is None:
            return
        elapsed = time.perf_counter() - self.started
        if press.first is None:
            press.first = elapsed
        if press.shown is None and (self.target is None or self.reader_painted):
            press.shown = elapsed
            press.shown_cpu = time.process_time() - self.started_cpu
        if self.facts_painted and press.facts is None:
            press.facts = elapsed
        press.settled = elapsed


PROBE = Probe()


def _wrap(cls: type, name: str, note: Callable[[Any], None]) -> None:
    original = getattr(cls, name)

    def wrapped(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        note(self)
        return original(self, *args, **kwargs)

    setattr(cls, name, wrapped)


def _install_probe() -> None:
    def on_display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None:
            PROBE.update()
        original_display(self, screen, renderable)

    original_display = NewsReaderApp._display
    NewsReaderApp._display = on_display  # type: ignore[method-assign]
    _wrap(Reader, "render_line", lambda reader: PROBE.reader_line(reader.article_id))

    def pane_of(widget: Widget) -> ComparePane | None:
        parent = widget.parent
        return parent if isinstance(parent, ComparePane) else None

    def note_pane(widget: Widget) -> None:
        pane = pane_of(widget)
        if pane is not None:
            PROBE.pane_line(pane.shown_article_id)

    _wrap(OptionList, "render_line", note_pane)
    _wrap(Static, "render", note_pane)


_install_probe()


async def _press(pilot: Pilot, key: str, target: str | None = None) -> Press:
    """Timings of one key; ``target`` is the article the key should open, if any."""
    press = PROBE.start(target)
    await pilot.press(key)
    await pilot.pause()
    press.cpu = time.process_time() - PROBE.started_cpu
    PROBE.stop()
    return press


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
    results: dict[str, list[Press]] = {"move": [], "switch": []}
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
            target = listing.current_id
            results["switch"].append(await _press(pilot, "enter", target))
            if app.reader.article_id != target:
                raise RuntimeError("Enter did not open the article under the cursor")
    return results


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.1f}"


def _summary(label: str, timings: list[Press]) -> str:
    first = [t.first for t in timings if t.first is not None]
    shown = [t.shown for t in timings if t.shown is not None]
    facts = [t.facts for t in timings if t.facts is not None]
    settled = [t.settled for t in timings if t.settled is not None]
    shown_cpu = [t.shown_cpu for t in timings if t.shown_cpu is not None]
    cpu = [t.cpu for t in timings]
    return (
        f"| {label} | {len(timings)} | {_ms(first, 0.5)} | {_ms(shown, 0.5)} | "
        f"{_ms(shown, 0.95)} | {_ms(facts, 0.5)} | {_ms(facts, 0.95)} | "
        f"{_ms(settled, 0.5)} | {_ms(settled, 0.95)} | {_ms(shown_cpu, 0.5)} | "
        f"{_ms(cpu, 0.5)} | {len(timings) - len(shown)} |"
    )


def _report(name: str, timings: dict[str, list[Press]]) -> None:
    for kind, values in timings.items():
        print(_summary(f"{name}, {kind}", values), flush=True)
    first_visits = [t for t in timings["switch"] if t.first_visit]
    if first_visits and len(first_visits) < len(timings["switch"]):
        print(_summary(f"{name}, switch (first visit)", first_visits), flush=True)


def main() -> int:
    """Measure on the seeds and on a large synthetic corpus; print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; terminal {SIZE}")
    print(
        "| corpus, key | presses | first update ms median | shown ms median | p95 "
        "| facts ms median | p95 | settled ms median | p95 | CPU to shown ms median "
        "| CPU ms median | presses never shown |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        # The app's own store (state, annotation cache) stays out of the user's files.
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        seeds = NewsReaderApp([seeds_dir()])
        timings = asyncio.run(measure(seeds, args.presses, wait_for_comparison=True))
        _report("seeds (annotated, compared)", timings)

        folder = ensure_corpus(args.count)
        with Store.open(Path(tmp) / "articles.sqlite3") as store:
            articles = load([folder], cache=store).articles
        big = NewsReaderApp(articles=articles, annotate=False)
        timings = asyncio.run(measure(big, args.presses, wait_for_comparison=False))
        _report(f"{len(articles):,} articles", timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
