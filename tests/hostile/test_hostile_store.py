"""The database under the real CLI and app: damaged, read-only, shared by two processes.

``tests/store`` checks the store itself; here the promise is checked where a
user meets it: the command still works, says what happened once, and the
user's own state (starred, read) is not lost.
"""

from __future__ import annotations

import asyncio
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from app_probe import NotingApp, wait_until
from badcorpus import BadCorpus
from hostile_run import assert_terminal_safe, mode_prefix, run_cli, start_cli

from newsreader.store.location import DB_FILENAME

ARTICLES = ("banjir.txt", "injeksi.txt")


def _db(xdg: Path) -> Path:
    return xdg / "data" / "newsreader" / DB_FILENAME


def _folder(bad_corpus: BadCorpus, target: Path) -> Path:
    target.mkdir()
    for name in ARTICLES:
        shutil.copy(bad_corpus.root / name, target / name)
    return target


def _entities(result) -> list[tuple[str, list]]:
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    payload = json.loads(result.stdout)
    assert payload["errors"] == []
    return [(a["id"], a["entities"]) for a in payload["articles"]]


def _store_lines(stderr: bytes) -> list[str]:
    text = assert_terminal_safe(stderr, "stderr")
    return [line for line in text.splitlines() if line.startswith("newsreader: ")]


def _needs_modes() -> None:
    if not mode_prefix()[1]:
        pytest.skip("root without setpriv: a read-only folder does not stop this process")


@pytest.fixture(scope="module")
def reference(bad_corpus: BadCorpus, tmp_path_factory: pytest.TempPathFactory):
    """The articles' entities from a clean run, and a folder holding them."""
    folder = _folder(bad_corpus, tmp_path_factory.mktemp("store-corpus") / "berita")
    xdg = tmp_path_factory.mktemp("store-clean")
    result = run_cli("entities", "--json", folder, xdg=xdg)
    assert _store_lines(result.stderr) == []
    return folder, _entities(result), xdg


def test_junk_database_file_warns_then_works(reference, tmp_path: Path) -> None:
    folder, expected, _ = reference
    db = _db(tmp_path)
    db.parent.mkdir(parents=True)
    junk = random.Random(3).randbytes(200_000)
    db.write_bytes(junk)

    first = run_cli("entities", "--json", folder, xdg=tmp_path)
    assert _entities(first) == expected
    warnings = _store_lines(first.stderr)
    assert len(warnings) == 1 and "damaged" in warnings[0]
    # The damaged file is kept beside the new one, never deleted.
    assert [p.read_bytes() == junk for p in db.parent.glob(f"{DB_FILENAME}.corrupt-*")] == [True]

    second = run_cli("entities", "--json", folder, xdg=tmp_path)
    assert _entities(second) == expected
    assert _store_lines(second.stderr) == [], "warned once; the new database is healthy"


def test_read_only_data_folder_with_a_database(reference, tmp_path: Path) -> None:
    _needs_modes()
    folder, expected, clean_xdg = reference
    shutil.copytree(clean_xdg / "data", tmp_path / "data")
    db = _db(tmp_path)
    before = db.read_bytes()
    for path in (db, *db.parent.iterdir()):
        path.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        result = run_cli("entities", "--json", folder, xdg=tmp_path)
    finally:
        db.parent.chmod(0o755)
    assert _entities(result) == expected
    warnings = _store_lines(result.stderr)
    assert len(warnings) == 1 and "read-only" in warnings[0].lower()
    assert db.read_bytes() == before


def test_read_only_data_folder_without_a_database(reference, tmp_path: Path) -> None:
    _needs_modes()
    folder, expected, _ = reference
    (tmp_path / "data").mkdir()
    (tmp_path / "data").chmod(0o555)
    try:
        result = run_cli("entities", "--json", folder, xdg=tmp_path)
    finally:
        (tmp_path / "data").chmod(0o755)
    assert _entities(result) == expected
    assert len(_store_lines(result.stderr)) == 1
    assert not _db(tmp_path).exists()


