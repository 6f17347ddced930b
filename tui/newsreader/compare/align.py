"""Aligning sentences across articles into facts.

Sentences are compared as IDF-weighted feature vectors (content stems,
canonical entities, full dates and counted quantities). Candidate pairs
come only from an inverted index: each sentence probes the postings of its
rarest features and looks back at a bounded window of earlier sentences in
each, so the work grows linearly with the number of sentences. Pairs above
a similarity threshold are merged strongest first, one sentence per
article per fact (or two adjacent ones, where an outlet split a sentence
another wrote as one), and two groups merge only if their members are
similar on average, so a chain of loosely related sentences never becomes
one fact.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from newsreader.compare.amounts import counted_thing
from newsreader.compare.dates import full_date
from newsreader.compare.terms import content_stem
from newsreader.compare.units import Unit
from newsreader.compare.vectors import Vector, cosine, normalised
from newsreader.nlp.normalize import NormalizedDate, Quantity

# Entities say more about what a sentence is about than its other words.
ENTITY_WEIGHT = 0.5
# Who is quoted ("%name") counts for little: one spokesman says many things.
SPEAKER_WEIGHT = 0.25
# IDF raised to this power: rare words must dominate, since sentences of one
# story all share its common words ("Kim", "Rusia") without stating one fact.
IDF_POWER = 1.5
# Two sentences state the same fact above this cosine similarity...
PAIR_THRESHOLD = 0.34
# ...or above this one when each is the other's best match in the other's
# article and they share a feature no other sentence of the story has...
MUTUAL_THRESHOLD = 0.25
# ...and two groups merge only if their members are at least this similar on
# average (checked on the first CORE_SAMPLE members of each, to bound the cost).
CORE_THRESHOLD = 0.25
CORE_SAMPLE = 8
# Two adjacent sentences of one article join a fact as one split sentence
# only if together they match the others this much better than either alone.
SPLIT_GAIN = 1.1
# A half too short to pass the pair threshold joins its neighbour's fact if
# this share of its (squared, normalised) weight lies in another article's
# sentence, and it covers this share of that sentence its neighbour misses.
HALF_PRECISION = 0.4
HALF_GAIN = 0.1
# Rarest features each sentence probes, and earlier postings read per probe.
PROBES = 6
WINDOW = 8

_KIND_WEIGHT = {"@": ENTITY_WEIGHT, "%": SPEAKER_WEIGHT}


def unit_features(unit: Unit) -> set[str]:
    """Features a unit is compared on: stems, "@entity", "%speaker", "#d:date", "#n:quantity"."""
    features = set(unit.stems)
    features.update("@" + name for name in unit.entities - unit.said_by)
    features.update("%" + name for name in unit.said_by)
    for value in unit.values:
        if isinstance(value.payload, NormalizedDate):
            day = full_date(value.payload)
            if day:
                features.add(f"#d:{day.isoformat()}")
        elif isinstance(value.payload, Quantity) and value.payload.unit:
            thing = counted_thing(value.payload.unit) or ""
            features.add(f"#n:{value.payload.value:g}:{thing}")
            # What is counted is content even where the counts differ (14
            # "orang" tewas / 46 "warga" tewas): that is the fact a number
            # discrepancy is found in.
            counted = content_stem(thing)
            if counted:
                features.add(counted)
    return features


@dataclass
class Weights:
    """Inverse document frequencies over a set of sentences."""

    idf: dict[str, float]
    default: float

    @classmethod
    def fit(cls, feature_sets: Iterable[set[str]]) -> Weights:
        """Count each feature's sentence frequency and turn it into a smoothed IDF."""
        df: Counter[str] = Counter()
        n = 0
        for features in feature_sets:
            df.update(features)
            n += 1
        idf = {f: math.log((n + 1) / (c + 1)) + 1.0 for f, c in df.items()}
        return cls(idf, math.log(n + 1) + 1.0)

    def vector(self, features: set[str]) -> Vector:
        """An L2-normalised weighted vector of ``features``."""
        return normalised(
            {
                f: self.idf.get(f, self.default) ** IDF_POWER * _KIND_WEIGHT.get(f[0], 1.0)
                for f in features
            }
        )


