"""Throughput of the full Annotator (NER, repairs, rules, sentences, canonical names).

Run on demand (tests/bench is not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_annotation.py [--data DIR] [--repeat N] [--quality]

The idner-news-2k sentences (train, dev and test) are detokenised and
joined into articles of five paragraphs of four sentences, so the text
looks like what the reader annotates. Prints words per second for one and
for two processes; the target is >= 10,000 words/s in one process. With
--quality it also scores PER/ORG/LOC on the idner test split for the model
alone and for the whole Annotator (repairs and rules included).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from newsreader.nlp.annotator import Annotator

REPO_ROOT = Path(__file__).resolve().parents[2]
_NO_SPACE_BEFORE = re.compile(r" ([,.!?;:%)\]”’])")
_NO_SPACE_AFTER = re.compile(r"([(\[“‘]) ")


def read_tagged(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a ``token POS TAG`` file as (tokens, BIO tags)."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split()
        if not parts:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        sentences.append((words, tags))
    return sentences


def read_sentences(path: Path) -> list[list[str]]:
    """Sentences of a ``token POS TAG`` file as lists of tokens."""
    return [words for words, _ in read_tagged(path)]


def gold_spans(words: list[str], tags: list[str]) -> set[tuple[int, int, str]]:
    """Gold entities as character spans into ``" ".join(words)``."""
    spans: set[tuple[int, int, str]] = set()
    current: list[int | str] | None = None
    position = 0
    for word, tag in zip(words, tags, strict=True):
        start, end = position, position + len(word)
        position = end + 1
        inside = tag.startswith("I-") and current is not None and current[2] == tag[2:]
        if inside and current is not None:
            current[1] = end
            continue
        if current is not None:
            spans.add((int(current[0]), int(current[1]), str(current[2])))
            current = None
        if tag[:2] in ("B-", "I-"):
            current = [start, end, tag[2:]]
    if current is not None:
        spans.add((int(current[0]), int(current[1]), str(current[2])))
    return spans


def f1_by_label(
    gold: list[set[tuple[int, int, str]]], found: list[set[tuple[int, int, str]]]
) -> str:
    """Exact-span P/R/F1 for PER, ORG, LOC and all three, as one line."""
    parts = []
    for label in ("PER", "ORG", "LOC", "ALL"):
        tp = fp = fn = 0
        for expected, predicted in zip(gold, found, strict=True):
            want = {s for s in expected if label in ("ALL", s[2])}
            got = {s for s in predicted if s[2] in ("PER", "ORG", "LOC") and label in ("ALL", s[2])}
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        parts.append(f"{label} P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    return "; ".join(parts)


def quality(annotator: Annotator, corpus: Path) -> None:
    """Does the rest of the Annotator (repairs, rules) help the model on idner test?"""
    sentences = read_tagged(corpus / "test.txt")
    texts = [" ".join(words) for words, _ in sentences]
    gold = [gold_spans(words, tags) for words, tags in sentences]
    nlp = annotator.load()
    with nlp.select_pipes(disable=["newsreader_rules"]):
        alone = [
            {(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in nlp.pipe(texts)
        ]
    full = [{(e.start, e.end, e.label) for e in a.entities} for a in annotator.annotate_many(texts)]
    print(f"idner test, model alone: {f1_by_label(gold, alone)}")
    print(f"idner test, annotator:   {f1_by_label(gold, full)}")


def detokenise(words: list[str]) -> str:
    """Join tokens the way the sentence was written: no space before a comma."""
    text = " ".join(words)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def articles(sentences: list[list[str]], per_paragraph: int = 4, paragraphs: int = 5) -> list[str]:
    """Group sentences into article texts with blank lines between paragraphs."""
    lines = [detokenise(words) for words in sentences]
    paras = [" ".join(lines[i : i + per_paragraph]) for i in range(0, len(lines), per_paragraph)]
    return ["\n\n".join(paras[i : i + paragraphs]) for i in range(0, len(paras), paragraphs)]


def main() -> int:
    """Time the Annotator over the idner-news-2k text and print words per second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--quality", action="store_true", help="also score PER/ORG/LOC")
    args = parser.parse_args()
    corpus = args.data / "idner-news-2k"
    if not corpus.is_dir():
        print(f"skipped: idner-news-2k not found at {corpus} (../shared/data/ner)", file=sys.stderr)
        return 0
    sentences = [
        s for split in ("train", "dev", "test") for s in read_sentences(corpus / f"{split}.txt")
    ]
    texts = articles(sentences)
    words = sum(len(text.split()) for text in texts)

    annotator = Annotator()
    started = time.perf_counter()
    annotator.load()
    print(
        f"model {annotator.info.name} {annotator.info.version}, "
        f"loaded in {time.perf_counter() - started:.2f} s"
    )
    print(f"{words:,} words in {len(texts)} articles")
    list(annotator.annotate_many(texts[:10]))  # warm-up: first calls allocate
    if args.quality:
        quality(annotator, corpus)
    nlp = annotator.load()
    if "newsreader_rules" in nlp.pipe_names:
        # The same texts through the model alone: what the rest of the Annotator costs.
        with nlp.select_pipes(disable=["newsreader_rules"]):
            best = best_cpu = float("inf")
            for _ in range(args.repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                list(nlp.pipe(texts, batch_size=32))
                best = min(best, time.perf_counter() - started)
                best_cpu = min(best_cpu, time.process_time() - started_cpu)
        print(
            f"model alone, one process: {best:.2f} s = {words / best:,.0f} words/s, "
            f"{words / best_cpu:,.0f} words per CPU-second"
        )
    for processes in args.processes:
        best = best_cpu = float("inf")
        entities = 0
        for _ in range(args.repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            results = list(annotator.annotate_many(texts, n_process=processes))
            best = min(best, time.perf_counter() - started)
            best_cpu = min(best_cpu, time.process_time() - started_cpu)
            entities = sum(len(result.entities) for result in results)
        # CPU time of this process says what the work costs when the machine
        # is shared; with workers it only counts the parent's share.
        cpu = f", {words / best_cpu:,.0f} words per CPU-second" if processes == 1 else ""
        print(
            f"n_process={processes}: best of {args.repeat} {best:.2f} s = "
            f"{words / best:,.0f} words/s{cpu} ({entities:,} entities)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
