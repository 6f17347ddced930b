"""Invariants of build() on arbitrary articles: nothing lost, nothing invented."""

from __future__ import annotations

from compare_samples import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsreader.compare import build, to_json

_WORDS = (
    "banjir gempa warga pemerintah kota sungai rumah tewas hilang pasar harga beras "
    "presiden menteri rapat kereta stasiun tiba berangkat Senin Selasa Minggu Ahad "
    "Jakarta Demak Cianjur BPBD kata ujarnya mengatakan 14 46 orang 1.200 (4/3/2024)"
).split()
_NAMES = [
    ("Jakarta", "LOC", "Jakarta"),
    ("Demak", "LOC", "Demak"),
    ("Cianjur", "LOC", "Cianjur"),
    ("BPBD", "ORG", "BPBD"),
    ("Senin", "DATE", "Senin"),
    ("Minggu", "DATE", "Minggu"),
    ("14 orang", "QUANTITY", "14 orang"),
]

_sentence = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
_article = st.tuples(
    st.lists(_sentence, min_size=0, max_size=6),
    st.sampled_from([None, "Kompas", "Detik"]),
    st.sampled_from([None, "2024-03-05", "2019-04-25"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_article, min_size=1, max_size=5))
def test_build_invariants(specs: list) -> None:
    items = [
        make_article(f"a{i}", " ".join(sentences), _NAMES, outlet=outlet, date=date)
        for i, (sentences, outlet, date) in enumerate(specs)
    ]
    texts = {item.article.id: item.article.text for item in items}
    comparison = build(items)

    placed = [a for story in comparison.stories for a in story.articles]
    assert sorted(placed) == sorted(texts)  # every article in exactly one story
    for story in comparison.stories:
        in_facts: set[tuple[str, int]] = set()
        for fact in story.facts:
            assert len(set(fact.articles)) >= 2
            assert fact.summary in {m.sentence for m in fact.mentions}
            for m in fact.mentions:
                assert texts[m.article][m.start : m.end] == m.sentence
                in_facts.add((m.article, m.index))
            for d in fact.discrepancies:
                assert set(d.values) <= set(fact.articles) and len(d.values) >= 2
        for article, mentions in story.unique.items():
            for m in mentions:
                assert texts[article][m.start : m.end] == m.sentence
                assert (article, m.index) not in in_facts
    data = to_json(comparison)
    assert [s["id"] for s in data["stories"]] == [s.id for s in comparison.stories]
