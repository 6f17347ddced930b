"""Binary or text: judged by what the bytes are, not by a stray control character."""

from __future__ import annotations

import gzip
import io
import random
import sqlite3
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.corpus import load
from newsreader.corpus.decode import DecodeError, decode
from newsreader.corpus.sanitize import sanitize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _short_article(index: int = 0) -> str:
    """About 1 kB of a real seed article, cut at a line or sentence end."""
    text = sorted(SEEDS.glob("*.txt"))[index].read_text(encoding="utf-8")
    cut = max(text.rfind("\n", 0, 1_050), text.rfind(". ", 0, 1_050) + 1)
    return text[:cut] + "\n"


def _with_strays(text: str, strays: list[tuple[float, str]]) -> str:
    chars = list(text)
    for where, control in strays:
        chars.insert(int(where * len(chars)), control)
    return "".join(chars)


def _only_reason(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    result = load([path])
    assert result.articles == []
    (error,) = result.errors
    assert "\n" not in error.reason
    return error.reason


def test_article_with_fifteen_stray_controls_loads(tmp_path: Path) -> None:
    clean = _short_article(3)
    # What a broken copy, an old editor or a cp1252 quote read as latin-1
    # leaves behind: NULs, C0 controls, DEL, backspace and C1 quotes.
    strays = "\x00\x01\x02\x1f\x7f\x08\x00\x92\x93\x94\x1a\x06\x9a\x00\x0e"
    rng = random.Random(15)
    raw = _with_strays(clean, [(rng.random(), control) for control in strays])
    assert 1_000 <= len(raw.encode()) <= 1_150
    (tmp_path / "kotor.txt").write_bytes(raw.encode())
    (tmp_path / "bersih" / "kotor.txt").parent.mkdir()
    (tmp_path / "bersih" / "kotor.txt").write_text(clean, encoding="utf-8")

    dirty = load([tmp_path / "kotor.txt"])
    assert dirty.errors == []
    (article,) = dirty.articles
    (expected,) = load([tmp_path / "bersih"]).articles
    assert article.title == expected.title
    assert article.text == expected.text
    assert not any(
        ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in article.text
    )


# Stray controls: not ESC, the 8-bit CSI or the C1 string starters, which
# open escape sequences (stripped with what they introduce, by design).
_STRAY = st.sampled_from(
    [chr(c) for c in (*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F) if c != 0x1B]
)
_C1 = st.sampled_from(
    [chr(c) for c in range(0x80, 0xA0) if c not in (0x85, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F)]
)  # U+0085 is a line end


@settings(max_examples=150, deadline=None)
@given(
    index=st.integers(0, 4),
    strays=st.lists(st.tuples(st.floats(0, 1), st.one_of(_STRAY, _C1)), max_size=15),
    nuls=st.lists(st.floats(0, 1), max_size=4),
)
def test_a_few_stray_controls_never_make_an_article_binary(
    index: int, strays: list[tuple[float, str]], nuls: list[float]
) -> None:
    clean = _short_article(index)
    raw = _with_strays(clean, strays + [(where, "\x00") for where in nuls])
    decoded = decode(raw.encode())
    assert decoded.text == raw
    # The controls are stripped and nothing else changes.
    assert sanitize(decoded.text) == sanitize(clean)


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    pixels = b"".join(b"\x00" + bytes(range(j, j + 48)) for j in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def _pdf() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (Banjir Jakarta) Tj ET")
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + f"4 0 obj << /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
        + stream
        + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + _short_article() + "</w:document>")
    return buffer.getvalue()


def _sqlite(tmp_path: Path) -> bytes:
    path = tmp_path / "basis.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE berita (judul TEXT)")
        conn.execute("INSERT INTO berita VALUES (?)", (_short_article(),))
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("png", "PNG image"),
        ("pdf", "PDF document"),
        ("docx", "ZIP archive"),
        ("gzip", "gzip archive"),
        ("sqlite", "SQLite database"),
        ("elf", "executable"),
        ("deflate", None),
        ("random", None),
    ],
)
def test_real_binaries_are_refused_in_one_line(
    tmp_path: Path, kind: str, named: str | None
) -> None:
    article = _short_article().encode()
    if kind == "elf":
        executable = Path(sys.executable).resolve().read_bytes()[:65_536]
        if not executable.startswith(b"\x7fELF"):
            pytest.skip("this Python is not an ELF executable")
    data = {
        "png": _png,
        "pdf": _pdf,
        "docx": _docx,
        "gzip": lambda: gzip.compress(article * 4),
        "sqlite": lambda: _sqlite(tmp_path),
        "elf": lambda: executable,
        # No signature to go by: raw deflate and random bytes.
        "deflate": lambda: zlib.compress(article * 4)[2:],
        "random": lambda: random.Random(7).randbytes(3_000),
    }[kind]()
    reason = _only_reason(tmp_path, f"{kind}.txt", data)
    assert reason.startswith("binary file (")
    if named:
        assert named in reason


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(0, 2**32), size=st.integers(256, 8_192))
def test_random_bytes_are_binary(seed: int, size: int) -> None:
    with pytest.raises(DecodeError, match=r"^binary file \("):
        decode(random.Random(seed).randbytes(size))


@settings(max_examples=50, deadline=None)
@given(index=st.integers(0, 4), level=st.integers(1, 9))
def test_compressed_articles_are_binary(index: int, level: int) -> None:
    compressed = zlib.compress(_short_article(index).encode(), level)
    with pytest.raises(DecodeError, match=r"^binary file \("):
        decode(compressed[2:])  # no zlib header: nothing but the bytes to judge by


def test_text_dense_with_controls_is_still_binary() -> None:
    words = "Hujan deras merendam Jakarta. " * 20
    dense = "".join(ch + ("\x01" if i % 4 == 0 else "") for i, ch in enumerate(words))
    with pytest.raises(DecodeError, match=r"^binary file \(20% control characters\)$"):
        decode(dense.encode())


def test_nul_padded_text_is_binary() -> None:
    # What a crash mid-write leaves: the text, then a block of NULs.
    data = _short_article().encode() + b"\x00" * 512
    with pytest.raises(DecodeError, match=r"^binary file \(contains NUL bytes\)$"):
        decode(data)


def test_cp1252_article_with_a_stray_nul_loads() -> None:
    text = "Presiden “kita” membuka pameran café di Jakarta pada Senin pagi.\n" * 6
    decoded = decode(text.encode("cp1252").replace(b"pagi", b"pa\x00gi", 1))
    assert decoded.encoding == "cp1252"
    assert sanitize(decoded.text) == sanitize(text)
