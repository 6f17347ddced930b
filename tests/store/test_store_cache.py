"""The annotation and article caches: exact round trips, batching, misses."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from store_samples import capitalised_annotation

from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import Annotation, Entity, ModelInfo, Sentence
from newsreader.store import FileKey, Store, default_path

MODEL = ModelInfo("id_newsreader", "0.1.0").cache_key


def test_default_path_honours_xdg_data_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "newsreader" / "newsreader.sqlite3"
    with Store.open() as store:
        assert store.path == default_path()
        assert store.persistent and store.warnings == []
    assert default_path().is_file()


def test_seed_annotations_round_trip_exactly(db_path: Path, seed_articles: list[Article]) -> None:
    annotations = {a.content_hash: capitalised_annotation(a.text) for a in seed_articles}
    assert all(len(annotation.entities) > 10 for annotation in annotations.values())
    with Store.open(db_path) as store:
        store.put_annotations(annotations.items(), MODEL)
    with Store.open(db_path) as store:
        assert store.get_annotations(list(annotations), MODEL) == annotations
        first = seed_articles[0]
        assert store.get_annotation(first.content_hash, MODEL) == annotations[first.content_hash]
        for article in seed_articles:
            for entity in annotations[article.content_hash].entities:
                assert article.text[entity.start : entity.end] == entity.text


def test_keys_are_text_and_model(db_path: Path) -> None:
    annotation = Annotation((Entity(0, 3, "Kim", "PER", "Kim Jong-un"),), (Sentence(0, 4),))
    with Store.open(db_path) as store:
        store.put_annotations([("hash-a", annotation)], MODEL)
        assert store.get_annotation("hash-a", "other_model@1.0") is None
        assert store.get_annotation("hash-b", MODEL) is None
        assert store.get_annotations([], MODEL) == {}


def test_non_latin_and_empty_annotations(db_path: Path) -> None:
    text = 'مرحبا 金正恩 😀 "quoted" \\ back'
    annotation = Annotation(
        (Entity(6, 9, "金正恩", "PER", "Kim Jong-un"), Entity(0, 5, "مرحبا", "LOC", "مرحبا")),
        (Sentence(0, len(text)),),
    )
    with Store.open(db_path) as store:
        store.put_annotations([("x", annotation), ("empty", Annotation())], MODEL)
        assert store.get_annotations(["x", "empty"], MODEL) == {
            "x": annotation,
            "empty": Annotation(),
        }


def test_many_keys_are_batched_and_written_in_one_transaction(db_path: Path) -> None:
    items = [
        (f"{i:064x}", Annotation((Entity(i, i + 1, "a", "PER", "a"),), (Sentence(0, i + 1),)))
        for i in range(1_234)
    ]
    statements: list[str] = []
    with Store.open(db_path) as store:
        store._db.conn.set_trace_callback(statements.append)
        store.put_annotations(items, MODEL)
        assert sum(s.startswith("BEGIN") for s in statements) == 1
        statements.clear()
        found = store.get_annotations([key for key, _ in items] + ["missing"], MODEL)
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == 3  # 1,235 keys in batches of 500
    assert found == dict(items)


def test_rows_in_another_format_are_misses(db_path: Path) -> None:
    annotation = Annotation((Entity(0, 3, "Kim", "PER", "Kim"),), ())
    with Store.open(db_path) as store:
        store.put_annotations([("good", annotation), ("old", annotation)], MODEL)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE annotations SET data = '[\"oldfmt\",[],[],[]]' WHERE content_hash = 'old'")
    conn.execute("INSERT INTO annotations VALUES ('junk', ?, 'not json')", (MODEL,))
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.get_annotations(["good", "old", "junk"], MODEL) == {"good": annotation}
        assert store.warnings == []


def test_article_cache_round_trip_and_invalidation(
    tmp_path: Path, db_path: Path, seed_articles: list[Article]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("whatever was read", encoding="utf-8")
    article = Article(
        id="a",
        path=str(source),
        text=seed_articles[1].text,
        title="Kim Jong-un: Kunjungan",
        outlet="REPUBLIKA.CO.ID",
        date="2023-09-13",
        time="07:09",
        timezone="WIB",
        wire="Reuters",
        removed=(RemovedLine("Baca Juga", "related", 120), RemovedLine("Foto: AP", "caption", 0)),
    )
    key = FileKey.of(source)
    with Store.open(db_path) as store:
        store.put_articles([(key, article)], reader_version="r1")
        assert store.get_articles([key], reader_version="r1") == {key: article}
        assert store.get_articles([key], reader_version="r2") == {}
        os.utime(source, ns=(key.mtime_ns + 1_000_000_000, key.mtime_ns + 1_000_000_000))
        assert store.get_articles([FileKey.of(source)], reader_version="r1") == {}
        source.write_text("whatever was read, and more", encoding="utf-8")
        changed = FileKey.of(source)
        store.put_articles([(changed, article)], reader_version="r1")
        assert store.get_articles([changed], reader_version="r1") == {changed: article}
        assert store.get_articles([key], reader_version="r1") == {}


def test_upgrade_from_schema_1_keeps_state_and_drops_cache(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(
        """
        CREATE TABLE annotations (content_hash TEXT, model_key TEXT, data TEXT,
            PRIMARY KEY (content_hash, model_key)) WITHOUT ROWID;
        INSERT INTO annotations VALUES ('h', 'm@1', '[]');
        CREATE TABLE article_state (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0,
            overrides TEXT NOT NULL DEFAULT '{}', updated_at REAL NOT NULL);
        INSERT INTO article_state VALUES ('/a.txt', 'h', 1, 1, '{"outlet": "Kompas"}', 0);
        PRAGMA user_version = 1;
        """
    )
    conn.close()
    from newsreader.store import ArticleKey, ArticleState

    with Store.open(db_path) as store:
        assert store.warnings == []
        assert store.get_state(ArticleKey("/a.txt", "h")) == ArticleState(
            read=True, starred=True, overrides={"outlet": "Kompas"}
        )
        assert store.get_annotation("h", "m@1") is None
        annotation = Annotation((Entity(0, 1, "a", "PER", "a"),), ())
        store.put_annotations([("h", annotation)], "m@1")
        assert store.get_annotation("h", "m@1") == annotation


def test_prune_and_clear_keep_the_user_state(db_path: Path) -> None:
    from newsreader.store import ArticleKey

    old = Annotation((Entity(0, 3, "Kim", "PER", "Kim"),), ())
    new = Annotation((Entity(0, 3, "Kim", "PER", "Kim Jong-un"),), ())
    key = ArticleKey("/a.txt", "h")
    with Store.open(db_path) as store:
        store.put_annotations([("h", old)], "model@0.1")
        store.put_annotations([("h", new)], "model@0.2")
        store.mark_read(key)
        assert store.prune_annotations("model@0.2")
        assert store.get_annotation("h", "model@0.1") is None
        assert store.get_annotation("h", "model@0.2") == new
        assert store.clear_cache()
        assert store.get_annotation("h", "model@0.2") is None
        assert store.get_state(key).read


def test_prune_articles_keeps_the_current_version_and_the_user_state(
    tmp_path: Path, db_path: Path, seed_articles: list[Article]
) -> None:
    from newsreader.store import ArticleKey

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text("whatever was read", encoding="utf-8")
    old, new = seed_articles[0], seed_articles[1]
    with Store.open(db_path) as store:
        store.put_articles([(FileKey.of(first), old)], reader_version="corpus-1-aaaa")
        store.put_articles([(FileKey.of(second), new)], reader_version="corpus-1-bbbb")
        store.mark_read(ArticleKey.of(old))
        assert store.prune_articles("corpus-1-bbbb")
        assert store.get_articles([FileKey.of(second)], "corpus-1-bbbb") == {
            FileKey.of(second): new
        }
        assert store.get_articles([FileKey.of(first)], "corpus-1-aaaa") == {}
        assert store.get_state(ArticleKey.of(old)).read
    conn = sqlite3.connect(db_path)
    try:
        versions = conn.execute("SELECT reader_version FROM articles").fetchall()
    finally:
        conn.close()
    assert versions == [("corpus-1-bbbb",)]
