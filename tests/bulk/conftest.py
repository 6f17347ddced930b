"""Fixtures for the bulk annotation tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from bulk_samples import write_articles


@pytest.fixture
def make_articles(seeds_dir: Path, tmp_path: Path) -> Callable[[int], Path]:
    def make(count: int) -> Path:
        return write_articles(seeds_dir, tmp_path / f"articles-{count}", count)

    return make
