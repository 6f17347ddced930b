"""``build``: from annotated articles to a ``Comparison``.

The steps run in one direction: sentences become units (per article),
articles group into stories, and inside each story units align into facts
that carry their discrepancies; unique sentences, quotes, entity
blindspots, shared passages and wire credits are read off the same units.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from newsreader.compare.align import Weights, group_units, representative, unit_features
from newsreader.compare.discrepancies import find_discrepancies
from newsreader.compare.model import (
    Blindspot,
    CompareCancelled,
    Comparison,
    Fact,
    Mention,
    Quote,
    Story,
    outlet_label,
)
from newsreader.compare.provenance import shared_passages, wire_credits
from newsreader.compare.stories import article_time, article_vector, group_articles
from newsreader.compare.units import NAMED_LABELS, SentenceCache, Unit, article_units
from newsreader.compare.vectors import Vector
from newsreader.nlp.annotation import AnnotatedArticle

ProgressCallback = Callable[[int, int], None]
# How often (in articles) a long run checks ``should_stop`` and reports progress.
_CHECK_EVERY = 25


class _Run:
    """State shared by the steps of one ``build`` call."""

    def __init__(
        self,
        items: Sequence[AnnotatedArticle],
        should_stop: Callable[[], bool] | None,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.items = items
        self.ids = [item.article.id for item in items]
        self.outlets = [outlet_label(item.article.id, item.article.outlet) for item in items]
        self.should_stop = should_stop
        self.on_progress = on_progress
        self.total = 2 * len(items)
        self.done = 0
        # Every name each article mentions, lower-cased: a place counts as
        # contradicted only by an article that never names it.
        self.names = [frozenset(e.canonical.lower() for e in item.entities) for item in items]

    def step(self, amount: int = 1, *, force: bool = False) -> None:
        self.done += amount
        if force or self.done % _CHECK_EVERY == 0 or self.done == self.total:
            self.check()
            if self.on_progress:
                self.on_progress(min(self.done, self.total), self.total)

    def check(self) -> None:
        """Give up if asked to: called between the slow steps of one big story too."""
        if self.should_stop and self.should_stop():
            raise CompareCancelled


def build(
    articles: Sequence[AnnotatedArticle],
    *,
    should_stop: Callable[[], bool] | None = None,
    on_progress: ProgressCallback | None = None,
) -> Comparison:
    """Compare annotated articles: stories, aligned facts, discrepancies, provenance.

    Args:
        articles: Annotated articles, in the order they should be listed.
        should_stop: Polled now and then; returning True abandons the run.
        on_progress: Called with (done, total) as the work advances.

    Returns:
        The comparison; stories largest first.

    Raises:
        CompareCancelled: When ``should_stop`` returned True.
    """
    run = _Run(list(articles), should_stop, on_progress)
    units: list[list[Unit]] = []
    cache: SentenceCache = {}
    for index, item in enumerate(run.items):
        units.append(article_units(item, index, cache))
        run.step()
    cache.clear()
    weights = Weights.fit(unit_features(u) for us in units for u in us if u.is_fact)
    counts = [article_vector(us) for us in units]
    times = [article_time(item.article.date, us) for item, us in zip(run.items, units, strict=True)]
    stories = []
    for number, members in enumerate(group_articles(counts, times), start=1):
        stories.append(_story(f"s{number}", members, units, weights, run))
        run.step(len(members), force=True)
    return Comparison(tuple(stories))


def _story(
    story_id: str, members: list[int], units: list[list[Unit]], weights: Weights, run: _Run
) -> Story:
    fact_units = [u for a in members for u in units[a] if u.is_fact]
    # Verbatim copies share one vector (units from the cache share their stems).
    seen: dict[tuple[object, ...], Vector] = {}
    vectors = []
    for u in fact_units:
        key = (u.text, u.entities, tuple(u.values))
        vector = seen.get(key)
        if vector is None:
            vector = seen[key] = weights.vector(unit_features(u))
        vectors.append(vector)
    grouped: set[int] = set()
    drafts = []
    run.check()
    for group in group_units(fact_units, vectors):
        grouped.update(group)
        chosen = [fact_units[i] for i in sorted(group, key=lambda i: fact_units[i].article)]
        summary = fact_units[representative(group, vectors)].text
        drafts.append((chosen, summary))
    drafts.sort(key=lambda d: (-len(d[0]), d[0][0].article, d[0][0].index))
    facts = tuple(
        Fact(
            id=f"{story_id}-f{n}",
            summary=summary,
            mentions=tuple(_mention(u, run) for u in chosen),
            discrepancies=tuple(find_discrepancies(chosen, run.ids, run.names)),
        )
        for n, (chosen, summary) in enumerate(drafts, start=1)
    )
    unique: dict[str, list[Mention]] = {run.ids[a]: [] for a in members}
    for i, unit in enumerate(fact_units):
        if i not in grouped:
            unique[run.ids[unit.article]].append(_mention(unit, run))
    return Story(
        id=story_id,
        label=_label(members, run),
        articles=tuple(run.ids[a] for a in members),
        outlets={run.ids[a]: run.outlets[a] for a in members},
        facts=facts,
        unique={a: tuple(ms) for a, ms in unique.items()},
        shared_passages=tuple(
            shared_passages(
                [run.ids[a] for a in members], [run.items[a].article.text for a in members]
            )
        ),
        quotes=tuple(_quotes(members, units, run)),
        blindspots=tuple(_blindspots(members, run)),
        wires=tuple(c for a in members for c in wire_credits(run.items[a].article)),
    )


def _mention(unit: Unit, run: _Run) -> Mention:
    return Mention(
        article=run.ids[unit.article],
        outlet=run.outlets[unit.article],
        sentence=unit.text,
        start=unit.start,
        end=unit.end,
        index=unit.index,
    )


def _quotes(members: list[int], units: list[list[Unit]], run: _Run) -> list[Quote]:
    quotes = []
    for a in members:
        for unit in units[a]:
            att = unit.attribution
            if att is None or (unit.speaker is None and not att.verbatim):
                continue
            quotes.append(
                Quote(
                    article=run.ids[a],
                    outlet=run.outlets[a],
                    speaker=unit.speaker,
                    verbatim=att.verbatim,
                    text=att.quoted if att.verbatim else unit.text,
                    sentence=unit.index,
                    start=unit.start,
                    end=unit.end,
                )
            )
    return quotes


def _blindspots(members: list[int], run: _Run) -> list[Blindspot]:
    outlets = list(dict.fromkeys(run.outlets[a] for a in members))
    mentioned: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in members:
        for entity in run.items[a].entities:
            if entity.label in NAMED_LABELS:
                mentioned[(entity.canonical, entity.label)].add(run.outlets[a])
    # An entity every outlet names is no blindspot (an outlet with two
    # articles counts once, so "every outlet" is not "every article").
    spots = [
        Blindspot(
            entity=name,
            label=label,
            mentioned_by=tuple(o for o in outlets if o in by),
            missing_from=tuple(o for o in outlets if o not in by),
        )
        for (name, label), by in mentioned.items()
        if len(by) < len(outlets)
    ]
    spots.sort(key=lambda b: (-len(b.mentioned_by), b.label, b.entity))
    return spots


def _label(members: list[int], run: _Run) -> str:
    """A few names the story's articles share, people first, to tell stories apart.

    Among the names at least half the articles use, people and events come
    before organisations and places (a person says more about a story than
    a country), then the most widely and most often named.
    """
    articles: Counter[tuple[str, str]] = Counter()
    mentions: Counter[tuple[str, str]] = Counter()
    for a in members:
        named = [(e.canonical, e.label) for e in run.items[a].entities if e.label in NAMED_LABELS]
        articles.update(set(named))
        mentions.update(named)
    rank = {"PER": 0, "EVENT": 1, "ORG": 2, "LOC": 3}
    common = [k for k in articles if 2 * articles[k] >= len(members)]
    ordered = sorted(common, key=lambda k: (rank[k[1]], -articles[k], -mentions[k], k[0]))
    top = list(dict.fromkeys(name for name, _ in ordered))[:3]
    if top:
        return ", ".join(top)
    title = next((run.items[a].article.title for a in members if run.items[a].article.title), None)
    return title or run.ids[members[0]]
