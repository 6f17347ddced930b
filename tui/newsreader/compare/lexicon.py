"""Small general word tables that let lexical alignment see paraphrases.

Two data files beside this module, both general and small:

- ``data/synonyms_id.txt``: groups of Indonesian news words outlets use
  interchangeably for one fact ("tewas"/"meninggal", "memicu"/"menimbulkan").
- ``data/names_en_id.txt``: English words common in names of institutions
  and events with their Indonesian equivalents, since one outlet writes
  "Eastern Economic Forum" where another writes "Forum Ekonomi Timur".

Both are read once, lazily.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].lower().split()
        if words:
            rows.append(words)
    return rows


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Word or stem -> the word standing for its synonym group."""
    table: dict[str, str] = {}
    for words in _rows("synonyms_id.txt"):
        for word in words:
            table.setdefault(word, words[0])
    return table


@lru_cache(maxsize=1)
def name_translations() -> dict[str, str]:
    """English name word -> the Indonesian word used for it."""
    return {row[0]: row[1] for row in _rows("names_en_id.txt") if len(row) == 2}
