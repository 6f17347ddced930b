"""The installed ``newsreader`` in a real pseudo-terminal, as a user starts it.

A folder of 240 distinct articles with a cold cache is annotated by worker
processes started from the app; the entities must appear on screen. Inside
the app stderr is not a real descriptor, which once broke the pool
("model not available (bad value(s) in fds_to_keep)") and left a large
folder without entities for good.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect", reason="pexpect is part of the test extra")
pyte = pytest.importorskip("pyte", reason="pyte is part of the test extra")

from newsreader.app.label_styles import label_style  # noqa: E402
from newsreader.corpus import load  # noqa: E402
from newsreader.nlp.annotation import LABELS  # noqa: E402

COLUMNS, LINES = 160, 48
ARTICLES = 240


def _newsreader() -> str:
    found = shutil.which("newsreader", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the newsreader command is not installed beside this Python")
    return found


def _write_corpus(seeds_dir: Path, folder: Path) -> None:
    """240 distinct articles: seed texts with their paragraphs turned and a note of their own."""
    # Cleaned seed texts: what cleaning would remove cannot make two files differ.
    seeds = load([seeds_dir]).articles
    for i in range(ARTICLES):
        seed = seeds[i % len(seeds)]
        paragraphs = seed.text.split("\n\n")
        turn = i // len(seeds) % len(paragraphs)
        parts = [*paragraphs[turn:], *paragraphs[:turn]]
        # Every paragraph carries the number: cleaning may drop some of them.
        parts = [f"{part} Laporan ini bagian ke-{i} dari liputan redaksi." for part in parts]
        text = "\n\n".join([seed.title or "Berita", *parts])
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")


def _highlighted(screen: pyte.Screen) -> bool:
    """Whether any cell wears an entity label's background."""
    colours = {label_style(label).bgcolor.triplet.hex[1:].lower() for label in LABELS}
    return any(
        str(cell.bg).lower() in colours for row in screen.buffer.values() for cell in row.values()
    )


def _text(screen: pyte.Screen) -> str:
    return "\n".join(screen.display)


@pytest.mark.slow
def test_a_folder_of_240_articles_gets_entities_in_a_real_terminal(
    seeds_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _write_corpus(seeds_dir, folder)
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    screen = pyte.Screen(COLUMNS, LINES)
    stream = pyte.ByteStream(screen)
    child = pexpect.spawn(
        _newsreader(), [str(folder)], env=env, dimensions=(LINES, COLUMNS), timeout=5
    )
    try:
        deadline = time.monotonic() + 300
        seen = ""
        while time.monotonic() < deadline:
            try:
                stream.feed(child.read_nonblocking(65536, timeout=0.5))
            except pexpect.TIMEOUT:
                pass
            seen = _text(screen)
            assert "not available" not in seen, seen
            assert "unavailable" not in seen, seen
            if "annotated" in seen and _highlighted(screen):
                break
        else:
            pytest.fail(f"no entities on screen after 300 s:\n{seen}")
        assert f"{ARTICLES} articles annotated" in seen
    finally:
        child.sendcontrol("q")
        child.sendline("q")
        child.terminate(force=True)
