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
# "A few seconds": about 3 s of CPU measured (0.3 ms per file). CPU time is
# asserted rather than wall time, which on 2 cores shared with other jobs
# swings several-fold; the bound still catches per-file cost growing with
# the corpus.
LIMIT_CPU_SECONDS = 10.0


def test_ten_thousand_small_files(tmp_path: Path) -> None:
    for i in range(COUNT):
        folder = tmp_path / f"batch-{i % 20:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"berita-{i:05d}.txt").write_text(ARTICLE.format(i=i), encoding="utf-8")
    start, cpu_start = time.perf_counter(), time.process_time()
    result = load([tmp_path])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    assert result.errors == []
    assert len(result.articles) == COUNT
    assert len({a.id for a in result.articles}) == COUNT
    paths = [a.path for a in result.articles]
    assert paths == sorted(paths)
    sample = result.articles[1234]
    assert sample.title.startswith("Judul Berita Nomor")
    assert sample.dateline == "Jakarta"
    assert [r.kind for r in sample.removed] == ["metadata", "related"]
    assert cpu < LIMIT_CPU_SECONDS, f"10,000 files took {cpu:.1f} s CPU ({elapsed:.1f} s wall)"
