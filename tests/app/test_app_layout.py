"""Reader layout without a screen: wrapping, offsets, placeholders, removed lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader.app.library import Library, Overrides
from newsreader.app.widgets.reader_layout import (
    PLACEHOLDER,
    Cursor,
    Highlighter,
    layout_article,
    neutralise,
    offset_at,
    sentence_spans,
    wrap_spans,
)
from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Entity
from newsreader.query import parse


def test_wrap_breaks_at_spaces_and_cuts_long_words() -> None:
    text = "Kim tiba di Vladivostok dengan kereta"
    spans = wrap_spans(text, 12)
    assert [text[s:e] for s, e in spans] == ["Kim tiba di", "Vladivostok", "dengan", "kereta"]
    word = "Vladivostok"
    assert [word[s:e] for s, e in wrap_spans(word, 4)] == ["Vlad", "ivos", "tok"]


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    spans = wrap_spans("金正恩 访问 俄罗斯", 6)
    assert [("金正恩 访问 俄罗斯")[s:e] for s, e in spans] == ["金正恩", "访问", "俄罗斯"]


@given(st.text(alphabet=st.sampled_from("ab cd\u00e9金 "), max_size=80), st.integers(1, 30))
def test_wrapping_loses_nothing_but_break_spaces(text: str, width: int) -> None:
    spans = wrap_spans(text, width)
    kept = "".join(text[s:e] for s, e in spans)
    assert kept.replace(" ", "") == text.replace(" ", "")
    for start, end in spans:
        assert 0 <= start <= end <= len(text)


def test_neutralise_keeps_offsets() -> None:
    raw = "a\x1b[31mb\tc\x07d\n\ne"
    clean = neutralise(raw)
    assert len(clean) == len(raw)
    assert "\x1b" not in clean and "\x07" not in clean
    assert clean == f"a{PLACEHOLDER}[31mb c{PLACEHOLDER}d\n\ne"


def _article(**changes) -> Article:
    text = "Paragraf pertama tentang Kim.\n\nParagraf kedua tentang Putin."
    base = Article(id="x", path="x.txt", text=text, title="Judul", outlet="Antara")
    return Article(**{**base.__dict__, **changes})


def test_lines_know_their_offsets_and_clicks_map_back() -> None:
    article = _article()
    layout = layout_article(article, 20)
    body = [i for i, line in enumerate(layout.lines) if line.start is not None]
    for index in body:
        line = layout.lines[index]
        assert layout.plain(index) == article.text[line.start : line.end]
    putin = article.text.index("Putin")
    row = layout.line_of(putin)
    line = layout.lines[row]
    assert offset_at(layout, row, putin - line.start) == putin
    assert offset_at(layout, row, 500) is None
    # A break space belongs to the next line; every offset maps to some line.
    assert all(layout.line_of(offset) is not None for offset in range(len(article.text)))


def test_removed_lines_appear_where_they_stood() -> None:
    second = len("Paragraf pertama tentang Kim.\n\n")
    article = _article(removed=(RemovedLine("Baca Juga: lainnya", "related", second),))
    hidden = layout_article(article, 60)
    shown = layout_article(article, 60, show_removed=True)
    plain = [shown.plain(i) for i in range(len(shown.lines))]
    assert len(shown.lines) == len(hidden.lines) + 1
    assert plain.index("[related] Baca Juga: lainnya") + 1 == plain.index(
        "Paragraf kedua tentang Putin."
    )


def test_highlighter_styles_entities_of_shown_labels_and_the_cursor() -> None:
    article = _article()
    layout = layout_article(article, 60)
    kim = article.text.index("Kim")
    putin = article.text.index("Putin")
    entities = [
        Entity(kim, kim + 3, "Kim", "PER", "Kim Jong Un"),
        Entity(putin, putin + 5, "Putin", "LOC", "Putin"),  # hidden: LOC is off
    ]
    cursor = Cursor(kim, kim + 3, is_entity=True)
    highlighter = Highlighter(entities, {"PER"}, cursor, len(article.text))
    row = layout.line_of(kim)
    line = layout.lines[row]
    text = highlighter.line(layout, row)
    styled = [(s.start + line.start, s.end + line.start, str(s.style)) for s in text.spans]
    assert styled and all(start == kim and end == kim + 3 for start, end, _ in styled)
    assert any("reverse" in style for _, _, style in styled)
    assert highlighter.line(layout, layout.line_of(putin)).spans == []


def test_sentence_spans_fall_back_to_paragraphs() -> None:
    article = _article()
    spans = sentence_spans(article, ())
    assert [article.text[s:e] for s, e in spans] == [
        "Paragraf pertama tentang Kim.",
        "Paragraf kedua tentang Putin.",
    ]


def test_library_overrides_feed_filtering_and_can_be_cleared() -> None:
    library = Library([_article(), _article(id="y", path="y.txt", outlet=None)])
    assert library.filter(parse("outlet:kompas")) == []
    library.set_overrides("y", Overrides(outlet="Kompas"))
    assert library.filter(parse("outlet:kompas")) == [1]
    library.set_overrides("y", Overrides())
    assert library.article("y").outlet is None
    assert library.filter(parse("outlet:kompas")) == []
    library.set_state("x", starred=True)
    assert library.filter(parse("is:starred")) == [0]


def test_search_doc_built_before_an_edit_is_not_kept() -> None:
    library = Library([_article()])
    stale = library.search_doc("x")
    assert "antara" in stale.outlet
    library.set_overrides("x", Overrides(outlet="Kompas"))
    assert library.search_doc("x").outlet == "kompas"
    assert library.filter(parse("outlet:antara")) == []


def test_wording_matches_by_offsets_or_by_equal_text() -> None:
    from newsreader.app.widgets.compare_view import Wording

    placed = Wording("Ia bertemu Putin.", 40, 57)
    assert placed.overlap(40, 57, "whatever the text") == 17
    assert placed.overlap(0, 39, "Ia bertemu Putin.") == 0  # same words, another place
    loose = Wording("Ia  bertemu\nPutin.")
    assert loose.overlap(0, 10, "Ia bertemu Putin.") > 0
    assert loose.overlap(0, 10, "Ia bertemu") == 0  # a part is not the sentence


@given(
    st.text(alphabet=st.sampled_from("ab  \n\u00e9金\x1b\t."), max_size=120),
    st.integers(1, 25),
    st.lists(st.tuples(st.integers(0, 120), st.integers(1, 8)), max_size=6),
)
def test_layout_keeps_every_visible_character_and_never_breaks(
    text: str, width: int, spans: list[tuple[int, int]]
) -> None:
    article = Article(id="h", path="h.txt", text=text)
    layout = layout_article(article, width)
    body = [layout.plain(i) for i, line in enumerate(layout.lines) if line.start is not None]
    assert "".join(body).replace(" ", "") == neutralise(text).replace(" ", "").replace("\n", "")
    entities = [
        Entity(start, min(start + size, len(text)), "x", "PER", "x")
        for start, size in spans
        if start < len(text)
    ]
    highlighter = Highlighter(entities, {"PER"}, None, len(text))
    for index in range(len(layout.lines)):
        assert highlighter.line(layout, index).plain == layout.plain(index)
    for offset in range(len(text)):
        row = layout.line_of(offset)
        assert row is None or layout.lines[row].start is not None
