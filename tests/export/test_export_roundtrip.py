"""Exported files give back exactly the cleaned text and every entity; CommonMark agrees."""

from __future__ import annotations

import re

import pytest
from export_samples import (
    LABELS,
    SEEDS,
    annotated,
    body_of,
    capitalised_entities,
    commonmark_inline,
    seed_article,
    squeeze,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.corpus.article import Article
from newsreader.export import ExportItem, parse_export, render_article
from newsreader.nlp.annotation import Entity

SEED_PATHS = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("style", ["pandoc", "html"])
@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_seed_round_trip_is_exact(path, style: str) -> None:
    article = seed_article(path)
    entities = capitalised_entities(article.text)
    assert len(entities) > 20
    markdown = render_article(ExportItem(annotated(article, entities)), style=style)
    text, spans = parse_export(markdown)
    assert text == article.text
    assert spans == [(e.start, e.end, e.label) for e in entities]


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_plain_style_round_trips_text_and_offsets(path) -> None:
    article = seed_article(path)
    entities = capitalised_entities(article.text)
    markdown = render_article(ExportItem(annotated(article, entities)), style="plain")
    assert "**Kim" in markdown
    text, spans = parse_export(markdown)
    assert text == article.text
    assert spans == [(e.start, e.end, "") for e in entities]


@pytest.mark.parametrize("path", SEED_PATHS, ids=lambda p: p.stem)
def test_seed_export_reads_the_same_in_commonmark(path) -> None:
    article = seed_article(path)
    entities = capitalised_entities(article.text)
    body = body_of(render_article(ExportItem(annotated(article, entities))))
    tokens = commonmark_inline(body)
    assert {kind for kind, _ in tokens} <= {"text", "softbreak", "hardbreak", "break"}
    assert squeeze("".join(content for _, content in tokens)) == squeeze(
        _pandoc_plain(article.text, [(e.start, e.end, e.label) for e in entities])
    )


def _pieces(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """Spans cut at paragraph breaks, as Markdown needs: (start, end, label, continued)."""
    pieces = []
    for start, end, label in spans:
        cuts = [
            0,
            *(x for m in re.finditer(r"\n{2,}", text[start:end]) for x in m.span()),
            end - start,
        ]
        for number, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=True)):
            pieces.append((start + a, start + b, label, number > 0))
    return pieces


