"""Properties: cleaning never loses a line; no parser raises on any input."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.corpus import article_from_text
from newsreader.corpus.clean import clean
from newsreader.corpus.dates import normalise_date, parse_date_line
from newsreader.corpus.decode import DecodeError, decode
from newsreader.corpus.markdown import markdown_to_plain
from newsreader.corpus.metadata import looks_like_headline, parse_dateline
from newsreader.corpus.outlets import normalise_outlet, normalise_wire
from newsreader.corpus.sanitize import sanitize

# Lines of the kinds real pages mix: boilerplate, metadata, body, near-misses.
SAMPLE_LINES = (
    "Rabu 13 Sep 2023 07:09 WIB", "Sep 12, 2023 - 23:16", "Advertisement", "Baca Juga",
    "BACA JUGA: Ikuti News Analysis", "Berita Lainnya", "Next Post", "Artikel Selanjutnya",
    "Rep: Dwina Agustin/ Red: Nidia Zuraya", "FILE - Presiden Rusia berpose.",
    "Foto: AP Photo/Alexander", "TOPSHOT-RUSSIA-NKOREA-POLITICS-DIPLOMACY",
    "sumber : Reuters", "(Rahman Asmardika)", "(han)", "—Dengan bantuan dari Seyoon Kim.",
    "REPUBLIKA.CO.ID, MOSKOW -- Pemimpin Korea Utara tiba.", "MOSKOW – Kim tiba di Rusia.",
    "Kim Jong Un akan Kunjungi Putin di Rusia", "Putin menyambut Kim di stasiun.",
    "Kerja sama militer dibahas.(han)", "\"Kami siap,\" katanya.", "Ya.", "[bold red]x[/]",
    "Delegasi Pejabat Pertahanan", "Kam Sep 14 , 2023", "Editor: Budi", "Tags: politik",
)  # fmt: skip
lines = st.one_of(
    st.sampled_from(SAMPLE_LINES),
    st.text(max_size=80),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(SAMPLE_LINES), st.text(max_size=20)),
)
documents = st.lists(
    st.tuples(lines, st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])), max_size=25
).map(lambda parts: "".join(line + sep for line, sep in parts))


def _input_lines(text: str) -> list[str]:
    return [line.strip() for line in sanitize(text).split("\n") if line.strip()]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_cleaning_never_loses_a_line(text: str) -> None:
    article = clean(sanitize(text))
    expected = Counter(_input_lines(text))
    paragraphs = [p for p in article.text.split("\n\n") if p]
    got = Counter(paragraphs) + Counter(r.text for r in article.removed)
    if got != expected:
        # The one allowed difference: a trailing credit split off the last line.
        tails = [r for r in article.removed if r.offset == len(article.text)]
        joined = [
            (tail, paragraphs[-1] + sep + tail.text)
            for tail in tails
            for sep in ("", " ")
            if paragraphs and paragraphs[-1] + sep + tail.text in expected
        ]
        assert joined, (got, expected)
        tail, line = joined[0]
        got -= Counter([paragraphs[-1], tail.text])
        got[line] += 1
    assert got == expected
    assert all(p and "\n" not in p for p in paragraphs)
    assert all(0 <= r.offset <= len(article.text) for r in article.removed)


@settings(max_examples=300)
@given(st.text())
def test_sanitize_output_is_inert_and_stable(text: str) -> None:
    once = sanitize(text)
    assert sanitize(once) == once
    assert not any(
        (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or ch == "\u00a0"
        for ch in once
    )


@settings(max_examples=300)
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_date_line(text)
    normalise_date(text)
    parse_dateline(text)
    looks_like_headline(text)
    normalise_outlet(text)
    normalise_wire(text)
    markdown_to_plain(text)
    clean(sanitize(text))
    clean(sanitize(text), title=text)


@settings(max_examples=200)
@given(documents)
def test_metadata_never_raises_on_article_like_text(text: str) -> None:
    article = article_from_text(text)
    for value in (article.title, article.outlet, article.byline, article.wire, article.dateline):
        assert value is None or (value and "\n" not in value)
    assert article.date is None or len(article.date) == 10


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_decode_raises_only_decode_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert isinstance(decoded.text, str)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("<>/divp\"'=&;# abc\n!-"), max_size=300))
def test_html_reading_never_raises(page: str) -> None:
    article_from_text(page, suffix=".html")


hidden_blocks = st.sampled_from(
    [
        "<script>var SECRET = 1;</script>",
        "<style>.SECRET { color: red }</style>",
        '<iframe src="x">SECRET</iframe>',
        "<noscript>SECRET</noscript>",
        "<!-- SECRET -->",
        "<script type='text/template'><p>SECRET</p></script>",
    ]
)
paragraphs = st.lists(
    st.text(alphabet=st.sampled_from("abcdefghij klmnop.,"), min_size=1, max_size=60),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None)
@given(paragraphs, st.lists(hidden_blocks, min_size=1, max_size=4), st.booleans())
def test_hidden_html_never_leaks(texts: list[str], hidden: list[str], as_html: bool) -> None:
    parts = [f"<p>{t}</p>" for t in texts]
    for i, block in enumerate(hidden):
        parts.insert((i * 2) % (len(parts) + 1), block)
    page = "<html><head><title>Judul</title></head><body>" + "".join(parts) + "</body></html>"
    article = article_from_text(page, suffix=".html" if as_html else ".md")
    everything = article.text + " ".join(r.text for r in article.removed) + str(article.title)
    assert "SECRET" not in everything