def candidate_pairs(units: Sequence[Unit], features: Sequence[set[str]]) -> set[tuple[int, int]]:
    """Pairs of units from different articles that share a rare feature.

    Args:
        units: The units of one story.
        features: Their feature sets, same order.

    Returns:
        Index pairs (i, j) with i < j; at most PROBES * WINDOW per unit.
    """
    df: Counter[str] = Counter()
    for feats in features:
        df.update(feats)
    postings: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[int, int]] = set()
    for j, feats in enumerate(features):
        probes = sorted((f for f in feats if df[f] >= 2), key=lambda f: (df[f], f))[:PROBES]
        article = units[j].article
        for f in probes:
            for i in postings[f][-WINDOW:]:
                if units[i].article != article:
                    pairs.add((i, j))
        for f in feats:
            postings[f].append(j)
    return pairs


def _scored_pairs(
    units: Sequence[Unit], vectors: Sequence[Vector], features: Sequence[set[str]]
) -> list[tuple[float, int, int]]:
    """Candidate pairs that state one fact, strongest first, as (score, i, j).

    Above PAIR_THRESHOLD a pair stands on its similarity. Below it, down to
    MUTUAL_THRESHOLD, outlets paraphrase: such a pair is kept when each
    sentence is the other's closest match in the other's article and the
    two share a feature no other sentence of the story has (a rare word, a
    number, a date): few words in common, but in common with nothing else.
    """
    strong: list[tuple[float, int, int]] = []
    weak: list[tuple[float, int, int]] = []
    # (unit, other article) -> (best score, -index of that best partner)
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for i, j in candidate_pairs(units, features):
        score = cosine(vectors[i], vectors[j])
        if score >= PAIR_THRESHOLD:
            strong.append((score, i, j))
        elif score >= MUTUAL_THRESHOLD:
            weak.append((score, i, j))
        for a, b in ((i, j), (j, i)):
            key = (a, units[b].article)
            if best.get(key, (-1.0, 0)) < (score, -b):
                best[key] = (score, -b)
    df: Counter[str] = Counter()
    for feats in features:
        df.update(feats)

    def mutual_and_exclusive(i: int, j: int) -> bool:
        return (
            best[(i, units[j].article)][1] == -j
            and best[(j, units[i].article)][1] == -i
            and any(df[f] == 2 for f in features[i] & features[j])
        )

    strong.sort(key=lambda t: (-t[0], t[1], t[2]))
    weak.sort(key=lambda t: (-t[0], t[1], t[2]))
    return strong + [t for t in weak if mutual_and_exclusive(t[1], t[2])]


