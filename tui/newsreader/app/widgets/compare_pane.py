"""The comparison pane: the open article's facts beside the other outlets' wording.

It renders the comparison in its JSON form (``compare.to_json``: the
documented contract), so the pane depends on the published shape, not on
compare's internal classes. Selecting another outlet's wording opens that
article at that sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newsreader.app.library import Library
from newsreader.app.messages import ArticleChosen
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


def _squeeze(text: str) -> str:
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
        return len(text) if _squeeze(self.sentence) == _squeeze(text) else 0


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


class ComparePane(Vertical):
    """Facts of the open article; ``focus_sentence`` highlights the fact of a sentence."""

    def __init__(self, library: Library, *, id: str | None = None) -> None:  # noqa: A002 - Textual names it id
        super().__init__(id=id)
        self.library = library
        self.data: dict[str, Any] | None = None
        self.article_id: str | None = None
        self._targets: dict[str, MentionTarget] = {}
        self._fact_rows: list[Wording] = []
        self._unique_rows: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(NOT_COMPUTED, id="compare-title")
        yield OptionList(id="compare-list", compact=True)

    @property
    def options(self) -> OptionList:
        return self.query_one("#compare-list", OptionList)

    def set_comparison(self, data: dict[str, Any] | None, status: str | None = None) -> None:
        """Take a new comparison (``None`` with a status line when there is none)."""
        self.data = data
        self._render_article(status)

    def show_article(self, article_id: str | None) -> None:
        """Show the facts of the article now in the reader."""
        self.article_id = article_id
        self._render_article(None)

    def _render_article(self, status: str | None) -> None:
        title = self.query_one("#compare-title", Static)
        options = self.options
        options.clear_options()
        self._targets.clear()
        self._fact_rows.clear()
        self._unique_rows.clear()
        if self.data is None:
            title.update(status or NOT_COMPUTED)
            return
        if self.article_id is None:
            title.update("comparison: open an article")
            return
        story = story_of(self.data, self.article_id)
        if story is None or len(story.get("articles", [])) < 2:
            title.update("comparison: no other article tells this story")
            return
        facts = list(facts_of(story, self.article_id))
        shared = [f for f in facts if len({m["article"] for m in f["mentions"]}) > 1]
        title.update(
            f"comparison: {len(shared)} shared facts · {len(story['articles'])} articles in story"
        )
        options.add_options(list(self._options(story, shared)))

    def _options(self, story: dict[str, Any], facts: list[dict[str, Any]]) -> Iterator[Option]:
        assert self.article_id is not None
        for number, fact in enumerate(facts, 1):
            mine = [m for m in fact["mentions"] if m["article"] == self.article_id]
            others = [m for m in fact["mentions"] if m["article"] != self.article_id]
            # Two articles of one outlet are two reports: count articles, not outlet names.
            articles = len({m["article"] for m in fact["mentions"]})
            header = Text.assemble(
                (f"fact {number}", "bold"),
                (f" · {articles} articles · ", DIM),
                (printable(str(fact.get("summary", ""))), "italic"),
            )
            self._fact_rows.append(_own_wording(mine))
            yield Option(header, disabled=True)
            disputed = _disputed_values(fact)
            if mine:
                here = _wording(mine[0]["sentence"], disputed.get(self.article_id, ()))
                yield Option(Text.assemble(("here: ", DIM), here), disabled=True)
            for mention in others:
                key = f"m{len(self._targets)}"
                start = mention.get("start")
                self._targets[key] = MentionTarget(
                    mention["article"],
                    mention["sentence"],
                    start if isinstance(start, int) else None,
                )
                wording = _wording(mention["sentence"], disputed.get(mention["article"], ()))
                yield Option(
                    Text.assemble(
                        (outlet_name(self.library, mention["article"]), "bold"), ": ", wording
                    ),
                    id=key,
                )
            for discrepancy in fact.get("discrepancies", []):
                values = " · ".join(
                    f"{outlet_name(self.library, aid)}: {printable(str(value))}"
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
        unique = story.get("unique", {}).get(self.article_id, [])
        if unique:
            yield Option(Text(f"only in this article ({len(unique)})", "bold"), disabled=True)
            for number, sentence in enumerate(unique):
                # Selectable (not disabled) so the reader's cursor can be shown here too.
                yield Option(
                    Text.assemble(("• ", DIM), printable(str(sentence))), id=f"unique{number}"
                )
                self._unique_rows.append(str(sentence))

    def focus_sentence(self, start: int, end: int, text: str) -> bool:
        """Point at the fact this article states in the sentence ``text`` at ``start:end``.

        The fact is the one whose wording here overlaps the sentence most (by
        offsets when compare gives them, else by equal text); the first other
        outlet's wording of it is highlighted.

        Returns:
            Whether the sentence belongs to a shared fact.
        """
        overlaps = [wording.overlap(start, end, text) for wording in self._fact_rows]
        if overlaps and max(overlaps) > 0:
            return self._highlight_fact(overlaps.index(max(overlaps)))
        options = self.options
        for number, wording in enumerate(self._unique_rows):
            if _squeeze(wording) == _squeeze(text):
                options.highlighted = options.get_option_index(f"unique{number}")
                options.scroll_to_highlight()
                return False
        options.highlighted = None
        return False

    def _highlight_fact(self, fact_index: int) -> bool:
        options = self.options
        seen = -1
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            prompt = option.prompt
            if option.disabled and isinstance(prompt, Text) and prompt.plain.startswith("fact "):
                seen += 1
            elif seen == fact_index and not option.disabled:
                options.highlighted = index
                options.scroll_to_highlight(top=True)
                return True
        return False

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is None or self.library.position(target.article_id) is None:
            return
        at = target.start
        if at is None:
            found = self.library.article(target.article_id).text.find(target.sentence.strip())
            at = found if found >= 0 else None
        self.post_message(ArticleChosen(target.article_id, at))