def _pandoc_plain(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The span syntax inserted into unescaped text: what CommonMark must show verbatim."""
    out, position = [], 0
    for start, end, label, continued in _pieces(text, spans):
        attributes = f"{{.{label}{' .continued' if continued else ''}}}"
        out += [text[position:start], "[", text[start:end], "]" + attributes]
        position = end
    out.append(text[position:])
    return "".join(out)


# -- generated texts ------------------------------------------------------------

_TRICKY = list("[]{}()*_\\`|<>#+-=.!~$^@&:;'\"%/ \n") + [
    "\n\n",
    "1. ",
    "- ",
    "> ",
    "# ",
    "    ",
    "&amp;",
    "&#32;",
    "]{.PER}",
    "<mark>",
    "**",
    "مرحبا",
    "金正恩",
    "😀",
    "é",
    "Kim Jong-un",
    "\u00a0",
    "---",
    "```",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(_TRICKY),
        st.characters(exclude_categories=("Cs", "Cc")),
        st.text(alphabet="abcXYZ ", min_size=1, max_size=6),
    ),
    max_size=40,
).map("".join)


@st.composite
def text_and_spans(draw: st.DrawFn):
    """A text and non-overlapping entity spans that start and end on non-space characters."""
    text = draw(texts)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans: list[tuple[int, int, str]] = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, draw(st.sampled_from([*LABELS, "WORK_OF_ART"]))))
    return text, spans


def _item(text: str, spans: list[tuple[int, int, str]], title: str | None = None) -> ExportItem:
    entities = tuple(Entity(s, e, text[s:e], label, text[s:e]) for s, e, label in spans)
    return ExportItem(
        annotated(Article(id="gen", path="/gen.txt", text=text, title=title), entities)
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_spans(), st.sampled_from(["pandoc", "html"]))
def test_generated_round_trip_is_exact(case, style: str) -> None:
    text, spans = case
    assert parse_export(render_article(_item(text, spans), style=style)) == (text, spans)


@settings(max_examples=150, deadline=None)
@given(text_and_spans())
def test_generated_plain_round_trips_text(case) -> None:
    text, spans = case
    parsed_text, parsed = parse_export(render_article(_item(text, spans), style="plain"))
    assert parsed_text == text
    # Bold has no label and stops at paragraph breaks: each span comes back in pieces.
    for start, end, label in parsed:
        assert label == ""
        assert any(s <= start < end <= e for s, e, _ in spans)


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_generated_pandoc_body_survives_commonmark(case) -> None:
    text, spans = case
    tokens = commonmark_inline(body_of(render_article(_item(text, spans))))
    assert {kind for kind, _ in tokens} <= {"text", "softbreak", "hardbreak", "break"}
    shown = "".join(content for _, content in tokens)
    assert squeeze(shown) == squeeze(_pandoc_plain(text, spans))


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_generated_html_marks_survive_commonmark(case) -> None:
    text, spans = case
    tokens = commonmark_inline(body_of(render_article(_item(text, spans), style="html")))
    assert {kind for kind, _ in tokens} <= {
        "text",
        "softbreak",
        "hardbreak",
        "break",
        "html_inline",
    }
    tags = [content for kind, content in tokens if kind == "html_inline"]
    more = ' data-continued="true"'
    assert tags == [
        tag
        for _, _, label, continued in _pieces(text, spans)
        for tag in (f'<mark class="ent {label}" data-label="{label}"{more * continued}>', "</mark>")
    ]
    shown = "".join(content for kind, content in tokens if kind != "html_inline")
    assert squeeze(shown) == squeeze(text)
    # The text between each pair of tags is the entity's text.
    marked, inside = [], None
    for kind, content in tokens:
        if kind == "html_inline":
            inside = [] if content.startswith("<mark") else marked.append("".join(inside)) or None
        elif inside is not None:
            inside.append(content)
    assert [squeeze(m) for m in marked] == [
        squeeze(text[s:e]) for s, e, _, _ in _pieces(text, spans)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-3, 60), st.integers(-3, 60), st.sampled_from(LABELS)), max_size=10
    ),
    texts,
)
def test_any_entities_never_break_the_text(raw: list[tuple[int, int, str]], text: str) -> None:
    """Overlapping, empty, reversed or out-of-range entities: text stays exact, spans valid."""
    entities = tuple(Entity(s, e, text[max(s, 0) : max(e, 0)], label, "x") for s, e, label in raw)
    item = ExportItem(annotated(Article(id="gen", path="/gen.txt", text=text), entities))
    for style in ("pandoc", "html"):
        parsed_text, spans = parse_export(render_article(item, style=style))
        assert parsed_text == text
        for start, end, label in spans:
            assert 0 <= start < end <= len(text) and label in LABELS
            assert not text[start].isspace() and not text[end - 1].isspace()
            assert any(s <= start and end <= e and lab == label for s, e, lab in raw)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_crlf_and_missing_section() -> None:
    markdown = render_article(_item("Kim tiba.\n\nDi Rusia.", [(0, 3, "PER")]))
    assert parse_export(markdown.replace("\n", "\r\n")) == (
        "Kim tiba.\n\nDi Rusia.",
        [(0, 3, "PER")],
    )
    with pytest.raises(ValueError):
        parse_export("# Just some notes\n\nNo export here.\n")
    with pytest.raises(ValueError):
        parse_export(markdown.split("<!-- newsreader:end-text -->")[0])
