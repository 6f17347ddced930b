"""The load worker: saved state read off the UI thread, and a large corpus shown as it is read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.message import Message

from newsreader.app import pipeline
from newsreader.app.main import NewsReaderApp
from newsreader.app.messages import ArticlesRead, CorpusLoaded
from newsreader.corpus import READER_VERSION, load
from newsreader.store import ArticleKey, FileKey, Position, Store

SIZE = (120, 36)

BODIES = {
    "banjir": (
        "Banjir Rendam Kampung Melayu\n\n"
        "JAKARTA -- Banjir setinggi satu meter merendam ratusan rumah di Kampung Melayu, "
        "Jakarta Timur, pada Senin pagi. Warga mengungsi ke masjid terdekat.\n\n"
        "Petugas pemadam kebakaran membantu evakuasi lansia dan anak-anak."
    ),
    "gempa": (
        "Gempa Guncang Cianjur\n\n"
        "CIANJUR -- Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat, pada Senin "
        "siang. Puluhan bangunan rusak dan ribuan warga mengungsi.\n\n"
        "BMKG menyebut gempa itu tidak berpotensi tsunami."
    ),
    "pemilu": (
        "KPU Tetapkan Jadwal Kampanye\n\n"
        "JAKARTA -- Komisi Pemilihan Umum menetapkan masa kampanye selama 75 hari. "
        "Ketua KPU menyampaikan hal itu di Jakarta pada Rabu.\n\n"
        "Partai politik diminta mematuhi aturan kampanye."
    ),
}


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in BODIES.items():
        (folder / f"{name}.txt").write_text(body, encoding="utf-8")


async def test_flags_edits_and_position_are_restored_through_the_load_worker(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "berita"
    _write(folder)
    # "gempa" was read before from another folder: same text, state found by content.
    elsewhere = tmp_path / "lama"
    elsewhere.mkdir()
    shutil.copy(folder / "gempa.txt", elsewhere / "gempa.txt")
    articles = {a.id: a for a in load([folder]).articles}
    old_gempa = load([elsewhere]).articles[0]
    with Store.open() as store:
        store.set_starred(ArticleKey.of(articles["banjir"]))
        store.set_override(ArticleKey.of(articles["banjir"]), "outlet", "Antara")
        store.mark_read(ArticleKey.of(old_gempa))
        store.save_position(
            Position(article_id="pemilu", path=str(folder / "pemilu.txt"), list_index=2, sentence=1)
        )

    seen: list[Message] = []
    app = NewsReaderApp([folder], annotate=False)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = [m for m in seen if isinstance(m, CorpusLoaded)]
        assert len(loaded) == 1
        # Read off the UI thread, and only for the articles that have state.
        assert loaded[0].states is not None
        assert set(loaded[0].states) == {"banjir", "gempa"}
        library = app.library
        assert library.state("banjir").starred and not library.state("banjir").read
        assert library.article("banjir").outlet == "Antara"
        assert library.parsed("banjir").outlet is None
        assert library.state("gempa").read and not library.state("gempa").starred
        assert not library.state("pemilu").read and not library.state("pemilu").starred
        assert app.reader.article_id == "pemilu"
        assert app.article_list.current_id == "pemilu"


async def test_without_a_store_nothing_is_read_or_restored(tmp_path: Path) -> None:
    folder = tmp_path / "berita"
    _write(folder)
    with Store.open() as store:
        store.set_starred(ArticleKey.of(load([folder]).articles[0]))
    seen: list[Message] = []
    app = NewsReaderApp([folder], annotate=False, use_store=False)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = [m for m in seen if isinstance(m, CorpusLoaded)]
        assert loaded and loaded[0].states is None
        assert not any(app.library.state(a.id).starred for a in app.library.articles)


async def test_a_corpus_is_shown_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "arsip"
    folder.mkdir()
    body = BODIES["banjir"]
    for number in range(450):  # batches of 200, 200 and 50 files
        (folder / f"{number:03d}.txt").write_text(body.replace("satu meter", f"{number} cm"))
    parsed = {a.id: a for a in load([folder]).articles}
    with Store.open() as store:
        store.set_starred(ArticleKey.of(parsed["010"]))
        store.mark_read(ArticleKey.of(parsed["420"]))
        store.save_position(
            Position(article_id="430", path=str(folder / "430.txt"), list_index=430)
        )
    monkeypatch.setattr(pipeline, "FIRST_ROWS_AFTER", 0.0)
    monkeypatch.setattr(pipeline, "MORE_ROWS_EVERY", 0.0)
    seen: list[Message] = []
    rows_when_read: list[int] = []
    app = NewsReaderApp([folder], annotate=False)

    def hook(message: Message) -> None:
        seen.append(message)
        if isinstance(message, ArticlesRead | CorpusLoaded):
            rows_when_read.append(len(app.article_list.rows))

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        read = [m for m in seen if isinstance(m, ArticlesRead)]
        final = [m for m in seen if isinstance(m, CorpusLoaded)]
        assert [len(m.articles) for m in read] == [200, 200]
        assert [(m.files_done, m.files_total) for m in read] == [(200, 450), (400, 450)]
        assert len(final) == 1 and len(final[0].articles) == 450
        # Each batch was on the list before the next arrived.
        assert rows_when_read == [0, 200, 400]
        assert [a.id for a in app.library.articles] == list(parsed)
        assert app.article_list.rows == list(range(450))
        # Saved state of every batch is restored, each read once in the worker.
        assert read[0].states is not None and set(read[0].states) == {"010"}
        assert read[1].states == {}
        assert final[0].states is not None and set(final[0].states) == {"420"}
        assert app.library.state("010").starred
        assert app.library.state("420").read
        # The last session's article came in the last batch: it is reopened then.
        assert app.reader.article_id == "430"
        assert app.article_list.current_id == "430"


async def test_opening_a_corpus_prunes_articles_of_older_reading_rules(tmp_path: Path) -> None:
    folder = tmp_path / "berita"
    _write(folder)
    for path in folder.iterdir():  # written "an hour ago", so the load caches them
        past = path.stat().st_mtime_ns - 3_600 * 10**9
        os.utime(path, ns=(past, past))
    stale = tmp_path / "lama.txt"
    stale.write_text(BODIES["gempa"], encoding="utf-8")
    with Store.open() as store:
        store.put_articles([(FileKey.of(stale), load([stale]).articles[0])], "corpus-0-old")
    app = NewsReaderApp([folder], annotate=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    with Store.open() as store:
        assert store.get_articles([FileKey.of(stale)], "corpus-0-old") == {}
        kept = store.get_articles([FileKey.of(path) for path in folder.iterdir()], READER_VERSION)
    assert sorted(article.id for article in kept.values()) == sorted(BODIES)
