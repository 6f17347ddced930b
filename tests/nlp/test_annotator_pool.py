"""Worker pools that cannot be used never cost the user their annotations.

Inside the Textual app ``sys.stderr`` is a capture object whose ``fileno()``
is -1; a spawn pool started from there used to fail with "bad value(s) in
fds_to_keep" and a folder of 200+ articles stayed without entities.
"""

from __future__ import annotations

import concurrent.futures
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsreader.nlp.annotator import Annotator


def _texts(seeds_dir: Path) -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    # Distinct texts, enough for two workers to be worth starting.
    return [f"{seeds[i % len(seeds)]}\n\nLaporan nomor {i}." for i in range(10)]


@pytest.mark.slow
def test_pool_starts_from_a_thread_whose_stderr_has_no_descriptor(seeds_dir: Path) -> None:
    # A fresh interpreter: the resource tracker must not already be running.
    script = textwrap.dedent(
        f"""
        import json, sys, threading
        from pathlib import Path
        from newsreader.nlp.annotator import Annotator

        class Capture:  # what Textual puts in sys.stderr while an app runs
            def write(self, text): return len(text)
            def flush(self): pass
            def fileno(self): return -1

        folder = Path({str(seeds_dir)!r})
        seeds = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        texts = [f"{{seeds[i % len(seeds)]}}\\n\\nLaporan nomor {{i}}." for i in range(10)]
        out = {{}}

        def run():
            sys.stderr = Capture()
            try:
                notices = []
                found = list(
                    Annotator().annotate_many(texts, n_process=2, on_notice=notices.append)
                )
                out["notices"] = notices
                out["entities"] = [[(e.start, e.end, e.label) for e in a.entities] for a in found]
            except Exception as error:
                out["error"] = repr(error)
            finally:
                sys.stderr = sys.__stderr__

        thread = threading.Thread(target=run)  # not alone: the pool must spawn
        thread.start()
        thread.join()
        print(json.dumps(out))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    import json

    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert "error" not in out, out.get("error")
    assert out["notices"] == []
    serial = [
        [[e.start, e.end, e.label] for e in a.entities]
        for a in Annotator().annotate_many(_texts(seeds_dir))
    ]
    assert out["entities"] == serial
    assert any(serial)


def test_a_pool_that_cannot_start_falls_back_with_a_reason(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, annotator: Annotator
) -> None:
    class Unstartable:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise ValueError("bad value(s) in fds_to_keep")

    texts = _texts(seeds_dir)
    serial = list(annotator.annotate_many(texts))
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Unstartable)
    notices: list[str] = []
    pooled = list(annotator.annotate_many(texts, n_process=2, on_notice=notices.append))
    assert pooled == serial
    assert len(notices) == 1
    assert "fds_to_keep" in notices[0]
    assert "annotating 10 articles in one process" in notices[0]
