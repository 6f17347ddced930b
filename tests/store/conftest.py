"""Fixtures for the store tests."""

from __future__ import annotations

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
