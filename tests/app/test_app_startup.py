"""The list paints before spaCy is imported; annotation then runs in a worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "tui"

PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from newsreader.app.main import NewsReaderApp
    from newsreader.app.widgets import list as list_widget
    from newsreader.resources import seeds_dir

    seen = {}
    original = list_widget.ArticleList.render_line

    def probe(self, y):
        # The first time a row with an article is painted, note whether spaCy is loaded.
        if self.rows and "first_paint" not in seen:
            seen["first_paint"] = "spacy" in sys.modules
        return original(self, y)

    list_widget.ArticleList.render_line = probe

    async def main():
        app = NewsReaderApp([seeds_dir()], use_store=False)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(600):
                await pilot.pause(0.1)
                if app.library.annotated or "failed" in str(app.query_one("#status").render()):
                    break
            seen["annotated"] = app.library.annotated
            seen["status"] = str(app.query_one("#status").render())
            seen["after"] = "spacy" in sys.modules
            seen["rows"] = len(app.article_list.rows)

    asyncio.run(main())
    print(json.dumps(seen))
    """
)


@pytest.mark.slow
def test_list_paints_before_spacy_is_imported() -> None:
    # A subprocess: other tests in this session may already have imported spaCy.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(TUI)},
        timeout=300,
        check=True,
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["rows"] == 5
    assert seen["first_paint"] is False
    # The probe can fail: once annotation has run, spaCy is loaded.
    if seen["annotated"]:
        assert seen["after"] is True
    else:
        assert "model not available" in seen["status"]
