"""HTML and Markdown inputs: main content, metadata, nothing hidden leaks."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsreader.corpus import article_from_text, load
from newsreader.corpus.clean import clean
from newsreader.corpus.markdown import markdown_to_plain, remove_html

PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Presiden Buka Pameran Buku - Kompas.com</title>
<meta property="og:site_name" content="KOMPAS.com">
<meta property="og:title" content="Presiden Buka Pameran Buku">
<meta name="author" content="Budi Santoso">
<meta property="article:published_time" content="2023-09-12T23:16:00+07:00">
<style>body{color:red}</style><script>var s = "LEAK-SCRIPT";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Presiden Buka Pameran Buku</h1>
<p>JAKARTA, KOMPAS.com - Presiden membuka pameran buku internasional di Jakarta pada
Senin pagi. Acara itu dihadiri ribuan pengunjung dari berbagai kota.</p>
<iframe src="https://ads.example/x">LEAK-IFRAME</iframe>
<p>Panitia mengatakan pameran berlangsung hingga akhir pekan, dengan <b>lebih dari 500</b>
penerbit dan <a href="http://x">puluhan</a> penulis tamu.</p>
<script>document.write("LEAK-SCRIPT-2")</script><style>.x{content:"LEAK-STYLE"}</style>
<p>Baca juga: Pameran buku tahun lalu sepi pengunjung</p>
<p>"Kami senang sekali [bold red]bisa[/] hadir," kata seorang pengunjung.</p>
<p>Editor: Ani Wijaya</p>
</article><footer>Copyright 2023 Kompas</footer></body></html>
"""


def _load_one(path: Path):
    result = load([path])
    assert result.errors == []
    (article,) = result.articles
    return article


def test_html_main_content_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "pameran.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _load_one(path)
    assert article.paragraphs == [
        "JAKARTA, KOMPAS.com - Presiden membuka pameran buku internasional di Jakarta pada "
        "Senin pagi. Acara itu dihadiri ribuan pengunjung dari berbagai kota.",
        "Panitia mengatakan pameran berlangsung hingga akhir pekan, dengan lebih dari 500 "
        "penerbit dan puluhan penulis tamu.",
        '"Kami senang sekali [bold red]bisa[/] hadir," kata seorang pengunjung.',
    ]
    assert (article.title, article.outlet, article.date, article.time, article.timezone) == (
        "Presiden Buka Pameran Buku",
        "Kompas",
        "2023-09-12",
        "23:16",
        "WIB",
    )
    assert (article.dateline, article.byline, article.editor) == (
        "Jakarta",
        "Budi Santoso",
        "Ani Wijaya",
    )
    assert [(r.kind, r.text) for r in article.removed] == [
        ("metadata", "Presiden Buka Pameran Buku"),
        ("related", "Baca juga: Pameran buku tahun lalu sepi pengunjung"),
        ("credit", "Editor: Ani Wijaya"),
    ]


def test_html_hidden_elements_never_leak(tmp_path: Path) -> None:
    path = tmp_path / "pameran.htm"
    path.write_text(PAGE, encoding="utf-8")
    article = _load_one(path)
    everything = article.text + "".join(r.text for r in article.removed)
    assert "LEAK" not in everything
    assert "color:red" not in everything
    assert "Home" not in everything


def test_html_outlet_falls_back_to_site_name(tmp_path: Path) -> None:
    page = PAGE.replace("JAKARTA, KOMPAS.com - ", "").replace("KOMPAS.com", "detikNews")
    path = tmp_path / "tanpa-dateline.html"
    path.write_text(page, encoding="utf-8")
    article = _load_one(path)
    assert article.outlet == "Detik"
    assert article.dateline is None


def test_deeply_nested_html_loads(tmp_path: Path) -> None:
    body = "<p>Presiden membuka pameran buku internasional di Jakarta pada Senin pagi.</p>"
    page = "<html><body>" + "<div>" * 5_000 + body + "</div>" * 5_000 + "</body></html>"
    path = tmp_path / "dalam.html"
    path.write_text(page, encoding="utf-8")
    start = time.perf_counter()
    article = _load_one(path)
    assert time.perf_counter() - start < 5.0
    assert article.text == "Presiden membuka pameran buku internasional di Jakarta pada Senin pagi."


