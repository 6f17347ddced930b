"""What a comparison returns: plain, frozen dataclasses the app, CLI and export read.

Article ids are the keys throughout (``Mention.article``, ``Discrepancy.values``),
with the outlet label alongside so a view never has to look it up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Mention:
    """One article's sentence stating a fact.

    ``start``/``end`` index the article's cleaned text; ``index`` is the
    sentence's position among the article's sentences.
    """

    article: str
    outlet: str
    sentence: str
    start: int
    end: int
    index: int


@dataclass(frozen=True)
class Discrepancy:
    """Outlets disagreeing inside one fact.

    ``kind`` is "date", "time", "number", "place" or "speaker"; ``values`` maps every
    article of the fact that states the value to the words it uses.
    """

    kind: str
    values: Mapping[str, str]


@dataclass(frozen=True)
class Fact:
    """Sentences from different articles that state the same thing."""

    id: str
    summary: str
    mentions: tuple[Mention, ...]
    discrepancies: tuple[Discrepancy, ...] = ()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.mentions)


@dataclass(frozen=True)
class SharedPassage:
    """Two articles sharing verbatim text, as from the same wire copy.

    ``chars`` is the total length of the shared runs in the first article;
    ``longest`` the longest shared run, as it reads there.
    """

    articles: tuple[str, str]
    chars: int
    longest: str = ""


@dataclass(frozen=True)
class WireCredit:
    """A wire service an article credits, and how: "metadata", "credit" or "attribution"."""

    article: str
    wire: str
    evidence: str
    text: str


@dataclass(frozen=True)
class Quote:
    """Someone quoted (verbatim, in quotation marks) or paraphrased in one article.

    ``speaker`` is the canonical name, or None when the text does not say
    who. ``text`` is the words inside the quotation marks for a verbatim
    quote and the whole sentence for a paraphrase.
    """

    article: str
    outlet: str
    speaker: str | None
    verbatim: bool
    text: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Blindspot:
    """A named entity of a story and the outlets that never mention it."""

    entity: str
    label: str
    mentioned_by: tuple[str, ...]
    missing_from: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """Articles about the same events, and how they compare."""

    id: str
    label: str
    articles: tuple[str, ...]
    outlets: Mapping[str, str]  # article id -> outlet label
    facts: tuple[Fact, ...] = ()
    unique: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)
    shared_passages: tuple[SharedPassage, ...] = ()
    quotes: tuple[Quote, ...] = ()
    blindspots: tuple[Blindspot, ...] = ()
    wires: tuple[WireCredit, ...] = ()

    def coverage(self) -> dict[str, tuple[str, ...]]:
        """Outlet x fact matrix: for each outlet, the ids of the facts it carries."""
        matrix: dict[str, list[str]] = {label: [] for label in dict.fromkeys(self.outlets.values())}
        for fact in self.facts:
            for outlet in dict.fromkeys(m.outlet for m in fact.mentions):
                matrix[outlet].append(fact.id)
        return {outlet: tuple(ids) for outlet, ids in matrix.items()}


@dataclass(frozen=True)
class Comparison:
    """Every story found among the compared articles."""

    stories: tuple[Story, ...] = ()

    @cached_property
    def _by_article(self) -> dict[str, Story]:
        return {article: story for story in self.stories for article in story.articles}

    def story_of(self, article_id: str) -> Story | None:
        """The story an article belongs to, or None if it was not compared."""
        return self._by_article.get(article_id)


class CompareCancelled(Exception):
    """Raised inside ``build`` when ``should_stop`` asks it to give up."""


def outlet_label(article_id: str, outlet: str | None) -> str:
    """How an outlet is shown; an unknown outlet counts as its own, named by the article.

    Args:
        article_id: The article's id.
        outlet: The outlet from metadata, or None.

    Returns:
        The outlet, or "unknown (004_91a0…)" from the article id.
    """
    if outlet:
        return outlet
    short = article_id if len(article_id) <= 9 else article_id[:8] + "…"
    return f"unknown ({short})"
