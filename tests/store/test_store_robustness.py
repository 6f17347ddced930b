"""Damaged, read-only, locked and shared databases never crash the store."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_samples import run_unprivileged

from newsreader.nlp.annotation import Annotation, Entity, Sentence
from newsreader.store import ArticleKey, Position, Store
from newsreader.store.database import Database

MODEL = "id_newsreader@0.1.0"
TUI = Path(__file__).resolve().parents[2] / "tui"


def _annotation(i: int) -> Annotation:
    entities = tuple(
        Entity(j * 20, j * 20 + 9, f"Nama {i} {j}", "PER", f"Nama {i}") for j in range(30)
    )
    return Annotation(entities, tuple(Sentence(j * 80, j * 80 + 79) for j in range(20)))


def _filled(db_path: Path, *, n_states: int = 25, n_cached: int = 2_000) -> list[ArticleKey]:
    """A database with user state written first, then a cache spanning many pages."""
    keys = [ArticleKey(f"/corpus/{i}.txt", f"hash{i}") for i in range(n_states)]
    with Store.open(db_path) as store:
        for key in keys:
            store.mark_read(key)
        store.set_override(keys[0], "outlet", "Republika")
        store.save_position(Position("3", "/corpus/3.txt", list_index=3))
        store.put_annotations(((f"c{i}", _annotation(i)) for i in range(n_cached)), MODEL)
    return keys


def _corrupt_copies(db_path: Path) -> list[Path]:
    return sorted(db_path.parent.glob(db_path.name + ".corrupt-*[!l]"))  # not the -wal


def test_random_bytes_file_is_moved_aside_and_replaced(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = random.Random(1).randbytes(64 * 1024)
    db_path.write_bytes(garbage)
    with Store.open(db_path) as store:
        assert store.persistent
        assert len(store.warnings) == 1 and "damaged" in store.warnings[0]
        key = ArticleKey("/a.txt", "h")
        store.mark_read(key)
        store.put_annotations([("h", _annotation(0))], MODEL)
        assert store.get_annotation("h", MODEL) == _annotation(0)
    [moved] = _corrupt_copies(db_path)
    assert moved.read_bytes() == garbage  # the user's file is kept, not deleted
    with Store.open(db_path) as store:
        assert store.warnings == []
        assert store.get_state(key).read


def test_truncated_file_keeps_the_user_state(db_path: Path) -> None:
    keys = _filled(db_path)
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:
        handle.truncate(size // 2)
    with Store.open(db_path) as store:
        assert any("25 saved article states were recovered" in w for w in store.warnings)
        states = store.get_states(keys)
        assert all(state.read for state in states.values())
        assert states[keys[0]].overrides == {"outlet": "Republika"}
        assert store.last_position() == Position("3", "/corpus/3.txt", list_index=3)
        assert store.get_annotations([f"c{i}" for i in range(10)], MODEL) == {}
    assert len(_corrupt_copies(db_path)) == 1


def test_damage_found_mid_session_rebuilds_the_cache_only(db_path: Path) -> None:
    keys = _filled(db_path)
    size = db_path.stat().st_size
    with db_path.open("r+b") as handle:  # scribble over the last third: cache pages
        handle.seek(size - size // 3)
        handle.write(random.Random(2).randbytes(size // 3 - 4096))
    with Store.open(db_path) as store:
        found = store.get_annotations([f"c{i}" for i in range(2_000)], MODEL)
        assert len(found) < 2_000
        assert any("damaged" in w for w in store.warnings)
        assert all(state.read for state in store.get_states(keys).values())
        store.put_annotations([("c0", _annotation(0))], MODEL)
        assert store.get_annotation("c0", MODEL) == _annotation(0)
    assert len(_corrupt_copies(db_path)) == 1


def test_empty_file_is_a_new_database(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.persistent and store.warnings == []
        assert store.mark_read(ArticleKey("/a.txt", "h"))


def test_folder_that_cannot_be_created_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    store = Store.open(blocker / "newsreader" / "newsreader.sqlite3")
    assert not store.persistent
    assert len(store.warnings) == 1 and "Cannot create the folder" in store.warnings[0]
    key = ArticleKey("/a.txt", "h")
    assert store.mark_read(key) and store.get_state(key).read
    store.put_annotations([("h", _annotation(1))], MODEL)
    assert store.get_annotation("h", MODEL) == _annotation(1)
    store.close()
    assert blocker.read_text() == "a file where the data folder should be"


def test_read_only_file_is_copied_to_memory(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = _filled(db_path, n_cached=50)
    before = db_path.read_bytes()
    # As root every file is writable, so ask the question a normal user's
    # process would get answered: this file and folder are read-only.
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with Store.open(db_path) as store:
        assert not store.persistent
        assert any("Cannot write" in w and "still shown" in w for w in store.warnings)
        assert store.get_state(keys[1]).read
        assert store.get_annotation("c7", MODEL) == _annotation(7)
        store.set_starred(keys[1])
        assert store.get_state(keys[1]).starred  # works for this session
    assert db_path.read_bytes() == before


def test_file_that_turns_read_only_mid_session(db_path: Path) -> None:
    keys = _filled(db_path, n_cached=20)
    # A connection SQLite itself holds read-only: the first write fails for real.
    conn = sqlite3.connect(
        db_path.resolve().as_uri() + "?mode=ro",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    store = Store(Database(conn, db_path, busy_timeout=1.0))
    assert store.warnings == []
    assert store.set_starred(keys[2])
    assert store.get_state(keys[2]).starred and store.get_state(keys[3]).read
    assert not store.persistent and any("Cannot write" in w for w in store.warnings)
    store.close()
    with Store.open(db_path) as reopened:
        assert not reopened.get_state(keys[2]).starred


_OPEN_AS_USER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from newsreader.store import ArticleKey, Store

    store = Store.open(Path(sys.argv[1]))
    key = ArticleKey("/corpus/1.txt", "hash1")
    before = store.get_state(key)
    saved = store.set_starred(key)
    print(json.dumps({
        "persistent": store.persistent,
        "warnings": store.warnings,
        "read_before": before.read,
        "starred_after": saved and store.get_state(key).starred,
        "cached": store.get_annotation("c7", sys.argv[2]) is not None,
    }))
    store.close()
    """
)