def test_malformed_html_never_crashes(tmp_path: Path) -> None:
    pages = {
        "unclosed.html": "<html><body><p>Berita pertama tentang banjir di kota<div><p>Kedua",
        "garbage.html": "<<<>>><p <b>>>Hujan deras turun</i></td></html></html>&#xZZ;&#99999999;",
        "only-script.html": "<script>alert('x')</script><style>p{}</style>",
        "text-only.htm": "Presiden membuka pameran buku tanpa tag apa pun.",
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    result = load([tmp_path])
    loaded = {Path(a.path).name: a.text for a in result.articles}
    failed = {Path(e.path).name: e.reason for e in result.errors}
    assert set(loaded) | set(failed) == set(pages)
    assert "alert" not in "".join(loaded.values())
    assert failed["only-script.html"].startswith("no article text left")
    assert "Presiden membuka pameran buku" in loaded["text-only.htm"]
    assert "Hujan deras turun" in loaded["garbage.html"]


def test_markdown_heading_is_title_and_raw_html_is_removed(tmp_path: Path) -> None:
    text = (
        "# Banjir Melanda **Jakarta** Utara\n\n"
        "JAKARTA -- Hujan deras sejak Senin malam membuat [sungai](https://x.id/a) meluap.\n"
        "Ribuan warga mengungsi ke tempat yang lebih tinggi.\n\n"
        '<script>alert("LEAK")</script>\n'
        '<div class="ad"><iframe src="x">LEAK</iframe></div>\n\n'
        "Petugas <b>BPBD</b> mengatakan air mulai surut &amp; warga kembali.\n\n"
        "![Foto banjir](https://x.id/banjir.jpg)\n\n"
        "- Posko utama di kantor kelurahan\n"
        "- Dapur umum di masjid\n\n"
        "Pesan untuk pembaca: [bold red] tetap aman [/bold red].\n"
    )
    path = tmp_path / "banjir.md"
    path.write_text(text, encoding="utf-8")
    article = _load_one(path)
    assert article.title == "Banjir Melanda Jakarta Utara"
    assert article.dateline == "Jakarta"
    assert article.paragraphs == [
        "JAKARTA -- Hujan deras sejak Senin malam membuat sungai meluap. "
        "Ribuan warga mengungsi ke tempat yang lebih tinggi.",
        "Petugas BPBD mengatakan air mulai surut & warga kembali.",
        "- Posko utama di kantor kelurahan",
        "- Dapur umum di masjid",
        "Pesan untuk pembaca: [bold red] tetap aman [/bold red].",
    ]


def test_markdown_setext_heading_and_code() -> None:
    plain = markdown_to_plain("Judul Besar\n===========\n\nIsi *pertama*.\n\n```\nkode()\n```\n")
    assert plain.title == "Judul Besar"
    assert plain.text == "Judul Besar\n\nIsi pertama.\n\nkode()"


def test_remove_html_keeps_escaped_tags_as_text() -> None:
    assert remove_html("a &lt;script&gt; b <script>x</script>c") == "a <script> b c"


def test_html_entities_cannot_smuggle_escape_sequences() -> None:
    article = article_from_text(
        "# Judul &#27;[31mMerah\n\nIsi berita &#x1b;]0;judul-palsu&#7; yang aman.",
        suffix=".md",
    )
    assert article.title == "Judul [31mMerah"
    assert "\x1b" not in article.text and "\x07" not in article.text


def test_text_only_load_does_not_import_trafilatura(seeds_dir: Path) -> None:
    code = (
        "import sys; from newsreader.corpus import load; "
        f"r = load([{str(seeds_dir)!r}]); assert len(r.articles) == 5; "
        "heavy = ('trafilatura', 'textual', 'spacy', 'markdownify'); "
        "print([m for m in heavy if m in sys.modules])"
    )
    tui = Path(__file__).resolve().parents[2] / "tui"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tui)},
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_html_body_dates_are_not_publication_dates(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Banjir Jakarta</title></head><body><article><h1>Banjir Jakarta</h1>"
        "<p>JAKARTA -- Banjir melanda pada Selasa, 12 September 2023 dan ribuan warga mengungsi "
        "ke tempat yang lebih tinggi.</p><p>Petugas mengatakan air surut pada 14 September 2023 "
        "pagi hari setelah hujan berhenti.</p></article></body></html>"
    )
    path = tmp_path / "banjir.html"
    path.write_text(page, encoding="utf-8")
    article = _load_one(path)
    assert article.title == "Banjir Jakarta"
    assert article.date is None
    assert "12 September 2023" in article.text


def test_page_title_with_outlet_suffix_matches_the_heading(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Banjir Melanda Jakarta | Harian Contoh</title></head><body>"
        "<h1>Banjir Melanda Jakarta</h1><p>JAKARTA -- Banjir melanda sejak Senin malam dan "
        "ribuan warga mengungsi ke tempat yang lebih tinggi di utara kota.</p>"
        "<p>Petugas mengatakan air mulai surut pada pagi hari setelah hujan berhenti.</p>"
        "</body></html>"
    )
    path = tmp_path / "judul.html"
    path.write_text(page, encoding="utf-8")
    article = _load_one(path)
    assert article.title == "Banjir Melanda Jakarta"
    assert article.paragraphs[0].startswith("JAKARTA -- Banjir melanda")
    assert len(article.paragraphs) == 2


def test_known_title_with_outlet_suffix_removes_the_heading_line() -> None:
    cleaned = clean(
        "Banjir Melanda Jakarta\n\nJAKARTA -- Banjir melanda sejak Senin malam.\n\nAir surut.",
        title="Banjir Melanda Jakarta - Harian Contoh",
    )
    assert cleaned.title == "Banjir Melanda Jakarta"
    assert cleaned.text == "JAKARTA -- Banjir melanda sejak Senin malam.\n\nAir surut."
    assert [(r.kind, r.text) for r in cleaned.removed] == [("metadata", "Banjir Melanda Jakarta")]


