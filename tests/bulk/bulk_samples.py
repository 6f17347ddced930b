"""Helpers for the bulk annotation tests: folders of distinct articles, stores, the CLI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newsreader.corpus import load
from newsreader.nlp.annotation import Annotation
from newsreader.nlp.annotator import Annotator
from newsreader.store import Store


def write_articles(seeds_dir: Path, folder: Path, count: int) -> Path:
    """``count`` distinct articles: seed texts, paragraphs turned, a note of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    # Cleaned seed texts: what cleaning would remove cannot make two files differ.
    seeds = load([seeds_dir]).articles
    for i in range(count):
        seed = seeds[i % len(seeds)]
        paragraphs = seed.text.split("\n\n")
        turn = i // len(seeds) % len(paragraphs)
        parts = [*paragraphs[turn:], *paragraphs[:turn]]
        # Every paragraph carries the number: cleaning may drop some of them.
        parts = [f"{part} Laporan ini bagian ke-{i} dari liputan redaksi." for part in parts]
        text = "\n\n".join([seed.title or "Berita", *parts])
        (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def stored(folder: Path, db: Path) -> dict[str, Annotation]:
    """Every annotation the store at ``db`` holds for the articles of ``folder``."""
    hashes = [article.content_hash for article in load([folder]).articles]
    with Store.open(db) as store:
        return store.get_annotations(hashes, Annotator().info.cache_key)


def cli_env(xdg: Path) -> dict[str, str]:
    return {
        **os.environ,
        "XDG_DATA_HOME": str(xdg / "data"),
        "XDG_CACHE_HOME": str(xdg / "cache"),
        "XDG_CONFIG_HOME": str(xdg / "config"),
        "XDG_STATE_HOME": str(xdg / "state"),
    }


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsreader.cli", *args]


def db_path(xdg: Path) -> Path:
    return xdg / "data" / "newsreader" / "newsreader.sqlite3"
