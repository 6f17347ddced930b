"""Hand-annotated articles for compare tests, so they need no model.

``make_article`` builds one from text and entity specs. ``flood_articles``
is a second test story of our own: a flash flood reported by three
outlets, in realistic Indonesian news sentences with deliberate
disagreements (the day of the flood, Senin 4/3 vs Minggu 3/3; the death
toll, 14 vs 46; who said the quoted words) and deliberate agreements
written differently ("Ahad" and "Minggu"; "1.200 rumah" in both).

Building annotated articles by hand:

Entities are given as (surface, label, canonical); every occurrence of
the surface in the text is marked, longest surfaces first, without
overlaps. Sentences come from the project's own splitter.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.corpus.article import Article
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity
from newsreader.nlp.sentences import split_sentences

EntitySpec = tuple[str, str, str]  # surface, label, canonical


def make_article(
    article_id: str,
    text: str,
    entities: Sequence[EntitySpec] = (),
    *,
    outlet: str | None = None,
    date: str | None = None,
    wire: str | None = None,
) -> AnnotatedArticle:
    """An AnnotatedArticle with hand-marked entities and real sentence splitting."""
    marked: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for surface, label, canonical in sorted(entities, key=lambda e: -len(e[0])):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if all(end <= s or start >= e for s, e in taken):
                marked.append(Entity(start, end, surface, label, canonical))
                taken.append((start, end))
            start = text.find(surface, end)
    marked.sort(key=lambda e: e.start)
    article = Article(
        id=article_id, path=f"{article_id}.txt", text=text, outlet=outlet, date=date, wire=wire
    )
    return AnnotatedArticle(article, Annotation(tuple(marked), tuple(split_sentences(text))))


_PLACES = [
    ("Kabupaten Pesisir Selatan", "LOC", "Pesisir Selatan"),
    ("Pesisir Selatan", "LOC", "Pesisir Selatan"),
    ("Sumatera Barat", "LOC", "Sumatera Barat"),
    ("Sungai Batang Kapas", "LOC", "Sungai Batang Kapas"),
    ("BPBD Sumatera Barat", "ORG", "BPBD Sumatera Barat"),
    ("Rudy Rinaldy", "PER", "Rudy Rinaldy"),
    ("Mahyeldi Ansharullah", "PER", "Mahyeldi Ansharullah"),
    ("Joko Widodo", "PER", "Joko Widodo"),
]

KOMPAS = (
    "Banjir bandang melanda Kabupaten Pesisir Selatan, Sumatera Barat, pada Senin (4/3/2024) "
    "malam. BPBD Sumatera Barat mencatat 14 orang tewas akibat banjir tersebut. Sebanyak "
    "1.200 rumah terendam dan ribuan warga mengungsi ke masjid dan sekolah.\n\n"
    '"Kami masih mencari enam warga yang hilang," kata Kepala BPBD Sumatera Barat Rudy '
    "Rinaldy. Hujan deras sejak Minggu sore membuat Sungai Batang Kapas meluap. Bantuan "
    "logistik mulai dikirim ke lokasi pengungsian pada Selasa pagi."
)
DETIK = (
    "Banjir bandang menerjang Kabupaten Pesisir Selatan, Sumatera Barat, Senin (4/3/2024) "
    "malam. Jumlah korban tewas akibat banjir mencapai 46 orang, menurut data BPBD Sumatera "
    "Barat. Sekitar 1.200 rumah terendam banjir dan ribuan warga mengungsi.\n\n"
    '"Kami masih mencari enam warga yang hilang," ujar Rudy Rinaldy, Kepala BPBD Sumatera '
    "Barat. Presiden Joko Widodo menyampaikan duka cita kepada keluarga korban."
)
UNKNOWN = (
    "Banjir bandang melanda Kabupaten Pesisir Selatan, Sumatera Barat, pada Minggu (3/3/2024) "
    "malam. BPBD Sumatera Barat mencatat 14 orang tewas dalam banjir tersebut.\n\n"
    'Hujan deras sejak Ahad sore membuat Sungai Batang Kapas meluap. "Kami masih mencari '
    'enam warga yang hilang," kata Gubernur Sumatera Barat Mahyeldi Ansharullah.'
)

_VALUES = [
    ("Senin (4/3/2024)", "DATE", "2024-03-04"),
    ("Minggu (3/3/2024)", "DATE", "2024-03-03"),
    ("Minggu", "DATE", "Minggu"),
    ("Ahad", "DATE", "Minggu"),
    ("Selasa", "DATE", "Selasa"),
    ("14 orang", "QUANTITY", "14 orang"),
    ("46 orang", "QUANTITY", "46 orang"),
    ("1.200 rumah", "QUANTITY", "1200 rumah"),
    ("enam warga", "QUANTITY", "6 warga"),
]


def flood_articles() -> list[AnnotatedArticle]:
    """The three flood reports, hand-annotated; the third has no known outlet."""
    specs = _PLACES + _VALUES
    return [
        make_article("flood_kompas", KOMPAS, specs, outlet="Kompas", date="2024-03-05"),
        make_article("flood_detik", DETIK, specs, outlet="Detik", date="2024-03-05"),
        make_article("flood_unknown", UNKNOWN, specs, date="2024-03-05"),
    ]
