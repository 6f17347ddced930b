"""The nlp modules compare and the app import must not pull in spaCy (or Babel) early."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "newsreader.nlp.sentences",
        "newsreader.nlp.normalize",
        "newsreader.nlp.canonical",
        "newsreader.nlp.rules",
        "newsreader.nlp.pipeline",
        "newsreader.nlp.annotator",
    ],
)
def test_importing_does_not_load_spacy_or_babel(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(' '.join(m for m in ('spacy', 'babel', 'textual') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
