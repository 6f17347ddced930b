"""What the comparison pane shows for one article, built from ``compare.to_json`` data.

Plain functions from the comparison's JSON form (the documented contract)
to a :class:`PaneView`: the title line and the option rows, with what each
selectable row points at. The pane caches views, so reopening an article
reuses its rows (and the heights Textual measured for them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets.option_list import Option

from newsreader.app.library import Library
from newsreader.textsafe import printable

NOT_COMPUTED = "comparison: not computed yet"
DISCREPANCY = Style(color="#ff5f5f", bold=True)
DIM = Style(dim=True)


@dataclass(frozen=True)
class MentionTarget:
    article_id: str
    sentence: str
    start: int | None = None


def outlet_name(library: Library, article_id: str) -> str:
    """How an article's outlet is shown; an unknown outlet counts as its own."""
    if library.position(article_id) is None:
        return article_id
    outlet = library.article(article_id).outlet
    if outlet:
        return printable(outlet)
    short = article_id if len(article_id) <= 9 else article_id[:8] + "…"
    return f"unknown ({printable(short)})"


def story_of(data: dict[str, Any] | None, article_id: str) -> dict[str, Any] | None:
    """The story (from ``compare.to_json``) that holds an article."""
    for story in (data or {}).get("stories", []):
        if article_id in story.get("articles", []):
            return story
    return None


def facts_of(story: dict[str, Any], article_id: str) -> Iterator[dict[str, Any]]:
    """The facts of a story that an article states."""
    for fact in story.get("facts", []):
        if any(m.get("article") == article_id for m in fact.get("mentions", [])):
            yield fact


def squeeze(text: str) -> str:
    """Whitespace runs as single spaces, ends trimmed (wordings compared loosely)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Wording:
    """This article's sentence for one fact: text, and its span when compare gave one."""

    sentence: str
    start: int | None = None
    end: int | None = None

    def overlap(self, start: int, end: int, text: str) -> int:
        """How much of the picked span this wording covers (characters; 0 for none)."""
        if self.start is not None and self.end is not None:
            return max(0, min(end, self.end) - max(start, self.start))
        return len(text) if squeeze(self.sentence) == squeeze(text) else 0


def _disputed_values(fact: dict[str, Any]) -> dict[str, list[str]]:
    """For each article of a fact, the words it uses where the outlets disagree."""
    disputed: dict[str, list[str]] = {}
    for discrepancy in fact.get("discrepancies", []):
        for article_id, value in discrepancy.get("values", {}).items():
            disputed.setdefault(str(article_id), []).append(str(value))
    return disputed


def _wording(sentence: str, disputed: Iterable[str]) -> Text:
    """A sentence as plain text with the disputed values marked in the discrepancy colour."""
    text = Text(printable(sentence))
    folded = text.plain.casefold()
    for value in disputed:
        needle = printable(value).casefold()
        start = folded.find(needle) if needle else -1
        while start >= 0:
            text.stylize(DISCREPANCY, start, start + len(needle))
            start = folded.find(needle, start + len(needle))
    return text


def _own_wording(mine: list[dict[str, Any]]) -> Wording:
    if not mine:
        return Wording("")
    start, end = mine[0].get("start"), mine[0].get("end")
    if isinstance(start, int) and isinstance(end, int):
        return Wording(str(mine[0]["sentence"]), start, end)
    return Wording(str(mine[0]["sentence"]))


@dataclass
class PaneView:
    """The pane's content for one article.

    Attributes:
        title: The line above the rows.
        options: The rows, in order.
        targets: Option id -> the other outlet's wording it opens.
        fact_rows: This article's own wording of each fact, in fact order.
        unique_rows: Sentences only this article carries (option ids ``unique<n>``).
    """

    title: str
    options: list[Option] = field(default_factory=list)
    targets: dict[str, MentionTarget] = field(default_factory=dict)
    fact_rows: list[Wording] = field(default_factory=list)
    unique_rows: list[str] = field(default_factory=list)


def view_key(data: dict[str, Any], library: Library, article_id: str) -> tuple[str, ...]:
    """What a view depends on besides the comparison: the article and the outlets' names.

    Outlet names come from the library (the user may edit them), so they are
    part of the key; the comparison itself is the cache's lifetime.
    """
    story = story_of(data, article_id)
    names = [outlet_name(library, a) for a in story.get("articles", [])] if story else []
    return (article_id, *names)


def build_view(
    data: dict[str, Any] | None, library: Library, article_id: str | None, status: str | None
) -> PaneView:
    """The pane's content for ``article_id`` under the comparison ``data``.

    Args:
        data: ``compare.to_json`` output, or ``None`` when there is none (yet).
        library: Outlet names come from here (with the user's edits).
        article_id: The article in the reader.
        status: Shown instead of the default line when ``data`` is ``None``.
    """
    if data is None:
        return PaneView(status or NOT_COMPUTED)
    if article_id is None:
        return PaneView("comparison: open an article")
    story = story_of(data, article_id)
    if story is None or len(story.get("articles", [])) < 2:
        return PaneView("comparison: no other article tells this story")
    facts = list(facts_of(story, article_id))
    shared = [f for f in facts if len({m["article"] for m in f["mentions"]}) > 1]
    view = PaneView(
        f"comparison: {len(shared)} shared facts · {len(story['articles'])} articles in story"
    )
    view.options = list(_options(view, library, article_id, story, shared))
    return view


def _options(
    view: PaneView,
    library: Library,
    article_id: str,
    story: dict[str, Any],
    facts: list[dict[str, Any]],
) -> Iterator[Option]:
    for number, fact in enumerate(facts, 1):
        mine = [m for m in fact["mentions"] if m["article"] == article_id]
        others = [m for m in fact["mentions"] if m["article"] != article_id]
        # Two articles of one outlet are two reports: count articles, not outlet names.
        articles = len({m["article"] for m in fact["mentions"]})
        header = Text.assemble(
            (f"fact {number}", "bold"),
            (f" · {articles} articles · ", DIM),
            (printable(str(fact.get("summary", ""))), "italic"),
        )
        view.fact_rows.append(_own_wording(mine))
        yield Option(header, disabled=True)
        disputed = _disputed_values(fact)
        if mine:
            here = _wording(mine[0]["sentence"], disputed.get(article_id, ()))
            yield Option(Text.assemble(("here: ", DIM), here), disabled=True)
        for mention in others:
            key = f"m{len(view.targets)}"
            start = mention.get("start")
            view.targets[key] = MentionTarget(
                mention["article"],
                mention["sentence"],
                start if isinstance(start, int) else None,
            )
            wording = _wording(mention["sentence"], disputed.get(mention["article"], ()))
            yield Option(
                Text.assemble((outlet_name(library, mention["article"]), "bold"), ": ", wording),
                id=key,
            )
        for discrepancy in fact.get("discrepancies", []):
            values = " · ".join(
                f"{outlet_name(library, aid)}: {printable(str(value))}"
                for aid, value in discrepancy.get("values", {}).items()
            )
            yield Option(
                Text.assemble(
                    ("≠ ", DISCREPANCY),
                    (f"{discrepancy.get('kind', '?')}: ", DISCREPANCY),
                    values,
                ),
                disabled=True,
            )
    unique = story.get("unique", {}).get(article_id, [])
    if unique:
        yield Option(Text(f"only in this article ({len(unique)})", "bold"), disabled=True)
        for number, sentence in enumerate(unique):
            # Selectable (not disabled) so the reader's cursor can be shown here too.
            yield Option(Text.assemble(("• ", DIM), printable(str(sentence))), id=f"unique{number}")
            view.unique_rows.append(str(sentence))
