"""Speed and memory of compare.build on synthetic corpora built from the NER data.

Run on demand (not collected by the normal test run):

    PYTHONPATH=tui python3 tests/bench/bench_compare.py [--sizes 1000 10000] [--data DIR]

Articles are made from real Indonesian sentences of the NER corpora
(../shared/data/ner), with a fixed random seed: they are grouped into
stories (each story draws its sentences from its own pool, plus a few
unrelated ones), dated around a story date, and carry the corpus's
PER/ORG/LOC tags as entities, so no model is needed. Prints the time and
peak memory of ``build`` per size and the growth factor between sizes.
Targets: 1,000 articles <= 10 s; 10,000 <= 60 s and 2 GB; near-linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from newsreader.compare import build
from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity, Sentence
from newsreader.nlp.train.corpora import CORPORA, entity_spans, read_split

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTICLES_PER_STORY = 20
POOL_PER_STORY = 30
SENTENCES_PER_ARTICLE = 10
UNRELATED_PER_ARTICLE = 2
OUTLETS = [f"Outlet {i}" for i in range(12)] + [None]


def _sentences(data: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every corpus sentence as text plus character-offset entity spans."""
    found = []
    for corpus in CORPORA:
        for split in ("train", "dev", "test"):
            for sentence in read_split(data, corpus, split):
                starts, pos = [], 0
                for word in sentence.words:
                    starts.append(pos)
                    pos += len(word) + 1
                text = " ".join(sentence.words)
                spans = [
                    (starts[s], starts[e - 1] + len(sentence.words[e - 1]), label)
                    for s, e, label in entity_spans(sentence.tags)
                ]
                found.append((text, spans))
    return found


def synthetic_articles(n: int, pool: list, seed: int = 13) -> list[AnnotatedArticle]:
    """``n`` articles in stories of about ARTICLES_PER_STORY, deterministic for a seed."""
    rng = random.Random(seed)
    n_stories = max(1, n // ARTICLES_PER_STORY)
    base = dt.date(2023, 1, 1)
    stories = [
        (rng.sample(range(len(pool)), POOL_PER_STORY), base + dt.timedelta(days=rng.randrange(900)))
        for _ in range(n_stories)
    ]
    items = []
    for i in range(n):
        members, day = stories[i % n_stories]
        picks = rng.sample(members, SENTENCES_PER_ARTICLE - UNRELATED_PER_ARTICLE)
        picks += [rng.randrange(len(pool)) for _ in range(UNRELATED_PER_ARTICLE)]
        rng.shuffle(picks)
        text_parts, sentences, entities, pos = [], [], [], 0
        for k in picks:
            text, spans = pool[k]
            sentences.append(Sentence(pos, pos + len(text)))
            entities += [
                Entity(pos + s, pos + e, text[s:e], label, text[s:e]) for s, e, label in spans
            ]
            text_parts.append(text)
            pos += len(text) + 1
        article = Article(
            id=f"syn_{i:05d}",
            path=f"syn_{i:05d}.txt",
            text=" ".join(text_parts),
            outlet=rng.choice(OUTLETS),
            date=(day + dt.timedelta(days=rng.randrange(4))).isoformat(),
        )
        items.append(AnnotatedArticle(article, Annotation(tuple(entities), tuple(sentences))))
    return items


def _measure(items: list[AnnotatedArticle], trace: bool) -> tuple[float, float, float, int, int]:
    """Wall seconds, CPU seconds, traced peak MB (nan untraced), stories, facts."""
    if trace:
        tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    comparison = build(items)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    peak = float("nan")
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    facts = sum(len(s.facts) for s in comparison.stories)
    return seconds, cpu_seconds, peak, len(comparison.stories), facts


def main() -> int:
    """Build synthetic corpora of each size, time ``build`` and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "ner")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip tracing memory (it slows Python ~2x)"
    )
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"corpora not found at {args.data}", file=sys.stderr)
        return 2
    pool = _sentences(args.data)
    print(f"{len(pool)} corpus sentences")
    previous = None
    for n in args.sizes:
        items = synthetic_articles(n, pool)
        seconds, cpu, peak_mb, stories, facts = _measure(items, not args.no_tracemalloc)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        growth = (
            f", x{cpu / previous[1]:.1f} CPU time for x{n / previous[0]:.0f} articles"
            if previous
            else ""
        )
        print(
            f"{n:>6} articles: {seconds:6.2f} s wall, {cpu:6.2f} s CPU "
            f"({1000 * cpu / n:.1f} ms/article), "
            f"peak traced {peak_mb:,.0f} MB, process max RSS {rss_mb:,.0f} MB, "
            f"{stories} stories, {facts} facts{growth}"
        )
        previous = (n, cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
