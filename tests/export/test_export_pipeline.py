"""The whole path on the bundled seeds: read, annotate with the real model, export, read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_samples import SEEDS, commonmark_inline

from newsreader.analysis import annotate_articles
from newsreader.corpus import load
from newsreader.export import ExportItem, export_articles, parse_export


@pytest.mark.slow
def test_real_annotations_round_trip_through_files(tmp_path: Path) -> None:
    from newsreader.nlp.annotator import Annotator

    result = load([SEEDS])
    assert len(result.articles) == 5
    annotated = annotate_articles(result.articles, Annotator())
    items = [ExportItem(article) for article in annotated]
    for style in ("pandoc", "html"):
        report = export_articles(items, tmp_path / style, style=style)
        assert not report.errors and len(report.written) == 6
        for item in annotated:
            markdown = (tmp_path / style / f"{item.article.id}.md").read_text(encoding="utf-8")
            text, spans = parse_export(markdown)
            assert text == item.article.text
            assert spans == [(e.start, e.end, e.label) for e in item.entities]
            assert len(spans) > 20
            body = markdown.split("<!-- newsreader:text")[1].split("<!-- newsreader:end-text")[0]
            commonmark_inline(body.split("-->", 1)[1])  # stays paragraphs only
