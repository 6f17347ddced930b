"""Fixtures for the store tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_samples import SEEDS, seed_article

from newsreader.corpus.article import Article


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    return [seed_article(path) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "newsreader.sqlite3"


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="newsreader-store-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)
