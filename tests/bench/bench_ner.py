"""Throughput of the committed NER model on the idner-news-2k test text.

Run on demand (not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_ner.py [--data DIR] [--repeat N]

Prints words per second in one process; the target is >= 10,000.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsreader.nlp.model_loader import load_ner_model
from newsreader.nlp.train.corpora import read_split

REPO_ROOT = Path(__file__).resolve().parents[2]


def _paragraphs(sentences: list[tuple[str, ...]], per_paragraph: int = 4) -> list[str]:
    # Articles arrive as paragraphs of a few sentences, not one sentence at a time.
    return [
        " ".join(" ".join(words) for words in sentences[i : i + per_paragraph])
        for i in range(0, len(sentences), per_paragraph)
    ]


def main() -> int:
    """Time the model over the idner test text and print words per second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"corpora not found at {args.data}", file=sys.stderr)
        return 2
    sentences = [s.words for s in read_split(args.data, "idner", "test")]
    texts = _paragraphs(sentences)
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    nlp = load_ner_model()
    load_seconds = time.perf_counter() - started
    list(nlp.pipe(texts[:20]))  # warm-up: first calls allocate
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - started)
    print(f"model {nlp.meta['name']} {nlp.meta['version']}, loaded in {load_seconds:.2f} s")
    print(f"{words} words, {len(texts)} texts, {entities} entities")
    print(f"best of {args.repeat}: {best:.2f} s = {words / best:,.0f} words/s (one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
