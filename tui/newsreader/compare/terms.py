"""Words as comparison sees them: content stems with offsets, and stopwords.

Stemming with PySastrawi is slow (a few hundred microseconds a word), but
news vocabulary repeats heavily, so every distinct word is stemmed once and
cached for the life of the process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsreader.compare.lexicon import name_translations, synonyms

# Words, keeping internal hyphens and apostrophes ("Jong-un", "Jum'at") and
# numbers with Indonesian separators ("1.500", "2,5") whole.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W_]+)*", re.UNICODE)

# Function words only. Lists like Sastrawi's or spaCy's also drop words that
# carry the fact in news ("tiba", "orang", "tahun"), so a short curated list
# is kept here instead.
STOPWORDS: frozenset[str] = frozenset(
    """
    ada adalah agar akan aku anda antara apa apakah atas atau bagaimana bagi bahwa
    bahwasanya baik bakal banyak begitu beberapa belum berada bersama beserta bila
    bisa boleh bukan dalam dan dapat dari daripada demi demikian dengan di dia
    diri dirinya hal hanya harus hingga ia ialah ini itu jadi jika juga justru
    kalau kami kamu kan karena ke kemudian kepada kini kita lagi lain lalu lebih
    maka masih melalui memang mereka meski meskipun misalnya mungkin namun nya
    oleh pada para pun saat saja sama sampai sang sebagai sebagaimana sebelum
    sebelumnya secara sedang sedangkan sehingga sejak seluruh semua sementara
    sendiri seorang seperti serta setelah setiap si sudah supaya tak tanpa tapi
    telah tentang tentu tersebut tetapi tidak untuk walau yaitu yakni yang
    sebuah suatu pula bahkan hampir sekitar selama terhadap tengah antar pihak
    pihaknya maupun ketika kala bagaimanapun apabila jikalau menurut menurutnya
    the of and to in a is for on that with
    """.split()
)

# Reporting verbs and filler that every news sentence may carry: kept out of
# fact similarity so "kata X" does not make two unrelated quotes look alike.
REPORTING_STEMS: frozenset[str] = frozenset(
    "kata ujar ungkap tambah jelas tegas nyata sebut tutur papar terang ucap imbuh".split()
)


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - Sastrawi ships no type hints
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


# A word that neither starts with a prefix nor ends with a suffix is its own
# stem; checking this first spares Sastrawi's slowest path (unknown words).
_AFFIXED = re.compile(r"^(?:me|di|be|te|pe|ke|se)|(?:kan|an|i|nya|lah|kah|pun|tah|ku|mu)$")


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """The Indonesian stem of one lower-case word ("kunjungannya" -> "kunjung").

    Args:
        word: A single lower-case word.

    Returns:
        The stem, or the word itself when stemming would empty it.
    """
    if len(word) <= 3 or not word.isalpha() and "-" not in word or not _AFFIXED.search(word):
        return word
    return _stemmer().stem(word) or word


@lru_cache(maxsize=262_144)
def _content(lower: str, name: bool) -> str | None:
    """The content stem of a lower-cased word; a name (``name``) is kept whole."""
    if lower in STOPWORDS or len(lower) < 2 or lower[0].isdigit():
        return None
    # An English name word reads as its Indonesian equivalent, so "Warning
    # Center" and "Pusat Peringatan" share their words.
    lower = name_translations().get(lower, lower)
    table = synonyms()
    if not name and lower in table:
        # Listed whole where Sastrawi misreads the word ("meninggal" -> "tinggal").
        return table[lower]
    stemmed = lower if name else stem(lower)
    if stemmed in STOPWORDS or stemmed in REPORTING_STEMS:
        return None
    return stemmed if name else table.get(stemmed, stemmed)


def content_stem(word: str) -> str | None:
    """The content stem of one common (not name) word, or None for a function word."""
    return _content(word.lower(), False)


def sentence_stems(
    sentence: str,
    start_at: int = 0,
    masked: Sequence[tuple[int, int]] = (),
    common: Sequence[tuple[int, int]] = (),
) -> tuple[list[int], list[str | None]]:
    """Word start offsets and content stems of a sentence, in one pass.

    Args:
        sentence: The sentence.
        start_at: Offset to start from (after a dateline).
        masked: Spans whose words get no stem (values such as dates and counts).
        common: Spans of names made of common words (institutions, events:
            "Dinas Pemadam Kebakaran"), whose capitalised words are stemmed
            like any other so they meet the same words written in lower case.

    Returns:
        (starts, stems): one entry per word; a stem is None for function
        words, numbers and masked words.
    """
    starts: list[int] = []
    stems: list[str | None] = []
    for m in _TOKEN.finditer(sentence, start_at):
        start = m.start()
        word = m[0]
        if masked and any(a <= start < b for a, b in masked):
            stems.append(None)
        else:
            name = bool(starts) and word[0].isupper()
            if name and common and any(a <= start < b for a, b in common):
                name = False
            stems.append(_content(word.lower(), name))
        starts.append(start)
    return starts, stems
