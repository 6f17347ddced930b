"""A folder of 10,000 small articles loads in seconds, without spaCy or trafilatura."""

from __future__ import annotations

import time
from pathlib import Path

from newsreader.corpus import load

ARTICLE = (
    "Judul Berita Nomor {i}\n\n"
    "JAKARTA -- Presiden membuka pameran buku ke-{i} di Jakarta pada Senin pagi. "
    "Acara itu dihadiri ribuan pengunjung.\n\n"
    "Baca juga: Pameran tahun lalu\n\n"
    "Panitia mengatakan pameran berlangsung hingga akhir pekan.\n"
)
COUNT = 10_000
# "A few seconds" on an idle machine (about 3 s measured on 2 shared cores);
# the bound leaves room for a busy CI box but still catches per-file cost
# growing with the corpus.
LIMIT_SECONDS = 15.0


def test_ten_thousand_small_files(tmp_path: Path) -> None:
    for i in range(COUNT):
        folder = tmp_path / f"batch-{i % 20:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"berita-{i:05d}.txt").write_text(ARTICLE.format(i=i), encoding="utf-8")
    start = time.perf_counter()
    result = load([tmp_path])
    elapsed = time.perf_counter() - start
    assert result.errors == []
    assert len(result.articles) == COUNT
    assert len({a.id for a in result.articles}) == COUNT
    paths = [a.path for a in result.articles]
    assert paths == sorted(paths)
    sample = result.articles[1234]
    assert sample.title.startswith("Judul Berita Nomor")
    assert sample.dateline == "Jakarta"
    assert [r.kind for r in sample.removed] == ["metadata", "related"]
    assert elapsed < LIMIT_SECONDS, f"10,000 files took {elapsed:.1f} s"
