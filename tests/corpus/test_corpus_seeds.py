"""Cleaning and metadata on the bundled seed articles, checked against a careful reading.

The expected values below were written by reading each seed file by hand:
which line numbers are article body, what every other line is, and what
metadata the text states. The tests compare the cleaner with that reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsreader.corpus import Article, load
from newsreader.corpus.sanitize import sanitize

# 1-based line numbers of body paragraphs in each seed file.
BODY_LINES: dict[str, list[int]] = {
    "000": [12, 14, *range(18, 47, 2)],
    "001": list(range(5, 30, 2)),
    "002": list(range(8, 35, 2)),
    "003": list(range(3, 26)),
    "004": list(range(1, 10)),
}
# Trailing credits glued to a body line, which belong to the credit, not the body.
TAIL_CREDITS: dict[str, str] = {"002": "(han)"}
# Every removed line, in order: (kind, start of its text).
REMOVED: dict[str, list[tuple[str, str]]] = {
    "000": [
        ("metadata", "Rabu 13 Sep 2023 07:09 WIB"),
        ("metadata", "Kim Jong-un: Kunjungan ke Rusia"),
        ("summary", "Kim tiba di Rusia dengan kereta pribadi untuk melakukan pembicaraan"),
        ("credit", "Rep: Dwina Agustin/ Red: Nidia Zuraya"),
        ("caption", "FILE - Presiden Rusia"),
        ("caption", "Foto: AP Photo/Alexander"),
        ("caption", "FILE - Presiden Rusia"),
        ("related", "Baca Juga"),
        ("wire", "sumber : Reuters"),
        ("related", "BACA JUGA: Ikuti News Analysis"),
        ("ad", "Advertisement"),
        ("related", "Berita Lainnya"),
        ("ad", "Advertisement"),
        ("ad", "Advertisement"),
        ("ad", "Advertisement"),
    ],
    "001": [
        ("metadata", "Korea Utara Menyatakan Putin"),
        ("caption", "TOPSHOT-RUSSIA-NKOREA-POLITICS-DIPLOMACY"),
        ("credit", "—Dengan bantuan dari Seyoon Kim"),
        ("teaser", "Next Post"),
        ("teaser", "Recruitment Success Academy"),
        ("teaser", "Kam Sep 14 , 2023"),
        ("teaser", "Temukan Wawasan SDM"),
    ],
    "002": [
        ("metadata", "Kim Jong Un akan Kunjungi Putin di Rusia"),
        ("summary", "Belum jelas di mana Kim Jong Un"),
        ("metadata", "Sep 12, 2023 - 23:16"),
        ("duplicate", "Kim Jong Un akan Kunjungi Putin di Rusia"),
        ("credit", "(han)"),
    ],
    "003": [
        ("metadata", "AS Khawatir Korut Benar-benar Jual Senjata ke Rusia"),
        ("summary", "Kim dan Putin kemungkinan besar"),
    ],
    "004": [("credit", "(Rahman Asmardika)")],
}
METADATA: dict[str, dict[str, str | None]] = {
    "000": {
        "title": "Kim Jong-un: Kunjungan ke Rusia Tunjukan Kepentingan Strategis Hubungan "
        "Kedua Negara",
        "outlet": "Republika",
        "date": "2023-09-13",
        "time": "07:09",
        "timezone": "WIB",
        "dateline": "Moskow",
        "byline": "Dwina Agustin",
        "editor": "Nidia Zuraya",
        "wire": "Reuters",
        "summary": "Kim tiba di Rusia dengan kereta pribadi untuk melakukan pembicaraan "
        "dengan Putin.",
    },
    "001": {
        "title": "Korea Utara Menyatakan Putin Mungkin Mengunjungi Pyongyang Setelah "
        "Pembicaraan ‘Epoch-Making’ Dengan Kim di Rusia",
        "outlet": None,
        "date": None,
        "time": None,
        "dateline": None,
        "byline": None,
        "wire": None,
        "summary": None,
    },
    "002": {
        "title": "Kim Jong Un akan Kunjungi Putin di Rusia, Boyong 'Delegasi Senjata'",
        "outlet": "Nusadaily",
        "date": "2023-09-12",
        "time": "23:16",
        "timezone": None,
        "dateline": "Moskow",
        "byline": None,
        "wire": None,
    },
    "003": {
        "title": "AS Khawatir Korut Benar-benar Jual Senjata ke Rusia",
        "outlet": "Republika",
        "date": None,
        "time": None,
        "dateline": "Seoul",
        "wire": None,
        "summary": "Kim dan Putin kemungkinan besar akan mendiskusikan penyediaan senjata "
        "bagi Rusia",
    },
    "004": {
        "title": None,
        "outlet": None,
        "date": None,
        "dateline": "Moskow",
        "byline": "Rahman Asmardika",
        "summary": None,
    },
}
# Boilerplate that must not survive anywhere in the body.
BOILERPLATE = (
    "Advertisement", "Baca Juga", "BACA JUGA", "Berita Lainnya", "Next Post", "Recruitment",
    "FILE -", "Foto:", "Rep:", "Red:", "sumber :", "TOPSHOT", "Dengan bantuan dari",
    "(han)", "(Rahman Asmardika)", "Sep 12, 2023", "07:09 WIB",
)  # fmt: skip
# Sentence ends: a full stop, ! or ? (optionally closing a quote) before a new sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])")


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    result = load([seeds_dir])
    assert result.errors == []
    return {article.id[:3]: article for article in result.articles}


def _file(seeds_dir: Path, key: str) -> list[str]:
    (path,) = seeds_dir.glob(f"{key}_*.txt")
    return sanitize(path.read_text(encoding="utf-8")).split("\n")


def _expected_body(seeds_dir: Path, key: str) -> list[str]:
    lines = _file(seeds_dir, key)
    body = [lines[n - 1].strip() for n in BODY_LINES[key]]
    if key in TAIL_CREDITS:
        body[-1] = body[-1].removesuffix(TAIL_CREDITS[key]).strip()
    return body


def test_all_seeds_load_in_path_order(seeds: dict[str, Article]) -> None:
    assert list(seeds) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("key", sorted(BODY_LINES))
def test_body_is_exactly_the_article_paragraphs(
    seeds: dict[str, Article], seeds_dir: Path, key: str
) -> None:
    assert seeds[key].paragraphs == _expected_body(seeds_dir, key)


@pytest.mark.parametrize("key", sorted(BODY_LINES))
def test_every_body_sentence_survives(seeds: dict[str, Article], seeds_dir: Path, key: str) -> None:
    sentences = [s for line in _expected_body(seeds_dir, key) for s in _SENTENCE_END.split(line)]
    assert len(sentences) > len(BODY_LINES[key])  # the splitter really split
    missing = [s for s in sentences if s not in seeds[key].text]
    assert missing == []


@pytest.mark.parametrize("key", sorted(BODY_LINES))
def test_no_boilerplate_survives(seeds: dict[str, Article], seeds_dir: Path, key: str) -> None:
    text = seeds[key].text
    assert [b for b in BOILERPLATE if b in text] == []
    body_numbers = set(BODY_LINES[key])
    other_lines = [
        line.strip()
        for n, line in enumerate(_file(seeds_dir, key), start=1)
        if line.strip() and n not in body_numbers
    ]
    assert not set(other_lines) & set(seeds[key].paragraphs)


@pytest.mark.parametrize("key", sorted(REMOVED))
def test_removed_lines_have_their_kinds(seeds: dict[str, Article], key: str) -> None:
    removed = seeds[key].removed
    assert [r.kind for r in removed] == [kind for kind, _ in REMOVED[key]]
    for line, (_, start) in zip(removed, REMOVED[key], strict=True):
        assert line.text.startswith(start)


@pytest.mark.parametrize("key", sorted(REMOVED))
def test_removed_offsets_point_at_the_following_paragraph(
    seeds: dict[str, Article], seeds_dir: Path, key: str
) -> None:
    article = seeds[key]
    starts = {0} | {m.end() for m in re.finditer("\n\n", article.text)} | {len(article.text)}
    assert all(r.offset in starts for r in article.removed)
    # 000's "Baca Juga" stood between the second and third body paragraphs.
    if key == "000":
        (baca,) = [r for r in article.removed if r.text == "Baca Juga"]
        assert article.text[baca.offset :].startswith("Kim tiba di Rusia dengan kereta pribadi")


@pytest.mark.parametrize("key", sorted(METADATA))
def test_metadata_as_the_text_states_it(seeds: dict[str, Article], key: str) -> None:
    article = seeds[key]
    actual = {name: getattr(article, name) for name in METADATA[key]}
    assert actual == METADATA[key]


def test_event_dates_in_the_body_are_not_publication_dates(seeds: dict[str, Article]) -> None:
    # 003 and 004 mention "Selasa (12/9/2023)" in the lede, but no line marks
    # a publication date; 001's only date is in the removed teaser.
    assert "(12/9/2023)" in seeds["003"].text
    assert seeds["003"].date is None
    assert seeds["004"].date is None
    assert seeds["001"].date is None


def test_outlet_is_never_guessed_from_a_reporter(seeds: dict[str, Article]) -> None:
    assert seeds["004"].byline == "Rahman Asmardika"
    assert seeds["004"].outlet is None
