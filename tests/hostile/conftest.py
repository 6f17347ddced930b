"""Fixtures for the whole-product hostile-input tests: the corpus, built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from badcorpus import BadCorpus, build_bad_corpus


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> BadCorpus:
    """Every kind of bad input in one folder (about 52 MB, written in well under a second)."""
    return build_bad_corpus(tmp_path_factory.mktemp("bad-corpus"))


@pytest.fixture(scope="module")
def module_xdg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """User folders shared by one module's CLI runs, so later runs hit the annotation cache."""
    return tmp_path_factory.mktemp("hostile-xdg")


@pytest.fixture
def anyio_backend() -> str:
    # Pilot tests are async; anyio's pytest plugin runs them on asyncio only.
    return "asyncio"
