"""App test set-up: clean user folders, and an app built on the hand-annotated samples."""

from __future__ import annotations

import asyncio
import inspect
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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests (pilot tests) in a fresh event loop.

    Textual's pilot needs only asyncio; this saves depending on an async
    pytest plugin the project does not otherwise need.
    """
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True
