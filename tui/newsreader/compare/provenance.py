"""Where text came from: verbatim passages shared between articles, and wire credits.

Shared passages are found with hashed word 8-grams (shingles) through an
inverted index: articles sharing a shingle are candidate copies, and the
runs of consecutive shared shingles give the length of what was copied.
A shingle found in very many articles is boilerplate, not a copy, and is
ignored; this also keeps the work linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsreader.compare.model import SharedPassage, WireCredit
from newsreader.corpus.article import Article

SHINGLE = 8
_WORD = re.compile(r"[^\W_]+")
# Shingles in more articles than this are boilerplate (or wire copy so
# widespread that pairwise reporting says nothing).
MAX_SHINGLE_ARTICLES = 20
# Pairs sharing less than this many characters are coincidence, not copy.
MIN_SHARED_CHARS = 100

# Wire services and the names the text uses for them. Short acronyms are
# matched case-sensitively so "ap" or "ani" in running text never count.
WIRES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "REUTERS"),
    "AP": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse"),
    "Antara": ("Antara", "ANTARA"),
    "Xinhua": ("Xinhua",),
    "Yonhap": ("Yonhap",),
    "Kyodo": ("Kyodo",),
    "TASS": ("TASS",),
    "RIA Novosti": ("RIA Novosti",),
    "Sputnik": ("Sputnik",),
    "Bloomberg": ("Bloomberg",),
    "Bernama": ("Bernama",),
    "dpa": ("dpa", "DPA"),
    "Anadolu": ("Anadolu",),
    "KCNA": ("KCNA",),
    "UPI": ("UPI",),
    "EFE": ("EFE",),
}

_ALIASES = {name: wire for wire, names in WIRES.items() for name in names}
_NAMES = "|".join(re.escape(name) for name in sorted(_ALIASES, key=len, reverse=True))
_NAME = rf"(?<![\w])(?P<name>{_NAMES})(?![\w])"
_ANY_NAME = re.compile(_NAME)
_AGENCY = r"(?i:kantor[- ]kantor berita|kantor berita)\s+(?:\w+\s+){0,2}?"
_CREDIT = re.compile(
    r"(?i:\b(?:seperti\s+)?(?:dikutip|dilansir|mengutip|melansir|sumber)"
    rf"\s*(?:dari\s+)?:?\s*)(?:{_AGENCY})?{_NAME}"
)
_BRACKETED = re.compile(rf"\(\s*{_NAME}\s*(?:/[^)]{{0,30}})?\)")
# Naming an agency as a source ("kata kantor berita Rusia TASS", "menurut
# Yonhap", "laporan KCNA") is weaker than crediting it for the copy.
_ATTRIBUTION = re.compile(rf"(?:{_AGENCY}|(?i:\b(?:menurut|laporan|dilaporkan)\s+)){_NAME}")
_PATTERNS = ((_CREDIT, "credit"), (_BRACKETED, "credit"), (_ATTRIBUTION, "attribution"))


def wire_credits(article: Article) -> list[WireCredit]:
    """The wire services an article credits: in metadata, as a credit line, or as a source.

    Args:
        article: The article (its ``wire`` and cleaned text are read).

    Returns:
        One credit per (wire, evidence), metadata first, then in text order.
    """
    found_credits: list[WireCredit] = []
    seen: set[tuple[str, str]] = set()

    def add(wire: str, evidence: str, text: str) -> None:
        if (wire, evidence) not in seen:
            seen.add((wire, evidence))
            found_credits.append(WireCredit(article.id, wire, evidence, text))

    if article.wire:
        add(_ALIASES.get(article.wire.strip(), article.wire.strip()), "metadata", article.wire)
    found = []
    if not _ANY_NAME.search(article.text):
        return found_credits
    for pattern, evidence in _PATTERNS:
        for m in pattern.finditer(article.text):
            found.append((m.start(), evidence, _ALIASES[m.group("name")], m.group()))
    for _, evidence, wire, text in sorted(found):
        add(wire, evidence, " ".join(text.split()))
    return found_credits


def shared_passages(ids: Sequence[str], texts: Sequence[str]) -> list[SharedPassage]:
    """Pairs of articles sharing long verbatim passages.

    Args:
        ids: Article ids.
        texts: Their cleaned texts, same order.

    Returns:
        One entry per pair sharing at least MIN_SHARED_CHARS characters,
        longest first.
    """
    shingles: list[list[int]] = []
    postings: dict[int, list[int]] = defaultdict(list)
    for a, text in enumerate(texts):
        # Lower-cased word by word: lower-casing the whole text first can split
        # a word ("İ" becomes two characters) and shift every offset after it.
        words = [w.lower() for w in _WORD.findall(text)]
        # zip builds the 8-word tuples in C; hashing them is the whole cost.
        hashes = list(map(hash, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))
        shingles.append(hashes)
        for h in set(hashes):
            postings[h].append(a)
    shared_by = {h for h, holders in postings.items() if 2 <= len(holders) <= MAX_SHINGLE_ARTICLES}
    matched: dict[tuple[int, int], list[int]] = defaultdict(list)
    for a, hashes in enumerate(shingles):
        for pos, h in enumerate(hashes):
            if h in shared_by:
                for b in postings[h]:
                    if b > a:
                        matched[(a, b)].append(pos)
    spans: dict[int, list[tuple[int, int]]] = {}
    result = []
    for (a, b), positions in matched.items():
        if a not in spans:
            spans[a] = [m.span() for m in _WORD.finditer(texts[a])]
        words = spans[a]
        runs = _runs(sorted(set(positions)))
        shared = [(words[s][0], words[e + SHINGLE - 1][1]) for s, e in runs]
        chars = sum(end - start for start, end in shared)
        if chars >= MIN_SHARED_CHARS:
            start, end = max(shared, key=lambda span: span[1] - span[0])
            result.append(SharedPassage((ids[a], ids[b]), chars, texts[a][start:end]))
    result.sort(key=lambda p: (-p.chars, p.articles))
    return result


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Consecutive shingle positions merged into (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for pos in positions:
        if runs and pos <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], pos)
        else:
            runs.append((pos, pos))
    return runs
