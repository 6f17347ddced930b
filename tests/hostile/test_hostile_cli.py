"""The real CLI (a subprocess) on the whole bad-input corpus: every command survives it.

One ``entities --json`` run annotates the corpus into a module-wide cache;
the other commands then reuse that cache, which keeps the module fast while
still running every command end to end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from badcorpus import FORBIDDEN_SUBSTRINGS, MARKUP_PAYLOADS, BadCorpus, article_text
from hostile_run import (
    UNSAFE_CHARS,
    assert_terminal_safe,
    cli_env,
    mode_prefix,
    run_cli,
    start_cli,
)

from newsreader.textsafe import printable

HERE = Path(__file__).resolve().parent
SKIP_PREFIX = "newsreader: skipped "


def _expected(corpus: BadCorpus) -> tuple[dict[str, str], set[str]]:
    return corpus.expected(modes_enforced=mode_prefix()[1])


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` with size and mtime, to prove nothing was written there."""
    listing = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            listing[str(path)] = (info.st_size, info.st_mtime_ns)
    return listing


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _assert_content_safe(payload: Any, where: str) -> None:
    """No control character or payload remnant inside any string taken from article content."""
    for text in _strings(payload):
        assert UNSAFE_CHARS.search(text) is None, f"{where}: {text[:80]!r}"
        for forbidden in FORBIDDEN_SUBSTRINGS:
            assert forbidden not in text, f"{where}: {forbidden!r} in {text[:80]!r}"


def _skip_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(SKIP_PREFIX)]


def _assert_each_bad_reported_once(
    errors: list[dict[str, str]], stderr: str, bad: set[str]
) -> None:
    paths = [error["path"] for error in errors]
    assert sorted(paths) == sorted(bad), "every bad file reported once, nothing else"
    for error in errors:
        assert error["reason"].strip() and "\n" not in error["reason"]
    lines = _skip_lines(stderr)
    assert len(lines) == len(bad), "one stderr line per bad file"
    for path in bad:
        shown = f"{SKIP_PREFIX}{printable(path)}: "
        assert sum(line.startswith(shown) for line in lines) == 1, shown


@pytest.fixture(scope="module")
def entities_run(bad_corpus: BadCorpus, module_xdg: Path) -> subprocess.CompletedProcess[bytes]:
    return run_cli("entities", "--json", bad_corpus.root, xdg=module_xdg)


