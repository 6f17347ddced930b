"""Cold and warm annotation through the cache: time, words per second, peak memory.

Run on demand (tests/bench is not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_cache.py [--sizes 100 1000 10000] [--processes 1 2]

For each size a synthetic corpus (synth.py) is read with ``corpus.load``
and annotated with ``analysis.annotate_articles`` against a ``Store`` in a
fresh temporary XDG data directory, each run in its own Python process so
that peak RSS (``getrusage``, no tracemalloc: it would halve the speed)
belongs to that run alone:

- cold: empty cache, once per ``--processes`` value (worker processes
  for the misses); the children's peak RSS and CPU are reported as well.
  The model is loaded before the clock starts (its load time is shown),
  so words/s is the annotation's own.
- warm: the cache filled by the first cold run. Nothing may be
  re-annotated: the run fails unless every article was a hit, the
  annotator's model was never loaded and spaCy was never imported.

A text progress bar goes to stderr during cold runs. 10,000 cold takes
several minutes per process count on two busy cores; choose ``--sizes``.
Targets: >= 10,000 words/s on one core; warm re-annotates nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from synth import ensure_corpus

TUI = Path(__file__).resolve().parents[2] / "tui"

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from newsreader.analysis import annotate_articles
    from newsreader.corpus import load
    from newsreader.nlp.annotator import Annotator
    from newsreader.store import Store

    articles = load([{folder!r}]).articles
    words = sum(len(article.text.split()) for article in articles)
    annotator = Annotator()
    first = []
    shown = [-1]

    def progress(done, total):
        if not first:
            first.append(done)
        percent = 100 * done // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            bar = "#" * (percent // 4)
            print(f"\\r  [{{bar:<25}}] {{done}}/{{total}}", end="", file=sys.stderr, flush=True)

    load_seconds = None
    if {preload!r}:
        # Cold runs: load the model first, so words/s is the annotation's own.
        started = time.perf_counter()
        annotator.load()
        load_seconds = time.perf_counter() - started
    with Store.open() as store:
        self_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        annotated = annotate_articles(
            articles, annotator, store, n_process={n_process}, on_progress=progress
        )
        seconds = time.perf_counter() - started
    print(file=sys.stderr)
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({{
        "articles": len(annotated),
        "words": words,
        "seconds": seconds,
        "cpu": (me.ru_utime + me.ru_stime) - (self_before.ru_utime + self_before.ru_stime),
        "children_cpu": kids.ru_utime + kids.ru_stime,
        "rss_mb": me.ru_maxrss / 1024,
        "children_rss_mb": kids.ru_maxrss / 1024,
        "hits_at_start": first[0] if first else None,
        "model_loaded": annotator.loaded,
        "model_load_seconds": load_seconds,
        "spacy_imported": "spacy" in sys.modules,
        "entities": sum(len(a.annotation.entities) for a in annotated),
    }}))
    """
)


def run(folder: Path, xdg: Path, n_process: int, *, preload: bool) -> dict:
    """One annotation run in a fresh process, with the store under ``xdg``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(TUI),
        "XDG_DATA_HOME": str(xdg / "data"),
        "XDG_CACHE_HOME": str(xdg / "cache"),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD.format(folder=str(folder), n_process=n_process, preload=preload),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        timeout=6 * 3600,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"annotation child failed with exit code {done.returncode}")
    return json.loads(lines[-1])


def _row(size: int, case: str, r: dict) -> str:
    total_cpu = r["cpu"] + r["children_cpu"]
    per_cpu = r["words"] / total_cpu if total_cpu else float("inf")
    load = r["model_load_seconds"]
    loaded = f"{load:.1f} s before timing" if load is not None else str(r["model_loaded"]).lower()
    return (
        f"| {size:,} | {case} | {r['words']:,} | {r['seconds']:.2f} | {total_cpu:.1f} | "
        f"{r['words'] / r['seconds']:,.0f} | {per_cpu:,.0f} | "
        f"{r['rss_mb']:.0f} / {r['children_rss_mb']:.0f} | {r['hits_at_start']} | {loaded} |"
    )


def main() -> int:
    """Run cold and warm annotation per size and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(
        "| articles | run | words | wall s | CPU s (all processes) | words/s wall "
        "| words/CPU-s | peak RSS MB (main / workers) | cache hits at start | model loaded |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    failures = 0
    for size in args.sizes:
        folder = ensure_corpus(size)
        with tempfile.TemporaryDirectory() as tmp:
            filled = None
            for n_process in args.processes:
                xdg = Path(tmp) / f"cold{n_process}"
                result = run(folder, xdg, n_process, preload=True)
                print(_row(size, f"cold, n_process={n_process}", result), flush=True)
                filled = filled or xdg
            warm = run(folder, filled or Path(tmp) / "empty", 1, preload=False)
            print(_row(size, "warm", warm), flush=True)
            nothing_redone = (
                warm["hits_at_start"] == warm["articles"]
                and not warm["model_loaded"]
                and not warm["spacy_imported"]
            )
            if not nothing_redone:
                failures += 1
                print(f"  FAILED: warm run re-annotated or loaded the model: {warm}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
