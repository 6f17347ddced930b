"""The parts of an exported document: front matter, headline, comparison, unsafe text."""

from __future__ import annotations

import dataclasses
import re

import pytest
from export_samples import (
    SEEDS,
    annotated,
    body_of,
    capitalised_entities,
    front_matter,
    seed_article,
    squeeze,
    tiny_yaml,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsreader.corpus.article import Article
from newsreader.export import (
    ArticleComparison,
    ExportItem,
    FactDiscrepancy,
    SharedFact,
    parse_export,
    render_article,
)
from newsreader.export.escape import unescape
from newsreader.nlp.annotation import Entity

CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_seed_front_matter() -> None:
    article = seed_article(SEEDS / "000_fc9175edbb7cee1d.txt")
    entities = list(capitalised_entities(article.text))
    # Canonical names group surface forms: both spellings count for one person.
    entities = [
        Entity(
            e.start,
            e.end,
            e.text,
            e.label,
            "Kim Jong-un" if e.text.startswith("Kim") else e.canonical,
        )
        for e in entities
    ]
    edited = dataclasses.replace(
        article, outlet="REPUBLIKA.CO.ID", date="2023-09-13", wire="Reuters"
    )
    item = ExportItem(annotated(edited, tuple(entities)))
    meta = front_matter(render_article(item))
    assert meta["title"] == article.title
    assert (meta["outlet"], meta["date"], meta["wire"]) == (
        "REPUBLIKA.CO.ID",
        "2023-09-13",
        "Reuters",
    )
    assert meta["source"] == article.path and meta["id"] == article.id
    assert meta["byline"] is None and meta["style"] == "pandoc"
    kim = [e for e in entities if e.canonical == "Kim Jong-un"]
    assert len(kim) > 3
    top = meta["entities"][kim[0].label][0]
    assert top == {"name": "Kim Jong-un", "count": sum(e.label == kim[0].label for e in kim)}
    total = sum(entry["count"] for entries in meta["entities"].values() for entry in entries)
    assert total == len(entities)


# Whole escape sequences only: a lone 8-bit CSI/OSC introducer swallows what
# follows it (as a terminal would), which a simple expected value cannot model.
_NASTY = st.lists(
    st.one_of(
        st.sampled_from(
            list(":#'\"\\{}[]&*!|>%@`,-?\n\t ")
            + ["---", "\x1b[31m", "\x07", "\u2028", "\ufeff", "\u0085", "ü", "金", "😀", "null"]
        ),
        st.characters(exclude_categories=("Cs", "Cc")),
    ),
    max_size=20,
).map("".join)
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def _expected_line(value: str) -> str | None:
    cleaned = " ".join(CONTROLS.sub("", _ANSI.sub("", value.replace("\t", " "))).split())
    return cleaned or None


@settings(max_examples=100, deadline=None)
@given(title=_NASTY, outlet=_NASTY, name=_NASTY, label=st.sampled_from(["PER", "LOC", "GPE"]))
def test_front_matter_is_valid_yaml_for_any_strings(title, outlet, name, label) -> None:
    text = "Kim tiba di Rusia."
    article = Article(id="a", path="/tmp/a: b #c.txt", text=text, title=title, outlet=outlet)
    item = ExportItem(annotated(article, (Entity(0, 3, "Kim", label, name),)))
    markdown = render_article(item)
    meta = front_matter(markdown)
    # Text values are Markdown-escaped (Pandoc reads them as Markdown).
    assert _unescaped(meta["title"]) == _expected_line(title)
    assert _unescaped(meta["outlet"]) == _expected_line(outlet)
    assert meta["source"] == "/tmp/a: b #c.txt"
    [entry] = meta["entities"][label]
    assert (unescape(entry["name"]), entry["count"]) == (_expected_line(name) or "Kim", 1)
    assert not CONTROLS.search(markdown.replace("\n", ""))


def _unescaped(value: str | None) -> str | None:
    return None if value is None else unescape(value)


_MARKUP = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "*Kim*",
                "_tiba_",
                "**",
                "[tiba](http://x)",
                "<b>",
                "</b>",
                "<!-- x -->",
                "`kode`",
                "$x$",
                "^s^",
                "~t~",
                "~~",
                "@cite",
                "[a]{.PER}",
                "&amp;",
                "&#42;",
                "\\",
                "\\*",
                "1. ",
                "a) ",
                "# ",
                "- ",
                "> ",
                "| ",
                "<http://x>",
                "![i](x.png)",
                "[^1]",
                " ",
            ]
        ),  # fmt: skip
        st.text(alphabet="Kim tiba ke Rusia-:.!'\"", max_size=6),
    ),
    max_size=12,
).map("".join)


