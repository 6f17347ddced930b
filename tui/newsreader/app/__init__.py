"""The Textual app. Importing this package is cheap: Textual loads only in :func:`run`."""

from __future__ import annotations

from pathlib import Path


def run(paths: list[Path], *, model: str | None = None, max_bytes: int | None = None) -> None:
    """Run the reader on ``paths`` (the bundled seeds when empty) until the user quits.

    Args:
        paths: Files and folders of articles.
        model: An installed spaCy pipeline to use instead of the bundled model.
        max_bytes: Largest file to read; ``None`` uses the loader's default.
    """
    from newsreader.app.main import NewsReaderApp

    NewsReaderApp(paths, model=model, max_bytes=max_bytes).run()
