"""Grouping articles into stories by shared entities, distinctive words and time.

Each article becomes a TF-IDF vector over its content stems and canonical
entities, with IDF taken over the compared articles so that what every
story mentions (a country, a president) weighs little. Articles link when
their vectors are similar enough and their times (publication date, else
the latest full date the text names) lie close; linked articles form a
story. Candidates come from an inverted index over each article's most
distinctive features with a bounded look-back, so the cost grows linearly.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsreader.compare.dates import full_date
from newsreader.compare.units import Unit
from newsreader.nlp.normalize import NormalizedDate

# Two articles are one story above this cosine similarity...
STORY_THRESHOLD = 0.20
# ...if their dates are at most this far apart (unknown dates do not block).
MAX_DAYS_APART = 10
ENTITY_WEIGHT = 2.0
# Features an article probes and is indexed under, and earlier articles read per probe.
PROBES = 12
INDEXED = 40
WINDOW = 24

Vector = dict[str, float]


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

    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    postings: dict[str, list[int]] = defaultdict(list)
    for j, vec in enumerate(vectors):
        ranked = sorted(vec, key=lambda f: (-vec[f], f))
        seen: set[int] = set()
        for f in ranked[:PROBES]:
            for i in postings.get(f, [])[-WINDOW:]:
                if i in seen:
                    continue
                seen.add(i)
                if _close_in_time(times[i], times[j]) and _cosine(vec, vectors[i]) >= (
                    STORY_THRESHOLD
                ):
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[rj] = ri
        for f in ranked[:INDEXED]:
            postings[f].append(j)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _weigh(counts: Counter[str], df: Counter[str], n: int) -> Vector:
    vec = {}
    for f, c in counts.items():
        idf = math.log((n + 1) / (df[f] + 1)) + 1.0
        vec[f] = (1.0 + math.log(c)) * idf * (ENTITY_WEIGHT if f[0] == "@" else 1.0)
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {f: w / norm for f, w in vec.items()}


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)


def _close_in_time(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS_APART
