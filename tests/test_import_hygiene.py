"""The core never imports Textual, and nothing imports spaCy before it is needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "newsreader.corpus",
    "newsreader.nlp.annotation",
    "newsreader.nlp.annotator",
    "newsreader.compare",
    "newsreader.store",
    "newsreader.export",
    "newsreader.analysis",
    "newsreader.commands.entities",
    "newsreader.query",
    "newsreader.export_items",
]


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_never_imports_textual(module: str) -> None:
    loaded = _modules_after_import(module)
    assert module in loaded
    assert not any(name == "textual" or name.startswith("textual.") for name in loaded)


@pytest.mark.parametrize("module", ["newsreader.cli", "newsreader.app", *CORE])
def test_spacy_is_imported_lazily(module: str) -> None:
    loaded = _modules_after_import(module)
    assert "spacy" not in loaded, f"importing {module} pulled in spaCy"
