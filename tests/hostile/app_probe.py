"""Look at what the app would put on the terminal, and record what it told the user."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from hostile_run import UNSAFE_CHARS
from textual.strip import Strip

from newsreader.app.main import NewsReaderApp


class NotingApp(NewsReaderApp):
    """The real app, keeping every notification it shows (to check what the user was told)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def notify(self, message, **kwargs) -> None:  # type: ignore[override]
        self.notes.append(str(message))
        super().notify(message, **kwargs)


def frame(app: NewsReaderApp) -> list[Strip]:
    """The whole current screen as the compositor would send it (toasts included)."""
    return app.screen._compositor.render_strips()


def frame_text(app: NewsReaderApp) -> str:
    return "\n".join("".join(segment.text for segment in strip) for strip in frame(app))


def assert_frame_inert(app: NewsReaderApp) -> str:
    """No control character on screen and no link or click action made from content.

    Textual draws its own colours as escape sequences around the segments;
    the segments' *text* is what came from data, and it must be plain.

    Returns:
        The screen text, for further checks.
    """
    strips = frame(app)
    text = "\n".join("".join(segment.text for segment in strip) for strip in strips)
    found = UNSAFE_CHARS.search(text)
    assert found is None, (
        f"U+{ord(found.group()):04X} on screen near {text[found.start() - 40 : found.start()]!r}"
    )
    for strip in strips:
        for segment in strip:
            style = segment.style
            if style is None:
                continue
            assert not style.link, f"link {style.link!r} on {segment.text!r}"
            assert "@click" not in style.meta, f"action {style.meta!r} on {segment.text!r}"
    assert "pwned" not in text and "evil.example" not in text
    assert "pwned" not in (app.title or "") + (app.sub_title or "")
    return text


async def wait_until(
    pilot, condition: Callable[[], bool], *, timeout: float = 300.0, what: str = "condition"
) -> None:
    """Let the app run until ``condition()`` holds (workers post results in their own time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)
        await asyncio.sleep(0)
