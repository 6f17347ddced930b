"""An archive of many articles: build time, size, first page, filters and opening an article.

    PYTHONPATH=tui python3 tests/bench/bench_archive.py [--count 1000000]

Rows are synthetic (no spaCy): titles and bodies drawn from the NER
corpora's sentences, a few entity names and labels per article, outlets
and dates spread over two years, so the archive has the shape of a real
one. Prints a Markdown table and writes it, dated, to
`tests/bench/results/bench_archive-<count>.md`. Targets (issue #17), for
1,000,000 articles: first page <= 1.0 s from a cold open, any filter
(text, entity, outlet, date) <= 200 ms, opening an article <= 50 ms,
memory <= 500 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import sentence_pool

from newsreader.archive import Archive
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity

RESULTS = Path(__file__).resolve().parent / "results"
NAMES = [
    ("Joko Widodo", "PER"),
    ("Prabowo Subianto", "PER"),
    ("Kim Jong Un", "PER"),
    ("Bank Indonesia", "ORG"),
    ("KPU", "ORG"),
    ("Jakarta", "LOC"),
    ("Surabaya", "LOC"),
    ("Rusia", "LOC"),
    ("Pemilu 2024", "EVENT"),
]
OUTLETS = ["KOMPAS.com", "Republika", "Tempo.co", "Antara", "detikNews", "Okezone", "Suara"]
FILTERS = [
    "presiden",
    "banjir jakarta",
    'entity:"Joko Widodo"',
    "outlet:republika",
    "date:2023-01-01..2023-01-31",
    "label:EVENT presiden",
    "-outlet:antara kpu",
]


def articles(count: int, seed: int = 7):
    pool = sentence_pool()
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    for i in range(count):
        body = " ".join(rng.choice(pool) for _ in range(8))
        title = rng.choice(pool)[:90]
        mentions = rng.sample(NAMES, 3)
        text = body + " " + " ".join(name for name, _ in mentions)
        entities = []
        offset = len(body) + 1
        for name, label in mentions:
            entities.append(Entity(offset, offset + len(name), name, label, name))
            offset += len(name) + 1
        article = Article(
            id=f"{i:07d}",
            path=f"/archive/{i // 1000:04d}/{i:07d}.txt",
            text=text,
            title=title,
            outlet=rng.choice(OUTLETS),
            date=(start + dt.timedelta(days=rng.randrange(730))).isoformat(),
        )
        yield AnnotatedArticle(article, Annotation(entities=tuple(entities)))


PROBE = """
import resource, sys, time
t0 = time.perf_counter()
from newsreader.archive import Archive
from newsreader.query import parse
from pathlib import Path
archive = Archive.open(Path(sys.argv[1]))
total = archive.count(parse(""))
page = archive.rows(parse(""), 0, 50)
first = time.perf_counter() - t0
out = [f"first {first:.4f} {total}"]
for source in sys.argv[2:]:
    q = parse(source)
    t = time.perf_counter(); n = archive.count(q); rows = archive.rows(q, 0, 50)
    out.append(f"filter {time.perf_counter() - t:.4f} {n} {source}")
t = time.perf_counter(); archive.article(page[len(page) // 2].path)
out.append(f"open {time.perf_counter() - t:.4f}")
out.append(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
print("\\n".join(out))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="archive file to reuse")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.gettempdir()) / f"bench-archive-{args.count}.sqlite3"
    build = None
    if not path.exists():
        started = time.perf_counter()
        with Archive.open(path, create=True) as archive:
            archive.add(articles(args.count))
        build = time.perf_counter() - started
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), *FILTERS],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    ).stdout.splitlines()
    lines = [
        f"bench_archive, {args.count:,} articles, {dt.date.today()}, load {os.getloadavg()[0]:.1f}",
        "",
        f"build: {'reused' if build is None else f'{build:.1f} s'}; "
        f"size {path.stat().st_size / 1e6:,.0f} MB",
        "",
        "| what | ms | rows |",
        "|---|---|---|",
    ]
    for line in probe:
        kind, *rest = line.split(" ", 2)
        if kind == "first":
            lines.append(f"| open + count + first page | {float(rest[0]) * 1000:.0f} | {rest[1]} |")
        elif kind == "filter":
            seconds, rest2 = rest[0], rest[1].split(" ", 1)
            lines.append(f"| filter `{rest2[1]}` | {float(seconds) * 1000:.0f} | {rest2[0]} |")
        elif kind == "open":
            lines.append(f"| open one article | {float(rest[0]) * 1000:.1f} | |")
        elif kind == "rss":
            lines.append(f"| peak memory of the reading process | {rest[0]} MB | |")
    table = "\n".join(lines) + "\n"
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"bench_archive-{args.count}.md").write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
