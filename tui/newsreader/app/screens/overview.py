"""The story overview: which outlet carries which fact, and what each leaves out."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from newsreader.app.library import Library
from newsreader.app.widgets.compare_view import outlet_name
from newsreader.textsafe import printable

CARRIES = Text("●", style="bold green")
MISSING = Text("·", style="dim")
SUMMARY_WIDTH = 48


def _summary(fact: dict[str, Any]) -> Text:
    summary = printable(str(fact.get("summary") or fact.get("id") or "?"))
    if len(summary) > SUMMARY_WIDTH:
        summary = summary[: SUMMARY_WIDTH - 1] + "…"
    style = "bold #ff5f5f" if fact.get("discrepancies") else ""
    return Text(summary, style=style)


class OverviewScreen(ModalScreen[None]):
    """One matrix per story (facts down, articles across) and its blindspots."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,o", "close", "Close overview")]

    def __init__(self, data: dict[str, Any] | None, library: Library) -> None:
        super().__init__()
        self.data = data
        self.library = library

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="overview-body", classes="dialog"):
            yield Static(Text("Story overview", style="bold"), classes="dialog-title")
            stories = (self.data or {}).get("stories", [])
            if self.data is None:
                yield Static("comparison: not computed yet")
            elif not stories:
                yield Static("No stories: no articles share enough to compare.")
            for number, story in enumerate(stories, 1):
                yield from self._story(number, story)

    def _story(self, number: int, story: dict[str, Any]) -> ComposeResult:
        articles: list[str] = list(story.get("articles", []))
        facts = story.get("facts", [])
        yield Static(
            Text(f"Story {number}: {len(articles)} articles, {len(facts)} facts", style="bold"),
            classes="overview-story",
        )
        table: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row")
        table.add_column("fact (red: outlets disagree)")
        for article_id in articles:
            table.add_column(Text(outlet_name(self.library, article_id)))
        for fact in facts:
            present = {m.get("article") for m in fact.get("mentions", [])}
            table.add_row(_summary(fact), *[CARRIES if a in present else MISSING for a in articles])
        yield table
        # An entity every outlet names is no blindspot, whatever the list holds.
        blindspots = [b for b in story.get("blindspots", []) if _missing(b)]
        if blindspots:
            lines = Text()
            for spot in blindspots:
                lines.append(printable(_describe(spot)) + "\n")
            yield Static(Text("Blindspots", style="bold"))
            yield Static(lines)
        passages = story.get("shared_passages", [])
        if passages:
            text = Text()
            for passage in passages:
                pair = " & ".join(outlet_name(self.library, a) for a in passage.get("articles", []))
                text.append(f"{pair}: {passage.get('chars', 0)} characters in common\n")
            yield Static(Text("Shared wording (same wire copy?)", style="bold"))
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss(None)


def _missing(spot: Any) -> list[str]:
    if not isinstance(spot, dict):
        return []
    return [str(outlet) for outlet in spot.get("missing_from", [])]


def _describe(spot: dict[str, Any]) -> str:
    """One line for a blindspot: the entity, who names it and who never does."""
    entity = str(spot.get("entity", "?"))
    label = spot.get("label")
    name = f"{entity} ({label})" if label else entity
    named = len(spot.get("mentioned_by", []))
    return f"{name}: named by {named} outlet(s), never by {', '.join(_missing(spot))}"
