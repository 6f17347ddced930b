"""Time to first paint of the article list: the seeds, and 10,000 synthetic articles.

Run on demand (tests/bench is not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_startup.py [--count 10000] [--repeat 3]

Each measurement is a fresh Python process running the real app headless
(``App.run_test``). The parent notes the wall clock just before it spawns
the child; the child notes it the first time the ArticleList paints a row
with an article, so the number includes interpreter start, imports,
reading the files and the first layout, as a user would wait for it. The
child also reports its CPU time, its peak RSS and whether spaCy was
already imported at that moment (it must not be). A corpus that takes
longer than half a second to read is shown as it is read, so the first
paint may hold only the first rows: the table says how many, and when
the list first painted all of them ("all rows s"). Cases:

- seeds: the bundled articles, as ``newsreader`` with no argument opens.
- synth cold: 10,000 files, fresh data directory (nothing cached; this
  run fills the article cache).
- synth warm: the same again with the data directory kept, so unchanged
  files' metadata and cleaned text come from the cache.
- corpus.load alone, cold and warm with ``cache=Store.open()``, no UI.

Targets: seeds <= 0.7 s; 10,000 articles with metadata from the cache <= 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from synth import ensure_corpus

TUI = Path(__file__).resolve().parents[2] / "tui"

APP_CHILD = textwrap.dedent(
    """
    import asyncio, json, os, resource, sys, time
    from pathlib import Path

    from newsreader.app.main import NewsReaderApp
    from newsreader.app.widgets import list as list_widget

    seen = {{}}
    original = list_widget.ArticleList.render_line

    expected = {expected!r}

    def probe(self, y):
        if self.rows and "wall" not in seen:
            seen["wall"] = time.time()
            seen["cpu"] = time.process_time()
            seen["spacy"] = "spacy" in sys.modules
            seen["rows"] = len(self.rows)
            seen["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # A corpus read afresh is shown as it is read: note when every row is there.
        if self.rows and len(self.rows) >= (expected or 1) and "all_wall" not in seen:
            seen["all_wall"] = time.time()
            seen["all_cpu"] = time.process_time()
        return original(self, y)

    list_widget.ArticleList.render_line = probe

    async def main():
        paths = [Path(p) for p in {paths!r}]
        app = NewsReaderApp(paths)
        async with app.run_test(size=(120, 36)) as pilot:
            while "all_wall" not in seen:
                await asyncio.sleep(0.005)
            print(json.dumps(seen), flush=True)
            # The annotation worker may be starting; a benchmark child
            # need not wait for it to wind down.
            os._exit(0)

    asyncio.run(main())
    """
)

LOAD_CHILD = textwrap.dedent(
    """
    import json, resource, time
    from newsreader.corpus import load
    from newsreader.store import Store

    started, cpu = time.perf_counter(), time.process_time()
    if {with_cache!r}:
        with Store.open() as store:
            result = load([{path!r}], cache=store)
    else:
        result = load([{path!r}])
    print(json.dumps({{
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "articles": len(result.articles),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }}))
    """
)


def _env(xdg: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(TUI),
        "XDG_DATA_HOME": str(xdg / "data"),
        "XDG_CACHE_HOME": str(xdg / "cache"),
        "XDG_CONFIG_HOME": str(xdg / "config"),
        "XDG_STATE_HOME": str(xdg / "state"),
    }


def _run(code: str, xdg: Path) -> tuple[dict, float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_env(xdg),
        timeout=600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1]), started


def first_paint(paths: list[str], xdg: Path, expected: int | None = None) -> dict:
    """One app start: seconds from spawn to the first painted row and to all ``expected`` rows."""
    seen, started = _run(APP_CHILD.format(paths=paths, expected=expected), xdg)
    seen["seconds"] = seen["wall"] - started
    seen["all_seconds"] = seen["all_wall"] - started
    return seen


def load_only(path: str, xdg: Path, *, with_cache: bool) -> dict:
    """``corpus.load`` alone in a fresh process: wall and CPU seconds of the call."""
    return _run(LOAD_CHILD.format(path=path, with_cache=with_cache), xdg)[0]


def _row(case: str, runs: list[dict]) -> str:
    wall = statistics.median(r["seconds"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    rss = max(r["rss_mb"] for r in runs)
    spacy = "-" if "spacy" not in runs[0] else ("yes" if any(r["spacy"] for r in runs) else "no")
    rows = runs[0].get("rows", runs[0].get("articles"))
    every = ", ".join(f"{r['seconds']:.2f}" for r in runs)
    full = "-"
    if "all_seconds" in runs[0]:
        full = f"{statistics.median(r['all_seconds'] for r in runs):.2f}"
    return f"| {case} | {rows} | {wall:.2f} | {cpu:.2f} | {full} | {rss:.0f} | {spacy} | {every} |"


def main() -> int:
    """Run every case and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--skip-cold-app", action="store_true", help="one cold app run instead of several"
    )
    args = parser.parse_args()
    folder = str(ensure_corpus(args.count))
    print(f"corpus: {folder}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(
        "| case | rows at first paint | wall s (median) | child CPU s | all rows s"
        " | peak RSS MB | spaCy at paint | runs |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        xdg = Path(tmp)
        runs = [first_paint([], xdg) for _ in range(args.repeat)]
        print(_row("app, seeds", runs), flush=True)

        cold_xdg = xdg / "cold"
        if not args.skip_cold_app:
            runs = [
                first_paint([folder], cold_xdg / str(i), args.count)
                for i in range(max(1, args.repeat - 1))
            ]
            print(_row(f"app, {args.count:,} files, cold (fills the cache)", runs), flush=True)
        else:
            print(
                _row(
                    f"app, {args.count:,} files, cold (fills the cache)",
                    [first_paint([folder], cold_xdg / "0", args.count)],
                )
            )
        runs = [first_paint([folder], cold_xdg / "0", args.count) for _ in range(args.repeat)]
        print(_row(f"app, {args.count:,} files, warm (metadata from the cache)", runs), flush=True)

        load_xdg = xdg / "load"
        runs = [load_only(folder, load_xdg / "none", with_cache=False)]
        print(_row(f"corpus.load, {args.count:,} files, no cache", runs), flush=True)
        load_only(folder, load_xdg / "cache", with_cache=True)
        runs = [load_only(folder, load_xdg / "cache", with_cache=True) for _ in range(args.repeat)]
        print(_row(f"corpus.load(cache=store), {args.count:,} files, warm", runs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
