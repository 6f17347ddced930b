"""Saved state reaches a corpus read from files: the load worker reads it, the UI applies it."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.message import Message

from newsreader.app.main import NewsReaderApp
from newsreader.app.messages import CorpusLoaded
from newsreader.corpus import load
from newsreader.store import ArticleKey, Position, Store

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
