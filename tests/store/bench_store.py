"""Warm open of a 10,000-article store: state, annotations and read articles.

Run on demand (pytest does not collect it):
    PYTHONPATH=tui python3 tests/store/bench_store.py [N]

The annotations have the density the real model gives the seeds (about
80 entities and 30 sentences an article); the articles carry a seed's text.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Annotation, Entity, Sentence
from newsreader.store import ArticleKey, FileKey, Store

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_fc9175edbb7cee1d.txt"
NAMES = ["Kim Jong-un", "Vladimir Putin", "Rusia", "Korea Utara", "Vostochny", "Selasa (12/9/2023)"]
LABELS = ("PER", "LOC", "DATE")
T = TypeVar("T")


def _annotation(i: int) -> Annotation:
    entities = tuple(
        Entity(j * 40, j * 40 + 10, NAMES[(i + j) % 6], LABELS[j % 3], NAMES[(i + j) % 6])
        for j in range(80)
    )
    return Annotation(entities, tuple(Sentence(j * 110, j * 110 + 109) for j in range(30)))


def _timed(label: str, work: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(
        f"{label}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s cpu"
    )
    return result


def _warm_open(
    db: Path, keys: list[ArticleKey], hashes: list[str], files: list[FileKey], read_every: int
) -> None:
    n = len(keys)
    store = _timed("open", lambda: Store.open(db))
    states = _timed(f"get_states({n})", lambda: store.get_states(keys))
    found = _timed(f"get_annotations({n})", lambda: store.get_annotations(hashes, "m@1"))
    read = _timed(f"get_articles({n})", lambda: store.get_articles(files, "r1"))
    store.close()
    assert len(found) == n and len(read) == n
    assert sum(state.read for state in states.values()) == len(keys[::read_every])


def main(n: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    db = Path(tempfile.mkdtemp()) / "newsreader.sqlite3"
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n)]
    keys = [ArticleKey(f"/corpus/{i}.txt", h) for i, h in enumerate(hashes)]
    files = [FileKey(f"/corpus/{i}.txt", len(text), 1_700_000_000 * 10**9 + i) for i in range(n)]
    with Store.open(db) as store:
        _timed(
            f"put_annotations({n})",
            lambda: store.put_annotations(
                ((h, _annotation(i)) for i, h in enumerate(hashes)), "m@1"
            ),
        )
        articles = (
            (key, Article(id=str(i), path=key.path, text=text, title="Judul", outlet="Republika",
                          removed=(RemovedLine("Baca Juga", "related", 10),)))
            for i, key in enumerate(files)
        )  # fmt: skip
        _timed(f"put_articles({n})", lambda: store.put_articles(articles, "r1"))
        for key in keys[::7]:
            store.mark_read(key)
    print(f"file: {db.stat().st_size / 1e6:.0f} MB")
    for _ in range(2):
        _warm_open(db, keys, hashes, files, read_every=7)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
