"""Untrusted text: escape sequences and controls are stripped everywhere the corpus returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.corpus import load
from newsreader.corpus.sanitize import sanitize, sanitize_line

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (f"{ESC}[31mMerah{ESC}[0m biasa", "Merah biasa"),
        (f"{ESC}[38;2;255;0;0mwarna{ESC}[m", "warna"),
        (f"{ESC}]0;judul palsu\x07isi", "isi"),
        (f"{ESC}]2;judul{ESC}\\isi", "isi"),
        (f"{ESC}]8;;https://jahat.example{ESC}\\klik{ESC}]8;;{ESC}\\ di sini", "klik di sini"),
        (f"{ESC}P1$r0m{ESC}\\teks", "teks"),
        (f"{ESC}_aplikasi{ESC}\\teks", "teks"),
        (f"{ESC}(Bteks{ESC}7{ESC}8", "teks"),
        ("\x9b31mC1 CSI", "C1 CSI"),
        ("\x9d0;judul\x9cteks", "teks"),
        ("bel\x07 nul\x00 del\x7f c1\x85x", "bel nul del c1\nx"),
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("baris\r\nkedua\rketiga", "baris\nkedua\nketiga"),
        ("tab\ttetap", "tab\ttetap"),
        ("zero\u200bwidth soft\u00adhyphen \u202ebalik\u202c", "zerowidth softhyphen balik"),
        ("e\u0301", "\u00e9"),
        ("[bold red]bukan markup[/]", "[bold red]bukan markup[/]"),
        (f"unterminated {ESC}]0;title without end\nnext line", "unterminated\nnext line"),
    ],
)
def test_sanitize(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


def test_sanitize_line_folds_to_one_line() -> None:
    assert sanitize_line(" Judul\n\tdua  baris \x1b[1m") == "Judul dua baris"


def test_loaded_articles_carry_no_escapes_anywhere(tmp_path: Path) -> None:
    text = (
        f"Rabu 13 Sep 2023 07:09 WIB{ESC}]0;owned\x07\n\n"
        f"Judul {ESC}[5mBerkedip{ESC}[0m Hari Ini\n\n"
        f"Rep: Budi{ESC}[31m Santoso\n\n"
        f"KOMPAS.com, {ESC}]8;;http://x{ESC}\\JAKARTA{ESC}]8;;{ESC}\\ -- Isi berita pertama.\n\n"
        f"Baca juga: {ESC}[2Jhapus layar\n\n"
        f"sumber : Reu{ESC}[1mters\n\n"
        "Kalimat [bold]dengan[/bold] kurung.\n"
    )
    path = tmp_path / f"jahat{ESC}[31m.txt"
    path.write_bytes(text.encode("utf-8"))
    result = load([tmp_path])
    assert result.errors == []
    (article,) = result.articles
    strings = [article.id, article.text, *(r.text for r in article.removed)]
    strings += [str(v) for v in vars(article).values() if isinstance(v, str) and v != article.path]
    for value in strings:
        assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in value)
        assert "owned" not in value and "http://x" not in value
    assert article.id == "jahat"
    assert article.title == "Judul Berkedip Hari Ini"
    assert (article.outlet, article.dateline) == ("Kompas", "Jakarta")
    assert (article.byline, article.wire) == ("Budi Santoso", "Reuters")
    assert article.paragraphs == [
        "KOMPAS.com, JAKARTA -- Isi berita pertama.",
        "Kalimat [bold]dengan[/bold] kurung.",
    ]
