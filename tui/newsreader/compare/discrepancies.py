"""Values that disagree inside one fact: days, counts, places, speakers.

Values are compared only when they play the same role: within two aligned
sentences, a value of one is paired with a value of the other of the same
kind whose surrounding words overlap most (the "role" from ``units``).
Paired values across all the fact's sentences form slots; a slot whose
values disagree anywhere is one discrepancy, listing every article's value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreader.compare.amounts import compare_amounts
from newsreader.compare.dates import Agreement, compare_days
from newsreader.compare.model import Discrepancy
from newsreader.compare.times import ClockTime, compare_times
from newsreader.compare.units import Unit, Value
from newsreader.nlp.normalize import NormalizedDate, Quantity

# Two values play the same role when the content words around them mostly
# agree: at least this many shared words, and this share of the smaller role.
MIN_ROLE_OVERLAP = 2
MIN_ROLE_SHARE = 0.5
# Each sentence's values are paired with those of the next few sentences of
# the fact only: slots still connect through the chain, and a fact that
# many articles carry costs linear, not quadratic, work.
PAIRING_REACH = 4

_KIND_ORDER = ("date", "time", "number", "place")


def _agreement(a: Value, b: Value) -> Agreement:
    if a.kind != b.kind:
        return Agreement.UNRELATED
    if isinstance(a.payload, NormalizedDate) and isinstance(b.payload, NormalizedDate):
        return compare_days(a.payload, b.payload)
    if isinstance(a.payload, Quantity) and isinstance(b.payload, Quantity):
        return compare_amounts(a.payload, b.payload)
    if isinstance(a.payload, ClockTime) and isinstance(b.payload, ClockTime):
        return compare_times(a.payload, b.payload)
    if a.kind == "place":
        return _same_place(str(a.payload), str(b.payload))
    return Agreement.SAME if a.payload == b.payload else Agreement.DIFFERENT


_PLACE_WORD = re.compile(r"[^\W_]+")


def _same_place(a: str, b: str) -> Agreement:
    """Places agree when one name holds the other's words in order.

    "Jalan Tol Cipali KM 102" and "Tol Cipali KM 102", "Kabupaten Subang"
    and "Subang" name one place more or less precisely; "Subang" and
    "Bekasi" do not.
    """
    words_a = _PLACE_WORD.findall(a.lower())
    words_b = _PLACE_WORD.findall(b.lower())
    short, long = sorted((words_a, words_b), key=len)
    if short and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return Agreement.SAME
    return Agreement.DIFFERENT


def find_discrepancies(
    units: Sequence[Unit],
    article_ids: Sequence[str],
    article_names: Sequence[frozenset[str]],
) -> list[Discrepancy]:
    """Discrepancies among the sentences of one fact.

    Args:
        units: The fact's sentences, one per article (two for a split sentence).
        article_ids: Article id for each unit's ``article`` index.
        article_names: Lower-cased canonical entities each article names
            anywhere (by ``article`` index); a place counts as contradicted
            only by an article that never names it.

    Returns:
        One discrepancy per disagreeing slot, kinds in a fixed order.
    """
    found: list[Discrepancy] = []
    for kind in _KIND_ORDER:
        found.extend(_slot_discrepancies(kind, units, article_ids, article_names))
    speaker = _speaker_discrepancy(units, article_ids)
    if speaker:
        found.append(speaker)
    return found


def _slot_discrepancies(
    kind: str,
    units: Sequence[Unit],
    article_ids: Sequence[str],
    article_names: Sequence[frozenset[str]],
) -> list[Discrepancy]:
    values = [[v for v in u.values if v.kind == kind] for u in units]
    nodes = [(m, k) for m, vs in enumerate(values) for k in range(len(vs))]
    if len(nodes) < 2:
        return []
    parent = {node: node for node in nodes}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent[x] != x:
            x = parent[x]
        return x

    conflicting: set[tuple[int, int]] = set()
    for a in range(len(units)):
        for b in range(a + 1, min(len(units), a + 1 + PAIRING_REACH)):
            if units[a].article == units[b].article:
                continue
            for ka, kb, agreement in _pair_values(kind, values[a], values[b]):
                if agreement is Agreement.DIFFERENT and kind == "place":
                    if not _place_contradicted(
                        values[a][ka], values[b][kb], units[a], units[b], article_names
                    ):
                        agreement = Agreement.UNRELATED
                if agreement is Agreement.UNRELATED:
                    continue
                ra, rb = find((a, ka)), find((b, kb))
                if ra != rb:
                    parent[rb] = ra
                if agreement is Agreement.DIFFERENT:
                    conflicting.add((a, ka))
    slots: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for node in nodes:
        slots.setdefault(find(node), []).append(node)
    result = []
    for members in slots.values():
        if not any(node in conflicting for node in members) or len(members) < 2:
            continue
        by_article: dict[str, list[str]] = {}
        for m, k in sorted(members):
            by_article.setdefault(article_ids[units[m].article], []).append(values[m][k].text)
        if len(by_article) >= 2:
            result.append(
                Discrepancy(kind, {a: " / ".join(dict.fromkeys(t)) for a, t in by_article.items()})
            )
    return result


def _pair_values(
    kind: str, left: list[Value], right: list[Value]
) -> list[tuple[int, int, Agreement]]:
    """Pair values of two sentences by role, each value used once, best overlap first."""
    options = []
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            agreement = _agreement(a, b)
            if agreement is Agreement.UNRELATED or _opposite_bounds(a, b):
                continue
            overlap = len(a.role & b.role)
            smaller = min(len(a.role), len(b.role)) or 1
            if overlap >= MIN_ROLE_OVERLAP and overlap / smaller >= MIN_ROLE_SHARE:
                # Among equal overlaps prefer agreeing pairs: "Selasa" should
                # pair with the other "Selasa" before a conflict is assumed.
                options.append((-overlap, agreement is not Agreement.SAME, i, j, agreement))
    options.sort(key=lambda t: t[:4])
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for _, _, i, j, agreement in options:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j, agreement))
    return pairs


def _opposite_bounds(a: Value, b: Value) -> bool:
    """One day opens a span ("sejak Senin"), the other closes one ("hingga Rabu")."""
    bounds = {"^since", "^until"}
    return bool(a.role & bounds) and bool(b.role & bounds) and a.role & bounds != b.role & bounds


def _place_contradicted(
    a: Value, b: Value, unit_a: Unit, unit_b: Unit, article_names: Sequence[frozenset[str]]
) -> bool:
    place_a, place_b = str(a.payload).lower(), str(b.payload).lower()
    return place_a not in article_names[unit_b.article] and (
        place_b not in article_names[unit_a.article]
    )


def _speaker_discrepancy(units: Sequence[Unit], article_ids: Sequence[str]) -> Discrepancy | None:
    by_speaker: dict[str, list[Unit]] = {}
    for unit in units:
        if unit.speaker:
            by_speaker.setdefault(unit.speaker.lower(), []).append(unit)
    # Distinct speakers are few even when many articles carry the fact, so
    # pairs of names are compared, each through one sentence per article.
    names = list(by_speaker)
    for x, a in enumerate(names):
        for b in names[x + 1 :]:
            if any(
                ua.article != ub.article and _different_speakers(a, b, ua, ub)
                for ua in by_speaker[a][:PAIRING_REACH]
                for ub in by_speaker[b][:PAIRING_REACH]
            ):
                return Discrepancy(
                    "speaker",
                    {article_ids[u.article]: u.speaker for u in units if u.speaker},
                )
    return None


def _different_speakers(a: str, b: str, unit_a: Unit, unit_b: Unit) -> bool:
    """Two speakers differ unless they share a name word ("Dmitry Peskov", "Peskov")
    or either sentence names both ("X said, citing Y")."""
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    if words_a & words_b:
        return False
    return a.lower() not in unit_b.entities and b.lower() not in unit_a.entities