def test_read_only_folder_without_database_as_a_user(shared_tmp: Path) -> None:
    folder = shared_tmp / "ro"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)
    seen = json.loads(
        run_unprivileged(
            _OPEN_AS_USER, str(folder / "newsreader.sqlite3"), MODEL, shared=shared_tmp
        )
    )
    assert seen["persistent"] is False and seen["starred_after"] is True
    assert len(seen["warnings"]) == 1 and "Cannot write" in seen["warnings"][0]
    assert list(folder.iterdir()) == []


def test_read_only_database_as_a_user(shared_tmp: Path) -> None:
    db = shared_tmp / "data" / "newsreader.sqlite3"
    _filled(db, n_cached=20)
    db.parent.chmod(0o755)
    db.chmod(0o644)  # owned by root: readable, not writable, for anyone else
    before = db.read_bytes()
    seen = json.loads(run_unprivileged(_OPEN_AS_USER, str(db), MODEL, shared=shared_tmp))
    assert seen == {
        "persistent": False,
        "warnings": seen["warnings"],
        "read_before": True,  # what was saved is still there ...
        "starred_after": True,  # ... and changes work for the session
        "cached": True,
    }
    assert len(seen["warnings"]) == 1 and "still shown" in seen["warnings"][0]
    assert db.read_bytes() == before


def test_newer_schema_is_left_untouched(db_path: Path) -> None:
    _filled(db_path, n_cached=5)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with Store.open(db_path) as store:
        assert not store.persistent and "newer version" in store.warnings[0]
        store.mark_read(ArticleKey("/x.txt", "x"))
    assert db_path.read_bytes() == before


def test_locked_database_queues_state_and_skips_cache(db_path: Path) -> None:
    _filled(db_path, n_states=1, n_cached=1)
    key = ArticleKey("/locked.txt", "locked")
    with Store.open(db_path, busy_timeout=0.2) as store:
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
        try:
            store.put_annotations([("new", _annotation(3))], MODEL)
            assert not store.mark_read(key)
            assert not store.set_starred(key)
            assert any("locked" in w for w in store.warnings)
            assert not store.flush()
            # Readers are not blocked by a writer in WAL mode.
            assert store.get_annotation("c0", MODEL) == _annotation(0)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert store.flush()
        assert store.get_state(key).read and store.get_state(key).starred
        assert store.get_annotation("new", MODEL) is None  # the cache write was dropped


def test_queued_changes_are_saved_on_close(db_path: Path) -> None:
    _filled(db_path, n_states=1, n_cached=1)
    key = ArticleKey("/queued.txt", "queued")
    store = Store.open(db_path, busy_timeout=0.1)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    assert not store.save_position(Position("q", "/queued.txt"))
    assert not store.mark_read(key)
    other.execute("ROLLBACK")
    other.close()
    store.close()
    with Store.open(db_path) as reopened:
        assert reopened.last_position() == Position("q", "/queued.txt")
        assert reopened.get_state(key).read


