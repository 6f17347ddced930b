"""False positives on real news prose: no sentence of a news corpus is boilerplate.

The idner-news-2k sentences (Indonesian online news, read-only in
../shared/data/ner) are all article body. Put between two body lines, the
cleaner must keep every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsreader.corpus.clean import clean
from newsreader.corpus.sanitize import sanitize

# Undo the corpus's tokenisation where it matters to the rules ("kata , dia").
_SPACE_BEFORE = re.compile(r" ([,.:;!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")


def _sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").replace("\r", "")
    sentences = []
    for block in text.split("\n\n"):
        tokens = [line.split()[0] for line in block.split("\n") if line.strip()]
        if tokens:
            joined = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))
            sentences.append(sanitize(joined))
    return sentences


def test_no_real_news_sentence_is_removed(shared_ner_dir: Path) -> None:
    sentences = _sentences(shared_ner_dir / "idner-news-2k" / "test.txt")
    assert len(sentences) > 400
    removed = []
    for sentence in sentences:
        cleaned = clean(f"Isi berita pertama.\n\n{sentence}\n\nIsi berita terakhir.")
        removed += [(r.kind, r.text) for r in cleaned.removed]
    assert removed == []
