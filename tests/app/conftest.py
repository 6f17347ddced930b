"""App test set-up: clean user folders, and an app built on the hand-annotated samples."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from app_samples import SampleApp


@pytest.fixture(autouse=True)
def _clean_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every app test starts with no database, cache or saved position."""
    base = tmp_path_factory.mktemp("app-xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))


@pytest.fixture
def make_app() -> Callable[..., SampleApp]:
    return SampleApp


@pytest.fixture
def anyio_backend() -> str:
    # Pilot tests are async; anyio's pytest plugin runs them on asyncio only.
    return "asyncio"
