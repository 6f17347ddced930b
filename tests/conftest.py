"""Project-wide test set-up: every test starts with an empty data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"
SHARED_NER = REPO_ROOT.parent / "shared" / "data" / "ner"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point platformdirs at a fresh folder so no test reads or writes real user state."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(base / "state"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def shared_ner_dir() -> Path:
    if not SHARED_NER.is_dir():
        pytest.skip(f"NER corpora not found at {SHARED_NER} (../shared/data/ner beside the repo)")
    return SHARED_NER