_WRITER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from newsreader.nlp.annotation import Annotation, Entity
    from newsreader.store import ArticleKey, Store

    db, name = Path(sys.argv[1]), sys.argv[2]
    with Store.open(db) as store:
        for i in range(150):
            store.mark_read(ArticleKey(f"/{name}/{i}.txt", f"{name}{i}"))
            store.set_override(ArticleKey("/shared.txt", "shared"), "title", f"{name} {i}")
            if i % 10 == 0:
                entity = Entity(0, len(name), name, "PER", name)
                store.put_annotations([(f"{name}{i}", Annotation((entity,), ()))], "m@1")
        print(json.dumps(store.warnings))
    """
)


def test_two_processes_write_at_once(db_path: Path) -> None:
    Store.open(db_path).close()
    env = {**os.environ, "PYTHONPATH": str(TUI)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db_path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("alpha", "beta")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert json.loads(out) == []
    with Store.open(db_path) as store:
        keys = [
            ArticleKey(f"/{n}/{i}.txt", f"{n}{i}") for n in ("alpha", "beta") for i in range(150)
        ]
        assert all(state.read for state in store.get_states(keys).values())
        assert store.overrides(ArticleKey("/shared.txt", "shared"))["title"] in {
            "alpha 149",
            "beta 149",
        }
        hashes = [f"{n}{i}" for n in ("alpha", "beta") for i in range(0, 150, 10)]
        assert len(store.get_annotations(hashes, "m@1")) == 30


def test_damaged_state_page_loses_only_its_own_rows(db_path: Path) -> None:
    keys = _filled(db_path, n_states=3_000, n_cached=10)
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        conn.close()
        pytest.skip("this SQLite has no dbstat table to find the state pages with")
    leaves = [
        row[0]
        for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'article_state' AND pagetype = 'leaf'"
            " ORDER BY pageno"
        )
    ]
    conn.close()
    assert len(leaves) > 10
    victim = leaves[len(leaves) // 2]
    with db_path.open("r+b") as handle:
        handle.seek((victim - 1) * page_size)
        handle.write(b"\xff" * page_size)
    with Store.open(db_path) as store:
        states = store.get_states(keys)
        kept = sum(state.read for state in states.values())
        assert any("damaged" in w for w in store.warnings)
    # Rows before and after the damaged page are read from both ends.
    assert len(keys) - len(keys) // len(leaves) * 2 <= kept < len(keys)
    assert states[keys[0]].read and states[keys[-1]].read


def test_symlink_loop_in_place_of_the_file(tmp_path: Path) -> None:
    loop = tmp_path / "newsreader.sqlite3"
    loop.symlink_to(loop)
    store = Store.open(loop)
    assert not store.persistent and store.warnings
    assert store.mark_read(ArticleKey("/a.txt", "h"))
    store.close()


def test_new_database_locked_while_opening(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("CREATE TABLE someone_elses (x)")
    other.execute("BEGIN EXCLUSIVE")  # rollback-journal mode: nobody may even read
    try:
        store = Store.open(db_path, busy_timeout=0.2)
        assert not store.persistent
        assert any("locked" in w for w in store.warnings)
        key = ArticleKey("/a.txt", "h")
        assert store.mark_read(key) and store.get_state(key).read  # for this session
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(db_path) as store:
        assert store.persistent and store.warnings == []


def test_one_store_shared_by_threads(db_path: Path) -> None:
    import threading

    store = Store.open(db_path)
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            for i in range(40):
                store.mark_read(ArticleKey(f"/{name}/{i}.txt", f"{name}{i}"))
                store.put_annotations([(f"{name}{i}", _annotation(i))], MODEL)
                assert store.get_annotation(f"{name}{i}", MODEL) == _annotation(i)
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    store.close()
    assert errors == []
    with Store.open(db_path) as reopened:
        keys = [ArticleKey(f"/t{n}/{i}.txt", f"t{n}{i}") for n in range(4) for i in range(40)]
        assert all(state.read for state in reopened.get_states(keys).values())
        assert reopened.warnings == []


def test_read_only_file_too_large_to_copy_keeps_the_state(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.store import connect

    keys = _filled(db_path, n_cached=50)
    monkeypatch.setattr(connect, "MAX_MEMORY_COPY", 64 * 1024)  # the file is larger
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK)
    with Store.open(db_path) as store:
        assert any("too large to copy" in w for w in store.warnings)
        assert all(state.read for state in store.get_states(keys).values())
        assert store.overrides(keys[0]) == {"outlet": "Republika"}
        assert store.last_position() == Position("3", "/corpus/3.txt", list_index=3)
        assert store.get_annotation("c7", MODEL) is None
        store.put_annotations([("c7", _annotation(7))], MODEL)
        assert store.get_annotation("c7", MODEL) == _annotation(7)
