"""Every kind of bad or unusual input, built inside the tests: reported, never a crash."""

from __future__ import annotations

import builtins
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsreader.corpus.loader as load_module
from newsreader.corpus import load
from newsreader.corpus.discover import discover

TUI_DIR = Path(__file__).resolve().parents[2] / "tui"
BODY = (
    "JAKARTA -- Presiden membuka pameran buku internasional di Jakarta pada Senin pagi. "
    "Acara itu dihadiri ribuan pengunjung.\n\n"
    "Panitia mengatakan pameran berlangsung hingga akhir pekan.\n"
)


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _only_error(result, path: Path) -> str:
    assert result.articles == []
    assert [e.path for e in result.errors] == [str(path)]
    reason = result.errors[0].reason
    assert "\n" not in reason
    return reason


def test_binary_file_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "data.txt", bytes(range(256)) * 8)
    assert _only_error(load([path]), path) == "binary file (contains NUL bytes)"


def test_binary_format_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.txt", b"%PDF-1.7\n" + bytes(range(256)))
    assert _only_error(load([path]), path) == "binary file (PDF document)"


def test_control_heavy_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    path = _write(tmp_path / "noise.txt", bytes(range(1, 32)) * 50)
    assert _only_error(load([path]), path).startswith("binary file")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\ufeff  \n".encode("utf-16")])
def test_empty_or_whitespace_file_is_reported(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "kosong.txt", data)
    assert _only_error(load([path]), path).startswith("empty file")


def test_file_with_only_boilerplate_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "iklan.txt", "Advertisement\n\nBaca Juga\n\nADVERTISEMENT\n")
    reason = _only_error(load([path]), path)
    assert reason == "no article text left after cleaning (every line was ad, related)"


def test_50_mb_file_is_rejected_by_size_quickly(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    with open(path, "wb") as handle:
        handle.write((BODY.encode() * 400_000)[:50_000_000])
    start = time.perf_counter()
    reason = _only_error(load([path]), path)
    assert time.perf_counter() - start < 1.0
    assert reason == "file is 50.0 MB, over the 20.0 MB limit (raise max_bytes to read it)"


def test_size_limit_can_be_raised(tmp_path: Path) -> None:
    path = _write(tmp_path / "sedang.txt", BODY * 2_000)
    assert "over the 100.0 kB limit" in _only_error(load([path], max_bytes=100_000), path)
    result = load([path], max_bytes=1_000_000)
    assert result.errors == []
    assert result.articles[0].text.startswith("JAKARTA -- Presiden")


def test_single_one_megabyte_line_loads_intact(tmp_path: Path) -> None:
    line = ("Kalimat panjang tentang ekonomi Indonesia yang terus tumbuh. " * 17_000)[:1_000_000]
    path = _write(tmp_path / "satu-baris.txt", line)
    start = time.perf_counter()
    result = load([path])
    assert time.perf_counter() - start < 5.0
    assert result.errors == []
    assert result.articles[0].text == line.strip()


def test_invalid_utf8_names_the_byte_and_offset(tmp_path: Path) -> None:
    path = _write(tmp_path / "rusak.txt", b"Berita hari ini \x81\x8d tentang banjir.")
    reason = _only_error(load([path]), path)
    assert reason == "not valid UTF-8, UTF-16 or cp1252 text (byte 0x81 at offset 16)"


def test_utf8_with_stray_cp1252_bytes_is_reported_as_mixed(tmp_path: Path) -> None:
    data = "Kata “kami” dan café — ".encode() + b"lalu \x93kutipan\x94 dari Windows."
    path = _write(tmp_path / "campur.txt", data)
    reason = _only_error(load([path]), path)
    offset = data.index(b"\x93")
    assert reason == (
        f"mixed encodings: has UTF-8 characters but also byte 0x93 at offset {offset}, "
        "which is not UTF-8; re-save the file as UTF-8"
    )


def test_other_single_byte_encoding_is_not_guessed_as_cp1252(tmp_path: Path) -> None:
    russian = "Президент России Владимир Путин встретился с лидером КНДР в среду. " * 3
    path = _write(tmp_path / "cp1251.txt", russian.encode("cp1251"))
    reason = _only_error(load([path]), path)
    assert reason.startswith("not valid UTF-8, and does not read as cp1252 text (byte 0xcf at")
    assert reason.endswith("convert it to UTF-8")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16", True), ("utf-16-le", False), ("utf-16-be", False), ("utf-8-sig", True)],
)
def test_unicode_encodings_decode(tmp_path: Path, encoding: str, bom: bool) -> None:
    text = "Judul Berita Hari Ini\n\n" + BODY.replace("Presiden", "Président “kita”")
    data = text.encode(encoding)
    assert data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) == bom
    path = _write(tmp_path / f"{encoding}.txt", data)
    result = load([path])
    assert result.errors == []
    (article,) = result.articles
    assert article.title == "Judul Berita Hari Ini"
    assert article.text.startswith("JAKARTA -- Président “kita” membuka pameran")
    assert article.encoding == {"utf-8-sig": "utf-8"}.get(encoding, encoding)
    assert "\ufeff" not in article.text


def test_cp1252_decodes_smart_quotes_and_dashes(tmp_path: Path) -> None:
    text = "JAKARTA \u2014 \u201cKami siap,\u201d kata Andr\u00e9 di caf\u00e9 itu.\n"
    path = _write(tmp_path / "windows.txt", text.encode("cp1252"))
    result = load([path])
    assert result.errors == []
    assert result.articles[0].text == text.strip()
    assert result.articles[0].dateline == "Jakarta"
    assert result.articles[0].encoding == "cp1252"