def _literal_html(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


@settings(max_examples=200, deadline=None)
@given(title=_MARKUP, outlet=_MARKUP, name=_MARKUP)
def test_front_matter_text_renders_as_itself_not_as_markup(title, outlet, name) -> None:
    """Pandoc parses metadata values as Markdown: each must render to its own characters."""
    article = Article(id="a_b", path="/x/a_b.txt", text="Kim tiba.", title=title, outlet=outlet)
    meta = front_matter(
        render_article(ExportItem(annotated(article, (Entity(0, 3, "Kim", "PER", name),))))
    )
    values = [meta["title"], meta["outlet"], meta["entities"]["PER"][0]["name"]]
    markdown_it = MarkdownIt("commonmark", {"html": True})
    for raw, value in zip([title, outlet, name], values, strict=True):
        expected = _expected_line(raw)
        if expected is None:
            assert value is None or value == "Kim"  # a nameless entity keeps its text
            continue
        assert unescape(value) == expected
        assert markdown_it.render(value) == f"<p>{_literal_html(expected)}</p>\n", value
    # Identifiers stay verbatim: a path with "\\_" would name no file.
    assert (meta["id"], meta["source"]) == ("a_b", "/x/a_b.txt")


def test_front_matter_of_a_markup_title() -> None:
    title = "*Kim* [tiba](http://x) <b>"
    article = Article(id="a", path="/a.txt", text="Kim tiba.", title=title)
    markdown = render_article(ExportItem(annotated(article)))
    assert 'title: "\\\\*Kim\\\\* \\\\[tiba\\\\](http://x) \\\\<b\\\\>"\n' in markdown
    assert unescape(front_matter(markdown)["title"]) == title


def test_headline_is_title_or_id() -> None:
    titled = Article(id="001_x", path="/a.txt", text="Teks.", title="# Kim *tiba* #")
    untitled = Article(id="001_x", path="/a.txt", text="Teks.")
    first = render_article(ExportItem(annotated(titled)))
    assert "\n# \\# Kim \\*tiba\\* \\#\n" in first
    tokens = MarkdownIt("commonmark").parse("# \\# Kim \\*tiba\\* \\#")
    assert [t.type for t in tokens][0] == "heading_open"
    assert tokens[1].children[0].content == "# Kim *tiba* #"  # the reader sees the title as is
    assert "\n# 001\\_x\n" in render_article(ExportItem(annotated(untitled)))


def test_control_characters_never_reach_the_file() -> None:
    text = "\x1b[31mKim\x1b[0m tiba\x07 di \x9b1mRusia\x00.\r\nLalu\tpulang.\x1b]0;judul\x07"
    entities = (Entity(5, 8, "Kim", "PER", "Kim\x1b[2J"), Entity(25, 30, "Rusia", "LOC", "Rusia"))
    assert text[5:8] == "Kim" and text[25:30] == "Rusia"
    item = ExportItem(
        annotated(
            Article(id="\x1b[31mred", path="/a.txt", text=text, title="\x1b]0;x\x07Judul"), entities
        ),
        ArticleComparison(unique=("Kim \x1b[1mtiba\x1b[0m.",)),
    )
    for style in ("pandoc", "html", "plain"):
        markdown = render_article(item, style=style)
        assert not CONTROLS.search(markdown.replace("\n", "")), markdown
        assert "\x1b" not in markdown and "[31m" not in markdown and "judul" not in markdown
        cleaned, spans = parse_export(markdown)
        assert cleaned == "Kim tiba di Rusia.\nLalu pulang."
        if style != "plain":
            assert [(cleaned[s:e], label) for s, e, label in spans] == [
                ("Kim", "PER"),
                ("Rusia", "LOC"),
            ]
    assert front_matter(render_article(item))["entities"]["PER"] == [{"name": "Kim", "count": 1}]


def test_comparison_section() -> None:
    article = Article(
        id="r", path="/r.txt", text="Kim tiba di Rusia pada Selasa.", outlet="Republika"
    )
    comparison = ArticleComparison(
        shared=(SharedFact("Kim tiba di Rusia pada Selasa.", ("Kompas", "Tempo")),),
        unique=("# Pesan [rahasia] *penting*", "1. Butir"),
        discrepancies=(
            FactDiscrepancy("day", (("Republika", "Selasa"), ("Kompas", "Rabu"))),
            FactDiscrepancy("number", (("Republika", "1.500 km"), ("Tempo", "1.200 km"))),
        ),
    )
    markdown = render_article(ExportItem(annotated(article), comparison))
    section = markdown.split("<!-- newsreader:end-text -->")[1]
    assert "- Kim tiba di Rusia pada Selasa. — also in: Kompas, Tempo" in section
    assert "- \\# Pesan \\[rahasia\\] \\*penting\\*" in section
    assert "- 1\\. Butir" in section
    assert "  - Republika (this article): Selasa\n  - Kompas: Rabu" in section
    assert "  - Tempo: 1.200 km" in section
    # Each unique sentence stays one list item: no heading or nested list appears.
    blocks = [t.type for t in MarkdownIt("commonmark").parse(section)]
    assert blocks.count("heading_open") == 4  # Comparison + its three sub-sections
    assert "ordered_list_open" not in blocks


def test_comparison_without_matches_and_unknown_outlet() -> None:
    article = Article(id="solo", path="/s.txt", text="Teks.")
    comparison = ArticleComparison(
        discrepancies=(
            FactDiscrepancy(
                "place", (("solo (outlet unknown)", "Moskow"), ("Kompas", "Vladivostok"))
            ),
        )
    )
    section = render_article(ExportItem(annotated(article), comparison)).split("end-text -->")[1]
    assert "No fact of this article was found in another outlet." in section
    assert "solo (outlet unknown) (this article): Moskow" in section
    assert "## Comparison" not in render_article(ExportItem(annotated(article)))


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="pandoc"):
        render_article(ExportItem(annotated(Article(id="a", path="/a", text="x"))), style="rst")


