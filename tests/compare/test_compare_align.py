"""Alignment mechanics: bounded candidates, one sentence per article, no chaining."""

from __future__ import annotations

from compare_samples import make_article

from newsreader.compare import build
from newsreader.compare.align import (
    MUTUAL_THRESHOLD,
    PAIR_THRESHOLD,
    PROBES,
    WINDOW,
    Weights,
    candidate_pairs,
    cosine,
    unit_features,
)
from newsreader.compare.units import article_units


def test_candidates_grow_linearly_with_sentences() -> None:
    # Every sentence shares its words with every other: all pairs would be quadratic.
    sentence = "Pemerintah kota membangun jembatan baru di atas sungai besar itu."
    items = [make_article(f"a{i}", " ".join([sentence] * 3)) for i in range(60)]
    units = [u for i, item in enumerate(items) for u in article_units(item, i)]
    pairs = candidate_pairs(units, [unit_features(u) for u in units])
    assert len(pairs) <= len(units) * PROBES * WINDOW
    assert len(pairs) < len(units) * (len(units) - 1) // 4


def test_a_fact_holds_at_most_one_sentence_per_article() -> None:
    text_a = (
        "Gempa bermagnitudo 6,2 mengguncang Cianjur pada Senin siang. "
        "Gempa bermagnitudo 6,2 mengguncang Cianjur dan sekitarnya pada Senin siang."
    )
    text_b = "Gempa bermagnitudo 6,2 mengguncang Cianjur pada Senin siang, kata BMKG."
    comparison = build([make_article("a", text_a), make_article("b", text_b)])
    for story in comparison.stories:
        for fact in story.facts:
            assert len(fact.articles) == len(set(fact.articles))
    assert len(comparison.stories[0].facts) == 1
    assert len(comparison.stories[0].unique["a"]) == 1


def test_loosely_related_sentences_do_not_chain_into_one_fact() -> None:
    a = "Harga beras di pasar tradisional naik tajam menjelang bulan puasa tahun ini."
    b = "Harga beras naik tajam, dan pemerintah membuka operasi pasar di kota besar."
    c = "Pemerintah membuka operasi pasar minyak goreng di kota besar pekan depan."
    comparison = build([make_article("a", a), make_article("b", b), make_article("c", c)])
    grouped = [set(f.articles) for s in comparison.stories for f in s.facts]
    assert {"a", "b", "c"} not in grouped


def test_summary_is_one_of_the_mentions() -> None:
    a = "Kebakaran hutan di Riau menghanguskan 300 hektare lahan gambut pada Selasa."
    b = "Kebakaran hutan menghanguskan 300 hektare lahan gambut di Riau, Selasa."
    comparison = build([make_article("a", a), make_article("b", b)])
    fact = comparison.stories[0].facts[0]
    assert fact.summary in {m.sentence for m in fact.mentions}
    assert fact.id == "s1-f1"


def test_a_sentence_split_in_two_by_another_outlet_joins_both_halves() -> None:
    merged = (
        "Banjir merendam 1.200 rumah warga di Kabupaten Demak, dan pemerintah daerah "
        "mendirikan dapur umum di balai desa untuk para pengungsi."
    )
    split = (
        "Hujan deras mengguyur sejak pagi. Banjir merendam 1.200 rumah warga di Kabupaten "
        "Demak. Pemerintah daerah mendirikan dapur umum di balai desa untuk para pengungsi. "
        "Sekolah diliburkan selama tiga hari."
    )
    comparison = build([make_article("one", merged), make_article("two", split)])
    facts = comparison.stories[0].facts
    assert len(facts) == 1
    assert [(m.article, m.index) for m in facts[0].mentions] == [("one", 0), ("two", 1), ("two", 2)]
    assert len(comparison.stories[0].unique["two"]) == 2


def test_a_short_half_of_a_split_sentence_joins_its_neighbours_fact() -> None:
    merged = (
        "Bupati yang disebut jarang bepergian ke luar daerah, hanya melakukan tiga perjalanan "
        "dinas ke Jakarta selama lima tahun menjabat, termasuk rapat anggaran provinsi dan "
        "pertemuan dengan menteri keuangan di gedung kementerian."
    )
    split = (
        "Bupati tidak sering bepergian ke luar daerah. Ia hanya melakukan tiga perjalanan dinas "
        "ke Jakarta selama lima tahun menjabat, termasuk rapat anggaran provinsi dan pertemuan "
        "dengan menteri keuangan di gedung kementerian. Warga menunggu kunjungan berikutnya."
    )
    comparison = build([make_article("one", merged), make_article("two", split)])
    facts = comparison.stories[0].facts
    assert [(m.article, m.index) for m in facts[0].mentions] == [("one", 0), ("two", 0), ("two", 1)]


SAR = [("Budi Santoso", "PER", "Budi Santoso"), ("Kantor SAR Bandung", "ORG", "Kantor SAR Bandung")]


def test_one_spokesman_saying_two_things_is_two_facts() -> None:
    # The long attribution is most of each sentence's words; it is not the fact.
    a = (
        "Pencarian korban dihentikan sementara karena cuaca buruk, "
        "kata Kepala Kantor SAR Bandung Budi Santoso."
    )
    b = (
        "Dua korban ditemukan tim gabungan di bawah jembatan, "
        "kata Kepala Kantor SAR Bandung Budi Santoso."
    )
    comparison = build([make_article("a", a, SAR), make_article("b", b, SAR)])
    assert not [f for s in comparison.stories for f in s.facts]


def test_one_fact_under_two_attributions_still_aligns() -> None:
    a = "Tim gabungan menemukan dua jenazah di bawah reruntuhan jembatan, kata Budi Santoso."
    b = (
        "Menurut Kantor SAR Bandung, tim gabungan menemukan dua jenazah di bawah "
        "reruntuhan jembatan."
    )
    comparison = build([make_article("a", a, SAR), make_article("b", b, SAR)])
    (fact,) = [f for s in comparison.stories for f in s.facts]
    assert set(fact.articles) == {"a", "b"}


def test_a_paraphrase_aligns_when_each_is_the_others_only_close_match() -> None:
    # Few shared words ("diamankan", "Polres Subang"), under the plain threshold,
    # but each sentence is the other's best match and "Polres" is theirs alone.
    places = [("Polres Subang", "ORG", "Polres Subang"), ("Subang", "LOC", "Subang")]
    a = (
        "Bus pariwisata terguling di jalan tol Cipali, Subang, pada Minggu pagi. "
        "Sopir bus kini diamankan di Polres Subang untuk dimintai keterangan soal rem blong. "
        "Sebagian besar penumpang berasal dari Bekasi."
    )
    b = (
        "Sebuah bus pariwisata terguling di tol Cipali, Subang, Minggu pagi. "
        "Pengemudi yang membawa rombongan itu sudah diamankan di Polres Subang. "
        "Jalur menuju Jakarta sempat ditutup selama tiga jam."
    )
    items = [make_article("a", a, places), make_article("b", b, places)]
    units = [u for i, item in enumerate(items) for u in article_units(item, i)]
    weights = Weights.fit(unit_features(u) for u in units)
    score = cosine(weights.vector(unit_features(units[1])), weights.vector(unit_features(units[4])))
    assert MUTUAL_THRESHOLD <= score < PAIR_THRESHOLD
    facts = [
        {(m.article, m.index) for m in f.mentions} for s in build(items).stories for f in s.facts
    ]
    assert {("a", 1), ("b", 1)} in facts
    assert not any({("a", 2), ("b", 2)} <= fact for fact in facts)
