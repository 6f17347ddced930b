"""Bulk annotation fills the store identically whichever engine runs it.

Dask is an optional extra that the test extra installs; its clusters are
started here on loopback and shut down by the tests.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bulk_samples import cli, cli_env, db_path, stored

from newsreader.bulk import annotate_into_store
from newsreader.corpus import load
from newsreader.store import Store

pytestmark = pytest.mark.slow


def _fill(folder: Path, db: Path, **engine: object) -> dict:
    with Store.open(db) as store:
        report = annotate_into_store(load([folder]).articles, store, **engine)  # type: ignore[arg-type]
    assert report.annotated == report.total
    return stored(folder, db)


def test_local_and_dask_engines_store_the_same_annotations(
    make_articles: Callable[[int], Path], tmp_path: Path
) -> None:
    pytest.importorskip("distributed", reason="the dask extra is part of the test extra")
    folder = make_articles(24)
    one = _fill(folder, tmp_path / "one.sqlite3", engine="local", workers=1)
    local = _fill(folder, tmp_path / "local.sqlite3", engine="local", workers=2)
    dask = _fill(folder, tmp_path / "dask.sqlite3", engine="dask", workers=2)
    assert len(one) == 24
    assert any(annotation.entities for annotation in one.values())
    assert local == one
    assert dask == one


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes on loopback; yields the address."""
    pytest.importorskip("distributed", reason="the dask extra is part of the test extra")
    from distributed import Client

    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    log = (tmp_path / "dask.log").open("w")
    processes = [
        subprocess.Popen(
            [
                *dask,
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(info),
            ],
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert info.exists(), "the scheduler did not start"
        address = json.loads(info.read_text())["address"]
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "distributed.cli.dask_worker",
                        address,
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--host",
                        "127.0.0.1",
                    ],
                    stdout=log,
                    stderr=log,
                    env=env,
                    start_new_session=True,
                )
            )
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        log.close()


def test_a_running_scheduler_with_two_workers_annotates_200_articles(
    make_articles: Callable[[int], Path], tmp_path: Path, dask_cluster: str
) -> None:
    folder = make_articles(200)
    remote, here = tmp_path / "remote", tmp_path / "here"
    done = subprocess.run(
        cli("annotate", str(folder), "--scheduler", dask_cluster, "--json"),
        env=cli_env(remote),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["engine"], report["workers"]) == ("dask", 2)
    assert (report["texts"], report["annotated"], report["cached"]) == (200, 200, 0)
    assert "200/200 articles" in done.stderr and "words/s" in done.stderr

    done = subprocess.run(
        cli("annotate", str(folder), "--engine", "local", "--json"),
        env=cli_env(here),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert stored(folder, db_path(remote)) == stored(folder, db_path(here))


def _rows(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_run_killed_midway_resumes_with_only_the_unfinished_batches(
    make_articles: Callable[[int], Path], tmp_path: Path
) -> None:
    folder = make_articles(400)
    xdg = tmp_path / "xdg"
    db = db_path(xdg)
    first = subprocess.Popen(
        cli("annotate", str(folder), "--workers", "2"),
        env=cli_env(xdg),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while _rows(db) == 0 and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.05)
        os.killpg(first.pid, signal.SIGKILL)
    finally:
        first.wait(timeout=30)
    kept = _rows(db)
    assert 0 < kept < 400, f"kill -9 came at {kept} of 400 stored: nothing to resume"

    done = subprocess.run(
        cli("annotate", str(folder), "--json"),
        env=cli_env(xdg),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["cached"] == kept
    assert report["annotated"] == 400 - kept
    assert _rows(db) == 400

    fresh = tmp_path / "fresh.sqlite3"
    assert stored(folder, db) == _fill(folder, fresh, engine="local", workers=1)