@pytest.fixture(scope="module")
def entities_json(entities_run: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    assert entities_run.returncode == 0, entities_run.stderr.decode(errors="replace")[-2000:]
    return json.loads(entities_run.stdout)


def _without_paths(stdout: bytes, corpus: BadCorpus) -> bytes:
    """stdout with the JSON form of every corpus path cut out (see the xfail below)."""
    for path in [*corpus.good, *corpus.bad, corpus.unreadable]:
        stdout = stdout.replace(json.dumps(path, ensure_ascii=False).encode(), b'""')
    return stdout


def test_entities_output_has_no_control_characters(bad_corpus: BadCorpus, entities_run) -> None:
    assert_terminal_safe(_without_paths(entities_run.stdout, bad_corpus), "stdout")
    assert_terminal_safe(entities_run.stderr, "stderr")
    # Payload remnants could hide inside JSON escapes; stderr is plain text.
    for forbidden in FORBIDDEN_SUBSTRINGS:
        assert forbidden.encode() not in entities_run.stderr


def test_json_stdout_escapes_c1_controls_in_paths(entities_run) -> None:
    assert_terminal_safe(entities_run.stdout, "stdout")


def test_entities_reads_good_files_and_reports_each_bad_file_once(
    bad_corpus: BadCorpus, entities_run, entities_json
) -> None:
    good, bad = _expected(bad_corpus)
    got = {article["path"]: article["id"] for article in entities_json["articles"]}
    assert got == good
    _assert_each_bad_reported_once(entities_json["errors"], entities_run.stderr.decode(), bad)


def test_entities_reasons_say_what_is_wrong(bad_corpus: BadCorpus, entities_json) -> None:
    reasons = {Path(e["path"]).name: e["reason"] for e in entities_json["errors"]}
    assert reasons["kosong.txt"].startswith("empty file")
    assert reasons["spasi-saja.md"].startswith("empty file")
    assert "PNG" in reasons["gambar.txt"]
    assert reasons["acak.html"].startswith("binary file")
    assert "UTF-8" in reasons["utf8-rusak.txt"]
    assert reasons["besar-50mb.txt"] == (
        "file is 50.0 MB, over the 20.0 MB limit (raise max_bytes to read it)"
    )
    assert reasons["putaran"].startswith("symbolic link loop")
    assert reasons["diri.txt"].startswith("symbolic link loop")
    assert reasons["hilang.txt"].startswith("broken symbolic link")
    if mode_prefix()[1]:
        assert reasons["terkunci.txt"] == "permission denied: cannot read this file"


def test_entities_article_content_is_inert_and_markup_literal(
    bad_corpus: BadCorpus, entities_json
) -> None:
    for article in entities_json["articles"]:
        content = {k: v for k, v in article.items() if k != "path"}
        _assert_content_safe(content, article["id"])
        for entity in article["entities"]:
            assert article["text"][entity["start"] : entity["end"]] == entity["text"]
    by_id = {article["id"]: article for article in entities_json["articles"]}
    injected = by_id[bad_corpus.injection_id]
    assert injected["title"] == "Festival Budaya [bold red]merah[/] di Bandung Ramai Pengunjung"
    for payload in MARKUP_PAYLOADS.values():
        assert payload in injected["text"]
    # The OSC 8 link keeps its visible text and loses its target.
    assert "tersedia di klik situs panitia." in injected["text"]
    assert by_id["kereta"]["outlet"] == "Warta [link=http://x]Rel[/link]"
    assert by_id["harga-beras"]["outlet"] == "Kabar [bold]Kota[/bold]"
    # HTML scripts, styles and iframes are not article text.
    html_text = by_id["harga-beras"]["text"] + by_id["kereta"]["text"]
    for junk in ("alert(", "fetch(", "display:", "iframe", "Iklan"):
        assert junk not in html_text
    assert "operasi pasar di 20 titik" in by_id["harga-beras"]["text"]
    assert "30 persen" in by_id["kereta"]["text"]


def test_entities_reads_every_encoding_and_the_long_line(
    bad_corpus: BadCorpus, entities_json
) -> None:
    by_id = {article["id"]: article for article in entities_json["articles"]}
    for article_id in ("utf16-bom", "utf16-le", "utf16-be"):
        assert by_id[article_id]["text"] == by_id["banjir"]["text"]  # same body as UTF-8
    assert {by_id[i]["title"] for i in ("utf16-bom", "utf16-le", "utf16-be")} == {
        "Gempa Guncang Sulawesi Tengah"
    }
    assert by_id["cp1252"]["title"] == "“Kafe” di Jakarta – Harga Kopi Naik"
    assert by_id["cp1252"]["encoding"] == "cp1252"
    assert "1.200 rumah" in by_id["bersarang"]["text"]
    long_line = by_id[bad_corpus.big_line_id]
    assert len(long_line["text"]) == 1_000_000 and "\n" not in long_line["text"]
    assert long_line["entities"], "a 1 MB line is annotated, not skipped"


def test_entities_table_on_the_bad_corpus(
    bad_corpus: BadCorpus, module_xdg: Path, entities_json
) -> None:
    result = run_cli("entities", bad_corpus.root, xdg=module_xdg)
    assert result.returncode == 0
    out = assert_terminal_safe(result.stdout, "stdout")
    assert_terminal_safe(result.stderr, "stderr")
    assert "Festival Budaya [bold red]merah[/] di Bandung Ramai Pengunjung" in out
    assert "pwned" not in out and "pwned" not in result.stderr.decode()
    _, bad = _expected(bad_corpus)
    assert len(_skip_lines(result.stderr.decode())) == len(bad)


def test_compare_json_on_the_bad_corpus(
    bad_corpus: BadCorpus, module_xdg: Path, entities_json
) -> None:
    result = run_cli("compare", "--json", bad_corpus.root, xdg=module_xdg)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert_terminal_safe(result.stdout, "stdout")
    stderr = assert_terminal_safe(result.stderr, "stderr")
    payload = json.loads(result.stdout)
    good, bad = _expected(bad_corpus)
    _assert_each_bad_reported_once(payload["errors"], stderr, bad)
    ids = set(good.values())
    in_stories = {article for story in payload["stories"] for article in story["articles"]}
    assert in_stories <= ids and bad_corpus.injection_id in in_stories
    _assert_content_safe(payload["stories"], "stories")
    sentences = [
        mention["sentence"]
        for story in payload["stories"]
        for fact in story["facts"]
        for mention in fact["mentions"]
    ] + [s for story in payload["stories"] for ss in story["unique"].values() for s in ss]
    assert any("[@click=app.quit]keluar[/]" in sentence for sentence in sentences)


def test_compare_table_on_the_bad_corpus(
    bad_corpus: BadCorpus, module_xdg: Path, entities_json
) -> None:
    result = run_cli("compare", bad_corpus.root, xdg=module_xdg)
    assert result.returncode == 0
    out = assert_terminal_safe(result.stdout, "stdout")
    assert_terminal_safe(result.stderr, "stderr")
    assert "pwned" not in out


def test_export_writes_only_into_out_and_keeps_files(
    bad_corpus: BadCorpus, module_xdg: Path, tmp_path: Path, entities_json
) -> None:
    from newsreader.export import parse_export
    from newsreader.export.files import INDEX_NAME
    from newsreader.export.render import INDEX_MARKER

    out, cwd = tmp_path / "keluaran", tmp_path / "cwd"
    cwd.mkdir()
    before = _tree(bad_corpus.root)
    result = run_cli("export", bad_corpus.root, "--out", out, xdg=module_xdg, cwd=cwd)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert_terminal_safe(result.stdout, "stdout")
    stderr = assert_terminal_safe(result.stderr, "stderr")
    _, bad = _expected(bad_corpus)
    assert len(_skip_lines(stderr)) == len(bad)
    assert _tree(bad_corpus.root) == before, "nothing written beside the articles"
    assert list(cwd.iterdir()) == [], "nothing written in the working folder"

    written = sorted(path for path in out.rglob("*") if path.is_file())
    names = [path.name for path in written]
    for name in names:
        assert UNSAFE_CHARS.search(name) is None and not name.startswith("."), name
        assert "pwned" not in name
    assert all(path.parent == out for path in written), "no sub-folders from untrusted names"
    by_id = {a["id"]: a for a in entities_json["articles"]}
    assert len([n for n in names if n.endswith(".md")]) >= len(by_id)

    for path in written:
        text = assert_terminal_safe(path.read_bytes(), path.name)
        for forbidden in FORBIDDEN_SUBSTRINGS:
            assert forbidden not in text, (path.name, forbidden)
    injected = (out / f"{bad_corpus.injection_id}.md").read_text(encoding="utf-8")
    body, spans = parse_export(injected)
    assert body == by_id[bad_corpus.injection_id]["text"], "markup survives as literal text"
    assert spans == [
        (e["start"], e["end"], e["label"]) for e in by_id[bad_corpus.injection_id]["entities"]
    ]

    # An article file called readme.txt must not take the index's name.
    index = (out / INDEX_NAME).read_text(encoding="utf-8")
    assert index.startswith(INDEX_MARKER) and "readme-2.md" in names
    assert "con_.md" in names  # a name Windows reserves

    # Again without --force: every article file kept, the user's edit included
    # (only newsreader's own index is refreshed).
    edited = out / f"{bad_corpus.injection_id}.md"
    edited.write_text("catatan saya", encoding="utf-8")
    snapshot = _tree(out)
    again = run_cli("export", bad_corpus.root, "--out", out, xdg=module_xdg, cwd=cwd)
    assert_terminal_safe(again.stderr, "stderr")
    after = _tree(out)
    index_path = str(out / INDEX_NAME)
    assert after.pop(index_path) and snapshot.pop(index_path)
    assert after == snapshot
    assert edited.read_text(encoding="utf-8") == "catatan saya"
    assert f"kept existing {bad_corpus.injection_id}.md" in again.stderr.decode()


def test_max_size_skips_large_files_with_a_clear_message(
    bad_corpus: BadCorpus, module_xdg: Path, entities_json
) -> None:
    result = run_cli("entities", "--json", "--max-size", "500K", bad_corpus.root, xdg=module_xdg)
    assert result.returncode == 0
    stderr = assert_terminal_safe(result.stderr, "stderr")
    payload = json.loads(result.stdout)
    reasons = {Path(e["path"]).name: e["reason"] for e in payload["errors"]}
    line_file = f"{bad_corpus.big_line_id}.txt"
    assert reasons[line_file] == (
        "file is 1.0 MB, over the 500.0 kB limit (raise max_bytes to read it)"
    )
    assert reasons["besar-50mb.txt"].startswith("file is 50.0 MB, over the 500.0 kB limit")
    assert bad_corpus.big_line_id not in {a["id"] for a in payload["articles"]}
    assert f"{line_file}: file is 1.0 MB, over the 500.0 kB limit" in stderr


def test_max_size_that_is_not_a_size_is_bad_usage(bad_corpus: BadCorpus, module_xdg: Path) -> None:
    result = run_cli(
        "entities", "--json", "--max-size", "nonsense", bad_corpus.root, xdg=module_xdg
    )
    assert result.returncode == 2
    assert b"not a size" in result.stderr
    assert result.stdout == b""


def test_newline_in_file_name_is_one_stderr_line(bad_corpus: BadCorpus, module_xdg: Path) -> None:
    bad_name = bad_corpus.root / "nama" / "rusak\n[red]baris.txt"
    result = run_cli("entities", "--json", bad_name, bad_corpus.root / "banjir.txt", xdg=module_xdg)
    assert result.returncode == 0
    stderr = assert_terminal_safe(result.stderr, "stderr").splitlines()
    assert stderr == [f"{SKIP_PREFIX}{printable(str(bad_name))}: binary file (contains NUL bytes)"]
    assert json.loads(result.stdout)["errors"] == [
        {"path": str(bad_name), "reason": "binary file (contains NUL bytes)"}
    ]


RACE = """
import builtins, sys
from pathlib import Path
import newsreader.corpus.loader as loader
from newsreader.cli import main

vanish, grow = Path(sys.argv[1]), Path(sys.argv[2])
discover = loader.discover

def discover_then_delete(paths):
    found = discover(paths)
    vanish.unlink()
    return found

class Growing:
    # A handle whose file is appended to while it is read (another program saving it).
    def __init__(self, *args, **kwargs):
        self._path = Path(args[0])
        self._handle = builtins.open(*args, **kwargs)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._handle.close()
    def fileno(self):
        return self._handle.fileno()
    def read(self, size=-1):
        data = self._handle.read(size)
        if self._path == grow:
            with builtins.open(grow, "ab") as other:
                other.write(b"Paragraf tambahan.\\n")
        return data

loader.discover = discover_then_delete
loader.open = Growing
sys.exit(main(sys.argv[3:]))
"""


def test_files_vanishing_or_changing_during_the_load(tmp_path: Path, module_xdg: Path) -> None:
    folder = tmp_path / "berubah"
    folder.mkdir()
    body = article_text("Banjir Rendam Surabaya")
    for name in ("tetap.txt", "hilang.txt", "tumbuh.txt"):
        (folder / name).write_text(body, encoding="utf-8")
    prefix, _ = mode_prefix()
    result = subprocess.run(
        [*prefix, sys.executable, "-c", RACE, str(folder / "hilang.txt"),
         str(folder / "tumbuh.txt"), "entities", "--json", str(folder)],
        capture_output=True, env=cli_env(module_xdg), timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    payload = json.loads(result.stdout)
    assert [a["id"] for a in payload["articles"]] == ["tetap"]
    assert payload["errors"] == [
        {"path": str(folder / "hilang.txt"),
         "reason": "file disappeared while loading (moved or deleted)"},
        {"path": str(folder / "tumbuh.txt"),
         "reason": "file changed while it was being read; load it again"},
    ]  # fmt: skip
    assert len(_skip_lines(assert_terminal_safe(result.stderr, "stderr"))) == 2


def test_reader_closing_the_pipe_early_gets_no_traceback(
    bad_corpus: BadCorpus, module_xdg: Path, entities_json
) -> None:
    process = start_cli("entities", "--json", bad_corpus.root, xdg=module_xdg)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)  # the 1 MB article makes the output far exceed a pipe
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=600)
    assert b"Traceback" not in stderr