def test_published_time_meta_in_either_attribute_order(tmp_path: Path) -> None:
    body = (
        "<body><p>JAKARTA -- Hujan deras turun sejak pagi dan membuat banyak jalan di pusat "
        "kota tergenang air setinggi lutut orang dewasa.</p></body></html>"
    )
    pages = {
        "a.html": '<html><head><meta content="2024-03-04T08:05:00+08:00" '
        'property="article:published_time">' + body,
        "b.html": '<html><head><meta itemprop="datePublished" content="2024-03-04T08:05:00Z">'
        + body,
        "c.html": '<html><head><meta name="pubdate" content="2024-13-04">' + body,
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    result = load([tmp_path])
    stamps = {Path(a.path).name: (a.date, a.time, a.timezone) for a in result.articles}
    assert stamps == {
        "a.html": ("2024-03-04", "08:05", "WITA"),
        "b.html": ("2024-03-04", "08:05", "UTC"),
        "c.html": (None, None, None),
    }


def test_markdown_export_round_trip_reads_front_matter_and_spans(tmp_path: Path) -> None:
    exported = (
        "---\n"
        'title: "Kim Tiba di Rusia"\n'
        "outlet: Republika\n"
        "date: 2023-09-13\n"
        "source: seeds/000.txt\n"
        "entities:\n"
        "  PER: [Kim Jong-un, Vladimir Putin]\n"
        "---\n\n"
        "# Kim Tiba di Rusia\n\n"
        "[MOSKOW]{.LOC} -- [Kim Jong-un]{.PER} bertemu [Vladimir Putin]{.PER} pada "
        "[Rabu (13/9/2023)]{.DATE}.\n\n"
        "## Perbandingan\n\n"
        "Fakta ini juga dimuat [Nusadaily]{.ORG}.\n"
    )
    path = tmp_path / "000.md"
    path.write_text(exported, encoding="utf-8")
    article = _load_one(path)
    assert (article.title, article.outlet, article.date, article.dateline) == (
        "Kim Tiba di Rusia",
        "Republika",
        "2023-09-13",
        "Moskow",
    )
    assert article.paragraphs == [
        "MOSKOW -- Kim Jong-un bertemu Vladimir Putin pada Rabu (13/9/2023).",
        "Perbandingan",
        "Fakta ini juga dimuat Nusadaily.",
    ]


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("*Kim* [tiba](http://x) <b>", "Warta_Kota *Rel* [link=x]"),
        ("Harga \\*Cabai\\* Naik 50% & $5 @pasar", "Kabar ^Kota^ ~Timur~"),
        ("1. Kim Tiba", "Kompas: 1. Edisi \\\\ Pagi"),
    ],
)
def test_markdown_export_with_markup_in_metadata_reads_back(
    tmp_path: Path, title: str, outlet: str
) -> None:
    # The export escapes metadata as Markdown (Pandoc reads it so); reading
    # the file back undoes the escapes instead of taking them for markup.
    from newsreader.corpus.article import Article
    from newsreader.export import ExportItem, render_article
    from newsreader.nlp.annotation import AnnotatedArticle, Annotation

    text = "MOSKOW -- Kim tiba di Rusia pada Rabu.\n\nIa bertemu Putin di Vostochny."
    article = Article(id="kim", path="/x/kim.txt", text=text, title=title, outlet=outlet)
    path = tmp_path / "kim.md"
    path.write_text(render_article(ExportItem(AnnotatedArticle(article, Annotation((), ())))))
    read = _load_one(path)
    assert (read.title, read.outlet) == (title, outlet)
    assert read.paragraphs[:2] == text.split("\n\n")


def test_markdown_without_front_matter_keeps_a_leading_rule_as_nothing() -> None:
    plain = markdown_to_plain("---\n\nIsi berita: bukan front matter.\n")
    assert plain.front_matter == {}
    assert plain.text == "Isi berita: bukan front matter."


def test_prose_between_two_rules_is_not_taken_for_front_matter() -> None:
    plain = markdown_to_plain("---\nIsi berita pertama.\n---\nIsi kedua.\n")
    assert plain.front_matter == {}
    assert plain.text == "Isi berita pertama.\n\nIsi kedua."


def test_json_ld_metadata_is_read_though_scripts_are_not_text(tmp_path: Path) -> None:
    page = (
        '<html><head><title>Gempa di Lombok</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": '
        '"Gempa di Lombok", "author": {"@type": "Person", "name": "Siti Aminah"}, '
        '"datePublished": "2024-02-01T09:30:00+08:00"}</script></head><body><article>'
        "<p>MATARAM -- Gempa bermagnitudo 5,2 mengguncang Lombok pada Kamis pagi dan membuat "
        "warga berhamburan keluar rumah.</p><p>Belum ada laporan korban jiwa.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "gempa.html"
    path.write_text(page, encoding="utf-8")
    article = _load_one(path)
    assert (article.byline, article.date, article.dateline) == (
        "Siti Aminah",
        "2024-02-01",
        "Mataram",
    )
    assert "schema.org" not in article.text