@pytest.mark.parametrize("name", ["berita satu.txt", "baris\nbaru.txt", "Берлин ünï 東京.md"])
def test_unusual_file_names(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name, BODY)
    result = load([tmp_path])
    assert result.errors == []
    (article,) = result.articles
    assert article.path == str(path)
    assert article.id == Path(name).stem.replace("\n", " ")
    assert "\n" not in article.id


def test_ids_are_unique_and_deterministic(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        _write(tmp_path / folder / "berita.txt", BODY)
    _write(tmp_path / "c" / "berita-2.txt", BODY)
    first = load([tmp_path])
    again = load([tmp_path / "c", tmp_path / "b", tmp_path / "a"])
    ids = [(Path(a.path).parent.name, a.id) for a in first.articles]
    assert ids == [("a", "berita"), ("b", "berita-3"), ("c", "berita-2")]
    assert [a.id for a in again.articles] == [a.id for a in first.articles]


def test_folders_skip_other_types_but_named_files_are_reported(tmp_path: Path) -> None:
    _write(tmp_path / "berita.txt", BODY)
    _write(tmp_path / "gambar.png", b"\x89PNG")
    _write(tmp_path / "catatan.docx", b"PK\x03\x04")
    _write(tmp_path / "sub" / "lain.HTM", f"<html><body><p>{BODY}</p></body></html>")
    folder = load([tmp_path])
    assert folder.errors == []
    assert [a.id for a in folder.articles] == ["berita", "lain"]
    direct = load([tmp_path / "catatan.docx"])
    assert direct.errors[0].reason.startswith("unsupported file type '.docx'; newsreader reads")


def test_missing_path_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.txt"
    assert _only_error(load([path]), path).startswith("no such file or folder")


def test_same_file_named_twice_loads_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "berita.txt", BODY)
    result = load([path, tmp_path, str(path)])
    assert [a.id for a in result.articles] == ["berita"]


def test_symlink_loops_are_reported(tmp_path: Path) -> None:
    _write(tmp_path / "news" / "berita.txt", BODY)
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    (tmp_path / "news" / "self.txt").symlink_to(tmp_path / "news" / "self.txt")
    result = load([tmp_path / "news"])
    assert [a.id for a in result.articles] == ["berita"]
    reasons = {Path(e.path).name: e.reason for e in result.errors}
    assert reasons["loop"].startswith("symbolic link loop")
    assert reasons["self.txt"].startswith("symbolic link loop")


def _load_errors_without_root(folder: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Load ``folder`` as an unprivileged user: root reads files whatever their mode."""
    if os.geteuid() != 0:
        result = load([folder])
        return [a.id for a in result.articles], [(e.path, e.reason) for e in result.errors]
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot test as a user chmod 000 stops")
    code = (
        "import json, sys; from newsreader.corpus import load; r = load([sys.argv[1]]); "
        "print(json.dumps([[a.id for a in r.articles], [[e.path, e.reason] for e in r.errors]]))"
    )
    out = subprocess.run(
        [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
         sys.executable, "-c", code, str(folder)],
        capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(TUI_DIR), "PATH": os.environ.get("PATH", "")},
    )  # fmt: skip
    ids, errors = json.loads(out.stdout)
    return ids, [tuple(e) for e in errors]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder an unprivileged user can reach (pytest's tmp_path is root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="newsreader-perm-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def test_unreadable_file_is_reported(shared_tmp: Path) -> None:
    _write(shared_tmp / "berita.txt", BODY).chmod(0o644)
    locked = _write(shared_tmp / "rahasia.txt", BODY)
    locked.chmod(0)
    ids, errors = _load_errors_without_root(shared_tmp)
    assert ids == ["berita"]
    assert errors == [(str(locked), "permission denied: cannot read this file")]


def test_unreadable_folder_is_reported(shared_tmp: Path) -> None:
    _write(shared_tmp / "ok" / "berita.txt", BODY).chmod(0o644)
    (shared_tmp / "ok").chmod(0o755)
    locked = shared_tmp / "terkunci"
    _write(locked / "rahasia.txt", BODY)
    locked.chmod(0)
    ids, errors = _load_errors_without_root(shared_tmp)
    assert ids == ["berita"]
    assert errors == [(str(locked), "permission denied: cannot read this folder")]


def test_file_disappearing_after_discovery_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _write(tmp_path / "a.txt", BODY)
    gone = _write(tmp_path / "b.txt", BODY)

    def discover_then_delete(paths):
        found = discover(paths)
        gone.unlink()
        return found

    monkeypatch.setattr(load_module, "discover", discover_then_delete)
    result = load([tmp_path])
    assert [a.path for a in result.articles] == [str(keep)]
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(gone), "file disappeared while loading (moved or deleted)")
    ]


def test_file_changing_while_read_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "a.txt", BODY)

    class Growing:
        """A file handle whose file gets appended to as soon as it is read."""

        def __init__(self, *args, **kwargs):
            self._handle = builtins.open(*args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

        def fileno(self):
            return self._handle.fileno()

        def read(self, size):
            data = self._handle.read(size)
            with open(path, "ab") as other:
                other.write(b"Paragraf tambahan.\n")
            return data

    monkeypatch.setattr(load_module, "open", Growing, raising=False)
    assert _only_error(load([path]), path) == "file changed while it was being read; load it again"


def test_a_single_path_is_accepted_as_well_as_a_list(tmp_path: Path) -> None:
    path = _write(tmp_path / "berita.txt", BODY)
    assert [a.id for a in load(str(path)).articles] == ["berita"]
    assert [a.id for a in load(tmp_path).articles] == ["berita"]
