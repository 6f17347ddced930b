"""What the CLI and the app print: one safe line, stripped by the same rules as the corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsreader.corpus.sanitize import sanitize
from newsreader.textsafe import CONTROL_CHARS, INVISIBLE_CHARS, printable, strip_controls

ESC = "\x1b"
UNSAFE = re.compile(f"[{CONTROL_CHARS}{INVISIBLE_CHARS}\n\u2028\u2029]")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (f"berita/{ESC}]0;judul palsu\x07banjir.txt", "berita/banjir.txt"),
        (f"{ESC}]8;;https://jahat.example{ESC}\\klik{ESC}]8;;{ESC}\\.txt", "klik.txt"),
        (f"{ESC}[31mmerah{ESC}[0m.md", "merah.md"),
        ("\x9b2Jhapus.txt", "hapus.txt"),
        # A name that would display as 'berita-txt.exe' reversed: shown as it is.
        ("berita-\u202eexe.txt", "berita-exe.txt"),
        ("nol\x00 bel\x07.txt", "nol bel.txt"),
        ("baris\nkedua\r\nketiga\rkeempat\ttab", "baris kedua ketiga keempat tab"),
        ("  dua  spasi tetap  ", "dua  spasi tetap"),
        ("Kim [bold]Jong[/] Un", "Kim [bold]Jong[/] Un"),
        # A cp1252-read closing quote ends in U+009D: only that character goes.
        ("kata\u00e2\u20ac\x9d dia", "kata\u00e2\u20ac dia"),
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


_HOSTILE = st.text(
    alphabet=st.sampled_from(
        list("aB1 .[]/;\\")
        + [
            ESC,
            "\x07",
            "\x9b",
            "\x9c",
            "\x9d",
            "\r",
            "\n",
            "\t",
            "\u202e",
            "\u200b",
            "\x00",
            "\x85",
            "\u2028",
            "\u00a0",
            "é",
        ]  # fmt: skip
    ),
    max_size=60,
)


@given(_HOSTILE)
def test_printable_is_one_inert_line(text: str) -> None:
    shown = printable(text)
    assert UNSAFE.search(shown) is None
    assert "\t" not in shown and shown == shown.strip()
    assert printable(shown) == shown


@given(_HOSTILE)
def test_corpus_text_has_nothing_left_to_strip(text: str) -> None:
    # One definition: what the corpus returns is already what a terminal may show.
    clean = sanitize(text)
    assert strip_controls(clean) == clean
    # On such text printing only folds the lines.
    assert printable(clean) == re.sub(r"[\n\t]+", " ", clean).strip()
