"""Realistic article files for the benchmarks, built from the NER corpora's sentences.

Run on demand, or imported by the other benches:

    PYTHONPATH=tui python3 tests/bench/synth.py OUT_DIR --count 10000 [--seed 7]

Each file looks like a saved news page: a date line ("Rabu 13 Sep 2023
07:09 WIB"), a title, an "OUTLET.COM, CITY --" lede, paragraphs of three
to five sentences, and the boilerplate cleaning must remove ("Baca Juga:
...", "Advertisement", "Foto: ...", a staff credit). Articles are spread
over stories: each story draws most sentences from its own pool of corpus
sentences, has its own date and city, and is told by several outlets, so
the comparison finds shared facts as it would in a real archive. Sentences
come from the cased corpora (idner-news-2k and nergrit; nerp is all lower
case), detokenised ("kata , ujar" -> "kata, ujar"). Everything is drawn
from one ``random.Random(seed)``: the same arguments give the same bytes.
Each file's mtime is its publication time, as for a downloaded archive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import re
import sys
import tempfile
from pathlib import Path

from bench_annotation import detokenise

from newsreader.nlp.train.corpora import SPLITS, read_split

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ner"
CASED_CORPORA = ("idner", "nergrit")

# Fictional outlets and real Indonesian cities: the generator must not lean
# on any name the seed articles use.
OUTLETS = [
    "KABARNUSA.COM",
    "WARTAHARIAN.CO.ID",
    "BERITASATU-RAYA.COM",
    "SUARAKITA.ID",
    "INFOPUBLIK.NET",
    "NUSAPOS.COM",
    "JURNALTIMUR.CO.ID",
    "KORANPAGI.ID",
]
CITIES = ["JAKARTA", "SURABAYA", "BANDUNG", "MEDAN", "MAKASSAR", "SEMARANG", "DENPASAR", "PADANG"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
EDITORS = ["Andi Pratama", "Sri Wahyuni", "Budi Santoso", "Dewi Lestari", "Rina Marlina"]
# The corpora space straight quotes like tokens: ' " What is it " '.
_QUOTED = re.compile(r'"\s*([^"]*?)\s*"')
ARTICLES_PER_STORY = (4, 16)
POOL_PER_STORY = 40
PARAGRAPHS = (3, 6)
SENTENCES_PER_PARAGRAPH = (3, 5)


@functools.cache
def sentence_pool(data: Path = DEFAULT_DATA) -> tuple[str, ...]:
    """Every sentence of the cased corpora, detokenised, long enough to read as prose."""
    found: list[str] = []
    for corpus in CASED_CORPORA:
        for split in SPLITS:
            for sentence in read_split(data, corpus, split):
                if len(sentence.words) >= 6:
                    found.append(_QUOTED.sub(r'"\1"', detokenise(list(sentence.words))))
    if not found:
        raise FileNotFoundError(f"no corpus sentences under {data}")
    return tuple(found)


def _dateline(moment: dt.datetime) -> str:
    weekday = WEEKDAYS[moment.weekday()]
    return f"{weekday} {moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M} WIB"


def _title(sentence: str) -> str:
    title = " ".join(sentence.split()[:10])
    if title.count('"') % 2:
        title = title.replace('"', "")  # cut inside a quotation
    return title.strip(" .,;:'()")


def _article_text(
    rng: random.Random, pool: tuple[str, ...], story: dict, moment: dt.datetime
) -> str:
    members: list[int] = story["members"]
    outlet = rng.choice(OUTLETS)
    counts = [rng.randint(*SENTENCES_PER_PARAGRAPH) for _ in range(rng.randint(*PARAGRAPHS))]
    # Mostly the story's own sentences, each once; now and then an unrelated one.
    own = iter(rng.sample(members, min(sum(counts), len(members))))
    paragraphs = [
        [pool[next(own)] if rng.random() < 0.85 else rng.choice(pool) for _ in range(count)]
        for count in counts
    ]
    lines = [_dateline(moment), "", _title(pool[members[0]]), ""]
    if rng.random() < 0.4:
        lines += [f"Foto: {outlet.split('.')[0].title()}/{rng.choice(EDITORS)}", ""]
    paragraphs[0][0] = f"{outlet}, {story['city']} -- {paragraphs[0][0]}"
    for index, sentences in enumerate(paragraphs):
        lines += [" ".join(sentences), ""]
        if index == 0 and rng.random() < 0.6:
            lines += ["Baca Juga: " + _title(rng.choice(pool)), ""]
        elif rng.random() < 0.25:
            lines += ["Advertisement", ""]
    if rng.random() < 0.5:
        lines += [f"Editor: {rng.choice(EDITORS)}", ""]
    return "\n".join(lines)


def write_corpus(
    folder: Path, count: int, *, seed: int = 7, data: Path = DEFAULT_DATA
) -> list[Path]:
    """Write ``count`` article files into ``folder`` (created if needed).

    Args:
        folder: Where to write; existing files of the same names are replaced.
        count: Number of articles.
        seed: Random seed; the same seed and count give the same files.
        data: The NER corpora folder (``../shared/data/ner``).

    Returns:
        The paths written, in order.
    """
    pool = sentence_pool(data)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    base = dt.datetime(2022, 1, 1, 6, 0)
    paths: list[Path] = []
    story_index = 0
    while len(paths) < count:
        story = {
            "members": rng.sample(range(len(pool)), POOL_PER_STORY),
            "city": rng.choice(CITIES),
        }
        start = base + dt.timedelta(days=rng.randrange(700), minutes=rng.randrange(600))
        for _ in range(min(rng.randint(*ARTICLES_PER_STORY), count - len(paths))):
            moment = start + dt.timedelta(minutes=rng.randrange(3 * 24 * 60))
            path = folder / f"{len(paths):05d}_s{story_index:04d}.txt"
            path.write_text(_article_text(rng, pool, story, moment), encoding="utf-8")
            stamp = int(moment.timestamp() * 1e9)
            os.utime(path, ns=(stamp, stamp))
            paths.append(path)
        story_index += 1
    return paths


def ensure_corpus(count: int, *, seed: int = 7, root: Path | None = None) -> Path:
    """A folder of ``count`` synthetic articles, written once and reused by later runs.

    Args:
        count: Number of articles.
        seed: Random seed.
        root: Parent folder; default ``$TMPDIR/newsreader-bench``.

    Returns:
        The folder (complete: a marker is written only after the last file).
    """
    base = root or Path(tempfile.gettempdir()) / "newsreader-bench"
    folder = base / f"synth-{count}-seed{seed}"
    marker = folder / ".complete"
    if not marker.exists():
        write_corpus(folder, count, seed=seed)
        marker.write_text("done\n", encoding="utf-8")
    return folder


def main() -> int:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, seed=args.seed, data=args.data)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
