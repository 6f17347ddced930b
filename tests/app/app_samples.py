"""Hand-annotated samples for the app tests (built directly, no files, no model).

The texts are short Indonesian news paragraphs; the entities and sentences
are marked by hand, so the tests check rendering and navigation against
known offsets rather than against whatever a model happens to predict.
"""

from __future__ import annotations

from newsreader.app.main import NewsReaderApp
from newsreader.app.messages import ComparisonBuilt
from newsreader.corpus.article import Article, RemovedLine
from newsreader.nlp.annotation import AnnotatedArticle, Annotation, Entity, Sentence

ALPHA_TEXT = (
    "Pemimpin Korea Utara Kim Jong-un tiba di Rusia dengan kereta pribadi pada Selasa "
    "(12/9/2023). Ia bertemu Presiden Vladimir Putin di Vostochny pada Selasa malam.\n\n"
    "Kantor berita KCNA menyebut kunjungan itu berlangsung selama 18 bulan persiapan."
)
BETA_TEXT = (
    "Presiden Rusia Vladimir Putin menerima Kim Jong Un di Vostochny pada Rabu "
    "(13/9/2023). Keduanya membahas kerja sama antariksa.\n\n"
    "Menteri Jo Chun Ryong ikut dalam rombongan, kata Kremlin."
)
GAMMA_TEXT = (
    "Amerika Serikat khawatir Korea Utara menjual senjata ke Rusia. "
    "Juru bicara Gedung Putih menyampaikan hal itu di Washington."
)

# (surface, label, canonical) in order of appearance; offsets are found in the text.
_MARKS: dict[str, list[tuple[str, str, str]]] = {
    "alpha": [
        ("Korea Utara", "LOC", "Korea Utara"),
        ("Kim Jong-un", "PER", "Kim Jong Un"),
        ("Rusia", "LOC", "Rusia"),
        ("Selasa (12/9/2023)", "DATE", "2023-09-12"),
        ("Vladimir Putin", "PER", "Vladimir Putin"),
        ("Vostochny", "LOC", "Vostochny"),
        ("Selasa malam", "DATE", "Selasa malam"),
        ("KCNA", "ORG", "KCNA"),
        ("18 bulan", "QUANTITY", "18 bulan"),
    ],
    "beta": [
        ("Rusia", "LOC", "Rusia"),
        ("Vladimir Putin", "PER", "Vladimir Putin"),
        ("Kim Jong Un", "PER", "Kim Jong Un"),
        ("Vostochny", "LOC", "Vostochny"),
        ("Rabu (13/9/2023)", "DATE", "2023-09-13"),
        ("Jo Chun Ryong", "PER", "Jo Chun Ryong"),
        ("Kremlin", "ORG", "Kremlin"),
    ],
    "gamma": [
        ("Amerika Serikat", "LOC", "Amerika Serikat"),
        ("Korea Utara", "LOC", "Korea Utara"),
        ("Rusia", "LOC", "Rusia"),
        ("Gedung Putih", "ORG", "Gedung Putih"),
        ("Washington", "LOC", "Washington"),
    ],
}


def _entities(text: str, marks: list[tuple[str, str, str]]) -> tuple[Entity, ...]:
    found, cursor = [], 0
    for surface, label, canonical in marks:
        start = text.index(surface, cursor)
        found.append(Entity(start, start + len(surface), surface, label, canonical))
        cursor = start + len(surface)
    return tuple(found)


def _sentences(text: str) -> tuple[Sentence, ...]:
    """Sentence spans ending at '. ' or a paragraph end (these texts have no abbreviations)."""
    spans, start = [], 0
    for index, char in enumerate(text):
        at_end = index + 1 == len(text) or text[index + 1] in " \n"
        if char == "." and at_end:
            spans.append(Sentence(start, index + 1))
            start = index + 1
            while start < len(text) and text[start] in " \n":
                start += 1
    return tuple(spans)