def group_units(units: Sequence[Unit], vectors: Sequence[Vector]) -> list[list[int]]:
    """Group units that state the same fact.

    Args:
        units: The fact units of one story.
        vectors: Their weighted vectors, same order.

    Returns:
        Groups of unit indices with at least two articles each. A group
        holds one sentence per article, or two adjacent ones where an
        outlet split in two what another wrote as one sentence.
    """
    features = [set(v) for v in vectors]
    scored = _scored_pairs(units, vectors, features)

    parent = list(range(len(units)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    articles: dict[int, set[int]] = {i: {units[i].article} for i in range(len(units))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj or not _may_join(
            members[ri], members[rj], articles[ri] & articles[rj], units, vectors
        ):
            continue
        # Every sentence must resemble every other (on a bounded sample of
        # each group), so a chain a~b~c with a and c unrelated never forms.
        if not _cohesive(members[ri][:CORE_SAMPLE], members[rj][:CORE_SAMPLE], vectors, units):
            continue
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri
        parent[rj] = ri
        members[ri].extend(members.pop(rj))
        articles[ri] |= articles.pop(rj)

    _add_split_halves(units, vectors, members, articles, find)
    groups = [sorted(m) for r, m in members.items() if len(articles[r]) >= 2]
    groups.sort(key=lambda g: (-len(g), min(g)))
    return groups


def _add_split_halves(
    units: Sequence[Unit],
    vectors: Sequence[Vector],
    members: dict[int, list[int]],
    articles: dict[int, set[int]],
    find: Callable[[int], int],
) -> None:
    """Let an ungrouped sentence join its neighbour's fact as the other half of a split.

    A half of a split sentence ("Kim tidak sering bepergian ke luar
    negeri.") is often too short to pass the pair threshold on its own. It
    joins the fact of the sentence next to it when most of its own weight
    lies in another article's sentence of the fact (HALF_PRECISION) and it
    covers a part of that sentence its neighbour leaves out (HALF_GAIN).
    """
    at = {(u.article, u.index): k for k, u in enumerate(units)}
    for root in [r for r in members if len(articles[r]) >= 2]:
        for member in list(members[root]):
            unit = units[member]
            for step in (-1, 1):
                k = at.get((unit.article, unit.index + step))
                if k is None or k not in members or len(members[k]) != 1:
                    continue
                own = [m for m in members[root] if units[m].article == unit.article]
                others = [m for m in members[root] if units[m].article != unit.article]
                if len(own) == 1 and any(
                    _completes(vectors[k], [vectors[m] for m in own], vectors[o])
                    for o in others[:CORE_SAMPLE]
                ):
                    members.pop(k)
                    articles.pop(k)
                    members[root].append(k)
                    break


def _completes(half: Vector, own: list[Vector], other: Vector) -> bool:
    """Whether ``half`` lies mostly inside ``other`` and covers what ``own`` leaves out."""
    inside = sum(w * w for f, w in half.items() if f in other)
    covered = {f for vec in own for f in vec}
    gained = sum(w * w for f, w in other.items() if f in half and f not in covered)
    return inside >= HALF_PRECISION and gained >= HALF_GAIN


def _may_join(
    left: list[int],
    right: list[int],
    shared: set[int],
    units: Sequence[Unit],
    vectors: Sequence[Vector],
    gain: float = SPLIT_GAIN,
) -> bool:
    """Whether two groups may merge: one sentence per article, or a split sentence.

    An article may bring two adjacent sentences only if, read together,
    they match the other articles' sentences better than either does alone:
    that is what one outlet splitting another's sentence looks like, and
    what two neighbouring but different facts do not.
    """
    joined = (*left, *right)
    for article in shared:
        own = sorted(
            (k for k in joined if units[k].article == article), key=lambda k: units[k].index
        )
        if len(own) != 2 or units[own[1]].index - units[own[0]].index != 1:
            return False
        others = [k for k in joined if units[k].article != article][:CORE_SAMPLE]
        merged = _normalised_sum(vectors[own[0]], vectors[own[1]])
        together = sum(cosine(merged, vectors[o]) for o in others)
        apart = sum(
            max(cosine(vectors[own[0]], vectors[o]), cosine(vectors[own[1]], vectors[o]))
            for o in others
        )
        if together < apart * gain:
            return False
    return True


def _normalised_sum(a: Vector, b: Vector) -> Vector:
    total = dict(a)
    for f, w in b.items():
        total[f] = total.get(f, 0.0) + w
    return normalised(total)


def _cohesive(
    left: list[int], right: list[int], vectors: Sequence[Vector], units: Sequence[Unit]
) -> bool:
    # Two halves of one split sentence need not resemble each other.
    sims = [
        cosine(vectors[a], vectors[b])
        for a in left
        for b in right
        if units[a].article != units[b].article
    ]
    return not sims or sum(sims) / len(sims) >= CORE_THRESHOLD


def representative(group: Sequence[int], vectors: Sequence[Vector]) -> int:
    """The member closest to the group's centroid (shorter wins a tie)."""
    centroid: Vector = defaultdict(float)
    for i in group:
        for f, w in vectors[i].items():
            centroid[f] += w
    return max(group, key=lambda i: (round(cosine(vectors[i], centroid), 6), -len(vectors[i]), -i))
