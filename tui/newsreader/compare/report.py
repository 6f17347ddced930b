"""A readable plain-text report of a comparison, for ``newsreader compare`` without --json.

Everything printed comes from article text, so each piece passes through
``printable``: escape sequences and control characters never reach the
terminal, and no markup is interpreted (this is plain text, not Rich).
"""

from __future__ import annotations

import textwrap

from newsreader.compare.model import Comparison, Story
from newsreader.textsafe import printable

WIDTH = 100
# Sentences are shortened in lists so one fact stays one or two lines.
SNIPPET = 160
# The coverage grid: one column per outlet while they fit.
MAX_GRID_OUTLETS = 6
GRID_COLUMN = 16


def render_text(comparison: Comparison) -> str:
    """The comparison as plain text: one section per story.

    Args:
        comparison: What ``build`` returned.

    Returns:
        Text ending in a newline; empty comparisons say so.
    """
    if not comparison.stories:
        return "No stories: nothing to compare.\n"
    parts = [_story(story) for story in comparison.stories]
    return "\n".join(parts)


def _clip(text: str, limit: int = SNIPPET) -> str:
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _coverage(story: Story) -> list[str]:
    """The outlet x fact matrix: a grid for a few outlets, counts for many."""
    coverage = story.coverage()
    if not story.facts:
        return []
    lines = ["", "Which outlet carries which fact:"]
    if len(coverage) > MAX_GRID_OUTLETS:
        for outlet, ids in sorted(coverage.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"  {_clip(outlet, 40)}: {len(ids)} of {len(story.facts)} facts")
        return lines
    heads = [_clip(outlet, GRID_COLUMN - 1) for outlet in coverage]
    width = max(len(f.id) for f in story.facts)
    lines.append(" " * (width + 4) + "".join(h.ljust(GRID_COLUMN) for h in heads).rstrip())
    for fact in story.facts:
        cells = "".join(
            ("x" if fact.id in ids else ".").ljust(GRID_COLUMN) for ids in coverage.values()
        )
        lines.append(f"  {fact.id.ljust(width)}  {cells}".rstrip())
    return lines


def _story(story: Story) -> str:
    lines = [
        f"== Story {story.id}: {_clip(story.label, 80)} ==",
        f"{len(story.articles)} articles, {len(story.facts)} shared facts",
    ]
    for article in story.articles:
        lines.append(f"  {printable(article)}  [{_clip(story.outlets[article], 60)}]")

    lines.append("")
    lines.append("Facts carried by more than one article:")
    if not story.facts:
        lines.append("  (none)")
    for fact in story.facts:
        outlets = ", ".join(dict.fromkeys(printable(m.outlet) for m in fact.mentions))
        count = len(fact.mentions)
        lines += _wrap(f"{fact.id} [{count} articles: {outlets}] {_clip(fact.summary)}", "  ")
        for d in fact.discrepancies:
            values = "; ".join(
                f"{printable(story.outlets.get(a, a))} ({printable(a)}): {_clip(v, 60)}"
                for a, v in d.values.items()
            )
            lines += _wrap(f"! {d.kind} differs: {values}", "    ")

    lines += _coverage(story)

    discrepant = [f for f in story.facts if f.discrepancies]
    lines.append("")
    lines.append(f"Discrepancies: {sum(len(f.discrepancies) for f in discrepant)}")

    lines.append("")
    lines.append("Only one article:")
    for article, mentions in story.unique.items():
        count = f"{len(mentions)} sentence" + ("" if len(mentions) == 1 else "s")
        lines.append(f"  {printable(article)} [{_clip(story.outlets[article], 60)}]: {count}")
        for mention in mentions[:5]:
            lines += _wrap(f"- {_clip(mention.sentence)}", "    ")
        if len(mentions) > 5:
            lines.append(f"    … and {len(mentions) - 5} more")

    if story.shared_passages:
        lines.append("")
        lines.append("Shared verbatim text (likely the same wire copy):")
        for passage in story.shared_passages:
            a, b = (printable(x) for x in passage.articles)
            lines += _wrap(f"{a} & {b}: {passage.chars} chars, e.g. “{_clip(passage.longest, 90)}”",
                           "  ")  # fmt: skip
    if story.wires:
        lines.append("")
        lines.append("Wire services credited:")
        for credit in story.wires:
            lines.append(
                f"  {printable(credit.article)}: {printable(credit.wire)} ({credit.evidence}: "
                f"{_clip(credit.text, 60)})"
            )
    speakers: dict[str, set[str]] = {}
    for quote in story.quotes:
        if quote.speaker:
            speakers.setdefault(quote.speaker, set()).add(quote.outlet)
    if speakers:
        lines.append("")
        lines.append("Quoted:")
        for speaker, outlets in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines += _wrap(
                f"{_clip(speaker, 60)}: {', '.join(sorted(map(printable, outlets)))}", "  "
            )
    gaps = [b for b in story.blindspots if len(b.mentioned_by) >= 2 and b.missing_from]
    if gaps:
        lines.append("")
        lines.append("Named by some outlets, not others:")
        for spot in gaps[:15]:
            lines += _wrap(
                f"{_clip(spot.entity, 60)} ({spot.label}): not in "
                f"{', '.join(printable(o) for o in spot.missing_from)}",
                "  ",
            )
    return "\n".join(lines) + "\n"
