"""load(..., cache=...): hits skip the file, changes miss, a broken cache is ignored."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.corpus import (
    READER_VERSION,
    Article,
    FileKey,
    article_from_text,
    load,
    load_batches,
)
from newsreader.corpus import cache as cache_module
from newsreader.corpus.language import FUNCTION_WORDS, detect_language
from newsreader.corpus.sanitize import sanitize
from newsreader.store import Store

# Files written "a while ago": the loader does not cache a file written in
# the last moments (a rewrite within the same mtime tick would go unseen).
AN_HOUR_AGO_NS = 3_600 * 10**9


def _age(path: Path) -> None:
    past = os.stat(path).st_mtime_ns - AN_HOUR_AGO_NS
    os.utime(path, ns=(past, past))


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    for path in folder.iterdir():
        _age(path)
    return folder


class CountingCache:
    """A store that records what was asked for and what came back."""

    def __init__(self) -> None:
        self.store = Store.memory()
        self.hits = 0
        self.puts = 0

    def get_articles(
        self, keys: Iterable[FileKey], reader_version: str
    ) -> Mapping[FileKey, Article]:
        found = self.store.get_articles(list(keys), reader_version)
        self.hits += len(found)
        return found

    def put_articles(self, items: Iterable[tuple[FileKey, Article]], reader_version: str) -> None:
        items = list(items)
        self.puts += len(items)
        self.store.put_articles(items, reader_version)


def test_warm_load_equals_cold_and_reads_no_file(corpus: Path, monkeypatch) -> None:
    cache = CountingCache()
    cold = load([corpus], cache=cache)
    assert len(cold.articles) == 5 and cache.puts == 5 and cache.hits == 0

    opened: list[str] = []
    real_open = open

    def spying_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spying_open)
    warm = load([corpus], cache=cache)
    monkeypatch.undo()
    assert cache.hits == 5 and cache.puts == 5
    assert not [p for p in opened if p.startswith(str(corpus))]
    assert warm.articles == cold.articles == load([corpus]).articles


def test_a_changed_file_is_read_again(corpus: Path) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    target = sorted(corpus.iterdir())[0]
    text = target.read_text(encoding="utf-8")
    marker = "Paragraf tambahan tentang pertemuan berikutnya di Pyongyang."
    target.write_text(text + "\n\n" + marker + "\n", encoding="utf-8")
    _age(target)

    warm = load([corpus], cache=cache)
    changed = next(a for a in warm.articles if a.path == str(target))
    assert marker in changed.text
    assert cache.hits == 4  # the four others still come from the cache
    assert cache.puts == 6  # the changed file was cached anew


def test_same_size_rewrite_with_new_mtime_is_a_miss(corpus: Path) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    target = sorted(corpus.iterdir())[1]
    data = target.read_bytes()
    # Same length, different words: only the mtime tells the change.
    swapped = data.replace(b"Rusia", b"Korea", 1)
    assert len(swapped) == len(data) and swapped != data
    before = os.stat(target).st_mtime_ns
    target.write_bytes(swapped)
    os.utime(target, ns=(before + 10**9, before + 10**9))

    article = next(a for a in load([corpus], cache=cache).articles if a.path == str(target))
    assert article == next(a for a in load([corpus]).articles if a.path == str(target))
    assert cache.hits == 4


def test_another_reader_version_is_a_miss(corpus: Path, monkeypatch) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    monkeypatch.setattr("newsreader.corpus.loader.READER_VERSION", READER_VERSION + "-changed")
    load([corpus], cache=cache)
    assert cache.hits == 0 and cache.puts == 10


def test_reader_version_digests_the_rule_sources(monkeypatch) -> None:
    before = cache_module._digest_rules()
    monkeypatch.setattr(cache_module, "CORPUS_VERSION", cache_module.CORPUS_VERSION + "x")
    assert cache_module._digest_rules() != before
    assert READER_VERSION.endswith(before)


def test_ids_and_paths_come_from_this_load(corpus: Path, tmp_path: Path) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    # A second folder with a file of the same name: ids must be made unique
    # for this load, even though the cached article had the plain stem.
    other = tmp_path / "other"
    other.mkdir()
    first = sorted(corpus.iterdir())[0]
    shutil.copy2(first, other / first.name)
    _age(other / first.name)
    warm = load([corpus, other], cache=cache)
    assert len({a.id for a in warm.articles}) == 6
    assert [a.id for a in warm.articles] == [a.id for a in load([corpus, other]).articles]


def test_relative_and_absolute_paths_share_entries(corpus: Path, monkeypatch) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    monkeypatch.chdir(corpus.parent)
    warm = load([Path(corpus.name)], cache=cache)
    assert cache.hits == 5
    assert all(not Path(a.path).is_absolute() for a in warm.articles)


def test_a_just_written_file_is_not_cached(tmp_path: Path) -> None:
    fresh = tmp_path / "baru.txt"
    fresh.write_text(
        "Judul berita\n\nJAKARTA -- Presiden meresmikan jembatan baru pada Senin.\n",
        encoding="utf-8",
    )
    cache = CountingCache()
    assert len(load([tmp_path], cache=cache).articles) == 1
    assert cache.puts == 0


def test_files_over_max_bytes_are_reported_even_when_cached(corpus: Path) -> None:
    cache = CountingCache()
    load([corpus], cache=cache)
    result = load([corpus], cache=cache, max_bytes=100)
    assert not result.articles
    assert len(result.errors) == 5 and all("limit" in e.reason for e in result.errors)


class RaisingCache:
    def get_articles(self, keys, reader_version):
        raise RuntimeError("database is locked")

    def put_articles(self, items, reader_version):
        raise OSError("disk full")


class GarbageCache:
    """Returns entries that are not articles, or for files never asked about."""

    def get_articles(self, keys, reader_version):
        keys = list(keys)
        return {keys[0]: "not an article", FileKey("/elsewhere.txt", 1, 1): None}

    def put_articles(self, items, reader_version):
        list(items)


@pytest.mark.parametrize("cache", [RaisingCache(), GarbageCache()])
def test_a_broken_cache_never_breaks_loading(corpus: Path, cache) -> None:
    result = load([corpus], cache=cache)
    assert result.articles == load([corpus]).articles
    assert not result.errors


def test_store_on_disk_keeps_articles_across_opens(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    with Store.open(db) as store:
        cold = load([corpus], cache=store)
    with Store.open(db) as store:
        counting = CountingCache()
        counting.store = store
        warm = load([corpus], cache=counting)
        assert counting.hits == 5
    assert warm.articles == cold.articles


# -- the load path's speed-ups keep behaviour ---------------------------------
# Cold loads were profiled (docs/performance.md); the fast paths below must
# give exactly what the straightforward versions gave.

_ODD = st.sampled_from(
    list("\x1b\x9b\x90\r\n\t\v\f\x85\u2028\u00a0\u200b\u00ad\u202e\ufeff\u3000e\u0301 [")
)


def _sanitize_every_pass(text: str) -> str:
    from newsreader.corpus import sanitize as s
    from newsreader.textsafe import LINE_BREAKS, strip_controls

    text = strip_controls(LINE_BREAKS.sub("\n", text))
    text = s._ODD_SPACES.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = s._SPACE_RUNS.sub(" ", text)
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), _ODD), max_size=30).map("".join))
def test_sanitize_fast_path_matches_every_pass(text: str) -> None:
    assert sanitize(text) == _sanitize_every_pass(text)


def _language_by_each_word(text: str) -> str:
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in re.findall(r"[a-z]+", text[:20_000].lower()):
        for language, words in FUNCTION_WORDS.items():
            if word in words:
                counts[language] += 1
    best = max(counts, key=lambda lang: counts[lang])
    if best != "id" and counts[best] >= 5 and counts[best] >= 2 * counts["id"]:
        return best
    return "id"


_FUNCTION_WORD = st.sampled_from(sorted(set().union(*FUNCTION_WORDS.values())) + ["kim", "xyz"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_FUNCTION_WORD, max_size=60).map(" ".join))
def test_language_counting_matches_word_by_word(text: str) -> None:
    assert detect_language(text) == _language_by_each_word(text)


def test_duplicate_paragraphs_still_removed_with_cached_keys() -> None:
    repeated = "Pemerintah kota membuka tiga posko pengungsian baru di dekat sungai."
    text = (
        f"Judul\n\nJAKARTA -- Hujan deras turun sejak pagi.\n\n{repeated}\n\n{repeated.upper()}\n"
    )
    article = article_from_text(text)
    assert article.text.count("posko") == 1
    assert [r.kind for r in article.removed if "POSKO" in r.text] == ["duplicate"]


def test_batches_add_up_to_load_in_path_order(corpus: Path, tmp_path: Path) -> None:
    (corpus / "kosong.txt").write_bytes(b"")
    missing = tmp_path / "tidak-ada"
    cache = CountingCache()
    batches = list(load_batches([corpus, missing], cache=cache, batch=2))
    whole = load([corpus, missing])
    assert [len(b.articles) + len(b.errors) for b in batches][1:] == [2, 2]
    assert [b.files_done for b in batches] == [2, 4, 6]
    assert {b.files_total for b in batches} == {6}
    # The path that could not be walked comes first, with the first batch.
    assert batches[0].errors[0].path == str(missing)
    assert [a for b in batches for a in b.articles] == whole.articles
    assert sorted((e for b in batches for e in b.errors), key=lambda e: e.path) == whole.errors
    # Each batch looks up and fills the cache for its own files.
    assert cache.puts == 5
    again = [a for b in load_batches([corpus], cache=cache, batch=2) for a in b.articles]
    assert again == whole.articles and cache.hits == 5


def test_an_empty_corpus_is_one_empty_batch(tmp_path: Path) -> None:
    batches = list(load_batches([tmp_path]))
    assert len(batches) == 1
    assert (batches[0].articles, batches[0].errors) == ([], [])
    assert (batches[0].files_done, batches[0].files_total) == (0, 0)
