"""App test set-up: clean user folders, and an app built on the hand-annotated samples."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from app_samples import annotated, articles, comparison_json

from newsreader.app.main import NewsReaderApp
from newsreader.app.messages import ComparisonBuilt


@pytest.fixture(autouse=True)
def _clean_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every app test starts with no database, cache or saved position."""
    base = tmp_path_factory.mktemp("app-xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))


class SampleApp(NewsReaderApp):
    """The app on the samples, pre-annotated, with a fixed comparison (no workers racing)."""

    def __init__(self, *, with_comparison: bool = True, use_store: bool = True) -> None:
        super().__init__(articles=articles(), annotated=annotated(), use_store=use_store)
        self.with_comparison = with_comparison

    def compare_corpus(self, annotated):  # type: ignore[override]
        # The real comparison is compare's job; the pane is tested on a known one.
        if self.with_comparison:
            self.post_message(ComparisonBuilt(None, comparison_json()))


@pytest.fixture
def make_app() -> Callable[..., SampleApp]:
    return SampleApp


@pytest.fixture
def anyio_backend() -> str:
    # Pilot tests are async; anyio's pytest plugin runs them on asyncio only.
    return "asyncio"
