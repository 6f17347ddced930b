"""build(): progress, cancelling, odd inputs, JSON shape and the text report."""

from __future__ import annotations

import json

import pytest
from compare_samples import flood_articles, make_article

from newsreader.compare import CompareCancelled, build, to_json
from newsreader.compare.report import render_text
from newsreader.corpus.article import LoadError


def test_progress_reaches_the_total() -> None:
    seen: list[tuple[int, int]] = []
    build(flood_articles(), on_progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] == 6
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_should_stop_cancels() -> None:
    items = [make_article(f"a{i}", f"Berita nomor {i} tentang pasar ikan kota.") for i in range(60)]
    with pytest.raises(CompareCancelled):
        build(items, should_stop=lambda: True)


def test_empty_input_and_empty_articles() -> None:
    assert build([]).stories == ()
    comparison = build([make_article("empty", ""), make_article("short", "Oke.")])
    assert {a for s in comparison.stories for a in s.articles} == {"empty", "short"}
    assert all(s.facts == () for s in comparison.stories)


def test_sentences_are_split_when_the_annotation_has_none() -> None:
    item = make_article("x", "Gempa mengguncang Cianjur pagi ini. Warga berlarian keluar rumah.")
    bare = type(item)(item.article, type(item.annotation)(item.annotation.entities, ()))
    comparison = build([bare])
    assert len(comparison.stories[0].unique["x"]) == 2


def test_to_json_is_serialisable_and_keeps_errors() -> None:
    data = to_json(build(flood_articles()), errors=[LoadError("bad.txt", "not text")])
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == data
    assert data["errors"] == [{"path": "bad.txt", "reason": "not text"}]
    story = data["stories"][0]
    assert story["outlets"]["flood_unknown"] == "unknown (flood_un…)"
    for article, mentions in story["unique_mentions"].items():
        assert [m["sentence"] for m in mentions] == story["unique"][article]
    assert set(story["coverage"]) == {"Kompas", "Detik", "unknown (flood_un…)"}
    kinds = {d["kind"] for f in story["facts"] for d in f["discrepancies"]}
    assert kinds == {"date", "number", "speaker"}


def test_text_report_lists_facts_and_discrepancies() -> None:
    text = render_text(build(flood_articles()))
    assert "Story s1" in text
    assert "! number differs" in text and "46 orang" in text
    assert "! speaker differs" in text and "Mahyeldi Ansharullah" in text
    assert "Only one article:" in text


def test_text_report_never_passes_terminal_escapes() -> None:
    hostile = (
        "Gempa \x1b]0;owned\x07mengguncang \x1b[31mCianjur\x1b[0m pagi ini [bold]keras[/bold]. "
        "Warga berlarian keluar rumah\x07 sambil berteriak."
    )
    text = render_text(build([make_article("evil\x1b[2J", hostile, outlet="Out\x1blet")]))
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold]keras[/bold]" in text  # plain text: markup is shown, never interpreted


def test_empty_comparison_report() -> None:
    assert render_text(build([])) == "No stories: nothing to compare.\n"


def test_story_label_names_shared_people_first() -> None:
    label = build(flood_articles()).stories[0].label
    # Rudy Rinaldy is in two of three reports; Joko Widodo in one only.
    assert label.split(", ")[0] == "Rudy Rinaldy"
    assert "Joko Widodo" not in label


def test_text_report_has_the_outlet_by_fact_grid() -> None:
    comparison = build(flood_articles())
    text = render_text(comparison)
    grid = text.split("Which outlet carries which fact:\n")[1].split("\n\n")[0].splitlines()
    assert grid[0].split() == ["Kompas", "Detik", "unknown", "(flood…"]
    coverage = comparison.stories[0].coverage()
    for row, fact in zip(grid[1:], comparison.stories[0].facts, strict=True):
        marks = row.split()[1:]
        assert marks == ["x" if fact.id in ids else "." for ids in coverage.values()]
