"""The exporter on the injection article, in every style, read back as a Markdown reader would.

Entities are marked by hand here (one of them *is* a markup string), so the
module needs no model and checks the exporter alone; the CLI module checks
the same article end to end with the real model.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from badcorpus import (
    ESCAPE_PAYLOADS,
    FORBIDDEN_SUBSTRINGS,
    HTML_PAYLOADS,
    MARKUP_PAYLOADS,
    BadCorpus,
)
from hostile_run import UNSAFE_CHARS
from markdown_it import MarkdownIt

from newsreader import compare
from newsreader.corpus import article_from_text, load
from newsreader.corpus.sanitize import sanitize
from newsreader.export import STYLES, export_articles, parse_export
from newsreader.export.escape import unescape
from newsreader.export_items import export_items
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity
from newsreader.nlp.sentences import split_sentences

MARKED = (
    ("Bandung", "LOC"),
    ("[bold red]merah[/]", "ORG"),
    ("[@click=app.quit]keluar[/]", "EVENT"),
    ("Ridwan Hidayat", "PER"),
    ('<script>alert("xss")</script>', "ORG"),
)


def _annotated(bad_corpus: BadCorpus) -> list[AnnotatedArticle]:
    result = load([bad_corpus.root / "injeksi.txt", bad_corpus.root / "kereta.md"])
    annotated = []
    for article in result.articles:
        entities = []
        for surface, label in MARKED:
            start = article.text.find(surface)
            if start >= 0:
                entities.append(Entity(start, start + len(surface), surface, label, surface))
        entities.sort(key=lambda e: e.start)
        annotation = Annotation(tuple(entities), tuple(split_sentences(article.text)))
        annotated.append(AnnotatedArticle(article, annotation))
    return annotated


@pytest.fixture(scope="module")
def exported(bad_corpus: BadCorpus, tmp_path_factory: pytest.TempPathFactory):
    annotated = _annotated(bad_corpus)
    assert len(annotated[0].entities) == len(MARKED), "every hand mark found in the text"
    items = export_items(annotated, compare.build(annotated))
    out = tmp_path_factory.mktemp("export")
    files = {}
    for style in STYLES:
        report = export_articles(items, out / style, style=style)
        assert not report.errors
        files[style] = {path.name: path.read_text(encoding="utf-8") for path in report.written}
    return annotated, files


def _front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown[4 : markdown.index("\n---\n", 4)])


@pytest.mark.parametrize("style", STYLES)
def test_export_has_no_control_characters_or_payload_remnants(exported, style: str) -> None:
    _, files = exported
    assert "injeksi.md" in files[style]
    for name, markdown in files[style].items():
        assert UNSAFE_CHARS.search(name) is None
        found = UNSAFE_CHARS.search(markdown)
        assert found is None, (name, markdown[max(0, found.start() - 40) : found.end()])
        for forbidden in FORBIDDEN_SUBSTRINGS:
            assert forbidden not in markdown, (name, forbidden)


@pytest.mark.parametrize("style", STYLES)
def test_export_renders_no_live_html_links_or_markup(exported, style: str) -> None:
    annotated, files = exported
    markdown = files[style]["injeksi.md"]
    # The front matter is YAML data (checked below), not Markdown to render.
    body = markdown[markdown.index("\n---\n", 4) + 5 :]
    html = MarkdownIt("commonmark", {"html": True}).render(body)
    # Only the exporter's own <mark> tags may be live HTML.
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"p", "h1", "h2", "h3", "ul", "li", "strong", "em", "mark", "hr", "code"}, tags
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert 'href="http://x"' not in html
    # The rendered page shows the markup payloads as the characters they are.
    text = re.sub(r"<[^>]+>", "", html).replace("&quot;", '"')
    for payload in MARKUP_PAYLOADS.values():
        assert payload in text, payload


@pytest.mark.parametrize("style", ["pandoc", "html"])
def test_export_round_trips_text_and_entities_exactly(exported, style: str) -> None:
    annotated, files = exported
    for item in annotated:
        body, spans = parse_export(files[style][f"{item.article.id}.md"])
        assert body == item.article.text
        assert spans == [(e.start, e.end, e.label) for e in item.entities]


def test_front_matter_keeps_hostile_metadata_as_plain_strings(exported) -> None:
    annotated, files = exported
    by_id = {item.article.id: item.article for item in annotated}
    for style in STYLES:
        # Markdown-escaped, since Pandoc reads metadata as Markdown.
        meta = _front_matter(files[style]["injeksi.md"])
        assert unescape(meta["title"]) == by_id["injeksi"].title
        assert "[bold red]merah[/]" in unescape(meta["title"])
        kereta = _front_matter(files[style]["kereta.md"])
        assert kereta["outlet"] == "Warta \\[link=http://x\\]Rel\\[/link\\]"
        assert unescape(kereta["outlet"]) == "Warta [link=http://x]Rel[/link]"


def test_export_of_text_made_only_of_payloads(tmp_path: Path) -> None:
    """An article that is nothing but payloads still exports, and exports nothing live."""
    text = "Judul\n\n" + " ".join(
        [*ESCAPE_PAYLOADS.values(), *MARKUP_PAYLOADS.values(), *HTML_PAYLOADS.values()]
    )
    article = article_from_text(text, article_id="../../\x1b[31mjahat")
    annotated = [AnnotatedArticle(article, Annotation((), tuple(split_sentences(article.text))))]
    report = export_articles(export_items(annotated, None), tmp_path / "out")
    [written] = [p for p in report.written if p.name != "README.md"]
    assert written.parent == tmp_path / "out" and ".." not in written.name
    markdown = written.read_text(encoding="utf-8")
    assert UNSAFE_CHARS.search(markdown) is None and "pwned" not in markdown
    assert parse_export(markdown)[0] == article.text


def test_stray_c1_character_does_not_swallow_the_rest_of_the_paragraph() -> None:
    line = "Ia berkata â€œyaâ€\x9d lalu pergi ke pasar bersama 3 temannya."
    assert sanitize(line) == "Ia berkata â€œyaâ€ lalu pergi ke pasar bersama 3 temannya."
