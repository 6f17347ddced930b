"""Run the real ``newsreader`` CLI in a subprocess, as a user file modes apply to.

The tests often run as root, which reads a chmod-000 file and writes into a
read-only folder regardless. When ``setpriv`` is available the CLI runs as
root *without* the capabilities that bypass file modes (CAP_DAC_OVERRIDE,
CAP_DAC_READ_SEARCH), so "unreadable" and "read-only" mean what they mean
for an ordinary user, while the root-owned Python install stays usable.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TUI_DIR = Path(__file__).resolve().parents[2] / "tui"

_DROP = "-dac_override,-dac_read_search"

# What must never reach a terminal: ESC, C0 controls other than newline and
# tab, DEL and the C1 range (U+0080-U+009F, e.g. the 8-bit CSI U+009B).
UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@functools.cache
def mode_prefix() -> tuple[list[str], bool]:
    """The command prefix that makes file modes apply, and whether they do apply.

    Returns:
        ``(prefix, enforced)``: prefix to put before the Python command; enforced
        is False only for root without a working ``setpriv``.
    """
    if os.geteuid() != 0:
        return [], True
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return [], False
    prefix = [setpriv, f"--bounding-set={_DROP}", f"--inh-caps={_DROP}"]
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x")
        probe.chmod(0)
        check = subprocess.run(
            [*prefix, sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            check=False,
        )
    return (prefix, True) if check.returncode != 0 else ([], False)


def cli_env(xdg: Path) -> dict[str, str]:
    """Environment for a CLI run whose user folders all live under ``xdg``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        PYTHONPATH=str(TUI_DIR),
        XDG_DATA_HOME=str(xdg / "data"),
        XDG_CACHE_HOME=str(xdg / "cache"),
        XDG_CONFIG_HOME=str(xdg / "config"),
        XDG_STATE_HOME=str(xdg / "state"),
    )
    return env


def cli_command(*args: str | Path) -> list[str]:
    prefix, _ = mode_prefix()
    return [*prefix, sys.executable, "-m", "newsreader.cli", *map(str, args)]


def run_cli(
    *args: str | Path, xdg: Path, cwd: Path | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsreader.cli ARGS`` and keep stdout/stderr as raw bytes."""
    return subprocess.run(
        cli_command(*args),
        capture_output=True,
        cwd=cwd,
        env=cli_env(xdg),
        timeout=timeout,
        check=False,
    )


def start_cli(*args: str | Path, xdg: Path) -> subprocess.Popen[bytes]:
    """Start the CLI without waiting (for two instances at once)."""
    return subprocess.Popen(
        cli_command(*args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(xdg),
    )


def assert_terminal_safe(raw: bytes, where: str) -> str:
    """Decode ``raw`` as UTF-8 and fail on any escape or control character in it.

    Returns:
        The decoded text, for further checks.
    """
    text = raw.decode("utf-8")  # a stray byte would be a failure too
    found = UNSAFE_CHARS.search(text)
    assert found is None, (
        f"{where}: control character U+{ord(found.group()):04X} at {found.start()}: "
        f"{text[max(0, found.start() - 60) : found.start() + 20]!r}"
    )
    return text
