"""The user's own state: marks, corrections, position, and how keys follow files."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.corpus.article import Article
from newsreader.store import ArticleKey, ArticleState, Position, Store, apply_overrides


def test_marks_and_overrides_survive_reopening(db_path: Path, seed_articles: list[Article]) -> None:
    first, second = (ArticleKey.of(a) for a in seed_articles[:2])
    with Store.open(db_path) as store:
        assert store.get_state(first) == ArticleState()
        assert store.mark_read(first)
        assert store.set_starred(second)
        assert store.set_override(first, "outlet", "Republika")
        assert store.set_override(first, "date", "2023-09-13")
    with Store.open(db_path) as store:
        assert store.get_state(first) == ArticleState(
            read=True, overrides={"outlet": "Republika", "date": "2023-09-13"}
        )
        assert store.get_state(second) == ArticleState(starred=True)
        store.mark_read(first, read=False)
        store.set_override(first, "outlet", None)
        assert store.get_state(first) == ArticleState(overrides={"date": "2023-09-13"})
        assert store.overrides(first) == {"date": "2023-09-13"}


def test_state_follows_a_moved_file_by_content(tmp_path: Path, db_path: Path) -> None:
    article = Article(id="a", path=str(tmp_path / "old" / "a.txt"), text="Kim tiba di Rusia.")
    moved = dataclasses.replace(article, path=str(tmp_path / "new" / "a.txt"))
    edited_in_place = dataclasses.replace(article, text="Kim tiba di Rusia pada Selasa.")
    with Store.open(db_path) as store:
        store.set_starred(ArticleKey.of(article))
        # Moved: nothing stored for the new path, so the same text's state is used ...
        assert store.get_state(ArticleKey.of(moved)).starred
        # ... and carried over when it changes, keeping the star.
        store.mark_read(ArticleKey.of(moved))
        assert store.get_state(ArticleKey.of(moved)) == ArticleState(read=True, starred=True)
        # Edited in place: the path still finds the state.
        assert store.get_state(ArticleKey.of(edited_in_place)).starred
        # A different file with different text starts clean.
        other = Article(id="b", path=str(tmp_path / "b.txt"), text="Lain.")
        assert store.get_state(ArticleKey.of(other)) == ArticleState()


def test_keys_are_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    key = ArticleKey.of(Article(id="a", path="sub/../a.txt", text="x"))
    assert key.path == str(tmp_path / "a.txt")


def test_get_states_batches_and_fills_defaults(db_path: Path) -> None:
    keys = [ArticleKey(f"/corpus/{i}.txt", f"hash{i}") for i in range(1_200)]
    with Store.open(db_path) as store:
        for key in keys[::100]:
            store.mark_read(key)
        moved = ArticleKey("/elsewhere/0.txt", "hash0")
        states = store.get_states([*keys, moved])
    assert len(states) == 1_201
    assert {k for k, s in states.items() if s.read} == {*keys[::100], moved}


def test_saved_states_name_only_the_keys_with_state(db_path: Path) -> None:
    keys = [ArticleKey(f"/corpus/{i}.txt", f"hash{i}") for i in range(1_200)]
    with Store.open(db_path) as store:
        assert store.saved_states(keys) == {}
        assert not store.has_states()
        store.mark_read(keys[3])
        assert store.has_states()
        store.set_override(keys[700], "outlet", "Antara")
        moved = ArticleKey("/elsewhere/3.txt", "hash3")  # same text as keys[3]
        copy = ArticleKey("/elsewhere/other.txt", "hash700")
        saved = store.saved_states([*keys, moved, copy])
    assert saved == {
        3: ArticleState(read=True),
        700: ArticleState(overrides={"outlet": "Antara"}),
        1_200: ArticleState(read=True),
        1_201: ArticleState(overrides={"outlet": "Antara"}),
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "13/09/2023"), ("date", "2023-02-30"), ("body", "x"), ("id", "x")],
)
def test_bad_overrides_are_refused(db_path: Path, field: str, value: str) -> None:
    with Store.open(db_path) as store, pytest.raises(ValueError):
        store.set_override(ArticleKey("/a.txt", "h"), field, value)


def test_override_values_are_cleaned(db_path: Path) -> None:
    key = ArticleKey("/a.txt", "h")
    with Store.open(db_path) as store:
        store.set_override(key, "title", "  \x1b[31mJudul\x1b[0m\nbaru \x07 ")
        store.set_override(key, "outlet", "   ")  # blank clears rather than stores ""
        assert store.overrides(key) == {"title": "Judul baru"}


def test_apply_overrides_replaces_only_edited_fields() -> None:
    article = Article(id="a", path="/a.txt", text="t", title="Lama", outlet=None, date="2023-09-12")
    edited = apply_overrides(article, {"outlet": "Kompas", "date": "2023-09-13"})
    assert (edited.title, edited.outlet, edited.date) == ("Lama", "Kompas", "2023-09-13")
    assert apply_overrides(article, {}) is article


def test_position_round_trip_and_damaged_row(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.last_position() is None
        position = Position("001_x", "/corpus/001_x.txt", list_index=7, scroll=12.5, sentence=3)
        assert store.save_position(position)
    with Store.open(db_path) as store:
        assert store.last_position() == position
    conn = sqlite3.connect(db_path)
    conn.execute("""UPDATE position SET data = '{"list_index": "seven", "sentence": true}'""")
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.last_position() == Position()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE position SET data = 'not json'")
    conn.commit()
    conn.close()
    with Store.open(db_path) as store:
        assert store.last_position() is None
        assert store.warnings == []


def test_memory_store_keeps_nothing(db_path: Path) -> None:
    store = Store.memory()
    store.mark_read(ArticleKey("/a.txt", "h"))
    assert store.get_state(ArticleKey("/a.txt", "h")).read
    assert store.path is None and not store.persistent
    store.close()


_paths = st.sampled_from(["/a.txt", "/b.txt", "/moved/a.txt"])
_hashes = st.sampled_from(["ha", "hb"])
_operations = st.lists(
    st.one_of(
        st.tuples(st.just("read"), _paths, _hashes, st.booleans()),
        st.tuples(st.just("star"), _paths, _hashes, st.booleans()),
        st.tuples(
            st.just("override"), _paths, _hashes,
            st.tuples(st.sampled_from(["title", "outlet"]), st.none() | st.text("ab ", max_size=4)),
        ),
        st.tuples(st.just("reopen"), _paths, _hashes, st.none()),
    ),
    max_size=25,
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(_operations)
def test_state_matches_a_simple_model(tmp_path_factory, operations) -> None:
    """Any sequence of changes and reopenings reads back like a dict keyed by path,
    where a path never written falls back to the last write for the same text."""
    db_path = tmp_path_factory.mktemp("model") / "newsreader.sqlite3"
    model: dict[str, tuple[str, ArticleState]] = {}  # path -> (hash, state)
    order: list[str] = []  # paths, least recently written first

    def expected(path: str, content_hash: str) -> ArticleState:
        if path in model:
            return model[path][1]
        for written in reversed(order):
            if model[written][0] == content_hash:
                return model[written][1]
        return ArticleState()

    store = Store.open(db_path)
    try:
        for kind, path, content_hash, value in operations:
            key = ArticleKey(path, content_hash)
            if kind == "reopen":
                store.close()
                store = Store.open(db_path)
                continue
            state = expected(path, content_hash)
            overrides = dict(state.overrides)
            if kind == "read":
                store.mark_read(key, value)
                state = ArticleState(value, state.starred, overrides)
            elif kind == "star":
                store.set_starred(key, value)
                state = ArticleState(state.read, value, overrides)
            else:
                name, text = value
                store.set_override(key, name, text)
                cleaned = text.strip() if text else ""
                if cleaned:
                    overrides[name] = cleaned
                else:
                    overrides.pop(name, None)
                state = ArticleState(state.read, state.starred, overrides)
            model[path] = (content_hash, state)
            order = [p for p in order if p != path] + [path]
            for other_path in ("/a.txt", "/b.txt", "/moved/a.txt"):
                for other_hash in ("ha", "hb"):
                    got = store.get_state(ArticleKey(other_path, other_hash))
                    assert got == expected(other_path, other_hash)
        assert store.warnings == []
    finally:
        store.close()


@settings(max_examples=40, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner)))  # fmt: skip
def test_any_saved_position_reads_without_error(data) -> None:
    from newsreader.store.state import position_from_dict

    position = position_from_dict(data)
    assert position is None or isinstance(position, Position)
