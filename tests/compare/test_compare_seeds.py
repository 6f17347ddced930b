"""End to end on the bundled seeds: corpus -> real annotator -> compare, scored on our gold.

The gold (gold_seeds.json) was written by reading the five seed articles
before any tuning. The floors below sit a little under the measured
numbers (see docs/compare.md) so that a change to the model or the
cleaning that costs real quality fails here.
"""

from __future__ import annotations

import pytest
from compare_gold import GOLD_SETS, load_gold, resolve, score

from newsreader import compare
from newsreader.analysis import annotate_articles
from newsreader.compare.dates import Agreement, compare_days
from newsreader.corpus import load
from newsreader.nlp.annotation import AnnotatedArticle
from newsreader.nlp.annotator import Annotator
from newsreader.nlp.normalize import normalize_date

# The same leaders four years earlier, in another city: another story.
SUMMIT_2019 = """Kim Jong Un dan Putin Bertemu di Vladivostok

Kamis 25 Apr 2019 15:30 WIB

VLADIVOSTOK -- Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin untuk \
pertama kalinya di Pulau Russky, Vladivostok, Rusia, pada Kamis (25/4/2019). Pertemuan puncak \
itu membahas program nuklir Korea Utara setelah pembicaraan Kim dengan Presiden Amerika Serikat \
Donald Trump di Hanoi gagal pada Februari.

Kim tiba di Vladivostok dengan kereta pribadi dari Pyongyang pada Rabu (24/4/2019). Putin \
mengatakan Rusia mendukung denuklirisasi Semenanjung Korea.

"Kami membahas situasi di semenanjung Korea secara terbuka," kata Putin kepada wartawan setelah \
pertemuan.
"""

MIN_PRECISION = 0.90
MIN_RECALL = 0.82
# Floors for the held-out stories (precision, recall), under the measured
# numbers in docs/compare.md; kecelakaan was written blind to the engine.
HELD_OUT_FLOORS = {
    "gempa": (0.90, 0.85),
    "kebakaran": (0.90, 0.60),
    "kecelakaan": (0.80, 0.45),
}


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


@pytest.fixture(scope="module")
def seeds(seeds_dir, annotator: Annotator) -> list[AnnotatedArticle]:
    result = load([seeds_dir])
    assert len(result.articles) == 5
    return annotate_articles(result.articles, annotator)


@pytest.fixture(scope="module")
def comparison(seeds: list[AnnotatedArticle]) -> compare.Comparison:
    return compare.build(seeds)


def test_seeds_are_one_story(comparison: compare.Comparison) -> None:
    assert len(comparison.stories) == 1
    assert len(comparison.stories[0].articles) == 5


def test_alignment_precision_and_recall_against_gold(
    comparison: compare.Comparison, seeds: list[AnnotatedArticle]
) -> None:
    result = score(comparison, seeds)
    assert result.precision >= MIN_PRECISION, result.false_positives
    assert result.recall >= MIN_RECALL, result.missed


def test_departure_day_disagreement_is_found(
    comparison: compare.Comparison, seeds: list[AnnotatedArticle]
) -> None:
    gold = load_gold()["discrepancies"][0]
    members = {resolve(key, seeds) for key in gold["members"]}
    found = [
        d
        for story in comparison.stories
        for fact in story.facts
        if {(m.article, m.index) for m in fact.mentions} & members
        for d in fact.discrepancies
        if d.kind == gold["kind"]
    ]
    assert len(found) == 1
    values = {article[:3]: normalize_date(text) for article, text in found[0].values.items()}
    for a, b in gold["different_value"]:
        if a in values and b in values:
            assert compare_days(values[a], values[b]) is Agreement.DIFFERENT
    for a, b in gold["same_value"]:
        if a in values and b in values:
            assert compare_days(values[a], values[b]) is Agreement.SAME
    assert "002" in values and len(values) >= 2


def test_no_other_discrepancy_on_the_seeds(comparison: compare.Comparison) -> None:
    # The gold lists one real disagreement; "satu lawan satu" vs "empat mata",
    # "pada 2019" vs "pada tahun 2019" and the like are synonyms.
    found = [d for s in comparison.stories for f in s.facts for d in f.discrepancies]
    assert len(found) == 1, found


def test_copied_wire_text_between_the_two_reuters_based_articles(
    comparison: compare.Comparison,
) -> None:
    pairs = {
        tuple(a[:3] for a in p.articles): p.chars for p in comparison.stories[0].shared_passages
    }
    assert pairs.get(("000", "003"), 0) >= 200
    assert all(chars >= 100 for chars in pairs.values())


def test_unrelated_and_older_stories_stay_apart_end_to_end(
    seeds_dir, tmp_path, annotator: Annotator
) -> None:
    """Seeds plus our flood reports and a 2019 summit report, through the real pipeline."""
    from compare_samples import DETIK, KOMPAS

    for seed in seeds_dir.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "flood_kompas.txt").write_text("Banjir Bandang\n\n" + KOMPAS, encoding="utf-8")
    (tmp_path / "flood_detik.txt").write_text("Korban Banjir\n\n" + DETIK, encoding="utf-8")
    (tmp_path / "kim_2019.txt").write_text(SUMMIT_2019, encoding="utf-8")
    articles = annotate_articles(load([tmp_path]).articles, annotator)
    stories = sorted(sorted(a[:5] for a in s.articles) for s in compare.build(articles).stories)
    assert stories == [
        ["000_f", "001_4", "002_4", "003_a", "004_9"],
        ["flood", "flood"],
        ["kim_2"],
    ]


def test_json_contract_on_the_seeds(comparison: compare.Comparison) -> None:
    data = compare.to_json(comparison, errors=[{"path": "x.txt", "reason": "unreadable"}])
    assert set(data) == {"stories", "errors"}
    assert data["errors"] == [{"path": "x.txt", "reason": "unreadable"}]
    story = data["stories"][0]
    assert {"id", "articles", "facts", "unique", "shared_passages"} <= set(story)
    for fact in story["facts"]:
        assert {"id", "summary", "mentions", "discrepancies"} <= set(fact)
        for mention in fact["mentions"]:
            assert {"article", "sentence"} <= set(mention)
        for d in fact["discrepancies"]:
            assert set(d) == {"kind", "values"}
            assert set(d["values"]) <= set(story["articles"])
    assert set(story["unique"]) == set(story["articles"])
    for passage in story["shared_passages"]:
        assert len(passage["articles"]) == 2 and isinstance(passage["chars"], int)


@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_held_out_story_is_one_story_and_aligns(name: str, annotator: Annotator) -> None:
    gold_path, folder = GOLD_SETS[name]
    articles = annotate_articles(load([folder]).articles, annotator)
    comparison = compare.build(articles)
    # Every article of a folder of one story reports it, however it words it.
    assert len(comparison.stories) == 1
    result = score(comparison, articles, gold_path)
    min_precision, min_recall = HELD_OUT_FLOORS[name]
    assert result.precision >= min_precision, result.false_positives
    assert result.recall >= min_recall, result.missed
