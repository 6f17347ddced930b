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
