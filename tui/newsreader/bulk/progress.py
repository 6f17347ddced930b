"""Progress of a bulk run in words: articles done, words per second, time left."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    """Counts a run's articles and words and draws one status line on ``stream``.

    On a terminal the line is redrawn in place; elsewhere (a log, CI) a line
    is printed at most every ``every`` seconds, so logs stay short.
    """

    total: int
    stream: TextIO | None = None
    every: float = 5.0
    done: int = 0
    words: int = 0
    started: float = field(default_factory=time.monotonic)
    _last: float = 0.0
    _shown: int = -1

    def add(self, articles: int, words: int) -> None:
        self.done += articles
        self.words += words
        self.draw()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        elapsed = self.seconds
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        eta = _clock(left) if left is not None else "--:--"
        return (
            f"[{bar}] {self.done:,}/{self.total:,} articles, "
            f"{self.words_per_second:,.0f} words/s, {eta} left"
        )

    def draw(self, final: bool = False) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        tty = self.stream.isatty()
        if not final and not tty and now - self._last < self.every:
            return
        if final and not tty and self._shown == self.done:
            return
        self._last, self._shown = now, self.done
        end = "\n" if final or not tty else ""
        self.stream.write(("\r" if tty else "") + self.line() + end)
        self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
