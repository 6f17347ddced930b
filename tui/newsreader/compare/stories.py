"""Grouping articles into stories by shared entities, distinctive words and time.

Each article becomes a TF-IDF vector over its content stems and canonical
entities, with IDF taken over the compared articles so that what every
story mentions (a country, a president) weighs little. Articles link when
their vectors are similar enough, strongest links first, as long as the
dates of the story they form (publication date, else the latest full date
the text names) stay within a few days; linked articles form a story.
Candidates come from an inverted index over each article's most
distinctive features with a bounded look-back, so the cost grows linearly.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import itemgetter

from newsreader.compare.dates import full_date
from newsreader.compare.units import Unit
from newsreader.compare.vectors import Vector, cosine, normalised
from newsreader.nlp.normalize import NormalizedDate

# Two articles are one story above this cosine similarity...
STORY_THRESHOLD = 0.20
# ...if the dates of the whole story stay within this many days (articles
# of unknown date do not count).
MAX_DAYS_APART = 10
ENTITY_WEIGHT = 2.0
# IDF is taken as if this many unrelated articles were also in the folder: in
# a folder of one story every article shares its words, and plain IDF would
# weigh exactly those down (a large folder is unaffected).
BACKGROUND = 20
# Features an article probes and is indexed under, and earlier articles read per probe.
PROBES = 8
INDEXED = 40
WINDOW = 12
# Articles are compared on their heaviest features only: the tail of rare
# one-off words adds cost, not evidence of a shared story.
KEPT = 60


def article_vector(units: Sequence[Unit]) -> Counter[str]:
    """Raw feature counts of one article: content stems and "@entity" names."""
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.stems)
        counts.update("@" + e for e in unit.entities)
    return counts


def article_time(date: str | None, units: Sequence[Unit]) -> dt.date | None:
    """When an article happened: its publication date, else the latest full date it names."""
    if date:
        try:
            return dt.date.fromisoformat(date[:10])
        except ValueError:
            pass
    latest: dt.date | None = None
    for unit in units:
        for value in unit.values:
            day = full_date(value.payload) if isinstance(value.payload, NormalizedDate) else None
            if day is not None and (latest is None or day > latest):
                latest = day
    return latest


def group_articles(
    counts: Sequence[Counter[str]], times: Sequence[dt.date | None]
) -> list[list[int]]:
    """Stories as lists of article indices.

    Args:
        counts: Feature counts per article (``article_vector``).
        times: Each article's date (``article_time``), or None.

    Returns:
        Groups of article indices, each in input order; an article with
        little in common with any other is a story of its own.
    """
    n = len(counts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vectors = [_weigh(c, df, n) for c in counts]

    links: list[tuple[float, int, int]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for j, vec in enumerate(vectors):
        # Only features another article has can link: the heaviest of those.
        ranked = sorted((f for f in vec if df[f] >= 2), key=lambda f: (-vec[f], f))
        seen: set[int] = set()
        for f in ranked[:PROBES]:
            for i in postings.get(f, [])[-WINDOW:]:
                if i not in seen:
                    seen.add(i)
                    similarity = cosine(vec, vectors[i])
                    if similarity >= STORY_THRESHOLD:
                        links.append((similarity, i, j))
        for f in ranked[:INDEXED]:
            postings[f].append(j)
    links.sort(key=lambda t: (-t[0], t[1], t[2]))

    # Strongest links first; a link is taken only if the two groups together
    # still span at most MAX_DAYS_APART, so an undated article cannot bridge
    # the same leaders' meetings four years apart into one story.
    parent = list(range(n))
    span: dict[int, tuple[dt.date, dt.date] | None] = {
        i: (t, t) if t is not None else None for i, t in enumerate(times)
    }

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in links:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        joined = _join_spans(span[ri], span[rj])
        if joined is not None and (joined[1] - joined[0]).days > MAX_DAYS_APART:
            continue
        parent[rj] = ri
        span[ri] = joined
        span.pop(rj)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _join_spans(
    a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _weigh(counts: Counter[str], df: Counter[str], n: int) -> Vector:
    vec = {}
    for f, c in counts.items():
        idf = math.log((n + BACKGROUND + 1) / (df[f] + 1)) + 1.0
        vec[f] = (1.0 + math.log(c)) * idf * (ENTITY_WEIGHT if f[0] == "@" else 1.0)
    if len(vec) > KEPT:
        vec = dict(heapq.nlargest(KEPT, vec.items(), key=itemgetter(1)))
    return normalised(vec)
