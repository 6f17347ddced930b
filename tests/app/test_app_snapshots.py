"""Snapshots of each screen at a fixed size (review the SVGs before --snapshot-update).

The app is built on the pre-annotated samples with a fixed comparison, so
no clock, worker timing or model version can change a picture.
"""

from __future__ import annotations

from app_samples import SampleApp
from textual.pilot import Pilot
from textual.widgets import Input

SIZE = (120, 36)


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _app() -> SampleApp:
    return SampleApp(use_store=False)


def test_main_screen(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("enter", "n", "n")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_main_screen_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("j", "enter", "right_square_bracket")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_filter_active(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash")
        pilot.app.filter_bar.input.value = "label:PER vostochny"
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_filter_error(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("slash")
        pilot.app.filter_bar.input.value = 'date:2023-09-40 "kim'
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_edit_dialog(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("G", "m")
        pilot.app.screen.query_one("#edit-date", Input).value = "2023-13-45"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)


def test_comparison_overview(snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _settle(pilot)
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=run_before)