def test_body_keeps_paragraphs_readable() -> None:
    article = seed_article(SEEDS / "003_a9307b54b66cf66b.txt")
    body = body_of(render_article(ExportItem(annotated(article))))
    assert body.count("\n\n") == article.text.count("\n\n")
    # Minimal escaping: ordinary Indonesian prose keeps its punctuation as typed.
    assert "Selasa (12/9/2023)" in body and "Kim Jong Un" in body


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=40), st.booleans())
def test_inline_escaping_reverses_and_stays_one_paragraph(value: str, heading: bool) -> None:
    from newsreader.export.escape import escape_inline, unescape

    escaped = escape_inline(value, heading=heading)
    assert unescape(escaped) == value
    if value.strip():
        tokens = MarkdownIt("commonmark").parse(("# " if heading else "- ") + escaped)
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1 and [c.type for c in inline[0].children] == ["text"]
        # Markdown trims whitespace at the edges of a line, as it always does.
        assert squeeze(inline[0].children[0].content) == squeeze(value)


def test_tiny_reader_agrees_with_pyyaml() -> None:
    yaml = pytest.importorskip("yaml")
    title = 'Kim: "Jong-un" \\ #1\x85\u2028\ufeff 金 😀'
    article = Article(id="a", path="/a.txt", text="Kim.", title=title, outlet=None)
    markdown = render_article(ExportItem(annotated(article, (Entity(0, 3, "Kim", "PER", title),))))
    block = markdown[4 : markdown.index("\n---\n", 4)]
    assert tiny_yaml(block) == yaml.safe_load(block)
    assert (
        unescape(tiny_yaml(block)["title"]) == 'Kim: "Jong-un" \\ #1 \ufeff 金 😀'
    )  # controls out
