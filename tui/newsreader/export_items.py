"""Adapt a ``Comparison`` to what ``export`` takes, for the CLI and the app alike.

Export keeps its own small input shape so it never depends on compare's
internals; this is the one place that translates between them.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.compare import Comparison, Story
from newsreader.export import ArticleComparison, ExportItem, FactDiscrepancy, SharedFact
from newsreader.nlp.annotation import AnnotatedArticle


def article_comparison(story: Story, article_id: str) -> ArticleComparison:
    """This article's shared facts, unique facts and discrepancies within ``story``."""
    shared: list[SharedFact] = []
    discrepancies: list[FactDiscrepancy] = []
    for fact in story.facts:
        own = [m for m in fact.mentions if m.article == article_id]
        if not own:
            continue
        others = tuple(dict.fromkeys(m.outlet for m in fact.mentions if m.article != article_id))
        if others:
            shared.append(SharedFact(sentence=own[0].sentence, outlets=others))
        for discrepancy in fact.discrepancies:
            values = tuple(
                (story.outlets.get(article, article), value)
                for article, value in discrepancy.values.items()
            )
            discrepancies.append(FactDiscrepancy(kind=discrepancy.kind, values=values))
    unique = tuple(m.sentence for m in story.unique.get(article_id, ()))
    return ArticleComparison(
        shared=tuple(shared), unique=unique, discrepancies=tuple(discrepancies)
    )


def export_items(
    annotated: Sequence[AnnotatedArticle], comparison: Comparison | None
) -> list[ExportItem]:
    """One ExportItem per article, with its comparison context when it has a story."""
    items = []
    for item in annotated:
        story = comparison.story_of(item.article.id) if comparison else None
        if story is None:
            items.append(ExportItem(article=item))
            continue
        items.append(
            ExportItem(
                article=item,
                comparison=article_comparison(story, item.article.id),
                story=story.label or story.id,
            )
        )
    return items
