"""Real articles and annotations built from the seeds, for the store tests."""

from __future__ import annotations

import re
from pathlib import Path

from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Annotation, Entity, Sentence

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_article(path: Path) -> Article:
    """A seed file as an Article, without depending on the corpus reader."""
    raw = path.read_text(encoding="utf-8")
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    return Article(
        id=path.stem,
        path=str(path),
        text="\n\n".join(paragraphs[1:]),
        title=paragraphs[0][:120],
        removed=(RemovedLine("Baca Juga", "related", 0),),
    )


def capitalised_annotation(text: str) -> Annotation:
    """Capitalised word runs as entities and full stops as sentence ends: real offsets."""
    entities = tuple(
        Entity(m.start(), m.end(), m.group(), "PER" if " " in m.group() else "LOC", m.group())
        for m in re.finditer(r"[A-Z][\w-]+(?: [A-Z][\w-]+)*", text)
    )
    sentences: list[Sentence] = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s|$)", text):
        sentences.append(Sentence(start, m.end()))
        start = m.end() + 1
    return Annotation(entities, tuple(sentences))


TUI = Path(__file__).resolve().parents[2] / "tui"


def run_unprivileged(code: str, *args: str, shared: Path) -> str:
    """Run Python ``code`` as user nobody (root writes anywhere, so permissions need this).

    Root's interpreter cannot read its own site-packages once privileges are
    dropped, so the one third-party package the store needs (platformdirs,
    pure Python) is copied into ``shared``, a folder nobody can read.

    Returns:
        The child's stdout. Skips the test when it cannot drop privileges.
    """
    import os
    import shutil
    import subprocess
    import sys

    import platformdirs
    import pytest

    command = [sys.executable, "-c", code, *args]
    site = shared / "site"
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        if not site.exists():
            shutil.copytree(Path(platformdirs.__file__).parent, site / "platformdirs")
            for path in [site, *site.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
    pythonpath = os.pathsep.join([str(TUI), str(site)])
    env = {"PYTHONPATH": pythonpath, "PATH": os.environ.get("PATH", ""), "HOME": "/nonexistent"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout
