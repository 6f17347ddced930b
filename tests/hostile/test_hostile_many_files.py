"""A folder of 10,000 small files, through the CLI and the app."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from app_probe import NotingApp, assert_frame_inert, wait_until
from badcorpus import build_many_files
from hostile_run import assert_terminal_safe, run_cli

COUNT = 10_000


def test_cli_reports_thousands_of_junk_files_once_each(tmp_path: Path) -> None:
    # Annotating 10,000 articles would take minutes; 10 articles among 9,990
    # junk files test walking, reading and reporting at that scale.
    folder = tmp_path / "banyak"
    good = build_many_files(folder, COUNT, good_every=1_000)
    assert len(good) == 10
    result = run_cli("entities", "--json", folder, xdg=tmp_path / "xdg")
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == good
    errors = payload["errors"]
    assert len(errors) == COUNT - len(good)
    assert len({e["path"] for e in errors}) == len(errors)
    reasons = {e["reason"].split(" (")[0] for e in errors}
    assert reasons == {"empty file", "binary file"}
    lines = assert_terminal_safe(result.stderr, "stderr").splitlines()
    assert len([line for line in lines if line.startswith("newsreader: skipped ")]) == len(errors)


@pytest.mark.anyio
async def test_app_opens_ten_thousand_files(tmp_path: Path) -> None:
    folder = tmp_path / "banyak"
    good = build_many_files(folder, COUNT)
    app = NotingApp([folder], annotate=False, use_store=False)
    async with app.run_test(size=(140, 40)) as pilot:
        started = time.perf_counter()
        await wait_until(pilot, lambda: len(app.library) == COUNT, what="10,000 articles")
        await pilot.pause()
        loaded_in = time.perf_counter() - started
        assert app.notes == [], "nothing to report: every file is an article"
        assert app.article_list.current_id == good[0]
        await pilot.press("G", "enter")
        assert app.reader.article_id == good[-1]
        app.article_list.focus()
        await pilot.press("slash", *"Nomor 9999")
        await pilot.pause()
        assert app.article_list.current_id == good[-1]
        assert_frame_inert(app)
        await pilot.press("escape")
        assert app.is_running
    print(f"\n10,000 files listed in {loaded_in:.1f} s")
