"""Bulk annotation into the store: one process, the local pool and Dask, on synthetic articles.

    PYTHONPATH=tui python3 tests/bench/bench_bulk.py [--count 10000] [--runs one local dask]

Each run is a fresh `newsreader annotate` child with its own empty store
(XDG_DATA_HOME in a temporary folder), so every article is annotated cold.
Prints a Markdown table (wall s, articles/s, words/s, ratio to one process,
ratio of Dask to the local engine) and writes it, dated, to
`tests/bench/results/bench_bulk-<count>.md`. Targets (issue #17): with 2
workers both engines >= 1.8x one process, Dask within 1.15x of local.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import ensure_corpus

RUNS = {
    "one": ["--engine", "local", "--workers", "1"],
    "local": ["--engine", "local", "--workers", "2"],
    "dask": ["--engine", "dask", "--workers", "2"],
}
RESULTS = Path(__file__).resolve().parent / "results"


def run(folder: Path, how: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as xdg:
        env = {**os.environ, "XDG_DATA_HOME": xdg, "XDG_CACHE_HOME": xdg}
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "newsreader.cli", "annotate", str(folder), *RUNS[how], "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
    report = json.loads(done.stdout)
    return {"how": how, "wall": wall, **report}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", nargs="*", default=list(RUNS), choices=list(RUNS))
    args = parser.parse_args()
    folder = ensure_corpus(args.count)
    results = {how: run(folder, how) for how in args.runs}
    lines = [
        f"bench_bulk, {args.count:,} synthetic articles, {dt.date.today()}, "
        f"load {os.getloadavg()[0]:.1f}",
        "",
        "| run | workers | wall s | annotation s | articles/s | words/s | x one process |",
        "|---|---|---|---|---|---|---|",
    ]
    one = results.get("one")
    for how, r in results.items():
        speedup = one["seconds"] / r["seconds"] if one and r["seconds"] else float("nan")
        lines.append(
            f"| {how} | {r['workers']} | {r['wall']:.1f} | {r['seconds']:.1f} | "
            f"{r['annotated'] / r['seconds']:,.0f} | {r['words'] / r['seconds']:,.0f} | "
            f"{speedup:.2f} |"
        )
    if "local" in results and "dask" in results:
        ratio = results["dask"]["seconds"] / results["local"]["seconds"]
        lines += ["", f"Dask / local annotation time: {ratio:.2f} (target <= 1.15)"]
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"bench_bulk-{args.count}.md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
