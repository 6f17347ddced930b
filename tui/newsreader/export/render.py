"""One article as an annotated Markdown document, and the folder's index."""

from __future__ import annotations

from collections.abc import Sequence

from newsreader import __version__
from newsreader.export.escape import escape_inline
from newsreader.export.frontmatter import entity_groups, render_front_matter
from newsreader.export.markup import check_style, render_body
from newsreader.export.model import ArticleComparison, ExportItem, FactDiscrepancy
from newsreader.export.sanitize import clean_line, clean_text, spans_to_mark
from newsreader.nlp.annotation import Entity

FORMAT_VERSION = 1
TEXT_START = "<!-- newsreader:text style={style} -->"
TEXT_END = "<!-- newsreader:end-text -->"
INDEX_MARKER = (
    "<!-- newsreader:index (rewritten on every export; delete this line to keep edits) -->"
)


def _line(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = clean_line(value)
    return cleaned or None


def _list_item(text: str, indent: str = "") -> str:
    return f"{indent}- {escape_inline(clean_line(text))}"


def outlet_name(item: ExportItem) -> str:
    """How this article's outlet is named in comparisons (unknown outlets stay unknown)."""
    article = item.article.article
    return _line(article.outlet) or f"{clean_line(article.id)} (outlet unknown)"


def _discrepancy_lines(discrepancy: FactDiscrepancy, own_outlet: str | None) -> list[str]:
    lines = [f"- **{escape_inline(clean_line(discrepancy.kind))}**"]
    for outlet, value in discrepancy.values:
        who = clean_line(outlet)
        if own_outlet is not None and who == own_outlet:
            who += " (this article)"
        lines.append(f"  - {escape_inline(who)}: {escape_inline(clean_line(value))}")
    return lines


def render_comparison(comparison: ArticleComparison, own_outlet: str) -> str:
    """The comparison section: shared facts, unique facts, discrepancies."""
    lines = ["## Comparison", ""]
    lines += ["### Shared with other outlets", ""]
    if comparison.shared:
        for fact in comparison.shared:
            outlets = ", ".join(clean_line(outlet) for outlet in fact.outlets) or "another outlet"
            lines.append(f"{_list_item(fact.sentence)} — also in: {escape_inline(outlets)}")
    else:
        lines.append("No fact of this article was found in another outlet.")
    lines += ["", "### Only in this article", ""]
    if comparison.unique:
        lines += [_list_item(sentence) for sentence in comparison.unique]
    else:
        lines.append("Every fact of this article is also reported elsewhere.")
    lines += ["", "### Discrepancies", ""]
    if comparison.discrepancies:
        for discrepancy in comparison.discrepancies:
            lines += _discrepancy_lines(discrepancy, own_outlet)
    else:
        lines.append("No discrepancy with other outlets was found.")
    return "\n".join(lines) + "\n"


def _clean_entities(entities: Sequence[Entity]) -> list[Entity]:
    """Entities with names fit for the front matter (controls removed)."""
    cleaned = []
    for entity in entities:
        name = clean_line(entity.canonical) or clean_line(entity.text)
        label = clean_line(entity.label)
        if name and label:
            cleaned.append(Entity(entity.start, entity.end, clean_line(entity.text), label, name))
    return cleaned


def render_article(item: ExportItem, *, style: str = "pandoc") -> str:
    """One article as Markdown: front matter, headline, marked text, comparison.

    Args:
        item: The annotated article and its comparison context.
        style: Entity markup, one of "pandoc", "html" or "plain".

    Returns:
        The document, ending in a newline. :func:`parse_export` recovers the
        cleaned text and every marked entity from it.

    Raises:
        ValueError: unknown style.
    """
    check_style(style)
    article = item.article.article
    text, offsets = clean_text(article.text)
    spans = spans_to_mark(text, offsets, item.article.entities)
    title = _line(article.title)
    fields: list[tuple[str, str | int | None]] = [
        ("newsreader_export", FORMAT_VERSION),
        ("generator", f"newsreader {__version__}"),
        ("id", clean_line(article.id)),
        ("title", title),
        ("outlet", _line(article.outlet)),
        ("date", _line(article.date)),
        ("time", _line(article.time)),
        ("timezone", _line(article.timezone)),
        ("dateline", _line(article.dateline)),
        ("byline", _line(article.byline)),
        ("wire", _line(article.wire)),
        ("language", _line(article.language)),
        ("source", clean_line(article.path)),
        ("story", _line(item.story)),
        ("style", style),
    ]
    parts = [
        render_front_matter(
            fields,
            entity_groups(_clean_entities(item.article.entities)),
            verbatim=("id", "source"),
        ),
        f"# {escape_inline(title or clean_line(article.id) or 'Untitled', heading=True)}",
        "",
        TEXT_START.format(style=style),
        "",
        render_body(text, spans, style),
        "",
        TEXT_END,
        "",
    ]
    document = "\n".join(parts)
    if item.comparison is not None:
        document += "\n" + render_comparison(item.comparison, outlet_name(item))
    return document


def render_index(entries: Sequence[tuple[ExportItem, str]]) -> str:
    """The folder's ``README.md``: links to the exported articles, then discrepancies.

    Args:
        entries: Each exported item with the file name it was written to.
    """
    lines = [INDEX_MARKER, "", "# Exported articles", ""]
    for item, file_name in entries:
        article = item.article.article
        title = _line(article.title) or clean_line(article.id) or file_name
        details = ", ".join(
            value for value in (_line(article.outlet), _line(article.date)) if value
        )
        suffix = f" — {escape_inline(details)}" if details else ""
        lines.append(f"- [{escape_inline(title)}]({file_name}){suffix}")
    # dict keys: each story's discrepancies once, in the order first met.
    by_story: dict[str, dict[FactDiscrepancy, None]] = {}
    for item, _ in entries:
        if item.comparison is None:
            continue
        found = by_story.setdefault(_line(item.story) or "", {})
        found.update(dict.fromkeys(item.comparison.discrepancies))
    if any(by_story.values()):
        lines += ["", "## Discrepancies", ""]
        for story, discrepancies in by_story.items():
            if not discrepancies:
                continue
            if len(by_story) > 1 or story:
                lines += [f"### Story {escape_inline(story or 'without a name')}", ""]
            for discrepancy in discrepancies:
                lines += _discrepancy_lines(discrepancy, None)
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
