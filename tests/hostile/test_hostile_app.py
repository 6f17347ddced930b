"""The real app, driven by the pilot, on the bad-input corpus and on hostile articles."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from app_probe import NotingApp, assert_frame_inert, frame_text, wait_until
from badcorpus import MARKUP_PAYLOADS, PARAGRAPHS, BadCorpus, article_text
from textual.worker import WorkerState

from newsreader.app.messages import AnnotationFailed, ArticlesAnnotated
from newsreader.app.screens.help import HelpScreen
from newsreader.nlp import annotator as annotator_module
from newsreader.textsafe import printable

pytestmark = pytest.mark.anyio

SIZE = (150, 45)
HUGE_CHARS = 600_000
# This process is the reader here: as root it reads a chmod-000 file anyway.
MODES_ENFORCED = os.geteuid() != 0


async def test_app_survives_the_whole_bad_corpus(bad_corpus: BadCorpus) -> None:
    good, bad = bad_corpus.expected(modes_enforced=MODES_ENFORCED)
    # Annotation has its own tests below; here the 1 MB line would only add minutes.
    app = NotingApp([bad_corpus.root], annotate=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(app.library) > 0, what="the corpus to load")
        await pilot.pause()
        assert {a.path: a.id for a in app.library.articles} == good
        assert str(app.query_one("#status").render()) == f"{len(good)} articles read"

        # Bad files are told to the user: the first five by name, then a count.
        skipped = [note for note in app.notes if note.startswith("skipped ")]
        first_five = sorted(bad)[:5]
        assert skipped == [
            f"skipped {printable(path)}: {reason}"
            for path, reason in ((e.path, e.reason) for e in _errors(bad_corpus.root))
            if path in first_five
        ]
        assert f"… and {len(bad) - 5} more files skipped" in app.notes
        assert_frame_inert(app)

        # Every article, opened from the list, with its removed lines shown.
        seen = []
        for index in range(len(good)):
            app.article_list.focus()
            if index:
                await pilot.press("j")
            await pilot.press("enter")
            if not index:
                await pilot.press("r")  # stays on for the articles that follow
            article_id = app.reader.article_id
            seen.append(article_id)
            assert article_id == app.article_list.current_id
            assert app.reader.show_removed
            assert_frame_inert(app)
        assert sorted(seen) == sorted(good.values())
        await pilot.press("r")
        assert not app.reader.show_removed

        app.article_list.focus()
        app.article_list.select_id(bad_corpus.injection_id)
        await pilot.press("enter")
        lines = app.reader.line_texts()
        joined = " ".join(lines)
        for payload in MARKUP_PAYLOADS.values():
            assert payload in joined
        assert lines[0].startswith("Festival Budaya [bold red]merah[/] di Bandung")
        screen = assert_frame_inert(app)
        assert "[bold red]merah[/]" in screen
        assert "[@click=app.quit]keluar[/]" in screen

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert_frame_inert(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

        await pilot.press("slash", *"merah")
        await pilot.pause()
        assert app.article_list.current_id == bad_corpus.injection_id
        assert "Articles: 1 of" in frame_text(app)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert "Articles: 1 of" not in frame_text(app)

        assert app.is_running, "no payload quit the app"
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "pwned" not in svg and "\x9b" not in svg


def _errors(root: Path):
    from newsreader.corpus import load

    return load([root]).errors


def _small_hostile_folder(bad_corpus: BadCorpus, folder: Path) -> Path:
    folder.mkdir()
    for name in ("injeksi.txt", "banjir.txt", "harga-beras.html", "kereta.md"):
        shutil.copy(bad_corpus.root / name, folder / name)
    return folder


async def test_annotated_injection_article_stays_literal(
    bad_corpus: BadCorpus, tmp_path: Path
) -> None:
    folder = _small_hostile_folder(bad_corpus, tmp_path / "kecil")
    app = NotingApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(
            pilot, lambda: app.comparison_data is not None, what="annotation and comparison"
        )
        await pilot.pause()
        app.article_list.select_id(bad_corpus.injection_id)
        await pilot.press("enter")
        annotation = app.library.annotation(bad_corpus.injection_id)
        assert annotation is not None and annotation.entities
        text = app.library.article(bad_corpus.injection_id).text
        for entity in annotation.entities:
            assert text[entity.start : entity.end] == entity.text
        # Step through every entity and sentence: focus moves the comparison too.
        for _ in range(len(annotation.entities)):
            await pilot.press("n")
        for _ in range(len(annotation.sentences)):
            await pilot.press("right_square_bracket")
            assert_frame_inert(app)
        screen = assert_frame_inert(app)
        assert "[@click=app.quit]keluar[/]" in screen or "[link=http://x]x[/link]" in screen
        for article_id in ("kereta", "harga-beras"):
            app.article_list.focus()
            app.article_list.select_id(article_id)
            await pilot.press("enter")
            assert_frame_inert(app)
        await pilot.press("o")  # the comparison overview
        assert_frame_inert(app)
        assert app.is_running


def _huge_text(chars: int) -> str:
    """Realistic news prose: varied numbers and names so nothing collapses as duplicate."""
    towns = ("Medan", "Padang", "Makassar", "Manado", "Kupang", "Ambon", "Jayapura", "Palu")
    paragraphs = []
    size, index = 0, 0
    while size < chars:
        town = towns[index % len(towns)]
        paragraph = (
            f"{town.upper()} -- Pemerintah Kota {town} mencatat {1_000 + index * 7} warga "
            f"terdampak banjir pada hari ke-{index + 1}. Kepala dinas sosial, Andi "
            f"Saputra, mengatakan bantuan senilai Rp {index + 2} miliar disalurkan ke "
            f"{index % 40 + 3} kecamatan. " + PARAGRAPHS[index % len(PARAGRAPHS)]
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        index += 1
    return "\n\n".join(paragraphs)


async def test_ui_answers_keys_while_a_huge_article_is_annotated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "besar"
    folder.mkdir()
    # 600 kB: over a hundred times a normal article, and many seconds of spaCy
    # work (2 MB behaves the same and only takes three times longer).
    (folder / "sangat-panjang.txt").write_text(
        article_text("Laporan Banjir Seluruh Provinsi", (_huge_text(HUGE_CHARS),)), encoding="utf-8"
    )
    (folder / "pendek.txt").write_text(article_text("Banjir Rendam Surabaya"), encoding="utf-8")
    # Progress messages cannot say when spaCy starts: both at 0 are posted
    # before the model loads, and AnnotationProgressed replaces a pending one,
    # so when they are posted under a millisecond apart (the model's identity
    # already computed by an earlier app in this process) the test sees one.
    # Instead, note when the model is loaded and spaCy takes the first text in.
    spacy_started = threading.Event()
    cut_into_chunks = annotator_module._chunks

    def noting_chunks(text: str, limit: int) -> list[tuple[int, str]]:
        spacy_started.set()
        return cut_into_chunks(text, limit)

    monkeypatch.setattr(annotator_module, "_chunks", noting_chunks)
    seen: list[object] = []
    app = NotingApp([folder], use_store=False)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await wait_until(
            pilot,
            lambda: (
                spacy_started.is_set()
                or any(isinstance(m, (ArticlesAnnotated, AnnotationFailed)) for m in seen)
            ),
            what="spaCy to start on the articles",
        )
        assert spacy_started.is_set(), f"annotation ended before spaCy ran: {app.notes}"
        worker = next(w for w in app.workers if w.group == "annotate")
        assert worker.state == WorkerState.RUNNING
        keys = ["j", "enter", "r", "question_mark", "escape"]
        timings = []
        answered_during = 0
        for key in keys:
            started = time.perf_counter()
            await pilot.press(key)
            timings.append(time.perf_counter() - started)
            answered_during += worker.state == WorkerState.RUNNING
        # A frozen interface would answer its first key only once spaCy is done.
        assert answered_during >= 1, "no key was answered while spaCy was working"
        assert app.reader.article_id in {"sangat-panjang", "pendek"}
        pressed_at = time.perf_counter()

        await wait_until(pilot, lambda: app.library.annotated, what="annotation to finish")
        annotation_left = time.perf_counter() - pressed_at
        assert app.library.annotation("sangat-panjang").entities
        # Idle means after the comparison worker too, which starts once annotation ends.
        await wait_until(pilot, lambda: app.comparison_data is not None, what="comparison")
        idle = []
        for key in keys:
            started = time.perf_counter()
            await pilot.press(key)
            idle.append(time.perf_counter() - started)
    # Reported, not asserted: timings depend on the machine and its load.
    print(
        f"\n{len(timings)} key presses once spaCy started on {HUGE_CHARS // 1000} kB "
        f"({answered_during} answered before it finished): median "
        f"{_ms(timings)} ms, max {max(timings) * 1000:.0f} ms; idle median {_ms(idle)} ms; "
        f"annotation went on {annotation_left:.1f} s after the last key; per key "
        + ", ".join(
            f"{k}={t * 1000:.0f}/{i * 1000:.0f}"
            for k, t, i in zip(keys, timings, idle, strict=True)
        )
    )


def _ms(timings: list[float]) -> str:
    return f"{sorted(timings)[len(timings) // 2] * 1000:.0f}"
