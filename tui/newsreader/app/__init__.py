"""The Textual app. Importing this package is cheap: Textual loads only in :func:`run`."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.app.main import NewsReaderApp


def run(
    paths: list[Path],
    *,
    model: str | None = None,
    max_bytes: int | None = None,
    archive: str | None = None,
) -> None:
    """Run the reader on ``paths`` (the bundled seeds when empty) until the user quits.

    Args:
        paths: Files and folders of articles.
        model: An installed spaCy pipeline to use instead of the bundled model.
        max_bytes: Largest file to read; ``None`` uses the loader's default.
        archive: A stored archive to open instead of ``paths``.
    """
    from newsreader.app.main import NewsReaderApp

    app = NewsReaderApp(paths, model=model, max_bytes=max_bytes, archive=archive)
    asyncio.run(_run_then_leave(app))


async def _run_then_leave(app: NewsReaderApp) -> None:
    await app.run_async()
    if app.busy_work:
        # A worker thread is inside model loading or a spaCy batch, which cannot
        # be interrupted, and asyncio would wait for it before returning, holding
        # the shell for seconds after the user quit. The user's state is saved
        # and the store closed on unmount, and the cache writes in transactions,
        # so leave now, taking the annotation processes we started with us.
        for child in multiprocessing.active_children():
            child.terminate()
        os._exit(app.return_code or 0)
