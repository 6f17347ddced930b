"""Turn a file's bytes into text, or say plainly why that is not possible.

Supported: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one
when the NUL pattern shows it), UTF-32 with a BOM, and cp1252 (a superset
of the printable part of latin-1, what Windows editors write). Nothing is
guessed silently: bytes that fit none of these confidently are reported.

A file is binary by what its bytes are, not by a stray control character:
a known signature (PNG, PDF, zip ...), NUL bytes in more than a handful of
places, or bytes that are no text encoding and hold control bytes. Text
that decodes is refused only when controls are a large share of it; a few
stray ones are stripped later by ``corpus.sanitize``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not text newsreader can read; ``str(err)`` is the reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


# Signatures of common binary formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (e.g. .docx, .epub)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "old Microsoft Office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    # With the version bytes that follow, so prose starting "ID3" is not caught.
    (b"OggS\x00", "Ogg audio or video"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"\xca\xfe\xba\xbe", "Java class or macOS executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 4096
# Control characters that do not occur in text. Tab, line ends, form feed,
# ESC and BEL are left out: terminal escape sequences are text with markup
# in them (stripped later), not a sign of a binary file.
_BINARY_CONTROLS = re.compile(r"[\x00-\x06\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_BINARY_CONTROL_BYTES = re.compile(rb"[\x00-\x06\x08\x0e-\x1a\x1c-\x1f]")
# NULs: a broken copy or editor leaves a few in real articles; binary
# formats (and text padded after a crash) have them by the hundred.
_STRAY_NULS = 4
_MAX_NUL_RATIO = 0.01
# Decoded text is refused only when controls are a large share of it: a
# real article with a dozen stray ones is still an article.
_MAX_CONTROL_RATIO = 0.10
# Bytes that are no text encoding: text in any 8-bit encoding has almost no
# C0 control bytes, random or compressed bytes about one in ten.
_MAX_UNDECODABLE_CONTROL_RATIO = 0.02
# cp1252 decodes nearly any byte string, so a cp1252 reading is accepted only
# when it looks like prose in a Latin script: mostly ASCII, and the rest
# letters or common typography rather than a spray of symbols.
# A well-formed multi-byte UTF-8 character. Real cp1252 prose almost never
# spells one (an accented capital followed by a symbol byte), so a file with
# several of them and also an invalid byte is UTF-8 with stray bytes pasted in.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_MIN_UTF8_SEQUENCES_FOR_MIXED = 2
_MAX_NON_ASCII_RATIO = 0.25
_MIN_LETTERLIKE_NON_ASCII = 0.8


def decode(data: bytes) -> Decoded:
    """Decode file bytes into text.

    Args:
        data: The whole file.

    Returns:
        The decoded text (BOM removed) and the encoding that was used.

    Raises:
        DecodeError: With a one-line reason: "empty file", "binary file
            (...)", or which encodings failed and where.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, f"{encoding} with a byte-order mark")
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _strict(data, utf16, f"{utf16} without a byte-order mark")
        if nuls > max(_STRAY_NULS, _MAX_NUL_RATIO * len(data)):
            raise DecodeError("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        return _cp1252(data, utf8_error)
    except DecodeError:
        # No encoding fits: with NULs or control bytes in it, this is not
        # text in an encoding we lack but not text at all.
        if nuls:
            raise DecodeError("binary file (contains NUL bytes)") from None
        sample = data[:_SAMPLE]
        controls = len(_BINARY_CONTROL_BYTES.findall(sample))
        if controls > _MAX_UNDECODABLE_CONTROL_RATIO * len(sample):
            raise DecodeError("binary file (control bytes, and not UTF-8 or cp1252 text)") from None
        raise


def _strict(data: bytes, encoding: str, label: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"looks like {label} but is not valid ({err.reason} at offset {err.start})"
        ) from None
    return _checked(text.removeprefix("\ufeff"), encoding.removesuffix("-sig"))


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order when NULs sit in every other byte, else None.

    Text in a Latin script encoded as UTF-16 has a NUL as the high byte of
    nearly every character, always on the same side of each pair; binary
    files have NULs scattered anywhere.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs == 0 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> Decoded:
    sample = text[:_SAMPLE]
    controls = len(_BINARY_CONTROLS.findall(sample))
    if sample and controls > _MAX_CONTROL_RATIO * len(sample):
        share = round(100 * controls / len(sample))
        raise DecodeError(f"binary file ({share}% control characters)")
    return Decoded(text, encoding)


def _cp1252(data: bytes, utf8_error: UnicodeDecodeError) -> Decoded:
    where = (
        f"byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
        if utf8_error.start < len(data)
        else f"truncated character at offset {utf8_error.start}"
    )
    if len(_UTF8_SEQUENCE.findall(data)) >= _MIN_UTF8_SEQUENCES_FOR_MIXED:
        # Read as cp1252, the UTF-8 part would turn into mojibake ("Ã©").
        raise DecodeError(
            f"mixed encodings: has UTF-8 characters but also {where}, which is not UTF-8; "
            "re-save the file as UTF-8"
        )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecodeError(f"not valid UTF-8, UTF-16 or cp1252 text ({where})") from None
    non_ascii = [ch for ch in text if ord(ch) > 127]
    letterlike = sum(1 for ch in non_ascii if unicodedata.category(ch)[0] in "LP")
    if non_ascii and (
        len(non_ascii) / len(text) > _MAX_NON_ASCII_RATIO
        or letterlike / len(non_ascii) < _MIN_LETTERLIKE_NON_ASCII
    ):
        hint = _other_encoding_hint(data)
        raise DecodeError(
            f"not valid UTF-8, and does not read as cp1252 text ({where}){hint}; "
            "convert it to UTF-8"
        )
    return _checked(text, "cp1252")


def _other_encoding_hint(data: bytes) -> str:
    """Name the encoding charset-normalizer would pick, to help the user convert."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
    except Exception:  # a hint is optional; never let it mask the real reason
        return ""
    if best is None:
        return ""
    return f"; it may be {best.encoding}"