def articles() -> list[Article]:
    """Three articles: two outlets on one story, one unknown-outlet article on another."""
    return [
        Article(
            id="alpha",
            path="/corpus/alpha.txt",
            text=ALPHA_TEXT,
            title="Kim Jong-un tiba di Rusia",
            outlet="Republika",
            date="2023-09-12",
            time="07:09",
            timezone="WIB",
            dateline="Moskow",
            byline="Dwina Agustin",
            removed=(
                RemovedLine("Baca Juga: Putin puji Kim", "related", ALPHA_TEXT.index("Kantor")),
            ),
        ),
        Article(
            id="beta",
            path="/corpus/beta.txt",
            text=BETA_TEXT,
            title="Putin sambut Kim di Vostochny",
            outlet="Nusadaily",
            date="2023-09-13",
            wire="Reuters",
        ),
        Article(id="gamma", path="/corpus/gamma.txt", text=GAMMA_TEXT),
    ]


def annotated() -> list[AnnotatedArticle]:
    return [
        AnnotatedArticle(
            article,
            Annotation(_entities(article.text, _MARKS[article.id]), _sentences(article.text)),
        )
        for article in articles()
    ]


def _sentence_text(text: str, index: int) -> str:
    span = _sentences(text)[index]
    return text[span.start : span.end]


def comparison_json() -> dict[str, object]:
    """A comparison in the documented ``compare --json`` shape, hand-made for these texts."""
    meeting_alpha = _sentence_text(ALPHA_TEXT, 1)
    meeting_beta = _sentence_text(BETA_TEXT, 0)
    minister = _sentence_text(BETA_TEXT, 2)
    return {
        "stories": [
            {
                "id": "s1",
                "articles": ["alpha", "beta"],
                "facts": [
                    {
                        "id": "f1",
                        "summary": "Putin bertemu Kim di Vostochny",
                        "mentions": [
                            {"article": "alpha", "sentence": meeting_alpha},
                            {"article": "beta", "sentence": meeting_beta},
                        ],
                        "discrepancies": [
                            {"kind": "day", "values": {"alpha": "Selasa", "beta": "Rabu"}}
                        ],
                    },
                    {
                        "id": "f2",
                        "summary": "Jo Chun Ryong ikut",
                        "mentions": [{"article": "beta", "sentence": minister}],
                        "discrepancies": [],
                    },
                ],
                "unique": {
                    "alpha": [_sentence_text(ALPHA_TEXT, 2)],
                    "beta": [_sentence_text(BETA_TEXT, 1)],
                },
                "shared_passages": [{"articles": ["alpha", "beta"], "chars": 42}],
                "blindspots": [
                    {
                        "entity": "Jo Chun Ryong",
                        "label": "PER",
                        "mentioned_by": ["Nusadaily"],
                        "missing_from": ["Republika"],
                    },
                    {
                        "entity": "Vladimir Putin",
                        "label": "PER",
                        "mentioned_by": ["Republika", "Nusadaily"],
                        "missing_from": [],
                    },
                ],
            },
            {"id": "s2", "articles": ["gamma"], "facts": [], "unique": {}, "shared_passages": []},
        ],
        "errors": [],
    }


def synthetic(count: int) -> list[Article]:
    """``count`` distinct articles built from the texts above, for scale tests."""
    outlets = ["Republika", "Nusadaily", "Antara", None, "Kompas", "Tempo", "Detik"]
    bodies = [ALPHA_TEXT, BETA_TEXT, GAMMA_TEXT]
    return [
        Article(
            id=f"s{index:05d}",
            path=f"/synthetic/s{index:05d}.txt",
            text=f"{bodies[index % 3]}\n\nCatatan nomor {index}.",
            title=f"Berita {index}: {'Kim' if index % 2 else 'Putin'} dan kunjungan ke Rusia",
            outlet=outlets[index % len(outlets)],
            date=f"2023-09-{1 + index % 28:02d}",
        )
        for index in range(count)
    ]


class SampleApp(NewsReaderApp):
    """The app on the samples, pre-annotated, with a fixed comparison (no workers racing)."""

    def __init__(self, *, with_comparison: bool = True, use_store: bool = True) -> None:
        super().__init__(articles=articles(), annotated=annotated(), use_store=use_store)
        self.with_comparison = with_comparison

    def compare_corpus(self, annotated):  # type: ignore[override]
        # The real comparison is compare's job; the pane is tested on a known one.
        if self.with_comparison:
            self.post_message(ComparisonBuilt(None, comparison_json()))