def test_two_processes_at_once_on_one_database(reference, tmp_path: Path) -> None:
    folder, expected, _ = reference
    # Both start on an empty cache, so both annotate and write at about the same time.
    first = start_cli("entities", "--json", folder, xdg=tmp_path)
    second = start_cli("compare", "--json", folder, xdg=tmp_path)
    results = []
    for process in (first, second):
        stdout, stderr = process.communicate(timeout=600)
        results.append((process.returncode, stdout, stderr))
    (code1, out1, err1), (code2, out2, err2) = results
    assert code1 == 0 and code2 == 0, (err1[-1000:], err2[-1000:])
    assert _store_lines(err1) == [] and _store_lines(err2) == []
    assert [(a["id"], a["entities"]) for a in json.loads(out1)["articles"]] == expected
    assert json.loads(out2)["stories"]
    with sqlite3.connect(_db(tmp_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        cached = conn.execute("SELECT COUNT(DISTINCT content_hash) FROM annotations").fetchone()
    assert cached == (len(ARTICLES),)


def _damage_table(db: Path, table: str) -> int:
    """Overwrite every leaf page of ``table`` with junk; returns how many."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        try:
            pages = [
                row[0]
                for row in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
                )
            ]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to find the pages with")
    junk = random.Random(4)
    with db.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(junk.randbytes(page_size))
    return len(pages)


@pytest.fixture(scope="module")
def damaged_cache_run(reference, tmp_path_factory: pytest.TempPathFactory):
    """The CLI on a database whose annotation pages were overwritten with junk."""
    folder, _, clean_xdg = reference
    xdg = tmp_path_factory.mktemp("damaged-cache")
    shutil.copytree(clean_xdg / "data", xdg / "data")
    assert _damage_table(_db(xdg), "annotations") >= 1
    return run_cli("entities", "--json", folder, xdg=xdg), xdg


def test_cli_with_a_damaged_cache_table_works(reference, damaged_cache_run) -> None:
    _, expected, _ = reference
    result, xdg = damaged_cache_run
    assert _entities(result) == expected
    assert len(list(_db(xdg).parent.glob(f"{DB_FILENAME}.corrupt-*"))) == 1


def test_cli_reports_damage_found_while_reading_the_cache(damaged_cache_run) -> None:
    result, _ = damaged_cache_run
    assert any("damaged" in line for line in _store_lines(result.stderr))


async def _three_sessions(folder: Path, db: Path) -> dict[str, object]:
    """Star in session 1, damage the cache, star again in session 2, look in session 3."""
    seen: dict[str, object] = {}
    size = (140, 40)
    first = NotingApp([folder])
    async with first.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: first.comparison_data is not None, what="annotation")
        first.article_list.focus()
        first.article_list.select_id("injeksi")
        await pilot.press("s")
        seen["first_starred"] = first.library.state("injeksi").starred
        await pilot.press("q")
    seen["damaged_pages"] = _damage_table(db, "annotations")

    second = NotingApp([folder])
    async with second.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: second.comparison_data is not None, what="annotation")
        await pilot.pause()
        seen["second_running"] = second.is_running
        seen["second_injeksi"] = second.library.state("injeksi").starred
        seen["second_banjir_before"] = second.library.state("banjir").starred
        annotation = second.library.annotation("injeksi")
        seen["second_entities"] = len(annotation.entities) if annotation else 0
        second.article_list.focus()
        second.article_list.select_id("banjir")
        await pilot.press("s")
        seen["second_notes"] = list(second.notes)
        await pilot.press("q")

    third = NotingApp([folder], annotate=False)
    async with third.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: len(third.library) == 2, what="the corpus")
        seen["third_injeksi"] = third.library.state("injeksi").starred
        seen["third_banjir"] = third.library.state("banjir").starred
    return seen


@pytest.fixture(scope="module")
def damaged_cache_sessions(bad_corpus: BadCorpus, tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("damaged-sessions")
    folder = _folder(bad_corpus, base / "berita")
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_DATA_HOME", str(base / "data"))
    patch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    try:
        return asyncio.run(_three_sessions(folder, base / "data" / "newsreader" / DB_FILENAME))
    finally:
        patch.undo()


def test_starred_article_survives_a_damaged_cache(damaged_cache_sessions) -> None:
    seen = damaged_cache_sessions
    assert seen["first_starred"] and seen["damaged_pages"] >= 1
    assert seen["second_running"]
    assert seen["second_injeksi"], "the star from before the damage is kept"
    assert not seen["second_banjir_before"]
    assert seen["second_entities"], "annotations were rebuilt"
    assert seen["third_injeksi"]


def test_star_set_after_the_damage_is_found_is_kept(damaged_cache_sessions) -> None:
    assert damaged_cache_sessions["third_banjir"]


def test_app_tells_the_user_about_the_damaged_cache(damaged_cache_sessions) -> None:
    notes = damaged_cache_sessions["second_notes"]
    assert any("damaged" in str(note) for note in notes)
