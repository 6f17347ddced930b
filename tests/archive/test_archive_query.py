"""An archive answers every filter exactly as the in-memory list does, on the same corpus."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from newsreader.analysis import annotate_articles
from newsreader.archive import Archive, fill_archive
from newsreader.corpus import load
from newsreader.nlp.annotation import AnnotatedArticle
from newsreader.nlp.annotator import Annotator
from newsreader.query import ArticleState, SearchDoc, parse
from newsreader.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bulk"))
from bulk_samples import write_articles  # noqa: E402

QUERIES = [
    "",
    "kim",
    "rusi",
    "usia",
    "putin -kim",
    '"kim jong"',
    "vladivostok pertemuan",
    "outlet:republika",
    "-outlet:republika",
    "outlet:nusadaily kim",
    'entity:"Kim Jong Un"',
    "entity:putin",
    "entity:shoigu -label:EVENT",
    "label:EVENT",
    "label:QUANTITY outlet:republika",
    "date:2023-09-12",
    "date:2023-09-10..2023-09-12",
    "date:..2023-09-12",
    "-date:2023-09-13",
    "is:starred",
    "is:unread kim",
    "is:read",
    "-is:starred",
]


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[AnnotatedArticle]:
    folder = write_articles(seeds_dir, tmp_path_factory.mktemp("archive") / "articles", 30)
    articles = load([seeds_dir, folder]).articles
    return annotate_articles(articles, Annotator(), None)


@pytest.fixture(scope="module")
def states(corpus: list[AnnotatedArticle]) -> dict[str, ArticleState]:
    return {
        item.article.path: ArticleState(read=i % 3 == 0, starred=i % 4 == 1)
        for i, item in enumerate(corpus)
    }


@pytest.mark.parametrize("source", QUERIES)
def test_archive_filters_equal_the_in_memory_ones(
    source: str,
    corpus: list[AnnotatedArticle],
    states: dict[str, ArticleState],
    tmp_path: Path,
) -> None:
    with Archive.open(tmp_path / "a.sqlite3", create=True) as archive:
        archive.add(corpus)
        query = parse(source)
        rows = [
            (item.article, SearchDoc.build(item.article, item.entities), states[item.article.path])
            for item in corpus
        ]
        expected = sorted(corpus[i].article.path for i in query.select(rows))
        assert archive.paths(query, states) == expected
        assert archive.count(query, states) == len(expected)
        page = archive.rows(query, offset=2, limit=5, states=states)
        assert [row.path for row in page] == expected[2:7]


def test_the_queries_tell_articles_apart(
    corpus: list[AnnotatedArticle], states: dict[str, ArticleState]
) -> None:
    # The comparison above means something only if the filters select some, not all.
    counts = set()
    for source in QUERIES[1:]:
        query = parse(source)
        rows = [
            (item.article, SearchDoc.build(item.article, item.entities), states[item.article.path])
            for item in corpus
        ]
        counts.add(len(query.select(rows)))
    assert len(counts) >= 6
    assert 0 in counts and len(corpus) not in counts - {len(corpus)}


def test_refilling_replaces_changed_articles_and_keeps_the_index_true(
    corpus: list[AnnotatedArticle], tmp_path: Path
) -> None:
    first = corpus[0]
    with Archive.open(tmp_path / "a.sqlite3", create=True) as archive:
        archive.add(corpus[:3])
        assert archive.count(parse("kim")) == 3
        changed = dataclasses.replace(
            first.article, title="Harga cabai", text="Harga cabai naik di pasar Bandung."
        )
        archive.add([AnnotatedArticle(changed, first.annotation)])
        assert len(archive) == 3
        assert archive.count(parse("cabai")) == 1
        assert first.article.path not in archive.paths(parse("kim"))
        assert archive.article(first.article.path).text.startswith("Harga cabai")


def test_fill_adds_only_what_is_new_or_changed(
    corpus: list[AnnotatedArticle], tmp_path: Path
) -> None:
    store = Store.memory()
    key = Annotator().info.cache_key
    store.put_annotations(((i.article.content_hash, i.annotation) for i in corpus), key)
    articles = [item.article for item in corpus]
    with Archive.open(tmp_path / "a.sqlite3", create=True) as archive:
        lookup = lambda hashes: store.get_annotations(hashes, key)  # noqa: E731
        assert fill_archive(archive, articles, lookup) == len(articles)
        assert fill_archive(archive, articles, lookup) == 0
        assert archive.count(parse("label:PER")) == sum(
            1 for item in corpus if any(e.label == "PER" for e in item.entities)
        )


def test_archive_names_cannot_leave_the_archive_folder() -> None:
    for name in ("../x", "a/b", "", ".hidden", "x" * 65):
        with pytest.raises(ValueError):
            Archive.open(name, create=True)
    with pytest.raises(FileNotFoundError, match="newsreader annotate PATH --archive"):
        Archive.open("missing")


def test_an_archive_library_lists_filters_and_counts_as_the_in_memory_one(
    corpus: list[AnnotatedArticle], states: dict[str, ArticleState], tmp_path: Path
) -> None:
    from newsreader.app.archive_library import ArchiveLibrary
    from newsreader.app.library import Library

    memory = Library([item.article for item in corpus])
    memory.set_annotations(corpus)
    for item in corpus:
        flags = states[item.article.path]
        memory.set_state(item.article.id, read=flags.read, starred=flags.starred)
    hashes = {item.article.content_hash: item.annotation for item in corpus}
    with Archive.open(tmp_path / "a.sqlite3", create=True) as archive:
        archive.add(corpus)
        stored = ArchiveLibrary(archive, hashes.get, states)
        assert len(stored) == len(memory)
        assert [a.id for a in stored.articles] == [a.id for a in memory.articles]
        assert [(a.title, a.outlet, a.date) for a in stored.articles] == [
            (a.title, a.outlet, a.date) for a in memory.articles
        ]
        for source in QUERIES:
            assert stored.filter(parse(source)) == memory.filter(parse(source)), source
        some = memory.articles[7].id
        assert stored.position(some) == memory.position(some)
        assert stored.entities(some) == memory.entities(some)
        assert stored.label_counts(some) == memory.label_counts(some)
        assert stored.state(some) == memory.state(some)
        stored.set_state(some, starred=True)
        memory.set_state(some, starred=True)
        assert stored.filter(parse("is:starred")) == memory.filter(parse("is:starred"))
